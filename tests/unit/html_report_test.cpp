// The HTML report layer: escaping, the self-contained frame with its print CSS, and the blocks.
#include "core/report/html_report.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;
using namespace kvh::core::report;

TEST_CASE("HTML escaping: text and attribute values alike, UTF-8 untouched") {
    CHECK(escape("") == "");
    CHECK(escape("Överlämning <kväll> & natt") == "Överlämning &lt;kväll&gt; &amp; natt");
    CHECK(escape("\"citat\" och 'apostrof'") == "&quot;citat&quot; och &#39;apostrof&#39;");
    CHECK(escape("&amp;") == "&amp;amp;"); // text is text, even when it looks like an entity
    CHECK(escape("å ä ö Å Ä Ö – ✓") == "å ä ö Å Ä Ö – ✓");
    CHECK(escape_lines("rad 1\nrad <2>\n\nrad 4") == "rad 1<br>rad &lt;2&gt;<br><br>rad 4");
    CHECK(escape_lines("\n") == "<br>");
}

TEST_CASE("HTML report: the frame is self-contained, has the language, title and print CSS") {
    HtmlReport html(Lang::en, "A <b>title</b> & more", ".mine { color: #111; }\n");
    CHECK(html.lang() == Lang::en);
    const std::string out = std::move(html).finish();
    CHECK(out.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"));
    CHECK(out.find("<title>A &lt;b&gt;title&lt;/b&gt; &amp; more</title>") != std::string::npos);
    CHECK(out.find("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"") !=
          std::string::npos);
    CHECK(out.find("@page { size: A4;") != std::string::npos);
    CHECK(out.find("tr, svg, dl, .flags { break-inside: avoid; }") != std::string::npos);
    CHECK(out.find(".mine { color: #111; }\n</style>") != std::string::npos); // after the shared rules
    CHECK(out.find("<script") == std::string::npos);
    CHECK(out.find("://") == std::string::npos);
    CHECK(out.ends_with("<body>\n</body>\n</html>\n"));
    CHECK(HtmlReport(Lang::sv, "").finish().starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
}

TEST_CASE("HTML report: headings, paragraphs, sections, key/value blocks") {
    HtmlReport html(Lang::sv, "t");
    html.section("intro")
        .heading(1, "Rubrik & <1>")
        .heading(2, "Två")
        .heading(3, "Tre")
        .heading(7, "clamped down")
        .heading(0, "clamped up")
        .paragraph("rad 1\nrad 2")
        .paragraph("liten", "note")
        .key_values({{Msg::report_unit, "Hemtjänst <Norra>"},
                     {Msg::report_year, ""},
                     {Msg::report_reason, " \n"},
                     {Msg::report_date, "2026-02-10\nåterbesök"}})
        .end_section()
        .section()
        .raw("<hr>")
        .end_section();
    const std::string out = std::move(html).finish();
    CHECK(out.find("<section class=\"intro\">\n<h1>Rubrik &amp; &lt;1&gt;</h1>\n<h2>Två</h2>\n<h3>Tre</h3>\n"
                   "<h3>clamped down</h3>\n<h1>clamped up</h1>\n<p>rad 1<br>rad 2</p>\n"
                   "<p class=\"note\">liten</p>\n") != std::string::npos);
    // Blank values are left out, labels come from the catalogue in the report's language.
    CHECK(
        out.find(
            "<dl><dt>Enhet</dt><dd>Hemtjänst &lt;Norra&gt;</dd><dt>Datum</dt><dd>2026-02-10<br>återbesök</dd>"
            "</dl>\n</section>\n<section>\n<hr></section>\n") != std::string::npos);
    CHECK(out.find("<dt>År</dt>") == std::string::npos);
    CHECK(out.find("<dt>Anledning</dt>") == std::string::npos);
}

TEST_CASE("HTML report: tables have a header row of column headers; numeric cells align right") {
    HtmlReport html(Lang::en, "t");
    html.table({Msg::report_col_nr, Msg::report_name, Msg::report_col_colour})
        .row({{"1", true}, {escape("Anna & Bo"), false}, {swatch("#8fd19e") + "Green", false}})
        .row({})
        .end_table();
    const std::string out = std::move(html).finish();
    CHECK(out.find("<table><thead><tr><th scope=\"col\">Risk no.</th><th scope=\"col\">Name</th>"
                   "<th scope=\"col\">Colour</th></tr></thead><tbody>\n"
                   "<tr><td class=\"n\">1</td><td>Anna &amp; Bo</td><td><span class=\"swatch\" "
                   "style=\"background:#8fd19e\"></span>Green</td></tr>\n<tr></tr>\n</tbody></table>\n") !=
          std::string::npos);
}
