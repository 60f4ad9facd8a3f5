// The evidence beside the årlig genomgång's items, computed from the workspace for a year and a scope
// (one unit, or every unit for a nämnd or förvaltning): risk analyses made and how many have every
// high risk handled; egenkontroller planned, done and overdue with their compliance; actions total,
// done, followed up, without follow-up, followed up the same day and overdue. Every count keeps the
// ids behind it, so a view can link each number to its documents.
// Not here: the review itself (annual_review.hpp), showing the numbers.
#pragma once

#include "core/egenkontroll/egenkontroll_run.hpp"
#include "core/facts.hpp"
#include "requirement_template.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

// One planned month of a check of an egenkontrollplan: the plan document, the check, the month 1–12.
struct CheckMonth {
    std::string plan, check;
    int month = 0;
    bool operator==(const CheckMonth&) const = default;
};

struct ReviewEvidence {
    int year = 0;
    std::string unit; // "" = every unit
    // Riskanalys documents of the year; those where every red or katastrofal risk has an action or an
    // acknowledged reason.
    std::vector<std::string> risk_analyses, analyses_high_handled;
    // Egenkontroll: each planned month of each check of the year's plans, the ones done (for which a
    // done run counts) and the ones overdue on `today`; the done runs of the year (free-standing ones
    // too) and their answers together.
    std::vector<CheckMonth> checks_planned, checks_done, checks_overdue;
    std::vector<std::string> runs;
    Compliance compliance;
    // Actions of the year's documents, wherever they live.
    std::vector<ActionRef> actions, actions_done, actions_followed_up, actions_without_follow_up,
        actions_followed_up_same_day, actions_overdue;
};

// The parts of the evidence, each shown beside the requirements it supports.
enum class EvidenceGroup { risk_analyses, egenkontroller, actions };
// The parts that bear on a requirement of section `s`, in the order they are shown: the ones on
// responsibility, documentation and the yearly review itself take all three (the system is used as a
// whole); those on risks, egenkontroll, and deviations and results their own; the rest none the
// workspace can count (processes, cooperation, participation).
std::vector<EvidenceGroup> evidence_groups(ReportSection s);

// Whether a document belongs to the year and the scope (`unit` "" for every unit).
bool in_scope(const Document& d, int year, std::string_view unit);
// The evidence of `year` in `unit` from the facts index of `ws` on `today` (YYYY-MM-DD).
ReviewEvidence review_evidence(const Workspace& ws, const FactsIndex& facts, int year, std::string_view unit,
                               std::string_view today);

} // namespace kvh::core
