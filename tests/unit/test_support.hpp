// Shared by the unit tests: a repeatable Environment (a clock that ticks one minute per reading,
// a counter-based random source) and reading the sample files.
#pragma once

#include "core/risk_analysis.hpp"
#include "core/workspace.hpp"

#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>

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

inline std::string read_data(const std::string& name) {
    std::ifstream in(std::string(KVH_TEST_DATA) + "/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace kvh::test
