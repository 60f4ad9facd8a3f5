// The risk library: common risks by category (assets/risk_library.json), each added to the analysis
// with one tap as a new risk to edit, with the suggested actions the person ticked. Several can be
// added before going back.
#include "risk_views.hpp"

#include "core/exchange_format.hpp"

namespace kvh::ui {

using core::Msg;

void draw_risk_library(App& app, const core::Document& doc) {
    auto& rv = app.state.risk;
    if (ImGui::Button(core::tr(Msg::risk_library_done))) {
        rv.library_open = false;
        return;
    }
    heading(core::tr(Msg::risk_library_title));
    const auto& lib = app.risk_library();
    if (!lib) {
        wrapped(core::tr(Msg::risk_library_missing));
        return;
    }
    wrapped_muted(core::tr(Msg::risk_library_intro));
    text(core::tr(Msg::risk_category));
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 26 * ImGui::GetFontSize()));
    const char* current =
        rv.library_category.empty() ? core::tr(Msg::risk_library_all) : rv.library_category.c_str();
    if (begin_combo((std::string("##") + core::tr(Msg::risk_category)).c_str(), current)) {
        if (menu_item(core::tr(Msg::risk_library_all), rv.library_category.empty()))
            rv.library_category.clear();
        for (const std::string& c : lib->categories)
            if (menu_item(c.c_str(), c == rv.library_category)) rv.library_category = c;
        ImGui::EndCombo();
    }
    const bool ro = app.save_status().state == SaveStatus::State::read_only;
    for (std::size_t i = 0; i < lib->risks.size(); ++i) {
        const core::LibraryRisk& t = lib->risks[i];
        if (!rv.library_category.empty() && t.category != rv.library_category) continue;
        ImGui::PushID(int(i));
        ImGui::Separator();
        ImFont* bold = ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : nullptr;
        ImGui::PushFont(bold);
        wrapped(t.description.c_str());
        ImGui::PopFont();
        wrapped_muted(core::fmt(Msg::risk_library_entry, {t.category, t.causes}).c_str());
        ImGui::BeginDisabled(ro);
        // The suggested actions are choices, none ticked: only those ticked come along as actions.
        if (!t.suggested_actions.empty()) wrapped_muted(core::tr(Msg::risk_library_suggestions));
        std::vector<std::size_t> chosen;
        for (std::size_t j = 0; j < t.suggested_actions.size(); ++j) {
            const std::string& what = t.suggested_actions[j];
            const auto key = std::make_pair(i, j);
            bool on = rv.library_ticked.contains(key);
            ImGui::PushID(int(j));
            // Named by its text for the test hooks; the text itself is drawn beside it, wrapped.
            if (ImGui::Checkbox(("##" + what).c_str(), &on)) {
                if (on)
                    rv.library_ticked.insert(key);
                else
                    rv.library_ticked.erase(key);
            }
            ImGui::SameLine();
            wrapped(what.c_str());
            ImGui::PopID();
            if (on) chosen.push_back(j);
        }
        const std::string add = chosen.empty() ? std::string(core::tr(Msg::risk_library_add))
                                               : core::fmt(Msg::risk_library_add_with,
                                                           {core::count_text(Msg::n_actions, chosen.size())});
        if (ImGui::Button((add + "##" + std::to_string(i)).c_str())) {
            const core::Risk r = core::risk_from_library(t, chosen, app.workspace().env());
            if (edit_analysis(app, doc.id, Msg::risk_undo_from_library,
                              [&](core::RiskAnalysis& m) { m.risks.push_back(r); })) {
                show_toast(app, core::fmt(Msg::risk_library_added, {t.description}), true);
                std::erase_if(rv.library_ticked, [i](const auto& k) { return k.first == i; });
            }
        }
        ImGui::EndDisabled();
        ImGui::PopID();
    }
}

} // namespace kvh::ui
