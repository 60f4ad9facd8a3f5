// Printable HTML reports: escaping, the document frame (language, title, print CSS for A4) and the
// blocks every report is built of — headings, key/value blocks, tables, paragraphs, sections.
#pragma once

// Does: write self-contained HTML (no scripts, no fetches, a CSP that forbids both) that prints on A4
// with rows kept whole, text at 4.5:1 contrast or more, and colour only ever beside a word or number.
// Does not: know any document kind (the risk analysis' report is in risk_export.cpp), translate
// (labels are Msg, other texts arrive translated), or decide where the HTML goes (tab, file, print).

#include "core/messages.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace kvh::core::report {

// Text made safe for HTML: what markup may carry (markup_text: broken UTF-8 as U+FFFD, characters XML
// forbids left out), and & < > " ' become entities, so the result may stand both in element content
// and in a quoted attribute value. One function for both places, so no call site can pick the wrong one.
std::string escape(std::string_view text);
// escape(), with the writer's line breaks kept as <br>.
std::string escape_lines(std::string_view text);
// A small square of `css_colour` (trusted, e.g. "#8fd19e") to put before a word that says the same:
// a black-and-white print or a colour-blind reader loses nothing.
std::string swatch(std::string_view css_colour);

// A table cell as markup (build it with escape()); numbers are right-aligned.
struct Cell {
    std::string html;
    bool numeric = false;
};

class HtmlReport {
  public:
    // Opens the document: doctype, <html lang>, the CSP, the (escaped) title, the shared print CSS and
    // after it `extra_css`, the rules of one kind of report (trusted).
    HtmlReport(Lang lang, std::string_view title, std::string_view extra_css = {});

    Lang lang() const { return lang_; }
    void reserve(std::size_t bytes) { out_.reserve(bytes); }

    // Markup the caller built itself (a header block, an SVG), written as is.
    HtmlReport& raw(std::string_view html);
    // <h1> … <h3> (levels outside 1–3 are clamped), escaped.
    HtmlReport& heading(int level, std::string_view text);
    // A paragraph, escaped, line breaks kept; `css_class` (trusted) when given.
    HtmlReport& paragraph(std::string_view text, std::string_view css_class = {});
    // <section> with an optional class (trusted), closed by end_section().
    HtmlReport& section(std::string_view css_class = {});
    HtmlReport& end_section();
    // A block of label and value (values escaped, line breaks kept). Blank values are left out: an
    // empty line on paper says nothing and takes room.
    HtmlReport& key_values(std::initializer_list<std::pair<Msg, std::string>> items);
    // A table with one header row (<th scope="col">), then row() for each row, then end_table().
    HtmlReport& table(std::initializer_list<Msg> columns);
    HtmlReport& row(std::initializer_list<Cell> cells);
    HtmlReport& end_table();

    // Closes the document and hands it over.
    std::string finish() &&;

  private:
    std::string out_;
    Lang lang_;
};

} // namespace kvh::core::report
