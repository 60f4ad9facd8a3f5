// The kvalitetsberättelse (see kvalitetsberattelse.hpp): gathering the draft from the review and the
// evidence, and writing it as printable HTML.
#include "kvalitetsberattelse.hpp"

#include "core/report/html_report.hpp"
#include "core/risk_analysis.hpp"

#include <algorithm>
#include <map>

namespace kvh::core {

namespace {

// Weakest first: the verdict a section gets from its requirements.
int weakness(Assessment a) {
    switch (a) {
    case Assessment::uppfyller_inte:
        return 3;
    case Assessment::uppfyller_delvis:
        return 2;
    case Assessment::uppfyller:
        return 1;
    default:
        return 0; // ej bedömt and ej tillämpligt say nothing of how well it is met
    }
}

std::string month_names(const std::vector<int>& months) {
    static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "maj", "jun",
                                              "jul", "aug", "sep", "okt", "nov", "dec"};
    std::string out;
    for (int m : months) out += (out.empty() ? "" : ", ") + std::string(kMonths[m - 1]);
    return out;
}

std::vector<CheckRow> check_rows(const ReviewEvidence& e, const Workspace& ws, int year) {
    std::vector<CheckRow> rows;
    std::map<std::pair<std::string, std::string>, std::size_t> at;
    auto row = [&](const CheckMonth& m) -> CheckRow& {
        const auto [it, fresh] = at.emplace(std::pair{m.plan, m.check}, rows.size());
        if (fresh) {
            CheckRow r{m.plan, m.check, {}, {}, {}, 0, 0, 0, {}};
            if (const Document* d = ws.find(m.plan)) {
                r.unit = d->unit;
                if (const EgenkontrollPlanPtr p = egenkontroll_plan_of(*d))
                    if (const PlannedCheck* c = find_check(*p, m.check)) {
                        r.area = c->area;
                        r.what = c->what;
                    }
            }
            rows.push_back(std::move(r));
        }
        return rows[it->second];
    };
    for (const CheckMonth& m : e.checks_planned) ++row(m).planned;
    for (const CheckMonth& m : e.checks_done) ++row(m).done;
    for (const CheckMonth& m : e.checks_overdue) ++row(m).overdue;
    for (const std::string& id : e.runs) {
        const Document* d = ws.find(id);
        const EgenkontrollRunPtr run = d ? egenkontroll_run_of(*d) : nullptr;
        if (!run || d->year != year) continue;
        const auto it = at.find({run->plan, run->check});
        if (it == at.end()) continue;
        const Compliance c = run_results(*run).overall;
        Compliance& sum = rows[it->second].compliance;
        sum.yes += c.yes;
        sum.no += c.no;
        sum.not_applicable += c.not_applicable;
        sum.unanswered += c.unanswered;
    }
    return rows;
}

const Action* find_action(const Workspace& ws, const ActionRef& ref) {
    const Document* d = ws.find(ref.doc);
    if (!d || !d->body) return nullptr;
    const Action* found = nullptr;
    d->body->for_each_own_action([&](const std::string& item, const Action& a) {
        if (item == ref.item && a.id == ref.action) found = &a;
    });
    for (std::size_t i = 0; !found && i < d->body->item_count(); ++i)
        d->body->for_each_item_action(i, [&](const std::string& item, const Action& a) {
            if (item == ref.item && a.id == ref.action) found = &a;
        });
    return found;
}

constexpr std::string_view kBerattelseCss = R"(
@page { @bottom-right { content: "PAGE " counter(page); font-size: 9pt; color: #555; } }
.cover { break-after: page; padding-top: 40mm; }
.cover h1 { font-size: 26pt; }
nav { break-after: page; }
nav ol { padding-left: 2em; } /* room for "10." */ nav a { color: #111; text-decoration: none; }
section.part + section.part { break-before: page; }
.verdict { font-weight: bold; border: 1px solid #555; padding: 3pt 6pt; display: inline-block; }
.warnings { border-left: 4px solid #9b1c12; padding: 2pt 8pt; margin: 6pt 0; break-inside: avoid; }
.warnings h3 { color: #9b1c12; margin-top: 2pt; }
.decision { break-inside: avoid; border: 1px solid #555; padding: 6pt 10pt; margin-top: 12pt; }
)";

} // namespace

std::string figures_text(const ReviewEvidence& e, ReportSection section, Lang lang) {
    const auto n = [](std::size_t v) { return std::to_string(v); };
    switch (section) {
    case ReportSection::riskanalys:
        return count_text(Msg::berattelse_risk_summary, lang, (long long)e.risk_analyses.size(),
                          {n(e.analyses_high_handled.size())});
    case ReportSection::egenkontroll:
        return count_text(Msg::berattelse_check_summary, lang, (long long)e.checks_planned.size(),
                          {n(e.checks_done.size()), n(e.checks_overdue.size())});
    case ReportSection::resultat:
        return count_text(Msg::berattelse_action_summary, lang, (long long)e.actions.size(),
                          {n(e.actions_done.size()), n(e.actions_followed_up.size()),
                           n(e.actions_without_follow_up.size()), n(e.actions_followed_up_same_day.size()),
                           n(e.actions_overdue.size())});
    default:
        return {};
    }
}

std::string warning_text(const DraftWarning& w, Lang lang) {
    return fmt(w.what, lang, {w.subject});
}

Kvalitetsberattelse draft_berattelse(const Document& doc, const AnnualReview& review, const Workspace& ws,
                                     const FactsIndex& facts, std::string_view today) {
    Kvalitetsberattelse b;
    b.title = doc.title;
    b.kommun = review.kommun;
    b.unit = doc.unit;
    b.scope = review.scope;
    b.year = doc.year;
    b.diarienummer = review.diarienummer;
    b.author = review.author;
    b.overall = review.overall;
    for (const FocusArea& f : review.focus_areas) b.focus_areas.push_back(f.text);
    b.decided_by = review.decided_by;
    b.decided_date = review.decided_date;
    b.paragraph = review.paragraph;
    const std::string scope_unit = review.scope == ReviewScope::enhet ? doc.unit : std::string();
    b.evidence = review_evidence(ws, facts, doc.year, scope_unit, today);
    const ReviewEvidence& e = b.evidence;

    for (const std::string& id : e.risk_analyses) {
        const Document* d = ws.find(id);
        const AnalysisPtr a = d ? analysis_of(*d) : nullptr;
        b.risk_analyses.push_back({id, d ? d->title : "", d ? d->unit : "", a ? int(a->risks.size()) : 0,
                                   std::find(e.analyses_high_handled.begin(), e.analyses_high_handled.end(),
                                             id) != e.analyses_high_handled.end()});
    }
    b.checks = check_rows(e, ws, doc.year);
    for (const ActionRef& ref : e.actions)
        if (const Action* a = find_action(ws, ref))
            b.actions.push_back({ref, a->what, a->responsible, a->due, follow_up_text(*a), a->status});

    for (ReportSection s : all_report_sections) {
        BerattelseSection part;
        part.section = s;
        if (const auto it = review.narratives.find(s); it != review.narratives.end())
            part.narrative = it->second;
        for (const ReviewItem& k : review.items())
            if (k.section == s) {
                part.requirements.push_back(k);
                if (weakness(k.assessment) > weakness(part.verdict)) part.verdict = k.assessment;
                if (k.assessment == Assessment::ej_bedomt)
                    part.warnings.push_back({Msg::warn_not_assessed, k.reference});
            }
        if (is_blank(part.narrative))
            part.warnings.insert(part.warnings.begin(), {Msg::warn_no_narrative, ""});
        if (s == ReportSection::egenkontroll)
            for (const CheckRow& r : b.checks) {
                std::vector<int> months;
                for (const CheckMonth& m : e.checks_overdue)
                    if (m.plan == r.plan && m.check == r.check) months.push_back(m.month);
                if (!months.empty())
                    part.warnings.push_back(
                        {Msg::warn_check_no_outcome,
                         (r.area.empty() ? r.what : r.area) + " (" + month_names(months) + ")"});
            }
        if (s == ReportSection::resultat) {
            if (!e.actions_without_follow_up.empty())
                part.warnings.push_back(
                    {Msg::warn_actions_no_follow_up, std::to_string(e.actions_without_follow_up.size())});
            if (!e.actions_followed_up_same_day.empty())
                part.warnings.push_back(
                    {Msg::warn_actions_same_day, std::to_string(e.actions_followed_up_same_day.size())});
        }
        b.sections.push_back(std::move(part));
    }
    return b;
}

std::string berattelse_html(const Kvalitetsberattelse& b, Lang lang) {
    using report::Cell;
    using report::escape;
    std::string css(kBerattelseCss);
    css.replace(css.find("PAGE"), 4, tr(Msg::berattelse_page, lang)); // a catalogue word: no quote in it
    const std::string year = std::to_string(b.year);
    const std::string heading = fmt(Msg::berattelse_title, lang, {year});
    const ScopeWords& whose = scope_words(b.scope);
    report::HtmlReport html(lang, b.title.empty() ? heading : b.title, css);
    html.reserve(32 * 1024);

    html.raw("<section class=\"cover\">\n").heading(1, heading);
    html.paragraph(b.title, "kind");
    html.key_values({{Msg::berattelse_kommun, b.kommun},
                     {whose.cover, b.unit},
                     {Msg::report_year, year},
                     {Msg::berattelse_diarienummer, b.diarienummer},
                     {Msg::berattelse_author, b.author}});
    html.raw("</section>\n<nav>\n").heading(2, tr(Msg::berattelse_toc, lang)).raw("<ol>\n");
    for (const BerattelseSection& s : b.sections)
        html.raw("<li><a href=\"#" + std::string(report_section_key(s.section)) + "\">" +
                 escape(tr(report_section_name(s.section), lang)) + "</a></li>\n");
    html.raw("<li><a href=\"#beslut\">" + escape(tr(Msg::berattelse_decision, lang)) +
             "</a></li>\n</ol>\n</nav>\n");

    const ReviewEvidence& e = b.evidence;
    for (const BerattelseSection& s : b.sections) {
        html.raw("<section class=\"part\" id=\"" + std::string(report_section_key(s.section)) + "\">\n");
        html.heading(2, tr(report_section_name(s.section), lang));
        if (!s.requirements.empty()) {
            html.heading(3, tr(whose.responsibility, lang));
            html.table({Msg::berattelse_col_reference, Msg::berattelse_col_requirement,
                        Msg::berattelse_col_assessment, Msg::berattelse_col_evidence});
            for (const ReviewItem& k : s.requirements)
                html.row({{escape(k.reference)},
                          {escape(k.text) + " <span class=\"note\">(" +
                           escape(tr(requirement_kind_name(k.kind), lang)) + ")</span>"},
                          {escape(tr(assessment_name(k.assessment), lang))},
                          {report::escape_lines(k.evidence + (k.comment.empty() ? "" : "\n" + k.comment))}});
            html.end_table();
        }
        html.heading(3, tr(whose.work, lang));
        if (!is_blank(s.narrative)) html.paragraph(s.narrative);
        if (s.section == ReportSection::riskanalys) {
            html.paragraph(figures_text(e, s.section, lang));
            if (!b.risk_analyses.empty()) {
                html.table({Msg::berattelse_col_analysis, Msg::report_unit, Msg::berattelse_col_risks,
                            Msg::berattelse_col_high_handled});
                for (const RiskAnalysisRow& r : b.risk_analyses)
                    html.row({{escape(r.title)},
                              {escape(r.unit)},
                              {std::to_string(r.risks), true},
                              {escape(tr(r.high_handled ? Msg::answer_ja : Msg::answer_nej, lang))}});
                html.end_table();
            }
        } else if (s.section == ReportSection::egenkontroll) {
            html.paragraph(figures_text(e, s.section, lang));
            if (!b.checks.empty()) {
                html.table({Msg::berattelse_col_area, Msg::report_unit, Msg::berattelse_col_planned,
                            Msg::berattelse_col_done, Msg::berattelse_col_overdue,
                            Msg::berattelse_col_compliance});
                for (const CheckRow& r : b.checks)
                    html.row(
                        {{escape(r.area) +
                          (r.what.empty() ? "" : "<br><span class=\"note\">" + escape(r.what) + "</span>")},
                         {escape(r.unit)},
                         {std::to_string(r.planned), true},
                         {std::to_string(r.done), true},
                         {std::to_string(r.overdue), true},
                         {escape(compliance_text(r.compliance, lang))}});
                html.end_table();
            }
        } else if (s.section == ReportSection::resultat) {
            html.paragraph(figures_text(e, s.section, lang));
            if (!b.actions.empty()) {
                html.table({Msg::report_col_action, Msg::report_col_responsible, Msg::report_col_status,
                            Msg::report_col_due, Msg::report_col_follow_up});
                for (const ActionRow& r : b.actions)
                    html.row({{escape(r.what)},
                              {escape(r.responsible)},
                              {escape(tr(action_status_name(r.status), lang))},
                              {escape(r.due)},
                              {escape(r.follow_up)}});
                html.end_table();
            }
        } else if (s.section == ReportSection::fokus && !b.focus_areas.empty()) {
            html.raw("<ul>\n");
            for (const std::string& f : b.focus_areas) html.raw("<li>" + escape(f) + "</li>\n");
            html.raw("</ul>\n");
        }
        html.paragraph(fmt(Msg::berattelse_verdict, lang, {tr(assessment_name(s.verdict), lang)}), "verdict");
        if (!s.warnings.empty()) {
            html.raw("<div class=\"warnings\" role=\"note\">\n")
                .heading(3, tr(Msg::berattelse_warnings, lang));
            html.raw("<ul>\n");
            for (const DraftWarning& w : s.warnings)
                html.raw("<li>" + escape(warning_text(w, lang)) + "</li>\n");
            html.raw("</ul>\n</div>\n");
        }
        html.raw("</section>\n");
    }

    html.raw("<section class=\"decision\" id=\"beslut\">\n").heading(2, tr(Msg::berattelse_decision, lang));
    html.key_values({{whose.overall, tr(assessment_name(b.overall), lang)},
                     {Msg::report_decided_by, b.decided_by},
                     {Msg::report_date, b.decided_date},
                     {Msg::berattelse_paragraph, b.paragraph}});
    html.raw("</section>\n");
    return std::move(html).finish();
}

} // namespace kvh::core
