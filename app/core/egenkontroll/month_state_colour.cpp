// The colour of each state of a planned month (see month_state_colour.hpp).
#include "month_state_colour.hpp"

#include <cstdio>

namespace kvh::core {

Rgb month_state_rgb(MonthState s) {
    switch (s) {
    case MonthState::none:
        return 0xe4e7ec;
    case MonthState::planned:
        return 0xb9cbe4;
    case MonthState::done:
        return 0x8fd19e;
    case MonthState::overdue:
        return 0xf09a9a;
    case MonthState::done_with_deviations:
        return 0xf2c46d;
    }
    return 0xe4e7ec;
}

std::string month_state_css(MonthState s) {
    char out[8];
    std::snprintf(out, sizeof out, "#%06x", month_state_rgb(s));
    return out;
}

} // namespace kvh::core
