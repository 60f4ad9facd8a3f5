// The kvalitetsberättelse (SOSFS 2011:9, allmänt råd till 7 kap. 1 §) drafted from an årlig genomgång
// and the year's documents: a cover, the sections in the order of domain.md §2 — each with its
// requirements and references, the nämnd's narrative, the tables the data gives and the verdict —
// warnings where an auditor would find data missing, and the nämnd's decision. As a model, so the
// HTML and the Word file say the same; and as printable HTML.
// Not here: the review (annual_review.hpp), the counts (annual_review_evidence.hpp).
#pragma once

#include "annual_review.hpp"
#include "annual_review_evidence.hpp"

#include <string>
#include <vector>

namespace kvh::core {

// What is missing, said inside the draft.
struct DraftWarning {
    Msg what; // with {0} filled from `subject`
    std::string subject;
};

struct RiskAnalysisRow {
    std::string doc, title, unit;
    int risks = 0;
    bool high_handled = false; // every red or katastrofal risk has an action or a documented reason
};
struct CheckRow {
    std::string plan, check, unit, area, what;
    int planned = 0, done = 0, overdue = 0; // planned months, done, overdue
    Compliance compliance;                  // the answers of its done runs of the year
};
struct ActionRow {
    ActionRef ref;
    std::string what, responsible, due, follow_up; // follow_up: "2026-05-04: what it found" or ""
    ActionStatus status = ActionStatus::foreslagen;
};

struct BerattelseSection {
    ReportSection section = ReportSection::inledning;
    std::vector<ReviewItem> requirements; // the review's items of this section, as assessed
    std::string narrative;
    // The section's verdict: the weakest verdict among its assessed requirements; ej_bedomt when none is.
    Assessment verdict = Assessment::ej_bedomt;
    std::vector<DraftWarning> warnings;
};

struct Kvalitetsberattelse {
    std::string title, kommun, unit, diarienummer, author; // unit: the nämnd, förvaltning or enhet
    ReviewScope scope = ReviewScope::namnd;                // names the unit and whose work it is
    int year = 0;
    std::vector<BerattelseSection> sections; // every section, in all_report_sections order
    std::vector<RiskAnalysisRow> risk_analyses;
    std::vector<CheckRow> checks;
    std::vector<ActionRow> actions;
    ReviewEvidence evidence;
    Assessment overall = Assessment::ej_bedomt;
    std::vector<std::string> focus_areas;
    std::string decided_by, decided_date, paragraph;
};

// The draft of the review document `doc` (an årlig genomgång) from the workspace's documents of its
// year and scope (every unit for a nämnd or förvaltning, its own unit for an enhet) on `today`.
Kvalitetsberattelse draft_berattelse(const Document& doc, const AnnualReview& review, const Workspace& ws,
                                     const FactsIndex& facts, std::string_view today);
// Self-contained printable HTML: cover, table of contents, one part per section with page numbers
// in the margin, the tables, the warnings and the decision block. Every text from a document escaped.
std::string berattelse_html(const Kvalitetsberattelse& b, Lang lang);
// The warning in words.
std::string warning_text(const DraftWarning& w, Lang lang);
// What the year's data says in `section`, as one sentence ("3 riskanalyser, varav 2 med …"); empty for a
// section the data says nothing of. The same words in the HTML, the Word file and on screen.
std::string figures_text(const ReviewEvidence& e, ReportSection section, Lang lang);

} // namespace kvh::core
