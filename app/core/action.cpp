// The action (åtgärd): enum keys, JSON in and out (with the statuses and effects of older formats),
// and the checks of an edit.
#include "action.hpp"

#include "json_check.hpp"
#include "workspace.hpp"

namespace kvh::core {

namespace {

constexpr std::array<EnumKey<ActionStatus>, 6> kStatuses{{
    {ActionStatus::foreslagen, "foreslagen", Msg::action_status_foreslagen},
    {ActionStatus::beslutad, "beslutad", Msg::action_status_beslutad},
    {ActionStatus::pagar, "pagar", Msg::action_status_pagar},
    {ActionStatus::genomford, "genomford", Msg::action_status_genomford},
    {ActionStatus::uppfoljd, "uppfoljd", Msg::action_status_uppfoljd},
    {ActionStatus::avbruten, "avbruten", Msg::action_status_avbruten},
}};
static_assert(kStatuses.size() == std::size(all_action_statuses));

constexpr std::array<EnumKey<Verdict>, 4> kVerdicts{{
    {Verdict::ej_bedomd, "ej_bedomd", Msg::verdict_ej_bedomd},
    {Verdict::ja, "ja", Msg::verdict_ja},
    {Verdict::delvis, "delvis", Msg::verdict_delvis},
    {Verdict::nej, "nej", Msg::verdict_nej},
}};
static_assert(kVerdicts.size() == std::size(all_verdicts));

constexpr std::array<EnumKey<ActionLevel>, 4> kLevels{{
    {ActionLevel::ej_angiven, "ej_angiven", Msg::action_level_ej_angiven},
    {ActionLevel::individ, "individ", Msg::action_level_individ},
    {ActionLevel::verksamhet, "verksamhet", Msg::action_level_verksamhet},
    {ActionLevel::system, "system", Msg::action_level_system},
}};
static_assert(kLevels.size() == std::size(all_action_levels));

constexpr std::array<EnumKey<ActionType>, 7> kTypes{{
    {ActionType::ej_angiven, "ej_angiven", Msg::action_type_ej_angiven},
    {ActionType::rutin_process, "rutin_process", Msg::action_type_rutin_process},
    {ActionType::information_kommunikation, "information_kommunikation",
     Msg::action_type_information_kommunikation},
    {ActionType::utbildning_kompetens, "utbildning_kompetens", Msg::action_type_utbildning_kompetens},
    {ActionType::bemanning_organisation, "bemanning_organisation", Msg::action_type_bemanning_organisation},
    {ActionType::teknik_miljo, "teknik_miljo", Msg::action_type_teknik_miljo},
    {ActionType::annat, "annat", Msg::action_type_annat},
}};
static_assert(kTypes.size() == std::size(all_action_types));

// [SECTION] Format versions 1 and 2 (and the records builds of that time stored, which carry no
// version). An action then had the status planerad, pagar, klar or avbruten and the effect
// ej_uppfoljd, effekt, delvis or ingen_effekt. They are read as:
//   effekt ej_uppfoljd → ej_bedomd, effekt → ja, delvis → delvis, ingen_effekt → nej (same meaning).
//   planerad → beslutad: the old statuses had no proposal step, an action was "planned" once someone
//     had decided to do it. One without a cause stays beslutad: lowering it to föreslagen would take
//     back a decision nobody took back; the rule "beslutad utan orsak" shows the gap instead.
//   klar → uppföljd when an effect was given (the follow-up happened and judged it), else genomförd:
//     "klar" meant the work was done, and only a verdict closes an action now.
//   pagar, avbruten → the same (an old avbruten has no reason: none was asked for then).
// The keys of the new values differ from the old ones except where the meaning is the same, so a
// value alone says which it is.
constexpr std::array<EnumKey<Verdict>, 3> kLegacyEffects{{
    {Verdict::ej_bedomd, "ej_uppfoljd", Msg::verdict_ej_bedomd},
    {Verdict::ja, "effekt", Msg::verdict_ja},
    {Verdict::nej, "ingen_effekt", Msg::verdict_nej},
}};

std::optional<ActionStatus> legacy_status(std::string_view key, Verdict verdict) {
    if (key == "planerad") return ActionStatus::beslutad;
    if (key == "klar")
        return verdict == Verdict::ej_bedomd ? ActionStatus::genomford : ActionStatus::uppfoljd;
    return std::nullopt;
}

// An enum read with its older keys too; an unknown value is refused naming today's keys only.
template <class E, std::size_t N, class Legacy>
void read_enum_or_legacy(Reader& r, std::string_view key, const std::array<EnumKey<E>, N>& table, E& out,
                         Legacy legacy) {
    const std::string* s = r.optional_string(key);
    if (!s) return;
    if (const auto v = enum_from_key(table, *s)) {
        out = *v;
    } else if (const auto old = legacy(*s)) {
        out = *old;
    } else {
        read_enum(r, key, table, out); // records the error with the known values
    }
}

// Whether any of the fields a requirement looks at changed (or the action is new).
template <class... Members> bool changed(const Action& a, const Action* before, Members... members) {
    return !before || ((a.*members != before->*members) || ...);
}

} // namespace

std::string_view action_status_key(ActionStatus s) {
    return enum_entry(kStatuses, s).key;
}
std::optional<ActionStatus> action_status_from_key(std::string_view key) {
    return enum_from_key(kStatuses, key);
}
Msg action_status_name(ActionStatus s) {
    return enum_entry(kStatuses, s).name;
}
bool is_decided(ActionStatus s) {
    return s != ActionStatus::foreslagen && s != ActionStatus::avbruten;
}
bool is_done(ActionStatus s) {
    return s == ActionStatus::genomford || s == ActionStatus::uppfoljd;
}

std::string_view verdict_key(Verdict v) {
    return enum_entry(kVerdicts, v).key;
}
std::optional<Verdict> verdict_from_key(std::string_view key) {
    return enum_from_key(kVerdicts, key);
}
Msg verdict_name(Verdict v) {
    return enum_entry(kVerdicts, v).name;
}
bool reads_as_verdict(std::string_view key) {
    return enum_from_key(kVerdicts, key) || enum_from_key(kLegacyEffects, key);
}

std::string_view action_level_key(ActionLevel l) {
    return enum_entry(kLevels, l).key;
}
std::optional<ActionLevel> action_level_from_key(std::string_view key) {
    return enum_from_key(kLevels, key);
}
Msg action_level_name(ActionLevel l) {
    return enum_entry(kLevels, l).name;
}

std::string_view action_type_key(ActionType t) {
    return enum_entry(kTypes, t).key;
}
std::optional<ActionType> action_type_from_key(std::string_view key) {
    return enum_from_key(kTypes, key);
}
Msg action_type_name(ActionType t) {
    return enum_entry(kTypes, t).name;
}

nlohmann::json action_to_json(const Action& a) {
    return {{"id", a.id},
            {"vad", a.what},
            {"varfor", a.why},
            {"niva", action_level_key(a.level)},
            {"typ", action_type_key(a.type)},
            {"ansvarig", a.responsible},
            {"klart_senast", a.due},
            {"status", action_status_key(a.status)},
            {"avbrytandeorsak", a.cancel_reason},
            {"klart_datum", a.done_date},
            {"uppfoljningsdatum", a.follow_up_date},
            {"effekt", verdict_key(a.verdict)},
            {"uppfoljning", a.follow_up_note},
            {"kvitterade", acknowledgements_to_json(a.acknowledged)}};
}

std::optional<Action> action_from_json(const nlohmann::json& j, const std::string& path,
                                       std::vector<ValidationError>& errors) {
    if (!expect_object(j, path, errors)) return std::nullopt;
    const std::size_t errors_before = errors.size();
    Reader r(j, path, errors);
    Action a;
    // The id is the one required field: the register and links follow it across edits.
    if (const std::string* id = read_uuid(r, "id")) a.id = *id;
    read_string(r, "vad", a.what);
    read_string(r, "varfor", a.why);
    read_enum(r, "niva", kLevels, a.level);
    read_enum(r, "typ", kTypes, a.type);
    read_string(r, "ansvarig", a.responsible);
    read_date(r, "klart_senast", a.due);
    // The verdict first: an old status klar becomes uppföljd or genomförd by it.
    read_enum_or_legacy(r, "effekt", kVerdicts, a.verdict,
                        [](std::string_view k) { return enum_from_key(kLegacyEffects, k); });
    read_enum_or_legacy(r, "status", kStatuses, a.status,
                        [&](std::string_view k) { return legacy_status(k, a.verdict); });
    read_string(r, "avbrytandeorsak", a.cancel_reason);
    read_date(r, "klart_datum", a.done_date);
    read_date(r, "uppfoljningsdatum", a.follow_up_date);
    read_string(r, "uppfoljning", a.follow_up_note);
    read_acknowledgements(r, "kvitterade", a.acknowledged);
    // Only a verdict closes an action: an uppföljd one without it says something that did not happen.
    if (a.status == ActionStatus::uppfoljd && a.verdict == Verdict::ej_bedomd)
        r.add("effekt", Msg::err_action_closed_without_verdict);
    if (errors.size() != errors_before) return std::nullopt;
    return a;
}

nlohmann::json free_body_action(const nlohmann::json& item, std::string id) {
    nlohmann::json out = item;
    out["id"] = std::move(id);
    const std::pair<const char*, const char*> renamed[] = {{"sista_datum", "klart_senast"},
                                                           {"klar_datum", "klart_datum"},
                                                           {"uppfoljning_datum", "uppfoljningsdatum"}};
    for (const auto& [from, to] : renamed)
        if (out.contains(from) && !out.contains(to)) {
            out[to] = out[from];
            out.erase(from);
        }
    if (const auto s = out.find("status"); s != out.end() && *s == "ej_paborjad") *s = "beslutad";
    // A verdict key, of today or of format 2, stays where it is.
    if (const auto e = out.find("effekt");
        e != out.end() && e->is_string() && !reads_as_verdict(e->get<std::string>())) {
        const std::string text = e->get<std::string>();
        const auto note = out.find("uppfoljning");
        const std::string rest = note != out.end() && note->is_string() ? note->get<std::string>() : "";
        out["uppfoljning"] = rest.empty() ? text : text + "\n" + rest;
        out.erase("effekt");
    }
    return out;
}

bool check_action(const Action& a, const Action* before, const std::string& path,
                  std::vector<ValidationError>& errors) {
    const std::size_t errors_before = errors.size();
    if (!is_uuid(a.id)) errors.push_back({join_path(path, "id"), Msg::err_bad_uuid, {a.id}, {}});
    const std::pair<std::string_view, const std::string*> dates[] = {
        {"klart_senast", &a.due}, {"klart_datum", &a.done_date}, {"uppfoljningsdatum", &a.follow_up_date}};
    for (const auto& [key, value] : dates)
        if (!value->empty() && !is_iso_date(*value))
            errors.push_back({join_path(path, key), Msg::err_bad_date, {*value}, {}});
    const std::pair<std::string_view, const std::string*> texts[] = {{"vad", &a.what},
                                                                     {"varfor", &a.why},
                                                                     {"ansvarig", &a.responsible},
                                                                     {"avbrytandeorsak", &a.cancel_reason},
                                                                     {"uppfoljning", &a.follow_up_note}};
    for (const auto& [key, value] : texts) check_text(*value, path, key, errors);
    if (!before || a.acknowledged != before->acknowledged)
        check_acknowledgements(a.acknowledged, path, "kvitterade", errors);
    if (a.status == ActionStatus::uppfoljd && a.verdict == Verdict::ej_bedomd)
        errors.push_back({join_path(path, "effekt"), Msg::err_action_closed_without_verdict, {}, {}});
    // What a change must fulfil; older data that lacks it stays readable and editable elsewhere.
    if (is_decided(a.status) && is_blank(a.why) && changed(a, before, &Action::status, &Action::why))
        errors.push_back(
            {join_path(path, "varfor"), Msg::err_action_cause_required, {}, {action_status_name(a.status)}});
    if (a.status == ActionStatus::avbruten && is_blank(a.cancel_reason) &&
        changed(a, before, &Action::status, &Action::cancel_reason))
        errors.push_back({join_path(path, "avbrytandeorsak"), Msg::err_action_cancel_reason, {}, {}});
    if (a.verdict != Verdict::ej_bedomd && a.status != ActionStatus::uppfoljd &&
        changed(a, before, &Action::status, &Action::verdict))
        errors.push_back({join_path(path, "effekt"), Msg::err_action_verdict_status, {}, {}});
    return errors.size() == errors_before;
}

void check_actions(const std::vector<Action>& actions, const std::vector<Action>* before,
                   const std::string& path, std::vector<ValidationError>& errors) {
    for (std::size_t j = 0; j < actions.size(); ++j) {
        const Action* was = nullptr;
        if (before)
            for (const Action& y : *before)
                if (y.id == actions[j].id) was = &y;
        check_action(actions[j], was, index_path(join_path(path, "atgarder"), j), errors);
    }
}

void set_status(Action& a, ActionStatus to, std::string_view today, std::string_view cancel_reason) {
    a.status = to;
    if (to != ActionStatus::uppfoljd) a.verdict = Verdict::ej_bedomd;
    if (to == ActionStatus::genomford && a.done_date.empty()) a.done_date = std::string(today);
    if (to == ActionStatus::avbruten && !cancel_reason.empty()) a.cancel_reason = std::string(cancel_reason);
}

void set_verdict(Action& a, Verdict v, std::string_view today) {
    a.verdict = v;
    if (v != Verdict::ej_bedomd) {
        a.status = ActionStatus::uppfoljd;
        if (a.follow_up_date.empty()) a.follow_up_date = std::string(today);
    } else if (a.status == ActionStatus::uppfoljd) {
        a.status = ActionStatus::genomford;
    }
}

std::string follow_up_text(const Action& a) {
    std::string out = a.follow_up_date;
    if (!is_blank(a.follow_up_note)) out += (out.empty() ? "" : ": ") + a.follow_up_note;
    return out;
}

void hash_action(FieldHasher& f, const Action& a) {
    f.add(a.id).add(a.what).add(a.why).add(action_level_key(a.level)).add(action_type_key(a.type));
    f.add(a.responsible).add(a.due).add(action_status_key(a.status)).add(a.cancel_reason);
    f.add(a.done_date).add(a.follow_up_date).add(verdict_key(a.verdict)).add(a.follow_up_note);
    f.add(std::int64_t(a.acknowledged.size()));
    for (const Acknowledgement& k : a.acknowledged) f.add(k.rule).add(k.reason).add(k.by).add(k.date);
}

} // namespace kvh::core
