// Random edits of an egenkontrollplan (checks, months, questions, actions) and of an utförd egenkontroll
// (questions, samples, answers, dates, the draw), through their typed models.
#include "random_edit_parts.hpp"

namespace kvh::test {

using core::Action;

static std::vector<std::string> ids_in(const core::EgenkontrollPlan& p) {
    std::vector<std::string> ids;
    for (const core::PlannedCheck& c : p.checks) {
        ids.push_back(c.id);
        for (const core::CheckQuestion& q : c.questions) ids.push_back(q.id);
        for (const Action& x : c.actions) ids.push_back(x.id);
    }
    return ids;
}

static core::PlannedCheck random_check(Rng& rng, const std::vector<std::string>& ids,
                                       const core::Environment& env) {
    core::PlannedCheck c;
    c.id = new_id(rng, ids, env);
    c.area = text(rng);
    c.method = one_of(rng, core::all_check_methods);
    c.frequency = one_of(rng, core::all_frequencies);
    c.months = core::MonthSet(pick(rng, 0x2000)); // now and then beyond December
    c.sample_size = one_of(rng, {0, 20, -1, core::kMaxSampleSize, core::kMaxSampleSize + 1});
    for (int i = pick(rng, 4); i > 0; --i) c.questions.push_back({new_id(rng, ids, env), text(rng)});
    return c;
}

std::string random_egenkontroll_plan_change(Rng& rng, core::EgenkontrollPlan& p,
                                            const core::Environment& env) {
    const int n = int(p.checks.size());
    const std::vector<std::string> ids = ids_in(p);
    if (n == 0 || pick(rng, 6) == 0) {
        p.checks.insert(std::size_t(pick(rng, n + 1)), random_check(rng, ids, env));
        return "egenkontrollplan check added";
    }
    core::PlannedCheck& c = p.checks.edit(std::size_t(pick(rng, n)));
    switch (pick(rng, 9)) {
    case 0: {
        std::string* fields[] = {&c.area, &c.what, &c.purpose, &c.responsible, &c.reported_to};
        *fields[pick(rng, 5)] = text(rng);
        return "egenkontrollplan check text";
    }
    case 1:
        c.months ^= core::month_bit(between(rng, 0, 13));
        return "egenkontrollplan month";
    case 2:
        c.target = one_of(rng, {100, 95, 0, -1, 101});
        return "egenkontrollplan target";
    case 3:
        c.questions.push_back({new_id(rng, ids, env), text(rng)});
        return "egenkontrollplan question added";
    case 4:
        if (!c.questions.empty())
            c.questions[std::size_t(pick(rng, int(c.questions.size())))].text = text(rng);
        return "egenkontrollplan question text";
    case 5:
        c.actions.push_back(random_action(rng, ids, env));
        return "egenkontrollplan action added";
    case 6:
        if (!c.actions.empty())
            return "egenkontrollplan " +
                   change_action(rng, c.actions[std::size_t(pick(rng, int(c.actions.size())))], ids, env);
        return "egenkontrollplan no action";
    case 7:
        if (chance(rng, 50))
            p.decided_date = date(rng);
        else
            p.checks.erase(std::size_t(pick(rng, n)));
        return "egenkontrollplan date or check removed";
    default:
        c.acknowledged.push_back(random_acknowledgement(rng));
        return "egenkontrollplan acknowledgement";
    }
}

static std::vector<std::string> ids_in(const core::EgenkontrollRun& r) {
    std::vector<std::string> ids;
    for (const core::CheckQuestion& q : r.questions) ids.push_back(q.id);
    for (const core::Sample& s : r.samples) ids.push_back(s.id);
    for (const Action& x : r.actions) ids.push_back(x.id);
    return ids;
}

std::string random_run_change(Rng& rng, core::EgenkontrollRun& r, const core::Environment& env) {
    const std::vector<std::string> ids = ids_in(r);
    const int n = int(r.samples.size());
    switch (pick(rng, 10)) {
    case 0:
        r.questions.push_back({new_id(rng, ids, env), text(rng)});
        return "run question added";
    case 1:
        if (!r.questions.empty()) {
            const std::string q = r.questions[std::size_t(pick(rng, int(r.questions.size())))].id;
            if (chance(rng, 70))
                core::remove_question(r, q);
            else // as a careless edit would: the answers to it stay
                std::erase_if(r.questions, [&](const core::CheckQuestion& x) { return x.id == q; });
        }
        return "run question removed";
    case 2: {
        core::Sample s;
        s.id = new_id(rng, ids, env);
        s.ref = chance(rng, 10) ? std::string("811218-9876") : text(rng);
        r.samples.push_back(s);
        return "run sample added";
    }
    case 3:
    case 4:
        if (n > 0 && !r.questions.empty()) {
            core::Sample& s = r.samples.edit(std::size_t(pick(rng, n)));
            const std::string& q = r.questions[std::size_t(pick(rng, int(r.questions.size())))].id;
            core::set_answer(s, chance(rng, 95) ? q : std::string("9b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11"),
                             one_of(rng, core::all_answers));
            if (chance(rng, 20)) s.answers.back().note = text(rng);
        }
        return "run answer";
    case 5: {
        std::string* fields[] = {&r.area,     &r.performed_by, &r.findings,
                                 &r.analysis, &r.conclusion,   &r.reported_to};
        *fields[pick(rng, 6)] = text(rng);
        return "run text";
    }
    case 6: {
        std::string* fields[] = {&r.period_from, &r.period_to, &r.reported_date, &r.done_date};
        *fields[pick(rng, 4)] = date(rng);
        return "run date";
    }
    case 7:
        r.draw = {text(rng), one_of(rng, {0, 124, -1, core::kMaxPopulation + 1}), text(rng)};
        return "run draw";
    case 8:
        r.actions.push_back(random_action(rng, ids, env));
        return "run action added";
    default:
        if (n > 0) r.samples.erase(std::size_t(pick(rng, n)));
        r.target = one_of(rng, {100, 90, -5, 150});
        return "run sample removed";
    }
}

} // namespace kvh::test
