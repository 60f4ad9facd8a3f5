// The action: keys and names, JSON in and out with exact error places, the statuses and effects of
// formats 1 and 2, dates, and the checks of an edit (what a change must fulfil).
#include "core/action.hpp"
#include "core/exchange_format.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;

namespace {

std::vector<std::string> texts(const std::vector<ValidationError>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.text(Lang::sv));
    return out;
}

Action full_action() {
    Action a;
    a.id = "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";
    a.what = "Rutin för överlämning mellan kvälls- och nattpersonal";
    a.why = "Ny personalgrupp med olika arbetssätt";
    a.responsible = "Enhetschef";
    a.due = "2026-04-30";
    a.level = ActionLevel::verksamhet;
    a.type = ActionType::rutin_process;
    a.status = ActionStatus::uppfoljd;
    a.done_date = "2026-04-20";
    a.follow_up_date = "2026-06-15";
    a.verdict = Verdict::delvis;
    a.follow_up_note = "Stickprov: 18 av 20 överlämningar enligt rutinen";
    a.acknowledged = {{"atgard_individniva", "Gäller hela gruppen", "Enhetschef", "2026-06-16"}};
    return a;
}

} // namespace

TEST_CASE("action status, verdict, level and kind keys are stable and round trip") {
    CHECK(action_status_key(ActionStatus::foreslagen) == "foreslagen");
    CHECK(action_status_key(ActionStatus::beslutad) == "beslutad");
    CHECK(action_status_key(ActionStatus::pagar) == "pagar");
    CHECK(action_status_key(ActionStatus::genomford) == "genomford");
    CHECK(action_status_key(ActionStatus::uppfoljd) == "uppfoljd");
    CHECK(action_status_key(ActionStatus::avbruten) == "avbruten");
    CHECK(verdict_key(Verdict::ej_bedomd) == "ej_bedomd");
    CHECK(verdict_key(Verdict::ja) == "ja");
    CHECK(verdict_key(Verdict::delvis) == "delvis");
    CHECK(verdict_key(Verdict::nej) == "nej");
    CHECK(action_level_key(ActionLevel::individ) == "individ");
    CHECK(action_type_key(ActionType::information_kommunikation) == "information_kommunikation");
    for (ActionStatus s : all_action_statuses) CHECK(action_status_from_key(action_status_key(s)) == s);
    for (Verdict v : all_verdicts) CHECK(verdict_from_key(verdict_key(v)) == v);
    for (ActionLevel l : all_action_levels) CHECK(action_level_from_key(action_level_key(l)) == l);
    for (ActionType t : all_action_types) CHECK(action_type_from_key(action_type_key(t)) == t);
    CHECK_FALSE(action_status_from_key("Genomford").has_value());
    CHECK_FALSE(action_status_from_key("klar").has_value()); // read from old data, never written
    CHECK_FALSE(verdict_from_key("").has_value());
    CHECK_FALSE(verdict_from_key("effekt").has_value());
    CHECK(std::string(tr(action_status_name(ActionStatus::pagar), Lang::sv)) == "Pågår");
    CHECK(std::string(tr(action_status_name(ActionStatus::uppfoljd), Lang::sv)) == "Uppföljd");
    CHECK(std::string(tr(verdict_name(Verdict::ja), Lang::sv)) == "Ja, önskad effekt uppnådd");
    CHECK(std::string(tr(action_type_name(ActionType::teknik_miljo), Lang::sv)) == "Teknik eller miljö");
    CHECK(is_decided(ActionStatus::beslutad));
    CHECK(is_decided(ActionStatus::uppfoljd));
    CHECK_FALSE(is_decided(ActionStatus::foreslagen));
    CHECK_FALSE(is_decided(ActionStatus::avbruten));
    CHECK(is_done(ActionStatus::genomford));
    CHECK_FALSE(is_done(ActionStatus::pagar));
}

TEST_CASE("an action is written with Swedish keys and read back unchanged") {
    const Action a = full_action();
    const nlohmann::json j = action_to_json(a);
    CHECK(j == nlohmann::json::parse(R"({"id":"0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11",
        "vad":"Rutin för överlämning mellan kvälls- och nattpersonal","varfor":"Ny personalgrupp med olika arbetssätt",
        "niva":"verksamhet","typ":"rutin_process",
        "ansvarig":"Enhetschef","klart_senast":"2026-04-30","status":"uppfoljd","avbrytandeorsak":"",
        "klart_datum":"2026-04-20","uppfoljningsdatum":"2026-06-15","effekt":"delvis",
        "uppfoljning":"Stickprov: 18 av 20 överlämningar enligt rutinen",
        "kvitterade":[{"regel":"atgard_individniva","motivering":"Gäller hela gruppen","av":"Enhetschef",
                       "datum":"2026-06-16"}]})"));
    std::vector<ValidationError> errors;
    const auto back = action_from_json(j, "a", errors);
    REQUIRE(back);
    CHECK(errors.empty());
    CHECK(*back == a);
    CHECK(check_action(*back, nullptr, "a", errors));
}

TEST_CASE("an action needs only its id; unknown keys are dropped") {
    std::vector<ValidationError> errors;
    const auto a = action_from_json(
        nlohmann::json::parse(R"({"id":"0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11","prioritet":"hög"})"), "a",
        errors);
    REQUIRE(a);
    CHECK(a->status == ActionStatus::foreslagen);
    CHECK(a->verdict == Verdict::ej_bedomd);
    CHECK(a->level == ActionLevel::ej_angiven);
    CHECK(a->type == ActionType::ej_angiven);
    CHECK(a->what.empty());
    CHECK(a->acknowledged.empty());
    CHECK(action_to_json(*a).contains("prioritet") == false);
}

TEST_CASE("statuses and effects of formats 1 and 2 are read as the table in action.cpp says") {
    struct Case {
        const char* status;
        const char* effect;
        ActionStatus want_status;
        Verdict want_verdict;
    };
    const Case cases[] = {
        {"planerad", "ej_uppfoljd", ActionStatus::beslutad, Verdict::ej_bedomd},
        {"pagar", "ej_uppfoljd", ActionStatus::pagar, Verdict::ej_bedomd},
        {"klar", "ej_uppfoljd", ActionStatus::genomford, Verdict::ej_bedomd},
        {"klar", "effekt", ActionStatus::uppfoljd, Verdict::ja},
        {"klar", "delvis", ActionStatus::uppfoljd, Verdict::delvis},
        {"klar", "ingen_effekt", ActionStatus::uppfoljd, Verdict::nej},
        {"avbruten", "ej_uppfoljd", ActionStatus::avbruten, Verdict::ej_bedomd},
        // Odd, but stored: a verdict on work not done is kept as it was, not dropped.
        {"pagar", "effekt", ActionStatus::pagar, Verdict::ja},
    };
    for (const Case& c : cases) {
        INFO(c.status, " ", c.effect);
        nlohmann::json j = {
            {"id", "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11"}, {"status", c.status}, {"effekt", c.effect}};
        std::vector<ValidationError> errors;
        const auto a = action_from_json(j, "a", errors);
        REQUIRE(a);
        CHECK(errors.empty());
        CHECK(a->status == c.want_status);
        CHECK(a->verdict == c.want_verdict);
        // Written back in today's keys, and read again the same.
        const auto again = action_from_json(action_to_json(*a), "a", errors);
        REQUIRE(again);
        CHECK(*again == *a);
        CHECK(reads_as_verdict(c.effect));
    }
    // An old action without a cause stays decided: the rules show the gap, reading does not refuse it.
    std::vector<ValidationError> errors;
    const auto old = action_from_json(
        nlohmann::json::parse(
            R"({"id":"0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11","status":"planerad","varfor":""})"),
        "a", errors);
    REQUIRE(old);
    CHECK(old->status == ActionStatus::beslutad);
    CHECK_FALSE(reads_as_verdict("Andelen ökade"));
}

TEST_CASE("action errors name the exact field") {
    std::vector<ValidationError> errors;
    const auto a = action_from_json(nlohmann::json::parse(R"({"vad":7,"klart_senast":"2026-02-30",
        "status":"klar_nu","effekt":"effekt","klart_datum":"","uppfoljningsdatum":"15/6"})"),
                                    "documents[2].body.risker[0].atgarder[1]", errors);
    CHECK_FALSE(a);
    CHECK(texts(errors) ==
          std::vector<std::string>{
              "documents[2].body.risker[0].atgarder[1].id: fältet saknas",
              "documents[2].body.risker[0].atgarder[1].vad: ska vara en text, men är ett heltal",
              "documents[2].body.risker[0].atgarder[1].klart_senast: ”2026-02-30” är inget giltigt datum "
              "(ange det "
              "som ÅÅÅÅ-MM-DD, t.ex. 2026-03-01)",
              "documents[2].body.risker[0].atgarder[1].status: okänt värde ”klar_nu”; kända värden är "
              "foreslagen, beslutad, pagar, genomford, uppfoljd, avbruten",
              "documents[2].body.risker[0].atgarder[1].uppfoljningsdatum: ”15/6” är inget giltigt datum "
              "(ange det "
              "som ÅÅÅÅ-MM-DD, t.ex. 2026-03-01)"});

    errors.clear();
    CHECK_FALSE(action_from_json(nlohmann::json::parse(R"({"id":"ABC"})"), "x", errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "x.id");
    CHECK(errors[0].what == Msg::err_bad_uuid);

    errors.clear();
    CHECK_FALSE(action_from_json(nlohmann::json::array(), "x[0]", errors));
    CHECK(texts(errors) == std::vector<std::string>{"x[0]: ska vara ett objekt, men är en lista"});
}

TEST_CASE("is_iso_date accepts real calendar dates only") {
    CHECK(is_iso_date("2026-03-01"));
    CHECK(is_iso_date("2024-02-29"));
    CHECK(is_iso_date("2000-02-29"));
    CHECK_FALSE(is_iso_date("1900-02-29"));
    CHECK_FALSE(is_iso_date("2026-02-29"));
    CHECK_FALSE(is_iso_date("2026-04-31"));
    CHECK_FALSE(is_iso_date("2026-13-01"));
    CHECK_FALSE(is_iso_date("2026-00-10"));
    CHECK_FALSE(is_iso_date("2026-1-01"));
    CHECK_FALSE(is_iso_date("2026-01-01T00:00:00Z"));
    CHECK_FALSE(is_iso_date(""));
    CHECK_FALSE(is_iso_date("2026/01/01"));
}

TEST_CASE("an edit of an action: what a change must fulfil, each at its field") {
    Action a = full_action();
    std::vector<ValidationError> errors;
    const std::string at = "body.risker[3].atgarder[0]";

    SUBCASE("a decided action needs the cause it answers") {
        Action next = a;
        next.status = ActionStatus::foreslagen;
        next.verdict = Verdict::ej_bedomd;
        next.why = " ";
        CHECK(check_action(next, &a, at, errors)); // a proposal may lack it
        const Action proposed = next;
        for (ActionStatus s : {ActionStatus::beslutad, ActionStatus::pagar, ActionStatus::genomford}) {
            next.status = s;
            errors.clear();
            CHECK_FALSE(check_action(next, &proposed, at, errors));
            CHECK(
                texts(errors) ==
                std::vector<std::string>{
                    "body.risker[3].atgarder[0].varfor: ange vilken orsak eller iakttagelse åtgärden riktar "
                    "sig mot innan den kan få status " +
                    std::string(tr(action_status_name(s), Lang::sv))});
        }
        // Clearing the cause of a decided action is a change too.
        Action decided = a;
        decided.status = ActionStatus::beslutad;
        decided.verdict = Verdict::ej_bedomd;
        Action cleared = decided;
        cleared.why = "";
        errors.clear();
        CHECK_FALSE(check_action(cleared, &decided, at, errors));
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].path == "body.risker[3].atgarder[0].varfor");
        CHECK(errors[0].what == Msg::err_action_cause_required);
    }
    SUBCASE("older data without a cause stays editable in its other fields") {
        Action old = a;
        old.status = ActionStatus::beslutad; // planerad in format 2, without a cause
        old.verdict = Verdict::ej_bedomd;
        old.why = "";
        Action typed = old;
        typed.responsible = "Samordnare";
        CHECK(check_action(typed, &old, at, errors));
        CHECK_FALSE(check_action(typed, nullptr, at, errors)); // new, it would need one
    }
    SUBCASE("cancelling needs a reason") {
        Action next = a;
        next.status = ActionStatus::avbruten;
        next.verdict = Verdict::ej_bedomd;
        CHECK_FALSE(check_action(next, &a, at, errors));
        CHECK(texts(errors) ==
              std::vector<std::string>{
                  "body.risker[3].atgarder[0].avbrytandeorsak: ange varför åtgärden avbryts"});
        next.cancel_reason = "Ersätts av den nya rutinen för hela förvaltningen";
        errors.clear();
        CHECK(check_action(next, &a, at, errors));
    }
    SUBCASE("only a verdict closes an action, and a verdict closes it") {
        Action next = a;
        next.verdict = Verdict::ej_bedomd;
        CHECK_FALSE(check_action(next, &a, at, errors));
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].path == "body.risker[3].atgarder[0].effekt");
        CHECK(errors[0].what == Msg::err_action_closed_without_verdict);
        Action done = a;
        done.status = ActionStatus::genomford;
        done.verdict = Verdict::ej_bedomd;
        Action judged = done;
        judged.verdict = Verdict::nej;
        errors.clear();
        CHECK_FALSE(check_action(judged, &done, at, errors));
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].path == "body.risker[3].atgarder[0].effekt");
        CHECK(errors[0].what == Msg::err_action_verdict_status);
        judged.status = ActionStatus::uppfoljd;
        errors.clear();
        CHECK(check_action(judged, &done, at, errors));
    }
    SUBCASE("an acknowledgement needs its rule and a reason") {
        Action next = a;
        next.acknowledged.push_back({"atgard_forsenad", "  ", "", "2026-02-30"});
        next.acknowledged.push_back({"", "Planerat så", "", ""});
        CHECK_FALSE(check_action(next, &a, at, errors));
        CHECK(texts(errors) ==
              std::vector<std::string>{
                  "body.risker[3].atgarder[0].kvitterade[1].motivering: en kvittering behöver en motivering",
                  "body.risker[3].atgarder[0].kvitterade[1].datum: ”2026-02-30” är inget giltigt datum (ange "
                  "det "
                  "som ÅÅÅÅ-MM-DD, t.ex. 2026-03-01)",
                  "body.risker[3].atgarder[0].kvitterade[2].regel: ange vilken kontroll som kvitteras"});
        errors.clear();
        const auto read =
            action_from_json(nlohmann::json::parse(R"({"id":"0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11",
                "kvitterade":[{"regel":"atgard_forsenad"},{"regel":"x","motivering":""}]})"),
                             "a", errors);
        CHECK_FALSE(read);
        CHECK(texts(errors) ==
              std::vector<std::string>{"a.kvitterade[0].motivering: fältet saknas",
                                       "a.kvitterade[1].motivering: en kvittering behöver en motivering"});
    }
    SUBCASE("dates, ids and texts as before") {
        Action next = a;
        next.id = "nej";
        next.done_date = "2026-02-29";
        next.what = "\xC3";
        CHECK_FALSE(check_action(next, &a, at, errors));
        REQUIRE(errors.size() == 3);
        CHECK(errors[0].path == "body.risker[3].atgarder[0].id");
        CHECK(errors[1].path == "body.risker[3].atgarder[0].klart_datum");
        CHECK(errors[2].path == "body.risker[3].atgarder[0].vad");
    }
}

TEST_CASE("moving an action on: the status and the verdict keep each other true, from any screen") {
    Action a = full_action();
    a.status = ActionStatus::pagar;
    a.done_date.clear();
    a.follow_up_date.clear();
    a.verdict = Verdict::ej_bedomd;

    set_status(a, ActionStatus::genomford, "2026-12-02");
    CHECK(a.status == ActionStatus::genomford);
    CHECK(a.done_date == "2026-12-02"); // done today
    set_status(a, ActionStatus::genomford, "2026-12-09");
    CHECK(a.done_date == "2026-12-02"); // a done date given is kept

    set_verdict(a, Verdict::delvis, "2026-12-10");
    CHECK(a.status == ActionStatus::uppfoljd);
    CHECK(a.follow_up_date == "2026-12-10");
    std::vector<ValidationError> errors;
    CHECK(check_action(a, nullptr, "a", errors));

    // Leaving uppföljd takes the verdict back, so no action is open with a verdict.
    set_status(a, ActionStatus::pagar, "2026-12-11");
    CHECK(a.verdict == Verdict::ej_bedomd);
    CHECK(a.follow_up_date == "2026-12-10");

    // A planned follow-up day stays when the verdict is given on another day.
    a.follow_up_date = "2027-03-01";
    set_verdict(a, Verdict::ja, "2027-02-20");
    CHECK(a.follow_up_date == "2027-03-01");
    set_verdict(a, Verdict::ej_bedomd, "2027-02-21");
    CHECK(a.status == ActionStatus::genomford);

    set_status(a, ActionStatus::avbruten, "2027-02-22", "Ersatt av ny rutin");
    CHECK(a.cancel_reason == "Ersatt av ny rutin");
    errors.clear();
    CHECK(check_action(a, nullptr, "a", errors));

    // Uppföljd is reached by a verdict only: set directly, the check refuses it.
    Action b = full_action();
    b.verdict = Verdict::ej_bedomd;
    b.status = ActionStatus::genomford;
    const Action before = b;
    set_status(b, ActionStatus::uppfoljd, "2026-12-02");
    errors.clear();
    CHECK_FALSE(check_action(b, &before, "a", errors));
}
