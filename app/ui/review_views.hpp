// What the screens of the årlig genomgång share (annual_review_view.cpp, review_item_editor.cpp,
// review_evidence_view.cpp, berattelse_view.cpp): the edit path with its refusals in words, the facts
// beside a review, and the pieces each draws for the others.
// Not here: the entry points the document editor calls (views.hpp).
#pragma once

#include "views.hpp"

#include "core/arlig_genomgang/annual_review.hpp"

#include <span>

namespace kvh::ui {

// Changes the review `doc_id` (one undo step, or with `typing` one per run of keystrokes under the
// same label). A refused change is said in words under the field named `where` (show_refused).
bool edit_review(App& app, const std::string& doc_id, core::UndoLabel label,
                 core::FunctionRef<void(core::AnnualReview&)> change, bool typing = false,
                 std::string where = {});
void show_refused(App& app, std::string_view where);

// The unit the evidence is counted in: the review's own for an enhet, "" (every unit) otherwise.
std::string evidence_unit(const core::Document& doc, const core::AnnualReview& r);
// The evidence, last year's review and the comparison, brought up to date when the workspace or the
// day moved and no field is being typed in.
const ReviewFacts& review_facts(App& app, const core::Document& doc, const core::AnnualReviewPtr& r);
// Last year's verdict on item `i`, or null.
const core::ReviewItem* last_years_item(const ReviewFacts& f, std::size_t i);

// The numbers of `groups` (review_evidence_view.cpp), each a button opening what it counts: the
// documents in a list, the actions in the Åtgärder register.
void draw_evidence(App& app, const core::Document& doc, const core::AnnualReview& r,
                   const core::ReviewEvidence& e, std::span<const core::EvidenceGroup> groups);

// One requirement (review_item_editor.cpp): its text and help, last year's verdict, the verdict,
// evidence and comment, the computed evidence and the actions.
void draw_review_item(App& app, const core::Document& doc, const core::AnnualReview& r, std::size_t i,
                      const ReviewFacts& f);

// The kvalitetsberättelse (berattelse_view.cpp): the cover, each section's narrative with its figures,
// verdict and warnings, and the printable and downloadable document.
void draw_berattelse(App& app, const core::Document& doc, const core::AnnualReview& r);

} // namespace kvh::ui
