// A planned check's results across its runs and years, for the small chart beside it: every done run
// of the check and of the checks it was copied from in earlier years' plans (PlannedCheck::previous),
// oldest first, with compliance overall and per question (questions keep their ids from year to year).
#pragma once

#include "egenkontroll_run.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kvh::core {

struct HistoryPoint {
    std::string run;    // the run's document id
    int year = 0;       // the year of the plan it belongs to
    std::string period; // the day its period ends, or the day it was marked done (YYYY-MM-DD)
    Compliance overall;
    std::vector<std::pair<std::string, Compliance>> questions; // by question id, in the run's order
};

// The history of check `check` of the plan document `plan` in `docs`, oldest first (by year, then day).
std::vector<HistoryPoint> check_history(const std::vector<const Document*>& docs, std::string_view plan,
                                        std::string_view check);

} // namespace kvh::core
