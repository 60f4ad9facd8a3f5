// The overview's heat map: which analyses share it (the most common scale size), which risks count as
// open, and where each lands.
#include "core/risk_heat_map.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;

namespace {

Risk risk(Workspace& ws, int s, int k) {
    Risk r;
    r.id = new_uuid_v4(ws.env());
    r.s = s;
    r.k = k;
    return r;
}

Action action(Workspace& ws, ActionStatus status) {
    Action a;
    a.id = new_uuid_v4(ws.env());
    a.why = "Orsak";
    a.status = status;
    if (status == ActionStatus::uppfoljd) a.verdict = Verdict::ja;
    if (status == ActionStatus::avbruten) a.cancel_reason = "Ersatt";
    return a;
}

std::string analysis(Workspace& ws, const std::string& title, const std::string& unit, RiskScale scale,
                     const std::vector<Risk>& risks) {
    const std::string id = ws.create(DocKind::riskanalys, title, unit, 2026);
    REQUIRE(ws.edit(
        id, kvh::test::step("risker"),
        [&](Document& d) {
            kvh::test::change_analysis(d, [&](RiskAnalysis& a) {
                a.scale = scale;
                for (const Risk& r : risks) a.risks.push_back(r);
            });
        },
        false));
    return id;
}

} // namespace

TEST_CASE("a risk is open until it is accepted or every action it has is closed") {
    Workspace ws(kvh::test::fixed_env());
    Risk r = risk(ws, 2, 3);
    CHECK(risk_is_open(r));
    r.actions = {action(ws, ActionStatus::uppfoljd), action(ws, ActionStatus::avbruten)};
    CHECK_FALSE(risk_is_open(r));
    r.actions.push_back(action(ws, ActionStatus::genomford)); // done, not yet followed up
    CHECK(risk_is_open(r));
    r.actions.pop_back();
    r.decision = RiskDecision::atgarda;
    CHECK_FALSE(risk_is_open(r));
    r.actions.clear();
    r.decision = RiskDecision::acceptera;
    r.decision_reason = "Låg risk";
    CHECK_FALSE(risk_is_open(r));
}

TEST_CASE("the heat map: the analyses of the most common scale size, their open scored risks per cell") {
    Workspace ws(kvh::test::fixed_env());
    CHECK(open_risk_heat_map(ws.documents(), "", "Riskanalys").cells.empty());

    Risk closed = risk(ws, 3, 4);
    closed.actions = {action(ws, ActionStatus::uppfoljd)};
    Risk accepted = risk(ws, 4, 4);
    accepted.decision = RiskDecision::acceptera;
    accepted.decision_reason = "Beslut i nämnden";
    const Risk a1 = risk(ws, 3, 4), a2 = risk(ws, 1, 1), unscored = risk(ws, 0, 2);
    Risk pending = risk(ws, 3, 4);
    pending.actions = {action(ws, ActionStatus::pagar)};
    const std::string a =
        analysis(ws, "Tallen 2026", "Tallen", scale_4x4(), {a1, closed, accepted, unscored, pending});
    const std::string b = analysis(ws, "", "Björken", scale_4x4(), {a2});
    analysis(ws, "Femgradig", "Tallen", scale_5x5(), {risk(ws, 5, 5)});
    const std::string archived = analysis(ws, "Arkiverad", "Tallen", scale_4x4(), {risk(ws, 1, 1)});
    REQUIRE(ws.edit(
        archived, kvh::test::step("status"), [](Document& d) { d.status = DocStatus::arkiverad; }, false));
    ws.create(DocKind::atgardsplan, "Plan", "Tallen", 2026);

    RiskHeatMap map = open_risk_heat_map(ws.documents(), "", "Riskanalys");
    CHECK(map.included == std::vector<std::string>{"Tallen 2026", "Riskanalys"});
    CHECK(map.left_out == std::vector<std::string>{"Femgradig"});
    CHECK(map.scale_of == "Tallen 2026");
    CHECK(map.scale.levels_s() == 4);
    REQUIRE(map.cells.size() == 16);
    CHECK(map.cell(3, 4) == std::vector<RiskAt>{{a, a1.id}, {a, pending.id}});
    CHECK(map.cell(1, 1) == std::vector<RiskAt>{{b, a2.id}});
    CHECK(map.cell(4, 4).empty());
    std::size_t total = 0;
    for (const auto& c : map.cells) total += c.size();
    CHECK(total == 3);

    // One unit: its own analyses only; of one 4×4 and one 5×5, the first one's size.
    map = open_risk_heat_map(ws.documents(), "Tallen", "Riskanalys");
    CHECK(map.included == std::vector<std::string>{"Tallen 2026"});
    CHECK(map.left_out == std::vector<std::string>{"Femgradig"});
    // Two 5×5 against one 4×4: the 5×5 ones share the map, coloured by the first of them.
    analysis(ws, "Femgradig 2", "Tallen", scale_5x5(), {risk(ws, 5, 5)});
    map = open_risk_heat_map(ws.documents(), "Tallen", "Riskanalys");
    CHECK(map.included == std::vector<std::string>{"Femgradig", "Femgradig 2"});
    CHECK(map.left_out == std::vector<std::string>{"Tallen 2026"});
    CHECK(map.scale.levels_k() == 5);
    CHECK(map.cell(5, 5).size() == 2);
    CHECK(open_risk_heat_map(ws.documents(), "Eken", "Riskanalys").included.empty());
}
