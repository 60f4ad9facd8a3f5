// What the utförd egenkontroll's screen (egenkontroll_run_view.cpp) keeps between frames: where the
// person is in the sample, what they typed that is not stored yet (and why it was refused), the draw
// being prepared, and the results as last computed.
#pragma once

#include "core/egenkontroll/check_history.hpp"
#include "core/egenkontroll/random_draw.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kvh::ui {

struct RunViewState {
    std::string doc;          // the run all this belongs to: opening another starts afresh
    bool answering = false;   // phone: one sample at a time fills the screen
    std::size_t current = 0;  // the sample shown one at a time
    std::size_t question = 0; // its question the big buttons answer
    // The laptop table's chosen cell (sample, question), moved with the arrow keys.
    std::size_t cell_row = 0, cell_question = 0;
    bool keys_on_table = false; // a cell was chosen and nothing else clicked since: the keys answer it
    float bottom_height = 0;    // phone: the answer buttons' block as measured in the last frame

    // References typed or pasted and not added yet, and why the last try was refused.
    std::string adding, adding_refused;
    // A field whose text the workspace refused (a reference or a note holding a personnummer): by
    // sample id, or sample id + "/" + question id for a note. Its text stays as typed, with the reason.
    struct Refused {
        std::string text, reason;
    };
    std::map<std::string, Refused> refused;
    std::string new_question;

    // The random draw: the population as pasted (never stored: it is the unit's own list), read again
    // only when the text changes.
    std::string population;
    std::string population_read; // the text `parsed` was read from
    core::Population parsed;
    int draw_size = 20;
    std::string draw_problem;                  // why the last draw could not be made
    std::optional<std::uint64_t> confirm_draw; // a draw that would throw answers away, asked first

    std::string done_refused; // why marking done was refused, in words

    // Results and the check's history, computed again only when the workspace changed.
    std::uint64_t results_generation = ~0ull;
    struct QuestionResult {
        core::Compliance compliance;
        std::string share, uncertainty; // "19 av 20 = 95 %", "sannolikt mellan 76 och 99 %"
        bool below = false;             // below the run's target
        bool proposed = false;          // the action it proposes is among the run's actions
    };
    std::vector<QuestionResult> per_question;
    QuestionResult overall;
    int complete_samples = 0;
    std::string summary;
    std::vector<core::HistoryPoint> history;
};

} // namespace kvh::ui
