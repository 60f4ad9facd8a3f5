// Filling an egenkontroll run's sample: typed and pasted references added once each, a draw that
// replaces the sample and records its seed (the same seed gives the same references), a draw that
// cannot be made changing nothing, and the way to the next sample or question still unanswered.
#include "core/egenkontroll/run_sample.hpp"
#include "core/exchange_format.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh;
using namespace kvh::core;

namespace {

constexpr const char* kQ1 = "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";
constexpr const char* kQ2 = "1b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";

std::vector<std::string> refs_of(const EgenkontrollRun& r) {
    std::vector<std::string> out;
    for (const Sample& s : r.samples) out.push_back(s.ref);
    return out;
}

bool valid(const EgenkontrollRun& r) {
    std::vector<ValidationError> errors;
    return check_egenkontroll_run(r, nullptr, "body", errors) && errors.empty();
}

} // namespace

TEST_CASE("typed or pasted references become samples, each once, after those the run has") {
    const Environment env = test::fixed_env();
    EgenkontrollRun r;
    add_samples(r, new_refs(r, "Akt 1"), env);
    CHECK(refs_of(r) == std::vector<std::string>{"Akt 1"});
    // A column from a spreadsheet, a list with commas and semicolons, blank lines and repeats.
    const auto more = new_refs(r, "Akt 2\r\nAkt 1\n\n Akt 3 ;Akt 4,Akt 2\tAkt 5\n");
    CHECK(more == std::vector<std::string>{"Akt 2", "Akt 3", "Akt 4", "Akt 5"});
    add_samples(r, more, env);
    CHECK(r.samples.size() == 5);
    CHECK(r.samples[4].ref == "Akt 5");
    CHECK(r.samples[4].answers.empty());
    CHECK(r.samples[0].id != r.samples[1].id);
    CHECK(valid(r));
    CHECK(new_refs(r, " ;\n,").empty());
    CHECK(new_refs(r, "Akt 3\nakt 3") == std::vector<std::string>{"akt 3"}); // case is kept apart
}

TEST_CASE("a draw replaces the sample, records its seed, and the same seed draws the same again") {
    const Environment env = test::fixed_env();
    std::string pasted;
    for (int i = 1; i <= 500; ++i) pasted += "Ärende " + std::to_string(i) + "\n";
    const Population p = parse_population(pasted);
    EgenkontrollRun r;
    r.questions = {{kQ1, "Finns en genomförandeplan?"}};
    add_samples(r, {"Handvald 1"}, env);
    REQUIRE(apply_draw(r, p, 20, 482913, env));
    CHECK(r.samples.size() == 20);
    CHECK(r.draw.seed == "482913");
    CHECK(r.draw.population == 500);
    CHECK(r.draw.fingerprint == population_fingerprint(p));
    CHECK(refs_of(r) == draw_sample(p, 20, 482913));
    CHECK(valid(r));

    EgenkontrollRun again;
    REQUIRE(apply_draw(again, p, 20, *parse_seed(r.draw.seed), env));
    CHECK(refs_of(again) == refs_of(r));
    CHECK(again.samples[0].id != r.samples[0].id); // new samples, the same references

    EgenkontrollRun other;
    REQUIRE(apply_draw(other, p, 20, 482914, env));
    CHECK(refs_of(other) != refs_of(r));
}

TEST_CASE("a draw that cannot be made changes nothing") {
    const Environment env = test::fixed_env();
    EgenkontrollRun r;
    add_samples(r, {"Akt 1", "Akt 2"}, env);
    const EgenkontrollRun before = r;
    CHECK_FALSE(apply_draw(r, parse_population("A\nB\nC"), 4, 1, env));
    CHECK_FALSE(apply_draw(r, parse_population("A\nB\nC"), 0, 1, env));
    CHECK_FALSE(apply_draw(r, parse_population(""), 1, 1, env));
    CHECK(r == before);
}

TEST_CASE("answers, the next sample unanswered and the first question unanswered") {
    const Environment env = test::fixed_env();
    EgenkontrollRun r;
    CHECK_FALSE(next_unanswered(r, 0));
    add_samples(r, {"Akt 1", "Akt 2", "Akt 3"}, env);
    CHECK_FALSE(next_unanswered(r, 0)); // no questions: nothing to answer
    r.questions = {{kQ1, "Fråga 1"}, {kQ2, "Fråga 2"}};
    CHECK_FALSE(has_answers(r));
    CHECK(next_unanswered(r, 0) == 1u);
    CHECK(next_unanswered(r, 2) == 0u); // wraps round
    set_answer(r.samples.edit(1), kQ1, Answer::ja);
    CHECK(has_answers(r));
    CHECK(first_unanswered_question(r, r.samples[1]) == 1u);
    set_answer(r.samples.edit(1), kQ2, Answer::ej_aktuellt);
    CHECK_FALSE(first_unanswered_question(r, r.samples[1]));
    CHECK(next_unanswered(r, 0) == 2u); // sample 2 is complete: skipped
    set_answer(r.samples.edit(0), kQ1, Answer::nej);
    set_answer(r.samples.edit(0), kQ2, Answer::ja);
    set_answer(r.samples.edit(2), kQ1, Answer::ja);
    CHECK(next_unanswered(r, 2) == 2u); // only itself is left
    set_answer(r.samples.edit(2), kQ2, Answer::ej_besvarad);
    CHECK(first_unanswered_question(r, r.samples[2]) == 1u); // taken back: unanswered again
    set_answer(r.samples.edit(2), kQ2, Answer::nej);
    CHECK_FALSE(next_unanswered(r, 0));
}
