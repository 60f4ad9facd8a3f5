// The egenkontrollplan (SOSFS 2011:9 5 kap. 2 §), one per unit and year: the planned checks — what
// is checked and why, how, how many, in which months, by whom and to whom it is reported — with their
// questions and actions. The checks are its items, so the store writes one check per edit.
// Not here: the runs of a check (egenkontroll_run.hpp), the year as a wheel (year_wheel.hpp).
#pragma once

#include "core/action.hpp"
#include "core/body.hpp"
#include "core/list_body.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kvh::core {

struct ValidationError;
struct Environment;
class Workspace;
class Reader;

// How a check is made: the kinds of egenkontroll the allmänna råd to 5:2 list.
enum class CheckMethod {
    aktgranskning, // akt- eller journalgranskning, usually by random sample
    enkat,
    observation,
    intervju,
    oppna_jamforelser, // comparisons: Öppna jämförelser, KKiK, brukarundersökning, kvalitetsregister
    kkik,
    brukarundersokning,
    kvalitetsregister,
    annat
};
inline constexpr CheckMethod all_check_methods[] = {CheckMethod::aktgranskning,
                                                    CheckMethod::enkat,
                                                    CheckMethod::observation,
                                                    CheckMethod::intervju,
                                                    CheckMethod::oppna_jamforelser,
                                                    CheckMethod::kkik,
                                                    CheckMethod::brukarundersokning,
                                                    CheckMethod::kvalitetsregister,
                                                    CheckMethod::annat};
std::string_view check_method_key(CheckMethod m);
std::optional<CheckMethod> check_method_from_key(std::string_view key);
Msg check_method_name(CheckMethod m);
// Reads an optional method key at `key` (a run repeats its check's method).
void read_check_method(Reader& r, std::string_view key, CheckMethod& out);
// Whether the method compares results with others' or earlier ones (no sample of records).
bool is_comparison(CheckMethod m);

// How often: a frequency expands to months (months_of); egna_manader keeps the months as chosen.
enum class Frequency { egna_manader, manad, kvartal, tertial, halvar, ar };
inline constexpr Frequency all_frequencies[] = {Frequency::egna_manader, Frequency::manad,
                                                Frequency::kvartal,      Frequency::tertial,
                                                Frequency::halvar,       Frequency::ar};
std::string_view frequency_key(Frequency f);
std::optional<Frequency> frequency_from_key(std::string_view key);
Msg frequency_name(Frequency f);

// Months of a year as 12 bits: bit m-1 is month m (1 = januari).
using MonthSet = std::uint16_t;
inline constexpr MonthSet kAllMonths = 0x0fff;
constexpr MonthSet month_bit(int month) {
    return month >= 1 && month <= 12 ? MonthSet(1u << (month - 1)) : MonthSet(0);
}
constexpr bool has_month(MonthSet s, int month) {
    return (s & month_bit(month)) != 0;
}
std::vector<int> month_list(MonthSet s); // ascending
// The months of a frequency: one per period (månad 1, kvartal 3, tertial 4, halvår 6, år 12 months),
// at `month_in_period` (1 … the period's length; clamped) of each — by default its last month, when
// the period's results are in. egna_manader gives none.
MonthSet months_of(Frequency f, int month_in_period = 0);

struct CheckQuestion {
    std::string id;   // UUID: a run's answers name the question by it
    std::string text; // "Finns en aktuell genomförandeplan?"
    bool operator==(const CheckQuestion&) const = default;
};
// The questions of a planned check or a run ("fragor" under `path`): each id a UUID, each text UTF-8.
void check_questions(const std::vector<CheckQuestion>& questions, const std::string& path,
                     std::vector<ValidationError>& errors);

inline constexpr int kMaxSampleSize = 100'000;

struct PlannedCheck {
    std::string id;      // UUID v4, stable: runs and the årshjul follow it
    std::string area;    // område ("Social dokumentation")
    std::string what;    // what is checked
    std::string purpose; // why: the routine, process or law it verifies ("5 kap. 2 § SOSFS 2011:9")
    CheckMethod method = CheckMethod::aktgranskning;
    int sample_size = 0; // 0 = not given
    Frequency frequency = Frequency::egna_manader;
    MonthSet months = 0;     // the months it is planned for (planned_months adds a frequency's)
    std::string responsible; // ansvarig
    std::string reported_to; // to whom results are reported
    int target = 100;        // måluppfyllelse in percent; a question below it proposes an action
    std::vector<CheckQuestion> questions;
    std::vector<Action> actions;
    Acknowledgements acknowledged; // rule findings on the check accepted with a reason (rules.hpp)
    std::string previous;          // the id of the check in last year's plan it was copied from, or ""
    nlohmann::json extra;          // keys of a check this build does not know, kept
    bool operator==(const PlannedCheck&) const = default;
};
// The months a check is planned for: its months, or when none are chosen those of its frequency.
MonthSet planned_months(const PlannedCheck& c);

struct EgenkontrollPlan final : ListBody<EgenkontrollPlan, PlannedCheck> {
    std::string decided_by;   // who adopted the plan (fastställd av)
    std::string decided_date; // YYYY-MM-DD or ""
    ItemList<PlannedCheck> checks;
    nlohmann::json extra; // keys of the body this build does not know, kept
    bool operator==(const EgenkontrollPlan&) const = default;

    static constexpr std::string_view kItemsKey = "kontroller";
    const ItemList<PlannedCheck>& items() const { return checks; }
    static std::uint64_t hash_item(const PlannedCheck& item);
    DocKind kind() const override { return DocKind::egenkontrollplan; }
    nlohmann::json head_json() const override; // everything but "kontroller"
    nlohmann::json item_json(std::size_t i) const override;
    void for_each_item_action(std::size_t item, const ActionVisitor& visit) const override;
    BodyPtr with_action(const std::string& item, const std::string& action,
                        FunctionRef<void(Action&)> change) const override;
};
using EgenkontrollPlanPtr = std::shared_ptr<const EgenkontrollPlan>;

// Builds the plan from a body, naming each error under `path`; every field may be absent. Ids of
// checks, questions and actions are unique within the plan. Before the plan had a model its body was
// any JSON object; the one shape seen then — checks without ids, one question as "fraga", the routine
// as "rutin", "urval" possibly null — is read as meant (legacy_check in egenkontroll_plan.cpp).
std::optional<EgenkontrollPlan> egenkontroll_plan_from_body(const nlohmann::json& body,
                                                            const std::string& path,
                                                            std::vector<ValidationError>& errors,
                                                            std::string_view doc_id = {});
// The id that check number `index` (from 0) of such an older plan gets, and its question: derived
// from the document's id, so every device and every reading agrees.
std::string legacy_check_id(std::string_view doc_id, std::size_t index);
std::string legacy_question_id(std::string_view doc_id, std::size_t index);
// The checks of the reader on the typed plan, for an edit before it is committed; with `before`
// only the checks that changed are checked.
bool check_egenkontroll_plan(const EgenkontrollPlan& p, const EgenkontrollPlan* before,
                             const std::string& path, std::vector<ValidationError>& errors);
// The plan in a document's body; null when the document is of another kind.
EgenkontrollPlanPtr egenkontroll_plan_of(const Document& doc);
// The check with this id, or null.
const PlannedCheck* find_check(const EgenkontrollPlan& p, std::string_view id);

// Next year's plan from this one: the same checks under new ids, each naming the one it was copied
// from (`previous`, so results can be followed across years), its questions under the same ids (a
// question is the same question from year to year); without actions, acknowledgements or adoption
// (those belong to the year they were made in). Runs are documents of their own and stay with the old
// plan.
EgenkontrollPlan plan_for_next_year(const EgenkontrollPlan& p, const Environment& env);
// Copies the plan document `id` into `year` as a new document (title with the year replaced when it
// names it, status utkast, body from plan_for_next_year) in one undo step; its id, or "" when `id`
// is no plan or the workspace refused.
std::string copy_plan_to_year(Workspace& ws, std::string_view id, int year);

} // namespace kvh::core
