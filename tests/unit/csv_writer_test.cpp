// The CSV writer for Swedish Excel: BOM, semicolons, CRLF, quoting only where needed, and formula
// protection that keeps the user's text whole.
#include "core/report/csv_writer.hpp"

#include <doctest/doctest.h>

using kvh::core::report::CsvWriter;

namespace {

const std::string kBom = "\xEF\xBB\xBF";

// One row of text fields, without the BOM.
std::string row(std::initializer_list<std::string_view> fields) {
    CsvWriter csv;
    for (auto f : fields) csv.text(f);
    csv.end_row();
    const std::string out = std::move(csv).finish();
    REQUIRE(out.starts_with(kBom));
    return out.substr(kBom.size());
}

} // namespace

TEST_CASE("CSV writer: an empty file is the BOM alone; rows end in CRLF, fields are split by ;") {
    CHECK(CsvWriter().finish() == kBom);
    CsvWriter csv;
    csv.text("a").text("b").end_row().text("c").end_row();
    CHECK(std::move(csv).finish() == kBom + "a;b\r\nc\r\n");
}

TEST_CASE("CSV writer: empty fields, numbers and nothing-numbers") {
    CHECK(row({"", ""}) == ";\r\n");
    CHECK(row({""}) == "\r\n");
    CsvWriter csv;
    csv.number(12).number(std::nullopt).empty(2).number(-3).number(0).end_row();
    // A negative number is data, not a formula: no apostrophe.
    CHECK(std::move(csv).finish() == kBom + "12;;;;-3;0\r\n");
    CsvWriter starts_empty;
    starts_empty.empty().text("x").end_row();
    CHECK(std::move(starts_empty).finish() == kBom + ";x\r\n");
}

TEST_CASE("CSV writer: quotes only where ; \" CR or LF need them, inner quotes doubled") {
    CHECK(row({"plain text, with comma"}) == "plain text, with comma\r\n");
    CHECK(row({"a;b"}) == "\"a;b\"\r\n");
    CHECK(row({"say \"hej\""}) == "\"say \"\"hej\"\"\"\r\n");
    CHECK(row({"\""}) == "\"\"\"\"\r\n");
    CHECK(row({"line 1\nline 2", "x"}) == "\"line 1\nline 2\";x\r\n");
    CHECK(row({"line 1\r\nline 2"}) == "\"line 1\r\nline 2\"\r\n");
}

TEST_CASE("CSV writer: å ä ö and other UTF-8 pass through byte for byte") {
    CHECK(row({"Åtgärd för äldreomsorg", "Öppna jämförelser", "€ – ✓"}) ==
          "Åtgärd för äldreomsorg;Öppna jämförelser;€ – ✓\r\n");
}

TEST_CASE("CSV writer: a field Excel would run as a formula gets a leading apostrophe") {
    CHECK(row({"=SUM(A1:A3)"}) == "'=SUM(A1:A3)\r\n");
    CHECK(row({"+46 70 123"}) == "'+46 70 123\r\n");
    CHECK(row({"-1"}) == "'-1\r\n");
    CHECK(row({"@SUM(A1)"}) == "'@SUM(A1)\r\n");
    CHECK(row({"\t=1"}) == "'\t=1\r\n");
    // A leading CR needs quoting as well; the apostrophe goes inside the quotes.
    CHECK(row({"\r=1"}) == "\"'\r=1\"\r\n");
    CHECK(row({"=HYPERLINK(\"http://x\";\"klick\")"}) ==
          "\"'=HYPERLINK(\"\"http://x\"\";\"\"klick\"\")\"\r\n");
    // Only the first character counts: inside a field these are ordinary text.
    CHECK(row({"a=b", "1-2", "x@y"}) == "a=b;1-2;x@y\r\n");
    CHECK(row({"Ålder=80"}) == "Ålder=80\r\n");
}
