// The risk matrix: the scale's heatmap with each risk as a numbered marker in its cell (a count
// when a cell is crowded). A click on a cell filters, a click on a marker selects, and a marker
// dragged to another cell rescores the risk — the caller turns the event into an undoable edit.
#include "risk_views.hpp"

#include <imgui_internal.h>

namespace kvh::ui {

namespace {

struct DragState {
    std::string matrix; // which matrix the drag started in
    std::string risk;
    bool moved = false;
};
DragState g_drag;

} // namespace

ImU32 band_colour(std::optional<core::BandColour> band, float alpha) {
    // Muted enough to keep black text readable (contrast ≥ 7:1), distinct enough from a projector.
    ImVec4 c(0.85f, 0.86f, 0.88f, alpha);
    if (band) switch (*band) {
        case core::BandColour::gron:
            c = ImVec4(0.55f, 0.80f, 0.55f, alpha);
            break;
        case core::BandColour::gul:
            c = ImVec4(0.98f, 0.87f, 0.40f, alpha);
            break;
        case core::BandColour::orange:
            c = ImVec4(0.98f, 0.65f, 0.30f, alpha);
            break;
        case core::BandColour::rod:
            c = ImVec4(0.93f, 0.38f, 0.35f, alpha);
            break;
        }
    return ImGui::ColorConvertFloat4ToU32(c);
}

MatrixEvent draw_risk_matrix(const char* id, const core::RiskAnalysis& a, const MatrixOptions& opt) {
    MatrixEvent ev;
    const core::RiskScale& scale = a.scale;
    const int ns = scale.levels_s(), nk = scale.levels_k();
    if (ns <= 0 || nk <= 0) return ev;
    ImGui::PushID(id);
    const float font = ImGui::GetFontSize();
    const float label_w = std::min(opt.size.x * 0.28f, 9.0f * font); // sannolikhet labels on the left
    const float label_h = 3.0f * font; // konsekvens labels below, then the axis caption
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 grid0(origin.x + label_w, origin.y + font * 1.4f);
    const float cell_w = (opt.size.x - label_w) / float(nk);
    const float cell_h = std::max((opt.size.y - label_h - font * 1.4f) / float(ns), font * 1.6f);
    const ImVec2 grid1(grid0.x + cell_w * float(nk), grid0.y + cell_h * float(ns));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dark = IM_COL32(20, 20, 20, 255);

    // The whole grid is one item: it takes clicks and drags so the window does not.
    ImGui::SetCursorScreenPos(grid0);
    ImGui::InvisibleButton("##grid", ImVec2(grid1.x - grid0.x, grid1.y - grid0.y));
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
    dl->AddText(ImVec2(grid0.x, origin.y), text, opt.title.c_str());
    for (int s = 1; s <= ns; ++s) {
        const ImRect r = cell_rect(s, 1);
        const std::string label = std::to_string(s) + " " + scale.sannolikhet[std::size_t(s - 1)].label;
        // Right-aligned against the grid, so each level's words sit next to its row.
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str(), nullptr, false, label_w - 8);
        ImGui::PushClipRect(ImVec2(origin.x, r.Min.y), ImVec2(grid0.x - 4, r.Max.y), true);
        dl->AddText(nullptr, 0,
                    ImVec2(grid0.x - 8 - std::min(ts.x, label_w - 8), r.Min.y + (cell_h - ts.y) * 0.5f), text,
                    label.c_str(), nullptr, label_w - 8);
        ImGui::PopClipRect();
    }
    for (int k = 1; k <= nk; ++k) {
        const ImRect r = cell_rect(1, k);
        const std::string label = std::to_string(k) + " " + scale.konsekvens[std::size_t(k - 1)].label;
        ImGui::PushClipRect(ImVec2(r.Min.x, grid1.y), ImVec2(r.Max.x - 2, grid1.y + font * 1.5f), true);
        dl->AddText(nullptr, 0, ImVec2(r.Min.x + 4, grid1.y + 4), text, label.c_str(), nullptr, cell_w - 8);
        ImGui::PopClipRect();
    }
    const char* axis = core::tr(core::Msg::risk_axes);
    dl->AddText(ImVec2(grid0.x, grid1.y + font * 1.6f), ImGui::GetColorU32(ImGuiCol_TextDisabled), axis);

    // [SECTION] Cells
    for (int s = 1; s <= ns; ++s) {
        for (int k = 1; k <= nk; ++k) {
            const ImRect r = cell_rect(s, k);
            const int value = scale.value(s, k);
            const bool filtered = opt.filter_s == s && opt.filter_k == k;
            dl->AddRectFilled(r.Min, r.Max, band_colour(scale.band(value), filtered ? 1.0f : 0.85f));
            dl->AddRect(r.Min, r.Max, IM_COL32(255, 255, 255, 200), 0, 0, 1.0f);
            if (filtered) dl->AddRect(r.Min + ImVec2(2, 2), r.Max - ImVec2(2, 2), dark, 0, 0, 3.0f);
            const std::string v = std::to_string(value);
            dl->AddText(ImVec2(r.Max.x - ImGui::CalcTextSize(v.c_str()).x - 4, r.Min.y + 2),
                        IM_COL32(20, 20, 20, 150), v.c_str());
            announce((core::fmt(core::Msg::risk_cell_label, {std::to_string(s), std::to_string(k)})).c_str(),
                     r);
        }
    }

    // [SECTION] Markers, laid out in a small grid inside their cell
    const float radius = std::clamp(std::min(cell_w, cell_h) * 0.16f, font * 0.55f, font * 1.1f);
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
    const std::string matrix_id = id;
    std::string pressed_risk;
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
                const ImRect hit(c - ImVec2(radius, radius), c + ImVec2(radius, radius));
                announce(core::fmt(core::Msg::risk_marker_label, {n}).c_str(), hit);
                if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && hit.Contains(mouse))
                    pressed_risk = risk.id;
            }
            if (crowded) {
                const std::string more = "+" + std::to_string(int(list.size()) - shown);
                const ImVec2 c(r.Min.x + 4 + radius * 1.15f + float(shown % per_row) * radius * 2.3f,
                               r.Min.y + font + radius * 1.15f + float(shown / per_row) * radius * 2.3f);
                const ImVec2 ts = ImGui::CalcTextSize(more.c_str());
                dl->AddText(ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), dark, more.c_str());
            }
        }
    }

    // [SECTION] Interaction: press on a marker and move = drag; press and release in place = click
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

    ImGui::SetCursorScreenPos(ImVec2(origin.x, grid1.y + label_h));
    ImGui::Dummy(ImVec2(opt.size.x, 0));
    ImGui::PopID();
    return ev;
}

} // namespace kvh::ui
