// The kvalitetsberättelse's Word parts (see kvalitetsberattelse_docx.hpp): WordprocessingML written
// paragraph by paragraph from the same draft the HTML is written from.
#include "kvalitetsberattelse_docx.hpp"

#include "core/report/markup_text.hpp"
#include "core/report/zip_package.hpp"

namespace kvh::core {

namespace {

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(</Types>)";

constexpr std::string_view kPackageRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

constexpr std::string_view kDocumentRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(</Relationships>)";

// The paragraph and table styles, under Word's built-in names so its navigation pane and table of
// contents find the headings (they follow the document defaults, see styles()).
constexpr std::string_view kStyleList =
    R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="21"/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="52"/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:pageBreakBefore/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>)"
    R"(<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>)"
    R"(<w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>)"
    R"(<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr></w:style>)"
    R"(</w:styles>)";

// The styles, after the document defaults that carry the language: Word's spelling check and a screen
// reader then read the text as Swedish (or English), whatever the secretary's own settings.
std::string styles(Lang lang) {
    return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=")") +
           (lang == Lang::sv ? "sv-SE" : "en-GB") + R"("/></w:rPr></w:rPrDefault></w:docDefaults>)" +
           std::string(kStyleList);
}

// A4 with margins of 2.5 cm (1,418 twips): said, not left to Word, which would use its own default
// (US Letter in some installations) and break the tables' widths below.
constexpr std::string_view kSection =
    R"(<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" )"
    R"(w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>)";
constexpr std::size_t kTextWidth = 9070; // A4 (11,906 twips) less the two margins

// Text for XML content: what XML 1.0 may carry (markup_text), & < > escaped, and a carriage return
// left out (lines are split at line feeds).
std::string xml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : report::markup_text(text)) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c != '\r')
            out += c;
    }
    return out;
}

class WordBody {
  public:
    // One paragraph of `style` ("" for Normal); line breaks in `text` become <w:br/>.
    void paragraph(std::string_view text, std::string_view style = {}) {
        out_ += "<w:p>";
        if (!style.empty()) out_ += "<w:pPr><w:pStyle w:val=\"" + std::string(style) + "\"/></w:pPr>";
        out_ += "<w:r>";
        std::size_t from = 0;
        for (std::size_t at = text.find('\n');; at = text.find('\n', from)) {
            out_ += "<w:t xml:space=\"preserve\">" + xml(text.substr(from, at - from)) + "</w:t>";
            if (at == std::string_view::npos) break;
            out_ += "<w:br/>";
            from = at + 1;
        }
        out_ += "</w:r></w:p>";
    }
    void table(const std::vector<std::vector<std::string>>& rows) {
        out_ += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" "
                "w:type=\"pct\"/></w:tblPr>";
        // The grid is required (ECMA-376 CT_Tbl): without it pandoc reads an empty table. Equal
        // columns over A4's text width (twips); Word fits them to the text.
        out_ += "<w:tblGrid>";
        const std::size_t columns = rows.empty() ? 0 : rows[0].size();
        for (std::size_t c = 0; c < columns; ++c)
            out_ += "<w:gridCol w:w=\"" + std::to_string(kTextWidth / columns) + "\"/>";
        out_ += "</w:tblGrid>";
        for (std::size_t r = 0; r < rows.size(); ++r) {
            out_ += r == 0 ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>";
            for (const std::string& cell : rows[r]) {
                out_ += "<w:tc>";
                paragraph(cell);
                out_ += "</w:tc>";
            }
            out_ += "</w:tr>";
        }
        out_ += "</w:tbl>";
        paragraph("");
    }
    std::string finish() && {
        return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
               out_ + std::string(kSection) + "</w:body></w:document>";
    }

  private:
    std::string out_;
};

} // namespace

std::vector<std::pair<std::string, std::string>> berattelse_docx_parts(const Kvalitetsberattelse& b,
                                                                       Lang lang) {
    const std::string year = std::to_string(b.year);
    const ScopeWords& whose = scope_words(b.scope);
    WordBody d;
    d.paragraph(fmt(Msg::berattelse_title, lang, {year}), "Title");
    d.paragraph(b.title);
    const std::pair<Msg, std::string> cover[] = {{Msg::berattelse_kommun, b.kommun},
                                                 {whose.cover, b.unit},
                                                 {Msg::report_year, year},
                                                 {Msg::berattelse_diarienummer, b.diarienummer},
                                                 {Msg::berattelse_author, b.author}};
    for (const auto& [label, value] : cover)
        if (!is_blank(value)) d.paragraph(std::string(tr(label, lang)) + ": " + value);

    const ReviewEvidence& e = b.evidence;
    for (const BerattelseSection& s : b.sections) {
        d.paragraph(tr(report_section_name(s.section), lang), "Heading1");
        if (!s.requirements.empty()) {
            d.paragraph(tr(whose.responsibility, lang), "Heading2");
            std::vector<std::vector<std::string>> rows{
                {tr(Msg::berattelse_col_reference, lang), tr(Msg::berattelse_col_requirement, lang),
                 tr(Msg::berattelse_col_assessment, lang), tr(Msg::berattelse_col_evidence, lang)}};
            for (const ReviewItem& k : s.requirements)
                rows.push_back({k.reference, k.text + " (" + tr(requirement_kind_name(k.kind), lang) + ")",
                                tr(assessment_name(k.assessment), lang),
                                k.evidence + (k.comment.empty() ? "" : "\n" + k.comment)});
            d.table(rows);
        }
        d.paragraph(tr(whose.work, lang), "Heading2");
        if (!is_blank(s.narrative)) d.paragraph(s.narrative);
        if (s.section == ReportSection::riskanalys) {
            d.paragraph(figures_text(e, s.section, lang));
            std::vector<std::vector<std::string>> rows{
                {tr(Msg::berattelse_col_analysis, lang), tr(Msg::report_unit, lang),
                 tr(Msg::berattelse_col_risks, lang), tr(Msg::berattelse_col_high_handled, lang)}};
            for (const RiskAnalysisRow& r : b.risk_analyses)
                rows.push_back({r.title, r.unit, std::to_string(r.risks),
                                tr(r.high_handled ? Msg::answer_ja : Msg::answer_nej, lang)});
            if (rows.size() > 1) d.table(rows);
        } else if (s.section == ReportSection::egenkontroll) {
            d.paragraph(figures_text(e, s.section, lang));
            std::vector<std::vector<std::string>> rows{
                {tr(Msg::berattelse_col_area, lang), tr(Msg::report_unit, lang),
                 tr(Msg::berattelse_col_planned, lang), tr(Msg::berattelse_col_done, lang),
                 tr(Msg::berattelse_col_overdue, lang), tr(Msg::berattelse_col_compliance, lang)}};
            for (const CheckRow& r : b.checks)
                rows.push_back({r.area + (r.what.empty() ? "" : "\n" + r.what), r.unit,
                                std::to_string(r.planned), std::to_string(r.done), std::to_string(r.overdue),
                                compliance_text(r.compliance, lang)});
            if (rows.size() > 1) d.table(rows);
        } else if (s.section == ReportSection::resultat) {
            d.paragraph(figures_text(e, s.section, lang));
            std::vector<std::vector<std::string>> rows{
                {tr(Msg::report_col_action, lang), tr(Msg::report_col_responsible, lang),
                 tr(Msg::report_col_status, lang), tr(Msg::report_col_due, lang),
                 tr(Msg::report_col_follow_up, lang)}};
            for (const ActionRow& r : b.actions)
                rows.push_back(
                    {r.what, r.responsible, tr(action_status_name(r.status), lang), r.due, r.follow_up});
            if (rows.size() > 1) d.table(rows);
        } else if (s.section == ReportSection::fokus) {
            for (const std::string& f : b.focus_areas) d.paragraph("– " + f);
        }
        d.paragraph(fmt(Msg::berattelse_verdict, lang, {tr(assessment_name(s.verdict), lang)}));
        if (!s.warnings.empty()) {
            d.paragraph(tr(Msg::berattelse_warnings, lang), "Heading2");
            for (const DraftWarning& w : s.warnings) d.paragraph("– " + warning_text(w, lang));
        }
    }
    d.paragraph(tr(Msg::berattelse_decision, lang), "Heading1");
    const std::pair<Msg, std::string> decision[] = {{whose.overall, tr(assessment_name(b.overall), lang)},
                                                    {Msg::report_decided_by, b.decided_by},
                                                    {Msg::report_date, b.decided_date},
                                                    {Msg::berattelse_paragraph, b.paragraph}};
    // As on the cover and in the HTML (key_values): a field not filled in is left out, not printed bare.
    for (const auto& [label, value] : decision)
        if (!is_blank(value)) d.paragraph(std::string(tr(label, lang)) + ": " + value);

    return {{"[Content_Types].xml", std::string(kContentTypes)},
            {"_rels/.rels", std::string(kPackageRels)},
            {"word/_rels/document.xml.rels", std::string(kDocumentRels)},
            {"word/styles.xml", styles(lang)},
            {"word/document.xml", std::move(d).finish()}};
}

std::string berattelse_docx(const Kvalitetsberattelse& b, Lang lang) {
    return report::zip_package(berattelse_docx_parts(b, lang));
}

} // namespace kvh::core
