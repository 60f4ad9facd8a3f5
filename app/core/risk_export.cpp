// Exports of a risk analysis: risks and actions as CSV for Swedish Excel, and the printable HTML
// report with the risk matrix drawn as inline SVG.
#include "risk_analysis.hpp"

#include <map>

namespace kvh::core {

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

// "2026-05-04: what the follow-up found".
std::string follow_up_text(const Action& a) {
    std::string out = a.follow_up_date;
    if (!is_blank(a.follow_up_note)) out += (out.empty() ? "" : ": ") + a.follow_up_note;
    return out;
}

template <class Flag> std::string flags_text(const std::vector<Flag>& flags, Msg (*name)(Flag), Lang lang) {
    std::string out;
    for (Flag f : flags) out += (out.empty() ? "" : "; ") + std::string(tr(name(f), lang));
    return out;
}

std::string number_or_empty(int v) {
    return v > 0 ? std::to_string(v) : "";
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

class CsvRow {
  public:
    explicit CsvRow(std::string& out) : out_(out) {}

    // A text cell. One starting with = + - @ (or tab, CR) would be run as a formula by Excel, so it
    // gets a leading apostrophe; quotes only where the separator, a quote or a line break needs them.
    CsvRow& text(std::string_view s) {
        separate();
        std::string cell =
            !s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos ? "'" : "";
        cell += s;
        if (cell.find_first_of(";\"\r\n") == std::string::npos) {
            out_ += cell;
            return *this;
        }
        out_ += '"';
        for (char c : cell) {
            if (c == '"') out_ += '"'; // a quote inside a quoted field is doubled
            out_ += c;
        }
        out_ += '"';
        return *this;
    }
    CsvRow& number(int v) {
        separate();
        out_ += number_or_empty(v);
        return *this;
    }
    CsvRow& empty(int n) {
        for (int i = 0; i < n; ++i) separate();
        return *this;
    }
    void end() {
        out_ += "\r\n";
        first_ = true;
    }

  private:
    void separate() {
        if (!first_) out_ += ';';
        first_ = false;
    }
    std::string& out_;
    bool first_ = true;
};

// [SECTION] HTML

std::string esc(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        const char* entity = c == '&'    ? "&amp;"
                             : c == '<'  ? "&lt;"
                             : c == '>'  ? "&gt;"
                             : c == '"'  ? "&quot;"
                             : c == '\'' ? "&#39;"
                                         : nullptr;
        if (entity)
            out += entity;
        else
            out += c;
    }
    return out;
}

// Escaped, with the writer's line breaks kept.
std::string esc_lines(std::string_view s) {
    std::string out = esc(s);
    for (auto at = out.find('\n'); at != std::string::npos; at = out.find('\n', at + 4))
        out.replace(at, 1, "<br>");
    return out;
}

std::string_view band_hex(std::optional<BandColour> c) {
    if (!c) return "#e5e7eb";
    switch (*c) {
    case BandColour::gron:
        return "#8fd19e";
    case BandColour::gul:
        return "#f9e27d";
    case BandColour::orange:
        return "#f6ad62";
    case BandColour::rod:
        return "#ea7b70";
    }
    return "#e5e7eb";
}

std::string swatch(std::optional<BandColour> c) {
    return "<span class=\"swatch\" style=\"background:" + std::string(band_hex(c)) + "\"></span>";
}

constexpr std::string_view kCss = R"(
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; font-size: 10.5pt; color: #111; line-height: 1.35;
       max-width: 190mm; margin: 0 auto; padding: 12px; }
h1 { font-size: 20pt; margin: 0 0 6pt; }
h2 { font-size: 14pt; margin: 16pt 0 6pt; border-bottom: 1px solid #999; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
.kind { text-transform: uppercase; letter-spacing: .08em; color: #555; margin: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 4pt 0; }
dt { font-weight: bold; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
th, td { border: 1px solid #999; padding: 3pt 5pt; vertical-align: top; text-align: left; }
th { background: #eef0f3; }
td.n { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr, svg, dl, .flags { break-inside: avoid; }
h2, h3 { break-after: avoid; }
.cat, .why { color: #555; font-size: 9pt; }
.flags { color: #9b1c12; font-weight: bold; }
.swatch { display: inline-block; width: .9em; height: .9em; border: 1px solid #555; vertical-align: -.1em;
          margin-right: .3em; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
svg { max-width: 100%; height: auto; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.note { font-size: 9pt; color: #555; }
@media print { body { padding: 0; } section.risks { break-before: page; } }
)";

void facts(std::string& out, std::initializer_list<std::pair<Msg, std::string>> items, Lang lang) {
    out += "<dl>";
    for (const auto& [label, value] : items)
        if (!is_blank(value)) out += "<dt>" + esc(tr(label, lang)) + "</dt><dd>" + esc_lines(value) + "</dd>";
    out += "</dl>\n";
}

void table_head(std::string& out, std::initializer_list<Msg> columns, Lang lang) {
    out += "<table><thead><tr>";
    for (Msg m : columns) out += "<th>" + esc(tr(m, lang)) + "</th>";
    out += "</tr></thead><tbody>\n";
}

// Cells are HTML already; `numeric` marks the right-aligned ones.
void table_row(std::string& out, std::initializer_list<std::pair<std::string, bool>> cells) {
    out += "<tr>";
    for (const auto& [html, numeric] : cells) out += (numeric ? "<td class=\"n\">" : "<td>") + html + "</td>";
    out += "</tr>\n";
}

// The heatmap of the scale with numbered markers, oriented as in the app: sannolikhet up the side,
// konsekvens along the bottom. at[i] is risk i's (s, k); unscored risks are left out.
void matrix_svg(std::string& out, const RiskScale& scale, const std::vector<std::pair<int, int>>& at,
                Msg title, Lang lang) {
    constexpr int kLeft = 190, kTop = 10, kCellW = 110, kCellH = 66, kBottom = 56, kR = 11, kStep = 28;
    const int ns = scale.levels_s(), nk = scale.levels_k();
    const int width = kLeft + nk * kCellW + 10, height = kTop + ns * kCellH + kBottom;
    std::map<std::pair<int, int>, std::vector<std::size_t>> cells;
    for (std::size_t i = 0; i < at.size(); ++i)
        if (scale.value(at[i].first, at[i].second) > 0) cells[at[i]].push_back(i);

    const std::string w = std::to_string(width), h = std::to_string(height);
    out += "<svg viewBox=\"0 0 " + w + " " + h + "\" width=\"" + w + "\" height=\"" + h +
           "\" role=\"img\" aria-label=\"" + esc(tr(title, lang)) +
           "\" font-family=\"Noto Sans, Arial, sans-serif\" font-size=\"12\">\n";
    auto text = [&](int x, int y, std::string_view anchor, const std::string& body,
                    std::string_view extra = "") {
        out += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" text-anchor=\"" +
               std::string(anchor) + "\"" + std::string(extra) + ">" + body + "</text>\n";
    };
    for (int k = 1; k <= nk; ++k)
        for (int s = 1; s <= ns; ++s) {
            const int x = kLeft + (k - 1) * kCellW, y = kTop + (ns - s) * kCellH, v = scale.value(s, k);
            out += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
                   std::to_string(kCellW) + "\" height=\"" + std::to_string(kCellH) + "\" fill=\"" +
                   std::string(band_hex(scale.band(v))) + "\" stroke=\"#fff\" stroke-width=\"2\"/>\n";
            text(x + 6, y + 15, "start", std::to_string(v), " fill=\"#333\" font-size=\"10\"");
            const auto found = cells.find({s, k});
            if (found == cells.end()) continue;
            const auto& risks = found->second;
            if (risks.size() > 1)
                text(x + kCellW - 6, y + 15, "end",
                     esc(fmt(Msg::report_matrix_count, lang, {std::to_string(risks.size())})),
                     " fill=\"#111\" font-size=\"10\" font-weight=\"bold\"");
            // Up to six markers in two rows of three; a seventh and more become "+N" in the last place.
            const std::size_t shown = risks.size() > 6 ? 5 : risks.size();
            const std::size_t per_row = std::min<std::size_t>(3, risks.size());
            const int rows = risks.size() > 3 ? 2 : 1;
            for (std::size_t m = 0; m < std::min<std::size_t>(risks.size(), 6); ++m) {
                const int col = int(m % 3), row = int(m / 3);
                const int cx = x + kCellW / 2 + int((2 * col - int(per_row) + 1) * kStep / 2);
                const int cy = y + kCellH / 2 + 6 + (rows == 2 ? (row == 0 ? -kStep / 2 : kStep / 2) : 0);
                const std::string label =
                    m < shown ? std::to_string(risks[m] + 1) : "+" + std::to_string(risks.size() - shown);
                out += "<circle cx=\"" + std::to_string(cx) + "\" cy=\"" + std::to_string(cy) + "\" r=\"" +
                       std::to_string(kR) + "\" fill=\"#1b2a41\" stroke=\"#fff\" stroke-width=\"1.5\"/>\n";
                text(cx, cy + 4, "middle", label, " fill=\"#fff\" font-size=\"11\" font-weight=\"bold\"");
            }
        }
    for (int s = 1; s <= ns; ++s)
        text(kLeft - 8, kTop + (ns - s) * kCellH + kCellH / 2 + 4, "end",
             std::to_string(s) + " " + esc(scale.sannolikhet[std::size_t(s - 1)].label));
    for (int k = 1; k <= nk; ++k)
        text(kLeft + (k - 1) * kCellW + kCellW / 2, kTop + ns * kCellH + 18, "middle",
             std::to_string(k) + " " + esc(scale.konsekvens[std::size_t(k - 1)].label));
    text(kLeft + nk * kCellW / 2, height - 10, "middle", esc(tr(Msg::report_col_k, lang)),
         " font-weight=\"bold\"");
    const int mid_y = kTop + ns * kCellH / 2;
    text(16, mid_y, "middle", esc(tr(Msg::report_col_s, lang)),
         " font-weight=\"bold\" transform=\"rotate(-90 16 " + std::to_string(mid_y) + ")\"");
    out += "</svg>\n";
}

void scale_section(std::string& out, const RiskScale& scale, Lang lang) {
    out += "<h3>" + esc(fmt(Msg::report_scale, lang, {scale.name})) + "</h3>\n";
    table_head(out, {Msg::report_level, Msg::report_col_s, Msg::report_col_k}, lang);
    auto level = [](const std::vector<ScaleLevel>& levels, std::size_t i) {
        if (i >= levels.size()) return std::string();
        return "<b>" + esc(levels[i].label) + "</b>" +
               (levels[i].hint.empty() ? "" : "<br><span class=\"why\">" + esc(levels[i].hint) + "</span>");
    };
    const std::size_t n = std::max(scale.sannolikhet.size(), scale.konsekvens.size());
    for (std::size_t i = 0; i < n; ++i)
        table_row(out, {{std::to_string(i + 1), true},
                        {level(scale.sannolikhet, i), false},
                        {level(scale.konsekvens, i), false}});
    out += "</tbody></table>\n";
    std::string bands;
    for (const RiskBand& b : scale.bands)
        bands += (bands.empty() ? "" : ", ") + swatch(b.colour) + esc(tr(band_colour_name(b.colour), lang)) +
                 " " + std::to_string(b.min_value) + "–" + std::to_string(b.max_value);
    out += "<p><b>" + esc(tr(Msg::report_bands, lang)) + ":</b> " + bands + "</p>\n";
}

} // namespace

std::string risks_to_csv(const Document&, const RiskAnalysis& a, Lang lang) {
    std::string out = "\xEF\xBB\xBF"; // the BOM tells Excel the file is UTF-8
    CsvRow row(out);
    for (Msg m : kCsvColumns) row.text(tr(m, lang));
    row.end();
    for (std::size_t i = 0; i < a.risks.size(); ++i) {
        const Risk& r = a.risks[i];
        const int value = a.scale.value(r.s, r.k);
        auto risk_cells = [&] {
            row.number(int(i + 1))
                .text(r.description)
                .text(r.category)
                .text(r.causes)
                .text(r.consequence_individual)
                .text(r.consequence_verksamhet)
                .number(r.s)
                .number(r.k)
                .number(value)
                .text(band_text(a.scale, value, lang))
                .text(r.barriers)
                .text(decision_text(r, lang));
        };
        auto residual_cells = [&] {
            row.number(r.residual_s).number(r.residual_k);
            row.end();
        };
        if (r.actions.empty()) {
            risk_cells();
            row.empty(kCsvActionColumns);
            residual_cells();
        }
        for (const Action& act : r.actions) {
            risk_cells();
            row.text(act.what)
                .text(act.why)
                .text(act.responsible)
                .text(act.due)
                .text(tr(action_status_name(act.status), lang))
                .text(follow_up_text(act))
                .text(tr(effect_name(act.effect), lang));
            residual_cells();
        }
    }
    return out;
}

std::string risk_report_html(const Document& doc, const RiskAnalysis& a, Lang lang, std::string_view today) {
    std::string out;
    out.reserve(16384 + a.risks.size() * 2048);
    out += "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_key(lang)) +
           "\">\n<head>\n<meta charset=\"utf-8\">\n";
    // The report may be opened from a file or a blob: it allows itself no scripts and no fetches.
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
           "'unsafe-inline'\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out +=
        "<title>" + esc(doc.title) + "</title>\n<style>" + std::string(kCss) + "</style>\n</head>\n<body>\n";

    out += "<header>\n<p class=\"kind\">" + esc(tr(kind_name(doc.kind), lang)) + "</p>\n<h1>" +
           esc(doc.title) + "</h1>\n";
    std::string reason = tr(reason_name(a.reason), lang);
    if (!is_blank(a.reason_text)) reason += ": " + a.reason_text;
    facts(out,
          {{Msg::report_unit, doc.unit},
           {Msg::report_year, doc.year > 0 ? std::to_string(doc.year) : ""},
           {Msg::report_reason, reason},
           {Msg::report_date, a.date},
           {Msg::report_phase, tr(phase_name(a.phase), lang)},
           {Msg::report_decided_by, a.decided_by},
           {Msg::report_decided_date, a.decided_date},
           {Msg::report_follow_up_date, a.follow_up_date}},
          lang);
    const AnalysisFlags flags = analysis_flags(a);
    if (flags.no_participants || flags.no_risks) {
        out += "<ul class=\"flags\">";
        if (flags.no_participants) out += "<li>" + esc(tr(Msg::riskflag_no_participants, lang)) + "</li>";
        if (flags.no_risks) out += "<li>" + esc(tr(Msg::riskflag_no_risks, lang)) + "</li>";
        out += "</ul>\n";
    }
    out += "</header>\n";

    if (!is_blank(a.summary))
        out += "<section>\n<h2>" + esc(tr(Msg::report_summary, lang)) + "</h2>\n<p>" + esc_lines(a.summary) +
               "</p>\n</section>\n";

    if (!a.participants.empty()) {
        out += "<section>\n<h2>" + esc(tr(Msg::report_participants, lang)) + "</h2>\n";
        table_head(out, {Msg::report_name, Msg::report_role}, lang);
        for (const Participant& p : a.participants)
            table_row(out, {{esc(p.name), false}, {esc(p.role), false}});
        out += "</tbody></table>\n</section>\n";
    }

    out += "<section class=\"matrix\">\n<h2>" + esc(tr(Msg::report_matrix, lang)) + "</h2>\n";
    std::vector<std::pair<int, int>> at, residual_at;
    for (const Risk& r : a.risks) {
        at.emplace_back(r.s, r.k);
        residual_at.emplace_back(r.residual_s, r.residual_k);
    }
    matrix_svg(out, a.scale, at, Msg::report_matrix, lang);
    const bool any_residual = std::any_of(a.risks.begin(), a.risks.end(), [&](const Risk& r) {
        return a.scale.value(r.residual_s, r.residual_k) > 0;
    });
    if (any_residual) {
        out += "<h3>" + esc(tr(Msg::report_matrix_residual, lang)) + "</h3>\n";
        matrix_svg(out, a.scale, residual_at, Msg::report_matrix_residual, lang);
    }
    out += "<p class=\"note\">" + esc(tr(Msg::report_matrix_note, lang)) + "</p>\n";
    scale_section(out, a.scale, lang);
    out += "</section>\n";

    if (!a.risks.empty()) {
        out += "<section class=\"risks\">\n<h2>" + esc(tr(Msg::report_risks, lang)) + "</h2>\n";
        table_head(out,
                   {Msg::report_col_nr, Msg::report_col_event, Msg::report_short_s, Msg::report_short_k,
                    Msg::report_col_value, Msg::report_col_colour, Msg::report_col_barriers,
                    Msg::report_col_decision, Msg::report_col_flags},
                   lang);
        for (std::size_t i = 0; i < a.risks.size(); ++i) {
            const Risk& r = a.risks[i];
            const int value = a.scale.value(r.s, r.k);
            const std::string event =
                esc_lines(r.description) +
                (r.category.empty() ? "" : "<div class=\"cat\">" + esc(r.category) + "</div>");
            const std::string colour =
                value > 0 ? swatch(a.scale.band(value)) + esc(band_text(a.scale, value, lang)) : "";
            table_row(out, {{std::to_string(i + 1), true},
                            {event, false},
                            {number_or_empty(r.s), true},
                            {number_or_empty(r.k), true},
                            {number_or_empty(value), true},
                            {colour, false},
                            {esc_lines(r.barriers), false},
                            {esc_lines(decision_text(r, lang)), false},
                            {"<span class=\"flags\">" +
                                 esc(flags_text(risk_flags(a, r), risk_flag_name, lang)) + "</span>",
                             false}});
        }
        out += "</tbody></table>\n</section>\n";

        out += "<section class=\"actions\">\n<h2>" + esc(tr(Msg::report_actions, lang)) + "</h2>\n";
        for (std::size_t i = 0; i < a.risks.size(); ++i) {
            const Risk& r = a.risks[i];
            out += "<h3>" + esc(fmt(Msg::report_risk_heading, lang, {std::to_string(i + 1), r.description})) +
                   "</h3>\n";
            facts(out,
                  {{Msg::report_col_category, r.category},
                   {Msg::report_col_causes, r.causes},
                   {Msg::report_col_cons_individual, r.consequence_individual},
                   {Msg::report_col_cons_verksamhet, r.consequence_verksamhet},
                   {Msg::report_col_residual_s, number_or_empty(r.residual_s)},
                   {Msg::report_col_residual_k, number_or_empty(r.residual_k)}},
                  lang);
            if (r.actions.empty()) {
                out += "<p>" + esc(tr(Msg::report_no_actions, lang)) + "</p>\n";
                continue;
            }
            table_head(out,
                       {Msg::report_col_action, Msg::report_col_responsible, Msg::report_col_due,
                        Msg::report_col_status, Msg::report_col_follow_up, Msg::report_col_effect,
                        Msg::report_col_flags},
                       lang);
            for (const Action& act : r.actions) {
                const std::string what =
                    esc_lines(act.what) + (is_blank(act.why)
                                               ? ""
                                               : "<div class=\"why\">" + esc(tr(Msg::report_col_why, lang)) +
                                                     ": " + esc_lines(act.why) + "</div>");
                table_row(out,
                          {{what, false},
                           {esc(act.responsible), false},
                           {esc(act.due), false},
                           {esc(tr(action_status_name(act.status), lang)), false},
                           {esc_lines(follow_up_text(act)), false},
                           {esc(tr(effect_name(act.effect), lang)), false},
                           {"<span class=\"flags\">" +
                                esc(flags_text(action_flags(act, today), action_flag_name, lang)) + "</span>",
                            false}});
            }
            out += "</tbody></table>\n";
        }
        out += "</section>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

} // namespace kvh::core
