// Printable HTML reports (see html_report.hpp): escaping, the frame with its print CSS, the blocks.
#include "html_report.hpp"

#include "core/document.hpp"
#include "markup_text.hpp"

#include <algorithm>

namespace kvh::core::report {

namespace {

// Text colours stay at #555 or darker on white (7.4:1) and #111 on the header grey, above WCAG's
// 4.5:1. Swatches and SVG fills are printed even when the browser saves ink (print-color-adjust),
// since they sit beside the word that names them and would otherwise vanish from the paper.
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
.flags { color: #9b1c12; font-weight: bold; }
.swatch { display: inline-block; width: .9em; height: .9em; border: 1px solid #555; vertical-align: -.1em;
          margin-right: .3em; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
svg { max-width: 100%; height: auto; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.note { font-size: 9pt; color: #555; }
@media print { body { padding: 0; } }
)";

std::string class_attr(std::string_view css_class) {
    return css_class.empty() ? "" : " class=\"" + std::string(css_class) + "\"";
}

} // namespace

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : markup_text(text)) {
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

std::string escape_lines(std::string_view text) {
    std::string out = escape(text);
    for (auto at = out.find('\n'); at != std::string::npos; at = out.find('\n', at + 4))
        out.replace(at, 1, "<br>");
    return out;
}

std::string swatch(std::string_view css_colour) {
    return "<span class=\"swatch\" style=\"background:" + std::string(css_colour) + "\"></span>";
}

HtmlReport::HtmlReport(Lang lang, std::string_view title, std::string_view extra_css) : lang_(lang) {
    out_ += "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_key(lang)) +
            "\">\n<head>\n<meta charset=\"utf-8\">\n";
    // A report may be opened from a file or a blob: it allows itself no scripts and no fetches.
    out_ += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
            "'unsafe-inline'\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<title>" + escape(title) + "</title>\n<style>" + std::string(kCss) + std::string(extra_css) +
            "</style>\n</head>\n<body>\n";
}

HtmlReport& HtmlReport::raw(std::string_view html) {
    out_ += html;
    return *this;
}

HtmlReport& HtmlReport::heading(int level, std::string_view text) {
    const std::string tag = "h" + std::to_string(std::clamp(level, 1, 3));
    out_ += "<" + tag + ">" + escape(text) + "</" + tag + ">\n";
    return *this;
}

HtmlReport& HtmlReport::paragraph(std::string_view text, std::string_view css_class) {
    out_ += "<p" + class_attr(css_class) + ">" + escape_lines(text) + "</p>\n";
    return *this;
}

HtmlReport& HtmlReport::section(std::string_view css_class) {
    out_ += "<section" + class_attr(css_class) + ">\n";
    return *this;
}

HtmlReport& HtmlReport::end_section() {
    out_ += "</section>\n";
    return *this;
}

HtmlReport& HtmlReport::key_values(std::initializer_list<std::pair<Msg, std::string>> items) {
    out_ += "<dl>";
    for (const auto& [label, value] : items)
        if (!is_blank(value))
            out_ += "<dt>" + escape(tr(label, lang_)) + "</dt><dd>" + escape_lines(value) + "</dd>";
    out_ += "</dl>\n";
    return *this;
}

HtmlReport& HtmlReport::table(std::initializer_list<Msg> columns) {
    out_ += "<table><thead><tr>";
    for (Msg m : columns) out_ += "<th scope=\"col\">" + escape(tr(m, lang_)) + "</th>";
    out_ += "</tr></thead><tbody>\n";
    return *this;
}

HtmlReport& HtmlReport::row(std::initializer_list<Cell> cells) {
    out_ += "<tr>";
    for (const Cell& c : cells) out_ += (c.numeric ? "<td class=\"n\">" : "<td>") + c.html + "</td>";
    out_ += "</tr>\n";
    return *this;
}

HtmlReport& HtmlReport::end_table() {
    out_ += "</tbody></table>\n";
    return *this;
}

std::string HtmlReport::finish() && {
    out_ += "</body>\n</html>\n";
    return std::move(out_);
}

} // namespace kvh::core::report
