// What the egenkontrollplan's screen shares between its files (egenkontroll_plan_view.cpp and
// egenkontroll_check_editor.cpp): the plan's edit path and one check's editor. The screen's entry
// points are in views.hpp.
#pragma once

#include "views.hpp"
#include "year_wheel_view.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace kvh::ui::plan_view {

// One edit of the plan `doc_id` as one undo step (`typing`: merged with the keystrokes before it).
bool edit_plan(App& app, const std::string& doc_id, core::UndoLabel label,
               core::FunctionRef<void(core::EgenkontrollPlan&)> change, bool typing = false);
// The check's number in the plan, from 1; 0 when it is not there.
int check_number(const core::EgenkontrollPlan& p, std::string_view id);
// The editor of the plan's check `i`: every field, its questions and actions, its findings, its runs
// with the way to start one, and its results across runs and years as a small chart.
void draw_check_editor(App& app, const core::Document& doc, const core::EgenkontrollPlan& p, std::size_t i,
                       const WheelFacts& f);

} // namespace kvh::ui::plan_view
