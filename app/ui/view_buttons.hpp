// A screen's views (the review's requirements and summary, the plan's checks and årshjul) as a row of
// buttons, the one shown drawn pressed and marked as selected for assistive technology.
#pragma once

#include <optional>
#include <span>
#include <string>

namespace kvh::ui {

// The buttons of `labels` on one line where they fit; `shown` is the view on screen. The view pressed,
// if any.
std::optional<int> view_buttons(std::span<const std::string> labels, int shown);

} // namespace kvh::ui
