// The colour of each state of a planned month, shared by the årshjul and the plan's report. Colour is
// never alone: the årshjul draws a shape beside it and names the state, the report writes the word.
// Every colour is light enough for kOnBand text in every theme.
#pragma once

#include "core/palette.hpp"
#include "year_wheel.hpp"

namespace kvh::core {

Rgb month_state_rgb(MonthState s);
// "#8fd19e", for the report's swatches.
std::string month_state_css(MonthState s);

} // namespace kvh::core
