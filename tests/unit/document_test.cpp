// Documents: file keys of kinds and statuses, revisions and the content hash, timestamps.
#include "core/document.hpp"
#include "core/exchange_format.hpp"

#include <doctest/doctest.h>

#include <cstdio>

using namespace kvh::core;

namespace {

// An independent FNV-1a 64, so the test does not trust the code it checks.
std::string fnv_hex(const std::string& s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

Document sample() {
    Document d;
    d.id = "0b7f6c1e-3a52-4c1d-9a0e-5d2b8f4e6a11";
    d.title = "T";
    d.unit = "U";
    d.year = 2026;
    return d;
}

} // namespace

TEST_CASE("kind and status keys are stable and round-trip") {
    CHECK(kind_key(DocKind::arlig_genomgang) == "arlig_genomgang");
    CHECK(kind_key(DocKind::egenkontroll) == "egenkontroll");
    for (DocKind k : all_doc_kinds) CHECK(kind_from_key(kind_key(k)) == k);
    CHECK_FALSE(kind_from_key("Riskanalys").has_value());
    CHECK_FALSE(kind_from_key("").has_value());
    CHECK(status_key(DocStatus::pagar) == "pagar");
    for (DocStatus s : all_doc_statuses) CHECK(status_from_key(status_key(s)) == s);
    CHECK_FALSE(status_from_key("klart").has_value());
    CHECK(kind_name(DocKind::atgardsplan) == Msg::kind_atgardsplan);
    CHECK(kind_plural_name(DocKind::egenkontrollplan) == Msg::kinds_egenkontrollplan);
    CHECK(status_name(DocStatus::arkiverad) == Msg::status_arkiverad);
}

TEST_CASE("revisions parse only in their one canonical spelling") {
    const auto r = Revision::parse("12-0123456789abcdef");
    REQUIRE(r);
    CHECK(r->number == 12);
    CHECK(r->hash == "0123456789abcdef");
    CHECK(r->str() == "12-0123456789abcdef");
    for (const char* bad :
         {"0-0123456789abcdef", "012-0123456789abcdef", "1-0123456789ABCDEF", "1-0123456789abcde",
          "1-0123456789abcdef0", "-0123456789abcdef", "1_0123456789abcdef", "+1-0123456789abcdef",
          "99999999999999999999-0123456789abcdef", "", "1-"})
        CHECK_MESSAGE(!Revision::parse(bad), bad);
}

TEST_CASE(
    "the revision hash is FNV-1a 64 over parent, newline and the sorted header JSON, mixed with the body's") {
    CHECK(fnv_hex("") == "cbf29ce484222325"); // published test vectors of FNV-1a 64
    CHECK(fnv_hex("a") == "af63dc4c8601ec8c");
    Document d = sample();
    const std::string header =
        R"({"kind":"riskanalys","status":"utkast","title":"T","unit":"U","year":2026})";
    CHECK(revision_hash("", d) == fnv_hex("\n" + header)); // no body yet: the header alone
    CHECK(revision_hash("1-aaaaaaaaaaaaaaaa", d) == fnv_hex("1-aaaaaaaaaaaaaaaa\n" + header));

    d.body = kind_spec(DocKind::riskanalys).empty();
    const std::string with_body = revision_hash("", d);
    CHECK(with_body != fnv_hex("\n" + header));
    // Equal content hashes equally, however it was made.
    Document e = sample();
    std::vector<ValidationError> errors;
    e.body = kind_spec(DocKind::riskanalys).from_json(d.body->to_json(), "body", d.id, errors);
    REQUIRE(e.body);
    CHECK(revision_hash("", e) == with_body);
    CHECK(same_content(d, e));
}

TEST_CASE("advance_revision counts up, keeps the parent first and caps the history") {
    Document d = sample();
    advance_revision(d);
    CHECK(d.rev.number == 1);
    CHECK(d.rev.hash == revision_hash("", d));
    CHECK(d.ancestors.empty());
    const std::string first = d.rev.str();

    advance_revision(d);
    CHECK(d.rev.number == 2);
    CHECK(d.ancestors == std::vector<std::string>{first});
    CHECK(d.rev.hash == revision_hash(first, d));
    // Same content, other parent: another hash, so two histories never collide by accident.
    CHECK(d.rev.hash != revision_hash("", d));

    Document e = sample();
    e.title = "Annan titel";
    advance_revision(e);
    CHECK(e.rev.hash != first.substr(2));

    for (int i = 0; i < 150; ++i) advance_revision(d);
    CHECK(d.rev.number == 152);
    CHECK(d.ancestors.size() == Document::kMaxAncestors);
    CHECK(d.ancestors.front().rfind("151-", 0) == 0);
    CHECK(d.ancestors.back().rfind("52-", 0) == 0);
}

TEST_CASE("timestamps are ISO 8601 UTC with a real date") {
    CHECK(is_iso_utc("2026-11-23T10:15:00Z"));
    CHECK(is_iso_utc("2024-02-29T23:59:59Z"));
    CHECK(is_iso_utc("2000-02-29T00:00:00Z"));
    CHECK_FALSE(is_iso_utc("2025-02-29T00:00:00Z"));
    CHECK_FALSE(is_iso_utc("2100-02-29T00:00:00Z"));
    CHECK_FALSE(is_iso_utc("2026-04-31T00:00:00Z"));
    CHECK_FALSE(is_iso_utc("2026-13-01T00:00:00Z"));
    CHECK_FALSE(is_iso_utc("2026-11-23T24:00:00Z"));
    CHECK_FALSE(is_iso_utc("2026-11-23T10:15:00z"));
    CHECK_FALSE(is_iso_utc("2026-11-23T10:15:00+01:00"));
    CHECK_FALSE(is_iso_utc("2026-11-23T10:15:00.123Z"));
    CHECK_FALSE(is_iso_utc("2026-11-23 10:15:00Z"));
    CHECK_FALSE(is_iso_utc(""));
}

TEST_CASE("text length counts characters, and cutting never splits one") {
    CHECK(utf8_chars("Åtgärd") == 6);
    std::string s = "Åtgärd";
    limit_chars(s, 3);
    CHECK(s == "Åtg");
    limit_chars(s, 10);
    CHECK(s == "Åtg");
}

TEST_CASE("revision numbers above 2^53 are refused, so an edit can never wrap one") {
    using kvh::core::Revision;
    CHECK(Revision::parse("9007199254740992-0123456789abcdef").has_value());
    CHECK_FALSE(Revision::parse("9007199254740993-0123456789abcdef").has_value());
    CHECK_FALSE(Revision::parse("18446744073709551615-0123456789abcdef").has_value());
}
