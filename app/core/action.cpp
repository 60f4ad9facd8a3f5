// The action (åtgärd): status and effect keys, JSON in and out, and the checks that catch an action
// going wrong the way the seeds show (no one responsible, overdue, never followed up).
#include "action.hpp"

#include "json_check.hpp"
#include "workspace.hpp"

namespace kvh::core {

namespace {

constexpr std::array<EnumKey<ActionStatus>, 4> kStatuses{{
    {ActionStatus::planerad, "planerad", Msg::action_status_planerad},
    {ActionStatus::pagar, "pagar", Msg::action_status_pagar},
    {ActionStatus::klar, "klar", Msg::action_status_klar},
    {ActionStatus::avbruten, "avbruten", Msg::action_status_avbruten},
}};
static_assert(kStatuses.size() == std::size(all_action_statuses));

constexpr std::array<EnumKey<Effect>, 4> kEffects{{
    {Effect::ej_uppfoljd, "ej_uppfoljd", Msg::effect_ej_uppfoljd},
    {Effect::effekt, "effekt", Msg::effect_effekt},
    {Effect::delvis, "delvis", Msg::effect_delvis},
    {Effect::ingen_effekt, "ingen_effekt", Msg::effect_ingen_effekt},
}};
static_assert(kEffects.size() == std::size(all_effects));

// In ActionFlag order.
constexpr Msg kFlagNames[] = {Msg::actionflag_no_responsible, Msg::actionflag_no_due_date,
                              Msg::actionflag_overdue, Msg::actionflag_done_not_followed_up,
                              Msg::actionflag_followed_up_same_day};

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

std::string_view effect_key(Effect e) {
    return enum_entry(kEffects, e).key;
}
std::optional<Effect> effect_from_key(std::string_view key) {
    return enum_from_key(kEffects, key);
}
Msg effect_name(Effect e) {
    return enum_entry(kEffects, e).name;
}

nlohmann::json action_to_json(const Action& a) {
    return {{"id", a.id},
            {"vad", a.what},
            {"varfor", a.why},
            {"ansvarig", a.responsible},
            {"klart_senast", a.due},
            {"status", action_status_key(a.status)},
            {"klart_datum", a.done_date},
            {"uppfoljningsdatum", a.follow_up_date},
            {"effekt", effect_key(a.effect)},
            {"uppfoljning", a.follow_up_note}};
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
    read_string(r, "ansvarig", a.responsible);
    read_date(r, "klart_senast", a.due);
    read_enum(r, "status", kStatuses, a.status);
    read_date(r, "klart_datum", a.done_date);
    read_date(r, "uppfoljningsdatum", a.follow_up_date);
    read_enum(r, "effekt", kEffects, a.effect);
    read_string(r, "uppfoljning", a.follow_up_note);
    if (errors.size() != errors_before) return std::nullopt;
    return a;
}

bool check_action(const Action& a, const std::string& path, std::vector<ValidationError>& errors) {
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
                                                                     {"uppfoljning", &a.follow_up_note}};
    for (const auto& [key, value] : texts) check_text(*value, path, key, errors);
    return errors.size() == errors_before;
}

Msg action_flag_name(ActionFlag f) {
    return kFlagNames[static_cast<std::size_t>(f)];
}

std::vector<ActionFlag> action_flags(const Action& a, std::string_view today) {
    std::vector<ActionFlag> out;
    if (is_blank(a.responsible)) out.push_back(ActionFlag::no_responsible);
    if (a.due.empty()) out.push_back(ActionFlag::no_due_date);
    // ISO dates compare as strings.
    const bool finished = a.status == ActionStatus::klar || a.status == ActionStatus::avbruten;
    if (!a.due.empty() && a.due < today && !finished) out.push_back(ActionFlag::overdue);
    if (a.status == ActionStatus::klar && a.effect == Effect::ej_uppfoljd)
        out.push_back(ActionFlag::done_not_followed_up);
    // A follow-up on the day of completion cannot have seen any effect (S3's finding).
    if (!a.follow_up_date.empty() && a.follow_up_date == a.done_date)
        out.push_back(ActionFlag::followed_up_same_day);
    return out;
}

} // namespace kvh::core
