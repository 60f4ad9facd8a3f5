// What an åtgärdsplan reports (see action_plan_report.hpp).
#include "action_plan_report.hpp"

#include "core/report/csv_writer.hpp"
#include "core/report/html_report.hpp"

namespace kvh::core {

using report::escape, report::escape_lines;

namespace {

constexpr Msg kCsvColumns[] = {Msg::report_col_action_nr,
                               Msg::report_col_action,
                               Msg::report_col_why,
                               Msg::report_col_level,
                               Msg::report_col_type,
                               Msg::report_col_responsible,
                               Msg::report_col_due,
                               Msg::report_col_status,
                               Msg::report_col_cancel_reason,
                               Msg::report_col_done_date,
                               Msg::report_col_follow_up_date,
                               Msg::report_col_effect,
                               Msg::report_col_follow_up_note,
                               Msg::report_col_flags};

// The status, with the day it was done or the reason it was stopped when there is one.
std::string status_text(const Action& a, Lang lang) {
    std::string out = tr(action_status_name(a.status), lang);
    if (a.status == ActionStatus::avbruten && !is_blank(a.cancel_reason))
        out += ": " + a.cancel_reason;
    else if (is_done(a.status) && !a.done_date.empty())
        out += " " + a.done_date;
    return out;
}

// Classes of this report only; the shared print CSS keeps each row whole on paper.
constexpr std::string_view kPlanCss = R"(.why, .kind { color: #555; font-size: 9pt; }
)";

} // namespace

PlanSummary plan_summary(const ActionPlan& p, std::string_view today, const RuleSettings& settings) {
    PlanSummary s;
    for (std::size_t i = 0; i < p.actions.size(); ++i) {
        const Action& a = p.actions[i];
        ++s.actions;
        s.done += is_done(a.status);
        s.followed_up += a.status == ActionStatus::uppfoljd;
        for (const RuleHit& h : action_rules(a, today, settings)) s.open_findings += h.open();
    }
    return s;
}

std::string plan_summary_text(const PlanSummary& s, Lang lang) {
    return fmt(Msg::plan_summary, lang,
               {std::to_string(s.actions), std::to_string(s.done), std::to_string(s.followed_up),
                std::to_string(s.open_findings)});
}

std::string plan_to_csv(const ActionPlan& p, Lang lang, std::string_view today,
                        const RuleSettings& settings) {
    report::CsvWriter csv;
    for (Msg m : kCsvColumns) csv.text(tr(m, lang));
    csv.end_row();
    for (std::size_t i = 0; i < p.actions.size(); ++i) {
        const Action& a = p.actions[i];
        csv.number((long long)(i + 1))
            .text(a.what)
            .text(a.why)
            .text(tr(action_level_name(a.level), lang))
            .text(tr(action_type_name(a.type), lang))
            .text(a.responsible)
            .text(a.due)
            .text(tr(action_status_name(a.status), lang))
            .text(a.cancel_reason)
            .text(a.done_date)
            .text(a.follow_up_date)
            .text(tr(verdict_name(a.verdict), lang))
            .text(a.follow_up_note)
            .text(findings_text(action_rules(a, today, settings), settings, lang))
            .end_row();
    }
    return std::move(csv).finish();
}

std::string plan_report_html(const Document& doc, const ActionPlan& p, Lang lang, std::string_view today,
                             const RuleSettings& settings) {
    report::HtmlReport html(lang, doc.title, kPlanCss);
    html.reserve(8192 + p.actions.size() * 1024);
    html.raw("<header>\n").paragraph(tr(kind_name(doc.kind), lang), "kind").heading(1, doc.title);
    html.key_values({{Msg::report_unit, doc.unit},
                     {Msg::report_year, doc.year > 0 ? std::to_string(doc.year) : ""},
                     {Msg::report_plan_origin,
                      p.origin == PlanOrigin::ej_angiven ? "" : tr(plan_origin_name(p.origin), lang)},
                     {Msg::report_plan_case_number, p.case_number},
                     {Msg::report_plan_owner, p.owner}});
    html.paragraph(plan_summary_text(plan_summary(p, today, settings), lang), "summary");
    html.raw("</header>\n");
    if (!is_blank(p.background))
        html.section()
            .heading(2, tr(Msg::report_plan_background, lang))
            .paragraph(p.background)
            .end_section();

    html.section("actions").heading(2, tr(Msg::report_plan_actions, lang));
    if (p.actions.empty()) {
        html.paragraph(tr(Msg::report_plan_no_actions, lang));
        return std::move(html.end_section()).finish();
    }
    html.table({Msg::report_col_action_nr, Msg::report_col_action, Msg::report_col_responsible,
                Msg::report_col_due, Msg::report_col_status, Msg::report_col_follow_up,
                Msg::report_col_effect, Msg::report_col_flags});
    for (std::size_t i = 0; i < p.actions.size(); ++i) {
        const Action& a = p.actions[i];
        std::string what = escape_lines(a.what);
        if (!is_blank(a.why))
            what += "<div class=\"why\">" + escape(tr(Msg::report_col_why, lang)) + ": " +
                    escape_lines(a.why) + "</div>";
        std::string kinds;
        for (const Msg m : {a.level == ActionLevel::ej_angiven ? Msg::count_ : action_level_name(a.level),
                            a.type == ActionType::ej_angiven ? Msg::count_ : action_type_name(a.type)})
            if (m != Msg::count_) kinds += (kinds.empty() ? "" : " · ") + std::string(tr(m, lang));
        if (!kinds.empty()) what += "<div class=\"kind\">" + escape(kinds) + "</div>";
        html.row({{std::to_string(i + 1), true},
                  {what, false},
                  {escape(a.responsible), false},
                  {escape(a.due), false},
                  {escape_lines(status_text(a, lang)), false},
                  {escape_lines(follow_up_text(a)), false},
                  {escape(a.verdict == Verdict::ej_bedomd ? "" : tr(verdict_name(a.verdict), lang)), false},
                  {"<span class=\"flags\">" +
                       escape(findings_text(action_rules(a, today, settings), settings, lang)) + "</span>",
                   false}});
    }
    html.end_table().end_section();
    return std::move(html).finish();
}

} // namespace kvh::core
