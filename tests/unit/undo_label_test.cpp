// Undo labels are a message and its arguments, put into words when shown: a step taken before the
// language was switched reads in the new language, and typing coalesces by message and arguments.
#include "core/workspace.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;
using kvh::test::fixed_env;

namespace {

struct LanguageGuard {
    Lang saved = language();
    ~LanguageGuard() { set_language(saved); }
};

auto set_title(std::string t) {
    return [t = std::move(t)](Document& d) { d.title = t; };
}

} // namespace

TEST_CASE("undo and redo labels follow the language chosen after the step was taken") {
    LanguageGuard guard;
    set_language(Lang::sv);
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::riskanalys, "R", "U", 2026);
    CHECK(ws.undo_label() == "nytt dokument");
    REQUIRE(ws.edit(id, {Msg::risk_undo_field, {"3"}, {Msg::risk_description}}, set_title("S")));
    CHECK(ws.undo_label() == "ändring i risk 3 (Vad kan hända?)");
    set_language(Lang::en);
    CHECK(ws.undo_label() == "change in risk 3 (What could happen?)");
    REQUIRE(ws.undo());
    CHECK(ws.redo_label() == "change in risk 3 (What could happen?)");
    CHECK(ws.undo_label() == "new document");
    set_language(Lang::sv);
    CHECK(ws.redo_label() == "ändring i risk 3 (Vad kan hända?)");
    CHECK(UndoLabel(Msg::merge_undo_label).text(Lang::en) == "import from a file");
    CHECK(UndoLabel().text(Lang::sv).empty());
    while (ws.undo()) {
    }
    CHECK(ws.undo_label().empty());
}

TEST_CASE("typing coalesces under an equal label: the same message with the same arguments") {
    Workspace ws(fixed_env());
    const std::string id = ws.create(DocKind::riskanalys, "", "U", 2026);
    const UndoLabel first{Msg::risk_undo_participant_name, {"1"}};
    for (const char* t : {"A", "An", "Ann"}) REQUIRE(ws.edit(id, first, set_title(t)));
    // Another participant's name (other arguments), then another field (another message).
    REQUIRE(ws.edit(id, {Msg::risk_undo_participant_name, {"2"}}, set_title("Anna")));
    REQUIRE(ws.edit(id, {Msg::risk_undo_participant, {"2"}}, set_title("Anna B")));
    REQUIRE(ws.edit(id, {Msg::risk_undo_participant, {"2"}}, set_title("Anna Be")));
    // A field's name is an argument too.
    REQUIRE(ws.edit(id, {Msg::risk_undo_header, {}, {Msg::risk_description}}, set_title("x")));
    REQUIRE(ws.edit(id, {Msg::risk_undo_header, {}, {Msg::risk_category}}, set_title("xy")));
    int steps = 0;
    while (ws.undo()) ++steps;
    CHECK(steps == 6); // create, "Ann", "Anna", "Anna Be", "x", "xy"
    CHECK(ws.find(id) == nullptr);
}
