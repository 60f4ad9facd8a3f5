// The stored layout: documents as head and item records, what an edit writes (the changed items and
// the head, not the document), the round trip back, records of the first layout, damaged records.
#include "store/save_queue.hpp"
#include "store/stored_layout.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh;
using core::Document;
using core::Risk;
using core::RiskAnalysis;

namespace {

std::vector<Document> read_back(store::MemoryBackend& backend, std::vector<std::string>* legacy = nullptr) {
    std::vector<Document> docs;
    backend.load_all([&](std::vector<store::StoredDocument> stored, const std::string& error) {
        CHECK(error.empty());
        for (const auto& s : stored) {
            store::ReadResult r = store::read_stored(s);
            INFO(s.id);
            REQUIRE(r.doc);
            if (r.rewrite && legacy) legacy->push_back(r.doc->id);
            docs.push_back(std::move(*r.doc));
        }
    });
    return docs;
}

// An analysis of `n` risks with two actions each, added in one edit.
std::string big_analysis(core::Workspace& ws, int n) {
    const std::string id = ws.create(core::DocKind::riskanalys, "Riskanalys", "Tallen", 2026);
    ws.edit(
        id, kvh::test::step("risker"),
        [&](Document& d) {
            test::change_analysis(d, [&](RiskAnalysis& a) {
                for (int i = 0; i < n; ++i) {
                    Risk r;
                    r.id = core::new_uuid_v4(ws.env());
                    r.description = "Händelse " + std::to_string(i) + std::string(300, 'x');
                    r.s = 1 + i % 4;
                    r.k = 1 + (i / 4) % 4;
                    for (int j = 0; j < 2; ++j) {
                        core::Action x;
                        x.id = core::new_uuid_v4(ws.env());
                        x.what = "Åtgärd " + std::to_string(j);
                        x.due = "2026-12-31";
                        r.actions.push_back(x);
                    }
                    a.risks.push_back(r);
                }
            });
        },
        false);
    return id;
}

void set_description(core::Workspace& ws, const std::string& id, std::size_t i, const std::string& text) {
    REQUIRE(ws.edit(id, kvh::test::step("beskrivning"), [&](Document& d) {
        test::change_analysis(d, [&](RiskAnalysis& a) { a.risks.edit(i).description = text; });
    }));
}

} // namespace

TEST_CASE("an edit of one risk of 2,000 writes that risk and the head, and everything reads back") {
    core::Workspace ws(test::fixed_env());
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend);
    const std::string id = big_analysis(ws, 2000);
    q.flush();
    CHECK(backend.items[id].size() == 1); // written whole: every risk in one pack record
    CHECK(backend.items[id].count("") == 1);
    const std::size_t whole = backend.bytes_written;
    CHECK(whole > 500'000);

    // Typing one character at a time into risk 1234: each save carries one risk and the head.
    // (A character, not a byte: half of "ö" is no text, and an edit that leaves one is refused.)
    std::string text = "Fall";
    for (std::string_view c :
         {" ", "v", "i", "d", " ", "f", "ö", "r", "f", "l", "y", "t", "t", "n", "i", "n", "g"}) {
        text += c;
        set_description(ws, id, 1234, text);
        q.flush();
        CHECK(q.last_batch_bytes() < 8 * 1024);
    }
    // A score change is the same size.
    REQUIRE(ws.edit(
        id, kvh::test::step("poäng"),
        [&](Document& d) { test::change_analysis(d, [&](RiskAnalysis& a) { a.risks.edit(7).s = 1; }); },
        false));
    q.flush();
    CHECK(q.last_batch_bytes() < 8 * 1024);
    CHECK(backend.items[id].size() == 3); // the pack, then a record of each risk edited since

    core::Workspace loaded(test::fixed_env());
    loaded.load(read_back(backend));
    REQUIRE(loaded.size() == 1);
    CHECK(*loaded.find(id) == *ws.find(id));
    CHECK(core::analysis_of(*loaded.find(id))->risks[1234].description == "Fall vid förflyttning");
}

TEST_CASE("removing, adding and moving risks writes places anew and loads back in order") {
    core::Workspace ws(test::fixed_env());
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend);
    const std::string id = big_analysis(ws, 70);
    q.flush();
    const std::string gone = core::analysis_of(*ws.find(id))->risks[3].id;
    REQUIRE(ws.edit(
        id, kvh::test::step("ta bort"),
        [&](Document& d) { test::change_analysis(d, [&](RiskAnalysis& a) { a.risks.erase(3); }); }, false));
    q.flush();
    // The pack still holds the removed risk: a record under its id says it is gone.
    CHECK(backend.items[id].at(gone) == "{\"removed\":\"" + gone + "\"}");
    CHECK(core::analysis_of(read_back(backend).at(0))->risks.size() == 69);
    REQUIRE(ws.edit(
        id, kvh::test::step("ny först"),
        [&](Document& d) {
            test::change_analysis(d, [&](RiskAnalysis& a) {
                Risk r;
                r.id = core::new_uuid_v4(ws.env());
                r.description = "Ny";
                a.risks.insert(0, r);
            });
        },
        false));
    q.flush();
    REQUIRE(ws.undo()); // and back: the new one goes, every place moves back
    q.flush();
    REQUIRE(ws.redo());
    q.flush();
    core::Workspace loaded(test::fixed_env());
    loaded.load(read_back(backend));
    CHECK(*loaded.find(id) == *ws.find(id));
    CHECK(core::analysis_of(*loaded.find(id))->risks[0].description == "Ny");
}

TEST_CASE("a failed write makes the next one whole, so nothing stored is taken for granted") {
    core::Workspace ws(test::fixed_env());
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend);
    const std::string id = big_analysis(ws, 40);
    q.flush();
    backend.fail_with = "QuotaExceededError";
    set_description(ws, id, 5, "Första");
    q.flush();
    backend.fail_with.clear();
    set_description(ws, id, 6, "Andra");
    q.tick(10'000);
    CHECK(q.state().kind == store::SaveState::Kind::saved);
    core::Workspace loaded(test::fixed_env());
    loaded.load(read_back(backend));
    CHECK(*loaded.find(id) == *ws.find(id));
}

TEST_CASE("records of the first layout read as they are, and move to the new layout in one write") {
    core::Workspace ws(test::fixed_env());
    const std::string id = big_analysis(ws, 30);
    const std::string plan = ws.create(core::DocKind::atgardsplan, "Plan", "IFO", 2026);
    store::MemoryBackend backend;
    // The first layout: the whole document in one record.
    for (const Document* d : ws.documents()) backend.heads[d->id] = core::document_to_json(*d).dump();
    std::vector<std::string> legacy;
    core::Workspace loaded(test::fixed_env());
    loaded.load(read_back(backend, &legacy));
    CHECK(legacy == std::vector<std::string>{id, plan}); // a plan keeps its actions apart too
    CHECK(*loaded.find(id) == *ws.find(id));

    store::SaveQueue q(loaded, backend);
    q.loaded(legacy);
    CHECK(backend.writes == 1);
    CHECK(backend.items[id].size() == 1);
    CHECK(backend.heads[id].find("\"stored_items\":\"risker\"") != std::string::npos);
    CHECK(backend.heads[id].find("Händelse") == std::string::npos);
    std::vector<std::string> again;
    core::Workspace reloaded(test::fixed_env());
    reloaded.load(read_back(backend, &again));
    CHECK(again.empty());
    CHECK(*reloaded.find(id) == *ws.find(id));
    CHECK(*reloaded.find(plan) == *ws.find(plan));
}

TEST_CASE("item records over the pack win, and many of them make a read write the document anew") {
    core::Workspace ws(test::fixed_env());
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend);
    const std::string id = big_analysis(ws, 100);
    q.flush();
    for (std::size_t i = 0; i < 26; ++i) { // one more than a quarter of the risks
        set_description(ws, id, i * 3, "Ändrad " + std::to_string(i));
        q.flush();
        std::vector<std::string> rewrite;
        core::Workspace loaded(test::fixed_env());
        loaded.load(read_back(backend, &rewrite));
        CHECK(*loaded.find(id) == *ws.find(id));
        CHECK(rewrite.empty() == (i < 25));
    }
    CHECK(backend.items[id].size() == 27);
    std::vector<std::string> rewrite;
    core::Workspace loaded(test::fixed_env());
    loaded.load(read_back(backend, &rewrite));
    store::SaveQueue again(loaded, backend);
    again.loaded(rewrite);
    CHECK(backend.items[id].size() == 1);
    std::vector<std::string> none;
    core::Workspace reloaded(test::fixed_env());
    reloaded.load(read_back(backend, &none));
    CHECK(none.empty());
    CHECK(*reloaded.find(id) == *ws.find(id));
    CHECK(core::analysis_of(*reloaded.find(id))->risks[75].description == "Ändrad 25");

    // The layout before packs, one record per item, reads as it is and is written anew.
    backend.items[id].clear();
    const core::Body& body = *ws.find(id)->body;
    for (std::size_t i = 0; i < body.item_count(); ++i)
        backend.items[id][body.item_id(i)] = nlohmann::json{{"pos", i}, {"item", body.item_json(i)}}.dump();
    std::vector<std::string> singles;
    core::Workspace from_singles(test::fixed_env());
    from_singles.load(read_back(backend, &singles));
    CHECK(singles == std::vector<std::string>{id});
    CHECK(*from_singles.find(id) == *ws.find(id));
}

TEST_CASE("a damaged item record makes its document unreadable, with the reason, and nothing else") {
    core::Workspace ws(test::fixed_env());
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend);
    const std::string id = big_analysis(ws, 3);
    const std::string other = ws.create(core::DocKind::riskanalys, "Annan", "", 2026);
    q.flush();
    backend.items[id].begin()->second = "{\"pos\":0}";
    int readable = 0, unreadable = 0;
    backend.load_all([&](std::vector<store::StoredDocument> stored, const std::string&) {
        for (const auto& s : stored) {
            const store::ReadResult r = store::read_stored(s);
            if (r.doc) {
                ++readable;
                CHECK(r.doc->id == other);
            } else {
                ++unreadable;
                REQUIRE_FALSE(r.errors.empty());
                CHECK(r.errors[0].what == core::Msg::err_item_record);
            }
        }
    });
    CHECK(readable == 1);
    CHECK(unreadable == 1);
    // A head stored under another key is not taken for that document.
    const store::ReadResult moved =
        store::read_stored({"00000000-0000-4000-8000-000000000000", backend.heads[other], {}});
    CHECK_FALSE(moved.doc);
    CHECK(moved.errors.at(0).what == core::Msg::err_record_key);
}

TEST_CASE("an import is written at once, in one transaction") {
    core::Workspace ws(test::fixed_env());
    store::MemoryBackend backend;
    store::SaveQueue q(ws, backend, 400, 1000);
    std::vector<Document> docs;
    for (int i = 0; i < 50; ++i) {
        Document d = core::make_document(core::DocKind::atgardsplan);
        d.id = core::new_uuid_v4(ws.env());
        d.title = "Plan " + std::to_string(i);
        d.year = 2026;
        d.created = d.updated = "2026-01-01T00:00:00Z";
        core::advance_revision(d);
        docs.push_back(d);
    }
    ws.put_all(docs, kvh::test::step("Import"));
    q.tick(0);
    CHECK(backend.writes == 1);
    CHECK(backend.heads.size() == 50);
}
