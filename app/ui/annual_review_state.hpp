// What the årlig genomgång's screens (annual_review_view.cpp, review_item_editor.cpp,
// review_evidence_view.cpp, berattelse_view.cpp) keep between frames: the open requirement, tab and
// berättelse, a refused change in words, and what is derived from the workspace — the evidence, last
// year's review and the berättelse's draft — computed again only when the workspace or the day has
// moved and nobody is typing, never per frame or per keystroke.
#pragma once

#include "core/arlig_genomgang/kvalitetsberattelse.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kvh::ui {

// What a number of the evidence opens: a document, or an egenkontrollplan at one of its checks.
struct EvidenceLink {
    std::string label, doc, check;
};

// The facts beside one review: its evidence, last year's review and the comparison with it, and how
// many of its requirements have each verdict.
struct ReviewFacts {
    std::uint64_t generation = ~0ull;
    std::string today, doc;
    core::ReviewEvidence evidence;
    core::DocumentPtr last;       // last year's review, held while the comparison points into it
    core::AnnualReviewPtr review; // the version the comparison and the counts are of
    std::vector<core::ItemComparison> compared;
    int counts[std::size(core::all_assessments)] = {}; // by Assessment
};

struct AnnualReviewState {
    std::string doc;                 // the review these settings belong to
    std::string item;                // id of the requirement open in the editor, or ""
    bool summary_tab = false;        // Sammanfattning och beslut rather than the requirements
    bool berattelse = false;         // the kvalitetsberättelse takes the screen
    std::optional<bool> particulars; // level, template and last year shown; set when first drawn
    std::string shown; // what took the whole screen last frame ("berattelse", an item's id, or "")
    // The last change refused, shown under its field (`where`) until the workspace moves.
    struct Refused {
        std::string where, text;
        std::uint64_t generation = 0;
    } refused;
    std::string new_focus_area; // typed, not yet added
    // What the number last pressed stands for, listed in its popup.
    std::string links_title;
    std::vector<EvidenceLink> links;
    ReviewFacts facts;
    struct Draft {
        std::uint64_t generation = ~0ull;
        std::string today, doc;
        core::Kvalitetsberattelse draft;
        int warnings = 0;
    } draft;

    // Shows review `id` afresh (at requirement `item` when given).
    void open(std::string id, std::string item_id = {}) {
        *this = {};
        doc = std::move(id);
        item = std::move(item_id);
    }
};

} // namespace kvh::ui
