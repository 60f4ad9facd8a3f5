// The kvalitetsberättelse: sections in the order of domain.md §2 with their verdicts and tables, the
// warnings an auditor's eye would raise, and HTML that prints every text from a document as text.
#include "core/arlig_genomgang/kvalitetsberattelse.hpp"
#include "core/arlig_genomgang/kvalitetsberattelse_docx.hpp"
#include "core/atgarder/action_plan.hpp"
#include "core/egenkontroll/egenkontroll_plan.hpp"
#include "report_support.hpp"
#include "test_support.hpp"
#include "zip_reader.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;
using kvh::test::step;

using kvh::test::count;

namespace {

constexpr const char* kToday = "2026-10-15";
constexpr const char* kEvil = "<img src=x onerror=alert(1)>";

// A workspace with a review of 2026 for the nämnd, a plan with a check done in March (19 of 20) and
// overdue in September, a riskanalys and an action done but not followed up; every text `text`.
struct World {
    Workspace ws{kvh::test::fixed_env()};
    FactsIndex facts{ws, [] { return std::string(kToday); }};
    std::string review;

    explicit World(const std::string& text) {
        const std::string plan = ws.create(DocKind::egenkontrollplan, text, text, 2026);
        std::string check, question;
        REQUIRE(ws.edit(plan, step("p"), [&](Document& d) {
            auto p = std::make_shared<EgenkontrollPlan>();
            PlannedCheck c;
            c.id = check = new_uuid_v4(ws.env());
            c.area = text;
            c.what = text;
            c.months = month_bit(3) | month_bit(9);
            c.questions.push_back({question = new_uuid_v4(ws.env()), text});
            p->checks.push_back(c);
            d.body = p;
        }));
        const std::string run = ws.create(DocKind::egenkontroll, text, text, 2026);
        REQUIRE(ws.edit(run, step("r"), [&](Document& d) {
            auto r = std::make_shared<EgenkontrollRun>(
                run_of_check(plan, *find_check(*egenkontroll_plan_of(*ws.find(plan)), check)));
            for (int k = 0; k < 20; ++k) {
                Sample s;
                s.id = new_uuid_v4(ws.env());
                set_answer(s, question, k == 0 ? Answer::nej : Answer::ja);
                r->samples.push_back(s);
            }
            r->analysis = text;
            r->period_to = r->done_date = "2026-03-31";
            d.body = r;
        }));
        ws.create(DocKind::riskanalys, text, text, 2026);
        const std::string actions = ws.create(DocKind::atgardsplan, text, text, 2026);
        REQUIRE(ws.edit(actions, step("a"), [&](Document& d) {
            auto p = std::make_shared<ActionPlan>();
            Action a;
            a.id = new_uuid_v4(ws.env());
            a.what = a.why = a.responsible = text;
            a.status = ActionStatus::genomford;
            a.done_date = "2026-06-01";
            p->actions.push_back(a);
            d.body = p;
        }));
        review = ws.create(DocKind::arlig_genomgang, text, text, 2026);
        REQUIRE(ws.edit(review, step("g"), [&](Document& d) {
            auto v = std::make_shared<AnnualReview>(
                review_from_template(kvh::test::shipped_requirements(), ws.env()));
            v->kommun = v->diarienummer = v->author = v->decided_by = v->paragraph = text;
            v->decided_date = "2026-03-18";
            v->focus_areas = {{text, ""}};
            for (std::size_t i = 0; i < v->entries.size(); ++i) {
                ReviewItem& k = v->entries.edit(i);
                k.text = k.reference = k.evidence = k.comment = text;
                k.assessment = i == 9 ? Assessment::uppfyller_inte : Assessment::uppfyller;
            }
            v->entries.edit(10).assessment = Assessment::ej_bedomt;
            v->entries.edit(0).assessment = Assessment::uppfyller_delvis;
            for (ReportSection s : all_report_sections)
                if (s != ReportSection::samverkan) v->narratives[s] = text;
            d.body = v;
        }));
        facts.refresh();
    }
    Kvalitetsberattelse draft() const {
        const Document& d = *ws.find(review);
        return draft_berattelse(d, *annual_review_of(d), ws, facts, kToday);
    }
};

const BerattelseSection& part(const Kvalitetsberattelse& b, ReportSection s) {
    for (const BerattelseSection& p : b.sections)
        if (p.section == s) return p;
    FAIL("no section");
    return b.sections[0];
}

bool warns(const BerattelseSection& p, Msg what) {
    return std::any_of(p.warnings.begin(), p.warnings.end(),
                       [&](const DraftWarning& w) { return w.what == what; });
}

} // namespace

TEST_CASE("the berättelse has every section in domain.md's order with its verdict, tables and warnings") {
    const World w("Hemtjänsten");
    const Kvalitetsberattelse b = w.draft();
    REQUIRE(b.sections.size() == std::size(all_report_sections));
    for (std::size_t i = 0; i < b.sections.size(); ++i)
        CHECK(b.sections[i].section == all_report_sections[i]);
    CHECK(part(b, ReportSection::ansvar).verdict == Assessment::uppfyller_delvis);   // 3-1 delvis
    CHECK(part(b, ReportSection::riskanalys).verdict == Assessment::uppfyller_inte); // 5-1
    CHECK(warns(part(b, ReportSection::samverkan), Msg::warn_no_narrative));
    CHECK_FALSE(warns(part(b, ReportSection::ansvar), Msg::warn_no_narrative));
    CHECK(warns(part(b, ReportSection::egenkontroll), Msg::warn_not_assessed)); // 5-2 ej bedömt
    const BerattelseSection& egk = part(b, ReportSection::egenkontroll);
    CHECK(std::any_of(egk.warnings.begin(), egk.warnings.end(), [](const DraftWarning& x) {
        return x.what == Msg::warn_check_no_outcome && x.subject == "Hemtjänsten (sep)";
    }));
    CHECK(warns(part(b, ReportSection::resultat), Msg::warn_actions_no_follow_up));
    REQUIRE(b.checks.size() == 1);
    CHECK(b.checks[0].planned == 2);
    CHECK(b.checks[0].done == 1);
    CHECK(b.checks[0].overdue == 1);
    CHECK(compliance_text(b.checks[0].compliance, Lang::sv) == "19 av 20 = 95 %");
    CHECK(b.risk_analyses.size() == 1);
    CHECK(b.actions.size() == 1);

    const std::string html = berattelse_html(b, Lang::sv);
    std::size_t last = 0;
    for (ReportSection s : all_report_sections) { // headings in order, each in the table of contents
        const std::string h = "<h2>" + std::string(tr(report_section_name(s), Lang::sv)) + "</h2>";
        const auto at = html.find(h);
        REQUIRE_MESSAGE(at != std::string::npos, h);
        CHECK(at > last);
        last = at;
        CHECK(html.find("href=\"#" + std::string(report_section_key(s)) + "\"") != std::string::npos);
    }
    CHECK(html.find("19 av 20 = 95 %") != std::string::npos);
    CHECK(html.find("Bedömning: Uppfyller inte") != std::string::npos);
    CHECK(html.find("Planerad egenkontroll utan utfall: Hemtjänsten (sep)") != std::string::npos);
    CHECK(html.find("1 genomförda åtgärder saknar uppföljning") != std::string::npos);
    CHECK(html.find("counter(page)") != std::string::npos);
    CHECK(html.find("break-after: page") != std::string::npos);
    CHECK(html.find("<dt>Beslutad av</dt><dd>Hemtjänsten</dd>") != std::string::npos);
    CHECK(html.find("<dt>Datum</dt><dd>2026-03-18</dd>") != std::string::npos);
    CHECK(berattelse_html(b, Lang::en).find("<h2>Risk analyses</h2>") != std::string::npos);
}

TEST_CASE("every text from a document prints as text in the berättelse") {
    const World w(kEvil);
    const std::string html = berattelse_html(w.draft(), Lang::sv);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("onerror=alert(1)&gt;") != std::string::npos);
    // The cover (title, kommun, nämnd, diarienummer, author), requirements, evidence, narratives,
    // tables, warnings, focus area and decision all carry it.
    CHECK(count(html, "&lt;img src=x onerror=alert(1)&gt;") > 60);
    CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE("the Word parts carry the same content with real heading styles and tables, escaped") {
    const World w(kEvil);
    const auto parts = berattelse_docx_parts(w.draft(), Lang::sv);
    std::vector<std::string> names;
    for (const auto& [name, text] : parts) names.push_back(name);
    CHECK(names == std::vector<std::string>{"[Content_Types].xml", "_rels/.rels",
                                            "word/_rels/document.xml.rels", "word/styles.xml",
                                            "word/document.xml"});
    CHECK(parts[0].second.find("PartName=\"/word/document.xml\"") != std::string::npos);
    CHECK(parts[3].second.find("w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>") != std::string::npos);
    const std::string& doc = parts[4].second;
    CHECK(count(doc, "<w:pStyle w:val=\"Heading1\"/>") ==
          int(std::size(all_report_sections)) + 1); // + Beslut
    CHECK(doc.find("<img") == std::string::npos);
    CHECK(count(doc, "&lt;img src=x onerror=alert(1)&gt;") > 60);

    const World plain("Hemtjänsten");
    const std::string text = berattelse_docx_parts(plain.draft(), Lang::sv)[4].second;
    CHECK(text.find("<w:t xml:space=\"preserve\">Riskanalyser</w:t>") != std::string::npos);
    CHECK(text.find("<w:t xml:space=\"preserve\">19 av 20 = 95 %</w:t>") != std::string::npos);
    CHECK(text.find("Bedömning: Uppfyller inte") != std::string::npos);
    CHECK(text.find("Planerad egenkontroll utan utfall: Hemtjänsten (sep)") != std::string::npos);
    CHECK(count(text, "<w:tbl>") == count(text, "</w:tbl>"));
    CHECK(count(text, "<w:tbl>") >= 13); // requirements of 11 sections and the three data tables
    CHECK(count(text, "<w:tblGrid>") == count(text, "<w:tbl>")); // readers need the grid
    CHECK(text.find(
              "<w:tblGrid><w:gridCol w:w=\"1511\"/><w:gridCol w:w=\"1511\"/><w:gridCol w:w=\"1511\"/>"
              "<w:gridCol w:w=\"1511\"/><w:gridCol w:w=\"1511\"/><w:gridCol w:w=\"1511\"/></w:tblGrid>") !=
          std::string::npos); // the egenkontroller's six columns
}

TEST_CASE("the Word file is a zip of those parts, [Content_Types].xml first, the same bytes each time") {
    const World w(kEvil);
    const Kvalitetsberattelse b = w.draft();
    const std::string docx = berattelse_docx(b, Lang::sv);
    const auto read = kvh::test::read_zip(docx);
    REQUIRE_MESSAGE(read.error.empty(), read.error);
    const auto parts = berattelse_docx_parts(b, Lang::sv);
    REQUIRE(read.entries.size() == parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        CHECK(read.entries[i].name == parts[i].first);
        CHECK(read.entries[i].data == parts[i].second);
    }
    CHECK(read.entries[0].name == "[Content_Types].xml");
    CHECK(berattelse_docx(w.draft(), Lang::sv) == docx);
    CHECK(berattelse_docx(b, Lang::en) != docx);
}

TEST_CASE("the cover and the labels say whose the review is: nämnd, förvaltning or enhet") {
    const World w("Hemtjänsten Norr");
    Kvalitetsberattelse b = w.draft();
    CHECK(b.scope == ReviewScope::namnd);
    CHECK(b.unit == "Hemtjänsten Norr");
    const std::string namnd = berattelse_html(b, Lang::sv);
    CHECK(namnd.find("<dt>Nämnd</dt><dd>Hemtjänsten Norr</dd>") != std::string::npos);
    CHECK(namnd.find("<h3>Nämndens arbete</h3>") != std::string::npos);

    b.scope = ReviewScope::enhet;
    const std::string html = berattelse_html(b, Lang::sv);
    CHECK(html.find("<dt>Enhet</dt><dd>Hemtjänsten Norr</dd>") != std::string::npos);
    CHECK(html.find("<h3>Enhetens ansvar</h3>") != std::string::npos);
    CHECK(html.find("<h3>Enhetens arbete</h3>") != std::string::npos);
    CHECK(html.find("<dt>Enhetens samlade bedömning</dt>") != std::string::npos);
    CHECK(html.find("Nämnd") == std::string::npos);
    const std::string word = berattelse_docx_parts(b, Lang::sv)[4].second;
    CHECK(word.find(">Enhet: Hemtjänsten Norr<") != std::string::npos);
    CHECK(word.find(">Enhetens arbete<") != std::string::npos);
    CHECK(word.find(">Enhetens samlade bedömning: ") != std::string::npos);
    CHECK(word.find("Nämnd") == std::string::npos);

    b.scope = ReviewScope::forvaltning;
    CHECK(berattelse_html(b, Lang::en).find("<h3>The administration&#39;s work</h3>") != std::string::npos);
}

TEST_CASE("the Word file's XML holds no broken UTF-8 and none of the characters XML 1.0 forbids") {
    const World w("Hemtjänsten");
    Kvalitetsberattelse b = w.draft();
    // A file of another tool may bring any of these; Word refuses a part that holds one.
    const std::string bad = "Titel\xC3 med\x01 fel\xEF\xBF\xBE och\xEF\xBF\xBF slut\x80";
    b.title = b.unit = b.decided_by = bad;
    b.sections[0].narrative = bad;
    b.focus_areas = {bad};
    const std::string doc = berattelse_docx_parts(b, Lang::sv)[4].second;
    CHECK(doc.find("\xEF\xBF\xBE") == std::string::npos);
    CHECK(doc.find("\xEF\xBF\xBF") == std::string::npos);
    CHECK(doc.find('\x01') == std::string::npos);
    std::string repaired = doc;
    repair_utf8(repaired);
    CHECK(repaired == doc); // valid UTF-8 throughout
    CHECK(count(doc, "Titel\xEF\xBF\xBD med fel och slut\xEF\xBF\xBD") >= 5);
    const std::string html = berattelse_html(b, Lang::sv);
    CHECK(html.find("\xEF\xBF\xBF") == std::string::npos);
    CHECK(html.find('\x01') == std::string::npos);
    CHECK(count(html, "Titel\xEF\xBF\xBD med fel och slut\xEF\xBF\xBD") >= 5);
}

TEST_CASE("a decision not yet filled in is left out of the Word file, as of the HTML") {
    const World w("Hemtjänsten");
    Kvalitetsberattelse b = w.draft();
    b.decided_by = b.decided_date = "";
    b.paragraph = " ";
    const std::string doc = berattelse_docx_parts(b, Lang::sv)[4].second;
    CHECK(doc.find("Beslutad av") == std::string::npos);
    CHECK(doc.find(">Datum:") == std::string::npos);
    CHECK(doc.find(">Paragraf:") == std::string::npos);
    CHECK(doc.find(">Nämndens samlade bedömning: Ej bedömt<") != std::string::npos);
    const std::string html = berattelse_html(b, Lang::sv);
    CHECK(html.find("<dt>Beslutad av</dt>") == std::string::npos);
    b.decided_by = "Socialnämndens arbetsutskott";
    CHECK(berattelse_docx_parts(b, Lang::sv)[4].second.find(">Beslutad av: Socialnämndens arbetsutskott<") !=
          std::string::npos);
}
