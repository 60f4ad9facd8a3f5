// The utförd egenkontroll: one run of a planned check (or a free-standing one) — its period, who made
// it, the questions, the sample of anonymous references with an answer per sample and question, what
// was found and why, and the actions. Its samples are its items, so the store writes the one sample
// an answer changed. Compliance is computed here, always with its denominator.
// Not here: the plan (egenkontroll_plan.hpp), the draw of the sample (random_draw.hpp).
#pragma once

#include "core/list_body.hpp"
#include "egenkontroll_plan.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kvh::core {

enum class Answer { ej_besvarad, ja, nej, ej_aktuellt };
inline constexpr Answer all_answers[] = {Answer::ej_besvarad, Answer::ja, Answer::nej, Answer::ej_aktuellt};
std::string_view answer_key(Answer a);
std::optional<Answer> answer_from_key(std::string_view key);
Msg answer_name(Answer a);

struct SampleAnswer {
    std::string question; // CheckQuestion::id
    Answer answer = Answer::ej_besvarad;
    std::string note; // optional; never a name or a personnummer (refused on edit)
    bool operator==(const SampleAnswer&) const = default;
};

struct Sample {
    std::string id;  // UUID v4
    std::string ref; // an anonymous reference ("Akt 7", an internal case number); never a personnummer
    std::vector<SampleAnswer> answers; // at most one per question, in any order
    bool operator==(const Sample&) const = default;
};
// The answer of `s` to `question`, or null when it has none.
const SampleAnswer* answer_of(const Sample& s, std::string_view question);
// Sets the answer (and keeps its note), adding it when the sample had none for the question.
void set_answer(Sample& s, std::string_view question, Answer a);

// How the sample was drawn (random_draw.hpp), so the draw can be repeated; an empty seed: not drawn.
inline constexpr int kMaxPopulation = 10'000'000;
struct DrawRecord {
    std::string seed;        // decimal, as shown
    int population = 0;      // references drawn from
    std::string fingerprint; // population_fingerprint
    bool operator==(const DrawRecord&) const = default;
};

struct EgenkontrollRun final : ListBody<EgenkontrollRun, Sample> {
    std::string plan;  // id of the egenkontrollplan document, "" when free-standing
    std::string check; // id of the planned check in it, "" when free-standing
    std::string area;
    CheckMethod method = CheckMethod::aktgranskning;
    std::string period_from, period_to; // YYYY-MM-DD or ""
    std::string performed_by;
    int target = 100; // percent; a question below it needs an analysis and proposes an action
    std::vector<CheckQuestion> questions;
    DrawRecord draw;
    ItemList<Sample> samples;
    std::string findings;   // fynd
    std::string analysis;   // analys av orsaker
    std::string conclusion; // slutsats
    std::string reported_to, reported_date;
    std::string done_date; // YYYY-MM-DD when marked done; "" while it is being made
    std::vector<Action> actions;
    nlohmann::json extra; // keys of the body this build does not know, kept
    bool operator==(const EgenkontrollRun&) const = default;

    static constexpr std::string_view kItemsKey = "urval";
    const ItemList<Sample>& items() const { return samples; }
    static std::uint64_t hash_item(const Sample& item);
    DocKind kind() const override { return DocKind::egenkontroll; }
    nlohmann::json head_json() const override; // everything but "urval"
    nlohmann::json item_json(std::size_t i) const override;
    void for_each_own_action(const ActionVisitor& visit) const override;
    BodyPtr with_action(const std::string& item, const std::string& action,
                        FunctionRef<void(Action&)> change) const override;
    bool done() const { return !done_date.empty(); }
};
using EgenkontrollRunPtr = std::shared_ptr<const EgenkontrollRun>;

// Builds the run from a body, naming each error under `path`; every field may be absent. Ids of
// questions, samples and actions are unique within the run; an answer names one of its questions, at
// most once per sample. Before the run had a model its body was any JSON object; the shape seen then
// (questions as {fraga, svar: [one answer per sample]}, the sample as a list of references, answers
// ja/nej/ej_tillampligt, actions without ids, a computed "resultat") is read as meant (legacy_run in
// egenkontroll_run.cpp; the computed result is dropped: it is computed again from the answers).
std::optional<EgenkontrollRun> egenkontroll_run_from_body(const nlohmann::json& body, const std::string& path,
                                                          std::vector<ValidationError>& errors,
                                                          std::string_view doc_id = {});
// The ids that question, sample and action number `index` of such an older run get.
std::string legacy_run_id(std::string_view doc_id, std::string_view list, std::size_t index);
// The checks of the reader on the typed run, for an edit before it is committed (with `before`, only
// the samples that changed, unless the questions did). On top: a reference or note that looks like a
// personnummer or samordningsnummer is refused at its place, with the reason; and a run marked done
// must have questions, a sample, an answer to every question for every sample, and an analysis when
// a question fell below the target.
bool check_egenkontroll_run(const EgenkontrollRun& r, const EgenkontrollRun* before, const std::string& path,
                            std::vector<ValidationError>& errors);
// The run in a document's body; null when the document is of another kind.
EgenkontrollRunPtr egenkontroll_run_of(const Document& doc);

// A new run of `check` of the plan document `plan_id`: its area, method, target and questions (with
// the plan's question ids, so results can be followed across runs and years), no samples yet.
EgenkontrollRun run_of_check(std::string_view plan_id, const PlannedCheck& check);
// Removes a question and every answer to it.
void remove_question(EgenkontrollRun& r, std::string_view question);

// [SECTION] Results
// Counts of answers. Compliance is ja / (ja + nej): ej aktuellt is left out of the denominator and
// counted apart, as is what is not answered yet.
struct Compliance {
    int yes = 0, no = 0, not_applicable = 0, unanswered = 0;
    int denominator() const { return yes + no; }
    // 0–100, or nothing when there is no denominator.
    std::optional<double> percent() const;
    // Whole percent as people read it (19 av 20 → 95); nothing without a denominator.
    std::optional<int> rounded_percent() const;
    bool operator==(const Compliance&) const = default;
};
struct RunResults {
    std::vector<Compliance> per_question; // in the run's question order
    Compliance overall;                   // every answer of every question
    int deviations = 0;                   // answers nej
    int complete_samples = 0;             // samples with an answer to every question
    // Questions below the target (their denominator > 0), by index.
    std::vector<std::size_t> below_target;
};
RunResults run_results(const EgenkontrollRun& r);

// The action a question below the target proposes: föreslagen, its cause naming the question and the
// share that fell short ("Upprättades planen inom 24 timmar?: 19 av 20 = 95 %, under målet 100 %"),
// what to do left to whoever decides. `question` indexes the run's questions; `c` is its compliance.
Action proposed_action(const EgenkontrollRun& r, std::size_t question, const Compliance& c,
                       const Environment& env, Lang lang);

// The Wilson score interval at 95 % (z = 1.959964) for `yes` of `n`, in 0–1; nothing when n = 0. For
// small samples it says how much the share could differ by chance: 19 of 20 → 0.764–0.991.
struct Interval {
    double low = 0, high = 0;
};
std::optional<Interval> wilson_interval(int yes, int n);

// The share as a nämnd should read it, always with its denominator: "19 av 20 = 95 %" ("Inga svar att
// räkna" without one); ej aktuellt and unanswered are not in it (shown apart by the caller).
std::string compliance_text(const Compliance& c, Lang lang);
// Its uncertainty in plain words, from the Wilson interval: "sannolikt mellan 76 och 99 %"; "" without
// a denominator.
std::string uncertainty_text(const Compliance& c, Lang lang);

} // namespace kvh::core
