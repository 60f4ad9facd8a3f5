// Random actions and their changes, as the shared action editor makes them in every kind, and the
// åtgärdsplan's edits through its typed model.
#include "random_edit_parts.hpp"

namespace kvh::test {

using core::Action;

// [SECTION] Actions, as every kind holds them

std::string new_id(Rng& rng, const std::vector<std::string>& ids, const core::Environment& env) {
    const int r = pick(rng, 100);
    if (r < 6 && !ids.empty()) return ids[std::size_t(pick(rng, int(ids.size())))];
    if (r < 9) return one_of(rng, {"risk-1", "", "7C9E6679-7425-40DE-944B-E07FC1F90AE7"});
    return core::new_uuid_v4(env);
}

static std::string& action_text(Action& x, int field) {
    std::string* fields[] = {&x.what, &x.why, &x.responsible, &x.cancel_reason, &x.follow_up_note};
    return *fields[field % 5];
}
static std::string& action_date(Action& x, int field) {
    std::string* fields[] = {&x.due, &x.done_date, &x.follow_up_date};
    return *fields[field % 3];
}

core::Acknowledgement random_acknowledgement(Rng& rng) {
    core::Acknowledgement k;
    k.rule = chance(rng, 90) ? std::string(core::rule_spec(one_of(rng, core::all_rules)).key) : text(rng);
    k.reason = chance(rng, 85) ? std::string(one_of(rng, kTexts)) : text(rng);
    k.by = text(rng);
    k.date = date(rng);
    return k;
}

// Status, verdict, level and kind together. Any combination now and then (most are refused unless
// the fields they need are there, which the property shows harmless); mostly one a screen allows, so
// that risks and plans with actions are accepted and grow.
static void random_state(Rng& rng, Action& x) {
    x.level = one_of(rng, core::all_action_levels);
    x.type = one_of(rng, core::all_action_types);
    if (chance(rng, 40)) {
        x.status = one_of(rng, core::all_action_statuses);
        x.verdict = one_of(rng, core::all_verdicts);
        return;
    }
    x.status = one_of(rng, {core::ActionStatus::foreslagen, core::ActionStatus::beslutad,
                            core::ActionStatus::pagar, core::ActionStatus::genomford});
    x.verdict = core::Verdict::ej_bedomd;
    if (core::is_decided(x.status) && core::is_blank(x.why)) x.why = std::string(one_of(rng, kTexts));
}

Action random_action(Rng& rng, const std::vector<std::string>& ids, const core::Environment& env) {
    Action x;
    x.id = new_id(rng, ids, env);
    for (int f = 0; f < 5; ++f)
        if (chance(rng, 50)) action_text(x, f) = text(rng);
    for (int f = 0; f < 3; ++f)
        if (chance(rng, 30)) action_date(x, f) = date(rng);
    random_state(rng, x);
    if (chance(rng, 10)) x.acknowledged.push_back(random_acknowledgement(rng));
    return x;
}

std::string change_action(Rng& rng, Action& x, const std::vector<std::string>& ids,
                          const core::Environment& env) {
    switch (pick(rng, 6)) {
    case 0:
        action_text(x, pick(rng, 5)) = text(rng);
        return "action text";
    case 1:
        action_date(x, pick(rng, 3)) = date(rng);
        return "action date";
    case 2:
        random_state(rng, x);
        return "action status";
    case 3:
        if (!x.acknowledged.empty() && chance(rng, 40))
            x.acknowledged.erase(x.acknowledged.begin() + pick(rng, int(x.acknowledged.size())));
        else
            x.acknowledged.push_back(random_acknowledgement(rng));
        return "action acknowledgement";
    case 4: { // closed with a verdict, as the follow-up's button does: valid when the cause is there
        x.status = core::ActionStatus::uppfoljd;
        x.verdict = one_of(rng, {core::Verdict::ja, core::Verdict::delvis, core::Verdict::nej});
        x.follow_up_date = date(rng);
        return "action followed up";
    }
    default:
        x.id = new_id(rng, ids, env);
        return "action id";
    }
}

// [SECTION] Åtgärdsplan edits through the typed model

static std::vector<std::string> ids_in(const core::ActionPlan& p) {
    std::vector<std::string> ids;
    for (const Action& x : p.actions) ids.push_back(x.id);
    return ids;
}

std::string random_plan_change(Rng& rng, core::ActionPlan& p, const core::Environment& env) {
    const int n = int(p.actions.size());
    switch (pick(rng, 8)) {
    case 0: {
        std::string* fields[] = {&p.background, &p.case_number, &p.owner};
        *fields[pick(rng, 3)] = text(rng);
        return "plan text";
    }
    case 1:
        p.origin = one_of(rng, core::all_plan_origins);
        return "plan origin";
    case 2:
        p.actions.insert(std::size_t(pick(rng, n + 1)), random_action(rng, ids_in(p), env));
        return "plan action added";
    case 3:
        if (n > 0) p.actions.erase(std::size_t(pick(rng, n)));
        return "plan action removed";
    case 4:
        if (n > 1) { // moved, as a drag does
            const std::size_t from = std::size_t(pick(rng, n));
            const Action x = p.actions[from];
            p.actions.erase(from);
            p.actions.insert(std::size_t(pick(rng, n)), x);
        }
        return "plan action moved";
    default:
        if (n == 0) {
            p.actions.push_back(random_action(rng, ids_in(p), env));
            return "first plan action";
        }
        const std::vector<std::string> ids = ids_in(p);
        return "plan " + change_action(rng, p.actions.edit(std::size_t(pick(rng, n))), ids, env);
    }
}

} // namespace kvh::test
