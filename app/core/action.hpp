// The action (åtgärd): one shape wherever it lives — in a risk, an egenkontroll, an åtgärdsplan —
// so that the Åtgärder register can gather them all. What, why, who, when, and the follow-up.
#pragma once

#include "document.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

struct ValidationError;

enum class ActionStatus { planerad, pagar, klar, avbruten };
inline constexpr ActionStatus all_action_statuses[] = {ActionStatus::planerad, ActionStatus::pagar,
                                                       ActionStatus::klar, ActionStatus::avbruten};
std::string_view action_status_key(ActionStatus s);
std::optional<ActionStatus> action_status_from_key(std::string_view key);
Msg action_status_name(ActionStatus s);

// The follow-up's verdict on whether the action had the intended effect.
enum class Effect { ej_uppfoljd, effekt, delvis, ingen_effekt };
inline constexpr Effect all_effects[] = {Effect::ej_uppfoljd, Effect::effekt, Effect::delvis,
                                         Effect::ingen_effekt};
std::string_view effect_key(Effect e);
std::optional<Effect> effect_from_key(std::string_view key);
Msg effect_name(Effect e);

struct Action {
    std::string id;          // UUID v4, stable across edits (the register and links use it)
    std::string what;        // vad som ska göras
    std::string why;         // the cause it answers (orsak)
    std::string responsible; // role or name of the one responsible (ansvarig)
    std::string due;         // YYYY-MM-DD or "" (klart senast)
    ActionStatus status = ActionStatus::planerad;
    std::string done_date;      // YYYY-MM-DD or ""
    std::string follow_up_date; // YYYY-MM-DD or "" (uppföljning)
    Effect effect = Effect::ej_uppfoljd;
    std::string follow_up_note; // what the follow-up found
    bool operator==(const Action&) const = default;
};

nlohmann::json action_to_json(const Action& a);
// Validates one action object; errors get `path` as prefix (e.g. "documents[2].body.risker[0].atgarder[1]").
// Only the id is required; an absent field keeps its default. Dates are "" or YYYY-MM-DD.
std::optional<Action> action_from_json(const nlohmann::json& j, const std::string& path,
                                       std::vector<ValidationError>& errors);

// The checks of action_from_json on a typed action (an edit before it is committed): the id is a
// UUID, dates are "" or YYYY-MM-DD, texts are UTF-8. Errors name the place under `path`.
bool check_action(const Action& a, const std::string& path, std::vector<ValidationError>& errors);

// What is wrong with an action, as the seeds show it going wrong (DESIGN.md "Checks").
enum class ActionFlag {
    no_responsible,       // ingen ansvarig
    no_due_date,          // inget datum för när den ska vara klar
    overdue,              // due date passed, not done
    done_not_followed_up, // klar but no follow-up verdict
    followed_up_same_day, // follow-up date equals done date
};
Msg action_flag_name(ActionFlag f);
// `today` is YYYY-MM-DD.
std::vector<ActionFlag> action_flags(const Action& a, std::string_view today);

} // namespace kvh::core
