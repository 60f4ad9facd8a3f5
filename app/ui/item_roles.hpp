// What the UI tells the semantics layer (app/platform/semantics_web.cpp) about an item beyond what
// Dear ImGui's own status flags say: bits of ImGuiItemStatusFlags that ImGui leaves unused.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

namespace kvh::ui {

enum ItemRole : ImGuiItemStatusFlags {
    kRoleHeading1 = 1 << 26,  // the screen's title
    kRoleHeading2 = 1 << 27,  // a section of the screen
    kRoleHeading3 = 1 << 13,  // a part of a section (a titled separator)
    kRoleLive = 1 << 28,      // spoken when it changes (save state, confirmations)
    kRoleMultiline = 1 << 29, // a text field of several lines
    kRoleCombo = 1 << 30,     // a closed list to choose from (its value is what the item shows)
    kRoleSelected = 1 << 25,  // the chosen one of its kind: the screen shown, the row or choice taken
    // A grid of cells (the risk matrix): the item itself is the grid, named by its label; the cells are
    // announced with kRoleGridCell, their spoken text as value; items drawn inside a cell belong to it.
    kRoleGrid = 1 << 10,
    kRoleGridCell = 1 << 11,
    kRoleRadio = 1 << 12, // one of a set of exclusive choices (Checked: the one taken)
};

// In a label given to the hooks, what follows this character is the item's value, not its name.
constexpr char kValueSeparator = '\x1f';

} // namespace kvh::ui
