// The årlig genomgång under the document's header: its scope, the template and version it was made
// with, last year's review beside it (and starting from that), how far the assessment has come, the
// way to the kvalitetsberättelse; its requirements by section as a list beside (laptop) or instead of
// (phone) the editor of one; and the nämnd's summary: the evidence of the year, the overall verdict,
// the focus areas for next year (each can become an action) and the decision.
#include "review_views.hpp"

#include "item_roles.hpp"
#include "list_beside_editor.hpp"
#include "view_buttons.hpp"

#include <algorithm>

namespace kvh::ui {

using core::AnnualReview;
using core::Assessment;
using core::Msg;
using core::ReviewItem;

// [SECTION] Shared with the review's other screens
bool edit_review(App& app, const std::string& doc_id, core::UndoLabel label,
                 core::FunctionRef<void(AnnualReview&)> change, bool typing, std::string where) {
    if (edit_body(app, doc_id, core::annual_review_of, std::move(label), change, typing)) return true;
    if (!app.workspace().refusal().empty())
        app.state.annual_review.refused = {std::move(where), refused_change_text(app.workspace().refusal()),
                                           app.workspace().generation()};
    return false;
}

void show_refused(App& app, std::string_view where) {
    const auto& r = app.state.annual_review.refused;
    if (r.where == where && r.generation == app.workspace().generation())
        colored_text(color_warning(), r.text.c_str(), kRoleLive);
}

std::string evidence_unit(const core::Document& doc, const AnnualReview& r) {
    return r.scope == core::ReviewScope::enhet ? doc.unit : std::string();
}

const ReviewFacts& review_facts(App& app, const core::Document& doc, const core::AnnualReviewPtr& r) {
    ReviewFacts& f = app.state.annual_review.facts;
    const std::string today = app.host().today();
    // While a field is typed in, the numbers wait: a keystroke costs no recount of the workspace, also
    // not one in the review's own year or unit (an edit like any other; counted once it is left).
    const bool other = f.doc != doc.id || f.today != today;
    if (other || (f.generation != app.workspace().generation() && !ImGui::IsAnyItemActive())) {
        f.evidence =
            core::review_evidence(app.workspace(), app.facts(), doc.year, evidence_unit(doc, *r), today);
        const core::Document* last = core::last_years_review(app.workspace(), doc);
        f.last = last ? app.workspace().find_shared(last->id) : nullptr;
        f.generation = app.workspace().generation();
        f.doc = doc.id;
        f.today = today;
        f.review = nullptr;
    }
    if (f.review != r) {
        f.review = r;
        const core::AnnualReviewPtr last = f.last ? core::annual_review_of(*f.last) : nullptr;
        f.compared = last ? core::compare_reviews(*r, *last) : std::vector<core::ItemComparison>{};
        std::fill(std::begin(f.counts), std::end(f.counts), 0);
        for (const ReviewItem& k : r->items()) ++f.counts[std::size_t(k.assessment)];
    }
    return f;
}

const ReviewItem* last_years_item(const ReviewFacts& f, std::size_t i) {
    return i < f.compared.size() ? f.compared[i].last : nullptr;
}

namespace {

std::size_t item_index(const AnnualReview& r, std::string_view id) {
    for (std::size_t i = 0; i < r.entries.size(); ++i)
        if (r.entries[i].id == id) return i;
    return r.entries.size();
}

// [SECTION] The review's header
void draw_scope(App& app, const core::Document& doc, const AnnualReview& r) {
    ImGui::BeginDisabled(app.read_only());
    if (const auto s =
            enum_choice(core::tr(Msg::ag_scope), r.scope, core::all_review_scopes, core::review_scope_name))
        edit_review(app, doc.id, {Msg::risk_undo_header, {}, {Msg::ag_scope}},
                    [&](AnnualReview& m) { m.scope = *s; });
    ImGui::EndDisabled();
    const std::string year = std::to_string(doc.year);
    if (r.scope != core::ReviewScope::enhet)
        wrapped_muted(core::fmt(Msg::ag_scope_all, {year}).c_str());
    else if (core::is_blank(doc.unit))
        colored_text(color_warning(), core::fmt(Msg::ag_scope_no_unit, {year}).c_str());
    else
        wrapped_muted(core::fmt(Msg::ag_scope_unit, {year, doc.unit}).c_str());
}

void draw_template(App& app, const AnnualReview& r) {
    const auto& t = app.requirement_template();
    if (r.template_id.empty()) return; // a review from before there was a template
    const std::string name = t && t->id == r.template_id ? t->name : r.template_id;
    wrapped_muted(core::fmt(Msg::ag_template, {name, r.template_version}).c_str());
    if (!t)
        colored_text(color_warning(), core::tr(Msg::ag_template_missing));
    else if (t->id == r.template_id && t->version != r.template_version)
        wrapped_muted(core::fmt(Msg::ag_template_newer, {t->version, r.template_version}).c_str());
}

// Last year's review beside this one; an untouched review can start from it.
void draw_last_year(App& app, const core::Document& doc, const AnnualReview& r, const ReviewFacts& f) {
    if (!f.last) {
        if (!r.previous.empty()) wrapped_muted(core::tr(Msg::ag_last_gone));
        return;
    }
    wrapped_muted(core::fmt(Msg::ag_last_year, {f.last->title, std::to_string(f.last->year)}).c_str());
    const core::AnnualReviewPtr last = core::annual_review_of(*f.last);
    if (!last || !r.previous.empty() || !core::is_untouched(r)) return;
    ImGui::BeginDisabled(app.read_only());
    if (ImGui::Button(core::tr(Msg::ag_start_from_last))) {
        const auto& t = app.requirement_template();
        if (!t) {
            show_toast(app, core::tr(Msg::ag_template_missing), false);
        } else {
            AnnualReview next = core::review_from_last_year(*last, f.last->id, *t, app.workspace().env());
            const std::string title = f.last->title;
            if (edit_review(app, doc.id, Msg::ag_undo_start_from_last, [&](AnnualReview& m) {
                    // What was already written on the cover stays; the rest is last year's.
                    if (!m.kommun.empty()) next.kommun = m.kommun;
                    if (!m.author.empty()) next.author = m.author;
                    next.diarienummer = m.diarienummer;
                    m = std::move(next);
                })) {
                app.state.annual_review.item.clear();
                show_toast(app, core::fmt(Msg::ag_started_from_last, {title}), true);
            }
        }
    }
    ImGui::EndDisabled();
}

// The review's particulars (level, template, last year) open when a review with nothing assessed yet is
// opened, as they are chosen first; otherwise one line, opened on request, so the requirements start
// high on a laptop. Decided once per opening: the page does not jump at the first verdict. A warning
// that asks for something (no unit for an enhet, no template) shows either way.
void draw_particulars(App& app, const core::Document& doc, const AnnualReview& r, const ReviewFacts& f) {
    auto& s = app.state.annual_review;
    if (!s.particulars) s.particulars = core::is_untouched(r);
    const bool open = *s.particulars;
    if (open) {
        draw_scope(app, doc, r);
        draw_template(app, r);
        draw_last_year(app, doc, r, f);
    }
    if (ImGui::Button(core::tr(open ? Msg::ag_header_hide : Msg::ag_header_show))) s.particulars = !open;
    if (open) return;
    std::string line = core::fmt(Msg::ag_header_level, {core::tr(core::review_scope_name(r.scope))});
    if (!r.template_version.empty()) line += " · " + core::fmt(Msg::ag_header_template, {r.template_version});
    if (f.last) line += " · " + core::fmt(Msg::ag_header_last, {std::to_string(f.last->year)});
    same_line_if_fits(line.c_str());
    ImGui::AlignTextToFramePadding();
    wrapped_muted(line.c_str());
    if (r.scope == core::ReviewScope::enhet && core::is_blank(doc.unit))
        colored_text(color_warning(), core::fmt(Msg::ag_scope_no_unit, {std::to_string(doc.year)}).c_str());
    if (!app.requirement_template()) colored_text(color_warning(), core::tr(Msg::ag_template_missing));
}

void draw_progress(const AnnualReview& r, const ReviewFacts& f) {
    const int total = int(r.entries.size());
    const int assessed = total - f.counts[std::size_t(Assessment::ej_bedomt)];
    std::string line = core::fmt(Msg::ag_progress, {std::to_string(assessed), std::to_string(total)});
    for (Assessment a : core::all_assessments)
        if (a != Assessment::ej_bedomt && f.counts[std::size_t(a)] > 0)
            line += " · " + core::fmt(Msg::ag_progress_part, {core::tr(core::assessment_name(a)),
                                                              std::to_string(f.counts[std::size_t(a)])});
    wrapped(line.c_str());
}

// [SECTION] The requirements
// The requirements in the berättelse's order of sections, each section's in the review's order.
std::vector<std::size_t> items_by_section(const AnnualReview& r) {
    std::vector<std::size_t> order(r.entries.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return r.entries[a].section < r.entries[b].section;
    });
    return order;
}

void draw_item_rows(App& app, const AnnualReview& r, const ReviewFacts& f) {
    auto& s = app.state.annual_review;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    ImFont* bold = ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : ImGui::GetFont();
    const float row_h =
        std::max(layout().row_height, 2 * line + style.ItemSpacing.y + 2 * style.FramePadding.y);
    std::optional<core::ReportSection> section;
    for (std::size_t i : items_by_section(r)) {
        const ReviewItem& k = r.entries[i];
        if (k.section != section) {
            section = k.section;
            section_title(core::tr(core::report_section_name(k.section)));
        }
        std::string head = k.reference + " · " + core::tr(core::assessment_name(k.assessment));
        if (const ReviewItem* last = last_years_item(f, i))
            head +=
                " (" + core::fmt(Msg::ag_row_last, {core::tr(core::assessment_name(last->assessment))}) + ")";
        ImGui::PushID(k.id.c_str());
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x;
        // One target under an id that stays while the wording is edited; assistive technology gets its
        // reference and text as the name and the verdicts (drawn over it) as the value.
        if (ImGui::Selectable("##row", s.item == k.id, 0, ImVec2(w, row_h))) s.item = k.id;
        const std::string name = core::fmt(Msg::ag_item_row, {k.reference, k.text});
        describe_last_item(name.c_str(), head.c_str());
        note_selected(name.c_str(), s.item == k.id);
        ImGui::PopID();
        const ImVec2 tp(at.x + style.FramePadding.x, at.y + style.FramePadding.y);
        const float tw = w - 2 * style.FramePadding.x;
        const bool short_of =
            k.assessment == Assessment::uppfyller_inte || k.assessment == Assessment::uppfyller_delvis;
        draw_text_lines(
            bold, tp, tw,
            ImGui::GetColorU32(short_of ? color_warning() : ImGui::GetStyleColorVec4(ImGuiCol_Text)), head,
            1);
        draw_text_lines(ImGui::GetFont(), ImVec2(tp.x, tp.y + line + style.ItemSpacing.y), tw,
                        ImGui::GetColorU32(ImGuiCol_TextDisabled), k.text, 1);
    }
}

void draw_items_tab(App& app, const core::Document& doc, const AnnualReview& r, const ReviewFacts& f) {
    if (!room_beside()) return draw_item_rows(app, r, f);
    list_beside_editor(
        "##requirements", [&] { draw_item_rows(app, r, f); }, "##requirement",
        [&] {
            const std::size_t open = item_index(r, app.state.annual_review.item);
            if (open < r.entries.size())
                draw_review_item(app, doc, r, open, f);
            else
                wrapped_muted(core::tr(Msg::ag_pick_item));
        });
}

// [SECTION] The summary and the decision
// The requirement a focus area's action is put under: the one on the yearly review itself (the
// template's fokus section), else the last.
std::size_t focus_item(const AnnualReview& r) {
    for (std::size_t i = 0; i < r.entries.size(); ++i)
        if (r.entries[i].section == core::ReportSection::fokus) return i;
    return r.entries.size() - 1;
}

// The focus area becomes an action under focus_item and names it, in one undo step: rewording either
// later keeps the link, and only a deleted action offers this again.
void make_action(App& app, const core::Document& doc, const AnnualReview& r, std::size_t i) {
    if (r.entries.empty()) return;
    const std::size_t at = focus_item(r);
    const std::string focus = r.focus_areas[i].text;
    core::Action act;
    act.id = core::new_uuid_v4(app.workspace().env());
    act.what = focus;
    act.why = core::fmt(Msg::ag_focus_action_why, {std::to_string(doc.year + 1)});
    const std::string reference = r.entries[at].reference;
    if (edit_review(
            app, doc.id, {Msg::ag_undo_focus_action, {focus}},
            [&](AnnualReview& m) {
                m.entries.edit(at).actions.push_back(act);
                m.focus_areas[i].action = act.id;
            },
            false, "focus"))
        show_toast(app, core::fmt(Msg::ag_focus_made_action, {focus, reference}), true);
}

// The buttons under a focus area, each named for its own (`area`): a screen reader lists a screen's
// buttons apart from what they stand under.
bool focus_button(Msg label, const std::string& area) {
    const bool pressed = ImGui::Button(core::tr(label));
    describe_last_item(core::fmt(Msg::a11y_in_context, {core::tr(label), area}).c_str(), nullptr);
    return pressed;
}

void draw_focus_areas(App& app, const core::Document& doc, const AnnualReview& r) {
    auto& s = app.state.annual_review;
    section_title(core::fmt(Msg::ag_focus_title, {std::to_string(doc.year + 1)}).c_str());
    if (r.focus_areas.empty()) wrapped_muted(core::tr(Msg::ag_focus_none));
    const ImGuiStyle& style = ImGui::GetStyle();
    for (std::size_t i = 0; i < r.focus_areas.size(); ++i) {
        const std::string number = std::to_string(i + 1), where = "focus/" + number;
        ImGui::PushID(int(i));
        std::string v = r.focus_areas[i].text;
        const std::string area = core::fmt(Msg::ag_focus_n, {number});
        if (text_field(area.c_str(), v, 1.5f))
            edit_review(
                app, doc.id, {Msg::ag_undo_focus, {number}},
                [&](AnnualReview& m) { m.focus_areas[i].text = v; }, true, where);
        show_refused(app, where);
        if (const core::FocusAreaAction made = core::focus_area_action(r, i); made.action) {
            wrapped(core::fmt(Msg::ag_focus_is_action, {made.item->reference, made.action->what}).c_str());
            // Opens the requirement it is under, where the action editor has it.
            if (focus_button(Msg::ag_focus_open_action, area)) {
                s.item = made.item->id;
                s.summary_tab = false;
            }
        } else if (focus_button(Msg::ag_focus_to_action, area)) {
            make_action(app, doc, r, i);
        }
        ImGui::SameLine(0, 2 * style.ItemSpacing.x);
        if (focus_button(Msg::ag_focus_remove, area))
            if (edit_review(app, doc.id, {Msg::ag_undo_focus_remove, {number}}, [&](AnnualReview& m) {
                    m.focus_areas.erase(m.focus_areas.begin() + std::ptrdiff_t(i));
                }))
                show_toast(app, core::fmt(Msg::ag_focus_removed, {r.focus_areas[i].text}), true);
        ImGui::PopID();
        ImGui::Spacing();
    }
    // A new one is typed first and added whole: a blank focus area is no decision.
    text_field(core::tr(Msg::ag_focus_new), s.new_focus_area, 1.5f);
    if (ImGui::Button(core::tr(Msg::ag_focus_add))) {
        if (core::is_blank(s.new_focus_area))
            show_toast(app, core::tr(Msg::ag_focus_blank), false);
        else if (edit_review(
                     app, doc.id, Msg::ag_undo_focus_add,
                     [&](AnnualReview& m) {
                         m.focus_areas.push_back({s.new_focus_area, ""});
                     },
                     false, "focus/new"))
            s.new_focus_area.clear();
    }
    show_refused(app, "focus/new");
}

void draw_summary_tab(App& app, const core::Document& doc, const AnnualReview& r, const ReviewFacts& f) {
    section_title(core::fmt(Msg::ag_evidence_title, {std::to_string(doc.year)}).c_str());
    const core::EvidenceGroup all[] = {core::EvidenceGroup::risk_analyses,
                                       core::EvidenceGroup::egenkontroller, core::EvidenceGroup::actions};
    draw_evidence(app, doc, r, f.evidence, all);
    ImGui::BeginDisabled(app.read_only());
    const core::ScopeWords& whose = core::scope_words(r.scope);
    section_title(core::tr(whose.summary));
    if (const auto a =
            enum_choice(core::tr(whose.overall), r.overall, core::all_assessments, core::assessment_name))
        edit_review(app, doc.id, {Msg::risk_undo_header, {}, {whose.overall}},
                    [&](AnnualReview& m) { m.overall = *a; });
    draw_focus_areas(app, doc, r);
    section_title(core::tr(Msg::berattelse_decision));
    std::string by = r.decided_by;
    if (text_field(core::tr(Msg::ag_decided_by), by, 0, FieldKind::name))
        edit_review(
            app, doc.id, {Msg::risk_undo_header, {}, {Msg::ag_decided_by}},
            [&](AnnualReview& m) { m.decided_by = by; }, true, "decided_by");
    show_refused(app, "decided_by");
    std::string date = r.decided_date;
    ImGui::PushID(doc.id.c_str());
    const DateChange change = date_field(app, core::tr(Msg::ag_decided_date), date);
    ImGui::PopID();
    if (change != DateChange::none)
        edit_review(
            app, doc.id, {Msg::risk_undo_header, {}, {Msg::ag_decided_date}},
            [&](AnnualReview& m) { m.decided_date = date; }, change == DateChange::typed);
    std::string paragraph = r.paragraph;
    if (text_field(core::tr(Msg::ag_paragraph), paragraph, 0, FieldKind::verbatim))
        edit_review(
            app, doc.id, {Msg::risk_undo_header, {}, {Msg::ag_paragraph}},
            [&](AnnualReview& m) { m.paragraph = paragraph; }, true, "paragraph");
    show_refused(app, "paragraph");
    ImGui::EndDisabled();
}

} // namespace

// [SECTION] Entry points
core::BodyPtr new_annual_review(App& app) {
    const auto& t = app.requirement_template();
    if (!t) return nullptr;
    return std::make_shared<AnnualReview>(core::review_from_template(*t, app.workspace().env()));
}

bool draw_annual_review_alone(App& app, const core::Document& doc) {
    auto& s = app.state.annual_review;
    if (s.doc != doc.id) s.open(doc.id);
    const core::AnnualReviewPtr r = core::annual_review_of(doc);
    if (!r) return false;
    if (!s.item.empty() && item_index(*r, s.item) == r->entries.size()) s.item.clear();
    // On a phone an open requirement is the whole screen: one thing at a time.
    const bool item_alone = !s.item.empty() && !s.summary_tab && !room_beside();
    // What takes the screen starts at its top, not where the review was scrolled to.
    const std::string shown = s.berattelse ? "berattelse" : item_alone ? s.item : "";
    if (shown != s.shown) {
        ImGui::SetScrollY(0);
        s.shown = shown;
    }
    if (s.berattelse) {
        draw_berattelse(app, doc, *r);
        return true;
    }
    if (!item_alone) return false;
    draw_review_item(app, doc, *r, item_index(*r, s.item), review_facts(app, doc, r));
    return true;
}

void draw_annual_review(App& app, const core::Document& doc) {
    auto& s = app.state.annual_review;
    const core::AnnualReviewPtr r = core::annual_review_of(doc);
    if (!r) return;
    const ReviewFacts& f = review_facts(app, doc, r);
    draw_particulars(app, doc, *r, f);
    draw_progress(*r, f);
    if (ImGui::Button(core::tr(Msg::ag_open_berattelse))) s.berattelse = true;

    // The two parts of the review as a pair of buttons, the one shown marked as pressed and named.
    const std::string labels[] = {core::fmt(Msg::ag_tab_items, {std::to_string(r->entries.size())}),
                                  core::tr(Msg::ag_tab_summary)};
    same_line_if_fits(labels[0].c_str());
    if (const auto k = view_buttons(labels, s.summary_tab ? 1 : 0)) s.summary_tab = *k == 1;
    ImGui::Separator();
    if (s.summary_tab) return draw_summary_tab(app, doc, *r, f);
    draw_items_tab(app, doc, *r, f);
}

} // namespace kvh::ui
