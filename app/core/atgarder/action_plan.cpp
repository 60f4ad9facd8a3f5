// The åtgärdsplan (see action_plan.hpp): origin keys, body JSON in and out with exact error paths and
// the shape of older bodies, the checks of an edit, and how the facts index reaches its actions.
#include "action_plan.hpp"

#include "core/json_check.hpp"
#include "core/workspace.hpp"

#include <algorithm>
#include <map>

namespace kvh::core {

using nlohmann::json;

namespace {

constexpr std::array<EnumKey<PlanOrigin>, 9> kOrigins{{
    {PlanOrigin::ej_angiven, "ej_angiven", Msg::origin_ej_angiven},
    {PlanOrigin::lex_sarah, "lex_sarah", Msg::origin_lex_sarah},
    {PlanOrigin::lex_maria, "lex_maria", Msg::origin_lex_maria},
    {PlanOrigin::ivo_beslut, "ivo_beslut", Msg::origin_ivo_beslut},
    {PlanOrigin::revision, "revision", Msg::origin_revision},
    {PlanOrigin::namndbeslut, "namndbeslut", Msg::origin_namndbeslut},
    {PlanOrigin::klagomal, "klagomal", Msg::origin_klagomal},
    {PlanOrigin::egenkontroll, "egenkontroll", Msg::origin_egenkontroll},
    {PlanOrigin::annat, "annat", Msg::origin_annat},
}};
static_assert(kOrigins.size() == std::size(all_plan_origins));

constexpr std::string_view kBodyKeys[] = {"ursprung", "bakgrund", "diarienummer", "agare", "atgarder"};

} // namespace

std::uint64_t ActionPlan::hash_item(const Action& a) {
    FieldHasher f;
    hash_action(f, a);
    return f.h;
}

std::string_view plan_origin_key(PlanOrigin o) {
    return enum_entry(kOrigins, o).key;
}
std::optional<PlanOrigin> plan_origin_from_key(std::string_view key) {
    return enum_from_key(kOrigins, key);
}
Msg plan_origin_name(PlanOrigin o) {
    return enum_entry(kOrigins, o).name;
}

std::string legacy_plan_action_id(std::string_view doc_id, std::size_t index) {
    return name_based_uuid("atgardsplan/" + std::string(doc_id) + "/atgarder/" + std::to_string(index));
}

json ActionPlan::head_json() const {
    json own = {{"ursprung", plan_origin_key(origin)},
                {"bakgrund", background},
                {"diarienummer", case_number},
                {"agare", owner}};
    return with_extra(std::move(own), extra);
}

json ActionPlan::item_json(std::size_t i) const {
    return action_to_json(actions[i]);
}

void ActionPlan::for_each_item_action(std::size_t item, const ActionVisitor& visit) const {
    visit(actions[item].id, actions[item]);
}

BodyPtr ActionPlan::with_action(const std::string& item, const std::string& action,
                                FunctionRef<void(Action&)> change) const {
    if (item != action) return nullptr;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        if (actions[i].id != action) continue;
        auto next = std::make_shared<ActionPlan>(*this);
        change(next->actions.edit(i));
        return next;
    }
    return nullptr;
}

std::optional<ActionPlan> plan_from_body(const json& body, const std::string& path,
                                         std::vector<ValidationError>& errors, std::string_view doc_id) {
    if (!expect_object(body, path, errors)) return std::nullopt;
    const std::size_t errors_before = errors.size();
    Reader r(body, path, errors);
    ActionPlan p;
    read_enum(r, "ursprung", kOrigins, p.origin);
    read_string(r, "bakgrund", p.background);
    read_string(r, "diarienummer", p.case_number);
    read_string(r, "agare", p.owner);
    std::map<std::string, std::string, std::less<>> ids; // action id -> where it was first seen
    std::size_t index = 0;
    read_objects(r, "atgarder", [&](const json& item, const std::string& item_path) {
        const std::size_t at = index++;
        auto action = item.contains("id")
                          ? action_from_json(item, item_path, errors)
                          : action_from_json(free_body_action(item, legacy_plan_action_id(doc_id, at)),
                                             item_path, errors);
        if (!action) return;
        if (const auto [first, fresh] = ids.emplace(action->id, item_path); !fresh) {
            errors.push_back(
                {join_path(item_path, "id"), Msg::err_id_repeated, {action->id, first->second}, {}});
            return;
        }
        p.actions.push_back(std::move(*action));
    });
    p.extra = unknown_keys(body, kBodyKeys);
    if (errors.size() != errors_before) return std::nullopt;
    return p;
}

bool check_plan(const ActionPlan& p, const ActionPlan* before, const std::string& path,
                std::vector<ValidationError>& errors) {
    const std::size_t errors_before = errors.size();
    const std::pair<std::string_view, const std::string*> texts[] = {
        {"bakgrund", &p.background}, {"diarienummer", &p.case_number}, {"agare", &p.owner}};
    for (const auto& [key, value] : texts) check_text(*value, path, key, errors);
    const std::string list_path = join_path(path, "atgarder");
    EarlierItems<Action> earlier(before ? &before->actions : nullptr);
    bool new_ids = !before || before->actions.size() != p.actions.size();
    for (std::size_t i = 0; i < p.actions.size(); ++i) {
        if (before && i < before->actions.size() && p.actions.same_item(i, before->actions, i)) continue;
        const Action& a = p.actions[i];
        check_action(a, before ? earlier.find(a.id, i) : nullptr, index_path(list_path, i), errors);
        new_ids = new_ids || !(i < before->actions.size() && before->actions[i].id == a.id);
    }
    if (new_ids) {
        std::map<std::string_view, std::size_t> seen; // id -> index
        for (std::size_t i = 0; i < p.actions.size(); ++i)
            if (const auto [at, fresh] = seen.emplace(p.actions[i].id, i); !fresh)
                errors.push_back({join_path(index_path(list_path, i), "id"),
                                  Msg::err_id_repeated,
                                  {p.actions[i].id, index_path(list_path, at->second)},
                                  {}});
    }
    return errors.size() == errors_before;
}

PlanPtr plan_of(const Document& doc) {
    if (!doc.body || doc.body->kind() != DocKind::atgardsplan) return nullptr;
    return std::static_pointer_cast<const ActionPlan>(doc.body);
}

} // namespace kvh::core
