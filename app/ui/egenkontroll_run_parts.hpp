// What the utförd egenkontroll's screen shares between its files: the view's state and edits, the
// answer fields and the results (egenkontroll_run_view.cpp, egenkontroll_run_answers.cpp,
// egenkontroll_run_answering.cpp). Internal to those three; the screen's entry points are in views.hpp.
#pragma once

#include "views.hpp"

#include <functional>
#include <string>

namespace kvh::ui::run_view {

// The view's state, started afresh when another run is opened.
RunViewState& view_of(App& app, const core::Document& doc);
// One edit of the run `id` as one undo step (`typing`: merged with the keystrokes before it).
bool edit_run(App& app, const std::string& id, core::UndoLabel label,
              core::FunctionRef<void(core::EgenkontrollRun&)> change, bool typing = false);
// The run as it is after the edits of this frame.
core::EgenkontrollRunPtr run_now(App& app, const std::string& id);

// A field's text kept while the workspace refuses it, by `key`; after_edit records the outcome of
// the edit of `typed`, show_refused says why under the field.
std::string shown_text(RunViewState& s, const std::string& key, const std::string& stored);
void after_edit(App& app, RunViewState& s, const std::string& key, const std::string& typed, bool ok);
void show_refused(const RunViewState& s, const std::string& key);

// Results and history, computed again only when the workspace changed.
void refresh_results(App& app, RunViewState& s, const core::EgenkontrollRun& r);

// [SECTION] Answers (egenkontroll_run_answers.cpp)
core::Answer answer_in(const core::Sample& sample, const std::string& question);
// The sample's reference, or "Stickprov N" when it has none (`i` counts from 0).
std::string sample_name(const core::Sample& sample, std::size_t i);
// Sets one answer as one undo step; false when it was already so or was refused.
bool set_answer(App& app, const core::Document& doc, const core::EgenkontrollRun& r, std::size_t row,
                std::size_t question, core::Answer a);
// The reference and the note of one answer as typed; a personnummer is refused where it is typed.
void ref_field(App& app, RunViewState& s, const core::Document& doc, const core::Sample& sample,
               std::size_t row, const char* id);
void answer_note_field(App& app, RunViewState& s, const core::Document& doc, const core::Sample& sample,
                       std::size_t row, const std::string& question, const char* id);
bool remove_sample(App& app, const core::Document& doc, const core::Sample& sample, std::size_t row);
// The laptop's table of samples × questions.
void draw_table(App& app, RunViewState& s, const core::Document& doc, const core::EgenkontrollRun& r);

// [SECTION] One sample at a time (egenkontroll_run_answering.cpp)
// Phone: how far the answering has come, and the way into it.
void draw_answer_entry(RunViewState& s, const core::EgenkontrollRun& r);

} // namespace kvh::ui::run_view
