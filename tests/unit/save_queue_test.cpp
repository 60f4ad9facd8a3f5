// SaveQueue: debounce, max delay, honest state, failures kept and retried, one write per edit.
#include "store/save_queue.hpp"
#include "test_support.hpp"

#include "core/exchange_format.hpp"
#include "store/stored_layout.hpp"

#include <doctest/doctest.h>

using namespace kvh;

namespace {
core::Environment fixed_env() {
    auto counter = std::make_shared<std::uint64_t>(1);
    return {[] { return std::string("2026-11-23T10:00:00Z"); },
            [counter] { return (*counter)++ * 0x9E3779B97F4A7C15ull; }};
}
} // namespace

TEST_CASE("an edit is written once, after the debounce, and the state says so") {
    core::Workspace ws(fixed_env());
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend, 400, 1000);
    std::vector<store::SaveState::Kind> seen;
    q.on_state = [&](const store::SaveState& s) { seen.push_back(s.kind); };

    const std::string id = ws.create(core::DocKind::riskanalys, "Riskanalys 2026", "Kök", 2026);
    q.tick(0);
    CHECK(q.state().kind == store::SaveState::Kind::pending);
    CHECK(q.pending_count() == 1);
    CHECK(q.next_due_in(0) == doctest::Approx(400));
    q.tick(399);
    CHECK(backend.writes == 0);
    q.tick(400);
    CHECK(backend.writes == 1);
    CHECK(q.state().kind == store::SaveState::Kind::saved);
    CHECK(q.pending_count() == 0);
    REQUIRE(backend.heads.count(id) == 1);
    CHECK(backend.heads[id] == store::head_text(*ws.find(id)));
    CHECK(seen == std::vector{store::SaveState::Kind::pending, store::SaveState::Kind::saving,
                              store::SaveState::Kind::saved});
    CHECK(q.next_due_in(500) == -1);
}

TEST_CASE("steady typing is still saved within the max delay") {
    core::Workspace ws(fixed_env());
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend, 400, 1000);
    const std::string id = ws.create(core::DocKind::riskanalys, "R", "", 2026);
    for (int t = 0; t < 1000; t += 100) {
        ws.edit(id, kvh::test::step("titel"), [&](core::Document& d) { d.title += "x"; });
        q.tick(t);
        CHECK(backend.writes == 0);
    }
    q.tick(1000);
    CHECK(backend.writes == 1);
    CHECK(backend.heads[id].find("Rxxxxxxxxxx") != std::string::npos);
}

TEST_CASE("flush writes at once; a delete removes the record") {
    core::Workspace ws(fixed_env());
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend);
    const std::string a = ws.create(core::DocKind::atgardsplan, "A", "", 2026);
    const std::string b = ws.create(core::DocKind::atgardsplan, "B", "", 2026);
    q.flush();
    CHECK(backend.heads.size() == 2);
    ws.remove(a);
    q.flush();
    CHECK(backend.heads.size() == 1);
    CHECK(backend.heads.count(b) == 1);
}

TEST_CASE("a failed write is reported with its reason, kept, and retried after a pause") {
    core::Workspace ws(fixed_env());
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend, 400, 1000);
    backend.fail_with = "lagringsutrymmet i webbläsaren är fullt";
    const std::string id = ws.create(core::DocKind::riskanalys, "R", "", 2026);
    q.flush();
    CHECK(q.state().kind == store::SaveState::Kind::failed);
    CHECK(q.state().reason == "lagringsutrymmet i webbläsaren är fullt");
    CHECK(q.pending_count() == 1);
    CHECK(backend.heads.empty());
    backend.fail_with.clear();
    q.tick(1000); // within the retry pause: no new attempt
    CHECK(backend.heads.empty());
    CHECK(q.state().kind == store::SaveState::Kind::failed);
    q.tick(5000);
    CHECK(q.state().kind == store::SaveState::Kind::saved);
    CHECK(backend.heads.count(id) == 1);
}

TEST_CASE("a read-only tab writes nothing, and its workspace refuses changes") {
    core::Workspace ws(fixed_env());
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend);
    const std::string id = ws.create(core::DocKind::riskanalys, "R", "", 2026);
    q.set_read_only(true);
    q.flush();
    q.tick(10000);
    CHECK(backend.writes == 0);
    CHECK(q.pending_count() == 1);
    CHECK(ws.create(core::DocKind::riskanalys, "R2", "", 2026).empty());
    CHECK_FALSE(ws.edit(id, kvh::test::step("t"), [](core::Document& d) { d.title = "Ny"; }));
    q.set_read_only(false);
    q.flush();
    CHECK(backend.writes == 1);
}

namespace {
// Answers when the test says so, in the order the writes were started (as IndexedDB does).
struct DeferredBackend final : store::Backend {
    void load_all(store::Loaded done) override { done({}, ""); }
    void load_heads(store::Loaded done) override { done({}, ""); }
    void write(store::WriteBatch batch, store::Done done) override {
        queue.push_back([this, batch, done] {
            for (const auto& d : batch.docs) heads[d.id] = d.head;
            for (const auto& id : batch.remove_docs) heads.erase(id);
            done(true, "");
        });
    }
    void complete_all() {
        while (!queue.empty()) {
            auto next = std::move(queue.front());
            queue.erase(queue.begin());
            next();
        }
    }
    std::vector<std::function<void()>> queue;
    std::map<std::string, std::string> heads;
};
} // namespace

TEST_CASE("flush writes what changed while a write of the same document is in flight") {
    core::Workspace ws(fixed_env());
    DeferredBackend backend;
    store::SaveQueue q(ws, backend, 400, 1000);
    const std::string id = ws.create(core::DocKind::riskanalys, "R", "", 2026);
    q.tick(0);
    q.tick(400); // the first write starts and stays in flight
    REQUIRE(backend.queue.size() == 1);
    ws.edit(id, kvh::test::step("titel"), [](core::Document& d) { d.title = "Riskanalys nattpatrullen"; });
    q.flush(); // the page is being hidden: no timer will fire after this
    REQUIRE(backend.queue.size() == 2);
    CHECK(q.state().kind == store::SaveState::Kind::saving);
    backend.complete_all();
    CHECK(backend.heads[id].find("Riskanalys nattpatrullen") != std::string::npos);
    CHECK(q.state().kind == store::SaveState::Kind::saved);
    CHECK(q.pending_count() == 0);
    CHECK(q.next_due_in(0) == -1);

    // Without a flush, a change during a write waits for it and is then written once.
    ws.edit(id, kvh::test::step("titel"), [](core::Document& d) { d.title = "Andra"; });
    q.tick(1000);
    q.tick(1400);
    REQUIRE(backend.queue.size() == 1);
    ws.edit(id, kvh::test::step("titel"), [](core::Document& d) { d.title = "Tredje"; });
    q.tick(1500);
    CHECK(backend.queue.size() == 1);
    backend.complete_all();
    q.tick(2000);
    backend.complete_all();
    CHECK(backend.heads[id].find("Tredje") != std::string::npos);
    CHECK(q.pending_count() == 0);
}

TEST_CASE("saving one edit writes one document, whatever the workspace size") {
    core::Workspace ws(fixed_env());
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend);
    std::vector<std::string> ids;
    for (int i = 0; i < 1000; ++i) ids.push_back(ws.create(core::DocKind::atgardsplan, "Plan", "", 2026));
    q.flush();
    CHECK(backend.writes == 1); // one transaction
    CHECK(backend.heads.size() == 1000);
    ws.edit(ids[500], kvh::test::step("titel"), [](core::Document& d) { d.title = "Ny titel"; });
    q.flush();
    CHECK(backend.writes == 2);
    CHECK(q.last_batch_bytes() == store::head_text(*ws.find(ids[500])).size() + ids[500].size());
}
