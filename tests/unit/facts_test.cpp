// The facts index: every action with where it lives and its flags, risk flags and matrix bins,
// counts; recomputed per document revision only, and edit_action reaching an action anywhere.
#include "core/facts.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;

namespace {

std::string add_risk(Workspace& ws, const std::string& doc, int s, int k, int actions) {
    std::string id;
    ws.edit(
        doc, kvh::test::step("risk"),
        [&](Document& d) {
            kvh::test::change_analysis(d, [&](RiskAnalysis& a) {
                Risk r;
                r.id = id = new_uuid_v4(ws.env());
                r.s = s;
                r.k = k;
                for (int i = 0; i < actions; ++i) {
                    Action x;
                    x.id = new_uuid_v4(ws.env());
                    x.what = "Åtgärd";
                    x.due = "2026-01-31";
                    r.actions.push_back(x);
                }
                a.risks.push_back(r);
            });
        },
        false);
    return id;
}

} // namespace

TEST_CASE("the index holds every action with its place and flags, and each analysis' bins and flags") {
    Workspace ws(kvh::test::fixed_env());
    std::string today = "2026-03-01";
    FactsIndex facts(ws, [&] { return today; });
    const std::string a = ws.create(DocKind::riskanalys, "A", "Tallen", 2026);
    const std::string b = ws.create(DocKind::riskanalys, "B", "Tallen", 2026);
    ws.create(DocKind::atgardsplan, "Plan", "IFO", 2025);
    const std::string r1 = add_risk(ws, a, 4, 4, 2);
    add_risk(ws, a, 1, 1, 0);
    add_risk(ws, b, 2, 3, 1);

    CHECK(facts.actions().size() == 3);
    CHECK(facts.actions()[0]->ref.doc == a);
    CHECK(facts.actions()[0]->ref.item == r1);
    // No one responsible; due date passed, not done.
    CHECK(rules_of(facts.actions()[0]->findings) ==
          std::vector<Rule>{Rule::action_no_responsible, Rule::action_overdue});
    const DocFacts* fa = facts.of(a);
    REQUIRE(fa);
    REQUIRE(fa->analysis);
    CHECK(fa->analysis->cells[3 * 4 + 3] == std::vector<int>{0});
    CHECK(fa->analysis->cells[0] == std::vector<int>{1});
    CHECK(fa->analysis->flags.risks_flagged == 0);
    CHECK(fa->analysis->flags.no_participants);
    CHECK((facts.counts().at({DocKind::riskanalys, "Tallen", 2026}) == 2));
    CHECK((facts.counts().at({DocKind::atgardsplan, "IFO", 2025}) == 1));

    // An edit of one document recomputes that document only.
    const DocFacts* fb = facts.of(b);
    const auto gen = facts.generation();
    add_risk(ws, a, 4, 4, 0); // a red risk without action
    CHECK(facts.generation() == gen + 1);
    CHECK(facts.of(b) == fb);
    CHECK(facts.of(a)->analysis->flags.risks_flagged == 1);
    CHECK(facts.of(a)->analysis->cells[15] == std::vector<int>{0, 2});

    // edit_action reaches an action wherever it lives.
    const ActionRef ref = facts.actions()[0]->ref;
    CHECK(edit_action(ws, ref, kvh::test::step("ansvarig"), [](Action& x) { x.responsible = "Enhetschef"; }));
    CHECK(facts.actions()[0]->action->responsible == "Enhetschef");
    CHECK(rules_of(facts.actions()[0]->findings) == std::vector<Rule>{Rule::action_overdue});
    CHECK_FALSE(
        edit_action(ws, {a, r1, "no-such-action"}, kvh::test::step("x"), [](Action& x) { x.what = "y"; }));
    // A change that makes the document invalid is refused there too.
    CHECK_FALSE(edit_action(ws, ref, kvh::test::step("datum"), [](Action& x) { x.due = "2026-1"; }));
    CHECK(ws.refusal().at(0).path == "body.risker[0].atgarder[0].klart_senast");

    // A new day changes what is overdue.
    today = "2026-01-01";
    facts.refresh();
    CHECK(facts.actions()[0]->findings.empty());
    ws.remove(b);
    CHECK(facts.of(b) == nullptr);
    CHECK(facts.actions().size() == 2);
}

TEST_CASE("an edit of one risk recomputes that risk's facts only, unless the scale or the day changed") {
    Workspace ws(kvh::test::fixed_env());
    std::string today = "2026-03-01";
    FactsIndex facts(ws, [&] { return today; });
    const std::string a = ws.create(DocKind::riskanalys, "A", "Tallen", 2026);
    for (int i = 0; i < 40; ++i) add_risk(ws, a, 1 + i % 4, 1 + i / 4 % 4, 1);
    const std::vector<ItemFactsPtr> before = facts.of(a)->items;
    REQUIRE(before.size() == 40);

    ws.edit(
        a, kvh::test::step("text"),
        [&](Document& d) { kvh::test::change_analysis(d, [](RiskAnalysis& m) { m.risks.edit(33).s = 4; }); },
        false);
    const DocFacts& after = *facts.of(a);
    for (std::size_t i = 0; i < 40; ++i) CHECK((after.items[i] == before[i]) == (i != 33));
    CHECK(after.items[33]->actions.at(0).action == &analysis_of(*after.doc)->risks[33].actions[0]);
    CHECK(after.analysis->cells[3 * 4 + 0] == std::vector<int>{3, 19, 33, 35});
    CHECK(facts.actions().size() == 40);
    CHECK(facts.actions()[33]->ref.item == analysis_of(*after.doc)->risks[33].id);
    const std::vector<ItemFactsPtr> edited = after.items; // `after` is updated in place

    // Whether a risk is red comes from the scale's bands: renamed bands leave every risk as it was
    // (the same nodes) but find every flag anew.
    ws.edit(
        a, kvh::test::step("skala"),
        [&](Document& d) { kvh::test::change_analysis(d, [](RiskAnalysis& m) { m.scale.name = "Egen"; }); },
        false);
    for (std::size_t i = 0; i < 40; ++i) CHECK(facts.of(a)->items[i] != edited[i]);
    const std::vector<ItemFactsPtr> scaled = facts.of(a)->items;
    today = "2026-03-02";
    facts.refresh();
    for (std::size_t i = 0; i < 40; ++i) CHECK(facts.of(a)->items[i] != scaled[i]);
}
