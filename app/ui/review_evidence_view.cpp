// The evidence beside the årlig genomgång's requirements: the year's numbers from the workspace, each
// a button opening what it counts — the risk analyses, the planned checks at their plan, the done
// egenkontroller in a list to pick from, the actions in the Åtgärder register filtered to them.
#include "review_views.hpp"

#include "core/date_input.hpp"
#include "core/egenkontroll/egenkontroll_plan.hpp"

#include <map>

namespace kvh::ui {

using core::Msg;

namespace {

constexpr const char* kPopup = "##evidence_links";

// The register filtered to the review's year and scope.
core::RegisterFilter register_filter(const core::Document& doc, const core::AnnualReview& r) {
    core::RegisterFilter f;
    f.year = doc.year;
    f.unit = evidence_unit(doc, r);
    return f;
}

std::vector<EvidenceLink> document_links(App& app, const std::vector<std::string>& ids) {
    std::vector<EvidenceLink> out;
    for (const std::string& id : ids)
        if (const core::Document* d = app.workspace().find(id))
            out.push_back({core::fmt(Msg::ag_link_document,
                                     {d->title, d->unit.empty() ? core::tr(Msg::list_no_unit) : d->unit}),
                           id,
                           {}});
    return out;
}

// One link per planned check, with the months the number counted.
std::vector<EvidenceLink> check_links(App& app, const std::vector<core::CheckMonth>& months) {
    std::vector<EvidenceLink> out;
    std::map<std::pair<std::string, std::string>, std::size_t> at;
    std::vector<std::string> month_lists;
    for (const core::CheckMonth& m : months) {
        const auto [it, fresh] = at.emplace(std::pair{m.plan, m.check}, out.size());
        if (fresh) {
            out.push_back({{}, m.plan, m.check});
            month_lists.emplace_back();
        }
        std::string& list = month_lists[it->second];
        list += (list.empty() ? "" : ", ") + std::string(core::tr(core::month_name(m.month)));
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        const core::Document* d = app.workspace().find(out[i].doc);
        const core::EgenkontrollPlanPtr p = d ? core::egenkontroll_plan_of(*d) : nullptr;
        const core::PlannedCheck* c = p ? core::find_check(*p, out[i].check) : nullptr;
        const std::string name = !c ? "" : c->area.empty() ? c->what : c->area;
        out[i].label = core::fmt(Msg::ag_link_check, {name, d ? d->title : "", month_lists[i]});
    }
    return out;
}

// Opens what a number counts; its Tillbaka comes back to the review as it was left.
void open_link(App& app, const EvidenceLink& l) {
    const core::Document* d = app.workspace().find(l.doc);
    if (!d) return;
    const Screen screen = app.state.screen;
    const std::string review = app.state.open_doc;
    if (!l.check.empty()) {
        open_check(app, l.doc, l.check);
    } else if (d->kind == core::DocKind::riskanalys) {
        set_active_screen(app, Screen::risk_analyses);
        open_risk(app, l.doc, "");
    } else {
        set_active_screen(app, Screen::egenkontroller);
        app.state.open_doc = l.doc;
    }
    app.opened_from(screen, review);
}

// A number as a button; none to open when it is 0.
bool number(const std::string& label, std::size_t n, bool first = false) {
    if (!first) same_line_if_fits(label.c_str());
    ImGui::BeginDisabled(n == 0);
    const bool pressed = ImGui::Button(label.c_str());
    ImGui::EndDisabled();
    return pressed;
}

void list(App& app, const std::string& label, std::vector<EvidenceLink> links) {
    auto& s = app.state.annual_review;
    s.links_title = label;
    s.links = std::move(links);
    ImGui::OpenPopup(kPopup);
}

// The list a number stands for, each entry one target of up to two lines that opens it.
void draw_links(App& app) {
    auto& s = app.state.annual_review;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float w = std::min(display.x - 24, 34 * ImGui::GetFontSize());
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, display.y * 0.7f));
    if (!ImGui::BeginPopup(kPopup)) return;
    heading(s.links_title.c_str(), 2);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    const float h = std::max(layout().row_height, 2 * line + 2 * style.FramePadding.y);
    std::optional<EvidenceLink> chosen;
    for (const EvidenceLink& l : s.links) {
        ImGui::PushID(&l);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float row_w = ImGui::GetContentRegionAvail().x;
        if (ImGui::Selectable(("##" + l.label).c_str(), false, 0, ImVec2(row_w, h))) chosen = l;
        draw_text_lines(ImGui::GetFont(), at + style.FramePadding, row_w - 2 * style.FramePadding.x,
                        ImGui::GetColorU32(ImGuiCol_Text), l.label, 2);
        ImGui::PopID();
    }
    if (chosen) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    if (chosen) open_link(app, *chosen);
}

void draw_risk_analyses(App& app, const core::ReviewEvidence& e) {
    const std::size_t all = e.risk_analyses.size(), handled = e.analyses_high_handled.size();
    const std::string made = core::fmt(Msg::ag_ev_analyses, {std::to_string(all)});
    if (number(made, all, true)) list(app, made, document_links(app, e.risk_analyses));
    const std::string ok = core::fmt(Msg::ag_ev_analyses_handled, {std::to_string(handled)});
    if (number(ok, handled)) list(app, ok, document_links(app, e.analyses_high_handled));
    std::vector<std::string> open;
    for (const std::string& id : e.risk_analyses)
        if (std::find(e.analyses_high_handled.begin(), e.analyses_high_handled.end(), id) ==
            e.analyses_high_handled.end())
            open.push_back(id);
    const std::string not_ok = core::fmt(Msg::ag_ev_analyses_open, {std::to_string(open.size())});
    if (number(not_ok, open.size())) list(app, not_ok, document_links(app, open));
}

void draw_checks(App& app, const core::ReviewEvidence& e) {
    const std::pair<Msg, const std::vector<core::CheckMonth>*> parts[] = {
        {Msg::ag_ev_checks_planned, &e.checks_planned},
        {Msg::ag_ev_checks_done, &e.checks_done},
        {Msg::ag_ev_checks_overdue, &e.checks_overdue}};
    bool first = true;
    for (const auto& [msg, months] : parts) {
        const std::string label = core::fmt(msg, {std::to_string(months->size())});
        if (number(label, months->size(), first)) list(app, label, check_links(app, *months));
        first = false;
    }
    const std::string runs = core::fmt(Msg::ag_ev_runs, {std::to_string(e.runs.size())});
    if (number(runs, e.runs.size())) list(app, runs, document_links(app, e.runs));
    if (!e.runs.empty())
        wrapped(core::fmt(Msg::ag_ev_compliance, {core::compliance_text(e.compliance, core::language())})
                    .c_str());
}

void draw_actions(App& app, const core::Document& doc, const core::AnnualReview& r,
                  const core::ReviewEvidence& e) {
    using S = core::ActionStatus;
    const core::RegisterFilter base = register_filter(doc, r);
    struct Part {
        Msg label;
        std::size_t n;
        std::function<void(core::RegisterFilter&)> narrow;
    };
    const Part parts[] = {
        {Msg::ag_ev_actions, e.actions.size(), [](core::RegisterFilter&) {}},
        {Msg::ag_ev_actions_done, e.actions_done.size(),
         [](core::RegisterFilter& f) {
             f.statuses = {S::genomford, S::uppfoljd};
         }},
        {Msg::ag_ev_actions_followed_up, e.actions_followed_up.size(),
         [](core::RegisterFilter& f) { f.statuses = {S::uppfoljd}; }},
        {Msg::ag_ev_actions_no_follow_up, e.actions_without_follow_up.size(),
         [](core::RegisterFilter& f) { f.statuses = {S::genomford}; }},
        {Msg::ag_ev_actions_same_day, e.actions_followed_up_same_day.size(),
         [](core::RegisterFilter& f) { f.rule = core::Rule::action_followed_up_same_day; }},
        {Msg::ag_ev_actions_overdue, e.actions_overdue.size(),
         [](core::RegisterFilter& f) { f.flag = core::RegisterFlag::overdue; }},
    };
    bool first = true;
    for (const Part& p : parts) {
        if (number(core::fmt(p.label, {std::to_string(p.n)}), p.n, first)) {
            core::RegisterFilter f = base;
            p.narrow(f);
            open_register(app, f);
        }
        first = false;
    }
}

} // namespace

void draw_evidence(App& app, const core::Document& doc, const core::AnnualReview& r,
                   const core::ReviewEvidence& e, std::span<const core::EvidenceGroup> groups) {
    ImGui::PushID("evidence");
    for (const core::EvidenceGroup g : groups) {
        switch (g) {
        case core::EvidenceGroup::risk_analyses:
            draw_risk_analyses(app, e);
            break;
        case core::EvidenceGroup::egenkontroller:
            draw_checks(app, e);
            break;
        case core::EvidenceGroup::actions:
            draw_actions(app, doc, r, e);
            break;
        }
        ImGui::Spacing();
    }
    draw_links(app);
    ImGui::PopID();
}

} // namespace kvh::ui
