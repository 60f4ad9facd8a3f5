// Översikt, the start screen: what needs doing now for the person and unit chosen at the top —
// overdue and soon-due actions, open rule findings by severity, the open risks of the analyses on one
// heat map, this month's and the overdue egenkontroller (with one plan, its årshjul), the year's
// figures — each number opening the list behind it. Counted once per change, not per frame.
#include "risk_views.hpp"
#include "year_wheel_view.hpp"

#include "core/date_input.hpp"

#include <algorithm>
#include <iterator>

namespace kvh::ui {

namespace {

using core::Msg;
using core::RegisterFilter;
using Overview = RegisterState::Overview;

constexpr core::Severity kSeverities[] = {core::Severity::allvarlig, core::Severity::varning,
                                          core::Severity::tips};

// The actions of the person and unit chosen.
RegisterFilter base_filter(const RegisterState& rs) {
    RegisterFilter f;
    f.mine = rs.person;
    f.unit = rs.unit;
    return f;
}

// Counts everything the screen shows, when the facts, the day or the choices changed.
void count(App& app, RegisterState& rs) {
    Overview& o = rs.overview;
    const std::string today = app.host().today();
    rs.model.update(app.facts(), app.workspace(), today, rs.filter, rs.sort);
    if (o.generation == app.facts().generation() && o.today == today && o.person == rs.person &&
        o.unit == rs.unit)
        return;
    o.generation = app.facts().generation();
    o.today = today;
    o.person = rs.person;
    o.unit = rs.unit;
    const RegisterFilter base = base_filter(rs);
    RegisterFilter f = base;
    f.flag = core::RegisterFlag::overdue;
    o.overdue = rs.model.count(f);
    f.flag = core::RegisterFlag::due_soon;
    o.due_soon = rs.model.count(f);
    for (core::Severity s : kSeverities) {
        f = base;
        f.severity = s;
        o.action_findings[std::size_t(s)] = rs.model.count(f);
        o.other[std::size_t(s)].clear();
    }
    // A risk or a unit has no one responsible: theirs are shown for everyone's work only.
    if (rs.person.empty())
        for (const core::Finding& x : app.facts().findings())
            if (x.open() && core::rule_spec(x.rule).target != core::RuleTarget::action &&
                (rs.unit.empty() || x.unit == rs.unit))
                o.other[std::size_t(core::rule_spec(x.rule).severity)].push_back(x);

    o.year = current_year(app);
    std::fill(std::begin(o.documents), std::end(o.documents), 0);
    for (const auto& [key, n] : app.facts().counts())
        if (std::get<2>(key) == o.year && (rs.unit.empty() || std::get<1>(key) == rs.unit))
            o.documents[std::size_t(std::get<0>(key))] += n;
    f = base;
    f.year = o.year;
    o.actions = rs.model.count(f);
    f.statuses = {core::ActionStatus::genomford, core::ActionStatus::uppfoljd};
    o.done = rs.model.count(f);
    f.statuses = {core::ActionStatus::uppfoljd};
    o.followed_up = rs.model.count(f);
    f.statuses.clear();
    f.rule = core::Rule::action_not_followed_up;
    o.not_followed_up = rs.model.count(f);
    o.heat_map =
        core::open_risk_heat_map(app.workspace().documents(), rs.unit, kind_text(core::DocKind::riskanalys));
}

// A number as a button: what it counts and how many, opening the list behind it.
bool number(const std::string& label) {
    return ImGui::Button(label.c_str());
}

void open_actions(App& app, const RegisterState& rs, core::FunctionRef<void(RegisterFilter&)> narrow) {
    RegisterFilter f = base_filter(rs);
    narrow(f);
    open_register(app, f);
}

// `label_w`: the width the name takes, so that choices stacked on a phone line up (0: its own).
void choose(const char* name, const std::string& all, const std::vector<std::string>& values,
            std::string& chosen, float label_w) {
    const float x = ImGui::GetCursorPosX();
    ImGui::AlignTextToFramePadding();
    text(name);
    ImGui::SameLine(label_w > 0 ? x + label_w + ImGui::GetStyle().ItemSpacing.x : 0.0f);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 16 * ImGui::GetFontSize()));
    if (!begin_combo((std::string("##") + name).c_str(), chosen.empty() ? all.c_str() : chosen.c_str(),
                     ImGuiComboFlags_HeightLarge))
        return;
    if (menu_item(all.c_str(), chosen.empty())) chosen.clear();
    for (const std::string& v : values)
        if (menu_item(v.c_str(), v == chosen)) chosen = v;
    ImGui::EndCombo();
}

void draw_now(App& app, RegisterState& rs) {
    const Overview& o = rs.overview;
    section_title(core::tr(Msg::overview_now));
    if (number(core::fmt(Msg::overview_overdue, {std::to_string(o.overdue)})))
        open_actions(app, rs, [](RegisterFilter& f) { f.flag = core::RegisterFlag::overdue; });
    same_line_if_fits(core::tr(Msg::overview_due_soon));
    if (number(core::fmt(Msg::overview_due_soon, {std::to_string(o.due_soon)})))
        open_actions(app, rs, [](RegisterFilter& f) { f.flag = core::RegisterFlag::due_soon; });
}

// Opens what a finding on a risk or a unit points to: the risk in its analysis, or the analyses.
void open_finding(App& app, const core::Finding& x) {
    if (x.where.doc.empty()) return set_active_screen(app, Screen::risk_analyses);
    if (core::rule_spec(x.rule).target == core::RuleTarget::check)
        return open_check(app, x.where.doc, x.where.item);
    open_risk(app, x.where.doc, x.where.item);
}

std::string finding_text(App& app, const core::Finding& x) {
    const std::string rule = core::rule_text(x.rule, app.facts().settings(), core::language(), x.unit);
    const core::Document* doc = app.workspace().find(x.where.doc);
    if (!doc) return rule;
    if (const core::EgenkontrollPlanPtr p = core::egenkontroll_plan_of(*doc)) {
        for (std::size_t i = 0; i < p->checks.size(); ++i)
            if (p->checks[i].id == x.where.item)
                return core::fmt(Msg::overview_finding_check, {rule, doc->title, check_name(*p, i)});
        return rule;
    }
    const core::AnalysisPtr a = core::analysis_of(*doc);
    return core::fmt(Msg::overview_finding_risk,
                     {rule, doc->title, std::to_string(a ? risk_number(*a, x.where.item) : 0)});
}

void draw_findings(App& app, RegisterState& rs) {
    const Overview& o = rs.overview;
    section_title(core::tr(Msg::overview_findings));
    bool any = false;
    for (core::Severity s : kSeverities) {
        const auto i = std::size_t(s);
        const char* name = core::tr(core::severity_name(s));
        if (o.action_findings[i]) {
            any = true;
            if (number(
                    core::fmt(Msg::overview_findings_actions, {name, std::to_string(o.action_findings[i])})))
                open_actions(app, rs, [s](RegisterFilter& f) { f.severity = s; });
        }
        if (o.other[i].empty()) continue;
        any = true;
        ImGui::PushID(int(i));
        if (wrapped_tree_node(
                "##other", ImGuiTreeNodeFlags_SpanAvailWidth,
                core::fmt(Msg::overview_findings_other, {name, std::to_string(o.other[i].size())}))) {
            for (std::size_t j = 0; j < o.other[i].size(); ++j) {
                ImGui::PushID(int(j));
                if (wrapped_selectable(finding_text(app, o.other[i][j]), layout().row_height))
                    open_finding(app, o.other[i][j]);
                ImGui::PopID();
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    if (!any) wrapped_muted(core::tr(Msg::overview_findings_none));
    if (!rs.person.empty()) wrapped_muted(core::tr(Msg::overview_findings_person_note));
}

// This year's plans of the unit chosen, each with its wheel: counted when the workspace, the day or
// the unit changed.
const std::vector<WheelFacts>& year_plans(App& app, const RegisterState& rs) {
    auto& o = app.state.egenkontroll_plan.overview;
    const std::string today = app.host().today();
    if (o.generation == app.workspace().generation() && o.today == today && o.unit == rs.unit) return o.plans;
    o.generation = app.workspace().generation();
    o.today = today;
    o.unit = rs.unit;
    o.plans.clear();
    const int year = current_year(app);
    for (const core::Document* d : app.workspace().documents_of(core::DocKind::egenkontrollplan))
        if (d->year == year && d->status != core::DocStatus::arkiverad &&
            (rs.unit.empty() || d->unit == rs.unit))
            wheel_facts(app, o.plans.emplace_back(), *d);
    return o.plans;
}

// This month's and the overdue checks across this year's plans, each opening its plan at the check;
// with one plan (the unit's), its årshjul, small.
void draw_egenkontroller(App& app, RegisterState& rs) {
    section_title(core::tr(Msg::overview_egenkontroller));
    const std::vector<WheelFacts>& plans = year_plans(app, rs);
    if (plans.empty()) return wrapped_muted(core::tr(Msg::overview_egenkontroller_none));
    if (plans.size() == 1) {
        const WheelTap tap = draw_year_wheel_section(plans[0], 0, true);
        if (!tap.check.empty()) open_check(app, plans[0].plan, tap.check);
        return;
    }
    const auto row = [&](const WheelFacts& f, std::size_t i, const std::string& what) {
        const core::Document* d = app.workspace().find(f.plan);
        ImGui::PushID(f.plan.c_str());
        ImGui::PushID(int(i));
        if (wrapped_selectable(core::fmt(Msg::overview_egenkontroll_row, {d ? d->title : "", what}),
                               layout().row_height))
            open_check(app, f.plan, f.wheel.checks[i].check);
        ImGui::PopID();
        ImGui::PopID();
    };
    text(core::tr(Msg::wheel_this_month));
    bool any = false;
    for (const WheelFacts& f : plans)
        for (std::size_t i : f.wheel.this_month) {
            any = true;
            row(f, i, f.names[i]);
        }
    if (!any) wrapped_muted(core::tr(Msg::wheel_this_month_none));
    any = false;
    ImGui::PushStyleColor(ImGuiCol_Text, color_warning());
    for (const WheelFacts& f : plans)
        for (const core::YearWheel::Overdue& o : f.wheel.overdue) {
            if (!any) text(core::tr(Msg::overview_egenkontroller_overdue));
            any = true;
            std::string months;
            for (int m : o.months)
                months += (months.empty() ? "" : ", ") + std::string(core::tr(core::month_name(m)));
            row(f, o.check, core::fmt(Msg::wheel_row_overdue, {f.names[o.check], months}));
        }
    ImGui::PopStyleColor();
}

void draw_heat_map(App& app, RegisterState& rs) {
    const core::RiskHeatMap& o = rs.overview.heat_map;
    section_title(core::tr(Msg::overview_heat_map));
    if (o.included.empty()) return wrapped_muted(core::tr(Msg::overview_heat_map_none));
    const auto join = [](const std::vector<std::string>& v) {
        std::string out;
        for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
        return out;
    };
    const int ns = o.scale.levels_s(), nk = o.scale.levels_k();
    wrapped(
        core::fmt(Msg::overview_heat_map_included, {join(o.included), std::to_string(ns), std::to_string(nk)})
            .c_str());
    if (!o.left_out.empty())
        wrapped_muted(core::fmt(Msg::overview_heat_map_left_out, {join(o.left_out)}).c_str());
    wrapped_muted(core::fmt(Msg::overview_heat_map_note, {o.scale_of}).c_str());
    // Sannolikhet up the side (highest on top), konsekvens along the bottom, as in the analyses.
    const float axis_w = ImGui::CalcTextSize("S 9").x + ImGui::GetStyle().ItemSpacing.x;
    const float cell =
        std::min((ImGui::GetContentRegionAvail().x - axis_w) / float(nk) - ImGui::GetStyle().ItemSpacing.x,
                 2.5f * layout().row_height);
    const float x0 = ImGui::GetCursorPosX(), gap = ImGui::GetStyle().ItemSpacing.x;
    const auto column = [&](int k) { return x0 + axis_w + float(k - 1) * (cell + gap); };
    for (int s = ns; s >= 1; --s) {
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, color_muted());
        text(("S " + std::to_string(s)).c_str());
        ImGui::PopStyleColor();
        for (int k = 1; k <= nk; ++k) {
            ImGui::SameLine(column(k));
            const auto& risks = o.cell(s, k);
            const auto band = o.scale.band(o.scale.value(s, k));
            // Dark text on the band's colour, as the analyses' matrix has it.
            ImGui::PushStyleColor(ImGuiCol_Button, band_colour(band));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, band_colour(band, 0.8f));
            const bool chosen = rs.cell_s == s && rs.cell_k == k;
            if (chosen) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 3.0f);
            // The button is named for what it holds; the count is drawn on it.
            const std::string name = core::fmt(
                Msg::overview_cell, {std::to_string(s), std::to_string(k), std::to_string(risks.size())});
            const ImVec2 size(cell, layout().row_height * 1.2f);
            if (ImGui::Button(("##" + name).c_str(), size)) {
                rs.cell_s = chosen ? 0 : s;
                rs.cell_k = chosen ? 0 : k;
            }
            const std::string n = std::to_string(risks.size());
            const ImVec2 at = ImGui::GetItemRectMin() + (size - ImGui::CalcTextSize(n.c_str())) * 0.5f;
            ImGui::GetWindowDrawList()->AddText(at, IM_COL32(20, 20, 20, 255), n.c_str());
            if (chosen) ImGui::PopStyleVar();
            ImGui::PopStyleColor(2);
        }
    }
    ImGui::Dummy(ImVec2(axis_w, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, color_muted());
    for (int k = 1; k <= nk; ++k) {
        ImGui::SameLine(column(k));
        text(("K " + std::to_string(k)).c_str());
    }
    ImGui::PopStyleColor();
    wrapped_muted(core::tr(Msg::overview_heat_map_axes));
    if (rs.cell_s < 1 || rs.cell_s > ns || rs.cell_k < 1 || rs.cell_k > nk) return;
    // The list behind the chosen cell: each risk opens in its analysis.
    text(core::fmt(Msg::overview_cell_risks, {std::to_string(rs.cell_s), std::to_string(rs.cell_k)}).c_str());
    for (const core::RiskAt& at : o.cell(rs.cell_s, rs.cell_k)) {
        const core::Document* doc = app.workspace().find(at.doc);
        const core::AnalysisPtr a = doc ? core::analysis_of(*doc) : nullptr;
        const core::Risk* r = a ? find_risk(*a, at.risk) : nullptr;
        if (!r) continue;
        ImGui::PushID(at.risk.c_str());
        const std::string label = core::fmt(
            Msg::overview_cell_risk, {doc->title, std::to_string(risk_number(*a, at.risk)), r->description});
        if (ImGui::Selectable(label.c_str())) open_risk(app, at.doc, at.risk);
        ImGui::PopID();
    }
}

// The screen a kind's documents are listed on, searched for the year.
void open_documents(App& app, core::DocKind kind, int year) {
    const Screen screen = kind == core::DocKind::riskanalys        ? Screen::risk_analyses
                          : kind == core::DocKind::arlig_genomgang ? Screen::yearly_review
                          : kind == core::DocKind::atgardsplan     ? Screen::actions
                                                                   : Screen::egenkontroller;
    set_active_screen(app, screen);
    app.state.search = std::to_string(year);
    app.state.register_view.show_plans = kind == core::DocKind::atgardsplan;
}

void draw_year(App& app, RegisterState& rs) {
    const Overview& o = rs.overview;
    section_title(core::fmt(Msg::overview_year, {std::to_string(o.year)}).c_str());
    bool first = true;
    for (core::DocKind k : core::all_doc_kinds) {
        const std::string label =
            core::fmt(Msg::overview_year_docs, {kinds_text(k), std::to_string(o.documents[std::size_t(k)])});
        if (!first) same_line_if_fits(label.c_str());
        first = false;
        if (number(label)) open_documents(app, k, o.year);
    }
    const int year = o.year;
    if (number(core::fmt(Msg::overview_year_actions, {std::to_string(o.actions)})))
        open_actions(app, rs, [year](RegisterFilter& f) { f.year = year; });
    const std::string done = core::fmt(Msg::overview_year_done, {std::to_string(o.done)});
    same_line_if_fits(done.c_str());
    if (number(done))
        open_actions(app, rs, [year](RegisterFilter& f) {
            f.year = year;
            f.statuses = {core::ActionStatus::genomford, core::ActionStatus::uppfoljd};
        });
    const std::string followed = core::fmt(Msg::overview_year_followed_up, {std::to_string(o.followed_up)});
    same_line_if_fits(followed.c_str());
    if (number(followed))
        open_actions(app, rs, [year](RegisterFilter& f) {
            f.year = year;
            f.statuses = {core::ActionStatus::uppfoljd};
        });
    const std::string late =
        core::fmt(Msg::overview_year_not_followed_up, {std::to_string(o.not_followed_up)});
    same_line_if_fits(late.c_str());
    if (number(late))
        open_actions(app, rs, [year](RegisterFilter& f) {
            f.year = year;
            f.rule = core::Rule::action_not_followed_up;
        });
}

} // namespace

void draw_overview(App& app) {
    heading(core::tr(Msg::overview_title));
    wrapped_muted(core::tr(Msg::app_tagline));
    ImGui::Spacing();
    if (!app.unreadable().empty()) {
        colored_text(color_warning(),
                     core::fmt(Msg::unreadable_count, {std::to_string(app.unreadable().size())}).c_str());
        draw_unreadable_rows(app, nullptr);
        ImGui::Spacing();
    }
    if (app.workspace().size() == 0) {
        wrapped(core::tr(Msg::overview_welcome));
        ImGui::Spacing();
        wrapped_muted(core::tr(Msg::empty_first_time));
        if (ImGui::Button(core::tr(Msg::nav_risk_analyses))) set_active_screen(app, Screen::risk_analyses);
        ImGui::SameLine();
        if (ImGui::Button(core::tr(Msg::nav_import))) set_active_screen(app, Screen::import);
        return;
    }
    RegisterState& rs = app.state.register_view;
    count(app, rs);
    const char* person = core::tr(Msg::overview_person);
    const char* unit = core::tr(Msg::overview_unit);
    const float label_w =
        layout().narrow ? std::max(ImGui::CalcTextSize(person).x, ImGui::CalcTextSize(unit).x) : 0.0f;
    choose(person, core::tr(Msg::overview_person_all), rs.model.responsibles(), rs.person, label_w);
    if (!layout().narrow) ImGui::SameLine();
    choose(unit, core::tr(Msg::overview_unit_all), rs.model.units(), rs.unit, label_w);
    count(app, rs); // a choice made just now is shown in this frame
    draw_now(app, rs);
    draw_findings(app, rs);
    draw_egenkontroller(app, rs);
    draw_heat_map(app, rs);
    draw_year(app, rs);
}

} // namespace kvh::ui
