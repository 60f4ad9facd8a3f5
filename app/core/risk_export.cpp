// Exports of a risk analysis: risks and actions as CSV for Swedish Excel, and the printable HTML
// report with the risk matrix drawn as inline SVG.
#include "risk_analysis.hpp"
#include "rules.hpp"

#include "report/csv_writer.hpp"
#include "report/html_report.hpp"
#include "report/risk_matrix_svg.hpp"

#include <algorithm>

namespace kvh::core {

using report::escape, report::escape_lines;

namespace {

// [SECTION] Texts shared by both exports

std::string band_text(const RiskScale& scale, int value, Lang lang) {
    const auto band = scale.band(value);
    return band ? tr(band_colour_name(*band), lang) : "";
}

// "Acceptera: motivering"; the reason shows even before a decision is taken.
std::string decision_text(const Risk& r, Lang lang) {
    std::string out = r.decision == RiskDecision::ej_beslutad ? "" : tr(decision_name(r.decision), lang);
    if (!is_blank(r.decision_reason)) out += (out.empty() ? "" : ": ") + r.decision_reason;
    return out;
}

template <class Flag> std::string flags_text(const std::vector<Flag>& flags, Msg (*name)(Flag), Lang lang) {
    std::string out;
    for (Flag f : flags) out += (out.empty() ? "" : "; ") + std::string(tr(name(f), lang));
    return out;
}

// A score or risk value; 0 means not scored and is shown empty.
std::string number_or_empty(int v) {
    return v > 0 ? std::to_string(v) : "";
}
std::optional<long long> score(int v) {
    return v > 0 ? std::optional<long long>(v) : std::nullopt;
}

// [SECTION] CSV

constexpr Msg kCsvColumns[] = {Msg::report_col_nr,
                               Msg::report_col_event,
                               Msg::report_col_category,
                               Msg::report_col_causes,
                               Msg::report_col_cons_individual,
                               Msg::report_col_cons_verksamhet,
                               Msg::report_col_s,
                               Msg::report_col_k,
                               Msg::report_col_value,
                               Msg::report_col_colour,
                               Msg::report_col_barriers,
                               Msg::report_col_decision,
                               Msg::report_col_action,
                               Msg::report_col_why,
                               Msg::report_col_responsible,
                               Msg::report_col_due,
                               Msg::report_col_status,
                               Msg::report_col_follow_up,
                               Msg::report_col_effect,
                               Msg::report_col_residual_s,
                               Msg::report_col_residual_k};
constexpr int kCsvActionColumns = 7; // Åtgärd … Effekt, empty for a risk without actions

// [SECTION] HTML

// Classes of this report only; the shared print CSS is html_report's.
constexpr std::string_view kRiskCss = R"(.cat, .why { color: #555; font-size: 9pt; }
@media print { section.risks { break-before: page; } }
)";

// Each risk's marker is its number in the report's tables.
std::string risk_matrix(const RiskScale& scale, const std::vector<std::pair<int, int>>& at, Msg title,
                        Lang lang) {
    std::vector<report::MatrixMark> marks;
    for (std::size_t i = 0; i < at.size(); ++i)
        marks.push_back({at[i].first, at[i].second, std::to_string(i + 1)});
    return report::risk_matrix_svg(scale, marks, tr(title, lang), lang);
}

void scale_section(report::HtmlReport& html, const RiskScale& scale) {
    const Lang lang = html.lang();
    html.heading(3, fmt(Msg::report_scale, lang, {scale.name}));
    html.table({Msg::report_level, Msg::report_col_s, Msg::report_col_k});
    auto level = [](const std::vector<ScaleLevel>& levels, std::size_t i) {
        if (i >= levels.size()) return std::string();
        return "<b>" + escape(levels[i].label) + "</b>" +
               (levels[i].hint.empty() ? ""
                                       : "<br><span class=\"why\">" + escape(levels[i].hint) + "</span>");
    };
    const std::size_t n = std::max(scale.sannolikhet.size(), scale.konsekvens.size());
    for (std::size_t i = 0; i < n; ++i)
        html.row({{std::to_string(i + 1), true},
                  {level(scale.sannolikhet, i), false},
                  {level(scale.konsekvens, i), false}});
    html.end_table();
    std::string bands;
    for (const RiskBand& b : scale.bands)
        bands += (bands.empty() ? "" : ", ") + report::swatch(report::band_fill(b.colour)) +
                 escape(tr(band_colour_name(b.colour), lang)) + " " + std::to_string(b.min_value) + "–" +
                 std::to_string(b.max_value);
    html.raw("<p><b>" + escape(tr(Msg::report_bands, lang)) + ":</b> " + bands + "</p>\n");
}

} // namespace

std::string risks_to_csv(const Document&, const RiskAnalysis& a, Lang lang) {
    report::CsvWriter csv;
    for (Msg m : kCsvColumns) csv.text(tr(m, lang));
    csv.end_row();
    for (std::size_t i = 0; i < a.risks.size(); ++i) {
        const Risk& r = a.risks[i];
        const int value = a.scale.value(r.s, r.k);
        auto risk_cells = [&] {
            csv.number((long long)(i + 1))
                .text(r.description)
                .text(r.category)
                .text(r.causes)
                .text(r.consequence_individual)
                .text(r.consequence_verksamhet)
                .number(score(r.s))
                .number(score(r.k))
                .number(score(value))
                .text(band_text(a.scale, value, lang))
                .text(r.barriers)
                .text(decision_text(r, lang));
        };
        auto residual_cells = [&] { csv.number(score(r.residual_s)).number(score(r.residual_k)).end_row(); };
        if (r.actions.empty()) {
            risk_cells();
            csv.empty(kCsvActionColumns);
            residual_cells();
        }
        for (const Action& act : r.actions) {
            risk_cells();
            csv.text(act.what)
                .text(act.why)
                .text(act.responsible)
                .text(act.due)
                .text(tr(action_status_name(act.status), lang))
                .text(follow_up_text(act))
                .text(tr(verdict_name(act.verdict), lang));
            residual_cells();
        }
    }
    return std::move(csv).finish();
}

std::string risk_report_html(const Document& doc, const RiskAnalysis& a, Lang lang, std::string_view today) {
    report::HtmlReport html(lang, doc.title, kRiskCss);
    html.reserve(16384 + a.risks.size() * 2048);

    html.raw("<header>\n").paragraph(tr(kind_name(doc.kind), lang), "kind").heading(1, doc.title);
    std::string reason = tr(reason_name(a.reason), lang);
    if (!is_blank(a.reason_text)) reason += ": " + a.reason_text;
    html.key_values({{Msg::report_unit, doc.unit},
                     {Msg::report_year, doc.year > 0 ? std::to_string(doc.year) : ""},
                     {Msg::report_reason, reason},
                     {Msg::report_date, a.date},
                     {Msg::report_phase, tr(phase_name(a.phase), lang)},
                     {Msg::report_decided_by, a.decided_by},
                     {Msg::report_decided_date, a.decided_date},
                     {Msg::report_follow_up_date, a.follow_up_date}});
    const AnalysisFlags flags = analysis_flags(a);
    if (flags.no_participants || flags.no_risks) {
        html.raw("<ul class=\"flags\">");
        if (flags.no_participants)
            html.raw("<li>" + escape(tr(Msg::riskflag_no_participants, lang)) + "</li>");
        if (flags.no_risks) html.raw("<li>" + escape(tr(Msg::riskflag_no_risks, lang)) + "</li>");
        html.raw("</ul>\n");
    }
    html.raw("</header>\n");

    if (!is_blank(a.summary))
        html.section().heading(2, tr(Msg::report_summary, lang)).paragraph(a.summary).end_section();

    if (!a.participants.empty()) {
        html.section()
            .heading(2, tr(Msg::report_participants, lang))
            .table({Msg::report_name, Msg::report_role});
        for (const Participant& p : a.participants)
            html.row({{escape(p.name), false}, {escape(p.role), false}});
        html.end_table().end_section();
    }

    html.section("matrix").heading(2, tr(Msg::report_matrix, lang));
    std::vector<std::pair<int, int>> at, residual_at;
    for (const Risk& r : a.risks) {
        at.emplace_back(r.s, r.k);
        residual_at.emplace_back(r.residual_s, r.residual_k);
    }
    html.raw(risk_matrix(a.scale, at, Msg::report_matrix, lang));
    const bool any_residual = std::any_of(a.risks.begin(), a.risks.end(), [&](const Risk& r) {
        return a.scale.value(r.residual_s, r.residual_k) > 0;
    });
    if (any_residual)
        html.heading(3, tr(Msg::report_matrix_residual, lang))
            .raw(risk_matrix(a.scale, residual_at, Msg::report_matrix_residual, lang));
    html.paragraph(tr(Msg::report_matrix_note, lang), "note");
    scale_section(html, a.scale);
    html.end_section();

    if (!a.risks.empty()) {
        html.section("risks").heading(2, tr(Msg::report_risks, lang));
        html.table({Msg::report_col_nr, Msg::report_col_event, Msg::report_short_s, Msg::report_short_k,
                    Msg::report_col_value, Msg::report_col_colour, Msg::report_col_barriers,
                    Msg::report_col_decision, Msg::report_col_flags});
        for (std::size_t i = 0; i < a.risks.size(); ++i) {
            const Risk& r = a.risks[i];
            const int value = a.scale.value(r.s, r.k);
            const std::string event =
                escape_lines(r.description) +
                (r.category.empty() ? "" : "<div class=\"cat\">" + escape(r.category) + "</div>");
            const std::string colour = value > 0 ? report::swatch(report::band_fill(a.scale.band(value))) +
                                                       escape(band_text(a.scale, value, lang))
                                                 : "";
            html.row({{std::to_string(i + 1), true},
                      {event, false},
                      {number_or_empty(r.s), true},
                      {number_or_empty(r.k), true},
                      {number_or_empty(value), true},
                      {colour, false},
                      {escape_lines(r.barriers), false},
                      {escape_lines(decision_text(r, lang)), false},
                      {"<span class=\"flags\">" + escape(flags_text(risk_flags(a, r), risk_flag_name, lang)) +
                           "</span>",
                       false}});
        }
        html.end_table().end_section();

        html.section("actions").heading(2, tr(Msg::report_actions, lang));
        for (std::size_t i = 0; i < a.risks.size(); ++i) {
            const Risk& r = a.risks[i];
            html.heading(3, fmt(Msg::report_risk_heading, lang, {std::to_string(i + 1), r.description}));
            html.key_values({{Msg::report_col_category, r.category},
                             {Msg::report_col_causes, r.causes},
                             {Msg::report_col_cons_individual, r.consequence_individual},
                             {Msg::report_col_cons_verksamhet, r.consequence_verksamhet},
                             {Msg::report_col_residual_s, number_or_empty(r.residual_s)},
                             {Msg::report_col_residual_k, number_or_empty(r.residual_k)}});
            if (r.actions.empty()) {
                html.paragraph(tr(Msg::report_no_actions, lang));
                continue;
            }
            html.table({Msg::report_col_action, Msg::report_col_responsible, Msg::report_col_due,
                        Msg::report_col_status, Msg::report_col_follow_up, Msg::report_col_effect,
                        Msg::report_col_flags});
            for (const Action& act : r.actions) {
                const std::string what =
                    escape_lines(act.what) +
                    (is_blank(act.why) ? ""
                                       : "<div class=\"why\">" + escape(tr(Msg::report_col_why, lang)) +
                                             ": " + escape_lines(act.why) + "</div>");
                html.row({{what, false},
                          {escape(act.responsible), false},
                          {escape(act.due), false},
                          {escape(tr(action_status_name(act.status), lang)), false},
                          {escape_lines(follow_up_text(act)), false},
                          {escape(tr(verdict_name(act.verdict), lang)), false},
                          {"<span class=\"flags\">" +
                               escape(findings_text(action_rules(act, today, {}), {}, lang)) + "</span>",
                           false}});
            }
            html.end_table();
        }
        html.end_section();
    }
    return std::move(html).finish();
}

} // namespace kvh::core
