// One requirement of the årlig genomgång: its reference, kind and text (its words editable where the
// reading is uncertain or the requirement is the nämnd's own), what usually shows it, last year's
// verdict and what changed; the verdict, the evidence and a comment; the numbers the workspace gives
// for it, each opening what it counts; and its actions in the shared action editor.
#include "action_editor.hpp"
#include "review_views.hpp"

namespace kvh::ui {

using core::AnnualReview;
using core::Assessment;
using core::Msg;
using core::ReviewItem;

namespace {

// Changes the requirement `id` (by id: whatever moved in this frame, it is this one); one undo step per
// field of it, keystrokes in one field together.
bool edit_item(App& app, const core::Document& doc, const ReviewItem& k, Msg field,
               core::FunctionRef<void(ReviewItem&)> change, bool typing = false) {
    const std::string id = k.id;
    return edit_review(
        app, doc.id, {Msg::ag_undo_item, {k.reference}, {field}},
        [&](AnnualReview& m) {
            for (std::size_t i = 0; i < m.entries.size(); ++i)
                if (m.entries[i].id == id) change(m.entries.edit(i));
        },
        typing, id + "/" + std::to_string(int(field)));
}

void item_text(App& app, const core::Document& doc, const ReviewItem& k, Msg label,
               std::string ReviewItem::*member, float lines) {
    std::string v = k.*member;
    if (text_field(core::tr(label), v, lines))
        edit_item(
            app, doc, k, label, [&](ReviewItem& x) { x.*member = v; }, true);
    show_refused(app, k.id + "/" + std::to_string(int(label)));
}

// The requirement as the review holds it, with what the template says usually shows it.
void draw_requirement(App& app, const core::Document& doc, const ReviewItem& k) {
    const auto& t = app.requirement_template();
    const core::Requirement* q = t ? core::find_requirement(*t, k.requirement) : nullptr;
    wrapped_muted(core::tr(core::requirement_kind_name(k.kind)));
    // Where domain.md marks the reading uncertain, or the nämnd wrote the requirement itself, the
    // words are the nämnd's to set; elsewhere they are the template's.
    if (!q || q->uncertain) {
        item_text(app, doc, k, Msg::ag_item_text, &ReviewItem::text, 2.5f);
        if (q) wrapped_muted(core::tr(Msg::ag_item_text_uncertain));
    } else {
        wrapped(k.text.c_str());
    }
    if (q) wrapped_muted(core::fmt(Msg::ag_item_help, {q->help}).c_str());
}

// Last year's verdict on the same requirement and whether this year's differs.
void draw_last_year(const ReviewItem& k, const ReviewItem* last, const ReviewFacts& f) {
    if (!f.last) return;
    section_title(core::fmt(Msg::ag_item_last_title, {std::to_string(f.last->year)}).c_str());
    if (!last) return wrapped_muted(core::tr(Msg::ag_item_last_none));
    const char* before = core::tr(core::assessment_name(last->assessment));
    wrapped(core::fmt(Msg::ag_item_last_verdict, {before}).c_str());
    if (!core::is_blank(last->evidence))
        wrapped_muted(core::fmt(Msg::ag_item_last_evidence, {last->evidence}).c_str());
    if (!core::is_blank(last->comment))
        wrapped_muted(core::fmt(Msg::ag_item_last_comment, {last->comment}).c_str());
    if (k.assessment == Assessment::ej_bedomt) return;
    // Words say the change; the warning colour only marks one for the worse.
    const auto shortfall = [](Assessment a) {
        return a == Assessment::uppfyller_inte ? 2 : a == Assessment::uppfyller_delvis ? 1 : 0;
    };
    const std::string change =
        core::fmt(Msg::ag_item_changed, {before, core::tr(core::assessment_name(k.assessment))});
    if (shortfall(k.assessment) > shortfall(last->assessment))
        colored_text(color_warning(), change.c_str());
    else if (last->assessment != k.assessment)
        wrapped(change.c_str());
    else
        wrapped_muted(core::tr(Msg::ag_item_unchanged));
}

void draw_actions(App& app, const core::Document& doc, const ReviewItem& k, std::size_t item) {
    section_title(core::fmt(Msg::risk_actions_title, {std::to_string(k.actions.size())}).c_str());
    const std::string reference = k.reference;
    for (std::size_t j = 0; j < k.actions.size(); ++j) {
        const core::Action& act = k.actions[j];
        const ActionPlace place{{doc.id, k.id, act.id}, item, int(j) + 1, [reference, j](Msg field) {
                                    return core::UndoLabel{Msg::ag_undo_action_field,
                                                           {reference, std::to_string(j + 1)},
                                                           {field}};
                                }};
        if (draw_action(app, place, act, !layout().narrow) == ActionRowEvent::remove) {
            edit_item(app, doc, k, Msg::risk_action_remove, [&](ReviewItem& x) {
                std::erase_if(x.actions, [&](const core::Action& a) { return a.id == act.id; });
            });
            break; // the rows below moved up: the next frame draws them
        }
    }
    if (ImGui::Button(core::tr(Msg::risk_action_add))) {
        core::Action act;
        act.id = core::new_uuid_v4(app.workspace().env());
        edit_item(app, doc, k, Msg::risk_action_add, [&](ReviewItem& x) { x.actions.push_back(act); });
    }
}

} // namespace

void draw_review_item(App& app, const core::Document& doc, const AnnualReview& r, std::size_t i,
                      const ReviewFacts& f) {
    auto& s = app.state.annual_review;
    if (i >= r.entries.size()) return;
    const ReviewItem& k = r.entries[i];
    if (ImGui::Button(core::tr(Msg::ag_back_to_review))) {
        s.item.clear();
        return;
    }
    heading(core::fmt(Msg::ag_item_heading, {k.reference, core::tr(core::report_section_name(k.section))})
                .c_str());
    ImGui::BeginDisabled(app.read_only());
    draw_requirement(app, doc, k);
    ImGui::EndDisabled();
    draw_last_year(k, last_years_item(f, i), f);

    section_title(core::tr(Msg::ag_item_assessment_title));
    ImGui::BeginDisabled(app.read_only());
    if (const auto a = enum_choice(core::tr(Msg::ag_item_verdict), k.assessment, core::all_assessments,
                                   core::assessment_name))
        edit_item(app, doc, k, Msg::ag_item_verdict, [&](ReviewItem& x) { x.assessment = *a; });
    item_text(app, doc, k, Msg::ag_item_evidence, &ReviewItem::evidence, 3);
    item_text(app, doc, k, Msg::ag_item_comment, &ReviewItem::comment, 2);
    ImGui::EndDisabled();

    const std::vector<core::EvidenceGroup> groups = core::evidence_groups(k.section);
    section_title(core::fmt(Msg::ag_evidence_title, {std::to_string(doc.year)}).c_str());
    if (groups.empty())
        wrapped_muted(core::tr(Msg::ag_evidence_none));
    else
        draw_evidence(app, doc, r, f.evidence, groups);

    ImGui::BeginDisabled(app.read_only());
    draw_actions(app, doc, k, i);
    ImGui::EndDisabled();
}

} // namespace kvh::ui
