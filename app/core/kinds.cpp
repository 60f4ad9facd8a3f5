// The registry of document kinds (see kinds.hpp): one entry per kind.
#include "kinds.hpp"

#include "arlig_genomgang/annual_review.hpp"
#include "atgarder/action_plan.hpp"
#include "egenkontroll/egenkontroll_run.hpp"
#include "json_check.hpp"
#include "risk_analysis.hpp"

#include <array>

namespace kvh::core {

namespace {

// [SECTION] Kinds with a typed body: `read` builds it from JSON while validating, `check` validates
// an edit of it (against the version before, so only what changed is checked).
template <class T> BodyPtr typed_empty() {
    return std::make_shared<T>();
}
template <class T, auto read>
BodyPtr typed_from(const nlohmann::json& j, const std::string& path, std::string_view doc_id,
                   std::vector<ValidationError>& errors) {
    auto body = read(j, path, errors, doc_id);
    return body ? std::make_shared<T>(std::move(*body)) : nullptr;
}
template <class T, auto check>
bool typed_validate(const Body& next, const Body* before, const std::string& path,
                    std::vector<ValidationError>& errors) {
    const auto* typed = body_cast<T>(&next);
    if (!typed) {
        errors.push_back({path, Msg::err_wrong_type, {}, {Msg::json_type_object, Msg::json_type_null}});
        return false;
    }
    return check(*typed, body_cast<T>(before), path, errors);
}

constexpr std::array<KindSpec, 5> kKinds{{
    {DocKind::riskanalys, "riskanalys", Msg::kind_riskanalys, Msg::kinds_riskanalys, "risker",
     typed_empty<RiskAnalysis>, typed_from<RiskAnalysis, from_body>,
     typed_validate<RiskAnalysis, check_analysis>},
    {DocKind::egenkontrollplan, "egenkontrollplan", Msg::kind_egenkontrollplan, Msg::kinds_egenkontrollplan,
     "kontroller", typed_empty<EgenkontrollPlan>, typed_from<EgenkontrollPlan, egenkontroll_plan_from_body>,
     typed_validate<EgenkontrollPlan, check_egenkontroll_plan>},
    {DocKind::egenkontroll, "egenkontroll", Msg::kind_egenkontroll, Msg::kinds_egenkontroll, "urval",
     typed_empty<EgenkontrollRun>, typed_from<EgenkontrollRun, egenkontroll_run_from_body>,
     typed_validate<EgenkontrollRun, check_egenkontroll_run>},
    {DocKind::arlig_genomgang, "arlig_genomgang", Msg::kind_arlig_genomgang, Msg::kinds_arlig_genomgang,
     "krav", typed_empty<AnnualReview>, typed_from<AnnualReview, annual_review_from_body>,
     typed_validate<AnnualReview, check_annual_review>},
    {DocKind::atgardsplan, "atgardsplan", Msg::kind_atgardsplan, Msg::kinds_atgardsplan, "atgarder",
     typed_empty<ActionPlan>, typed_from<ActionPlan, plan_from_body>, typed_validate<ActionPlan, check_plan>},
}};
static_assert(kKinds.size() == std::size(all_doc_kinds));

} // namespace

const KindSpec& kind_spec(DocKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return k;
    return kKinds[0];
}

std::string_view kind_key(DocKind kind) {
    return kind_spec(kind).key;
}
Msg kind_name(DocKind kind) {
    return kind_spec(kind).name;
}
Msg kind_plural_name(DocKind kind) {
    return kind_spec(kind).plural;
}

std::optional<DocKind> kind_from_key(std::string_view key) {
    for (const auto& k : kKinds)
        if (k.key == key) return k.kind;
    return std::nullopt;
}

std::string known_kind_keys() {
    std::string out;
    for (const auto& k : kKinds) out += (out.empty() ? "" : ", ") + std::string(k.key);
    return out;
}

} // namespace kvh::core
