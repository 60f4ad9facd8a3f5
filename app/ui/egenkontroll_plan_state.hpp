// What the egenkontrollplan screen (egenkontroll_plan_view.cpp), its årshjul (year_wheel_view.cpp)
// and the overview's egenkontroller keep between frames: the open check and tab, the library's
// search, a sample size being typed, and the facts of the wheels — computed once per workspace
// generation and day, never per frame.
#pragma once

#include "core/egenkontroll/check_history.hpp"
#include "core/egenkontroll/year_wheel.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kvh::ui {

// One plan's årshjul and what is drawn with it: each check's name, its runs (done or not) by check.
struct WheelFacts {
    std::uint64_t generation = ~0ull;
    std::string today, plan; // the day and the plan document they were computed for
    core::YearWheel wheel;
    std::vector<std::string> names; // by check, as shown and spoken ("Hygien")
    std::map<std::string, std::vector<std::string>, std::less<>> runs; // check id -> run document ids
};

struct EgenkontrollPlanState {
    std::string doc;           // the plan these settings belong to
    std::string check;         // id of the check open in the editor, or ""
    bool wheel_tab = false;    // the Årshjul rather than the checks
    bool library_open = false; // "Lägg till från biblioteket"
    std::string library_search;
    std::string shown; // what took the whole screen last frame ("library", a check's id, or "")
    int month = 0;     // a month chosen on the wheel (its checks listed), 0: none
    // A number as typed (sample size, target): kept while it is not (yet) a number in range, so
    // nothing typed is lost; `key` names the check and field.
    struct NumberEdit {
        std::string key, text, error;
    } number;
    std::string added_question; // the question just added: its field takes the keyboard
    WheelFacts wheel;
    // The open check's results across its runs and years.
    struct History {
        std::uint64_t generation = ~0ull;
        std::string check;
        std::vector<core::HistoryPoint> points;
    } history;
    // The overview: this year's plans (of the chosen unit) and their wheels.
    struct Overview {
        std::uint64_t generation = ~0ull;
        std::string today, unit;
        std::vector<WheelFacts> plans;
    } overview;

    // Shows plan `plan_id` afresh (at check `check_id` when given), keeping the overview's facts. By
    // value: the ids may come from those very facts.
    void open(std::string plan_id, std::string check_id = {}) {
        Overview kept = std::move(overview);
        *this = {};
        overview = std::move(kept);
        doc = std::move(plan_id);
        check = std::move(check_id);
    }
};

} // namespace kvh::ui
