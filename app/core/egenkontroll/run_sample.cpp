// Filling an egenkontroll run's sample (see run_sample.hpp).
#include "run_sample.hpp"

#include "core/workspace.hpp"

#include <algorithm>
#include <set>

namespace kvh::core {

namespace {

bool complete(const EgenkontrollRun& r, const Sample& s) {
    return !first_unanswered_question(r, s).has_value();
}

} // namespace

std::vector<std::string> new_refs(const EgenkontrollRun& r, std::string_view typed) {
    std::set<std::string_view> had;
    for (const Sample& s : r.samples) had.insert(s.ref);
    Population p = parse_population(typed);
    std::vector<std::string> out;
    for (std::string& ref : p.refs)
        if (!had.count(ref)) out.push_back(std::move(ref));
    return out;
}

void add_samples(EgenkontrollRun& r, const std::vector<std::string>& refs, const Environment& env) {
    for (const std::string& ref : refs) r.samples.push_back(Sample{new_uuid_v4(env), ref, {}});
}

bool apply_draw(EgenkontrollRun& r, const Population& p, std::size_t n, std::uint64_t seed,
                const Environment& env) {
    if (draw_problem(p, n)) return false;
    r.samples = {};
    add_samples(r, draw_sample(p, n, seed), env);
    r.draw = {std::to_string(seed), int(p.refs.size()), population_fingerprint(p)};
    return true;
}

bool has_answers(const EgenkontrollRun& r) {
    return std::any_of(r.samples.begin(), r.samples.end(), [](const Sample& s) {
        return std::any_of(s.answers.begin(), s.answers.end(),
                           [](const SampleAnswer& a) { return a.answer != Answer::ej_besvarad; });
    });
}

std::optional<std::size_t> next_unanswered(const EgenkontrollRun& r, std::size_t from) {
    const std::size_t n = r.samples.size();
    if (n == 0 || r.questions.empty()) return std::nullopt;
    for (std::size_t k = 1; k <= n; ++k) {
        const std::size_t i = (from + k) % n;
        if (!complete(r, r.samples[i])) return i;
    }
    return std::nullopt;
}

std::optional<std::size_t> first_unanswered_question(const EgenkontrollRun& r, const Sample& s) {
    for (std::size_t q = 0; q < r.questions.size(); ++q) {
        const SampleAnswer* a = answer_of(s, r.questions[q].id);
        if (!a || a->answer == Answer::ej_besvarad) return q;
    }
    return std::nullopt;
}

} // namespace kvh::core
