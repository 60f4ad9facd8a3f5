// Random riskanalys edits through the typed model, as the screens make them: risks, actions, scores,
// participants and scales, each field given what a person or a broken paste could put there.
#include "random_edit_parts.hpp"

#include "core/risk_library.hpp"

namespace kvh::test {

using core::Action;
using core::Risk;
using core::RiskAnalysis;

static std::vector<std::string> ids_in(const RiskAnalysis& a) {
    std::vector<std::string> ids;
    for (const Risk& r : a.risks) {
        ids.push_back(r.id);
        for (const Action& x : r.actions) ids.push_back(x.id);
    }
    return ids;
}

static std::string& risk_text(Risk& r, int field) {
    std::string* fields[] = {
        &r.description, &r.causes,   &r.consequence_individual, &r.consequence_verksamhet,
        &r.category,    &r.barriers, &r.decision_reason};
    return *fields[field % 7];
}

// Mostly a new participant's id; now and then one already taken, or no UUID at all.
static std::string participant_id(Rng& rng, const RiskAnalysis& a, const core::Environment& env) {
    const int r = pick(rng, 100);
    if (r < 5 && !a.participants.empty())
        return a.participants[std::size_t(pick(rng, int(a.participants.size())))].id;
    if (r < 8) return one_of(rng, {"deltagare-1", ""});
    return core::new_uuid_v4(env);
}

static core::ParticipantScore random_score(Rng& rng, const RiskAnalysis& a) {
    const int n = int(a.participants.size());
    return {chance(rng, 85) && n > 0 ? a.participants[std::size_t(pick(rng, n))].id
                                     : one_of(rng, {"", "00000000-0000-4000-8000-0000000000ff", "0"}),
            score(rng, a.scale.levels_s()), score(rng, a.scale.levels_k())};
}

static Risk random_risk(Rng& rng, const RiskAnalysis& a, const core::Environment& env) {
    Risk r;
    r.id = new_id(rng, ids_in(a), env);
    for (int f = 0; f < 7; ++f)
        if (chance(rng, 50)) risk_text(r, f) = text(rng);
    r.s = score(rng, a.scale.levels_s());
    r.k = score(rng, a.scale.levels_k());
    if (chance(rng, 30)) {
        r.residual_s = score(rng, a.scale.levels_s());
        r.residual_k = score(rng, a.scale.levels_k());
    }
    r.decision = one_of(rng, core::all_risk_decisions);
    for (int i = pick(rng, 3); i > 0; --i) r.actions.push_back(random_action(rng, ids_in(a), env));
    for (int i = pick(rng, 3); i > 0; --i) r.scores.push_back(random_score(rng, a));
    return r;
}

// A risk as the risk library hands it over: valid, so that many of them can be added in one edit
// and analyses grow past a chunk of their item list (ItemList::kChunk).
static Risk library_risk(Rng& rng, const RiskAnalysis& a, const core::Environment& env) {
    Risk r;
    r.id = core::new_uuid_v4(env);
    r.description = std::string(one_of(rng, kTexts));
    r.category = std::string(one_of(rng, kTexts));
    r.s = between(rng, 0, a.scale.levels_s());
    r.k = between(rng, 0, a.scale.levels_k());
    if (chance(rng, 50)) {
        Action x;
        x.id = core::new_uuid_v4(env);
        x.what = std::string(one_of(rng, kTexts));
        x.due = kDate;
        r.actions.push_back(x);
    }
    return r;
}

// A scale of the user's own: 3 × 6, valid, or broken in one of the ways validate_scale names.
static core::RiskScale custom_scale(Rng& rng) {
    core::RiskScale s;
    s.name = text(rng);
    for (int i = 0; i < 3; ++i) s.sannolikhet.push_back({"S" + std::to_string(i + 1), text(rng)});
    for (int i = 0; i < 6; ++i) s.konsekvens.push_back({"K" + std::to_string(i + 1), text(rng)});
    s.bands = {
        {1, 4, core::BandColour::gron}, {5, 9, core::BandColour::gul}, {10, 18, core::BandColour::rod}};
    switch (pick(rng, 8)) {
    case 0:
        s.bands[1].max_value = 10; // overlap
        break;
    case 1:
        s.bands.pop_back(); // gap up to the top
        break;
    case 2:
        s.sannolikhet.resize(1); // too few levels
        break;
    case 3:
        s.konsekvens.resize(11, {"K", ""}); // too many levels
        break;
    case 4:
        s.sannolikhet[1].label = one_of(rng, {"", "  "});
        break;
    case 5:
        s.bands[2].max_value = 19; // beyond the top
        break;
    default: // valid
        break;
    }
    return s;
}

// One change of the analysis; returns what it did, for the failure message.
std::string random_change(Rng& rng, RiskAnalysis& a, const core::Environment& env) {
    const int nr = int(a.risks.size());
    const int at = nr > 0 ? pick(rng, nr) : 0;
    switch (pick(rng, 18)) {
    case 0: {
        std::string* fields[] = {&a.reason_text, &a.decided_by, &a.summary};
        *fields[pick(rng, 3)] = text(rng);
        return "analysis text";
    }
    case 1: {
        std::string* fields[] = {&a.date, &a.follow_up_date, &a.decided_date};
        *fields[pick(rng, 3)] = date(rng);
        return "analysis date";
    }
    case 2:
        a.reason = one_of(rng, core::all_analysis_reasons);
        a.phase = one_of(rng, core::all_analysis_phases);
        return "reason and phase";
    case 3: {
        const core::ScaleMapping how[] = {core::ScaleMapping::proportional, core::ScaleMapping::clamp,
                                          core::ScaleMapping::clear};
        const int which = pick(rng, 4);
        const core::RiskScale to = which == 0   ? core::scale_4x4()
                                   : which == 1 ? core::scale_5x5()
                                                : custom_scale(rng);
        if (chance(rng, 70))
            core::change_scale(a, to, one_of(rng, how));
        else
            a.scale = to; // scores left as they are: may no longer fit
        return "scale";
    }
    case 4:
        a.participants.push_back({participant_id(rng, a, env), text(rng), text(rng)});
        return "participant added";
    case 5: {
        const int n = int(a.participants.size());
        if (chance(rng, 70))
            core::remove_participant(a, n > 0 && chance(rng, 90)
                                            ? a.participants[std::size_t(pick(rng, n))].id
                                            : std::string("no-such-participant"));
        else if (n > 0)
            a.participants.erase(a.participants.begin() + pick(rng, n)); // their scores left behind
        return "participant removed";
    }
    case 6:
        if (!a.participants.empty()) {
            core::Participant& p = a.participants[std::size_t(pick(rng, int(a.participants.size())))];
            (chance(rng, 50) ? p.name : p.role) = text(rng);
        }
        return "participant text";
    case 7:
        a.risks.push_back(random_risk(rng, a, env));
        return "risk added";
    case 8:
        a.risks.insert(std::size_t(pick(rng, nr + 1)), random_risk(rng, a, env));
        return "risk inserted";
    case 9:
        if (nr > 0) a.risks.erase(std::size_t(at));
        return "risk removed";
    case 10:
        if (nr > 1) { // moved, as a drag does
            const Risk r = a.risks[std::size_t(at)];
            a.risks.erase(std::size_t(at));
            a.risks.insert(std::size_t(pick(rng, nr)), r);
        }
        return "risk moved";
    case 11: {
        std::size_t pos = std::size_t(pick(rng, nr + 1));
        for (int i = between(rng, 10, 40); i > 0; --i) a.risks.insert(pos++, library_risk(rng, a, env));
        return "risks from the library";
    }
    default:
        break;
    }
    if (nr == 0) {
        a.risks.push_back(random_risk(rng, a, env));
        return "first risk";
    }
    Risk& r = a.risks.edit(std::size_t(at));
    switch (pick(rng, 8)) {
    case 0:
        risk_text(r, pick(rng, 7)) = text(rng);
        return "risk text";
    case 1: {
        int* scores[] = {&r.s, &r.k, &r.residual_s, &r.residual_k};
        const int which = pick(rng, 4);
        *scores[which] = score(rng, which % 2 == 0 ? a.scale.levels_s() : a.scale.levels_k());
        return "risk score";
    }
    case 2:
        r.decision = one_of(rng, core::all_risk_decisions);
        return "risk decision";
    case 3:
        r.id = new_id(rng, ids_in(a), env);
        return "risk id";
    case 4: {
        const Action x = random_action(rng, ids_in(a), env);
        r.actions.insert(r.actions.begin() + pick(rng, int(r.actions.size()) + 1), x);
        return "action added";
    }
    case 5:
        if (!r.actions.empty()) r.actions.erase(r.actions.begin() + pick(rng, int(r.actions.size())));
        return "action removed";
    case 6:
        if (!r.actions.empty())
            return change_action(rng, r.actions[std::size_t(pick(rng, int(r.actions.size())))], ids_in(a),
                                 env);
        return "no action to edit";
    default:
        if (!r.scores.empty() && chance(rng, 50))
            r.scores[std::size_t(pick(rng, int(r.scores.size())))] = random_score(rng, a);
        else
            r.scores.push_back(random_score(rng, a));
        return "participant score";
    }
}

// A whole analysis made anew (a template applied, a library risk list), not derived from the old one.
RiskAnalysis fresh_analysis(Rng& rng, const core::Environment& env) {
    RiskAnalysis a;
    if (chance(rng, 30)) a.scale = core::scale_5x5();
    for (int i = pick(rng, 3); i > 0; --i)
        a.participants.push_back({participant_id(rng, a, env), text(rng), text(rng)});
    for (int i = pick(rng, 5); i > 0; --i) a.risks.push_back(random_risk(rng, a, env));
    a.date = date(rng);
    return a;
}

} // namespace kvh::test
