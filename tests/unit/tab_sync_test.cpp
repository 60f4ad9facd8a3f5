// TabSync: one tab among several over the same storage, with its clock and the backend's reads in
// the test's hand: start-up, reads after other tabs' writes, edits of this tab never replaced, taking
// over writing, failed reads, unreadable and first-layout records.
#include "core/import_plan.hpp"
#include "store/save_queue.hpp"
#include "store/stored_layout.hpp"
#include "store/tab_sync.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace kvh;

namespace {

// The clock and timers as the test moves them, and what TabSync asked of the platform.
struct FakeHost final : store::TabSyncHost {
    struct Timer {
        double due;
        std::function<void()> fire;
    };
    double now = 0;
    std::map<int, Timer> timers;
    int last_timer = 0;
    bool app_open = false;
    std::optional<std::string> started_with; // the read error app_started was given
    std::vector<std::string> warnings, announced;
    std::vector<core::UnreadableRecord> unreadable; // as last shown
    int save_states = 0;                            // save_state_changed calls

    double now_ms() override { return now; }
    int set_timeout(double delay_ms, std::function<void()> fire) override {
        timers[++last_timer] = Timer{now + delay_ms, std::move(fire)};
        return last_timer;
    }
    void clear_timeout(int id) override { timers.erase(id); }
    void warn(const std::string& text) override { warnings.push_back(text); }
    void announce_write(const std::string& id) override { announced.push_back(id); }
    void request_persistence() override {}
    void request_frames(int) override {}
    void after_frame(std::function<void()> then) override { then(); } // a frame is drawn at once
    void open_app() override {
        CHECK_FALSE(app_open);
        app_open = true;
    }
    void show_unreadable(std::vector<core::UnreadableRecord> records) override {
        CHECK(app_open);
        unreadable = std::move(records);
    }
    void app_started(const std::string& read_error) override { started_with = read_error; }
    void save_state_changed() override { ++save_states; }

    // Moves the clock `ms` on, firing every timer that falls due on the way, in order.
    void advance(double ms) {
        const double until = now + ms;
        for (;;) {
            const auto next =
                std::min_element(timers.begin(), timers.end(),
                                 [](const auto& a, const auto& b) { return a.second.due < b.second.due; });
            if (next == timers.end() || next->second.due > until) break;
            now = std::max(now, next->second.due);
            const std::function<void()> fire = std::move(next->second.fire);
            timers.erase(next);
            fire();
        }
        now = until;
    }
};

// The tab under test: its workspace, save queue and TabSync over the shared backend.
struct Tab {
    explicit Tab(store::MemoryBackend& backend) : saves(ws, backend), sync(ws, backend, saves, host) {}

    // The writer lock's first answer, then the first read (the platform reads its settings between).
    void open(bool writer) {
        sync.on_role(writer);
        sync.start();
    }
    std::string title(const std::string& id) const {
        const core::Document* d = ws.find(id);
        return d ? d->title : "(none)";
    }

    core::Workspace ws{test::fixed_env()};
    store::SaveQueue saves;
    FakeHost host;
    store::TabSync sync;
};

// Another tab writing to the same storage (or the tab that held the lock, writing as it closes). Its
// ids come from a random source of its own, so they never meet the tab's.
struct OtherTab {
    explicit OtherTab(store::MemoryBackend& backend) : saves(ws, backend) {}

    static core::Environment env() {
        core::Environment e = test::fixed_env();
        auto state = std::make_shared<std::uint64_t>(42);
        e.random_u64 = [state] { return (*state += 0x9e3779b97f4a7c15ULL) * 0xbf58476d1ce4e5b9ULL; };
        return e;
    }
    // A new åtgärdsplan, durably written; its id.
    std::string create(const std::string& title) {
        const std::string id = ws.create(core::DocKind::atgardsplan, title, "IFO", 2026);
        saves.flush();
        return id;
    }

    core::Workspace ws{env()};
    store::SaveQueue saves;
};

} // namespace

TEST_CASE("the heads are shown first, the first read starts the app with what is stored; writes wait for the "
          "lock") {
    store::MemoryBackend backend;
    OtherTab other(backend);
    const std::string id = other.create("Plan A");

    Tab reader(backend);
    backend.hold_loads = true;
    reader.open(false);
    CHECK(reader.sync.reads() == 1);
    // The heads are shown while everything is read: titles, nothing that can be changed.
    CHECK(reader.host.app_open);
    CHECK(reader.sync.loading_items());
    CHECK_FALSE(reader.sync.running());
    CHECK(reader.title(id) == "Plan A");
    CHECK(reader.saves.read_only());
    CHECK_FALSE(reader.ws.edit(id, test::step("titel"), [](core::Document& d) { d.title = "Nej"; }));
    backend.release_loads();
    CHECK_FALSE(reader.sync.loading_items());
    CHECK(reader.host.app_open);
    CHECK(reader.sync.running());
    CHECK(reader.host.started_with == "");
    CHECK(reader.title(id) == "Plan A");
    CHECK(reader.saves.read_only());
    CHECK(reader.ws.create(core::DocKind::atgardsplan, "Nej", "", 2026).empty());

    backend.hold_loads = false;
    Tab writer(backend);
    writer.open(true);
    CHECK(writer.host.app_open);
    CHECK(writer.title(id) == "Plan A");
    CHECK_FALSE(writer.saves.read_only());
    CHECK(writer.sync.reads() == 1);
    CHECK(writer.host.timers.empty()); // nothing more to read or write
}

TEST_CASE("a write announced during the first read is read once the interval has passed") {
    store::MemoryBackend backend;
    OtherTab other(backend);
    Tab tab(backend);
    backend.hold_loads = true;
    tab.open(false);
    tab.host.advance(50);
    const std::string id = other.create("Ny");
    tab.sync.on_remote_write(id);
    backend.release_loads();
    CHECK(tab.title(id) == "(none)"); // the first read began before the write
    tab.host.advance(199);
    CHECK(tab.sync.reads() == 1);
    tab.host.advance(1);
    CHECK(tab.sync.reads() == 2);
    backend.release_loads();
    CHECK(tab.title(id) == "Ny");
}

TEST_CASE("other tabs' writes cause at most one read per interval, which ends on the last state") {
    store::MemoryBackend backend;
    OtherTab other(backend);
    Tab tab(backend);
    tab.open(false);
    tab.host.advance(1000);

    const std::string first = other.create("Första");
    tab.sync.on_remote_write(first); // the last read ended long ago: at once
    CHECK(tab.sync.reads() == 2);
    CHECK(tab.title(first) == "Första");

    std::vector<std::string> ids;
    for (int i = 0; i < 10; ++i) {
        tab.host.advance(10);
        ids.push_back(other.create("Plan " + std::to_string(i)));
        tab.sync.on_remote_write(ids.back());
    }
    CHECK(tab.sync.reads() == 2);
    tab.host.advance(99); // 199 ms after the last read ended
    CHECK(tab.sync.reads() == 2);
    tab.host.advance(1);
    CHECK(tab.sync.reads() == 3);
    for (const std::string& id : ids) CHECK(tab.ws.find(id));

    // While a read is in flight, announced writes wait for it and then for the interval.
    backend.hold_loads = true;
    tab.host.advance(1000);
    const std::string late = other.create("Sen");
    tab.sync.on_remote_write(late);
    CHECK(tab.sync.reads() == 4);
    const std::string later = other.create("Senare");
    tab.sync.on_remote_write(later);
    tab.sync.on_remote_write(later);
    backend.release_loads();
    CHECK(tab.title(late) == "Sen");
    CHECK(tab.title(later) == "(none)");
    tab.host.advance(199);
    CHECK(tab.sync.reads() == 4);
    tab.host.advance(1);
    CHECK(tab.sync.reads() == 5);
    backend.release_loads();
    CHECK(tab.title(later) == "Senare");
    tab.host.advance(10'000);
    CHECK(tab.sync.reads() == 5);
}

TEST_CASE("a read waits while this tab has edits not yet written, and happens once they are") {
    store::MemoryBackend backend;
    OtherTab other(backend);
    Tab tab(backend);
    tab.open(true);
    tab.host.advance(1000);

    const std::string mine = tab.ws.create(core::DocKind::atgardsplan, "Min plan", "", 2026);
    CHECK(tab.saves.pending_count() == 1);
    const std::string theirs = other.create("Deras");
    tab.sync.on_remote_write(theirs);
    CHECK(tab.sync.reads() == 1); // not now: the edit is not stored
    tab.host.advance(399);
    CHECK(tab.sync.reads() == 1);
    CHECK(backend.heads.count(mine) == 0);
    tab.host.advance(1); // the debounce is over: written, then read
    CHECK(backend.heads.count(mine) == 1);
    CHECK(tab.sync.reads() == 2);
    CHECK(tab.title(mine) == "Min plan");
    CHECK(tab.title(theirs) == "Deras");
    CHECK(tab.host.announced == std::vector<std::string>{mine});
}

TEST_CASE("a read that comes in while this tab has edits not yet written does not replace them") {
    store::MemoryBackend backend;
    OtherTab other(backend);
    Tab tab(backend);
    const std::string id = other.create("Före");
    tab.open(true);
    tab.host.advance(1000);

    backend.hold_loads = true;
    const std::string theirs = other.create("Deras");
    tab.sync.on_remote_write(theirs);
    CHECK(tab.sync.reads() == 2);
    REQUIRE(tab.ws.edit(id, test::step("titel"), [](core::Document& d) { d.title = "Efter"; }));
    backend.release_loads(); // what it read is older than the edit
    CHECK(tab.title(id) == "Efter");
    CHECK(tab.title(theirs) == "(none)");
    CHECK(tab.ws.can_undo()); // the workspace was not loaded anew

    tab.host.advance(400); // written, then read again
    CHECK(tab.sync.reads() == 3);
    backend.release_loads();
    CHECK(tab.title(id) == "Efter");
    CHECK(tab.title(theirs) == "Deras");
}

TEST_CASE("a tab taking over writing stays read-only until a read that began after the lock is in") {
    store::MemoryBackend backend;
    OtherTab closing(backend);
    Tab tab(backend);
    tab.open(false);
    tab.host.advance(100);

    // Written as the writing tab closed, and never announced.
    const std::string last = closing.create("Sista");
    backend.hold_loads = true;
    tab.sync.on_role(true);
    CHECK(tab.sync.reads() == 2); // at once, not after the interval
    CHECK(tab.saves.read_only());
    CHECK(tab.ws.create(core::DocKind::atgardsplan, "Nej", "", 2026).empty());
    const int states = tab.host.save_states;
    backend.release_loads();
    CHECK(tab.title(last) == "Sista");
    CHECK_FALSE(tab.saves.read_only());
    CHECK(tab.host.save_states > states); // the app shows that it may write
    const std::string mine = tab.ws.create(core::DocKind::atgardsplan, "Ja", "", 2026);
    CHECK_FALSE(mine.empty());
    tab.host.advance(400);
    CHECK(backend.heads.count(mine) == 1);
}

TEST_CASE("taking over during a read that began before the lock reads again at once") {
    store::MemoryBackend backend;
    OtherTab closing(backend);
    Tab tab(backend);
    tab.open(false);
    tab.host.advance(1000);

    backend.hold_loads = true;
    const std::string announced = closing.create("Meddelad");
    tab.sync.on_remote_write(announced);
    CHECK(tab.sync.reads() == 2);
    const std::string last = closing.create("Sista"); // after that read began, never announced
    tab.sync.on_role(true);
    CHECK(tab.sync.reads() == 2); // never two at a time
    backend.release_loads();
    CHECK(tab.title(announced) == "Meddelad");
    CHECK(tab.title(last) == "(none)");
    CHECK(tab.saves.read_only()); // that read may have missed the closing tab's last writes
    CHECK(tab.sync.reads() == 3); // so another, at once
    backend.release_loads();
    CHECK(tab.title(last) == "Sista");
    CHECK_FALSE(tab.saves.read_only());
}

TEST_CASE("the lock coming during the first read: read-only at start, writing after a second read") {
    store::MemoryBackend backend;
    OtherTab closing(backend);
    Tab tab(backend);
    backend.hold_loads = true;
    tab.open(false);
    const std::string last = closing.create("Sista");
    tab.sync.on_role(true);
    backend.release_loads();
    CHECK(tab.host.app_open);
    CHECK(tab.saves.read_only());
    CHECK(tab.sync.reads() == 2);
    backend.release_loads();
    CHECK(tab.title(last) == "Sista");
    CHECK_FALSE(tab.saves.read_only());
}

TEST_CASE("a failed read is reported and tried again after a second") {
    store::MemoryBackend backend;
    OtherTab other(backend);
    Tab tab(backend);
    tab.open(false);
    tab.host.advance(1000);

    backend.load_fail_with = "UnknownError";
    const std::string id = other.create("Ny");
    tab.sync.on_remote_write(id);
    CHECK(tab.sync.reads() == 2);
    REQUIRE(tab.host.warnings.size() == 1);
    CHECK(tab.host.warnings[0] == "Kvalitetshjul: reading the stored documents failed: UnknownError");
    CHECK(tab.title(id) == "(none)");
    backend.load_fail_with.clear();
    tab.sync.on_remote_write(id); // the retry is already set: no earlier read
    tab.host.advance(999);
    CHECK(tab.sync.reads() == 2);
    tab.host.advance(1);
    CHECK(tab.sync.reads() == 3);
    CHECK(tab.title(id) == "Ny");
}

TEST_CASE("a failed first read starts the app on an empty workspace, saying why") {
    store::MemoryBackend backend;
    OtherTab other(backend);
    other.create("Plan");
    backend.load_fail_with = "InvalidStateError";
    Tab tab(backend);
    tab.open(true);
    CHECK(tab.host.app_open);
    CHECK(tab.host.started_with == "InvalidStateError");
    CHECK(tab.ws.size() == 0);
}

TEST_CASE("unreadable records are reported, shown, held and never overwritten") {
    store::MemoryBackend backend;
    OtherTab other(backend);
    const std::string good = other.create("Läsbar");
    const std::string bad = "0b7c5c4e-6f7a-4d3b-9a53-2f1e0f6d8a11";
    backend.heads[bad] = "{\"id\": \"" + bad + "\", \"kind\": \"atgardsplan\", \"title\": \"Trasig\"";
    Tab tab(backend);
    tab.open(true);

    CHECK(tab.title(good) == "Läsbar");
    CHECK(tab.ws.find(bad) == nullptr);
    CHECK(tab.ws.is_held(bad));
    REQUIRE(tab.host.unreadable.size() == 1);
    CHECK(tab.host.unreadable[0].id == bad);
    REQUIRE(tab.host.warnings.size() == 1);
    CHECK(tab.host.warnings[0].starts_with("Kvalitetshjul: the stored record \"" + bad +
                                           "\" could not be read and was set aside\n  "));

    // A good document under the same id, imported: it comes in as a copy; the record stays as it was.
    const std::string stored = backend.heads[bad];
    core::Document incoming = *other.ws.find(good);
    incoming.id = bad;
    core::apply_import(tab.ws, core::plan_import(tab.ws, {incoming}), core::ConflictChoice::keep_both);
    tab.host.advance(1000);
    CHECK(backend.heads[bad] == stored);
    CHECK(backend.heads.size() == 3);

    // Still held after a later read.
    tab.sync.on_remote_write(good);
    CHECK(tab.ws.is_held(bad));
    CHECK(tab.host.unreadable.size() == 1);
}

TEST_CASE("records of the first layout are moved to the new one by the tab that writes") {
    store::MemoryBackend backend;
    core::Workspace old(OtherTab::env());
    const std::string id = old.create(core::DocKind::riskanalys, "Riskanalys", "Tallen", 2026);
    old.edit(id, test::step("risker"), [&](core::Document& d) {
        test::change_analysis(d, [&](core::RiskAnalysis& a) {
            for (int i = 0; i < 3; ++i) {
                core::Risk r;
                r.id = core::new_uuid_v4(old.env());
                r.description = "Händelse " + std::to_string(i);
                a.risks.push_back(r);
            }
        });
    });
    backend.heads[id] = core::document_to_json(*old.find(id)).dump(); // the whole document, one record

    Tab reader(backend);
    reader.open(false);
    CHECK(*reader.ws.find(id) == *old.find(id));
    CHECK(backend.writes == 0); // a read-only tab leaves it to the writing one

    Tab writer(backend);
    writer.open(true);
    CHECK(*writer.ws.find(id) == *old.find(id));
    CHECK(backend.writes == 1);
    CHECK(backend.items[id].size() == 1); // its risks in one pack
    CHECK(backend.heads[id].find("\"stored_items\":\"risker\"") != std::string::npos);
    CHECK(writer.saves.state().kind == store::SaveState::Kind::saved);
}

TEST_CASE("a riskanalys shown from its head has no risks until the first read brings them, whole") {
    store::MemoryBackend backend;
    core::Workspace old(test::fixed_env());
    store::SaveQueue old_saves(old, backend);
    const std::string id = old.create(core::DocKind::riskanalys, "Analys", "Tallen", 2026);
    old.edit(id, test::step("risker"), [&](core::Document& d) {
        test::change_analysis(d, [&](core::RiskAnalysis& a) {
            for (int i = 0; i < 40; ++i) {
                core::Risk r;
                r.id = core::new_uuid_v4(old.env());
                r.description = "Risk " + std::to_string(i);
                a.risks.push_back(r);
            }
        });
    });
    old_saves.flush();

    Tab tab(backend);
    backend.hold_loads = true;
    tab.open(true);
    REQUIRE(tab.ws.find(id));
    CHECK(core::analysis_of(*tab.ws.find(id))->risks.size() == 0);
    CHECK(tab.saves.read_only()); // the writer too, until everything is read
    const int writes = backend.writes;
    backend.release_loads();
    CHECK(tab.sync.running());
    CHECK(*tab.ws.find(id) == *old.find(id));
    CHECK_FALSE(tab.saves.read_only());
    CHECK(backend.writes == writes); // the heads shown were never written back
}
