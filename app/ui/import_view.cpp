// Importera: choose or drop a file, see what it would do (added / updated / unchanged / older /
// conflict), choose what happens on conflict, then apply all of it or nothing.
#include "views.hpp"

#include "core/file_bytes.hpp"

#include "core/exchange_format.hpp"

namespace kvh::ui {

using core::Msg;

void App::open_file(const std::string& name, const std::string& bytes) {
    set_active_screen(*this, Screen::import);
    state.import_name = name;
    state.import_errors.clear();
    state.import_plan.reset();
    core::ParsedFile parsed = core::parse_exchange(bytes);
    if (!parsed.ok()) {
        for (const auto& e : parsed.errors) state.import_errors.push_back(e.text(settings_.lang));
    } else {
        state.import_plan = core::plan_import(ws_, std::move(parsed.documents));
    }
    host_.request_frames(3);
}

void App::file_refused(const std::string& name, std::uint64_t bytes, const std::string& reason) {
    set_active_screen(*this, Screen::import);
    state.import_name = name;
    state.import_plan.reset();
    const core::ValidationError e = reason.empty()
                                        ? core::too_large_error(bytes)
                                        : core::ValidationError{"", core::Msg::store_err_other, {reason}, {}};
    state.import_errors = {e.text(settings_.lang)};
    host_.request_frames(3);
}

namespace {

std::size_t writes(const core::ImportPlan& plan, core::ConflictChoice choice) {
    return plan.count(core::MergeAction::add) + plan.count(core::MergeAction::update) +
           (choice == core::ConflictChoice::keep_local ? 0 : plan.count(core::MergeAction::conflict));
}

} // namespace

void draw_import(App& app) {
    auto& st = app.state;
    heading(core::tr(Msg::import_title));
    if (app.read_only()) {
        const bool loading = app.save_status().state == SaveStatus::State::loading;
        wrapped(core::tr(loading ? Msg::save_loading : Msg::import_read_only));
        return;
    }
    wrapped(core::tr(Msg::import_intro));
    if (ImGui::Button(core::tr(Msg::import_choose))) app.host().pick_import_file();
    if (st.import_name.empty()) return;

    ImGui::Spacing();
    wrapped(core::fmt(Msg::import_file, {st.import_name}).c_str());
    if (!st.import_errors.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, color_warning());
        wrapped(core::tr(Msg::import_invalid));
        ImGui::PopStyleColor();
        for (const auto& e : st.import_errors) {
            ImGui::Bullet();
            ImGui::SameLine();
            wrapped(e.c_str());
        }
        return;
    }
    if (!st.import_plan) return;
    const core::ImportPlan& plan = *st.import_plan;
    using A = core::MergeAction;
    wrapped(core::fmt(Msg::import_summary,
                      {std::to_string(plan.count(A::add)), std::to_string(plan.count(A::update)),
                       std::to_string(plan.count(A::unchanged)), std::to_string(plan.count(A::older)),
                       std::to_string(plan.count(A::conflict))})
                .c_str());
    if (plan.count(A::conflict) > 0) {
        wrapped(core::tr(Msg::import_conflicts));
        int choice = static_cast<int>(st.conflict_choice);
        ImGui::RadioButton(core::tr(Msg::merge_keep_local), &choice,
                           static_cast<int>(core::ConflictChoice::keep_local));
        ImGui::RadioButton(core::tr(Msg::merge_take_incoming), &choice,
                           static_cast<int>(core::ConflictChoice::take_incoming));
        ImGui::RadioButton(core::tr(Msg::merge_keep_both), &choice,
                           static_cast<int>(core::ConflictChoice::keep_both));
        st.conflict_choice = static_cast<core::ConflictChoice>(choice);
    }
    const std::size_t n = writes(plan, st.conflict_choice);
    if (n == 0) wrapped_muted(core::tr(Msg::import_nothing));
    ImGui::BeginDisabled(n == 0);
    if (ImGui::Button(core::count_text(Msg::import_apply, static_cast<long long>(n)).c_str())) {
        const std::size_t written = core::apply_import(app.workspace(), plan, st.conflict_choice);
        st.import_plan.reset();
        st.import_name.clear();
        show_toast(app, core::count_text(Msg::toast_imported, static_cast<long long>(written)), written > 0);
        return; // the plan is gone
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(core::tr(Msg::import_cancel))) {
        st.import_plan.reset();
        st.import_name.clear();
        return;
    }
    // The decision comes first and the details after, so the buttons are in reach on a phone
    // however long the file's list is.
    ImGui::Spacing();
    if (ImGui::BeginTable("##plan", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn(core::tr(Msg::import_col_doc), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(core::tr(Msg::import_col_action), ImGuiTableColumnFlags_WidthFixed,
                                layout().narrow ? 7 * ImGui::GetFontSize() : 12 * ImGui::GetFontSize());
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper; // a 10,000-document file lists only what is on screen
        clipper.Begin(static_cast<int>(plan.items.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const core::ImportItem& item = plan.items[static_cast<std::size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                // One line per row (the clipper needs equal heights); the column clips what is too long.
                text(core::fmt(Msg::export_row, {item.incoming.title, kind_text(item.incoming.kind),
                                                 std::to_string(item.incoming.year)})
                         .c_str());
                ImGui::TableNextColumn();
                const bool conflict = item.action == A::conflict;
                if (conflict) ImGui::PushStyleColor(ImGuiCol_Text, color_warning());
                text(core::tr(core::merge_action_name(item.action)));
                if (conflict) ImGui::PopStyleColor();
            }
        ImGui::EndTable();
    }
}

} // namespace kvh::ui
