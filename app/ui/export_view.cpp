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
        draw_unreadable_exports(app);
        return;
    }
    auto download = [&](const std::vector<const core::Document*>& chosen) {
        const std::string now = app.host().now_iso();
        const std::string name = core::fmt(Msg::export_filename, {now.substr(0, 10)});
        app.host().download(name, "application/json", core::export_documents(chosen, now));
        // What is typed from now on is a new revision, which the receiver of this file sees as an update.
        app.workspace().end_burst();
        show_toast(app, core::fmt(Msg::toast_exported, {name}), false);
    };
    auto chosen = [&] {
        std::vector<const core::Document*> out;
        for (const core::Document* d : docs)
            if (!st.export_unselected.count(d->id)) out.push_back(d);
        return out;
    };
    std::size_t unticked = 0;
    for (const std::string& id : st.export_unselected) unticked += app.workspace().find(id) ? 1 : 0;
    const std::size_t n_chosen = docs.size() - unticked;

    if (ImGui::Button(core::fmt(Msg::export_all, {std::to_string(docs.size())}).c_str())) download(docs);
    ImGui::Spacing();
    if (ImGui::Button(core::tr(Msg::export_select_all))) st.export_unselected.clear();
    ImGui::SameLine();
    if (ImGui::Button(core::tr(Msg::export_select_none)))
        for (const core::Document* d : docs) st.export_unselected.insert(d->id);
    // Above the list, so it stays in reach however many documents there are.
    ImGui::BeginDisabled(n_chosen == 0);
    if (ImGui::Button(core::fmt(Msg::export_selected, {std::to_string(n_chosen)}).c_str()))
        download(chosen());
    ImGui::EndDisabled();
    draw_unreadable_exports(app);
    // One line per document, only the visible ones drawn. The checkbox is named by the title (after
    // "##", so a title can never change its id); the text beside it is drawn on its own.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(docs.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::Document* d = docs[static_cast<std::size_t>(i)];
            bool on = !st.export_unselected.count(d->id);
            ImGui::PushID(d->id.c_str());
            if (ImGui::Checkbox(("##" + d->title).c_str(), &on)) {
                if (on)
                    st.export_unselected.erase(d->id);
                else
                    st.export_unselected.insert(d->id);
            }
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            text(core::fmt(Msg::export_row, {d->title, kind_text(d->kind), std::to_string(d->year)}).c_str());
            ImGui::PopID();
        }
    }
}

} // namespace kvh::ui
