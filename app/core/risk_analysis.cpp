// The riskanalys model: enum keys, body JSON in and out with exact error paths, the rules (flags),
// changing the scale of an analysis, and the spread of participants' scores.
#include "risk_analysis.hpp"

#include "json_check.hpp"
#include "workspace.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace kvh::core {

using nlohmann::json;

namespace {

constexpr std::array<EnumKey<AnalysisReason>, 6> kReasons{{
    {AnalysisReason::forandring, "forandring", Msg::reason_forandring},
    {AnalysisReason::ny_verksamhet, "ny_verksamhet", Msg::reason_ny_verksamhet},
    {AnalysisReason::avvikelse, "avvikelse", Msg::reason_avvikelse},
    {AnalysisReason::arlig, "arlig", Msg::reason_arlig},
    {AnalysisReason::individniva, "individniva", Msg::reason_individniva},
    {AnalysisReason::annat, "annat", Msg::reason_annat},
}};
static_assert(kReasons.size() == std::size(all_analysis_reasons));

constexpr std::array<EnumKey<AnalysisPhase>, 4> kPhases{{
    {AnalysisPhase::utkast, "utkast", Msg::phase_utkast},
    {AnalysisPhase::pagar, "pagar", Msg::phase_pagar},
    {AnalysisPhase::klar, "klar", Msg::phase_klar},
    {AnalysisPhase::uppfoljd, "uppfoljd", Msg::phase_uppfoljd},
}};
static_assert(kPhases.size() == std::size(all_analysis_phases));

constexpr std::array<EnumKey<RiskDecision>, 3> kDecisions{{
    {RiskDecision::ej_beslutad, "ej_beslutad", Msg::decision_ej_beslutad},
    {RiskDecision::atgarda, "atgarda", Msg::decision_atgarda},
    {RiskDecision::acceptera, "acceptera", Msg::decision_acceptera},
}};
static_assert(kDecisions.size() == std::size(all_risk_decisions));

// In RiskFlag order.
constexpr Msg kRiskFlagNames[] = {Msg::riskflag_katastrofal_without_action, Msg::riskflag_red_without_action,
                                  Msg::riskflag_accepted_without_reason, Msg::riskflag_not_scored};

// Keys of a stored risk or body that this build reads; any other key is kept in `extra`.
constexpr std::string_view kRiskKeys[] = {"id",
                                          "beskrivning",
                                          "orsaker",
                                          "konsekvens_individ",
                                          "konsekvens_verksamhet",
                                          "kategori",
                                          "sannolikhet",
                                          "konsekvens",
                                          "barriarer",
                                          "atgarder",
                                          "rest_sannolikhet",
                                          "rest_konsekvens",
                                          "beslut",
                                          "beslutsmotivering",
                                          "poang",
                                          "kvitterade"};
constexpr std::string_view kBodyKeys[] = {
    "anledning",   "anledning_text", "datum",          "fas",   "deltagare", "uppfoljningsdatum",
    "beslutad_av", "beslutsdatum",   "sammanfattning", "skala", "risker"};

json risk_to_json(const Risk& r) {
    json actions = json::array();
    for (const Action& a : r.actions) actions.push_back(action_to_json(a));
    json scores = json::array();
    for (const ParticipantScore& p : r.scores)
        scores.push_back({{"deltagare", p.participant}, {"sannolikhet", p.s}, {"konsekvens", p.k}});
    return {{"id", r.id},
            {"beskrivning", r.description},
            {"orsaker", r.causes},
            {"konsekvens_individ", r.consequence_individual},
            {"konsekvens_verksamhet", r.consequence_verksamhet},
            {"kategori", r.category},
            {"sannolikhet", r.s},
            {"konsekvens", r.k},
            {"barriarer", r.barriers},
            {"atgarder", std::move(actions)},
            {"rest_sannolikhet", r.residual_s},
            {"rest_konsekvens", r.residual_k},
            {"beslut", decision_key(r.decision)},
            {"beslutsmotivering", r.decision_reason},
            {"poang", std::move(scores)},
            {"kvitterade", acknowledgements_to_json(r.acknowledged)}};
}

const Participant* find_in(const std::vector<Participant>& people, std::string_view id) {
    const auto it =
        std::find_if(people.begin(), people.end(), [&](const Participant& p) { return p.id == id; });
    return it == people.end() ? nullptr : &*it;
}

// Any number a file can hold is looked up (and then not found); the bound only keeps it a size_t.
constexpr std::int64_t kMaxParticipantNumber = std::int64_t(1) << 32;

// What reading one risk needs from the analysis around it.
struct RiskContext {
    int levels_s, levels_k;
    const std::vector<Participant>& participants;
    std::string_view doc_id; // for the ids of participants named by number (legacy_participant_id)
    std::map<std::string, std::string, std::less<>> ids; // id of a risk or action -> where it was first seen
    std::vector<ValidationError>& errors;

    // Records the id as used at `path`; false (with an error) when another entry already has it.
    bool claim(const std::string& id, const std::string& path) {
        const auto [at, fresh] = ids.emplace(id, path);
        if (!fresh) errors.push_back({join_path(path, "id"), Msg::err_id_repeated, {id, at->second}, {}});
        return fresh;
    }
};

// A score names its participant by id, or (written before participants had ids) by number.
void read_participant_scores(Reader& r, RiskContext& ctx, Risk& risk) {
    std::map<std::string, std::string, std::less<>> seen; // participant id -> path of their first score
    read_objects(r, "poang", [&](const json& item, const std::string& path) {
        Reader pr(item, path, ctx.errors);
        ParticipantScore p;
        const auto who = item.find("deltagare");
        if (who != item.end() && who->is_number_integer()) {
            const bool in_range =
                who->is_number_unsigned()
                    ? who->get<std::uint64_t>() < std::uint64_t(kMaxParticipantNumber)
                    : who->get<std::int64_t>() >= 0 && who->get<std::int64_t>() < kMaxParticipantNumber;
            if (in_range) p.participant = legacy_participant_id(ctx.doc_id, who->get<std::size_t>());
            if (!in_range || !find_in(ctx.participants, p.participant)) {
                pr.add("deltagare", Msg::err_participant_index,
                       {who->dump(), std::to_string(ctx.participants.size())});
                return;
            }
        } else if (const std::string* id = pr.get_string("deltagare")) {
            if (!find_in(ctx.participants, *id)) {
                pr.add("deltagare", Msg::err_participant_unknown, {*id});
                return;
            }
            p.participant = *id;
        }
        if (!p.participant.empty())
            if (const auto [at, fresh] = seen.emplace(p.participant, path); !fresh)
                pr.add("deltagare", Msg::err_duplicate_score, {at->second});
        read_score(pr, "sannolikhet", ctx.levels_s, p.s);
        read_score(pr, "konsekvens", ctx.levels_k, p.k);
        risk.scores.push_back(p);
    });
}

void read_risk(const json& item, const std::string& path, RiskContext& ctx, ItemList<Risk>& out) {
    Reader r(item, path, ctx.errors);
    Risk risk;
    if (const std::string* id = read_uuid(r, "id"); id && ctx.claim(*id, path)) risk.id = *id;
    read_string(r, "beskrivning", risk.description);
    read_string(r, "orsaker", risk.causes);
    read_string(r, "konsekvens_individ", risk.consequence_individual);
    read_string(r, "konsekvens_verksamhet", risk.consequence_verksamhet);
    read_string(r, "kategori", risk.category);
    read_score(r, "sannolikhet", ctx.levels_s, risk.s);
    read_score(r, "konsekvens", ctx.levels_k, risk.k);
    read_string(r, "barriarer", risk.barriers);
    read_objects(r, "atgarder", [&](const json& a, const std::string& action_path) {
        if (auto action = action_from_json(a, action_path, ctx.errors);
            action && ctx.claim(action->id, action_path))
            risk.actions.push_back(std::move(*action));
    });
    read_score(r, "rest_sannolikhet", ctx.levels_s, risk.residual_s);
    read_score(r, "rest_konsekvens", ctx.levels_k, risk.residual_k);
    read_enum(r, "beslut", kDecisions, risk.decision);
    read_string(r, "beslutsmotivering", risk.decision_reason);
    read_participant_scores(r, ctx, risk);
    read_acknowledgements(r, "kvitterade", risk.acknowledged);
    risk.extra = unknown_keys(item, kRiskKeys);
    out.push_back(std::move(risk));
}

// Actions that still treat the risk: a cancelled one treats nothing.
bool has_action(const Risk& r) {
    return std::any_of(r.actions.begin(), r.actions.end(),
                       [](const Action& a) { return a.status != ActionStatus::avbruten; });
}

// The lower median of the given (> 0) values, with min and max.
void spread(std::vector<int> values, int& min, int& max, int& median) {
    std::erase_if(values, [](int v) { return v <= 0; });
    if (values.empty()) return;
    std::sort(values.begin(), values.end());
    min = values.front();
    max = values.back();
    median = values[(values.size() - 1) / 2];
}

} // namespace

// Every field of the risk, its actions and scores, straight from the struct: the first edit after
// loading 2,000 risks hashes them all, so this must cost their bytes and no more.
std::uint64_t RiskAnalysis::hash_item(const Risk& r) {
    FieldHasher f;
    f.add(r.id).add(r.description).add(r.causes).add(r.consequence_individual).add(r.consequence_verksamhet);
    f.add(r.category).add(r.s).add(r.k).add(r.barriers).add(r.residual_s).add(r.residual_k);
    f.add(decision_key(r.decision)).add(r.decision_reason);
    f.add(std::int64_t(r.actions.size()));
    for (const Action& a : r.actions) hash_action(f, a);
    f.add(std::int64_t(r.scores.size()));
    for (const ParticipantScore& p : r.scores) f.add(p.participant).add(p.s).add(p.k);
    f.add(std::int64_t(r.acknowledged.size()));
    for (const Acknowledgement& k : r.acknowledged) f.add(k.rule).add(k.reason).add(k.by).add(k.date);
    if (!r.extra.is_null()) f.add(hash_text(r.extra));
    return f.h;
}

std::string_view reason_key(AnalysisReason r) {
    return enum_entry(kReasons, r).key;
}
std::optional<AnalysisReason> reason_from_key(std::string_view key) {
    return enum_from_key(kReasons, key);
}
Msg reason_name(AnalysisReason r) {
    return enum_entry(kReasons, r).name;
}

std::string_view phase_key(AnalysisPhase p) {
    return enum_entry(kPhases, p).key;
}
std::optional<AnalysisPhase> phase_from_key(std::string_view key) {
    return enum_from_key(kPhases, key);
}
Msg phase_name(AnalysisPhase p) {
    return enum_entry(kPhases, p).name;
}

std::string_view decision_key(RiskDecision d) {
    return enum_entry(kDecisions, d).key;
}
std::optional<RiskDecision> decision_from_key(std::string_view key) {
    return enum_from_key(kDecisions, key);
}
Msg decision_name(RiskDecision d) {
    return enum_entry(kDecisions, d).name;
}

json to_body(const RiskAnalysis& a) {
    return a.to_json();
}

json RiskAnalysis::item_json(std::size_t i) const {
    return with_extra(risk_to_json(risks[i]), risks[i].extra);
}

json RiskAnalysis::head_json() const {
    const RiskAnalysis& a = *this;
    json people = json::array();
    for (const Participant& p : a.participants)
        people.push_back({{"id", p.id}, {"namn", p.name}, {"roll", p.role}});
    return with_extra({{"anledning", reason_key(a.reason)},
                       {"anledning_text", a.reason_text},
                       {"datum", a.date},
                       {"fas", phase_key(a.phase)},
                       {"deltagare", std::move(people)},
                       {"uppfoljningsdatum", a.follow_up_date},
                       {"beslutad_av", a.decided_by},
                       {"beslutsdatum", a.decided_date},
                       {"sammanfattning", a.summary},
                       {"skala", scale_to_json(a.scale)}},
                      a.extra);
}

void RiskAnalysis::for_each_item_action(std::size_t item, const ActionVisitor& visit) const {
    const Risk& r = risks[item];
    for (const Action& a : r.actions) visit(r.id, a);
}

BodyPtr RiskAnalysis::with_action(const std::string& item, const std::string& action,
                                  FunctionRef<void(Action&)> change) const {
    for (std::size_t i = 0; i < risks.size(); ++i) {
        if (risks[i].id != item) continue;
        for (std::size_t j = 0; j < risks[i].actions.size(); ++j) {
            if (risks[i].actions[j].id != action) continue;
            auto next = std::make_shared<RiskAnalysis>(*this);
            change(next->risks.edit(i).actions[j]);
            return next;
        }
    }
    return nullptr;
}

AnalysisPtr analysis_of(const Document& doc) {
    if (!doc.body || doc.body->kind() != DocKind::riskanalys) return nullptr;
    return std::static_pointer_cast<const RiskAnalysis>(doc.body);
}

std::string legacy_participant_id(std::string_view doc_id, std::size_t index) {
    return name_based_uuid("riskanalys/" + std::string(doc_id) + "/deltagare/" + std::to_string(index));
}

std::optional<RiskAnalysis> from_body(const json& body, const std::string& path,
                                      std::vector<ValidationError>& errors, std::string_view doc_id) {
    if (!expect_object(body, path, errors)) return std::nullopt;
    const std::size_t errors_before = errors.size();
    Reader r(body, path, errors);
    RiskAnalysis a;
    read_enum(r, "anledning", kReasons, a.reason);
    read_string(r, "anledning_text", a.reason_text);
    read_date(r, "datum", a.date);
    read_enum(r, "fas", kPhases, a.phase);
    std::map<std::string, std::string, std::less<>> people; // participant id -> where it was first seen
    read_objects(r, "deltagare", [&](const json& item, const std::string& item_path) {
        Reader pr(item, item_path, errors);
        Participant p;
        if (!item.contains("id"))
            p.id = legacy_participant_id(doc_id, a.participants.size());
        else if (const std::string* id = read_uuid(pr, "id"))
            p.id = *id;
        if (const auto [at, fresh] = people.emplace(p.id, item_path); !p.id.empty() && !fresh)
            pr.add("id", Msg::err_id_repeated, {p.id, at->second});
        read_string(pr, "namn", p.name);
        read_string(pr, "roll", p.role);
        a.participants.push_back(std::move(p));
    });
    read_date(r, "uppfoljningsdatum", a.follow_up_date);
    read_string(r, "beslutad_av", a.decided_by);
    read_date(r, "beslutsdatum", a.decided_date);
    read_string(r, "sammanfattning", a.summary);
    bool scale_ok = true;
    if (const json* scale = r.optional("skala", Msg::json_type_object)) {
        auto s = scale_from_json(*scale, r.path("skala"), errors);
        scale_ok = s.has_value();
        if (s) a.scale = std::move(*s);
    }
    // With a broken scale the scores are still checked, against the widest scale there can be.
    RiskContext ctx{scale_ok ? a.scale.levels_s() : kMaxScaleLevels,
                    scale_ok ? a.scale.levels_k() : kMaxScaleLevels,
                    a.participants,
                    doc_id,
                    {},
                    errors};
    read_objects(r, "risker", [&](const json& item, const std::string& item_path) {
        read_risk(item, item_path, ctx, a.risks);
    });
    a.extra = unknown_keys(body, kBodyKeys);
    if (errors.size() != errors_before) return std::nullopt;
    return a;
}

Msg risk_flag_name(RiskFlag f) {
    return kRiskFlagNames[static_cast<std::size_t>(f)];
}

std::vector<RiskFlag> risk_flags(const RiskAnalysis& a, const Risk& r) {
    std::vector<RiskFlag> out;
    const bool acted = has_action(r);
    const bool reasoned = !is_blank(r.decision_reason);
    const bool accepted = r.decision == RiskDecision::acceptera && reasoned;
    // Socialstyrelsen: a serious consequence must be built away even when unlikely, so the value
    // does not matter here.
    if (a.scale.is_highest_consequence(r.k) && !acted && !accepted)
        out.push_back(RiskFlag::katastrofal_without_action);
    if (a.scale.is_red(r.s, r.k) && !acted) out.push_back(RiskFlag::red_without_action);
    if (r.decision == RiskDecision::acceptera && !reasoned) out.push_back(RiskFlag::accepted_without_reason);
    if (r.s == 0 || r.k == 0) out.push_back(RiskFlag::not_scored);
    return out;
}

AnalysisFlags analysis_flags(const RiskAnalysis& a) {
    AnalysisFlags f;
    for (const Risk& r : a.risks) f.risks_flagged += !risk_flags(a, r).empty();
    f.no_participants = a.participants.empty();
    f.no_risks = a.risks.empty();
    return f;
}

void change_scale(RiskAnalysis& a, const RiskScale& to, ScaleMapping how) {
    const int from_s = a.scale.levels_s(), from_k = a.scale.levels_k();
    auto map_s = [&](int& level) { level = map_level(level, from_s, to.levels_s(), how); };
    auto map_k = [&](int& level) { level = map_level(level, from_k, to.levels_k(), how); };
    for (std::size_t i = 0; i < a.risks.size(); ++i) {
        Risk& r = a.risks.edit(i);
        map_s(r.s);
        map_k(r.k);
        map_s(r.residual_s);
        map_k(r.residual_k);
        for (ParticipantScore& p : r.scores) {
            map_s(p.s);
            map_k(p.k);
        }
    }
    a.scale = to;
}

const Participant* find_participant(const RiskAnalysis& a, std::string_view id) {
    return find_in(a.participants, id);
}

void remove_participant(RiskAnalysis& a, std::string_view id) {
    const auto gone = std::find_if(a.participants.begin(), a.participants.end(),
                                   [&](const Participant& p) { return p.id == id; });
    if (gone == a.participants.end()) return;
    const std::string who = gone->id; // `id` may point into the participant erased here
    a.participants.erase(gone);
    const auto theirs = [&](const ParticipantScore& p) { return p.participant == who; };
    for (std::size_t i = 0; i < a.risks.size(); ++i) {
        const std::vector<ParticipantScore>& scores = a.risks[i].scores;
        // Risks without their score stay the very node they were, shared with the version before.
        if (std::find_if(scores.begin(), scores.end(), theirs) != scores.end())
            std::erase_if(a.risks.edit(i).scores, theirs);
    }
}

ScoreSpread score_spread(const Risk& r) {
    ScoreSpread out;
    std::vector<int> s, k;
    for (const ParticipantScore& p : r.scores) {
        s.push_back(p.s);
        k.push_back(p.k);
        out.n += p.s > 0 || p.k > 0;
    }
    spread(std::move(s), out.min_s, out.max_s, out.median_s);
    spread(std::move(k), out.min_k, out.max_k, out.median_k);
    return out;
}

// [SECTION] Checking an edit
namespace {

bool score_ok(int v, int max) {
    return v >= 0 && v <= max;
}

// `before` is the risk as it was at this place before the edit (same id), or null.
void check_risk(const Risk& r, const Risk* before, const RiskAnalysis& a, const std::string& path,
                std::vector<ValidationError>& errors) {
    if (!is_uuid(r.id)) errors.push_back({join_path(path, "id"), Msg::err_bad_uuid, {r.id}, {}});
    const int ls = a.scale.levels_s(), lk = a.scale.levels_k();
    const std::tuple<std::string_view, int, int> scores[] = {{"sannolikhet", r.s, ls},
                                                             {"konsekvens", r.k, lk},
                                                             {"rest_sannolikhet", r.residual_s, ls},
                                                             {"rest_konsekvens", r.residual_k, lk}};
    for (const auto& [key, value, max] : scores)
        if (!score_ok(value, max))
            errors.push_back({join_path(path, key), Msg::err_score_range, {std::to_string(max)}, {}});
    const std::pair<std::string_view, const std::string*> texts[] = {
        {"beskrivning", &r.description},
        {"orsaker", &r.causes},
        {"konsekvens_individ", &r.consequence_individual},
        {"konsekvens_verksamhet", &r.consequence_verksamhet},
        {"kategori", &r.category},
        {"barriarer", &r.barriers},
        {"beslutsmotivering", &r.decision_reason}};
    for (const auto& [key, value] : texts) check_text(*value, path, key, errors);
    check_actions(r.actions, before ? &before->actions : nullptr, path, errors);
    if (!before || before->acknowledged != r.acknowledged)
        check_acknowledgements(r.acknowledged, path, "kvitterade", errors);
    std::map<std::string_view, std::string> seen;
    for (std::size_t j = 0; j < r.scores.size(); ++j) {
        const ParticipantScore& p = r.scores[j];
        const std::string score_path = index_path(join_path(path, "poang"), j);
        if (!find_in(a.participants, p.participant))
            errors.push_back(
                {join_path(score_path, "deltagare"), Msg::err_participant_unknown, {p.participant}, {}});
        else if (const auto [at, fresh] = seen.emplace(p.participant, score_path); !fresh)
            errors.push_back(
                {join_path(score_path, "deltagare"), Msg::err_duplicate_score, {at->second}, {}});
        if (!score_ok(p.s, ls))
            errors.push_back(
                {join_path(score_path, "sannolikhet"), Msg::err_score_range, {std::to_string(ls)}, {}});
        if (!score_ok(p.k, lk))
            errors.push_back(
                {join_path(score_path, "konsekvens"), Msg::err_score_range, {std::to_string(lk)}, {}});
    }
}

void check_participants(const RiskAnalysis& a, const std::string& path,
                        std::vector<ValidationError>& errors) {
    std::map<std::string_view, std::string> seen; // id -> path of the participant that has it first
    for (std::size_t i = 0; i < a.participants.size(); ++i) {
        const Participant& p = a.participants[i];
        const std::string at = index_path(join_path(path, "deltagare"), i);
        if (!is_uuid(p.id))
            errors.push_back({join_path(at, "id"), Msg::err_bad_uuid, {p.id}, {}});
        else if (const auto [first, fresh] = seen.emplace(p.id, at); !fresh)
            errors.push_back({join_path(at, "id"), Msg::err_id_repeated, {p.id, first->second}, {}});
        check_text(p.name, at, "namn", errors);
        check_text(p.role, at, "roll", errors);
    }
}

// Whether every participant of `before` is still in `a`: then a score that named one still does.
bool keeps_participants(const RiskAnalysis& before, const RiskAnalysis& a) {
    for (std::size_t i = 0; i < before.participants.size(); ++i) {
        const std::string& id = before.participants[i].id;
        // Nearly always at the same place (a name typed, one added at the end): no search then.
        if (!(i < a.participants.size() && a.participants[i].id == id) && !find_in(a.participants, id))
            return false;
    }
    return true;
}

// The ids a risk brings: its own and its actions'.
std::vector<std::string_view> ids_of(const Risk& r) {
    std::vector<std::string_view> out{r.id};
    for (const Action& x : r.actions) out.push_back(x.id);
    return out;
}

} // namespace

bool check_analysis(const RiskAnalysis& a, const RiskAnalysis* before, const std::string& path,
                    std::vector<ValidationError>& errors) {
    const std::size_t errors_before = errors.size();
    const std::pair<std::string_view, const std::string*> dates[] = {
        {"datum", &a.date}, {"uppfoljningsdatum", &a.follow_up_date}, {"beslutsdatum", &a.decided_date}};
    for (const auto& [key, value] : dates)
        if (!value->empty() && !is_iso_date(*value))
            errors.push_back({join_path(path, key), Msg::err_bad_date, {*value}, {}});
    const std::pair<std::string_view, const std::string*> texts[] = {
        {"anledning_text", &a.reason_text}, {"beslutad_av", &a.decided_by}, {"sammanfattning", &a.summary}};
    for (const auto& [key, value] : texts) check_text(*value, path, key, errors);
    if (!before || before->participants != a.participants) check_participants(a, path, errors);
    const bool same_frame = before && before->scale == a.scale && keeps_participants(*before, a);
    if (!(before && before->scale == a.scale)) validate_scale(a.scale, join_path(path, "skala"), errors);
    // Only risks that are not the very node of `before` at the same place can be wrong, unless the
    // scale or the participants they are checked against changed.
    bool new_ids = !before;
    const std::string list_path = join_path(path, "risker");
    EarlierItems<Risk> earlier(before ? &before->risks : nullptr);
    for (std::size_t i = 0; i < a.risks.size(); ++i) {
        const bool kept = same_frame && i < before->risks.size() && a.risks.same_item(i, before->risks, i);
        if (kept) continue;
        check_risk(a.risks[i], before ? earlier.find(a.risks[i].id, i) : nullptr, a, index_path(list_path, i),
                   errors);
        if (!new_ids) new_ids = !(i < before->risks.size() && ids_of(a.risks[i]) == ids_of(before->risks[i]));
    }
    if (new_ids) {
        std::map<std::string_view, std::size_t> seen; // id -> risk index
        for (std::size_t i = 0; i < a.risks.size(); ++i)
            for (std::string_view id : ids_of(a.risks[i]))
                if (const auto [at, fresh] = seen.emplace(id, i); !fresh)
                    errors.push_back({index_path(list_path, i),
                                      Msg::err_id_repeated,
                                      {std::string(id), index_path(list_path, at->second)},
                                      {}});
    }
    return errors.size() == errors_before;
}

} // namespace kvh::core
