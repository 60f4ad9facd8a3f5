// Random edits for the edit property test: values a person (or a broken paste) can put into a field,
// riskanalys edits through the typed model as the screens make them, and any JSON for kinds without a
// model. Deterministic for a given generator state.
#include "random_edits.hpp"

#include "core/risk_library.hpp"

#include <cmath>
#include <limits>

namespace kvh::test {

using core::Action;
using core::Risk;
using core::RiskAnalysis;
using nlohmann::json;

// [SECTION] Values a person (or a broken paste) can put into a field

// Real values; a field typed one key at a time holds every prefix of one of them.
const std::string_view kTexts[] = {"Fall vid förflyttning",
                                   "Läkemedel ges till fel brukare",
                                   "Enhetschef Åsa Öberg",
                                   "MAS",
                                   "Brukaren får inte sin insats på grund av personalbrist",
                                   "Hemtjänst Norra – Tallen",
                                   "Ökad tillsyn 🙂 nattetid"};
const std::string kDate = "2026-12-02";

// Bytes that are not UTF-8, or only part of it: a lone continuation byte, a cut two-byte sequence,
// bytes that never occur, a UTF-16 surrogate, an overlong '/', beyond U+10FFFF.
const std::string_view kBrokenUtf8[] = {"\x80",          "\xC3",
                                        "\xFF\xFE",      "\xED\xA0\x80",
                                        "\xC0\xAF",      "\xF4\x90\x80\x80",
                                        "Fall \xE2\x80", "\xC3\xA5\x80\x80\x80"};

static std::string repeat(std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

static std::string garbage(Rng& rng) {
    switch (pick(rng, 10)) {
    case 0: { // any bytes at all
        std::string s(std::size_t(pick(rng, 24)), '\0');
        for (char& c : s) c = char(pick(rng, 256));
        return s;
    }
    case 1: { // a prefix cut in bytes, through a multi-byte character
        const std::string_view t = one_of(rng, kTexts);
        return std::string(t.substr(0, std::size_t(pick(rng, int(t.size()) + 1))));
    }
    case 2:
        return std::string(one_of(rng, kBrokenUtf8));
    case 3: { // longer than a title may be, in one-, two- and broken bytes
        const std::string_view unit[] = {"x", "å", "\x80", "\xC3"};
        return repeat(one_of(rng, unit), one_of(rng, {299, 300, 301, 400}));
    }
    case 4:
        return std::string("a\0b\t\r\n\x1b[31m\x7f", 12);
    case 5:
        return one_of(rng, {"\"}{\\", "null", "{\"a\":1}", "[", "\\u0000", "</script>"});
    case 6:
        return one_of(rng, {" ", "   ", "\n", "\t \r\n"});
    case 7: // joiners, combining marks, a right-to-left override, a BOM
        return one_of(rng, {"👩‍⚕️", "e\u0301", "\u202eabc", "\uFEFF", "\U0010FFFF"});
    case 8:
        return repeat("Lång text ", 500);
    default:
        return kDate;
    }
}

std::string text(Rng& rng) {
    const int r = pick(rng, 100);
    if (r < 70) {
        std::string t(one_of(rng, kTexts));
        core::limit_chars(t, std::size_t(pick(rng, int(core::utf8_chars(t)) + 1)));
        return t;
    }
    if (r < 85) return garbage(rng);
    return "";
}

static std::string date(Rng& rng) {
    switch (pick(rng, 6)) {
    case 0:
    case 1:
        return kDate.substr(0, std::size_t(pick(rng, int(kDate.size()) + 1)));
    case 2:
        return one_of(rng,
                      {"2026-02-30", "2024-02-29", "2026-13-01", "0000-00-00", "2026-12-2", " 2026-12-02"});
    case 3:
        return garbage(rng);
    default:
        return chance(rng, 50) ? kDate : "";
    }
}

// A score as a control could hand it over: mostly on the scale, sometimes just off it.
static int score(Rng& rng, int levels) {
    return chance(rng, 80) ? between(rng, 0, levels) : one_of(rng, {-1, levels + 1, levels + 2});
}

// [SECTION] Riskanalys edits through the typed model, as the screens make them

static std::vector<std::string> ids_in(const RiskAnalysis& a) {
    std::vector<std::string> ids;
    for (const Risk& r : a.risks) {
        ids.push_back(r.id);
        for (const Action& x : r.actions) ids.push_back(x.id);
    }
    return ids;
}

// Mostly a fresh id; sometimes one already used (of `ids`), one that is no UUID, or none.
static std::string new_id(Rng& rng, const std::vector<std::string>& ids, const core::Environment& env) {
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
static std::string& risk_text(Risk& r, int field) {
    std::string* fields[] = {
        &r.description, &r.causes,   &r.consequence_individual, &r.consequence_verksamhet,
        &r.category,    &r.barriers, &r.decision_reason};
    return *fields[field % 7];
}

// An acknowledgement as a screen could hand it over: mostly of a known rule with a reason, sometimes
// with a blank reason, no rule or a date that does not exist.
static core::Acknowledgement random_acknowledgement(Rng& rng) {
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

static Action random_action(Rng& rng, const std::vector<std::string>& ids, const core::Environment& env) {
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

// One change of an action, as its fields in a screen make it; returns what it did.
static std::string change_action(Rng& rng, Action& x, const std::vector<std::string>& ids,
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

// [SECTION] Egenkontrollplan and utförd egenkontroll edits through the typed models

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

// [SECTION] Bodies of the kinds without a model: any JSON

// [SECTION] Årlig genomgång edits through the typed model

static std::vector<std::string> ids_in(const core::AnnualReview& v) {
    std::vector<std::string> ids;
    for (const core::ReviewItem& k : v.items()) {
        ids.push_back(k.id);
        for (const Action& x : k.actions) ids.push_back(x.id);
    }
    return ids;
}

std::string random_review_change(Rng& rng, core::AnnualReview& v, const core::Environment& env) {
    const int n = int(v.entries.size());
    const std::vector<std::string> ids = ids_in(v);
    if (n == 0 || pick(rng, 6) == 0) {
        core::ReviewItem k;
        k.id = new_id(rng, ids, env);
        k.requirement = std::string(one_of(rng, {"3-1", "5-2", "", "7-1-berattelse"}));
        k.text = text(rng);
        v.entries.insert(std::size_t(pick(rng, n + 1)), std::move(k));
        return "review item added";
    }
    core::ReviewItem& k = v.entries.edit(std::size_t(pick(rng, n)));
    switch (pick(rng, 7)) {
    case 0: {
        std::string* fields[] = {&k.reference, &k.text, &k.evidence, &k.comment};
        *fields[pick(rng, 4)] = text(rng);
        return "review item text";
    }
    case 1:
        k.assessment = one_of(rng, core::all_assessments);
        return "review verdict";
    case 2:
        k.actions.push_back(random_action(rng, ids, env));
        return "review action added";
    case 3:
        v.narratives[one_of(rng, core::all_report_sections)] = text(rng);
        return "review narrative";
    case 4:
        v.focus_areas.push_back({text(rng), ""});
        return "review focus area";
    case 5:
        v.decided_date = one_of(rng, {"", "2026-03-18", "2026-02-30", "2026-3"});
        return "review decided date";
    default:
        v.entries.erase(std::size_t(pick(rng, n)));
        return "review item removed";
    }
}

} // namespace kvh::test
