// The årshjul (year_wheel_view.cpp): a plan's year as 12 month sectors with today marked and each
// planned check a mark in its months — its state by colour, shape and words — with the lists "Den här
// månaden" and "Försenade" beside or below it. Drawn in the plan's editor and, small, on Översikt.
#pragma once

#include "views.hpp"

#include <optional>

namespace kvh::ui {

// Brings `f` up to `plan` on today: computed again only when the workspace or the day changed.
const WheelFacts& wheel_facts(App& app, WheelFacts& f, const core::Document& plan);
// A check's name as the wheel shows and speaks it: its area, with the first words of what is
// checked when another check of the plan has the same area.
std::string check_name(const core::EgenkontrollPlan& p, std::size_t i);
// "Genomförandeplaner, april: försenad".
std::string mark_name(const std::string& check, int month, core::MonthState s);

// What a tap on the wheel or its lists chose.
struct WheelTap {
    std::string check;        // a check to open, or ""
    std::optional<int> month; // the month whose checks are now to be listed (0: none), when it changed
};
// The wheel with its legend and lists; `month` is the month chosen for its list (0: none). `small`:
// the overview's, without the legend's words under it and with short month names.
WheelTap draw_year_wheel_section(const WheelFacts& f, int month, bool small);

} // namespace kvh::ui
