// What a utförd egenkontroll reports (see run_report.hpp).
#include "run_report.hpp"

#include "core/report/csv_writer.hpp"
#include "core/report/html_report.hpp"

#include <cmath>

namespace kvh::core {

using report::escape, report::escape_lines;

namespace {

constexpr Msg kCsvColumns[] = {
    Msg::report_run_col_nr,    Msg::report_run_col_question, Msg::report_run_col_yes,
    Msg::report_run_col_no,    Msg::report_run_col_na,       Msg::report_run_col_unanswered,
    Msg::report_run_col_share, Msg::report_run_col_percent,  Msg::report_run_col_low,
    Msg::report_run_col_high,  Msg::report_run_col_below};

std::optional<long long> whole_percent(std::optional<double> share) {
    if (!share) return std::nullopt;
    return (long long)std::floor(*share * 100 + 0.5);
}

bool below(const EgenkontrollRun& r, const Compliance& c) {
    const auto p = c.percent();
    return p && *p < r.target;
}

void csv_row(report::CsvWriter& csv, const EgenkontrollRun& r, std::optional<long long> nr,
             const std::string& text, const Compliance& c, Lang lang) {
    const auto interval = wilson_interval(c.yes, c.denominator());
    csv.number(nr)
        .text(text)
        .number(c.yes)
        .number(c.no)
        .number(c.not_applicable)
        .number(c.unanswered)
        .text(compliance_text(c, lang))
        .number(c.rounded_percent() ? std::optional<long long>(*c.rounded_percent()) : std::nullopt)
        .number(whole_percent(interval ? std::optional<double>(interval->low) : std::nullopt))
        .number(whole_percent(interval ? std::optional<double>(interval->high) : std::nullopt))
        .text(below(r, c) ? tr(Msg::report_run_below_yes, lang) : "")
        .end_row();
}

std::string period_text(const EgenkontrollRun& r) {
    if (r.period_from.empty() && r.period_to.empty()) return "";
    return r.period_from + " – " + r.period_to;
}

std::string draw_text(const EgenkontrollRun& r, Lang lang) {
    if (r.draw.seed.empty()) return "";
    return fmt(Msg::report_run_draw_value, lang,
               {std::to_string(r.samples.size()), std::to_string(r.draw.population), r.draw.seed,
                r.draw.fingerprint});
}

// The share and, beside it, what is not in its denominator.
std::string share_cell(const Compliance& c, Lang lang) {
    std::string out = escape(compliance_text(c, lang));
    if (const std::string u = uncertainty_text(c, lang); !u.empty())
        out += "<div class=\"why\">" + escape(u) + "</div>";
    return out;
}

constexpr std::string_view kRunCss = R"(.why, .kind { color: #555; font-size: 9pt; }
.below { font-weight: bold; }
)";

} // namespace

std::string run_summary_text(const EgenkontrollRun& r, const RunResults& results, Lang lang) {
    return fmt(Msg::ekrun_summary, lang,
               {std::to_string(r.samples.size()),
                count_text(Msg::ekrun_question_count, lang, (long long)r.questions.size()),
                std::to_string(results.deviations), std::to_string(results.complete_samples)});
}

std::string run_to_csv(const EgenkontrollRun& r, Lang lang) {
    const RunResults results = run_results(r);
    report::CsvWriter csv;
    for (Msg m : kCsvColumns) csv.text(tr(m, lang));
    csv.end_row();
    for (std::size_t i = 0; i < r.questions.size(); ++i)
        csv_row(csv, r, (long long)(i + 1), r.questions[i].text, results.per_question[i], lang);
    csv_row(csv, r, std::nullopt, tr(Msg::report_run_all_questions, lang), results.overall, lang);
    return std::move(csv).finish();
}

std::string run_report_html(const Document& doc, const EgenkontrollRun& r, const std::string& plan_title,
                            Lang lang) {
    const RunResults results = run_results(r);
    report::HtmlReport html(lang, doc.title, kRunCss);
    html.reserve(8192 + (r.questions.size() + r.actions.size()) * 1024);
    html.raw("<header>\n").paragraph(tr(kind_name(doc.kind), lang), "kind").heading(1, doc.title);
    html.key_values({{Msg::report_unit, doc.unit},
                     {Msg::report_year, doc.year > 0 ? std::to_string(doc.year) : ""},
                     {Msg::report_run_plan, plan_title},
                     {Msg::report_run_area, r.area},
                     {Msg::report_run_method, tr(check_method_name(r.method), lang)},
                     {Msg::report_run_period, period_text(r)},
                     {Msg::report_run_performed_by, r.performed_by},
                     {Msg::report_run_target, std::to_string(r.target) + " %"},
                     {Msg::report_run_sample, std::to_string(r.samples.size())},
                     {Msg::report_run_draw, draw_text(r, lang)},
                     {Msg::report_run_done, r.done_date},
                     {Msg::report_run_reported_to, r.reported_to},
                     {Msg::report_run_reported_date, r.reported_date}});
    html.paragraph(run_summary_text(r, results, lang), "summary");
    html.raw("</header>\n");

    html.section("results").heading(2, tr(Msg::report_run_results, lang));
    html.paragraph(tr(Msg::report_run_results_note, lang), "why");
    html.table({Msg::report_run_col_nr, Msg::report_run_col_question, Msg::report_run_col_share,
                Msg::report_run_col_na, Msg::report_run_col_unanswered, Msg::report_run_col_below});
    const auto row = [&](std::string nr, const std::string& question, const Compliance& c) {
        const bool short_of = below(r, c);
        html.row(
            {{std::move(nr), true},
             {escape_lines(question), false},
             {share_cell(c, lang), false},
             {std::to_string(c.not_applicable), true},
             {std::to_string(c.unanswered), true},
             {short_of ? "<span class=\"below\">" + escape(tr(Msg::report_run_below_yes, lang)) + "</span>"
                       : std::string(),
              false}});
    };
    for (std::size_t i = 0; i < r.questions.size(); ++i)
        row(std::to_string(i + 1), r.questions[i].text, results.per_question[i]);
    row("", tr(Msg::report_run_all_questions, lang), results.overall);
    html.end_table().end_section();

    for (const auto& [title, text] :
         {std::pair{Msg::report_run_findings, &r.findings}, std::pair{Msg::report_run_analysis, &r.analysis},
          std::pair{Msg::report_run_conclusion, &r.conclusion}})
        if (!is_blank(*text)) html.section().heading(2, tr(title, lang)).paragraph(*text).end_section();

    html.section("actions").heading(2, tr(Msg::report_plan_actions, lang));
    if (r.actions.empty()) {
        html.paragraph(tr(Msg::report_run_no_actions, lang));
        return std::move(html.end_section()).finish();
    }
    html.table({Msg::report_col_action_nr, Msg::report_col_action, Msg::report_col_responsible,
                Msg::report_col_due, Msg::report_col_status});
    for (std::size_t i = 0; i < r.actions.size(); ++i) {
        const Action& a = r.actions[i];
        std::string what = escape_lines(a.what);
        if (!is_blank(a.why))
            what += "<div class=\"why\">" + escape(tr(Msg::report_col_why, lang)) + ": " +
                    escape_lines(a.why) + "</div>";
        html.row({{std::to_string(i + 1), true},
                  {what, false},
                  {escape(a.responsible), false},
                  {escape(a.due), false},
                  {escape(tr(action_status_name(a.status), lang)), false}});
    }
    html.end_table().end_section();
    return std::move(html).finish();
}

} // namespace kvh::core
