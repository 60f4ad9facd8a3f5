// For the .docx read-back test (pandoc_readback.sh): drafts the kvalitetsberättelse of one årlig
// genomgång in an exchange file, writes its Word file, and prints as JSON what a reader of that file
// must find — every heading, every table cell's value and every other text of the draft, taken from
// the draft itself, not from the Word XML.
// Usage: write_berattelse EXPORT.json REVIEW_ID TODAY OUT.docx
#include "core/arlig_genomgang/kvalitetsberattelse.hpp"
#include "core/arlig_genomgang/kvalitetsberattelse_docx.hpp"
#include "core/exchange_format.hpp"
#include "core/report/markup_text.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

using namespace kvh::core;

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: write_berattelse EXPORT.json REVIEW_ID TODAY OUT.docx\n";
        return 2;
    }
    const std::string today = argv[3];
    std::ifstream in(argv[1], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    ParsedFile file = parse_exchange(text.str());
    for (const auto& e : file.errors) std::cerr << e.text(Lang::en) << "\n";
    if (!file.ok()) return 1;
    Workspace ws;
    ws.load(std::move(file.documents));
    FactsIndex facts(ws, [&] { return today; });
    const Document* doc = ws.find(argv[2]);
    const AnnualReviewPtr review = doc ? annual_review_of(*doc) : nullptr;
    if (!review) {
        std::cerr << "no årlig genomgång " << argv[2] << "\n";
        return 1;
    }
    const Kvalitetsberattelse b = draft_berattelse(*doc, *review, ws, facts, today);
    const std::string docx = berattelse_docx(b, Lang::sv);
    std::ofstream out(argv[4], std::ios::binary);
    out << docx;
    if (docx.empty() || !out.flush()) return 1;

    const auto name = [](auto what) { return std::string(tr(what, Lang::sv)); };
    nlohmann::json headings = nlohmann::json::array(), cells = nlohmann::json::array(),
                   texts = {b.title,        b.kommun,    b.unit,
                            b.diarienummer, b.author,    b.decided_by,
                            b.decided_date, b.paragraph, name(assessment_name(b.overall))};
    for (const BerattelseSection& s : b.sections) {
        headings.push_back(name(report_section_name(s.section)));
        texts.push_back(s.narrative);
        texts.push_back(name(assessment_name(s.verdict)));
        for (const DraftWarning& w : s.warnings) texts.push_back(warning_text(w, Lang::sv));
        for (const ReviewItem& k : s.requirements)
            for (const std::string& cell :
                 {k.reference, k.text, name(assessment_name(k.assessment)), k.evidence, k.comment})
                cells.push_back(cell);
    }
    headings.push_back(name(Msg::berattelse_decision));
    for (const RiskAnalysisRow& r : b.risk_analyses)
        for (const std::string& cell : {r.title, r.unit, std::to_string(r.risks)}) cells.push_back(cell);
    for (const CheckRow& r : b.checks)
        for (const std::string& cell :
             {r.area, r.what, r.unit, std::to_string(r.planned), std::to_string(r.done),
              std::to_string(r.overdue), compliance_text(r.compliance, Lang::sv)})
            cells.push_back(cell);
    for (const ActionRow& r : b.actions)
        for (const std::string& cell :
             {r.what, r.responsible, name(action_status_name(r.status)), r.due, r.follow_up})
            cells.push_back(cell);
    for (const std::string& f : b.focus_areas) texts.push_back(f);
    // What the Word file can hold of each: characters XML 1.0 forbids are left out of it.
    for (nlohmann::json* list : {&headings, &cells, &texts})
        for (nlohmann::json& t : *list) t = report::markup_text(t.get<std::string>());
    std::cout << nlohmann::json{{"headings", headings}, {"cells", cells}, {"texts", texts}}.dump(1) << "\n";
    return 0;
}
