// The åtgärdsplan: a free-standing list of actions, for one that belongs to no risk analysis or
// egenkontroll — after a lex Sarah investigation, an IVO decision, an audit, a nämnd decision. Its
// header says what it answers (origin, background, diarienummer) and who owns it (the unit is the
// document's); its actions are its items, so the store writes one action per edit.
// Not here: the rules on its actions (rules.hpp), its screens.
#pragma once

#include "core/action.hpp"
#include "core/body.hpp"
#include "core/list_body.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kvh::core {

struct ValidationError;

enum class PlanOrigin {
    ej_angiven,
    lex_sarah,
    lex_maria,
    ivo_beslut,
    revision,
    namndbeslut,
    klagomal,
    egenkontroll,
    annat
};
inline constexpr PlanOrigin all_plan_origins[] = {
    PlanOrigin::ej_angiven, PlanOrigin::lex_sarah,    PlanOrigin::lex_maria,
    PlanOrigin::ivo_beslut, PlanOrigin::revision,     PlanOrigin::namndbeslut,
    PlanOrigin::klagomal,   PlanOrigin::egenkontroll, PlanOrigin::annat};
std::string_view plan_origin_key(PlanOrigin o);
std::optional<PlanOrigin> plan_origin_from_key(std::string_view key);
Msg plan_origin_name(PlanOrigin o);

struct ActionPlan final : ListBody<ActionPlan, Action> {
    PlanOrigin origin = PlanOrigin::ej_angiven;
    std::string background;  // what happened and what the plan answers (bakgrund)
    std::string case_number; // diarienummer of the investigation or decision
    std::string owner;       // who owns the plan (name or role)
    ItemList<Action> actions;
    nlohmann::json extra; // keys of the body this build does not know, kept
    bool operator==(const ActionPlan&) const = default;

    static constexpr std::string_view kItemsKey = "atgarder";
    const ItemList<Action>& items() const { return actions; }
    static std::uint64_t hash_item(const Action& item);
    DocKind kind() const override { return DocKind::atgardsplan; }
    nlohmann::json head_json() const override; // everything but "atgarder"
    nlohmann::json item_json(std::size_t i) const override;
    // Each action is its own item: it is visited with its own id as the item's.
    void for_each_item_action(std::size_t item, const ActionVisitor& visit) const override;
    BodyPtr with_action(const std::string& item, const std::string& action,
                        FunctionRef<void(Action&)> change) const override;
};
using PlanPtr = std::shared_ptr<const ActionPlan>;

// Builds the plan from a body, naming each error under `path`; every field may be absent. Action ids
// are unique within the plan. Until format 3 an åtgärdsplan had no model and its body was any JSON
// object; the one shape of actions seen then (no id; sista_datum, klar_datum, uppfoljning_datum; status
// ej_paborjad; effekt as a text) is read as meant: see free_body_action in action.hpp.
std::optional<ActionPlan> plan_from_body(const nlohmann::json& body, const std::string& path,
                                         std::vector<ValidationError>& errors, std::string_view doc_id = {});
// The id that action number `index` (from 0) of such an older plan gets when it is read: derived from
// the document's id, so every device and every reading agrees.
std::string legacy_plan_action_id(std::string_view doc_id, std::size_t index);
// The checks of plan_from_body on the typed plan, for an edit before it is committed; with `before`
// only the actions that changed are checked (check_action with their earlier version).
bool check_plan(const ActionPlan& p, const ActionPlan* before, const std::string& path,
                std::vector<ValidationError>& errors);
// The plan in a document's body; null when the document is of another kind.
PlanPtr plan_of(const Document& doc);

} // namespace kvh::core
