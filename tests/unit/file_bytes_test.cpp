// A file's bytes before parsing: the UTF-8 check at every boundary of RFC 3629, recognising what a
// file is, and parse_exchange refusing bad bytes with their place.
#include "core/file_bytes.hpp"
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

std::string error_text(const RecognisedFile& r, Lang lang = Lang::sv) {
    return r.error ? r.error->text(lang) : "";
}

} // namespace

TEST_CASE("UTF-8: every well-formed sequence is accepted, up to its boundaries") {
    for (const std::string& s :
         {""s, "Åtgärdsplan"s, "a\0b"s, "\x7F"s, "\xC2\x80"s, "\xDF\xBF"s, "\xE0\xA0\x80"s, "\xED\x9F\xBF"s,
          "\xEE\x80\x80"s, "\xEF\xBF\xBF"s, "€"s, "\xF0\x90\x80\x80"s, "🙂"s, "\xF4\x8F\xBF\xBF"s}) {
        INFO(s);
        CHECK_FALSE(invalid_utf8_at(s));
    }
}

TEST_CASE("UTF-8: the offset of the first bad sequence is found") {
    struct Case {
        std::string bytes;
        std::size_t at;
    };
    for (const auto& [bytes, at] : {
             Case{"\x80", 0}, // a continuation byte without a lead
             Case{"abc\xBF", 3},
             Case{"\xC0\xAF", 0}, // overlong "/" (C0 and C1 are always overlong)
             Case{"\xC1\xBF", 0},
             Case{"\xE0\x80\xAF", 0},             // overlong in three bytes
             Case{"\xE0\x9F\xBF", 0},             // U+07FF in three bytes
             Case{"\xF0\x80\x80\xAF", 0},         // overlong in four bytes
             Case{"\xF0\x8F\xBF\xBF", 0},         // U+FFFF in four bytes
             Case{"Å\xED\xA0\x80", 2},            // U+D800, a surrogate
             Case{"\xED\xBF\xBF", 0},             // U+DFFF
             Case{"\xED\xA0\xBD\xED\xB9\x82", 0}, // CESU-8: an emoji as two surrogates
             Case{"\xF4\x90\x80\x80", 0},         // U+110000, beyond Unicode
             Case{"\xF5\x80\x80\x80", 0},
             Case{"ok\xFE", 2},
             Case{"ok\xFF", 2},
             Case{"Åtg\xE4rd", 4}, // Latin-1 "ä"
             Case{"a\xC3x", 1},    // a lead byte followed by no continuation
             Case{"\xE2\x28\xA1", 0},
             Case{"\xE2\x82\x28", 0},     // the third byte is wrong
             Case{"\xF0\x9F\x99\x28", 0}, // the fourth byte is wrong
             Case{"x\xC3", 1},            // cut off at the end
             Case{"x\xE2\x82", 1},
             Case{"x\xF0\x9F\x99", 1},
         }) {
        INFO(bytes);
        CHECK(invalid_utf8_at(bytes) == at);
    }
}

TEST_CASE("recognise_file: a JSON export, with or without a BOM") {
    const RecognisedFile plain = recognise_file(" {\"a\": \"Å\"}");
    CHECK_FALSE(plain.error);
    CHECK(plain.format == FileFormat::json_export);
    CHECK(plain.content == " {\"a\": \"Å\"}");

    const RecognisedFile bom = recognise_file("\xEF\xBB\xBF{}");
    CHECK_FALSE(bom.error);
    CHECK(bom.format == FileFormat::json_export);
    CHECK(bom.content == "{}");
    // Whether it is an export is for the parser to say, from the first character that can start JSON.
    for (const std::string& json : {"[]"s, "\"x\""s, "-1"s, "123\0"s, "true"s, "nej"s})
        CHECK(recognise_file(json).format == FileFormat::json_export);
}

TEST_CASE("recognise_file: empty, too large, not UTF-8 and not an export each get their own message") {
    for (const std::string& empty : {""s, " \r\n\t"s, "\xEF\xBB\xBF"s, "\xEF\xBB\xBF\n"s}) {
        const RecognisedFile r = recognise_file(empty);
        CHECK_FALSE(r.format);
        CHECK(error_text(r) == "filen är tom");
    }
    CHECK(error_text(recognise_file(std::string(kMaxFileBytes + 1, '{')), Lang::en) ==
          "the file is too large (65 MiB); at most 64 MiB can be read");

    const RecognisedFile latin1 = recognise_file("{\n  \"title\": \"\xC5tg\xE4rd\"\n}");
    CHECK_FALSE(latin1.format);
    CHECK(error_text(latin1) ==
          "filen är inte giltig UTF-8-text: ogiltig byte på rad 2 (byteposition 14, räknat från 0). "
          "En export från Kvalitetshjul är alltid UTF-8; filen har sparats med en annan teckenkodning "
          "eller är skadad.");
    CHECK(error_text(latin1, Lang::en) ==
          "the file is not valid UTF-8 text: invalid byte on line 2 (byte offset 14, counted from 0). "
          "An export from Kvalitetshjul is always UTF-8; the file has been saved in another encoding or "
          "is damaged.");
    // The offset is in the file as it is, a skipped BOM included.
    CHECK(recognise_file("\xEF\xBB\xBF{\"\xFF\"}").error->args == std::vector<std::string>{"5", "1"});

    for (const std::string& other : {"Titel;Enhet;År\r\n"s, "%PDF-1.7\n%\xE2\xE3\xCF\xD3"s,
                                    "PK\x03\x04\x14\x00"s, "\0junk"s, "\xFF\xFE{\0"s, "<html>"s}) {
        const RecognisedFile r = recognise_file(other);
        CHECK_FALSE(r.format);
        CHECK(error_text(r) ==
              "filen är ingen export från Kvalitetshjul: en export är en JSON-fil som börjar med ”{”");
    }
    CHECK(error_text(recognise_file("PK\x03\x04"), Lang::en) ==
          "the file is not an export from Kvalitetshjul: an export is a JSON file that starts with “{”");
}

TEST_CASE("parse_exchange: a BOM is skipped; bad bytes are refused with their place") {
    const ParsedFile bom = parse_exchange(read_data("valid_bom.json"));
    REQUIRE(bom.ok());
    REQUIRE(bom.documents.size() == 1);
    CHECK(bom.documents[0].title == "Åtgärdsplan efter IVO-beslut");

    CHECK(texts(parse_exchange(read_data("invalid_utf8_latin1_title.json"))) ==
          std::vector<std::string>{
              "filen är inte giltig UTF-8-text: ogiltig byte på rad 9 (byteposition 215, räknat från 0). En "
              "export från Kvalitetshjul är alltid UTF-8; filen har sparats med en annan teckenkodning eller "
              "är skadad."});
    CHECK(parse_exchange(read_data("invalid_utf8_surrogate_title.json")).errors.at(0).args ==
          std::vector<std::string>{"246", "9"});
    CHECK(parse_exchange(read_data("invalid_utf8_overlong_title.json")).errors.at(0).args ==
          std::vector<std::string>{"233", "9"});
    CHECK(texts(parse_exchange(read_data("invalid_not_an_export.csv"))) ==
          std::vector<std::string>{
              "filen är ingen export från Kvalitetshjul: en export är en JSON-fil som börjar med ”{”"});
}

TEST_CASE("invalid UTF-8 is found at its exact offset after ASCII runs of every length") {
    for (std::size_t run = 0; run < 40; ++run) {
        const std::string ascii(run, 'a');
        CHECK(invalid_utf8_at(ascii) == std::nullopt);
        CHECK(invalid_utf8_at(ascii + "\xc3\xa5" + ascii) == std::nullopt); // å
        CHECK(invalid_utf8_at(ascii + "\xff" + ascii) == run);
        CHECK(invalid_utf8_at(ascii + "\xc3") == run);          // cut short at the end
        CHECK(invalid_utf8_at(ascii + "\xe2\x80" + "a") == run); // a three-byte sequence cut short
    }
}
