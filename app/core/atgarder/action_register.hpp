// The Åtgärder register as a view model: one row per action of every document (from the facts index)
// with where it lives, filtered and sorted as asked, and the exports of exactly the rows shown — CSV
// for Swedish Excel, a printable list for the APT or the nämnd, a calendar file of their dates.
// Rebuilt only when the facts, the day, the filter or the sort change, never per frame.
// Not here: drawing it, changing an action (edit_action in facts.hpp).
#pragma once

#include "core/facts.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

enum class RegisterColumn { source, what, responsible, due, status, follow_up, verdict, flags };
inline constexpr RegisterColumn all_register_columns[] = {
    RegisterColumn::source, RegisterColumn::what,      RegisterColumn::responsible, RegisterColumn::due,
    RegisterColumn::status, RegisterColumn::follow_up, RegisterColumn::verdict,     RegisterColumn::flags};
Msg register_column_name(RegisterColumn c);

// A fact about an action to filter on besides its fields.
enum class RegisterFlag {
    none,
    open_finding, // at least one rule finding that is not acknowledged
    overdue,      // its due date has passed and the work is not done (acknowledged or not)
    due_soon,     // not done and due within kDueSoonDays from today (today included)
};
inline constexpr RegisterFlag all_register_flags[] = {RegisterFlag::none, RegisterFlag::open_finding,
                                                      RegisterFlag::overdue, RegisterFlag::due_soon};
Msg register_flag_name(RegisterFlag f);
inline constexpr int kDueSoonDays = 30;

// What the register shows. Every part left at its default lets every action through; the parts
// given must all hold.
struct RegisterFilter {
    std::set<ActionStatus> statuses; // empty: any status
    std::string responsible;     // the responsible exactly (case and surrounding spaces aside); "": anyone
    std::string unit;            // the document's unit exactly; "": any
    int year = 0;                // the document's year; 0: any
    std::optional<DocKind> kind; // the kind of document holding the action
    RegisterFlag flag = RegisterFlag::none;
    std::optional<Rule> rule;         // an open finding of this rule
    std::optional<Severity> severity; // an open finding of this severity
    std::string search; // every word of it (case aside) in the action's texts, responsible, document or unit
    std::string mine;   // Mina åtgärder: this name (case aside) within the responsible; "": everyone's
    bool operator==(const RegisterFilter&) const = default;
};

struct RegisterSort {
    RegisterColumn column = RegisterColumn::source;
    bool descending = false;
    bool operator==(const RegisterSort&) const = default;
};

struct RegisterRow {
    const ActionFact* fact = nullptr; // the action and its findings
    const Document* doc = nullptr;    // the version of the document the facts are of
    int doc_index = 0;                // the document's place in the workspace's order
    int item = 0;   // 1-based place of the item holding the action; 0: the document holds it
    int number = 0; // 1-based place among the item's (or the document's own) actions
    bool overdue = false, due_soon = false;
    int open_findings = 0;
    // Folded once when the row is made (fold_case), so a filter or sort never folds text again.
    std::string haystack, what_key, responsible_key, title_key;
    const Action& action() const { return *fact->action; }
};

// Where in its document the action is: "Risk 3, åtgärd 2", "Åtgärd 4" (an åtgärdsplan's).
std::string register_item_label(const RegisterRow& row, Lang lang);

class ActionRegister {
  public:
    // Brings the rows up to `facts` on `today` (YYYY-MM-DD) and the shown rows up to `filter` and
    // `sort`; does nothing when none of them changed since the last call. True when it did anything.
    bool update(const FactsIndex& facts, const Workspace& ws, std::string_view today,
                const RegisterFilter& filter, const RegisterSort& sort);
    const std::vector<RegisterRow>& rows() const { return rows_; }          // every action, document order
    const std::vector<const RegisterRow*>& shown() const { return shown_; } // filtered and sorted
    // The values the rows hold, each once, sorted: for the filter's choices and the "Mina åtgärder"
    // name picker. Responsibles as first written (another casing of a name is the same name).
    const std::vector<std::string>& responsibles() const { return responsibles_; }
    const std::vector<std::string>& units() const { return units_; }
    const std::vector<int>& years() const { return years_; }
    // How many rows pass `filter`, without changing what is shown (the overview's counts).
    int count(const RegisterFilter& filter) const;

  private:
    void rebuild_rows(const FactsIndex& facts, const Workspace& ws);
    void refilter();
    std::vector<RegisterRow> rows_;
    std::vector<const RegisterRow*> shown_;
    std::vector<std::string> responsibles_, units_;
    std::vector<int> years_;
    std::uint64_t generation_ = ~0ull;
    std::string today_;
    std::optional<RegisterFilter> filter_;
    RegisterSort sort_;
};

// Whether `row` passes `filter`.
bool register_matches(const RegisterRow& row, const RegisterFilter& filter);
// The sort as a strict weak order over rows; equal rows keep the order they had (stable_sort).
bool register_before(const RegisterRow& a, const RegisterRow& b, const RegisterSort& sort);

// The filter in words, for the printout's heading ("Status: Pågår, Beslutad · Enhet: Tallen"), or
// "Alla åtgärder" when it lets everything through.
std::string describe_filter(const RegisterFilter& f, const RuleSettings& settings, Lang lang);

// [SECTION] Exports of exactly the rows given
// CSV for Swedish Excel (report/csv_writer.hpp): one line per action, headings in `lang`.
std::string register_csv(const std::vector<const RegisterRow*>& rows, const RuleSettings& settings,
                         Lang lang);
// A printable list (report/html_report.hpp) headed by the filter in words and the day it was made.
std::string register_html(const std::vector<const RegisterRow*>& rows, const RegisterFilter& filter,
                          const RuleSettings& settings, std::string_view today, Lang lang);
// An iCalendar file of the rows' due and follow-up dates (atgarder/action_calendar.hpp) as all-day
// events; `dtstamp` is now, ISO 8601 UTC.
std::string register_ics(const std::vector<const RegisterRow*>& rows, const Workspace& ws,
                         std::string_view dtstamp, Lang lang);

} // namespace kvh::core
