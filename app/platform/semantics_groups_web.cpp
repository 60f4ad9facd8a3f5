// The groups of the semantics layer: elements that hold items rather than stand for one — a popup as a
// dialog (a combo's open list as a listbox), an ImGui table as rows of cells under their column
// headers, the risk matrix as a grid of cells. Made anew each frame from the items of
// semantics_web.cpp; the DOM gets what changed, as for the items. Also what popups do with the focus
// and Esc while the keyboard or assistive technology is in use.
#include "platform_web.hpp"

#include "core/messages.hpp"
#include "ui/item_roles.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace kvh::platform {

// The popup (dialog, menu, a combo's list) an item is drawn in, or null.
ImGuiWindow* popup_of(const ImGuiWindow* w) {
    ImGuiWindow* root = w ? w->RootWindow : nullptr;
    return root && (root->Flags & ImGuiWindowFlags_Popup) ? root : nullptr;
}

bool is_combo_list(const ImGuiWindow* popup) {
    return popup && std::strncmp(popup->Name, "##Combo_", 8) == 0;
}

namespace {

struct Group {
    ImGuiID key = 0, parent = 0;
    const char* role = "";
    const char* sort = nullptr; // a column header's aria-sort
    std::string label;
    bool modal = false;
    int depth = 0; // parents are sent before their children
    int part = 0;
    ImRect rect{FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX}; // of what it holds, for the reading order
};
std::vector<Group> g_groups;                         // of the last completed frame
std::unordered_map<ImGuiID, std::size_t> g_group_at; // key -> index in g_groups
std::unordered_map<ImGuiID, ImU32> g_sent_groups;    // key -> hash of what the DOM holds
// Popup id -> the item that had the focus when it opened (where the focus goes back when it closes),
// and whether the focus went in yet (its first frames may draw nothing: it is measured first).
struct Opened {
    ImGuiID opener = 0;
    bool entered = false;
};
std::unordered_map<ImGuiID, Opened> g_openers;
ImGuiID g_prev_nav = 0; // ImGui's focus at the end of the last frame

ImGuiID key_of(ImGuiID seed, int a, int b = -1) {
    const int v[2] = {a, b};
    return ImHashData(v, sizeof v, seed);
}

Group& add_group(ImGuiID key, ImGuiID parent, const char* role) {
    auto [it, added] = g_group_at.try_emplace(key, g_groups.size());
    if (added) {
        g_groups.push_back({});
        Group& g = g_groups.back();
        g.key = key;
        g.parent = parent;
        g.role = role;
        g.depth = parent && g_group_at.count(parent) ? g_groups[g_group_at[parent]].depth + 1 : 0;
    }
    return g_groups[it->second];
}

const std::vector<SemanticItem>* g_items = nullptr; // of the frame being grouped

const SemanticItem* drawn(ImGuiID id) {
    for (const SemanticItem& item : *g_items)
        if (item.id == id) return &item;
    return nullptr;
}

// A popup's name: its visible title, else the name of what opened it, else its first heading.
std::string dialog_name(const ImGuiWindow* popup, ImGuiID popup_id) {
    const char* end = ImGui::FindRenderedTextEnd(popup->Name);
    if (end != popup->Name) return std::string(popup->Name, std::size_t(end - popup->Name));
    if (auto it = g_openers.find(popup_id); it != g_openers.end())
        if (const SemanticItem* opener = drawn(it->second.opener); opener && !opener->label.empty())
            return opener->label;
    for (const SemanticItem& item : *g_items)
        if (popup_of(item.window) == popup &&
            (item.role == Role::heading1 || item.role == Role::heading2 || item.role == Role::heading3))
            return item.label;
    return core::tr(core::Msg::a11y_dialog);
}

bool in_open_popup(const ImGuiWindow* w) {
    const ImGuiWindow* popup = popup_of(w);
    if (!popup) return false;
    for (const ImGuiPopupData& p : GImGui->OpenPopupStack)
        if (p.Window == popup) return true;
    return false;
}

} // namespace

// The focus goes into a popup that opens while the keyboard or assistive technology is in use, and
// back to what opened it when it closes (not to the page, where the next Tab would start over).
void follow_popups(bool ring, ImGuiID& focus_request) {
    const ImGuiContext& g = *GImGui;
    for (auto it = g_openers.begin(); it != g_openers.end();) {
        bool open = false;
        for (const ImGuiPopupData& p : g.OpenPopupStack) open |= p.PopupId == it->first;
        if (open) {
            ++it;
            continue;
        }
        if (ring && drawn(it->second.opener) && !in_open_popup(g.NavWindow))
            focus_request = it->second.opener;
        it = g_openers.erase(it);
    }
    for (const ImGuiPopupData& p : g.OpenPopupStack) {
        Opened& o = g_openers.try_emplace(p.PopupId, Opened{g_prev_nav ? g_prev_nav : g.NavId}).first->second;
        if (o.entered || !p.Window) continue;
        if (!ring || popup_of(g.NavWindow) == p.Window) {
            o.entered = true;
            continue;
        }
        for (const SemanticItem& item : *g_items)
            if (is_interactive(item.role) && popup_of(item.window) == p.Window) {
                focus_request = item.id;
                o.entered = true;
                break;
            }
    }
    g_prev_nav = g.NavId;
}

void make_groups(std::vector<SemanticItem>& items) {
    g_items = &items;
    g_groups.clear();
    g_group_at.clear();
    const ImGuiContext& g = *GImGui;
    // Dialogs: the popups open, lowest first.
    for (const ImGuiPopupData& p : g.OpenPopupStack) {
        if (!p.Window || !p.Window->Active) continue;
        Group& d = add_group(p.Window->ID, 0, is_combo_list(p.Window) ? "listbox" : "dialog");
        d.label = dialog_name(p.Window, p.PopupId);
        d.modal = true; // a popup keeps the focus until it closes, modal or not
    }
    auto dialog_key = [](const SemanticItem& item) -> ImGuiID {
        const ImGuiWindow* popup = popup_of(item.window);
        return popup && g_group_at.count(popup->ID) ? popup->ID : 0;
    };
    // Grids and their cells, in rows.
    std::vector<const SemanticItem*> cells;
    for (SemanticItem& item : items) {
        item.group = dialog_key(item);
        if (item.status & ui::kRoleGrid)
            add_group(item.id, item.group, "grid").label =
                item.value.empty() ? item.label : item.label + ". " + item.value;
    }
    // A row is keyed by its place in the grid, not its pixels: scrolling moves the grid without
    // re-keying (and so rebuilding) its rows and the screen reader's place in them.
    std::vector<std::pair<const SemanticItem*, ImGuiID>> in_grid;
    std::unordered_map<ImGuiID, std::vector<int>> row_tops;
    for (SemanticItem& item : items) {
        if (!(item.status & ui::kRoleGridCell)) continue;
        for (const SemanticItem& grid : items)
            if ((grid.status & ui::kRoleGrid) && grid.window == item.window &&
                grid.rect.Contains(item.rect.GetCenter())) {
                in_grid.emplace_back(&item, grid.id);
                row_tops[grid.id].push_back(int(item.rect.Min.y));
                break;
            }
    }
    for (auto& [grid, tops] : row_tops) {
        std::sort(tops.begin(), tops.end());
        tops.erase(std::unique(tops.begin(), tops.end()), tops.end());
    }
    for (const auto& [item, grid] : in_grid) {
        const std::vector<int>& tops = row_tops[grid];
        const auto place = std::lower_bound(tops.begin(), tops.end(), int(item->rect.Min.y)) - tops.begin();
        const ImGuiID row = key_of(grid, int(place));
        add_group(row, grid, "row");
        add_group(item->id, row, "gridcell").label = item->value;
        cells.push_back(item);
    }
    for (SemanticItem& item : items) {
        if (item.role == Role::none || item.role == Role::live) continue;
        if (item.table) {
            const ImGuiID table = key_of(item.table, -1), row = key_of(item.table, item.row);
            add_group(table, item.group, "table");
            add_group(row, table, "row");
            item.group = key_of(row, item.column);
            add_group(item.group, row, item.header ? "columnheader" : "cell").sort = item.sort;
        }
        for (const SemanticItem* cell : cells)
            if (cell->window == item.window && cell->rect.Contains(item.rect.GetCenter())) {
                // The cell says its value and count in words: the digits drawn in it are not read again.
                if (!is_interactive(item.role)) item.role = Role::none;
                item.group = cell->id;
                break;
            }
    }
    // Each group spans what it holds, and its parents span it.
    for (const SemanticItem& item : items) {
        if (item.role == Role::none && !(item.status & ui::kRoleGridCell)) continue;
        const ImGuiID start = item.status & ui::kRoleGridCell ? item.id : item.group;
        for (ImGuiID key = start; key;) {
            auto it = g_group_at.find(key);
            if (it == g_group_at.end()) break;
            Group& grp = g_groups[it->second];
            if (grp.rect.Min.x == FLT_MAX) grp.part = region_of(item);
            grp.rect.Add(item.rect);
            key = grp.parent;
        }
    }
    std::stable_sort(g_groups.begin(), g_groups.end(),
                     [](const Group& a, const Group& b) { return a.depth < b.depth; });
}

// ,"groups":[{key,parent,role,sort,label,modal,part,x,y}],"grm":[keys] — parents first; only what differs.
bool send_groups(std::string& json, float z) {
    static std::string up;
    up.clear();
    char buf[224];
    std::unordered_map<ImGuiID, ImU32> now;
    for (const Group& grp : g_groups) {
        if (grp.rect.Min.x == FLT_MAX) continue; // holds nothing drawn
        struct {
            ImGuiID key, parent;
            int modal, part, x, y, zoom;
        } k{grp.key,      grp.parent, grp.modal, grp.part, int(grp.rect.Min.x * 2), int(grp.rect.Min.y * 2),
            int(z * 1000)};
        const ImU32 h = ImHashStr(
            grp.label.c_str(), 0,
            ImHashStr(grp.sort ? grp.sort : "", 0, ImHashStr(grp.role, 0, ImHashData(&k, sizeof k))));
        now[grp.key] = h;
        if (auto it = g_sent_groups.find(grp.key); it != g_sent_groups.end() && it->second == h) continue;
        snprintf(buf, sizeof buf,
                 "%s{\"key\":%u,\"parent\":%u,\"role\":\"%s\",\"sort\":\"%s\",\"modal\":%d,\"part\":%d,"
                 "\"x\":%.1f,\"y\":%.1f,\"label\":",
                 up.empty() ? "" : ",", grp.key, grp.parent, grp.role, grp.sort ? grp.sort : "",
                 grp.modal ? 1 : 0, grp.part, grp.rect.Min.x * z, grp.rect.Min.y * z);
        up += buf;
        append_json_string(up, grp.label);
        up += '}';
    }
    std::string gone;
    for (const auto& [key, h] : g_sent_groups)
        if (!now.count(key)) {
            snprintf(buf, sizeof buf, "%s%u", gone.empty() ? "" : ",", key);
            gone += buf;
        }
    g_sent_groups.swap(now);
    if (up.empty() && gone.empty()) return false;
    json += ",\"groups\":[" + up + "],\"grm\":[" + gone + "]";
    return true;
}

// Esc closes the popup on top (a menu, a list, a calendar) as ImGui's keyboard navigation would,
// which is off here; a modal dialog decides itself what Esc means. The key is taken, so the screen
// under it does not act on the same press.
void close_popup_on_escape() {
    ImGuiContext& g = *GImGui;
    if (g.OpenPopupStack.empty() || g.ActiveId || !ImGui::IsKeyPressed(ImGuiKey_Escape, false)) return;
    const ImGuiPopupData top = g.OpenPopupStack.back();
    if (!top.Window || (top.Window->Flags & ImGuiWindowFlags_Modal)) return;
    ImGui::ClosePopupToLevel(g.OpenPopupStack.Size - 1, true);
    ImGui::SetKeyOwner(ImGuiKey_Escape, top.PopupId, ImGuiInputFlags_LockUntilRelease);
}

} // namespace kvh::platform
