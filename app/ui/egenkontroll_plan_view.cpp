// The egenkontrollplan under the document's header: who adopted it and when, the year's figures, its
// planned checks as a list beside (laptop) or instead of (phone) the editor of one check, the library
// of common checks, the årshjul as a tab, the copy into next year, and the plan as printout, CSV and
// calendar file. One check's editor is egenkontroll_check_editor.cpp.
#include "egenkontroll_plan_parts.hpp"
#include "list_beside_editor.hpp"
#include "view_buttons.hpp"

#include "core/date_input.hpp"
#include "core/egenkontroll/egenkontroll_calendar.hpp"
#include "core/egenkontroll/egenkontroll_plan_report.hpp"
#include "core/search.hpp"

#include <algorithm>

namespace kvh::ui {

using core::Msg;
using core::PlannedCheck;

using Plan = core::EgenkontrollPlan;

// [SECTION] The edit path
bool plan_view::edit_plan(App& app, const std::string& doc_id, core::UndoLabel label,
                          core::FunctionRef<void(Plan&)> change, bool typing) {
    return edit_body(app, doc_id, core::egenkontroll_plan_of, std::move(label), change, typing);
}

int plan_view::check_number(const Plan& p, std::string_view id) {
    const std::size_t i = core::index_of(p.checks, id);
    return i < p.checks.size() ? int(i) + 1 : 0;
}

using namespace plan_view;

namespace {

// [SECTION] The plan's header, tools and reports
void draw_exports(App& app, const core::Document& doc, const WheelFacts& f) {
    const auto docs = app.workspace().documents_of(core::DocKind::egenkontroll);
    const std::string name = doc.title.empty() ? kind_text(doc.kind) : doc.title;
    if (ImGui::Button(core::tr(Msg::risk_print)))
        app.host().open_printable(
            doc.title, core::plan_year_html(doc, f.wheel, docs, core::language(), app.host().today()));
    same_line_if_fits(core::tr(Msg::risk_csv));
    download_button(app, core::tr(Msg::risk_csv), csv_file_name(doc), "text/csv;charset=utf-8",
                    [&] { return core::plan_year_csv(doc, f.wheel, docs, core::language()); });
    same_line_if_fits(core::tr(Msg::ek_calendar));
    download_button(
        app, core::tr(Msg::ek_calendar), core::fmt(Msg::ek_calendar_filename, {name}),
        "text/calendar;charset=utf-8",
        [&] {
            const std::string ics = core::plan_ics(doc, f.wheel, app.host().now_iso(), core::language());
            return ics.find("BEGIN:VEVENT") == std::string::npos ? std::string() : ics;
        },
        Msg::ek_calendar_none);
}

void draw_tools(App& app, const core::Document& doc, const Plan& p) {
    auto& es = app.state.egenkontroll_plan;
    ImGui::BeginDisabled(app.read_only());
    if (ImGui::Button(core::tr(Msg::ek_from_library))) es.library_open = true;
    same_line_if_fits(core::tr(Msg::ek_new_check));
    if (ImGui::Button(core::tr(Msg::ek_new_check))) {
        PlannedCheck c;
        c.id = core::new_uuid_v4(app.workspace().env());
        if (edit_plan(app, doc.id, Msg::ek_undo_new_check, [&](Plan& m) { m.checks.push_back(c); })) {
            es.check = c.id;
            es.wheel_tab = false;
        }
    }
    const std::string copy = core::fmt(Msg::ek_copy_next_year, {std::to_string(doc.year + 1)});
    same_line_if_fits(copy.c_str());
    if (ImGui::Button(copy.c_str()) && !p.checks.empty()) {
        const std::string id = core::copy_plan_to_year(app.workspace(), doc.id, doc.year + 1);
        if (!id.empty()) {
            app.state.open_doc = id;
            es.open(id);
            show_toast(app, core::fmt(Msg::ek_copied, {std::to_string(doc.year + 1)}), true);
        }
    }
    ImGui::EndDisabled();
}

void draw_header(App& app, const core::Document& doc, const Plan& p) {
    ImGui::BeginDisabled(app.read_only());
    std::string by = p.decided_by;
    if (text_field(core::tr(Msg::ek_decided_by), by, 0, FieldKind::name))
        edit_plan(
            app, doc.id, {Msg::risk_undo_header, {}, {Msg::ek_decided_by}},
            [&](Plan& m) { m.decided_by = by; }, true);
    std::string date = p.decided_date;
    ImGui::PushID(doc.id.c_str());
    const DateChange change = date_field(app, core::tr(Msg::ek_decided_date), date);
    ImGui::PopID();
    if (change != DateChange::none)
        edit_plan(
            app, doc.id, {Msg::risk_undo_header, {}, {Msg::ek_decided_date}},
            [&](Plan& m) { m.decided_date = date; }, change == DateChange::typed);
    ImGui::EndDisabled();
}

// [SECTION] The library
void draw_library(App& app, const core::Document& doc, const Plan& p) {
    auto& es = app.state.egenkontroll_plan;
    if (ImGui::Button(core::tr(Msg::ek_library_done))) {
        es.library_open = false;
        return;
    }
    heading(core::tr(Msg::ek_library_title));
    const auto& lib = app.egenkontroll_library();
    if (!lib) return wrapped(core::tr(Msg::ek_library_missing));
    wrapped_muted(core::tr(Msg::ek_library_intro));
    ImGui::SetNextItemWidth(-FLT_MIN);
    input_text(("##" + std::string(core::tr(Msg::ek_library_search))).c_str(), es.library_search,
               core::tr(Msg::ek_library_search), FieldKind::verbatim);
    const std::string query = core::fold_case(es.library_search);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    ImFont* bold = ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : ImGui::GetFont();
    bool any = false;
    ImGui::BeginDisabled(app.read_only());
    for (const core::LibraryCheck& t : lib->checks) {
        if (!query.empty() &&
            core::fold_case(t.area + " " + t.what + " " + t.purpose).find(query) == std::string::npos)
            continue;
        any = true;
        const bool in_plan = std::any_of(p.checks.begin(), p.checks.end(), [&](const PlannedCheck& c) {
            return c.area == t.area && c.what == t.what;
        });
        std::string meta = core::fmt(Msg::ek_library_meta,
                                     {core::tr(core::check_method_name(t.method)),
                                      core::count_text(Msg::ek_questions_n, (long long)t.questions.size()),
                                      core::tr(core::frequency_name(t.frequency))});
        if (t.sample_size > 0)
            meta += " · " + core::fmt(Msg::report_check_sample, {std::to_string(t.sample_size)});
        if (in_plan) meta += " · " + std::string(core::tr(Msg::ek_library_in_plan));
        // The whole entry is one target: a tap adds it.
        const int meta_lines = layout().narrow ? 2 : 1; // a phone's line does not hold method and frequency
        const float h = float(3 + meta_lines) * line + 2 * style.ItemSpacing.y + 2 * style.FramePadding.y;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x;
        ImGui::PushID(t.key.c_str());
        if (ImGui::Selectable(("##" + core::fmt(Msg::ek_library_add, {t.area, t.what})).c_str(), false, 0,
                              ImVec2(w, h))) {
            const PlannedCheck c = core::check_from_library(t, app.workspace().env());
            if (edit_plan(app, doc.id, {Msg::ek_undo_library, {t.area}},
                          [&](Plan& m) { m.checks.push_back(c); }))
                show_toast(app, core::fmt(Msg::ek_library_added, {t.area}), true);
        }
        ImGui::PopID();
        const ImVec2 tp(at.x + style.FramePadding.x, at.y + style.FramePadding.y);
        const float tw = w - 2 * style.FramePadding.x;
        draw_text_lines(bold, tp, tw, ImGui::GetColorU32(ImGuiCol_Text), t.area, 1);
        draw_text_lines(ImGui::GetFont(), ImVec2(tp.x, tp.y + line + style.ItemSpacing.y * 0.5f), tw,
                        ImGui::GetColorU32(ImGuiCol_Text), t.what, 2);
        draw_text_lines(ImGui::GetFont(), ImVec2(tp.x, tp.y + 3 * line + style.ItemSpacing.y), tw,
                        ImGui::GetColorU32(ImGuiCol_TextDisabled), meta, meta_lines);
        ImGui::Separator();
    }
    ImGui::EndDisabled();
    if (!any) wrapped_muted(core::fmt(Msg::list_no_match, {es.library_search}).c_str());
}

// [SECTION] The list of checks
std::string month_names(core::MonthSet months) {
    std::string out;
    for (int m : core::month_list(months))
        out += (out.empty() ? "" : ", ") + std::string(core::tr(core::month_name(m))).substr(0, 3);
    return out;
}

void draw_check_rows(App& app, const Plan& p, const WheelFacts& f) {
    auto& es = app.state.egenkontroll_plan;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    ImFont* bold = ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : ImGui::GetFont();
    const float row_h =
        std::max(layout().row_height, 2 * line + style.ItemSpacing.y + 2 * style.FramePadding.y);
    ImGuiListClipper clipper;
    clipper.Begin(int(p.checks.size()));
    while (clipper.Step())
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const std::size_t i = std::size_t(row);
            const PlannedCheck& c = p.checks[i];
            const std::string name = i < f.names.size() ? f.names[i] : c.area;
            const std::string number = std::to_string(i + 1);
            ImGui::PushID(c.id.c_str());
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float w = ImGui::GetContentRegionAvail().x;
            if (ImGui::Selectable(("##" + core::fmt(Msg::ek_check_row, {number, name})).c_str(),
                                  es.check == c.id, 0, ImVec2(w, row_h)))
                es.check = c.id;
            ImGui::PopID();
            const ImVec2 tp(at.x + style.FramePadding.x, at.y + style.FramePadding.y);
            const float tw = w - 2 * style.FramePadding.x;
            draw_text_lines(bold, tp, tw, ImGui::GetColorU32(ImGuiCol_Text), number + ". " + name, 1);
            std::string meta = core::tr(core::check_method_name(c.method));
            const core::MonthSet months = core::planned_months(c);
            meta += " · " + (months ? month_names(months) : std::string(core::tr(Msg::ek_no_months)));
            ImU32 colour = ImGui::GetColorU32(ImGuiCol_TextDisabled);
            if (i < f.wheel.checks.size() && f.wheel.checks[i].any(core::MonthState::overdue)) {
                meta =
                    std::string(core::tr(core::month_state_name(core::MonthState::overdue))) + " · " + meta;
                colour = ImGui::GetColorU32(color_warning());
            }
            draw_text_lines(ImGui::GetFont(), ImVec2(tp.x, tp.y + line + style.ItemSpacing.y), tw, colour,
                            meta, 1);
        }
}

void draw_check_list(App& app, const Plan& p, const WheelFacts& f) {
    if (p.checks.empty()) return wrapped_muted(core::tr(Msg::ek_no_checks));
    draw_check_rows(app, p, f);
}

void draw_checks_tab(App& app, const core::Document& doc, const Plan& p, const WheelFacts& f) {
    auto& es = app.state.egenkontroll_plan;
    const int open = es.check.empty() ? 0 : check_number(p, es.check);
    if (!room_beside()) return draw_check_list(app, p, f);
    list_beside_editor(
        "##checks", [&] { draw_check_list(app, p, f); }, "##check",
        [&] {
            if (open)
                draw_check_editor(app, doc, p, std::size_t(open - 1), f);
            else
                wrapped_muted(core::tr(p.checks.empty() ? Msg::ek_no_checks : Msg::ek_pick_check));
        });
}

} // namespace

bool draw_egenkontroll_plan_alone(App& app, const core::Document& doc) {
    auto& es = app.state.egenkontroll_plan;
    if (es.doc != doc.id) es.open(doc.id);
    const core::EgenkontrollPlanPtr p = core::egenkontroll_plan_of(doc);
    if (!p) return false;
    if (!es.check.empty() && !core::find_check(*p, es.check)) es.check.clear();
    // On a phone an open check is the whole screen, as a risk is: one thing at a time.
    const bool check_alone = !es.check.empty() && !es.wheel_tab && !room_beside();
    // What takes the screen now starts at its top, not where the plan was scrolled to.
    const std::string shown = es.library_open ? "library" : check_alone ? es.check : "";
    if (shown != es.shown) {
        ImGui::SetScrollY(0);
        es.shown = shown;
    }
    if (es.library_open) {
        draw_library(app, doc, *p);
        return true;
    }
    if (!check_alone) return false;
    draw_check_editor(app, doc, *p, std::size_t(check_number(*p, es.check) - 1),
                      wheel_facts(app, es.wheel, doc));
    return true;
}

void draw_egenkontroll_plan(App& app, const core::Document& doc) {
    auto& es = app.state.egenkontroll_plan;
    const core::EgenkontrollPlanPtr p = core::egenkontroll_plan_of(doc);
    if (!p) return;
    const WheelFacts& f = wheel_facts(app, es.wheel, doc);

    draw_header(app, doc, *p);
    ImGui::Spacing();
    wrapped(core::plan_year_summary_text(core::plan_year_summary(f.wheel), core::language()).c_str());
    draw_tools(app, doc, *p);
    if (app.state.open_doc != doc.id) return; // the copy was opened
    draw_exports(app, doc, f);

    // The two views of the plan as a pair of buttons, the one shown marked as pressed and named.
    ImGui::Spacing();
    const std::string labels[] = {core::fmt(Msg::ek_tab_checks, {std::to_string(p->checks.size())}),
                                  core::tr(Msg::ek_tab_wheel)};
    if (const auto k = view_buttons(labels, es.wheel_tab ? 1 : 0)) es.wheel_tab = *k == 1;
    ImGui::Separator();
    if (!es.wheel_tab) return draw_checks_tab(app, doc, *p, f);
    const WheelTap tap = draw_year_wheel_section(f, es.month, false);
    if (tap.month) es.month = *tap.month;
    if (!tap.check.empty()) {
        es.check = tap.check;
        es.wheel_tab = false;
    }
}

void open_check(App& app, std::string plan, std::string check) {
    set_active_screen(app, Screen::egenkontroller);
    app.state.open_doc = plan;
    app.state.egenkontroll_plan.open(std::move(plan), std::move(check));
}

} // namespace kvh::ui
