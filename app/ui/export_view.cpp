// Exportera: every document (or the ones ticked) into one exchange file, downloaded by the browser.
#include "views.hpp"

#include "core/exchange_format.hpp"

namespace kvh::ui {

using core::Msg;

void draw_export(App& app) {
    auto& st = app.state;
    heading(core::tr(Msg::export_title));
    wrapped(core::tr(Msg::export_intro));
    const auto docs = app.workspace().documents();
    if (docs.empty()) {
        wrapped_muted(core::tr(Msg::export_nothing));
        return;
    }
    auto download = [&](const std::vector<const core::Document*>& chosen) {
        const std::string now = app.host().now_iso();
        const std::string name = core::fmt(Msg::export_filename, {now.substr(0, 10)});
        app.host().download(name, "application/json", core::export_documents(chosen, now));
        show_toast(app, core::fmt(Msg::toast_exported, {name}), false);
    };
    std::vector<const core::Document*> chosen;
    for (const core::Document* d : docs)
        if (!st.export_unselected.count(d->id)) chosen.push_back(d);

    if (ImGui::Button(core::fmt(Msg::export_all, {std::to_string(docs.size())}).c_str())) download(docs);
    ImGui::Spacing();
    if (ImGui::Button(core::tr(Msg::export_select_all))) st.export_unselected.clear();
    ImGui::SameLine();
    if (ImGui::Button(core::tr(Msg::export_select_none)))
        for (const core::Document* d : docs) st.export_unselected.insert(d->id);
    // Above the list, so it stays in reach however many documents there are.
    ImGui::BeginDisabled(chosen.empty());
    if (ImGui::Button(core::fmt(Msg::export_selected, {std::to_string(chosen.size())}).c_str())) download(chosen);
    ImGui::EndDisabled();
    for (const core::Document* d : docs) {
        bool on = !st.export_unselected.count(d->id);
        ImGui::PushID(d->id.c_str());
        if (ImGui::Checkbox(d->title.c_str(), &on)) {
            if (on)
                st.export_unselected.erase(d->id);
            else
                st.export_unselected.insert(d->id);
        }
        ImGui::SameLine();
        colored_text(color_muted(), (std::string(kind_text(d->kind)) + " · " + std::to_string(d->year)).c_str());
        ImGui::PopID();
    }
}

} // namespace kvh::ui
