// The action: keys and names, JSON in and out with exact error places, dates, and each flag.
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
    a.status = ActionStatus::klar;
    a.done_date = "2026-04-20";
    a.follow_up_date = "2026-06-15";
    a.effect = Effect::delvis;
    a.follow_up_note = "Stickprov: 18 av 20 överlämningar enligt rutinen";
    return a;
}

} // namespace

TEST_CASE("action status and effect keys are stable and round trip") {
    CHECK(action_status_key(ActionStatus::planerad) == "planerad");
    CHECK(action_status_key(ActionStatus::pagar) == "pagar");
    CHECK(action_status_key(ActionStatus::klar) == "klar");
    CHECK(action_status_key(ActionStatus::avbruten) == "avbruten");
    CHECK(effect_key(Effect::ej_uppfoljd) == "ej_uppfoljd");
    CHECK(effect_key(Effect::ingen_effekt) == "ingen_effekt");
    for (ActionStatus s : all_action_statuses) CHECK(action_status_from_key(action_status_key(s)) == s);
    for (Effect e : all_effects) CHECK(effect_from_key(effect_key(e)) == e);
    CHECK_FALSE(action_status_from_key("Klar").has_value());
    CHECK_FALSE(effect_from_key("").has_value());
    CHECK(std::string(tr(action_status_name(ActionStatus::pagar), Lang::sv)) == "Pågår");
    CHECK(std::string(tr(effect_name(Effect::effekt), Lang::en)) == "Intended effect");
}

TEST_CASE("an action is written with Swedish keys and read back unchanged") {
    const Action a = full_action();
    const nlohmann::json j = action_to_json(a);
    CHECK(j == nlohmann::json::parse(R"({"id":"0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11",
        "vad":"Rutin för överlämning mellan kvälls- och nattpersonal","varfor":"Ny personalgrupp med olika arbetssätt",
        "ansvarig":"Enhetschef","klart_senast":"2026-04-30","status":"klar","klart_datum":"2026-04-20",
        "uppfoljningsdatum":"2026-06-15","effekt":"delvis",
        "uppfoljning":"Stickprov: 18 av 20 överlämningar enligt rutinen"})"));
    std::vector<ValidationError> errors;
    const auto back = action_from_json(j, "a", errors);
    REQUIRE(back);
    CHECK(errors.empty());
    CHECK(*back == a);
}

TEST_CASE("an action needs only its id; unknown keys are dropped") {
    std::vector<ValidationError> errors;
    const auto a = action_from_json(
        nlohmann::json::parse(R"({"id":"0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11","prioritet":"hög"})"), "a",
        errors);
    REQUIRE(a);
    CHECK(a->status == ActionStatus::planerad);
    CHECK(a->effect == Effect::ej_uppfoljd);
    CHECK(a->what.empty());
    CHECK(action_to_json(*a).contains("prioritet") == false);
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
              "planerad, "
              "pagar, klar, avbruten",
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

TEST_CASE("action flags: what the seeds show going wrong") {
    const std::string today = "2026-05-10";
    Action a;
    a.id = "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";
    a.what = "Se över rutinen";
    CHECK(action_flags(a, today) == std::vector{ActionFlag::no_responsible, ActionFlag::no_due_date});

    a.responsible = "  ";
    a.due = "2026-05-10";
    CHECK(action_flags(a, today) == std::vector{ActionFlag::no_responsible}); // due today is not overdue yet

    a.responsible = "Enhetschef";
    a.due = "2026-05-09";
    CHECK(action_flags(a, today) == std::vector{ActionFlag::overdue});
    a.status = ActionStatus::pagar;
    CHECK(action_flags(a, today) == std::vector{ActionFlag::overdue});
    a.status = ActionStatus::avbruten;
    CHECK(action_flags(a, today).empty());

    a.status = ActionStatus::klar;
    a.done_date = "2026-05-08";
    CHECK(action_flags(a, today) == std::vector{ActionFlag::done_not_followed_up});
    a.follow_up_date = "2026-05-08";
    a.effect = Effect::effekt;
    CHECK(action_flags(a, today) == std::vector{ActionFlag::followed_up_same_day});
    a.follow_up_date = "2026-08-08";
    CHECK(action_flags(a, today).empty());

    CHECK(std::string(tr(action_flag_name(ActionFlag::overdue), Lang::sv)) == "Försenad");
    CHECK(std::string(tr(action_flag_name(ActionFlag::followed_up_same_day), Lang::sv)) ==
          "Uppföljd samma dag som den blev klar");
}
