// The workspace: the edit API, revisions moving forward through undo and redo, dirty tracking,
// ordering, and the system environment.
#include "core/arlig_genomgang/annual_review.hpp"
#include "core/workspace.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;
using kvh::test::fixed_env;

namespace {

std::vector<DirtyEntry> sorted(std::vector<DirtyEntry> v) {
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return v;
}

bool operator_eq(const std::vector<DirtyEntry>& a, const std::vector<std::pair<std::string, bool>>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].id != b[i].first || a[i].deleted != b[i].second) return false;
    return true;
}

auto set_title(std::string t) {
    return [t = std::move(t)](Document& d) { d.title = t; };
}

} // namespace

TEST_CASE("create makes a first revision, stamps time, marks dirty, records undo and notifies") {
    Workspace ws(fixed_env());
    int changes = 0;
    ws.subscribe([&] { ++changes; });
    const std::string id =
        ws.create(DocKind::riskanalys, "Riskanalys inför sommaren", "Hemtjänst Norra", 2026);
    CHECK(is_uuid(id));
    const Document* d = ws.find(id);
    REQUIRE(d);
    CHECK(d->kind == DocKind::riskanalys);
    CHECK(d->title == "Riskanalys inför sommaren");
    CHECK(d->unit == "Hemtjänst Norra");
    CHECK(d->year == 2026);
    CHECK(d->status == DocStatus::utkast);
    CHECK(d->body->equals(*kind_spec(DocKind::riskanalys).empty()));
    CHECK(d->rev.number == 1);
    CHECK(d->rev.hash == revision_hash("", *d));
    CHECK(d->ancestors.empty());
    CHECK(d->created == "2026-03-01T08:00:00Z");
    CHECK(d->updated == d->created);
    CHECK(changes == 1);
    CHECK(ws.can_undo());
    CHECK(ws.undo_label() == "nytt dokument");
    CHECK(operator_eq(ws.take_dirty(), {{id, false}}));
    CHECK_FALSE(ws.has_dirty());
}

TEST_CASE("edit advances the revision only when content changes") {
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::atgardsplan, "Plan", "IFO", 2026);
    const std::string rev1 = ws.find(id)->rev.str();
    ws.take_dirty();
    int changes = 0;
    ws.subscribe([&] { ++changes; });

    CHECK(ws.edit(id, Msg::undo_title, set_title("Åtgärdsplan efter IVO-beslut")));
    const Document* d = ws.find(id);
    CHECK(d->title == "Åtgärdsplan efter IVO-beslut");
    CHECK(d->rev.number == 2);
    CHECK(d->rev.hash == revision_hash(rev1, *d));
    CHECK(d->ancestors == std::vector<std::string>{rev1});
    CHECK(d->created == "2026-03-01T08:00:00Z");
    CHECK(d->updated == "2026-03-01T08:01:00Z");
    CHECK(ws.undo_label() == "ändring av titel");
    CHECK(changes == 1);
    CHECK(operator_eq(ws.take_dirty(), {{id, false}}));

    CHECK_FALSE(ws.edit(id, kvh::test::step("Samma titel"), set_title("Åtgärdsplan efter IVO-beslut")));
    CHECK_FALSE(ws.edit("no-such-id", kvh::test::step("x"), set_title("y")));
    CHECK(ws.find(id)->rev.number == 2);
    CHECK(ws.undo_label() == "ändring av titel");
    CHECK_FALSE(ws.has_dirty());
    CHECK(changes == 1);
}

TEST_CASE("edit owns only content: bookkeeping changes are ignored and limits are kept") {
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::riskanalys, "R", "U", 2026);
    const Document before = *ws.find(id);
    CHECK_FALSE(ws.edit(id, kvh::test::step("x"), [](Document& d) {
        d.id = "other";
        d.rev = {99, "ffffffffffffffff"};
        d.created = "2000-01-01T00:00:00Z";
    }));
    CHECK(*ws.find(id) == before);

    CHECK(ws.edit(id, kvh::test::step("x"), [](Document& d) {
        d.title = std::string(400, 'a');
        d.year = 1900;
        kvh::test::change_analysis(d, [](RiskAnalysis& a) {
            Risk r;
            r.id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
            r.description = "Fall";
            a.risks.push_back(r);
        });
    }));
    CHECK(ws.find(id)->title == std::string(kMaxTitleChars, 'a'));
    CHECK(ws.find(id)->year == kMinYear);
    CHECK(analysis_of(*ws.find(id))->risks[0].description == "Fall");
    CHECK(ws.find(id)->id == id);

    // A body of another kind is refused.
    CHECK_FALSE(ws.edit(id, kvh::test::step("x"), [](Document& d) {
        d.body = std::make_shared<JsonBody>(DocKind::atgardsplan, nlohmann::json::object());
    }));
    CHECK(ws.find(id)->body->kind() == DocKind::riskanalys);
}

TEST_CASE("an edit whose result is invalid is refused, changes nothing and says where") {
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::riskanalys, "R", "U", 2026);
    ws.take_dirty();
    const Document before = *ws.find(id);
    int changes = 0;
    ws.subscribe([&] { ++changes; });
    // A date typed one character at a time: the prefixes are refused, the whole date is taken.
    const std::string date = "2026-12-02";
    for (std::size_t n = 1; n < date.size(); ++n) {
        INFO(date.substr(0, n));
        const bool ok = ws.edit(id, kvh::test::step("datum"), [&](Document& d) {
            kvh::test::change_analysis(d, [&](RiskAnalysis& a) { a.date = date.substr(0, n); });
        });
        CHECK_FALSE(ok);
        REQUIRE(ws.refusal().size() == 1);
        CHECK(ws.refusal()[0].path == "body.datum");
        CHECK(ws.refusal()[0].what == Msg::err_bad_date);
        CHECK(*ws.find(id) == before);
    }
    CHECK(changes == 0);
    CHECK_FALSE(ws.has_dirty());
    CHECK(ws.edit(id, kvh::test::step("datum"), [&](Document& d) {
        kvh::test::change_analysis(d, [&](RiskAnalysis& a) { a.date = date; });
    }));
    CHECK(ws.refusal().empty());
    CHECK(analysis_of(*ws.find(id))->date == date);

    // A score beyond the scale, an action with a half-typed due date, a repeated id.
    auto add = [&](const std::function<void(Risk&)>& f) {
        return ws.edit(
            id, kvh::test::step("risk"),
            [&](Document& d) {
                kvh::test::change_analysis(d, [&](RiskAnalysis& a) {
                    Risk r;
                    r.id = new_uuid_v4(ws.env());
                    f(r);
                    a.risks.push_back(r);
                });
            },
            false);
    };
    CHECK_FALSE(add([](Risk& r) { r.s = 5; }));
    CHECK(ws.refusal().at(0).path == "body.risker[0].sannolikhet");
    CHECK_FALSE(add([](Risk& r) {
        Action x;
        x.id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        x.due = "2026-1";
        r.actions.push_back(x);
    }));
    CHECK(ws.refusal().at(0).path == "body.risker[0].atgarder[0].klart_senast");
    CHECK(add([](Risk& r) { r.s = 4; }));
    const std::string first = analysis_of(*ws.find(id))->risks[0].id;
    CHECK_FALSE(add([&](Risk& r) { r.id = first; }));
    CHECK(ws.refusal().at(0).what == Msg::err_id_repeated);
    CHECK(analysis_of(*ws.find(id))->risks.size() == 1);
}

TEST_CASE("a read-only workspace refuses every change") {
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::riskanalys, "R", "U", 2026);
    ws.set_read_only(true);
    CHECK_FALSE(ws.edit(id, kvh::test::step("t"), set_title("Ny")));
    CHECK(ws.refusal().at(0).what == Msg::err_read_only);
    CHECK(ws.create(DocKind::riskanalys, "R2", "U", 2026).empty());
    CHECK(ws.duplicate(id, "kopia").empty());
    CHECK_FALSE(ws.remove(id));
    CHECK_FALSE(ws.undo());
    CHECK(ws.find(id)->title == "R");
    ws.set_read_only(false);
    CHECK(ws.edit(id, kvh::test::step("t"), set_title("Ny")));
}

TEST_CASE("undo restores content but the revision keeps moving forward; redo likewise") {
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::egenkontrollplan, "Plan 2026", "Tallen", 2026);
    ws.edit(id, Msg::undo_status, [](Document& d) { d.status = DocStatus::pagar; });
    const std::string rev2 = ws.find(id)->rev.str();
    ws.take_dirty();

    REQUIRE(ws.undo());
    const Document* d = ws.find(id);
    CHECK(d->status == DocStatus::utkast);
    CHECK(d->rev.number == 3);
    CHECK(d->ancestors.front() == rev2);
    CHECK(d->rev.hash == revision_hash(rev2, *d));
    CHECK(d->updated == "2026-03-01T08:02:00Z");
    CHECK(ws.can_redo());
    CHECK(ws.redo_label() == "ändring av status");
    CHECK(ws.undo_label() == "nytt dokument");
    CHECK(operator_eq(ws.take_dirty(), {{id, false}}));

    REQUIRE(ws.redo());
    CHECK(ws.find(id)->status == DocStatus::pagar);
    CHECK(ws.find(id)->rev.number == 4);
    CHECK_FALSE(ws.can_redo());

    REQUIRE(ws.undo());
    CHECK(ws.find(id)->status == DocStatus::utkast);
    CHECK(ws.find(id)->rev.number == 5);
    CHECK(ws.find(id)->ancestors.size() == 4);
}

TEST_CASE("undo of create removes, redo puts it back under a newer revision") {
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::riskanalys, "R", "U", 2026);
    const std::string rev1 = ws.find(id)->rev.str();
    ws.take_dirty();
    REQUIRE(ws.undo());
    CHECK(ws.find(id) == nullptr);
    CHECK(ws.size() == 0);
    CHECK(operator_eq(ws.take_dirty(), {{id, true}}));
    CHECK_FALSE(ws.can_undo());
    REQUIRE(ws.redo());
    REQUIRE(ws.find(id));
    CHECK(ws.find(id)->rev.number == 2);
    CHECK(ws.find(id)->ancestors == std::vector<std::string>{rev1});
    CHECK(operator_eq(ws.take_dirty(), {{id, false}}));
}

TEST_CASE("undo of remove puts the document back, each time under a newer revision") {
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::riskanalys, "R", "U", 2026);
    ws.edit(id, kvh::test::step("t"), set_title("Riskanalys"));
    ws.take_dirty();
    REQUIRE(ws.remove(id));
    CHECK(ws.find(id) == nullptr);
    CHECK(ws.undo_label() == "borttagning av dokument");
    CHECK(operator_eq(ws.take_dirty(), {{id, true}}));
    CHECK_FALSE(ws.remove(id));

    REQUIRE(ws.undo());
    REQUIRE(ws.find(id));
    CHECK(ws.find(id)->title == "Riskanalys");
    CHECK(ws.find(id)->rev.number == 3);
    CHECK(operator_eq(ws.take_dirty(), {{id, false}}));
    REQUIRE(ws.redo());
    CHECK(ws.find(id) == nullptr);
    REQUIRE(ws.undo());
    CHECK(ws.find(id)->rev.number == 4); // not 3 again: a replica already saw 3 and then the removal
}

TEST_CASE("a new edit clears redo; undo history is capped") {
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::riskanalys, "R", "U", 2026);
    ws.edit(id, kvh::test::step("a"), set_title("A"));
    ws.undo();
    CHECK(ws.can_redo());
    ws.edit(id, kvh::test::step("b"), set_title("B"));
    CHECK_FALSE(ws.can_redo());

    for (int i = 0; i < 250; ++i)
        ws.edit(id, kvh::test::step("e" + std::to_string(i)), set_title("T" + std::to_string(i)));
    int undone = 0;
    while (ws.undo()) ++undone;
    CHECK(undone == 200);
    CHECK(ws.find(id)->title == "T49");
    CHECK_FALSE(ws.undo());
}

TEST_CASE("typing in one field is one undo step; anything else starts a new one") {
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::riskanalys, "", "U", 2026);
    const std::string a = ws.create(DocKind::riskanalys, "", "U", 2026);
    const std::string rev1 = ws.find(id)->rev.str();
    for (const char* t : {"R", "Ri", "Ris", "Risk"}) CHECK(ws.edit(id, Msg::undo_title, set_title(t)));
    // Every keystroke is stored, but the burst is one revision derived from the one before it.
    CHECK(ws.find(id)->rev.number == 2);
    CHECK(ws.find(id)->ancestors == std::vector<std::string>{rev1});
    CHECK(ws.find(id)->rev.hash == revision_hash(rev1, *ws.find(id)));
    CHECK(ws.edit(id, Msg::undo_unit, [](Document& d) { d.unit = "Tallen"; }));
    CHECK(ws.edit(id, Msg::undo_title, set_title("Riskanalys")));
    CHECK(ws.edit(a, Msg::undo_title, set_title("Annan")));

    REQUIRE(ws.undo()); // the other document's title
    CHECK(ws.find(a)->title == "");
    REQUIRE(ws.undo()); // the second round of typing
    CHECK(ws.find(id)->title == "Risk");
    REQUIRE(ws.undo()); // the unit
    CHECK(ws.find(id)->unit == "U");
    REQUIRE(ws.undo()); // the first round of typing, all four keystrokes
    CHECK(ws.find(id)->title == "");
    CHECK(ws.undo_label() == "nytt dokument");

    // After an undo, typing again is a new step, not an extension of an older one.
    ws.redo();
    CHECK(ws.find(id)->title == "Risk");
    CHECK(ws.edit(id, Msg::undo_title, set_title("Risk!")));
    ws.undo();
    CHECK(ws.find(id)->title == "Risk");

    // Typing back to where the step began leaves no step behind.
    Workspace w2(fixed_env());
    const std::string b = w2.create(DocKind::riskanalys, "X", "U", 2026);
    w2.edit(b, Msg::undo_title, set_title("XY"));
    w2.edit(b, Msg::undo_title, set_title("X"));
    CHECK(w2.undo_label() == "nytt dokument");
    CHECK(w2.find(b)->rev.number == 2);
    CHECK(w2.find(b)->rev.hash == revision_hash(w2.find(b)->ancestors.at(0), *w2.find(b)));
}

TEST_CASE("take_dirty reports each touched id once, with its latest state") {
    Workspace ws(fixed_env());
    const std::string a = ws.create(DocKind::riskanalys, "A", "U", 2026);
    const std::string b = ws.create(DocKind::riskanalys, "B", "U", 2026);
    ws.edit(a, kvh::test::step("x"), set_title("A2"));
    ws.edit(a, kvh::test::step("x"), set_title("A3"));
    ws.remove(b);
    CHECK(operator_eq(sorted(ws.take_dirty()),
                      a < b ? std::vector<std::pair<std::string, bool>>{{a, false}, {b, true}}
                            : std::vector<std::pair<std::string, bool>>{{b, true}, {a, false}}));
    CHECK(ws.take_dirty().empty());
    ws.undo(); // b comes back
    CHECK(operator_eq(ws.take_dirty(), {{b, false}}));
}

TEST_CASE("put_all writes revisions as given and is one undo step") {
    Workspace ws(fixed_env());
    const std::string a = ws.create(DocKind::riskanalys, "A", "U", 2026);
    ws.take_dirty();
    int changes = 0;
    ws.subscribe([&] { ++changes; });

    Document updated = *ws.find(a);
    updated.title = "A från fil";
    advance_revision(updated);
    advance_revision(updated);
    Document added = make_document(DocKind::riskanalys);
    added.id = "11111111-2222-4333-8444-555555555555";
    added.title = "Ny";
    added.year = 2025;
    added.created = added.updated = "2025-01-01T00:00:00Z";
    advance_revision(added);
    ws.put_all({updated, added}, Msg::merge_undo_label);
    CHECK(changes == 1);
    CHECK(*ws.find(a) == updated);
    CHECK(*ws.find(added.id) == added);
    CHECK(ws.undo_label() == "import från fil");
    CHECK(sorted(ws.take_dirty()).size() == 2);

    REQUIRE(ws.undo());
    CHECK(ws.find(added.id) == nullptr);
    CHECK(ws.find(a)->title == "A");
    CHECK(ws.find(a)->rev.number == 4); // forward from the imported 3
    CHECK(ws.find(a)->ancestors.front() == updated.rev.str());
    CHECK_FALSE(ws.undo_label() == "import från fil");

    ws.put_all({}, kvh::test::step("nothing"));
    CHECK(ws.undo_label() != "ändring av nothing");
}

TEST_CASE("documents() is ordered by creation time, then id") {
    Workspace ws(fixed_env());
    const std::string first = ws.create(DocKind::atgardsplan, "1", "U", 2026);
    const std::string second = ws.create(DocKind::riskanalys, "2", "U", 2026);
    const std::string third = ws.create(DocKind::riskanalys, "3", "U", 2026);
    auto ids = [](const std::vector<const Document*>& docs) {
        std::vector<std::string> out;
        for (const auto* d : docs) out.push_back(d->id);
        return out;
    };
    CHECK(ids(ws.documents()) == std::vector<std::string>{first, second, third});
    CHECK(ids(ws.documents_of(DocKind::riskanalys)) == std::vector<std::string>{second, third});
    CHECK(ws.documents_of(DocKind::egenkontroll).empty());

    Document x = make_document(DocKind::riskanalys), y = make_document(DocKind::riskanalys);
    x.id = "ffffffff-0000-4000-8000-000000000000";
    y.id = "00000000-0000-4000-8000-000000000000";
    x.created = y.created = "2020-01-01T00:00:00Z";
    ws.put_all({x, y}, kvh::test::step("i"));
    CHECK(ids(ws.documents()) == std::vector<std::string>{y.id, x.id, first, second, third});
}

TEST_CASE("duplicate starts a new history under a new id") {
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::arlig_genomgang, "Genomgång 2025", "Tallen", 2025);
    ws.edit(id, kvh::test::step("b"), [](Document& d) {
        std::vector<ValidationError> errors;
        d.body = std::make_shared<AnnualReview>(*annual_review_from_body(
            {{"krav", {{{"krav", "3:1"}}, {{"krav", "5:2"}}}}}, "body", errors, d.id));
    });
    const std::string copy = ws.duplicate(id, "Plan 2026");
    REQUIRE(ws.find(copy));
    const Document& c = *ws.find(copy);
    CHECK(copy != id);
    CHECK(c.title == "Plan 2026");
    CHECK(c.body->equals(*ws.find(id)->body));
    CHECK(c.body->to_json()["krav"].size() == 2);
    CHECK(c.rev.number == 1);
    CHECK(c.ancestors.empty());
    CHECK(ws.undo_label() == "kopia av dokument");
    CHECK(ws.duplicate("missing", "x").empty());
    ws.undo();
    CHECK(ws.find(copy) == nullptr);
}

TEST_CASE("load replaces everything without undo, dirty marks or revision changes") {
    Workspace ws(fixed_env());
    ws.create(DocKind::riskanalys, "gammal", "U", 2026);
    int changes = 0;
    ws.subscribe([&] { ++changes; });
    Document d;
    d.id = "11111111-2222-4333-8444-555555555555";
    d.rev = {7, "0123456789abcdef"};
    ws.load({d});
    CHECK(ws.size() == 1);
    CHECK(ws.find(d.id)->rev.str() == "7-0123456789abcdef");
    CHECK_FALSE(ws.can_undo());
    CHECK_FALSE(ws.has_dirty());
    CHECK(changes == 1);
}

TEST_CASE("the system environment gives UTC seconds and random v4 UUIDs") {
    const Environment env = Environment::system();
    CHECK(is_iso_utc(env.now_iso()));
    const std::string a = new_uuid_v4(env), b = new_uuid_v4(env);
    CHECK(a != b);
    // Version 4 and the RFC 4122 variant are set in every generated id.
    for (const std::string& u : {a, b}) {
        CHECK(u[14] == '4');
        CHECK(std::string("89ab").find(u[19]) != std::string::npos);
    }
    CHECK(is_uuid(a));
    CHECK_FALSE(is_uuid("0B7F6C1E-3A52-4C1D-9A0E-5D2B8F4E6A11"));
    CHECK_FALSE(is_uuid("0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a1"));
    CHECK_FALSE(is_uuid("0b7f6c1e03a52-4c1d-9a0e-5d2b8f4e6a11"));
    Environment clock_only;
    clock_only.now_iso = [] { return std::string("2026-01-01T00:00:00Z"); };
    Workspace partial(clock_only);
    CHECK(is_uuid(partial.create(DocKind::riskanalys, "x", "y", 2026)));
}

TEST_CASE("generation moves with every change and only then") {
    kvh::core::Workspace ws(kvh::test::fixed_env());
    const auto g0 = ws.generation();
    const std::string id = ws.create(kvh::core::DocKind::riskanalys, "R", "", 2026);
    CHECK(ws.generation() == g0 + 1);
    CHECK_FALSE(
        ws.edit(id, kvh::test::step("titel"), [](kvh::core::Document& d) { d.title = "R"; })); // no change
    CHECK(ws.generation() == g0 + 1);
    CHECK(ws.edit(id, kvh::test::step("titel"), [](kvh::core::Document& d) { d.title = "S"; }));
    CHECK(ws.generation() == g0 + 2);
    CHECK(ws.undo());
    CHECK(ws.generation() == g0 + 3);
    CHECK(ws.remove(id));
    CHECK(ws.generation() == g0 + 4);
}

TEST_CASE("undo_serial names the step on top, through undo and redo") {
    Workspace ws(fixed_env());
    CHECK(ws.undo_serial() == 0);
    const std::string a = ws.create(DocKind::riskanalys, "A", "", 2026);
    const auto created = ws.undo_serial();
    CHECK(created != 0);
    ws.remove(a);
    const auto removed = ws.undo_serial();
    CHECK(removed != created);
    ws.undo();
    CHECK(ws.undo_serial() == created);
    ws.redo();
    CHECK(ws.undo_serial() == removed);
}

TEST_CASE("documents() after load() lists the loaded documents, not the ones before") {
    Workspace ws(fixed_env());
    ws.create(DocKind::riskanalys, "Före", "", 2026);
    REQUIRE(ws.documents().size() == 1); // builds the ordered view
    Workspace other(fixed_env(7));
    other.create(DocKind::atgardsplan, "Efter 1", "", 2026);
    other.create(DocKind::atgardsplan, "Efter 2", "", 2026);
    std::vector<Document> docs;
    for (const Document* d : other.documents()) docs.push_back(*d);
    ws.load(docs);
    const auto after = ws.documents();
    REQUIRE(after.size() == 2);
    CHECK(after[0]->title == "Efter 1");
    CHECK(after[1]->title == "Efter 2");
}

TEST_CASE("a discrete edit is its own undo step even with the label of the one before") {
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::riskanalys, "R", "", 2026);
    CHECK(ws.edit(
        id, kvh::test::step("bedömning"), [](Document& d) { d.year = 2025; }, false));
    CHECK(ws.edit(
        id, kvh::test::step("bedömning"), [](Document& d) { d.year = 2024; }, false));
    CHECK(ws.find(id)->rev.number == 3);
    REQUIRE(ws.undo());
    CHECK(ws.find(id)->year == 2025);
}

TEST_CASE("broken UTF-8 in a title or unit is kept as U+FFFD, so the document reads back as it is") {
    // Found by the edit property: a lone continuation byte counted as no character at all, so 400 of
    // them passed the 300-character cut and came back from an export as 400 U+FFFD, too long to import;
    // any broken byte made the document read back with other content than it was kept with.
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::riskanalys, "Risk \xC3", "U", 2026);
    CHECK(ws.find(id)->title == "Risk \xEF\xBF\xBD");
    CHECK(ws.edit(id, kvh::test::step("enhet"), [](Document& d) { d.unit = std::string(400, '\x80'); }));
    std::string cut;
    for (int i = 0; i < 300; ++i) cut += "\xEF\xBF\xBD";
    CHECK(ws.find(id)->unit == cut);
    CHECK(ws.edit(id, kvh::test::step("titel"), set_title("a\xED\xA0\x80z\xF4\x90")));
    CHECK(ws.find(id)->title == "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz\xEF\xBF\xBD\xEF\xBF\xBD");
    const ParsedFile file = parse_exchange(export_documents(ws.documents(), "2026-03-01T12:00:00Z"));
    REQUIRE(file.ok());
    CHECK(file.documents.at(0) == *ws.find(id));
}

TEST_CASE("an edit that puts broken UTF-8 into an analysis is refused at the place") {
    // Found by the edit property: such a text was accepted, and came back from an export or the store
    // as U+FFFD, so the document read back with other content under the same revision (an import of
    // one's own export then showed a conflict).
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::riskanalys, "R", "U", 2026);
    auto change = [&](const std::function<void(RiskAnalysis&)>& f) {
        return ws.edit(
            id, kvh::test::step("x"), [&](Document& d) { kvh::test::change_analysis(d, f); }, false);
    };
    CHECK_FALSE(change([](RiskAnalysis& a) { a.summary = "Fall \xE2\x80"; }));
    CHECK(ws.refusal().at(0).path == "body.sammanfattning");
    CHECK(ws.refusal().at(0).what == Msg::err_bad_text);
    CHECK(ws.refusal().at(0).args == std::vector<std::string>{"5"});
    CHECK_FALSE(change([](RiskAnalysis& a) {
        a.participants.push_back({"00000000-0000-4000-8000-00000000000a", "\x80", "SAS"});
    }));
    CHECK(ws.refusal().at(0).path == "body.deltagare[0].namn");
    CHECK_FALSE(change([](RiskAnalysis& a) { a.scale.konsekvens[2].hint = "\xFF"; }));
    CHECK(ws.refusal().at(0).path == "body.skala.konsekvens[2].ledtrad");
    Risk r;
    r.id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    r.category = "Fall\xC3";
    CHECK_FALSE(change([&](RiskAnalysis& a) { a.risks.push_back(r); }));
    CHECK(ws.refusal().at(0).path == "body.risker[0].kategori");
    r.category = "Fall";
    Action x;
    x.id = "8c9e6679-7425-40de-944b-e07fc1f90ae7";
    x.responsible = "\xED\xA0\x80";
    r.actions.push_back(x);
    CHECK_FALSE(change([&](RiskAnalysis& a) { a.risks.push_back(r); }));
    CHECK(ws.refusal().at(0).path == "body.risker[0].atgarder[0].ansvarig");
    r.actions[0].responsible = "Enhetschef Åsa 🙂";
    CHECK(change([&](RiskAnalysis& a) { a.risks.push_back(r); }));
    CHECK(ws.find(id)->rev.number == 2);
}

TEST_CASE("a body text that a file cannot hold as it is is refused, and what is refused changes nothing") {
    // Found by the edit property when the årlig genomgång was any JSON: broken text was written as
    // U+FFFD, so the document read back changed. Its typed body checks every text it holds.
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::arlig_genomgang, "E", "U", 2026);
    auto set = [&](const std::function<void(AnnualReview&)>& change) {
        return ws.edit(
            id, kvh::test::step("x"),
            [&](Document& d) {
                auto v = std::make_shared<AnnualReview>(*annual_review_of(d));
                change(*v);
                d.body = v;
            },
            false);
    };
    CHECK_FALSE(set([](AnnualReview& v) { v.narratives[ReportSection::samverkan] = "Fall \xC3"; }));
    CHECK(ws.refusal().at(0).path == "body.berattelse.samverkan");
    CHECK(ws.refusal().at(0).what == Msg::err_bad_text);
    CHECK_FALSE(set([](AnnualReview& v) { v.focus_areas.push_back({"\x80", ""}); }));
    CHECK(ws.refusal().at(0).path == "body.fokusomraden[0]");
    CHECK(ws.find(id)->rev.number == 1);
    REQUIRE(set([](AnnualReview& v) { v.narratives[ReportSection::samverkan] = "Åtgärd 🙂"; }));
    const ParsedFile file = parse_exchange(export_documents(ws.documents(), "2026-03-01T12:00:00Z"));
    REQUIRE(file.ok());
    CHECK(file.documents.at(0) == *ws.find(id));
}

TEST_CASE("a body is never taken for a body of another class, even of the same kind") {
    const JsonBody json(DocKind::arlig_genomgang, nlohmann::json::object());
    const AnnualReview typed;
    CHECK(body_cast<AnnualReview>(&typed) == &typed);
    CHECK(body_cast<JsonBody>(&json) == &json);
    CHECK(body_cast<JsonBody>(&typed) == nullptr);
    CHECK(body_cast<AnnualReview>(&json) == nullptr);
    CHECK(body_cast<AnnualReview>(nullptr) == nullptr);
    CHECK_FALSE(json.equals(typed));
    CHECK_FALSE(typed.equals(json));
    CHECK(typed.equals(AnnualReview{}));
}
