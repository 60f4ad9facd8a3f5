// The risk matrix: the scale's heatmap with each risk as a numbered marker in its cell (a count
// when a cell is crowded). A click on a cell filters, a click on a marker selects, and a marker
// dragged to another cell rescores the risk — the caller turns the event into an undoable edit.
// For assistive technology it is a grid whose cells say their scores in words; a marker with the
// keyboard focus moves to the next cell with an arrow key, said in the live region.
#include "risk_views.hpp"

#include "item_roles.hpp"

#include "core/palette.hpp"

#include <cfloat>
#include <imgui_internal.h>

namespace kvh::ui {

namespace {

struct DragState {
    std::string matrix; // which matrix the drag started in
    std::string risk;
    bool moved = false;
};
DragState g_drag;
core::ScaleLevel g_explained; // the level a tap on its label shows whole: "3 Betydande" and its hint

// What the last move by keyboard was, said in the live region for a few seconds.
struct Moved {
    std::string text;
    double until = 0;
    int serial = 0; // each move its own live item, so the same words twice are said twice
};
Moved g_moved;

// "Sannolikhet 3 Stor, konsekvens 4 Katastrofal, riskvärde 12 röd (mycket hög risk), 2 risker".
std::string cell_words(const core::RiskScale& scale, int s, int k, int risks) {
    const int value = scale.value(s, k);
    const std::optional<core::BandColour> band = scale.band(value);
    return core::fmt(core::Msg::a11y_cell,
                     {std::to_string(s), scale.sannolikhet[std::size_t(s - 1)].label, std::to_string(k),
                      scale.konsekvens[std::size_t(k - 1)].label, std::to_string(value),
                      band ? core::tr(core::band_risk_name(*band)) : "",
                      core::count_text(core::Msg::a11y_cell_risks, risks)});
}

} // namespace

ImU32 band_colour(std::optional<core::BandColour> band, float alpha) {
    const core::Rgb c = core::band_rgb(band);
    return IM_COL32((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, int(alpha * 255.0f + 0.5f));
}

ImU32 band_colour_text() {
    return IM_COL32((core::kOnBand >> 16) & 0xFF, (core::kOnBand >> 8) & 0xFF, core::kOnBand & 0xFF, 255);
}

MatrixEvent draw_risk_matrix(const char* id, const core::RiskAnalysis& a, const MatrixOptions& opt) {
    MatrixEvent ev;
    const core::RiskScale& scale = a.scale;
    const int ns = scale.levels_s(), nk = scale.levels_k();
    if (ns <= 0 || nk <= 0) return ev;
    ImGui::PushID(id);
    const float font = ImGui::GetFontSize();
    const float label_w = std::min(opt.size.x * 0.28f, 9.0f * font); // sannolikhet labels on the left
    const float label_h = 4.2f * font; // konsekvens labels below (two lines), then the axis caption
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 grid0(origin.x + label_w, origin.y + font * 1.4f);
    const float cell_w = (opt.size.x - label_w) / float(nk);
    const float cell_h = std::max((opt.size.y - label_h - font * 1.4f) / float(ns), font * 1.6f);
    const ImVec2 grid1(grid0.x + cell_w * float(nk), grid0.y + cell_h * float(ns));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dark = band_colour_text();

    // The whole grid is one item: it takes clicks and drags so the window does not. It is named by the
    // matrix' title, for assistive technology.
    ImGui::SetCursorScreenPos(grid0);
    ImGui::InvisibleButton(("##" + opt.title).c_str(), ImVec2(grid1.x - grid0.x, grid1.y - grid0.y));
    describe_last_item(("##" + opt.title).c_str(), core::tr(core::Msg::a11y_matrix_hint), kRoleGrid);
    const ImGuiID grid_id = ImGui::GetItemID();
    const ImGuiLastItemData grid_item = GImGui->LastItemData; // the markers' items come after it
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    auto cell_at = [&](ImVec2 p, int& s, int& k) {
        if (p.x < grid0.x || p.x >= grid1.x || p.y < grid0.y || p.y >= grid1.y) return false;
        k = 1 + int((p.x - grid0.x) / cell_w);
        s = ns - int((p.y - grid0.y) / cell_h);
        return s >= 1 && s <= ns && k >= 1 && k <= nk;
    };
    auto cell_rect = [&](int s, int k) {
        const ImVec2 p0(grid0.x + cell_w * float(k - 1), grid0.y + cell_h * float(ns - s));
        return ImRect(p0, ImVec2(p0.x + cell_w, p0.y + cell_h));
    };

    // [SECTION] Title and axes
    // Each level's number and words in up to two lines, cut with "…" where a cell is narrow (a phone);
    // a tap on a level's label shows its words and hint whole.
    dl->AddText(ImVec2(grid0.x, origin.y), text, opt.title.c_str());
    announce_run(opt.title, ImRect(ImVec2(grid0.x, origin.y),
                                   ImVec2(grid0.x, origin.y) + ImGui::CalcTextSize(opt.title.c_str())));
    const ImVec2 mouse_at = ImGui::GetIO().MousePos;
    const bool label_clicked = ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                               !ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left) &&
                               ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
    const core::ScaleLevel* explained = nullptr;
    std::string explained_label;
    auto axis_label = [&](const ImRect& box, const core::ScaleLevel& level, int n, bool right_aligned) {
        const std::string label = std::to_string(n) + " " + level.label;
        const float w = box.GetWidth();
        const float lines = std::min(2.0f, std::floor(box.GetHeight() / ImGui::GetTextLineHeight()));
        const float h = ImGui::CalcTextSize(label.c_str(), nullptr, false, w).y;
        const float shown_h = std::min(h, lines * ImGui::GetTextLineHeight());
        const float x =
            right_aligned ? box.Max.x - std::min(ImGui::CalcTextSize(label.c_str()).x, w) : box.Min.x;
        const float y = right_aligned ? box.Min.y + (box.GetHeight() - shown_h) * 0.5f : box.Min.y;
        draw_text_lines(ImGui::GetFont(), ImVec2(x, y), box.Max.x - x, text, label,
                        int(std::max(1.0f, lines)));
        if (label_clicked && box.Contains(mouse_at)) {
            explained = &level;
            explained_label = label;
        }
    };
    for (int s = 1; s <= ns; ++s) {
        const ImRect r = cell_rect(s, 1);
        axis_label(ImRect(ImVec2(origin.x, r.Min.y), ImVec2(grid0.x - 8, r.Max.y)),
                   scale.sannolikhet[std::size_t(s - 1)], s, true);
    }
    for (int k = 1; k <= nk; ++k) {
        const ImRect r = cell_rect(1, k);
        axis_label(ImRect(ImVec2(r.Min.x + 4, grid1.y + 4), ImVec2(r.Max.x - 2, grid1.y + 4 + font * 2.5f)),
                   scale.konsekvens[std::size_t(k - 1)], k, false);
    }
    const char* axis = core::tr(core::Msg::risk_axes);
    const ImVec2 axis_at(grid0.x, grid1.y + font * 2.9f);
    dl->AddText(axis_at, ImGui::GetColorU32(ImGuiCol_TextDisabled), axis);
    announce_run(axis, ImRect(axis_at, axis_at + ImGui::CalcTextSize(axis)));
    std::vector<std::vector<int>> binned;
    if (!opt.cells) {
        binned.resize(std::size_t(ns * nk));
        for (std::size_t i = 0; i < a.risks.size(); ++i) {
            const core::Risk& r = a.risks[i];
            const int s = opt.residual ? r.residual_s : r.s, k = opt.residual ? r.residual_k : r.k;
            if (s < 1 || s > ns || k < 1 || k > nk) continue;
            binned[std::size_t((s - 1) * nk + (k - 1))].push_back(int(i));
        }
    }
    const std::vector<std::vector<int>>& in_cell = opt.cells ? *opt.cells : binned;
    auto count_in = [&](int s, int k) { return int(in_cell[std::size_t((s - 1) * nk + (k - 1))].size()); };

    // [SECTION] Cells
    for (int s = 1; s <= ns; ++s) {
        for (int k = 1; k <= nk; ++k) {
            const ImRect r = cell_rect(s, k);
            const int value = scale.value(s, k);
            const bool filtered = opt.filter_s == s && opt.filter_k == k;
            dl->AddRectFilled(r.Min, r.Max,
                              band_colour(scale.band(value), filtered ? 1.0f : core::kCellAlpha));
            dl->AddRect(r.Min, r.Max, IM_COL32(255, 255, 255, 200), 0, 0, 1.0f);
            if (filtered) dl->AddRect(r.Min + ImVec2(2, 2), r.Max - ImVec2(2, 2), dark, 0, 0, 3.0f);
            const std::string v = std::to_string(value);
            const ImVec2 at(r.Max.x - ImGui::CalcTextSize(v.c_str()).x - 4, r.Min.y + 2);
            dl->AddText(at, dark, v.c_str());
            announce_run(v, ImRect(at, at + ImGui::CalcTextSize(v.c_str())));
            announce((core::fmt(core::Msg::risk_cell_label, {std::to_string(s), std::to_string(k)})).c_str(),
                     r, kRoleGridCell, cell_words(scale, s, k, count_in(s, k)).c_str());
        }
    }

    // [SECTION] Markers, laid out in a small grid inside their cell
    const float radius = std::clamp(std::min(cell_w, cell_h) * 0.16f, font * 0.55f, font * 1.1f);
    const std::string matrix_id = id;
    // A marker takes a press within 22 px of its centre (a 44 px target for a finger) or its own
    // radius, whichever is larger; where targets overlap, the nearest centre wins.
    const float reach = std::max(radius, 22.0f);
    // A marker is an item of its own, so the keyboard and assistive technology can reach it: Enter
    // selects its risk, an arrow key moves it to the next cell that way (the caller's edit).
    auto keyboard_marker = [&](const core::Risk& risk, const std::string& n, const ImRect& hit, int s,
                               int k) {
        const ImGuiID marker = ImGui::GetID(risk.id.c_str());
        const std::string name = core::fmt(core::Msg::risk_marker_label, {n});
        if (!ImGui::ItemAdd(hit, marker)) return;
        describe_last_item(name.c_str(), risk.description.c_str(),
                           risk.id == opt.selected ? kRoleSelected : 0);
        ImGuiContext& g = *GImGui;
        if (g.NavActivateId == marker) ev = {MatrixEvent::Kind::marker_clicked, 0, 0, risk.id};
        if (g.NavId != marker || g.ActiveId) return;
        const int to_s = s + (ImGui::IsKeyPressed(ImGuiKey_UpArrow) ? 1 : 0) -
                         (ImGui::IsKeyPressed(ImGuiKey_DownArrow) ? 1 : 0);
        const int to_k = k + (ImGui::IsKeyPressed(ImGuiKey_RightArrow) ? 1 : 0) -
                         (ImGui::IsKeyPressed(ImGuiKey_LeftArrow) ? 1 : 0);
        if ((to_s == s && to_k == k) || to_s < 1 || to_s > ns || to_k < 1 || to_k > nk) return;
        ev = {MatrixEvent::Kind::marker_dropped, to_s, to_k, risk.id};
        g_moved.text = core::fmt(core::Msg::a11y_marker_moved,
                                 {n, cell_words(scale, to_s, to_k, count_in(to_s, to_k) + 1)});
        g_moved.until = ImGui::GetTime() + 6;
        g_moved.serial++;
    };
    std::string pressed_risk, under_mouse;
    float nearest = FLT_MAX;
    for (int s = 1; s <= ns; ++s) {
        for (int k = 1; k <= nk; ++k) {
            const auto& list = in_cell[std::size_t((s - 1) * nk + (k - 1))];
            if (list.empty()) continue;
            const ImRect r = cell_rect(s, k);
            const int per_row = std::max(1, int((cell_w - 4) / (radius * 2.3f)));
            const int rows = std::max(1, int((cell_h - font - 2) / (radius * 2.3f)));
            const int room = per_row * rows;
            const bool crowded = int(list.size()) > room;
            const int shown = crowded ? room - 1 : int(list.size());
            for (int j = 0; j < shown; ++j) {
                const core::Risk& risk = a.risks[std::size_t(list[std::size_t(j)])];
                const ImVec2 c(r.Min.x + 4 + radius * 1.15f + float(j % per_row) * radius * 2.3f,
                               r.Min.y + font + radius * 1.15f + float(j / per_row) * radius * 2.3f);
                const bool dragging = g_drag.matrix == matrix_id && g_drag.risk == risk.id && g_drag.moved;
                const ImVec2 at = dragging ? mouse : c;
                const bool selected = risk.id == opt.selected;
                dl->AddCircleFilled(at, radius, selected ? IM_COL32(20, 60, 140, 255) : dark);
                if (selected) dl->AddCircle(at, radius + 3, IM_COL32(255, 255, 255, 255), 0, 2.5f);
                const std::string n = std::to_string(list[std::size_t(j)] + 1);
                const ImVec2 ts = ImGui::CalcTextSize(n.c_str());
                dl->AddText(ImVec2(at.x - ts.x * 0.5f, at.y - ts.y * 0.5f), IM_COL32(255, 255, 255, 255),
                            n.c_str());
                announce_run(n, ImRect(at - ts * 0.5f, at + ts * 0.5f));
                const ImRect hit(c - ImVec2(reach, reach), c + ImVec2(reach, reach));
                keyboard_marker(risk, n, hit, s, k);
                const ImVec2 d = mouse - c;
                if (hovered && hit.Contains(mouse) && d.x * d.x + d.y * d.y < nearest) {
                    nearest = d.x * d.x + d.y * d.y;
                    under_mouse = risk.id;
                }
            }
            if (crowded) {
                const std::string more = "+" + std::to_string(int(list.size()) - shown);
                const ImVec2 c(r.Min.x + 4 + radius * 1.15f + float(shown % per_row) * radius * 2.3f,
                               r.Min.y + font + radius * 1.15f + float(shown / per_row) * radius * 2.3f);
                const ImVec2 ts = ImGui::CalcTextSize(more.c_str());
                dl->AddText(ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), dark, more.c_str());
                announce_run(more, ImRect(c - ts * 0.5f, c + ts * 0.5f));
                // The risks that do not fit are reached through the "+N", an item of its own: Enter
                // shows the cell's risks in the list, as a press on the cell does.
                const ImGuiID more_id =
                    ImGui::GetID(("+" + std::to_string(s) + "/" + std::to_string(k)).c_str());
                if (ImGui::ItemAdd(ImRect(c - ImVec2(reach, reach), c + ImVec2(reach, reach)), more_id)) {
                    describe_last_item(
                        core::fmt(core::Msg::a11y_more_in_cell,
                                  {std::to_string(int(list.size()) - shown), std::to_string(list.size())})
                            .c_str(),
                        nullptr);
                    if (GImGui->NavActivateId == more_id) ev = {MatrixEvent::Kind::cell_clicked, s, k, {}};
                }
            }
        }
    }

    // [SECTION] Interaction: press on a marker and move = drag; press and release in place = click
    GImGui->LastItemData = grid_item;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) pressed_risk = under_mouse;
    // A finger resting on a marker: tells the platform layer (input_web.cpp) that moving it drags the
    // marker instead of scrolling the screen.
    if (!under_mouse.empty() && ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen)
        ImGui::SetKeyOwner(ImGuiKey_MouseWheelX, grid_id);
    int s = 0, k = 0;
    if (ImGui::IsItemActivated()) g_drag = {matrix_id, pressed_risk, false};
    if (active && g_drag.matrix == matrix_id && !g_drag.risk.empty() &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, font * 0.3f))
        g_drag.moved = true;
    if (ImGui::IsItemDeactivated() && g_drag.matrix == matrix_id) {
        if (g_drag.risk.empty()) {
            if (!ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left) &&
                cell_at(ImGui::GetIO().MouseClickedPos[ImGuiMouseButton_Left], s, k))
                ev = {MatrixEvent::Kind::cell_clicked, s, k, {}};
        } else if (!g_drag.moved) {
            ev = {MatrixEvent::Kind::marker_clicked, 0, 0, g_drag.risk};
        } else if (cell_at(mouse, s, k)) {
            ev = {MatrixEvent::Kind::marker_dropped, s, k, g_drag.risk};
        }
        g_drag = {};
    }

    if (ImGui::GetTime() < g_moved.until)
        announce((g_moved.text + "##moved" + std::to_string(g_moved.serial)).c_str(), ImRect(grid0, grid1),
                 kRoleLive);

    if (explained) {
        g_explained = {explained_label, explained->hint};
        ImGui::OpenPopup("##level");
    }
    // As wide as a phone allows, as tall as the words: the hint wraps inside it.
    if (ImGui::IsPopupOpen("##level"))
        ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetIO().DisplaySize.x * 0.8f, font * 24), 0));
    if (ImGui::BeginPopup("##level")) {
        heading(g_explained.label.c_str(), 2);
        if (!g_explained.hint.empty()) wrapped(g_explained.hint.c_str());
        ImGui::EndPopup();
    }

    ImGui::SetCursorScreenPos(ImVec2(origin.x, grid1.y + label_h));
    ImGui::Dummy(ImVec2(opt.size.x, 0));
    ImGui::PopID();
    return ev;
}

} // namespace kvh::ui
