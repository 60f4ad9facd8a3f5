// MemoryBackend, and the round trip workspace → records → workspace that the store relies on.
#include "core/exchange_format.hpp"
#include "store/backend.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh;

TEST_CASE("MemoryBackend stores, loads and removes records and answers every request once") {
    store::MemoryBackend b;
    int answers = 0;
    auto expect_ok = [&](bool ok, const std::string& reason) {
        ++answers;
        CHECK(ok);
        CHECK(reason.empty());
    };
    b.put("b", "{\"n\":2}", expect_ok);
    b.put("a", "{\"n\":1}", expect_ok);
    b.put("a", "{\"n\":3}", expect_ok);
    CHECK(answers == 3);
    CHECK(b.writes == 3);
    std::vector<std::string> loaded;
    b.load_all([&](std::vector<std::string> records, const std::string& error) {
        loaded = std::move(records);
        CHECK(error.empty());
    });
    CHECK(loaded == std::vector<std::string>{"{\"n\":3}", "{\"n\":2}"});
    b.remove("a", expect_ok);
    CHECK(b.records.size() == 1);
    CHECK(b.records.count("b") == 1);
    CHECK(b.writes == 4);
}

TEST_CASE("MemoryBackend with fail_with refuses every write and keeps what it had") {
    store::MemoryBackend b;
    b.records["a"] = "{}";
    b.fail_with = "QuotaExceededError";
    std::vector<std::string> reasons;
    auto expect_fail = [&](bool ok, const std::string& reason) {
        CHECK_FALSE(ok);
        reasons.push_back(reason);
    };
    b.put("b", "{}", expect_fail);
    b.remove("a", expect_fail);
    CHECK(reasons == std::vector<std::string>{"QuotaExceededError", "QuotaExceededError"});
    CHECK(b.records == std::map<std::string, std::string>{{"a", "{}"}});
    CHECK(b.writes == 0);
}

TEST_CASE("a workspace written record by record loads back identical") {
    core::Workspace ws(test::fixed_env());
    const auto a = ws.create(core::DocKind::riskanalys, "Riskanalys", "Tallen", 2026);
    const auto b = ws.create(core::DocKind::atgardsplan, "Åtgärdsplan", "IFO", 2025);
    CHECK(ws.edit(a, "x", [](core::Document& d) {
        test::change_analysis(d, [](core::RiskAnalysis& m) {
            core::Risk r;
            r.id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
            r.s = 3;
            m.risks.push_back(r);
        });
    }));
    ws.remove(b);
    store::MemoryBackend backend;
    for (const auto& entry : ws.take_dirty()) {
        auto done = [](bool ok, const std::string&) { CHECK(ok); };
        if (entry.deleted)
            backend.remove(entry.id, done);
        else
            backend.put(entry.id, core::document_to_json(*ws.find(entry.id)).dump(), done);
    }
    std::vector<core::Document> docs;
    backend.load_all([&](std::vector<std::string> records, const std::string&) {
        for (const auto& r : records) {
            std::vector<core::ValidationError> errors;
            auto d = core::parse_document(r, errors);
            REQUIRE(d);
            docs.push_back(*d);
        }
    });
    core::Workspace loaded(test::fixed_env());
    loaded.load(docs);
    REQUIRE(loaded.size() == 1);
    CHECK(*loaded.find(a) == *ws.find(a));
    CHECK(loaded.find(b) == nullptr);
}
