// The exchange format: reading sample files, every kind of validation error with its exact place
// and text, the input bounds, migration, and export.
#include "core/atgarder/action_plan.hpp"
#include "core/exchange_format.hpp"
#include "core/risk_analysis.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace kvh::core;
using namespace std::string_literals;
using kvh::test::read_data;

namespace {

std::vector<std::string> texts(const ParsedFile& f, Lang lang = Lang::sv) {
    std::vector<std::string> out;
    for (const auto& e : f.errors) out.push_back(e.text(lang));
    return out;
}

std::string wrap(const std::string& documents) {
    return R"({"format":"kvalitetshjul","format_version":1,"exported_at":"2026-03-12T16:00:00Z","documents":)" +
           documents + "}";
}

nlohmann::json valid_document() {
    return nlohmann::json::parse(R"({"id":"0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11","kind":"atgardsplan",
        "title":"Åtgärdsplan efter IVO-beslut","unit":"IFO","year":2026,"status":"pagar",
        "rev":"2-0123456789abcdef","revisions":["1-fedcba9876543210"],
        "created":"2026-01-02T08:00:00Z","updated":"2026-01-03T09:00:00Z","body":{"atgarder":[]}})");
}

ParsedFile parse_one(const nlohmann::json& doc) {
    return parse_exchange(wrap("[" + doc.dump() + "]"));
}

} // namespace

TEST_CASE("the sample workspace reads completely, with genuine revisions") {
    const std::string text = read_data("workspace_valid.json");
    const ParsedFile f = parse_exchange(text);
    REQUIRE(f.ok());
    CHECK(f.format_version == 4);
    CHECK(text.find("\"format_version\": 4,") != std::string::npos);
    CHECK(f.exported_at == "2026-03-12T16:00:00Z");
    REQUIRE(f.documents.size() == 11);
    const Document& d = f.documents[0];
    CHECK(d.id == "5d111a9d-5e6c-4992-b5fb-12e0d9090b89");
    CHECK(d.kind == DocKind::riskanalys);
    CHECK(d.title == "Riskanalys inför ny organisation av nattpatrullen");
    CHECK(d.unit == "Hemtjänst Norra");
    CHECK(d.year == 2026);
    CHECK(d.status == DocStatus::pagar);
    // Recomputed for format 3 (the risks' actions and acknowledgements are hashed), history kept.
    CHECK(d.rev.str() == "3-4ab6f5f101cec61e");
    CHECK(d.ancestors == std::vector<std::string>{"2-3a37dfe702393e0f", "1-a6c8bbc2a299e490"});
    CHECK(d.body->to_json()["risker"].size() == 2);
    for (DocKind k : all_doc_kinds) {
        const auto n = std::count_if(f.documents.begin(), f.documents.end(),
                                     [k](const Document& x) { return x.kind == k; });
        CHECK(n >= 2);
    }
    for (const Document& doc : f.documents) {
        INFO(doc.title);
        CHECK(doc.rev.hash == revision_hash(doc.ancestors.empty() ? "" : doc.ancestors[0], doc));
    }
}

// An older format's golden file reads as the sample workspace as this build writes it: the same content,
// and (reading is not editing) the file's own history and revision numbers.
static void check_reads_as_sample(const ParsedFile& old) {
    REQUIRE(old.ok());
    CHECK(old.format_version == 4);
    const ParsedFile now = parse_exchange(read_data("workspace_valid.json"));
    REQUIRE(now.ok());
    REQUIRE(old.documents.size() == now.documents.size());
    for (std::size_t i = 0; i < old.documents.size(); ++i) {
        INFO(old.documents[i].title);
        CHECK(same_content(old.documents[i], now.documents[i]));
        CHECK(old.documents[i].ancestors == now.documents[i].ancestors);
        CHECK(old.documents[i].rev.number == now.documents[i].rev.number);
    }
}

TEST_CASE("a file of format version 1 (golden, as the build of that time wrote it) still imports") {
    // Its participants had no ids and their scores named them by place; the sample workspace is the
    // same file as this build writes it.
    const ParsedFile old = parse_exchange(read_data("workspace_format1.json"));
    check_reads_as_sample(old);
    const Document& d = old.documents[0];
    CHECK(d.rev.str() == "3-fcc0ac7307772084");
    const AnalysisPtr a = analysis_of(d);
    REQUIRE(a);
    REQUIRE(a->participants.size() == 4);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < 4; ++i) ids.push_back(legacy_participant_id(d.id, i));
    for (std::size_t i = 0; i < 4; ++i) CHECK(a->participants[i].id == ids[i]);
    CHECK(a->participants[2].name == "Deltagare C");
    CHECK(a->risks[0].scores ==
          std::vector<ParticipantScore>{{ids[0], 3, 3}, {ids[2], 2, 4}, {ids[3], 3, 0}});
    CHECK(a->risks[1].scores == std::vector<ParticipantScore>{{ids[1], 1, 2}});
}

TEST_CASE("a file of format version 2 (golden, as the build of that time wrote it) still imports") {
    // Its actions had the statuses planerad/pagar/klar/avbruten and effects ej_uppfoljd/effekt/delvis/
    // ingen_effekt; its åtgärdsplaner had no model (any JSON, actions without ids). The sample workspace
    // is the same file as this build writes it.
    const std::string text = read_data("workspace_format2.json");
    CHECK(text.find("\"format_version\": 2,") != std::string::npos);
    const ParsedFile old = parse_exchange(text);
    check_reads_as_sample(old);
    CHECK(old.documents[0].rev.str() == "3-9062c1813ebd91ea");
    // A risk's action: pagar + ej_uppfoljd, and klar + effekt.
    const AnalysisPtr a = analysis_of(old.documents[0]);
    REQUIRE(a);
    CHECK(a->risks[0].actions[0].status == ActionStatus::pagar);
    CHECK(a->risks[0].actions[0].verdict == Verdict::ej_bedomd);
    const AnalysisPtr yearly = analysis_of(old.documents[1]);
    REQUIRE(yearly);
    CHECK(yearly->risks[0].actions[0].status == ActionStatus::uppfoljd);
    CHECK(yearly->risks[0].actions[0].verdict == Verdict::ja);
    // The plans, typed now: actions get ids derived from the document's, old keys their new names.
    std::vector<PlanPtr> plans;
    for (const Document& d : old.documents)
        if (const PlanPtr p = plan_of(d)) plans.push_back(p);
    REQUIRE(plans.size() == 2);
    const Document& sarah = old.documents[9];
    REQUIRE(plan_of(sarah) == plans[0]);
    REQUIRE(plans[0]->actions.size() == 2);
    const Action& first = plans[0]->actions[0];
    CHECK(first.id == legacy_plan_action_id(sarah.id, 0));
    CHECK(plans[0]->actions[1].id == legacy_plan_action_id(sarah.id, 1));
    CHECK(first.due == "2026-03-15");
    CHECK(first.follow_up_date == "2026-06-15");
    CHECK(first.status == ActionStatus::pagar);
    CHECK(plans[0]->actions[1].status == ActionStatus::beslutad); // ej_paborjad
    CHECK(plans[0]->background.find("Utredningen visade") == 0);
    const Action& ivo = plans[1]->actions[0];
    CHECK(ivo.status == ActionStatus::genomford); // klar, its effect a description, not a verdict
    CHECK(ivo.verdict == Verdict::ej_bedomd);
    CHECK(ivo.done_date == "2025-08-25");
    CHECK(ivo.follow_up_note == "Andelen utredningar inom fyra månader ökade från 71 % till 93 %.");
}

TEST_CASE("export is byte-for-byte stable: reading and writing the sample gives the same file") {
    const std::string text = read_data("workspace_valid.json");
    const ParsedFile f = parse_exchange(text);
    REQUIRE(f.ok());
    std::vector<const Document*> ptrs;
    for (const auto& d : f.documents) ptrs.push_back(&d);
    CHECK(export_documents(ptrs, f.exported_at) == text);
}

TEST_CASE("export writes keys in a fixed order, two-space indented, documents in the given order") {
    Document a;
    a.id = "00000000-0000-4000-8000-000000000001";
    a.kind = DocKind::egenkontroll;
    a.title = "Stickprov";
    a.unit = "Tallen";
    a.year = 2025;
    a.rev = {1, "0000000000000000"};
    a.created = a.updated = "2025-01-01T00:00:00Z";
    a.body = std::make_shared<JsonBody>(DocKind::egenkontroll, nlohmann::json{{"b", 1}, {"a", "å"}});
    Document b = a;
    b.id = "00000000-0000-4000-8000-000000000002";
    b.body = std::make_shared<JsonBody>(DocKind::egenkontroll, nlohmann::json::object());
    const std::string expected = R"({
  "format": "kvalitetshjul",
  "format_version": 4,
  "exported_at": "2026-01-01T12:00:00Z",
  "documents": [
    {
      "id": "00000000-0000-4000-8000-000000000002",
      "kind": "egenkontroll",
      "title": "Stickprov",
      "unit": "Tallen",
      "year": 2025,
      "status": "utkast",
      "rev": "1-0000000000000000",
      "revisions": [],
      "created": "2025-01-01T00:00:00Z",
      "updated": "2025-01-01T00:00:00Z",
      "body": {}
    },
    {
      "id": "00000000-0000-4000-8000-000000000001",
      "kind": "egenkontroll",
      "title": "Stickprov",
      "unit": "Tallen",
      "year": 2025,
      "status": "utkast",
      "rev": "1-0000000000000000",
      "revisions": [],
      "created": "2025-01-01T00:00:00Z",
      "updated": "2025-01-01T00:00:00Z",
      "body": {
        "a": "å",
        "b": 1
      }
    }
  ]
}
)";
    CHECK(export_documents({&b, &a}, "2026-01-01T12:00:00Z") == expected);
}

TEST_CASE("every field error of a file is reported with its exact place") {
    const ParsedFile f = parse_exchange(read_data("invalid_fields.json"));
    CHECK_FALSE(f.ok());
    CHECK(f.documents.empty());
    const std::vector<std::string> expected{
        "documents[0].year: ska vara ett heltal, men är en text",
        "documents[1].kind: okänd dokumenttyp ”riskanalyz”; kända typer är riskanalys, egenkontrollplan, "
        "egenkontroll, arlig_genomgang, atgardsplan",
        "documents[1].year: årtalet 1999 ligger utanför det tillåtna intervallet 2000–2100",
        "documents[2].id: ”not-a-uuid” är inget giltigt UUID (formen är xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx "
        "med siffror och små bokstäver a–f)",
        "documents[2].created: ”2026-02-30T10:00:00Z” är ingen giltig tidpunkt (ange den i UTC som "
        "ÅÅÅÅ-MM-DDTtt:mm:ssZ, t.ex. 2026-03-01T09:30:00Z)",
        "documents[3].rev: ”3-XYZ” är ingen giltig revision (formen är ett löpnummer från 1, ett bindestreck "
        "och 16 hexadecimala tecken, t.ex. 3-0123456789abcdef)",
        "documents[3].body: ska vara ett objekt, men är en lista",
        "documents[4].title: är för lång: 301 tecken, högst 300 är tillåtna",
        "documents[4].id: id ”5d111a9d-5e6c-4992-b5fb-12e0d9090b89” förekommer redan i documents[0]; varje "
        "dokument ska ha ett eget id",
        "documents[5].status: fältet saknas",
        "documents[5].revisions[0]: ska vara en text, men är ett heltal",
        "documents[6].updated: ”2026-03-04 15:40” är ingen giltig tidpunkt (ange den i UTC som "
        "ÅÅÅÅ-MM-DDTtt:mm:ssZ, t.ex. 2026-03-01T09:30:00Z)",
    };
    CHECK(texts(f) == expected);
    CHECK(f.errors[0].path == "documents[0].year");
    CHECK(f.errors[0].what == Msg::err_wrong_type);
    CHECK(f.errors[0].text(Lang::en) == "documents[0].year: must be an integer, but is a string");
    CHECK(f.errors[9].text(Lang::en) == "documents[5].status: the field is missing");
}

TEST_CASE("type errors name both the expected and the actual type") {
    auto doc = valid_document();
    doc["year"] = 2024.5;
    doc["title"] = nullptr;
    doc["unit"] = true;
    doc["revisions"] = nlohmann::json::object();
    CHECK(texts(parse_one(doc)) ==
          std::vector<std::string>{
              "documents[0].title: ska vara en text, men är null (inget värde)",
              "documents[0].unit: ska vara en text, men är ett sanningsvärde (true/false)",
              "documents[0].year: ska vara ett heltal, men är ett decimaltal",
              "documents[0].revisions: ska vara en lista, men är ett objekt",
          });
    CHECK(texts(parse_exchange(wrap("[42]")), Lang::en) ==
          std::vector<std::string>{"documents[0]: must be an object, but is an integer"});
    CHECK(texts(parse_exchange(wrap("{}"))) ==
          std::vector<std::string>{"documents: ska vara en lista, men är ett objekt"});
}

TEST_CASE("years, statuses and revision histories are checked") {
    auto doc = valid_document();
    doc["year"] = 18446744073709551615ULL;
    doc["status"] = "klart";
    doc["revisions"] = {"1-fedcba9876543210", "2-fedcba9876543210"};
    CHECK(texts(parse_one(doc)) ==
          std::vector<std::string>{
              "documents[0].year: årtalet 18446744073709551615 ligger utanför det tillåtna intervallet "
              "2000–2100",
              "documents[0].status: okänd status ”klart”; kända statusar är utkast, pagar, klar, arkiverad",
              "documents[0].revisions[1]: revisionen ”2-fedcba9876543210” ska vara äldre än dokumentets "
              "revision "
              "”2-0123456789abcdef”",
          });
    doc = valid_document();
    doc["year"] = -5;
    doc["revisions"] = {"1-FEDCBA9876543210"};
    CHECK(
        texts(parse_one(doc), Lang::en) ==
        std::vector<std::string>{
            "documents[0].year: the year -5 is outside the allowed range 2000–2100",
            "documents[0].revisions[0]: “1-FEDCBA9876543210” is not a valid revision (the form is a sequence "
            "number from 1, a hyphen and 16 hexadecimal characters, e.g. 3-0123456789abcdef)",
        });
    doc = valid_document();
    doc["year"] = 2100;
    CHECK(parse_one(doc).ok());
    doc["year"] = 2000;
    CHECK(parse_one(doc).ok());
}

TEST_CASE("a title of 300 characters is fine, 301 is not; unit has the same limit") {
    auto doc = valid_document();
    std::string title;
    for (int i = 0; i < 300; ++i) title += "ö";
    doc["title"] = title;
    CHECK(parse_one(doc).ok());
    doc["unit"] = title + "x";
    CHECK(texts(parse_one(doc)) ==
          std::vector<std::string>{"documents[0].unit: är för lång: 301 tecken, högst 300 är tillåtna"});
}

TEST_CASE("unknown fields of a document are accepted and dropped") {
    auto doc = valid_document();
    doc["tags"] = {"a", "b"};
    const ParsedFile f = parse_one(doc);
    REQUIRE(f.ok());
    CHECK_FALSE(document_to_json(f.documents[0]).contains("tags"));
    // The plan's body is typed: its header fields are written with their defaults.
    auto want = valid_document();
    want["body"] = {{"ursprung", "ej_angiven"},
                    {"bakgrund", ""},
                    {"diarienummer", ""},
                    {"agare", ""},
                    {"atgarder", nlohmann::json::array()}};
    CHECK(document_to_json(f.documents[0]) == want);
}

TEST_CASE("a history longer than kept is cut to the newest kMaxAncestors") {
    auto doc = valid_document();
    doc["rev"] = "200-0123456789abcdef";
    doc["revisions"] = nlohmann::json::array();
    for (int n = 199; n >= 1; --n) doc["revisions"].push_back(std::to_string(n) + "-0123456789abcdef");
    const ParsedFile f = parse_one(doc);
    REQUIRE(f.ok());
    CHECK(f.documents[0].ancestors.size() == Document::kMaxAncestors);
    CHECK(f.documents[0].ancestors.front() == "199-0123456789abcdef");
    CHECK(f.documents[0].ancestors.back() == "100-0123456789abcdef");
}

TEST_CASE("file-level problems get one clear message") {
    CHECK(texts(parse_exchange(read_data("invalid_empty.json"))) == std::vector<std::string>{"filen är tom"});
    CHECK(texts(parse_exchange(" \n\t")) == std::vector<std::string>{"filen är tom"});
    CHECK(texts(parse_exchange(read_data("invalid_root_array.json"))) ==
          std::vector<std::string>{"filen ska innehålla ett JSON-objekt, men innehåller en lista"});
    CHECK(texts(parse_exchange(read_data("invalid_format.json"))) ==
          std::vector<std::string>{
              "format: ”excel-export” är inget känt filformat; en fil från Kvalitetshjul har "
              "”kvalitetshjul” här"});
    CHECK(texts(parse_exchange(R"({"documents":[]})")) == std::vector<std::string>{"format: fältet saknas"});
    CHECK(texts(parse_exchange(R"({"format":1})"), Lang::en) ==
          std::vector<std::string>{"format: must be a string, but is an integer"});
}

TEST_CASE("syntax errors give line and column, counted in characters") {
    CHECK(texts(parse_exchange(read_data("invalid_not_json.json"))) ==
          std::vector<std::string>{"filen är inte giltig JSON: fel på rad 6, kolumn 1"});
    CHECK(texts(parse_exchange("{\"å\": x}"), Lang::en) ==
          std::vector<std::string>{"the file is not valid JSON: error at line 1, column 7"});
    CHECK(texts(parse_exchange("{\n  \"a\": [1, 2\n")) ==
          std::vector<std::string>{"filen är inte giltig JSON: fel på rad 3, kolumn 1"});
    // A bad byte in a file is found before parsing (file_bytes_test.cpp); in a stored record the
    // parser finds it and names its place.
    CHECK(texts(parse_exchange("{\"a\": \"\xff\"}")) ==
          std::vector<std::string>{"filen är inte giltig UTF-8-text: ogiltig byte på rad 1 (byteposition 7, "
                                   "räknat från 0). En export från Kvalitetshjul är alltid UTF-8; filen har "
                                   "sparats med en annan teckenkodning eller är skadad."});
    std::vector<ValidationError> errors;
    CHECK_FALSE(parse_document("{\"a\": \"\xff\"}", errors));
    CHECK(errors.at(0).text(Lang::sv) == "filen är inte giltig JSON: fel på rad 1, kolumn 8");
    CHECK(texts(parse_exchange("{} {}")) ==
          std::vector<std::string>{"filen är inte giltig JSON: fel på rad 1, kolumn 4"});
}

TEST_CASE("parse_exchange: nothing but whitespace may follow the JSON value, a NUL byte included") {
    const std::string junk = read_data("invalid_nul_junk.json");
    CHECK(texts(parse_exchange(junk)) ==
          std::vector<std::string>{"filen är inte giltig JSON: fel på rad 25, kolumn 1"});
    // The same file without what follows the NUL is valid: the NUL is what is refused.
    const std::string before_nul = junk.substr(0, junk.find('\0'));
    CHECK(parse_exchange(before_nul).ok());
    CHECK_FALSE(parse_exchange(before_nul + '\0').ok());
    CHECK(parse_exchange(before_nul + " \n\t\r\n").ok());

    CHECK(texts(parse_exchange(read_data("invalid_trailing_garbage.json"))) ==
          std::vector<std::string>{"filen är inte giltig JSON: fel på rad 25, kolumn 1"});
    CHECK(texts(parse_exchange(read_data("invalid_number_nul.json"))) ==
          std::vector<std::string>{"filen är inte giltig JSON: fel på rad 1, kolumn 4"});
    CHECK(texts(parse_exchange("123")) ==
          std::vector<std::string>{"filen ska innehålla ett JSON-objekt, men innehåller ett heltal"});

    // A NUL anywhere else is a syntax error where it stands, never the end of the input.
    CHECK(texts(parse_exchange("{\"a\": \"x\0y\"}"s)) ==
          std::vector<std::string>{"filen är inte giltig JSON: fel på rad 1, kolumn 9"});
    CHECK(texts(parse_exchange("{\"a\":\n 1\0}"s)) ==
          std::vector<std::string>{"filen är inte giltig JSON: fel på rad 2, kolumn 3"});
    CHECK(texts(parse_exchange("{} \0 {}"s)) ==
          std::vector<std::string>{"filen är inte giltig JSON: fel på rad 1, kolumn 4"});
}

TEST_CASE("a stored record followed by a NUL is refused as well") {
    std::vector<ValidationError> errors;
    CHECK_FALSE(parse_document("{}\0"s, errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].text(Lang::sv) == "filen är inte giltig JSON: fel på rad 1, kolumn 3");
}

TEST_CASE("input is bounded: size, nesting depth and number of values") {
    const std::string too_big(kMaxFileBytes + 1, ' ');
    CHECK(texts(parse_exchange(too_big)) ==
          std::vector<std::string>{"filen är för stor (65 MiB); högst 64 MiB kan läsas"});

    const std::string deep_ok = std::string(64, '[') + std::string(64, ']');
    CHECK(parse_exchange(deep_ok).errors.at(0).what == Msg::err_root_not_object);
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(texts(parse_exchange(deep)) ==
          std::vector<std::string>{"filen är nästlad i fler än 64 nivåer och kan inte läsas"});
    CHECK(texts(parse_exchange(std::string(65, '['))) ==
          std::vector<std::string>{"filen är nästlad i fler än 64 nivåer och kan inte läsas"});

    std::string many = "[0";
    for (std::size_t i = 0; i < kMaxJsonValues; ++i) many += ",0";
    many += "]";
    CHECK(texts(parse_exchange(many), Lang::en) ==
          std::vector<std::string>{"the file contains more than 4000000 values and cannot be read"});
}

TEST_CASE("errors stop at 100, followed by how many more there were") {
    const ParsedFile f = parse_exchange(read_data("invalid_many_errors.json"));
    REQUIRE(f.errors.size() == kMaxErrors + 1);
    CHECK(f.errors[0].text(Lang::sv) == "documents[0].id: fältet saknas");
    CHECK(f.errors[99].text(Lang::sv) == "documents[9].id: fältet saknas");
    CHECK(f.errors[100].text(Lang::sv) == "… och 10 fel till");
    CHECK(f.errors[100].text(Lang::en) == "… and 10 more");
}

TEST_CASE("migrate: version 4 is current, 1 to 3 are read; missing, unknown and newer versions are refused") {
    std::vector<ValidationError> errors;
    auto root = nlohmann::json::parse(R"({"format":"kvalitetshjul","format_version":4})");
    CHECK(migrate(root, errors));
    CHECK(errors.empty());
    CHECK(root["format_version"] == 4);
    for (const char* older : {R"({"format":"kvalitetshjul","format_version":1})",
                              R"({"format":"kvalitetshjul","format_version":2})",
                              R"({"format":"kvalitetshjul","format_version":3})"}) {
        root = nlohmann::json::parse(older);
        CHECK(migrate(root, errors));
        CHECK(errors.empty());
        CHECK(root["format_version"] == 4);
    }

    auto refused = [](const char* text) {
        auto r = nlohmann::json::parse(text);
        std::vector<ValidationError> errs;
        CHECK_FALSE(migrate(r, errs));
        REQUIRE(errs.size() == 1);
        return errs[0].text(Lang::sv);
    };
    CHECK(refused(R"({})") == "format_version: fältet saknas");
    CHECK(refused(R"({"format_version":0})") ==
          "format_version: okänd formatversion 0; den första versionen är 1");
    CHECK(refused(R"({"format_version":-3})") ==
          "format_version: okänd formatversion -3; den första versionen är 1");
    CHECK(refused(R"({"format_version":"1"})") == "format_version: ska vara ett heltal, men är en text");
    CHECK(refused(R"({"format_version":1.0})") ==
          "format_version: ska vara ett heltal, men är ett decimaltal");
    CHECK(refused(R"({"format_version":5})") ==
          "format_version: filen är skapad av en nyare version av Kvalitetshjul (formatversion 5; den här "
          "versionen kan läsa till och med version 4). Uppdatera Kvalitetshjul och försök igen.");
    CHECK(refused(R"({"format_version":18446744073709551615})").find("nyare version") != std::string::npos);
}

TEST_CASE("parse_exchange routes the version through migrate before reading documents") {
    const ParsedFile newer = parse_exchange(read_data("invalid_newer_version.json"));
    REQUIRE(newer.errors.size() == 1); // no document errors: a newer file is not read further
    CHECK(newer.errors[0].what == Msg::err_version_newer);
    CHECK(newer.errors[0].args == std::vector<std::string>{"5", "4"});
    const ParsedFile missing = parse_exchange(R"({"format":"kvalitetshjul","documents":[1]})");
    CHECK(texts(missing) == std::vector<std::string>{"format_version: fältet saknas"});
    CHECK(texts(parse_exchange(R"({"format":"kvalitetshjul","format_version":1,"documents":[]})")) ==
          std::vector<std::string>{"exported_at: fältet saknas"});
}

TEST_CASE("one stored record reads back as the same document") {
    const ParsedFile f = parse_exchange(read_data("workspace_valid.json"));
    REQUIRE(f.ok());
    for (const Document& d : f.documents) {
        std::vector<ValidationError> errors;
        const auto back = parse_document(document_to_json(d).dump(), errors);
        REQUIRE(back);
        CHECK(*back == d);
        CHECK(errors.empty());
    }
    std::vector<ValidationError> errors;
    auto doc = valid_document();
    doc.erase("kind");
    CHECK_FALSE(parse_document(doc.dump(), errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].text(Lang::sv) == "kind: fältet saknas"); // no prefix when no path is given
    errors.clear();
    CHECK_FALSE(parse_document("{", errors));
    CHECK(errors.at(0).what == Msg::err_not_json);
}

TEST_CASE("no prefix of a valid file and no byte flip makes the reader throw or accept garbage") {
    const std::string text = read_data("workspace_valid.json");
    for (std::size_t n = 0; n < text.size(); n += 37) {
        ParsedFile f;
        CHECK_NOTHROW(f = parse_exchange(std::string_view(text).substr(0, n)));
        CHECK_FALSE(f.ok());
        CHECK(f.documents.empty());
    }
    for (std::size_t i = 0; i < text.size(); i += 53) {
        std::string broken = text;
        broken[i] = static_cast<char>(broken[i] ^ 0x5a);
        ParsedFile f;
        CHECK_NOTHROW(f = parse_exchange(broken));
        if (!f.ok()) CHECK(f.documents.empty());
    }
}

TEST_CASE("a riskanalys with a score outside its scale is refused with the place of the error") {
    const std::string file =
        R"({"format":"kvalitetshjul","format_version":1,"exported_at":"2026-11-23T10:00:00Z",
      "documents":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","kind":"riskanalys","title":"R","unit":"",
      "year":2026,"status":"utkast","rev":"1-0123456789abcdef","revisions":[],"created":"2026-11-23T10:00:00Z",
      "updated":"2026-11-23T10:00:00Z","body":{"risker":[{"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7",
      "sannolikhet":7,"konsekvens":2}]}}]})";
    const ParsedFile parsed = parse_exchange(file);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.documents.empty());
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].path == "documents[0].body.risker[0].sannolikhet");
}
