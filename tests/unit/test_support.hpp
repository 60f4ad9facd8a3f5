// Shared by the unit tests: a repeatable Environment (a clock that ticks one minute per reading,
// a counter-based random source), reading the sample files and the shipped assets, and what an
// asset's parser says when it refuses a text.
#pragma once

#include "core/arlig_genomgang/requirement_template.hpp"
#include "core/atgarder/action_plan.hpp"
#include "core/risk_analysis.hpp"
#include "core/workspace.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace kvh::test {

inline core::Environment fixed_env(int start_minute = 0) {
    auto minute = std::make_shared<int>(start_minute);
    auto state = std::make_shared<std::uint64_t>(0x1234567890abcdefULL);
    core::Environment env;
    env.now_iso = [minute] {
        char buf[32];
        const int m = (*minute)++;
        std::snprintf(buf, sizeof buf, "2026-03-01T%02d:%02d:00Z", 8 + m / 60, m % 60);
        return std::string(buf);
    };
    env.random_u64 = [state] { // splitmix64
        std::uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
    return env;
}

// Changes the riskanalys in a document's body through its typed model, as the app's screens do.
inline void change_analysis(core::Document& d, const std::function<void(core::RiskAnalysis&)>& change) {
    core::RiskAnalysis a = *core::analysis_of(d);
    change(a);
    d.body = std::make_shared<core::RiskAnalysis>(std::move(a));
}

// An undo label for a test, shown as "ändring av <name>": edits under one name coalesce while typing,
// as a field's do; under different names they are steps of their own.
inline core::UndoLabel step(std::string name) {
    return {core::Msg::risk_undo_header, {std::move(name)}};
}

// The seeds' figure (S3): 75 actions after 35 lex Sarah reports, of which 19 lack a documented
// follow-up on 2026-12-31 (90 days allowed). An åtgärdsplan of unit IFO (2026) holds 60 actions, done on
// 2026-02-28 or 2026-06-30, of which 15 are not followed up; a riskanalys of IFO holds one risk with 15
// done on 2026-09-01, of which 4 are not (late only after 2026-11-30). Every action has a cause, a
// responsible (Enhetschef) and a due date (the day it was done). Returns the ids of plan and analysis.
inline std::pair<std::string, std::string> add_lex_sarah_actions(core::Workspace& ws) {
    using namespace core;
    const auto done_on = [&](const std::string& day) {
        Action x;
        x.id = new_uuid_v4(ws.env());
        x.what = "Rutin för överlämning";
        x.why = "Överlämningen var muntlig";
        x.level = ActionLevel::verksamhet;
        x.type = ActionType::rutin_process;
        x.responsible = "Enhetschef";
        x.due = day;
        x.status = ActionStatus::genomford;
        x.done_date = day;
        return x;
    };
    const std::string plan = ws.create(DocKind::atgardsplan, "Åtgärder efter lex Sarah 2026", "IFO", 2026);
    const std::string analysis = ws.create(DocKind::riskanalys, "Riskanalys", "IFO", 2026);
    ws.edit(
        plan, step("åtgärder"),
        [&](Document& d) {
            auto p = std::make_shared<ActionPlan>(*plan_of(d));
            for (int i = 0; i < 60; ++i) {
                Action x = done_on(i % 2 ? "2026-06-30" : "2026-02-28");
                if (i >= 15) { // 45 followed up, some on a month end or a leap-free February's last day
                    x.status = ActionStatus::uppfoljd;
                    x.verdict = i % 3 ? Verdict::ja : Verdict::delvis;
                    x.follow_up_date = "2026-09-30";
                }
                p->actions.push_back(x);
            }
            d.body = p;
        },
        false);
    ws.edit(
        analysis, step("risker"),
        [&](Document& d) {
            change_analysis(d, [&](RiskAnalysis& a) {
                Risk r;
                r.id = new_uuid_v4(ws.env());
                r.s = 2;
                r.k = 2;
                for (int i = 0; i < 15; ++i) {
                    Action x = done_on("2026-09-01");
                    if (i >= 4) { // 11 followed up; 4 done on 2026-09-01, still within 90 days on 2026-11-30
                        x.status = ActionStatus::uppfoljd;
                        x.verdict = Verdict::nej;
                        x.follow_up_date = "2026-11-15";
                    }
                    r.actions.push_back(x);
                }
                a.risks.push_back(r);
            });
        },
        false);
    return {plan, analysis};
}

// A file of tests/data, or of assets/ (what the app ships), as bytes.
inline std::string read_file_in(const char* dir, const std::string& name) {
    std::ifstream in(std::string(dir) + "/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
inline std::string read_data(const std::string& name) {
    return read_file_in(KVH_TEST_DATA, name);
}
inline std::string read_asset(const std::string& name) {
    return read_file_in(KVH_ASSETS, name);
}

// What a parser of an asset (`parse(text, errors)`) says when it refuses `text`, in Swedish;
// checks that it refuses.
template <class Parse> std::vector<std::string> refusals(Parse parse, const std::string& text) {
    std::vector<core::ValidationError> errors;
    CHECK_FALSE(parse(text, errors));
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.text(core::Lang::sv));
    return out;
}

// The shipped requirement template of SOSFS 2011:9 (assets/requirements_sosfs_2011_9.json).
inline core::RequirementTemplate shipped_requirements() {
    std::vector<core::ValidationError> errors;
    auto t = core::parse_requirement_template(read_asset("requirements_sosfs_2011_9.json"), errors);
    REQUIRE(t);
    return *t;
}

} // namespace kvh::test
