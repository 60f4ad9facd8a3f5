// What an egenkontrollplan reports for its year (see egenkontroll_plan_report.hpp).
#include "egenkontroll_plan_report.hpp"

#include "core/date_input.hpp"
#include "core/report/csv_writer.hpp"
#include "core/report/html_report.hpp"
#include "month_state_colour.hpp"

#include <map>

namespace kvh::core {

using report::escape, report::escape_lines;

namespace {

constexpr MonthState kShownStates[] = {MonthState::planned, MonthState::done,
                                       MonthState::done_with_deviations, MonthState::overdue};

std::string sample_text(const PlannedCheck& c, Lang lang) {
    return c.sample_size > 0 ? fmt(Msg::report_check_sample, lang, {std::to_string(c.sample_size)}) : "";
}

// Classes of this report only.
constexpr std::string_view kPlanYearCss = R"(.why, .method { color: #555; font-size: 9pt; }
.months { list-style: none; margin: 0; padding: 0; }
.legend span { margin-right: 12pt; white-space: nowrap; }
)";

} // namespace

PlanYearSummary plan_year_summary(const YearWheel& w) {
    PlanYearSummary s;
    s.checks = int(w.checks.size());
    for (const CheckYear& c : w.checks)
        for (MonthState m : c.months) {
            s.planned += m != MonthState::none;
            s.done += m == MonthState::done || m == MonthState::done_with_deviations;
            s.with_deviations += m == MonthState::done_with_deviations;
            s.overdue += m == MonthState::overdue;
        }
    return s;
}

std::string plan_year_summary_text(const PlanYearSummary& s, Lang lang) {
    return fmt(Msg::plan_year_summary, lang,
               {std::to_string(s.checks), std::to_string(s.planned), std::to_string(s.done),
                std::to_string(s.with_deviations), std::to_string(s.overdue)});
}

std::string check_results_text(const CheckYear& c, const std::vector<const Document*>& docs, Lang lang) {
    std::string out;
    for (const std::string& id : c.runs)
        for (const Document* d : docs) {
            if (!d || d->id != id) continue;
            const EgenkontrollRunPtr r = egenkontroll_run_of(*d);
            if (!r) break;
            const std::string& day = !r->period_to.empty() ? r->period_to : r->done_date;
            out += (out.empty() ? "" : "; ") + day + ": " + compliance_text(run_results(*r).overall, lang);
            break;
        }
    return out;
}

std::string plan_year_csv(const Document& plan, const YearWheel& wheel,
                          const std::vector<const Document*>& docs, Lang lang) {
    report::CsvWriter csv;
    for (Msg m : {Msg::report_col_action_nr, Msg::report_col_area, Msg::report_col_what,
                  Msg::report_col_purpose, Msg::report_col_method, Msg::report_col_sample,
                  Msg::report_col_frequency, Msg::report_col_responsible, Msg::report_col_reported_to,
                  Msg::report_col_target, Msg::report_col_questions})
        csv.text(tr(m, lang));
    for (int m = 1; m <= 12; ++m) csv.text(tr(month_name(m), lang));
    csv.text(tr(Msg::report_col_results, lang)).end_row();
    const EgenkontrollPlanPtr p = egenkontroll_plan_of(plan);
    if (!p) return std::move(csv).finish();
    for (std::size_t i = 0; i < p->checks.size() && i < wheel.checks.size(); ++i) {
        const PlannedCheck& c = p->checks[i];
        csv.number((long long)(i + 1))
            .text(c.area)
            .text(c.what)
            .text(c.purpose)
            .text(tr(check_method_name(c.method), lang))
            .number(c.sample_size > 0 ? std::optional<long long>(c.sample_size) : std::nullopt)
            .text(tr(frequency_name(c.frequency), lang))
            .text(c.responsible)
            .text(c.reported_to)
            .number(c.target)
            .number((long long)c.questions.size());
        for (MonthState s : wheel.checks[i].months)
            csv.text(s == MonthState::none ? "" : tr(month_state_name(s), lang));
        csv.text(check_results_text(wheel.checks[i], docs, lang)).end_row();
    }
    return std::move(csv).finish();
}

std::string plan_year_html(const Document& plan, const YearWheel& wheel,
                           const std::vector<const Document*>& docs, Lang lang, std::string_view today) {
    report::HtmlReport html(lang, plan.title, kPlanYearCss);
    const EgenkontrollPlanPtr p = egenkontroll_plan_of(plan);
    html.reserve(8192 + (p ? p->checks.size() : 0) * 1536);
    html.raw("<header>\n").paragraph(tr(kind_name(plan.kind), lang), "kind").heading(1, plan.title);
    html.key_values({{Msg::report_unit, plan.unit},
                     {Msg::report_year, plan.year > 0 ? std::to_string(plan.year) : ""},
                     {Msg::report_plan_decided_by, p ? p->decided_by : ""},
                     {Msg::report_decided_date, p ? p->decided_date : ""},
                     {Msg::report_printed, std::string(today)}});
    html.paragraph(plan_year_summary_text(plan_year_summary(wheel), lang), "summary");
    std::string legend = "<p class=\"legend\">";
    for (MonthState s : kShownStates)
        legend += "<span>" + report::swatch(month_state_css(s)) + " " +
                  escape(tr(month_state_name(s), lang)) + "</span>";
    html.raw(legend + "</p>\n</header>\n");

    html.section("checks").heading(2, tr(Msg::report_plan_checks, lang));
    if (!p || p->checks.empty()) {
        html.paragraph(tr(Msg::report_plan_no_checks, lang));
        return std::move(html.end_section()).finish();
    }
    html.table({Msg::report_col_action_nr, Msg::report_col_check, Msg::report_col_method,
                Msg::report_col_months, Msg::report_col_responsible, Msg::report_col_results});
    for (std::size_t i = 0; i < p->checks.size() && i < wheel.checks.size(); ++i) {
        const PlannedCheck& c = p->checks[i];
        std::string what = "<strong>" + escape(c.area) + "</strong>";
        if (!is_blank(c.what)) what += "<div>" + escape_lines(c.what) + "</div>";
        if (!is_blank(c.purpose))
            what += "<div class=\"why\">" + escape(tr(Msg::report_col_purpose, lang)) + ": " +
                    escape_lines(c.purpose) + "</div>";
        std::string method = escape(tr(check_method_name(c.method), lang));
        if (c.sample_size > 0) method += "<div class=\"method\">" + escape(sample_text(c, lang)) + "</div>";
        std::string months = "<ul class=\"months\">";
        for (int m = 1; m <= 12; ++m) {
            const MonthState s = wheel.checks[i].months[std::size_t(m - 1)];
            if (s == MonthState::none) continue;
            months += "<li>" + report::swatch(month_state_css(s)) + " " +
                      escape(fmt(Msg::report_check_month, lang,
                                 {tr(month_name(m), lang), tr(month_state_name(s), lang)})) +
                      "</li>";
        }
        months += "</ul>";
        std::string who = escape(c.responsible);
        if (!is_blank(c.reported_to))
            who += "<div class=\"method\">" +
                   escape(fmt(Msg::report_check_reported_to, lang, {c.reported_to})) + "</div>";
        html.row({{std::to_string(i + 1), true},
                  {what, false},
                  {method, false},
                  {months, false},
                  {who, false},
                  {escape(check_results_text(wheel.checks[i], docs, lang)), false}});
    }
    html.end_table().end_section();
    return std::move(html).finish();
}

} // namespace kvh::core
