// The risk analysis screen: the analysis' header (why, who took part, scale, decision), its risks as
// a list (search, sort, filter, flags) and as matrices (current and residual risk), and the way into
// the one-risk editor, the library, the analysdag mode and the exports.
#include "risk_views.hpp"

#include "list_beside_editor.hpp"

#include "core/exchange_format.hpp"
#include "core/search.hpp"

#include <algorithm>
#include <map>

namespace kvh::ui {

using core::Msg;

// [SECTION] The edit path
const core::DocFacts* analysis_facts(App& app, const core::Document& doc, const core::RiskAnalysis& a) {
    const core::DocFacts* f = app.facts().of(doc.id);
    const bool current =
        f && f->doc && f->doc->body.get() == static_cast<const core::Body*>(&a) && f->analysis;
    return current ? f : nullptr;
}

bool edit_analysis(App& app, const std::string& doc_id, core::UndoLabel label,
                   core::FunctionRef<void(core::RiskAnalysis&)> change, bool typing) {
    return edit_body(app, doc_id, core::analysis_of, std::move(label), change, typing);
}

core::Risk* find_risk(core::RiskAnalysis& a, const std::string& id) {
    const int n = risk_number(a, id);
    return n > 0 ? &a.risks.edit(std::size_t(n - 1)) : nullptr;
}
const core::Risk* find_risk(const core::RiskAnalysis& a, const std::string& id) {
    const int n = risk_number(a, id);
    return n > 0 ? &a.risks[std::size_t(n - 1)] : nullptr;
}
int risk_number(const core::RiskAnalysis& a, const std::string& id) {
    const std::size_t i = core::index_of(a.risks, id);
    return i < a.risks.size() ? int(i) + 1 : 0;
}
core::UndoLabel risk_label(const core::RiskAnalysis& a, const std::string& id, Msg field) {
    return {Msg::risk_undo_field, {std::to_string(risk_number(a, id))}, {field}};
}

void set_scores(App& app, const core::Document& doc, const std::string& risk_id, int s, int k,
                bool residual) {
    const AnalysisPtr a = analysis_of(doc);
    if (!a) return;
    edit_analysis(
        app, doc.id, risk_label(*a, risk_id, residual ? Msg::risk_residual : Msg::risk_scores),
        [&](core::RiskAnalysis& m) {
            if (core::Risk* r = find_risk(m, risk_id)) {
                (residual ? r->residual_s : r->s) = s;
                (residual ? r->residual_k : r->k) = k;
            }
        },
        false);
}

// [SECTION] Widgets of this screen
namespace {

// A text field of the analysis header; every keystroke is an edit, one undo step per field.
void header_text(App& app, const core::Document& doc, Msg label, const std::string& value,
                 std::string core::RiskAnalysis::*member, bool multiline = false,
                 FieldKind kind = FieldKind::prose) {
    std::string v = value;
    if (text_field(core::tr(label), v, multiline ? 4.5f : 0, kind))
        edit_analysis(
            app, doc.id, {Msg::risk_undo_header, {}, {label}}, [&](core::RiskAnalysis& a) { a.*member = v; },
            true);
}

// A date of the analysis header: stored only as a whole date, typing in it is one undo step. Under
// the document's id, so text left unfinished in one analysis does not show up in the next one.
void header_date(App& app, const core::Document& doc, Msg label, const std::string& value,
                 std::string core::RiskAnalysis::*member) {
    std::string v = value;
    ImGui::PushID(doc.id.c_str());
    const DateChange change = date_field(app, core::tr(label), v);
    ImGui::PopID();
    if (change != DateChange::none)
        edit_analysis(
            app, doc.id, {Msg::risk_undo_header, {}, {label}}, [&](core::RiskAnalysis& a) { a.*member = v; },
            change == DateChange::typed);
}

void draw_participants(App& app, const core::Document& doc, const core::RiskAnalysis& a) {
    section_title(core::tr(Msg::risk_participants));
    wrapped_muted(core::tr(Msg::risk_participants_hint));
    static const Msg roles[] = {Msg::role_enhetschef,
                                Msg::role_sas,
                                Msg::role_mas,
                                Msg::role_mar,
                                Msg::role_verksamhetschef,
                                Msg::role_medarbetare,
                                Msg::role_kvalitetsombud,
                                Msg::role_verksamhetsutvecklare};
    const bool narrow = layout().narrow;
    for (std::size_t i = 0; i < a.participants.size(); ++i) {
        ImGui::PushID(int(i));
        const core::Participant& p = a.participants[i];
        const std::string number = std::to_string(i + 1);
        // By id, not place: whatever an earlier edit in this frame changed, it is this participant.
        const auto set = [id = p.id](std::string core::Participant::*field, std::string value) {
            return [=](core::RiskAnalysis& m) {
                for (core::Participant& q : m.participants)
                    if (q.id == id) q.*field = value;
            };
        };
        std::string name = p.name, role = p.role;
        // One framed row per participant: name, role (typed or chosen) and its remove button; on a
        // phone the same group in three lines.
        ImGui::BeginChild("##participant", ImVec2(0, 0),
                          ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY |
                              ImGuiChildFlags_AlwaysUseWindowPadding);
        const ImGuiStyle& style = ImGui::GetStyle();
        const char* pick = core::tr(Msg::risk_role_pick);
        const char* remove = core::tr(Msg::list_delete);
        const float buttons_w = ImGui::CalcTextSize(pick).x + ImGui::CalcTextSize(remove).x +
                                4 * style.FramePadding.x + 2 * style.ItemSpacing.x;
        const float field_w =
            narrow ? -FLT_MIN : (ImGui::GetContentRegionAvail().x - buttons_w - style.ItemSpacing.x) * 0.5f;
        ImGui::SetNextItemWidth(field_w);
        if (input_text(("##" + core::fmt(Msg::risk_participant_name, {number})).c_str(), name,
                       core::tr(Msg::risk_name_hint), FieldKind::name))
            edit_analysis(app, doc.id, {Msg::risk_undo_participant_name, {number}},
                          set(&core::Participant::name, name), true);
        if (!narrow) ImGui::SameLine();
        ImGui::SetNextItemWidth(field_w);
        if (input_text(("##" + core::fmt(Msg::risk_participant_role, {number})).c_str(), role,
                       core::tr(Msg::risk_role_hint)))
            edit_analysis(app, doc.id, {Msg::risk_undo_participant, {number}},
                          set(&core::Participant::role, role), true);
        if (!narrow) ImGui::SameLine();
        if (ImGui::Button(pick)) ImGui::OpenPopup("##roles");
        if (ImGui::BeginPopup("##roles")) {
            for (Msg r : roles)
                if (menu_item(core::tr(r)))
                    edit_analysis(app, doc.id, {Msg::risk_undo_participant, {number}},
                                  set(&core::Participant::role, core::tr(r)));
            ImGui::EndPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(remove))
            edit_analysis(app, doc.id, Msg::risk_undo_participant_remove,
                          [id = p.id](core::RiskAnalysis& m) { core::remove_participant(m, id); });
        ImGui::EndChild();
        ImGui::PopID();
    }
    if (ImGui::Button(core::tr(Msg::risk_participant_add)))
        edit_analysis(app, doc.id, Msg::risk_undo_participant_add,
                      [id = core::new_uuid_v4(app.workspace().env())](core::RiskAnalysis& m) {
                          m.participants.push_back({id, "", ""});
                      });
}

void draw_header(App& app, const core::Document& doc, const core::RiskAnalysis& a) {
    auto& ws = app.workspace();
    std::string title = doc.title, unit = doc.unit;
    if (text_field(core::tr(Msg::field_title), title))
        ws.edit(doc.id, Msg::undo_title, [&](core::Document& d) { d.title = title; });
    if (text_field(core::tr(Msg::field_unit), unit, 0, FieldKind::name))
        ws.edit(doc.id, Msg::undo_unit, [&](core::Document& d) { d.unit = unit; });
    if (const auto r =
            enum_choice(core::tr(Msg::risk_reason), a.reason, core::all_analysis_reasons, core::reason_name))
        edit_analysis(app, doc.id, Msg::risk_undo_reason, [&](core::RiskAnalysis& m) { m.reason = *r; });
    header_text(app, doc, Msg::risk_reason_text, a.reason_text, &core::RiskAnalysis::reason_text, true);
    header_date(app, doc, Msg::risk_date, a.date, &core::RiskAnalysis::date);
    if (const auto ph =
            enum_choice(core::tr(Msg::risk_phase), a.phase, core::all_analysis_phases, core::phase_name))
        edit_analysis(app, doc.id, Msg::risk_undo_phase, [&](core::RiskAnalysis& m) { m.phase = *ph; });
    draw_participants(app, doc, a);
    draw_scale(app, doc, a);
    section_title(core::tr(Msg::risk_decision_section));
    header_text(app, doc, Msg::risk_summary, a.summary, &core::RiskAnalysis::summary, true);
    header_text(app, doc, Msg::risk_decided_by, a.decided_by, &core::RiskAnalysis::decided_by, false,
                FieldKind::name);
    header_date(app, doc, Msg::risk_decided_date, a.decided_date, &core::RiskAnalysis::decided_date);
    header_date(app, doc, Msg::risk_follow_up_date, a.follow_up_date, &core::RiskAnalysis::follow_up_date);
}

// New risk and the library: right under the heading, so they are in reach before the long header.
void draw_add_buttons(App& app, const core::Document& doc) {
    auto& rv = app.state.risk;
    ImGui::BeginDisabled(app.read_only());
    if (ImGui::Button(core::tr(Msg::risk_new))) {
        const std::string id = core::new_uuid_v4(app.workspace().env());
        if (edit_analysis(app, doc.id, Msg::risk_undo_new, [&](core::RiskAnalysis& m) {
                core::Risk r;
                r.id = id;
                m.risks.push_back(r);
            }))
            rv.risk = id;
    }
    ImGui::SameLine();
    if (ImGui::Button(core::tr(Msg::risk_from_library))) rv.library_open = true;
    ImGui::EndDisabled();
}

// [SECTION] The list of risks
// The flags of risk `i`: from the facts index when it holds this very version, else computed.
std::vector<core::RiskFlag> flags_of(const core::DocFacts* facts, const core::RiskAnalysis& a,
                                     std::size_t i) {
    return facts ? facts->risk_flags(i) : core::risk_flags(a, a.risks[i]);
}

// The rows shown, filtered and sorted once per change of the analysis or the choices, not per frame.
const std::vector<int>& risk_rows(App& app, const core::Document& doc, const core::DocFacts* facts) {
    auto& rv = app.state.risk;
    const AnalysisPtr shared = analysis_of(doc);
    const core::RiskAnalysis& a = *shared;
    const std::string key = std::to_string(rv.filter_s) + "," + std::to_string(rv.filter_k) + "," +
                            std::to_string(rv.filter_residual) + std::to_string(rv.only_flagged) +
                            std::to_string(rv.sort) + "," + rv.search;
    auto& cache = rv.rows;
    if (cache.analysis == shared && cache.key == key) return cache.rows;
    std::vector<int>& rows = cache.rows;
    rows.clear();
    const std::string query = core::fold_case(rv.search);
    for (std::size_t i = 0; i < a.risks.size(); ++i) {
        const core::Risk& r = a.risks[i];
        const int s = rv.filter_residual ? r.residual_s : r.s, k = rv.filter_residual ? r.residual_k : r.k;
        if (rv.filter_s && (s != rv.filter_s || k != rv.filter_k)) continue;
        if (rv.only_flagged && flags_of(facts, a, i).empty()) continue;
        if (!query.empty() && core::fold_case(r.description).find(query) == std::string::npos &&
            core::fold_case(r.category).find(query) == std::string::npos)
            continue;
        rows.push_back(int(i));
    }
    auto value = [&](int i) { return a.scale.value(a.risks[std::size_t(i)].s, a.risks[std::size_t(i)].k); };
    if (rv.sort == 1)
        std::stable_sort(rows.begin(), rows.end(), [&](int x, int y) { return value(x) > value(y); });
    else if (rv.sort == 2)
        std::stable_sort(rows.begin(), rows.end(), [&](int x, int y) {
            return a.risks[std::size_t(x)].category < a.risks[std::size_t(y)].category;
        });
    else if (rv.sort == 3)
        std::stable_sort(rows.begin(), rows.end(), [&](int x, int y) {
            return int(a.risks[std::size_t(x)].decision) < int(a.risks[std::size_t(y)].decision);
        });
    cache.analysis = shared;
    cache.key = key;
    return rows;
}

void draw_risk_rows(App& app, const core::Document& doc, const core::RiskAnalysis& a) {
    auto& rv = app.state.risk;
    const core::DocFacts* facts = analysis_facts(app, doc, a);
    const std::vector<int>& rows = risk_rows(app, doc, facts);

    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    // Every row has the same height: only those on screen are drawn, whatever the number of risks.
    ImGuiListClipper clipper;
    clipper.Begin(int(rows.size()));
    while (clipper.Step())
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const int i = rows[std::size_t(row)];
            const core::Risk& r = a.risks[std::size_t(i)];
            ImGui::PushID(r.id.c_str());
            const auto flags = flags_of(facts, a, std::size_t(i));
            // Two lines of the description, the category, actions and flags on a third.
            const float row_h =
                std::max(layout().row_height, 3 * line + style.ItemSpacing.y + 2 * style.FramePadding.y);
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float w = ImGui::GetContentRegionAvail().x;
            const std::string desc =
                r.description.empty() ? core::tr(Msg::risk_no_description) : r.description;
            const std::string number = std::to_string(i + 1);
            const std::string row_label = "##" + core::fmt(Msg::risk_row_label, {number, desc});
            if (ImGui::Selectable(row_label.c_str(), rv.risk == r.id, 0, ImVec2(w, row_h))) rv.risk = r.id;
            note_selected(row_label.c_str(), rv.risk == r.id);
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const int v = a.scale.value(r.s, r.k);
            const float badge = line * 2.2f;
            const ImVec2 b0(p.x + style.FramePadding.x, p.y + (row_h - badge) * 0.5f);
            dl->AddRectFilled(b0, b0 + ImVec2(badge, badge), band_colour(a.scale.band(v)), 4);
            const std::string vs = v ? std::to_string(v) : "–";
            const ImVec2 ts = ImGui::CalcTextSize(vs.c_str());
            const ImVec2 vs_at = b0 + ImVec2((badge - ts.x) * 0.5f, (badge - ts.y) * 0.5f);
            dl->AddText(vs_at, band_colour_text(), vs.c_str());
            // Said in words: "Riskvärde 12, röd (hög risk)", or that it is not scored ("–" says nothing).
            const std::optional<core::BandColour> band = a.scale.band(v);
            announce_run(v && band
                             ? core::fmt(Msg::a11y_score_badge, {vs, core::tr(core::band_risk_name(*band))})
                             : std::string(core::tr(Msg::risk_not_scored)),
                         ImRect(vs_at, vs_at + ts));
            const float x = b0.x + badge + style.ItemSpacing.x;
            const float text_w = p.x + w - style.FramePadding.x - x;
            ImFont* bold =
                ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : ImGui::GetFont();
            const float first_h = draw_text_lines(bold, ImVec2(x, p.y + style.FramePadding.y), text_w,
                                                  ImGui::GetColorU32(ImGuiCol_Text), number + ". " + desc, 2);
            std::string second =
                core::fmt(Msg::risk_row_meta,
                          {r.category.empty() ? core::tr(Msg::risk_no_category) : r.category,
                           std::to_string(r.actions.size()), core::tr(core::decision_name(r.decision))});
            ImU32 second_colour = ImGui::GetColorU32(ImGuiCol_TextDisabled);
            if (!flags.empty()) {
                second =
                    std::string(core::tr(core::risk_flag_name(flags.front()))) +
                    (flags.size() > 1 ? core::fmt(Msg::risk_more_flags, {std::to_string(flags.size() - 1)})
                                      : "");
                second_colour = ImGui::GetColorU32(color_warning());
            }
            draw_text_lines(
                ImGui::GetFont(),
                ImVec2(x, p.y + style.FramePadding.y + std::max(first_h, 2 * line) + style.ItemSpacing.y),
                text_w, second_colour, second, 1);
            ImGui::PopID();
        }
    if (rows.empty() && !a.risks.empty()) wrapped_muted(core::tr(Msg::risk_none_match));
}

void draw_risk_list(App& app, const core::Document& doc, const core::RiskAnalysis& a) {
    auto& rv = app.state.risk;
    section_title(core::fmt(Msg::risk_list_title, {std::to_string(a.risks.size())}).c_str());
    if (a.risks.empty()) {
        wrapped_muted(core::tr(Msg::risk_empty));
        return;
    }
    ImGui::SetNextItemWidth(layout().narrow ? -FLT_MIN : ImGui::GetContentRegionAvail().x * 0.45f);
    input_text(("##" + std::string(core::tr(Msg::risk_search))).c_str(), rv.search,
               core::tr(Msg::risk_search), FieldKind::verbatim);
    if (!layout().narrow) ImGui::SameLine();
    static const Msg sorts[] = {Msg::risk_sort_entry, Msg::risk_sort_value, Msg::risk_sort_category,
                                Msg::risk_sort_decision};
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 16 * ImGui::GetFontSize()));
    if (begin_combo(("##" + std::string(core::tr(Msg::risk_sort))).c_str(), core::tr(sorts[rv.sort]))) {
        for (int i = 0; i < 4; ++i)
            if (menu_item(core::tr(sorts[i]), rv.sort == i)) rv.sort = i;
        ImGui::EndCombo();
    }
    ImGui::Checkbox(core::tr(Msg::risk_only_flagged), &rv.only_flagged);
    if (rv.filter_s) {
        ImGui::SameLine();
        const std::string f =
            core::fmt(rv.filter_residual ? Msg::risk_filter_residual_cell : Msg::risk_filter_cell,
                      {std::to_string(rv.filter_s), std::to_string(rv.filter_k)});
        if (ImGui::Button(f.c_str())) rv.filter_s = rv.filter_k = 0;
    }
    draw_risk_rows(app, doc, a);
}

void handle_matrix(App& app, const core::Document& doc, const MatrixEvent& ev, bool residual) {
    auto& rv = app.state.risk;
    switch (ev.kind) {
    case MatrixEvent::Kind::none:
        break;
    case MatrixEvent::Kind::cell_clicked:
        if (rv.filter_s == ev.s && rv.filter_k == ev.k && rv.filter_residual == residual) {
            rv.filter_s = rv.filter_k = 0;
        } else {
            rv.filter_s = ev.s;
            rv.filter_k = ev.k;
            rv.filter_residual = residual;
        }
        break;
    case MatrixEvent::Kind::marker_clicked:
        rv.risk = ev.risk;
        break;
    case MatrixEvent::Kind::marker_dropped:
        if (!app.read_only()) set_scores(app, doc, ev.risk, ev.s, ev.k, residual);
        break;
    }
}

void draw_matrices(App& app, const core::Document& doc, const core::RiskAnalysis& a, float width) {
    auto& rv = app.state.risk;
    const bool side_by_side = width > 60 * ImGui::GetFontSize();
    const float w = side_by_side ? (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f : width;
    const float h = std::min(w * 0.8f, 30 * ImGui::GetFontSize());
    const core::DocFacts* facts = analysis_facts(app, doc, a);
    MatrixOptions now{ImVec2(w, h),
                      false,
                      core::tr(Msg::risk_matrix_now),
                      rv.risk,
                      rv.filter_residual ? 0 : rv.filter_s,
                      rv.filter_residual ? 0 : rv.filter_k,
                      facts ? &facts->analysis->cells : nullptr};
    handle_matrix(app, doc, draw_risk_matrix("##now", a, now), false);
    if (side_by_side) ImGui::SameLine();
    MatrixOptions after{ImVec2(w, h),
                        true,
                        core::tr(Msg::risk_matrix_residual),
                        rv.risk,
                        rv.filter_residual ? rv.filter_s : 0,
                        rv.filter_residual ? rv.filter_k : 0,
                        facts ? &facts->analysis->residual_cells : nullptr};
    if (side_by_side) ImGui::BeginGroup();
    handle_matrix(app, doc, draw_risk_matrix("##residual", a, after), true);
    if (side_by_side) ImGui::EndGroup();
}

void draw_toolbar(App& app, const core::Document& doc, const core::RiskAnalysis& a) {
    auto& rv = app.state.risk;
    if (ImGui::Button(core::tr(Msg::nav_back))) {
        app.state.open_doc.clear();
        return;
    }
    same_line_if_fits(core::tr(Msg::risk_present));
    if (ImGui::Button(core::tr(Msg::risk_present))) {
        rv.presenting = true;
        rv.risk_before_presenting = rv.risk; // back where the user was when the room is done
    }
    same_line_if_fits(core::tr(Msg::risk_print));
    if (ImGui::Button(core::tr(Msg::risk_print)))
        app.host().open_printable(doc.title,
                                  core::risk_report_html(doc, a, core::language(), app.host().today()));
    same_line_if_fits(core::tr(Msg::risk_csv));
    download_button(app, core::tr(Msg::risk_csv), csv_file_name(doc), "text/csv;charset=utf-8",
                    [&] { return core::risks_to_csv(doc, a, core::language()); });
}

// The analysis itself: the ways to add risks, its header (open while it has no risks) and its list.
void draw_analysis(App& app, const core::Document& doc, const core::RiskAnalysis& a) {
    draw_add_buttons(app, doc);
    ImGui::BeginDisabled(app.read_only());
    if (ImGui::CollapsingHeader(core::tr(Msg::risk_about),
                                a.risks.empty() ? ImGuiTreeNodeFlags_DefaultOpen : 0))
        draw_header(app, doc, a);
    ImGui::EndDisabled();
    draw_risk_list(app, doc, a);
}

} // namespace

// [SECTION] The screen
void draw_risk_analysis(App& app, const core::Document& doc) {
    auto& rv = app.state.risk;
    if (rv.doc != doc.id) rv = {.doc = doc.id};
    const AnalysisPtr a = analysis_of(doc);
    if (!a) return;
    if (!rv.risk.empty() && !find_risk(*a, rv.risk)) rv.risk.clear();
    if (rv.presenting) return draw_presentation(app, doc, *a);
    if (rv.library_open) return draw_risk_library(app, doc);

    const float width = ImGui::GetContentRegionAvail().x;
    const bool wide = room_beside();
    if (!rv.risk.empty() && !wide) return draw_risk_editor(app, doc, *a, *find_risk(*a, rv.risk));

    draw_toolbar(app, doc, *a);
    if (app.state.open_doc.empty()) return;
    heading(doc.title.empty() ? core::tr(Msg::kind_riskanalys) : doc.title.c_str());
    const core::DocFacts* facts = analysis_facts(app, doc, *a);
    const core::AnalysisFlags flags = facts ? facts->analysis->flags : core::analysis_flags(*a);
    if (flags.risks_flagged)
        colored_text(color_warning(),
                     core::fmt(Msg::risk_flagged_summary, {std::to_string(flags.risks_flagged)}).c_str());
    // A new analysis, where nothing has been done yet, gets the next steps in a neutral tone; once
    // work has begun, what is still missing is a warning.
    if (flags.no_participants && flags.no_risks) {
        wrapped_muted(core::tr(Msg::risk_next_steps));
    } else {
        if (flags.no_participants) colored_text(color_warning(), core::tr(Msg::riskflag_no_participants));
        if (flags.no_risks) colored_text(color_warning(), core::tr(Msg::riskflag_no_risks));
    }

    if (wide) {
        // Left: the analysis or the open risk; right: the two matrices, always in view.
        const float left_w = width * 0.5f;
        ImGui::BeginChild("##left", ImVec2(left_w, 0));
        if (!rv.risk.empty()) {
            draw_risk_editor(app, doc, *a, *find_risk(*a, rv.risk));
        } else {
            draw_analysis(app, doc, *a);
        }
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##right");
        draw_matrices(app, doc, *a, ImGui::GetContentRegionAvail().x);
        ImGui::EndChild();
        return;
    }
    draw_analysis(app, doc, *a);
    ImGui::Spacing();
    draw_matrices(app, doc, *a, ImGui::GetContentRegionAvail().x);
}

} // namespace kvh::ui
