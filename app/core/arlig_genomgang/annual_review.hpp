// The årlig genomgång of the ledningssystem (SKR's vägledning; the basis of the kvalitetsberättelse,
// SOSFS 2011:9 7 kap.), one per year and scope: each requirement of the template as copied when the
// review was made, assessed with evidence, comment and actions; the per-section narratives of the
// berättelse and the nämnd's summary. The requirements are its items, so the store writes one per edit.
// Not here: the evidence computed from the workspace (annual_review_evidence.hpp), the berättelse.
#pragma once

#include "core/action.hpp"
#include "core/body.hpp"
#include "core/list_body.hpp"
#include "requirement_template.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kvh::core {

struct ValidationError;
struct Environment;
class Workspace;

// The verdict on one requirement, and the overall one.
enum class Assessment { ej_bedomt, uppfyller, uppfyller_delvis, uppfyller_inte, ej_tillampligt };
inline constexpr Assessment all_assessments[] = {Assessment::ej_bedomt, Assessment::uppfyller,
                                                 Assessment::uppfyller_delvis, Assessment::uppfyller_inte,
                                                 Assessment::ej_tillampligt};
std::string_view assessment_key(Assessment a);
std::optional<Assessment> assessment_from_key(std::string_view key);
Msg assessment_name(Assessment a);

// Whose system is reviewed; the document's unit names it ("Socialnämnden", "Hemtjänsten Norr").
enum class ReviewScope { namnd, forvaltning, enhet };
inline constexpr ReviewScope all_review_scopes[] = {ReviewScope::namnd, ReviewScope::forvaltning,
                                                    ReviewScope::enhet};
std::string_view review_scope_key(ReviewScope s);
Msg review_scope_name(ReviewScope s);
// Whose the review is in its labels, by its level: "Nämnd" on the cover and "Nämndens arbete" for a
// nämnd, "Enhet" and "Enhetens arbete" for an enhet (a private huvudman's unit has no nämnd). One
// table for the HTML, the Word file and the screens.
struct ScopeWords {
    Msg cover, responsibility, work, overall, summary;
};
const ScopeWords& scope_words(ReviewScope s);

struct ReviewItem {
    std::string id;          // UUID v4
    std::string requirement; // the template's id for it ("5-2"): last year's verdict is found by it
    // As copied from the template when the review was made: a later template with new paragraph
    // references (SoL 2025:400) does not rewrite a decided review.
    std::string reference;
    RequirementKind kind = RequirementKind::krav;
    ReportSection section = ReportSection::inledning;
    std::string text;
    Assessment assessment = Assessment::ej_bedomt;
    std::string evidence; // underlag: what shows it
    std::string comment;
    std::vector<Action> actions;
    nlohmann::json extra; // keys of an item this build does not know, kept
    bool operator==(const ReviewItem&) const = default;
};

// A focus area decided for next year, and the action made of it ("" until one is). The action is
// known by its id, not its words: either may be reworded afterwards without the link being lost.
struct FocusArea {
    std::string text;
    std::string action; // the id of an action of this review, or ""
    bool operator==(const FocusArea&) const = default;
};

struct AnnualReview final : ListBody<AnnualReview, ReviewItem> {
    ReviewScope scope = ReviewScope::namnd;
    std::string template_id, template_version; // the template the items were copied from
    std::string previous;                      // the id of last year's review it started from, or ""
    // For the berättelse's cover.
    std::string kommun, diarienummer, author;
    // The nämnd's summary.
    Assessment overall = Assessment::ej_bedomt;
    std::vector<FocusArea> focus_areas;              // decided for next year; each can become an action
    std::string decided_by, decided_date, paragraph; // nämnd or utskott, YYYY-MM-DD, "§ 42"
    std::map<ReportSection, std::string> narratives; // what was done, per section of the berättelse
    ItemList<ReviewItem> entries;
    nlohmann::json extra;
    bool operator==(const AnnualReview&) const = default;

    static constexpr std::string_view kItemsKey = "krav";
    const ItemList<ReviewItem>& items() const { return entries; }
    static std::uint64_t hash_item(const ReviewItem& item);
    DocKind kind() const override { return DocKind::arlig_genomgang; }
    nlohmann::json head_json() const override; // everything but "krav"
    nlohmann::json item_json(std::size_t i) const override;
    void for_each_item_action(std::size_t item, const ActionVisitor& visit) const override;
    BodyPtr with_action(const std::string& item, const std::string& action,
                        FunctionRef<void(Action&)> change) const override;
};
using AnnualReviewPtr = std::shared_ptr<const AnnualReview>;

// Builds the review from a body, naming each error under `path`; every field may be absent. Before
// the review had a model its body was any JSON object; the shape seen then — items without ids naming
// the requirement as "3:1", the verdict as "bedomning", the evidence as "underlag", planned actions as
// one text "atgarder" — is read as meant (legacy_item in annual_review.cpp): the text becomes an
// action of its own, so the register shows it and its missing responsible.
std::optional<AnnualReview> annual_review_from_body(const nlohmann::json& body, const std::string& path,
                                                    std::vector<ValidationError>& errors,
                                                    std::string_view doc_id = {});
// The checks of the reader on the typed review, for an edit; with `before` only changed items.
bool check_annual_review(const AnnualReview& r, const AnnualReview* before, const std::string& path,
                         std::vector<ValidationError>& errors);
// The review in a document's body; null when the document is of another kind.
AnnualReviewPtr annual_review_of(const Document& doc);

// A new review from the template: one item per requirement, not yet assessed.
AnnualReview review_from_template(const RequirementTemplate& t, const Environment& env);
// This year's review started from last year's (`last_id` its document): last year's items — with the
// ones the nämnd added or rephrased — under new ids, their reference, kind and section from `t` when
// it still has the requirement (this review is made now, with today's references); verdicts, evidence,
// comments and actions are left behind. A verdict is a judgement of this year's evidence: copied, it
// would be confirmed unread, which is the finding this review exists to prevent. Last year's verdict
// stays beside each item through compare_reviews. Narratives and the summary start empty too; the
// cover's kommun and author are kept.
AnnualReview review_from_last_year(const AnnualReview& last, std::string_view last_id,
                                   const RequirementTemplate& t, const Environment& env);

// Whether nothing in the review is the nämnd's own work yet: no verdict, evidence, comment or action on
// any item, no narrative, no summary or decision. Only such a review may begin again from last year's
// without anything written being lost.
bool is_untouched(const AnnualReview& r);

// The action focus area `i` was made into and the requirement it is under, while the review still
// holds it; both null otherwise, so a deleted action lets the focus area become one again.
struct FocusAreaAction {
    const ReviewItem* item = nullptr;
    const Action* action = nullptr;
};
FocusAreaAction focus_area_action(const AnnualReview& r, std::size_t i);

// Last year's review beside the review `doc`: the one it started from while that still exists, else
// the review of the year before with the same scope and unit; null when there is none.
const Document* last_years_review(const Workspace& ws, const Document& doc);

// One item of this year's review beside last year's verdict on the same requirement.
struct ItemComparison {
    std::size_t item = 0; // index in this year's review
    Assessment now = Assessment::ej_bedomt;
    const ReviewItem* last = nullptr; // last year's item for the same requirement, or null
    bool changed() const { return last && last->assessment != now; }
};
std::vector<ItemComparison> compare_reviews(const AnnualReview& now, const AnnualReview& last);

} // namespace kvh::core
