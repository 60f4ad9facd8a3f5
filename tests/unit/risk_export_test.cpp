// Exports of a risk analysis: the CSV bytes Swedish Excel expects (BOM, semicolons, CRLF, quoting,
// no formulas) and the printable HTML report (escaped, self-contained, matrix as SVG, flags).
#include "core/risk_analysis.hpp"
#include "report_support.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;

using kvh::test::count;
using kvh::test::crlf_lines;

namespace {

struct LanguageGuard {
    Lang saved = language();
    ~LanguageGuard() { set_language(saved); }
};

Document doc() {
    Document d;
    d.id = "5d111a9d-5e6c-4992-b5fb-12e0d9090b89";
    d.title = "Riskanalys inför sammanslagning av nattpatrullen";
    d.unit = "Hemtjänst Norra";
    d.year = 2026;
    return d;
}

RiskAnalysis analysis() {
    LanguageGuard guard;
    set_language(Lang::sv);
    RiskAnalysis a;
    a.reason = AnalysisReason::forandring;
    a.reason_text = "Nattpatrullen slås ihop med Hemtjänst Södra";
    a.date = "2026-02-10";
    a.participants = {{"00000000-0000-4000-8000-00000000000a", "Deltagare A", "Enhetschef"},
                      {"00000000-0000-4000-8000-00000000000b", "Deltagare B", "Undersköterska"}};
    a.decided_by = "Enhetschef";
    a.summary = "Två risker kräver åtgärd.";

    Risk r1;
    r1.id = "11111111-1111-4111-8111-111111111111";
    r1.description = "Larm besvaras inte i tid; \"långa\" körsträckor";
    r1.category = "Brukarsäkerhet";
    r1.causes = "Längre körsträckor\nFler brukare";
    r1.s = 3;
    r1.k = 4;
    r1.barriers = "=Återuppringning";
    Action a1;
    a1.id = "33333333-3333-4333-8333-333333333333";
    a1.what = "Rutin för prioritering av larm";
    a1.why = "Längre körsträckor";
    a1.responsible = "Enhetschef";
    a1.due = "2026-02-28";
    a1.status = ActionStatus::pagar;
    Action a2 = a1;
    a2.id = "44444444-4444-4444-8444-444444444444";
    a2.what = "+ extra bil natt";
    a2.responsible = "";
    a2.due = "";
    a2.follow_up_date = "2026-05-01";
    a2.follow_up_note = "Svarstid i snitt 9 min";
    a2.verdict = Verdict::ja;
    r1.actions = {a1, a2};
    r1.residual_s = 2;
    r1.residual_k = 4;

    Risk r2;
    r2.id = "22222222-2222-4222-8222-222222222222";
    r2.description = "Överlämning <kväll> & natt brister";
    r2.s = 3;
    r2.k = 4;
    r2.decision = RiskDecision::acceptera;
    r2.decision_reason = "Skriftlig överlämning finns";

    Risk r3;
    r3.id = "55555555-5555-4555-8555-555555555555";
    r3.description = "Nycklar 'försvinner'";
    r3.s = 1;
    r3.k = 2;
    a.risks = {r1, r2, r3};
    return a;
}

} // namespace

TEST_CASE("CSV: BOM, Swedish header, one row per action, semicolons and CRLF") {
    const std::string csv = risks_to_csv(doc(), analysis(), Lang::sv);
    REQUIRE(csv.size() > 3);
    CHECK(csv.substr(0, 3) == "\xEF\xBB\xBF");
    // The causes of risk 1 hold a line break inside a quoted field, so split on CRLF only.
    const auto rows = crlf_lines(std::string_view(csv).substr(3));
    REQUIRE(rows.size() == 5); // header, risk 1 × 2 actions, risk 2, risk 3
    CHECK(rows[0] == "Risk nr;Händelse;Kategori;Orsaker;Konsekvens för den enskilde;Konsekvens för "
                     "verksamheten;Sannolikhet;"
                     "Konsekvens;Riskvärde;Färg;Barriärer;Beslut;Åtgärd;Orsak som åtgärden riktar "
                     "sig mot;Ansvarig;Klart senast;"
                     "Status;Uppföljning;Effekt;Restrisk sannolikhet;Restrisk konsekvens");
    CHECK(rows[1] ==
          "1;\"Larm besvaras inte i tid; \"\"långa\"\" körsträckor\";Brukarsäkerhet;\"Längre körsträckor\n"
          "Fler brukare\";;;3;4;12;Röd;'=Återuppringning;;Rutin för prioritering av larm;"
          "Längre körsträckor;Enhetschef;2026-02-28;Pågår;;Ej bedömd;2;4");
    CHECK(rows[2] ==
          "1;\"Larm besvaras inte i tid; \"\"långa\"\" körsträckor\";Brukarsäkerhet;\"Längre körsträckor\n"
          "Fler brukare\";;;3;4;12;Röd;'=Återuppringning;;'+ extra bil natt;Längre körsträckor;;;Pågår;"
          "2026-05-01: Svarstid i snitt 9 min;Ja, önskad effekt uppnådd;2;4");
    CHECK(rows[3] ==
          "2;Överlämning <kväll> & natt brister;;;;;3;4;12;Röd;;Acceptera: Skriftlig överlämning finns;"
          ";;;;;;;;");
    CHECK(rows[4] == "3;Nycklar 'försvinner';;;;;1;2;2;Grön;;;;;;;;;;;");
    for (const auto& row : rows) {
        INFO(row);
        // 21 columns: 20 separators outside quotes.
        int separators = 0;
        bool quoted = false;
        for (char c : row) {
            if (c == '"') quoted = !quoted;
            separators += c == ';' && !quoted;
        }
        CHECK(separators == 20);
    }
}

TEST_CASE("CSV: English header, formula guard for every leading = + - @") {
    RiskAnalysis a;
    Risk r;
    r.id = "11111111-1111-4111-8111-111111111111";
    r.description = "@SUM(A1)";
    r.category = "-1";
    r.causes = "+46";
    r.barriers = "Inga";
    a.risks = {r};
    const std::string csv = risks_to_csv(doc(), a, Lang::en);
    const auto rows = crlf_lines(std::string_view(csv).substr(3));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].starts_with("Risk no.;Event;Category;Causes;Consequence for the individual;"));
    CHECK(rows[0].ends_with(";Residual likelihood;Residual consequence"));
    CHECK(rows[1] == "1;'@SUM(A1);'-1;'+46;;;;;;;Inga;;;;;;;;;;");
}

TEST_CASE("HTML report: self-contained, escaped, with the matrix and every risk") {
    const RiskAnalysis a = analysis();
    const std::string html = risk_report_html(doc(), a, Lang::sv, "2026-03-15");
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(html.find("@page { size: A4;") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("://") == std::string::npos); // no external URL of any kind
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(count(html, "<svg") == 2); // the risks and, since residuals are scored, the residual risk
    CHECK(html.find("<title>Riskanalys inför sammanslagning av nattpatrullen</title>") != std::string::npos);
    CHECK(html.find("Hemtjänst Norra") != std::string::npos);
    CHECK(html.find("Förändring eller omorganisation: Nattpatrullen slås ihop med Hemtjänst Södra") !=
          std::string::npos);
    CHECK(html.find("<td>Deltagare B</td><td>Undersköterska</td>") != std::string::npos);
    CHECK(html.find("<thead><tr><th scope=\"col\">Namn</th><th scope=\"col\">Roll</th></tr></thead>") !=
          std::string::npos);
    CHECK(html.find("<th>") == std::string::npos); // every header cell says it heads a column

    // Every description, escaped; none unescaped.
    CHECK(html.find("Larm besvaras inte i tid; &quot;långa&quot; körsträckor") != std::string::npos);
    CHECK(html.find("Överlämning &lt;kväll&gt; &amp; natt brister") != std::string::npos);
    CHECK(html.find("Nycklar &#39;försvinner&#39;") != std::string::npos);
    CHECK(html.find("<kväll>") == std::string::npos);
    CHECK(html.find("Längre körsträckor<br>Fler brukare") != std::string::npos);

    // Risks 1 and 2 share the cell (3, 4): both markers, and the count.
    CHECK(html.find(">2 st</text>") != std::string::npos);
    CHECK(html.find("font-weight=\"bold\">1</text>") != std::string::npos);
    CHECK(html.find("font-weight=\"bold\">2</text>") != std::string::npos);
    CHECK(html.find("font-weight=\"bold\">3</text>") != std::string::npos);
    CHECK(html.find(">4 Katastrofal</text>") != std::string::npos); // axis labels carry the level texts
    CHECK(html.find(">1 Mycket liten</text>") != std::string::npos);
    CHECK(html.find("fill=\"#ea7b70\"") != std::string::npos); // a red cell
    // The colour column names the colour beside its swatch: meaning never by colour alone.
    CHECK(html.find("<span class=\"swatch\" style=\"background:#ea7b70\"></span>Röd</td>") !=
          std::string::npos);

    // Flags: risk 2 is red without action (its reasoned acceptance covers the katastrofal rule only);
    // action 2 has no one responsible and no due date.
    CHECK(html.find("<span class=\"flags\">Röd risk utan åtgärd</span>") != std::string::npos);
    CHECK(html.find("Högsta konsekvensnivån") == std::string::npos);
    CHECK(html.find("Ansvarig saknas; Datum för klart senast saknas") != std::string::npos);
    // Action 1 was due 2026-02-28 and is still in progress on 2026-03-15.
    CHECK(html.find("<span class=\"flags\">Försenad</span>") != std::string::npos);
    CHECK(html.find("Acceptera: Skriftlig överlämning finns") != std::string::npos);
}

TEST_CASE("HTML report in English; overdue needs a date; an empty analysis says what is missing") {
    RiskAnalysis a = analysis();
    const std::string html = risk_report_html(doc(), a, Lang::en);
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(html.find("Red risk without action") != std::string::npos);
    CHECK(html.find(">Overdue<") == std::string::npos);

    const std::string empty = risk_report_html(doc(), RiskAnalysis{}, Lang::sv);
    CHECK(empty.find("Inga deltagare är angivna") != std::string::npos);
    CHECK(empty.find("Analysen har inga risker") != std::string::npos);
    CHECK(count(empty, "<svg") == 1);
    CHECK(empty.find("class=\"risks\"") == std::string::npos);
}

TEST_CASE("HTML report: a crowded cell shows five markers and +N") {
    RiskAnalysis a;
    for (int i = 0; i < 8; ++i) {
        Risk r;
        r.id = "11111111-1111-4111-8111-11111111111" + std::to_string(i);
        r.description = "Risk " + std::to_string(i);
        r.s = 2;
        r.k = 2;
        a.risks.push_back(r);
    }
    const std::string html = risk_report_html(doc(), a, Lang::sv);
    CHECK(html.find(">8 st</text>") != std::string::npos);
    CHECK(html.find("font-weight=\"bold\">5</text>") != std::string::npos);
    CHECK(html.find("font-weight=\"bold\">6</text>") == std::string::npos);
    CHECK(html.find("font-weight=\"bold\">+3</text>") != std::string::npos);
    CHECK(count(html, "<circle") == 6);
}
