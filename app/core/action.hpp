// The action (åtgärd): one shape wherever it lives — in a risk, an egenkontroll, an åtgärdsplan —
// so that the Åtgärder register can gather them all. What, the cause it answers, level and kind, who,
// when, its status, and the follow-up whose verdict on effect alone closes it.
// Not here: what is missing or late (rules.hpp), where an action lives (facts.hpp).
#pragma once

#include "acknowledgement.hpp"
#include "document.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

struct ValidationError;

// In the order an action goes through them; avbruten (with a reason) may end it at any point.
enum class ActionStatus { foreslagen, beslutad, pagar, genomford, uppfoljd, avbruten };
inline constexpr ActionStatus all_action_statuses[] = {ActionStatus::foreslagen, ActionStatus::beslutad,
                                                       ActionStatus::pagar,      ActionStatus::genomford,
                                                       ActionStatus::uppfoljd,   ActionStatus::avbruten};
std::string_view action_status_key(ActionStatus s);
std::optional<ActionStatus> action_status_from_key(std::string_view key);
Msg action_status_name(ActionStatus s);
// Beslutad or later but not avbruten: the action is decided on, so the cause it answers must be known.
bool is_decided(ActionStatus s);
// Genomförd or uppföljd: the work is done.
bool is_done(ActionStatus s);

// The follow-up's verdict on whether the action had the intended effect.
enum class Verdict { ej_bedomd, ja, delvis, nej };
inline constexpr Verdict all_verdicts[] = {Verdict::ej_bedomd, Verdict::ja, Verdict::delvis, Verdict::nej};
std::string_view verdict_key(Verdict v);
std::optional<Verdict> verdict_from_key(std::string_view key);
Msg verdict_name(Verdict v);
// Whether `key` is a verdict as action_from_json reads it: today's keys and the effects of formats 1-2.
bool reads_as_verdict(std::string_view key);

// Whom the action is aimed at: one person's measures belong in their personakt, not here.
enum class ActionLevel { ej_angiven, individ, verksamhet, system };
inline constexpr ActionLevel all_action_levels[] = {ActionLevel::ej_angiven, ActionLevel::individ,
                                                    ActionLevel::verksamhet, ActionLevel::system};
std::string_view action_level_key(ActionLevel l);
std::optional<ActionLevel> action_level_from_key(std::string_view key);
Msg action_level_name(ActionLevel l);

// What kind of measure it is (the åtgärdstyper the seeds count, S3).
enum class ActionType {
    ej_angiven,
    rutin_process,
    information_kommunikation,
    utbildning_kompetens,
    bemanning_organisation,
    teknik_miljo,
    annat
};
inline constexpr ActionType all_action_types[] = {ActionType::ej_angiven,
                                                  ActionType::rutin_process,
                                                  ActionType::information_kommunikation,
                                                  ActionType::utbildning_kompetens,
                                                  ActionType::bemanning_organisation,
                                                  ActionType::teknik_miljo,
                                                  ActionType::annat};
std::string_view action_type_key(ActionType t);
std::optional<ActionType> action_type_from_key(std::string_view key);
Msg action_type_name(ActionType t);

struct Action {
    std::string id;   // UUID v4, stable across edits (the register and links use it)
    std::string what; // vad som ska göras
    std::string why;  // the cause or finding it answers (orsak/iakttagelse)
    ActionLevel level = ActionLevel::ej_angiven;
    ActionType type = ActionType::ej_angiven;
    std::string responsible; // role or name of the one responsible (ansvarig)
    std::string due;         // YYYY-MM-DD or "" (klart senast)
    ActionStatus status = ActionStatus::foreslagen;
    std::string cancel_reason;  // why it was stopped (avbruten)
    std::string done_date;      // YYYY-MM-DD or ""
    std::string follow_up_date; // YYYY-MM-DD or "" (uppföljning: planned, then the day it was done)
    Verdict verdict = Verdict::ej_bedomd;
    std::string follow_up_note;    // what the follow-up found
    Acknowledgements acknowledged; // rule findings accepted with a reason (rules.hpp)
    bool operator==(const Action&) const = default;
};

nlohmann::json action_to_json(const Action& a);
// Validates one action object; errors get `path` as prefix (e.g. "documents[2].body.risker[0].atgarder[1]").
// Only the id is required; an absent field keeps its default. Dates are "" or YYYY-MM-DD.
// Reads the statuses and effects of format versions 1 and 2 too (see the table in action.cpp): stored
// records carry no version, so the shape of a value says how old it is. What an edit must fulfil
// on top (check_action's requirements on a change) is not asked of what is read: older data may
// lack a cause, and refusing it would lose it; the rules show what it lacks.
std::optional<Action> action_from_json(const nlohmann::json& j, const std::string& path,
                                       std::vector<ValidationError>& errors);

// An action of a body written when its kind had no model (any JSON object: the åtgärdsplan before
// format 3, the egenkontroll kinds before they had theirs): it has no id. Its keys and values are put
// into today's shape under `id`, to be read like any action:
//   sista_datum → klart_senast, klar_datum → klart_datum, uppfoljning_datum → uppfoljningsdatum;
//   status ej_paborjad → beslutad (planned, not yet started: decided, as planerad was);
//   effekt holding a text rather than a verdict → that text leads the follow-up note, the verdict
//   stays ej_bedomd: a description of the effect is not a judgement a reader may guess.
nlohmann::json free_body_action(const nlohmann::json& item, std::string id);

// The checks of action_from_json on a typed action (an edit before it is committed): the id is a
// UUID, dates are "" or YYYY-MM-DD, texts are UTF-8, uppföljd has a verdict. And what a change must
// fulfil, checked when the action is new (`before` null) or the fields concerned changed: beslutad or
// later needs the cause, avbruten a reason, and a verdict makes the action uppföljd. Errors name the
// field under `path`.
bool check_action(const Action& a, const Action* before, const std::string& path,
                  std::vector<ValidationError>& errors);
// check_action on each of an item's actions ("atgarder" under `path`), each against the action of the
// same id in `before` (the item's actions before the edit; null when the item is new).
void check_actions(const std::vector<Action>& actions, const std::vector<Action>* before,
                   const std::string& path, std::vector<ValidationError>& errors);

// [SECTION] Moving an action on, the same from every screen
// The status as a person sets it on `today`: leaving uppföljd takes the verdict back (only a verdict
// makes an action uppföljd), genomförd without a done date was done today, and avbruten keeps
// `cancel_reason` (the reason check_action asks for). Setting uppföljd this way is refused by
// check_action without a verdict: set_verdict closes an action.
void set_status(Action& a, ActionStatus to, std::string_view today, std::string_view cancel_reason = {});
// A verdict closes the action: uppföljd, followed up today unless a follow-up day is already given.
// ej_bedomd takes an uppföljd action back to genomförd.
void set_verdict(Action& a, Verdict v, std::string_view today);

// "2026-05-04: what the follow-up found", for a report's follow-up column.
std::string follow_up_text(const Action& a);

// Every field into `f`, for the revision hash of the item holding the action.
void hash_action(FieldHasher& f, const Action& a);

} // namespace kvh::core
