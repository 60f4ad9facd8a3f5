// Import merge: the action for each document, conflict choices, and applying as one undo step.
#include "core/import_plan.hpp"
#include "core/unreadable.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;
using kvh::test::fixed_env;

namespace {

// A workspace with one document at revision 2, and the same document as another device has it.
struct Fixture {
    Workspace ws{fixed_env()};
    std::string id;
    Fixture() {
        id = ws.create(DocKind::riskanalys, "Riskanalys", "Tallen", 2026);
        ws.edit(id, kvh::test::step("t"), [](Document& d) { d.title = "Riskanalys 2026"; });
        ws.take_dirty();
    }
    Document local() const { return *ws.find(id); }
    Document edited(Document d, const std::string& title) const {
        d.title = title;
        advance_revision(d);
        return d;
    }
};

Document fresh(const std::string& id, const std::string& title) {
    Document d;
    d.id = id;
    d.title = title;
    d.year = 2026;
    d.created = d.updated = "2026-01-01T00:00:00Z";
    advance_revision(d);
    return d;
}

} // namespace

TEST_CASE("each incoming document gets the right action") {
    Fixture f;
    const Document base = f.local();
    Document ancestor = base; // what the document looked like at revision 1
    ancestor.title = "Riskanalys";
    ancestor.rev = Revision::parse(base.ancestors.at(0)).value();
    ancestor.ancestors.clear();

    const Document newer = f.edited(base, "Riskanalys 2026, reviderad");
    Document diverged = f.edited(ancestor, "Annan ändring");
    Document same_rev_other_content = base;
    same_rev_other_content.title = "Ändrad för hand";
    const Document added = fresh("11111111-2222-4333-8444-555555555555", "Ny plan");

    const ImportPlan plan =
        plan_import(f.ws, {added, newer, base, ancestor, diverged, same_rev_other_content});
    REQUIRE(plan.items.size() == 6);
    CHECK(plan.items[0].action == MergeAction::add);
    CHECK(plan.items[0].local == nullptr);
    CHECK(plan.items[1].action == MergeAction::update);
    CHECK(plan.items[1].local == f.ws.find(f.id));
    CHECK(plan.items[2].action == MergeAction::unchanged);
    CHECK(plan.items[3].action == MergeAction::older);
    CHECK(plan.items[4].action == MergeAction::conflict);
    CHECK(plan.items[5].action == MergeAction::conflict);
    CHECK(plan.count(MergeAction::conflict) == 2);
    CHECK(plan.count(MergeAction::add) == 1);
    CHECK(plan.items[1].incoming.title == "Riskanalys 2026, reviderad");
}

TEST_CASE("apply writes additions and updates as one undo step and skips the rest") {
    Fixture f;
    const Document base = f.local();
    const Document newer = f.edited(f.edited(base, "Mellan"), "Riskanalys 2026, reviderad");
    const Document added = fresh("11111111-2222-4333-8444-555555555555", "Ny plan");
    Document older = base;
    older.rev = Revision::parse(base.ancestors.at(0)).value();
    older.ancestors.clear();
    older.title = "Riskanalys";

    const ImportPlan plan = plan_import(f.ws, {added, newer, older});
    CHECK(apply_import(f.ws, plan, ConflictChoice::keep_local) == 2);
    CHECK(*f.ws.find(f.id) == newer); // the revision is kept as it came
    CHECK(*f.ws.find(added.id) == added);
    CHECK(f.ws.undo_label() == "import från fil");
    CHECK(f.ws.take_dirty().size() == 2);

    REQUIRE(f.ws.undo());
    CHECK(f.ws.find(added.id) == nullptr);
    CHECK(f.ws.find(f.id)->title == "Riskanalys 2026");
    CHECK(f.ws.find(f.id)->rev.number == newer.rev.number + 1);

    const ImportPlan again = plan_import(f.ws, {base});
    CHECK(again.items[0].action == MergeAction::older);
    CHECK(apply_import(f.ws, plan_import(f.ws, {}), ConflictChoice::keep_local) == 0);
}

TEST_CASE("conflicts: keep_local and take_incoming settle under a revision both sides accept") {
    for (const ConflictChoice choice : {ConflictChoice::keep_local, ConflictChoice::take_incoming}) {
        Fixture f;
        const Document base = f.local();
        Document mine = base;
        f.ws.edit(f.id, kvh::test::step("mine"), [](Document& d) { d.unit = "Tallen, hus B"; });
        mine = f.local();
        const Document theirs = f.edited(f.edited(f.edited(base, "Deras 1"), "Deras 2"), "Deras 3");

        const ImportPlan plan = plan_import(f.ws, {theirs});
        REQUIRE(plan.items[0].action == MergeAction::conflict);
        CHECK(apply_import(f.ws, plan, choice) == 1);
        const Document settled = f.local();
        if (choice == ConflictChoice::keep_local) {
            CHECK(settled.title == "Riskanalys 2026");
            CHECK(settled.unit == "Tallen, hus B");
            CHECK(settled.ancestors[0] == mine.rev.str());
            CHECK(settled.ancestors[1] == theirs.rev.str());
        } else {
            CHECK(settled.title == "Deras 3");
            CHECK(settled.unit == "Tallen");
            CHECK(settled.ancestors[0] == theirs.rev.str());
            CHECK(settled.ancestors[1] == mine.rev.str());
        }
        CHECK(settled.rev.number == std::max(mine.rev.number, theirs.rev.number) + 1);
        CHECK(settled.rev.hash == revision_hash(settled.ancestors[0], settled));

        // The other device, holding `theirs`, sees the settled version as an update, not a conflict.
        Workspace other(fixed_env(100));
        other.load({theirs});
        CHECK(plan_import(other, {settled}).items[0].action == MergeAction::update);
        Workspace mine_ws(fixed_env(200));
        mine_ws.load({mine});
        CHECK(plan_import(mine_ws, {settled}).items[0].action == MergeAction::update);
    }
}

TEST_CASE("conflicts: keep_both keeps the local one and adds the incoming one as a marked copy") {
    Fixture f;
    const Document base = f.local();
    f.ws.edit(f.id, kvh::test::step("mine"), [](Document& d) { d.status = DocStatus::klar; });
    const Document mine = f.local();
    const Document theirs = f.edited(base, "Deras titel");

    const ImportPlan plan = plan_import(f.ws, {theirs});
    CHECK(apply_import(f.ws, plan, ConflictChoice::keep_both) == 1);
    CHECK(*f.ws.find(f.id) == mine);
    REQUIRE(f.ws.size() == 2);
    const Document* copy = nullptr;
    for (const Document* d : f.ws.documents())
        if (d->id != f.id) copy = d;
    REQUIRE(copy);
    CHECK(is_uuid(copy->id));
    CHECK(copy->title == "Deras titel (importerad kopia)");
    CHECK(copy->rev.number == 1);
    CHECK(copy->ancestors.empty());
    CHECK(copy->rev.hash == revision_hash("", *copy));
    CHECK(copy->body->equals(*theirs.body));

    Fixture g;
    set_language(Lang::en);
    apply_import(g.ws, plan_import(g.ws, {g.edited(base, std::string(300, 'x'))}), ConflictChoice::keep_both);
    set_language(Lang::sv);
    for (const Document* d : g.ws.documents())
        if (d->id != g.id) {
            CHECK(utf8_chars(d->title) == kMaxTitleChars); // still fits the format after the suffix
            CHECK(d->title.substr(d->title.size() - 16) == " (imported copy)");
        }
}

TEST_CASE("apply decides again if the workspace changed after planning") {
    Fixture f;
    const Document newer = f.edited(f.local(), "Från fil");
    const ImportPlan plan = plan_import(f.ws, {newer});
    REQUIRE(plan.items[0].action == MergeAction::update);
    f.ws.edit(f.id, kvh::test::step("meanwhile"), [](Document& d) { d.unit = "Ändrat under tiden"; });
    CHECK(apply_import(f.ws, plan, ConflictChoice::keep_local) == 1);
    CHECK(f.ws.find(f.id)->unit == "Ändrat under tiden"); // not overwritten: it had become a conflict
}

TEST_CASE("merge actions and choices have names in the catalogue") {
    CHECK(std::string(tr(merge_action_name(MergeAction::add), Lang::sv)) == "Ny");
    CHECK(std::string(tr(merge_action_name(MergeAction::update), Lang::sv)) == "Uppdateras");
    CHECK(std::string(tr(merge_action_name(MergeAction::unchanged), Lang::sv)) == "Oförändrad");
    CHECK(std::string(tr(merge_action_name(MergeAction::older), Lang::sv)) == "Äldre – hoppas över");
    CHECK(std::string(tr(merge_action_name(MergeAction::conflict), Lang::en)) == "Conflict");
    CHECK(conflict_choice_name(ConflictChoice::keep_both) == Msg::merge_keep_both);
}

TEST_CASE("a round trip through a file is an update while fewer than 100 edit steps separate the copies") {
    using namespace kvh::core;
    Workspace here(kvh::test::fixed_env());
    const std::string id = here.create(DocKind::riskanalys, "Riskanalys", "Kök", 2026);
    const Document exported = *here.find(id);
    // 150 words typed into the summary field, one key at a time, between changes of other fields.
    for (int burst = 0; burst < 60; ++burst) {
        std::string text;
        for (char c : std::string("ord ord ")) {
            text += c;
            here.edit(id, kvh::test::step("sammanfattning"), [&](Document& d) {
                kvh::test::change_analysis(
                    d, [&](RiskAnalysis& a) { a.summary = std::to_string(burst) + text; });
            });
        }
        here.edit(id, kvh::test::step("enhet"),
                  [&](Document& d) { d.unit = "Kök " + std::to_string(burst); });
    }
    CHECK(here.find(id)->rev.number == 121);
    Workspace there(kvh::test::fixed_env());
    there.load({exported});
    const ImportPlan plan = plan_import(there, {*here.find(id)});
    REQUIRE(plan.items.size() == 1);
    CHECK(plan.items[0].action == MergeAction::conflict); // 120 revisions later, beyond the 100 kept
    Workspace near(kvh::test::fixed_env());
    const std::string id2 = near.create(DocKind::riskanalys, "R", "", 2026);
    const Document start = *near.find(id2);
    for (int burst = 0; burst < 40; ++burst)
        for (const char* t : {"a", "ab", "abc"})
            near.edit(id2, kvh::test::step("titel" + std::to_string(burst % 2)),
                      [&](Document& d) { d.title = std::to_string(burst) + t; });
    Workspace other(kvh::test::fixed_env());
    other.load({start});
    CHECK(plan_import(other, {*near.find(id2)}).items.at(0).action == MergeAction::update);
}

TEST_CASE(
    "a document held for a stored record that cannot be read is imported as a copy, never in its place") {
    using namespace kvh::core;
    Workspace ws(kvh::test::fixed_env());
    Document d = make_document(DocKind::riskanalys);
    d.id = "11111111-2222-4333-8444-555555555555";
    d.title = "Riskanalys";
    d.year = 2026;
    d.created = d.updated = "2026-01-01T00:00:00Z";
    advance_revision(d);
    ws.set_held({d.id});
    CHECK(apply_import(ws, plan_import(ws, {d}), ConflictChoice::keep_local) == 1);
    REQUIRE(ws.size() == 1);
    CHECK(ws.find(d.id) == nullptr);
    const Document& copy = *ws.documents().front();
    CHECK(copy.title == "Riskanalys (importerad kopia)");
    CHECK(copy.body->equals(*d.body));
}

TEST_CASE("an unreadable record is described from what can be read of it, and kept byte for byte") {
    using namespace kvh::core;
    const std::string head =
        R"({"id":"x","kind":"riskanalys","title":"Fallrisker","body":{"risker":[{"sannolikhet":9}]}})";
    const UnreadableRecord r =
        describe_unreadable("x", head, {"{\"pos\":0}", "\xff"}, {{"body", Msg::err_missing, {}, {}}});
    CHECK(r.title == "Fallrisker");
    CHECK(r.kind == DocKind::riskanalys);
    CHECK(r.bytes == head + "\n{\"pos\":0}\n\xff");
    CHECK(r.errors.size() == 1);
    const std::string raw("\0\1 not json", 11);
    const UnreadableRecord junk = describe_unreadable("y", raw, {}, {});
    CHECK(junk.title.empty());
    CHECK_FALSE(junk.kind);
    CHECK(junk.bytes == raw);
}
