// The Åtgärder register (see action_register.hpp): rows from the facts index, filter, sort, exports.
#include "action_register.hpp"

#include "action_calendar.hpp"
#include "core/date_input.hpp"
#include "core/report/csv_writer.hpp"
#include "core/report/html_report.hpp"
#include "core/report/icalendar.hpp"
#include "core/search.hpp"
#include "responsibles.hpp"

#include <algorithm>

namespace kvh::core {

namespace {

constexpr Msg kFlagNames[] = {Msg::register_flag_none, Msg::register_flag_open_finding,
                              Msg::register_flag_overdue, Msg::register_flag_due_soon};
static_assert(std::size(kFlagNames) == std::size(all_register_flags));

constexpr Msg kColumnNames[] = {Msg::register_col_source, Msg::report_col_action, Msg::report_col_responsible,
                                Msg::report_col_due,      Msg::report_col_status, Msg::report_col_follow_up,
                                Msg::report_col_effect,   Msg::report_col_flags};
static_assert(std::size(kColumnNames) == std::size(all_register_columns));

std::string_view trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// A name as compared: case folded, without the spaces around it.
std::string name_key(std::string_view s) {
    return fold_case(trimmed(s));
}

// The words of a search, folded.
std::vector<std::string> words_of(std::string_view search) {
    std::vector<std::string> out;
    const std::string folded = fold_case(search);
    std::size_t i = 0;
    while (i < folded.size()) {
        const std::size_t start = folded.find_first_not_of(" \t\r\n", i);
        if (start == std::string::npos) break;
        std::size_t end = folded.find_first_of(" \t\r\n", start);
        if (end == std::string::npos) end = folded.size();
        out.push_back(folded.substr(start, end - start));
        i = end;
    }
    return out;
}

template <class Which> bool has_open(const RegisterRow& row, Which which) {
    return std::any_of(row.fact->findings.begin(), row.fact->findings.end(),
                       [&](const RuleHit& h) { return h.open() && which(h.rule); });
}

// The parts of a filter that are not plain comparisons, prepared once per filtering.
struct Prepared {
    const RegisterFilter& f;
    std::string responsible, mine;
    std::vector<std::string> words;
    explicit Prepared(const RegisterFilter& filter)
        : f(filter), responsible(name_key(filter.responsible)), mine(name_key(filter.mine)),
          words(words_of(filter.search)) {}
};

bool matches(const RegisterRow& row, const Prepared& p) {
    const RegisterFilter& f = p.f;
    const Action& a = row.action();
    if (!f.statuses.empty() && !f.statuses.count(a.status)) return false;
    if (!p.responsible.empty() && name_key(a.responsible) != p.responsible) return false;
    if (!p.mine.empty() && fold_case(a.responsible).find(p.mine) == std::string::npos) return false;
    if (!f.unit.empty() && row.doc->unit != f.unit) return false;
    if (f.year && row.doc->year != f.year) return false;
    if (f.kind && row.doc->kind != *f.kind) return false;
    switch (f.flag) {
    case RegisterFlag::none:
        break;
    case RegisterFlag::open_finding:
        if (!row.open_findings) return false;
        break;
    case RegisterFlag::overdue:
        if (!row.overdue) return false;
        break;
    case RegisterFlag::due_soon:
        if (!row.due_soon) return false;
        break;
    }
    if (f.rule && !has_open(row, [&](Rule r) { return r == *f.rule; })) return false;
    if (f.severity && !has_open(row, [&](Rule r) { return rule_spec(r).severity == *f.severity; }))
        return false;
    for (const std::string& w : p.words)
        if (row.haystack.find(w) == std::string::npos) return false;
    return true;
}

template <class T> int compare_values(const T& a, const T& b) {
    return a < b ? -1 : b < a ? 1 : 0;
}

} // namespace

Msg register_column_name(RegisterColumn c) {
    return kColumnNames[static_cast<std::size_t>(c)];
}

Msg register_flag_name(RegisterFlag f) {
    return kFlagNames[static_cast<std::size_t>(f)];
}

std::string register_item_label(const RegisterRow& row, Lang lang) {
    const ActionRef& ref = row.fact->ref;
    // An item that is the action itself (an åtgärdsplan's), or an action the document holds directly.
    if (row.item == 0) return fmt(Msg::register_item_action, lang, {std::to_string(row.number)});
    if (ref.item == ref.action) return fmt(Msg::register_item_action, lang, {std::to_string(row.item)});
    return fmt(row.doc->kind == DocKind::riskanalys ? Msg::register_item_risk : Msg::register_item_point,
               lang, {std::to_string(row.item), std::to_string(row.number)});
}

bool register_matches(const RegisterRow& row, const RegisterFilter& filter) {
    return matches(row, Prepared(filter));
}

bool register_before(const RegisterRow& a, const RegisterRow& b, const RegisterSort& sort) {
    const Action &x = a.action(), &y = b.action();
    const int direction = sort.descending ? -1 : 1;
    // Blank texts and missing dates last in both directions: what is missing is not "first".
    const auto by_present = [&](const std::string& p, const std::string& q) {
        if (p.empty() != q.empty()) return p.empty() ? 1 : -1;
        return compare_values(p, q) * direction;
    };
    int c = 0;
    switch (sort.column) {
    case RegisterColumn::source:
        c = compare_values(a.title_key, b.title_key);
        if (!c) c = compare_values(a.doc_index, b.doc_index);
        if (!c) c = compare_values(a.item, b.item);
        if (!c) c = compare_values(a.number, b.number);
        c *= direction;
        break;
    case RegisterColumn::what:
        c = by_present(a.what_key, b.what_key);
        break;
    case RegisterColumn::responsible:
        c = by_present(a.responsible_key, b.responsible_key);
        break;
    case RegisterColumn::due:
        c = by_present(x.due, y.due);
        break;
    case RegisterColumn::follow_up:
        c = by_present(x.follow_up_date, y.follow_up_date);
        break;
    case RegisterColumn::status:
        c = compare_values(x.status, y.status) * direction;
        break;
    case RegisterColumn::verdict:
        c = compare_values(x.verdict, y.verdict) * direction;
        break;
    case RegisterColumn::flags:
        c = compare_values(a.open_findings, b.open_findings) * direction;
        break;
    }
    return c < 0;
}

bool ActionRegister::update(const FactsIndex& facts, const Workspace& ws, std::string_view today,
                            const RegisterFilter& filter, const RegisterSort& sort) {
    const bool rows_stale = facts.generation() != generation_ || today != today_;
    if (!rows_stale && filter_ == filter && sort == sort_) return false;
    if (rows_stale) {
        generation_ = facts.generation();
        today_ = std::string(today);
        rebuild_rows(facts, ws);
    }
    filter_ = filter;
    sort_ = sort;
    refilter();
    return true;
}

void ActionRegister::rebuild_rows(const FactsIndex& facts, const Workspace& ws) {
    rows_.clear();
    rows_.reserve(facts.actions().size());
    const std::optional<Ymd> day = ymd_of(today_);
    const std::string soon = day ? iso_of(add_days(*day, kDueSoonDays)) : std::string();
    std::set<std::string> units;
    std::set<int> years;
    int doc_index = 0;
    for (const Document* d : ws.documents()) {
        const DocFacts* f = facts.of(d->id);
        if (!f) continue;
        const Document* doc = f->doc.get();
        const auto add = [&](const ActionFact& fact, int item, int number) {
            RegisterRow row;
            row.fact = &fact;
            row.doc = doc;
            row.doc_index = doc_index;
            row.item = item;
            row.number = number;
            const Action& a = *fact.action;
            const bool open = !is_done(a.status) && a.status != ActionStatus::avbruten;
            row.overdue = open && !a.due.empty() && a.due < today_;
            row.due_soon = open && !a.due.empty() && a.due >= today_ && a.due <= soon;
            row.open_findings = int(std::count_if(fact.findings.begin(), fact.findings.end(),
                                                  [](const RuleHit& h) { return h.open(); }));
            row.haystack = fold_case(a.what + '\n' + a.why + '\n' + a.responsible + '\n' + a.follow_up_note +
                                     '\n' + doc->title + '\n' + doc->unit);
            row.what_key = sort_key(a.what);
            row.responsible_key = sort_key(a.responsible);
            row.title_key = sort_key(doc->title);
            rows_.push_back(std::move(row));
        };
        for (std::size_t j = 0; j < f->own_actions.size(); ++j) add(f->own_actions[j], 0, int(j + 1));
        for (std::size_t i = 0; i < f->items.size(); ++i)
            for (std::size_t j = 0; j < f->items[i]->actions.size(); ++j)
                add(f->items[i]->actions[j], int(i + 1), int(j + 1));
        if (!is_blank(doc->unit)) units.insert(doc->unit);
        years.insert(doc->year);
        ++doc_index;
    }
    // The same names the action editor offers (one spelling per person), in Swedish order to pick from.
    const auto by_key = [](const std::string& a, const std::string& b) { return sort_key(a) < sort_key(b); };
    responsibles_ = known_responsibles(facts.actions());
    std::sort(responsibles_.begin(), responsibles_.end(), by_key);
    units_.assign(units.begin(), units.end());
    std::sort(units_.begin(), units_.end(), by_key);
    years_.assign(years.rbegin(), years.rend()); // this year's work first
}

void ActionRegister::refilter() {
    shown_.clear();
    const Prepared p(*filter_);
    for (const RegisterRow& row : rows_)
        if (matches(row, p)) shown_.push_back(&row);
    std::stable_sort(shown_.begin(), shown_.end(), [&](const RegisterRow* a, const RegisterRow* b) {
        return register_before(*a, *b, sort_);
    });
}

int ActionRegister::count(const RegisterFilter& filter) const {
    const Prepared p(filter);
    return int(
        std::count_if(rows_.begin(), rows_.end(), [&](const RegisterRow& row) { return matches(row, p); }));
}

std::string describe_filter(const RegisterFilter& f, const RuleSettings& settings, Lang lang) {
    std::vector<std::string> parts;
    if (!f.statuses.empty()) {
        std::string names;
        for (ActionStatus s : all_action_statuses)
            if (f.statuses.count(s))
                names += (names.empty() ? "" : ", ") + std::string(tr(action_status_name(s), lang));
        parts.push_back(fmt(Msg::register_filter_status, lang, {names}));
    }
    if (!is_blank(f.mine)) parts.push_back(fmt(Msg::register_filter_mine, lang, {trimmed(f.mine)}));
    if (!is_blank(f.responsible))
        parts.push_back(fmt(Msg::register_filter_responsible, lang, {trimmed(f.responsible)}));
    if (!f.unit.empty()) parts.push_back(fmt(Msg::register_filter_unit, lang, {f.unit}));
    if (f.year) parts.push_back(fmt(Msg::register_filter_year, lang, {std::to_string(f.year)}));
    if (f.kind) parts.push_back(fmt(Msg::register_filter_kind, lang, {tr(kind_name(*f.kind), lang)}));
    if (f.flag != RegisterFlag::none) parts.push_back(tr(register_flag_name(f.flag), lang));
    if (f.rule) parts.push_back(fmt(Msg::register_filter_rule, lang, {rule_text(*f.rule, settings, lang)}));
    if (f.severity)
        parts.push_back(fmt(Msg::register_filter_severity, lang, {tr(severity_name(*f.severity), lang)}));
    if (!is_blank(f.search)) parts.push_back(fmt(Msg::register_filter_search, lang, {trimmed(f.search)}));
    if (parts.empty()) return tr(Msg::register_filter_all, lang);
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : " · ") + p;
    return out;
}

// [SECTION] Exports

std::string register_csv(const std::vector<const RegisterRow*>& rows, const RuleSettings& settings,
                         Lang lang) {
    report::CsvWriter csv;
    for (Msg m :
         {Msg::register_col_document, Msg::register_col_kind, Msg::report_unit, Msg::report_year,
          Msg::register_col_place, Msg::report_col_action, Msg::report_col_why, Msg::register_col_level,
          Msg::register_col_type, Msg::report_col_responsible, Msg::report_col_due, Msg::report_col_status,
          Msg::register_col_cancel_reason, Msg::register_col_done_date, Msg::register_col_follow_up_date,
          Msg::report_col_effect, Msg::register_col_follow_up_note, Msg::report_col_flags})
        csv.text(tr(m, lang));
    csv.end_row();
    for (const RegisterRow* row : rows) {
        const Action& a = row->action();
        csv.text(row->doc->title)
            .text(tr(kind_name(row->doc->kind), lang))
            .text(row->doc->unit)
            .number(row->doc->year)
            .text(register_item_label(*row, lang))
            .text(a.what)
            .text(a.why)
            .text(a.level == ActionLevel::ej_angiven ? "" : tr(action_level_name(a.level), lang))
            .text(a.type == ActionType::ej_angiven ? "" : tr(action_type_name(a.type), lang))
            .text(a.responsible)
            .text(a.due)
            .text(tr(action_status_name(a.status), lang))
            .text(a.cancel_reason)
            .text(a.done_date)
            .text(a.follow_up_date)
            .text(a.verdict == Verdict::ej_bedomd ? "" : tr(verdict_name(a.verdict), lang))
            .text(a.follow_up_note)
            .text(findings_text(row->fact->findings, settings, lang))
            .end_row();
    }
    return std::move(csv).finish();
}

std::string register_html(const std::vector<const RegisterRow*>& rows, const RegisterFilter& filter,
                          const RuleSettings& settings, std::string_view today, Lang lang) {
    using report::escape;
    report::HtmlReport html(lang, tr(Msg::register_title, lang));
    html.reserve(rows.size() * 400 + 4096);
    html.heading(1, tr(Msg::register_title, lang));
    html.key_values(
        {{Msg::register_selection, describe_filter(filter, settings, lang)},
         {Msg::register_count, fmt(Msg::register_count_value, lang, {std::to_string(rows.size())})},
         {Msg::register_printed, std::string(today)}});
    if (rows.empty()) return std::move(html.paragraph(tr(Msg::register_empty, lang))).finish();
    html.table({Msg::register_col_source, Msg::report_col_action, Msg::report_col_responsible,
                Msg::report_col_due, Msg::report_col_status, Msg::report_col_follow_up,
                Msg::report_col_effect, Msg::report_col_flags});
    for (const RegisterRow* row : rows) {
        const Action& a = row->action();
        html.row({{escape(row->doc->title) + "<br>" + escape(register_item_label(*row, lang))},
                  {report::escape_lines(a.what)},
                  {escape(a.responsible)},
                  {escape(a.due)},
                  {escape(tr(action_status_name(a.status), lang))},
                  {escape(a.follow_up_date)},
                  {a.verdict == Verdict::ej_bedomd ? "" : escape(tr(verdict_name(a.verdict), lang))},
                  {escape(findings_text(row->fact->findings, settings, lang))}});
    }
    return std::move(html.end_table()).finish();
}

std::string register_ics(const std::vector<const RegisterRow*>& rows, const Workspace& ws,
                         std::string_view dtstamp, Lang lang) {
    std::vector<const ActionFact*> facts;
    facts.reserve(rows.size());
    for (const RegisterRow* row : rows) facts.push_back(row->fact);
    return report::icalendar(action_calendar_entries(facts, ws, lang), dtstamp, report::CalendarStyle::event,
                             tr(Msg::register_ics_name, lang));
}

} // namespace kvh::core
