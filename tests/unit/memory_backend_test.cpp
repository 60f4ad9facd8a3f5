// MemoryBackend: batches written in one go, loaded back, failures that change nothing.
#include "core/exchange_format.hpp"
#include "store/backend.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh;

TEST_CASE("MemoryBackend writes a batch, loads it back and answers every request once") {
    store::MemoryBackend b;
    int answers = 0;
    auto expect_ok = [&](bool ok, const std::string& reason) {
        ++answers;
        CHECK(ok);
        CHECK(reason.empty());
    };
    store::WriteBatch w;
    w.docs.push_back({"b", "{\"n\":2}", false, {{"x", "X"}, {"y", "Y"}}});
    w.docs.push_back({"a", "{\"n\":1}", false, {}});
    b.write(w, expect_ok);
    b.write({{{"a", "{\"n\":3}", false, {}}, {"b", "{\"n\":4}", false, {{"x", "X2"}}}}, {}}, expect_ok);
    CHECK(answers == 2);
    CHECK(b.writes == 2);
    std::vector<store::StoredDocument> loaded;
    b.load_all([&](std::vector<store::StoredDocument> docs, const std::string& error) {
        loaded = std::move(docs);
        CHECK(error.empty());
    });
    REQUIRE(loaded.size() == 2);
    CHECK(loaded[0].head == "{\"n\":3}");
    CHECK(loaded[1].items == std::vector<std::string>{"X2", "Y"});
    b.write({{{"b", "{}", true, {{"z", "Z"}}}}, {"a"}}, expect_ok);
    CHECK(b.heads.count("a") == 0);
    CHECK(b.items["b"] == std::map<std::string, std::string>{{"z", "Z"}});
}

TEST_CASE("MemoryBackend with fail_with refuses every write and keeps what it had") {
    store::MemoryBackend b;
    b.heads["a"] = "{}";
    b.fail_with = "QuotaExceededError";
    std::vector<std::string> reasons;
    auto expect_fail = [&](bool ok, const std::string& reason) {
        CHECK_FALSE(ok);
        reasons.push_back(reason);
    };
    b.write({{{"b", "{}", false, {}}}, {}}, expect_fail);
    b.write({{}, {"a"}}, expect_fail);
    CHECK(reasons == std::vector<std::string>{"QuotaExceededError", "QuotaExceededError"});
    CHECK(b.heads == std::map<std::string, std::string>{{"a", "{}"}});
    CHECK(b.writes == 0);
}
