// Values a person (or a broken paste) can put into a field, for the random edits: every prefix of a real
// value, garbage bytes, broken UTF-8, dates half typed, scores just off the scale.
#include "random_edit_parts.hpp"

#include "core/document.hpp"

namespace kvh::test {

// Bytes that are not UTF-8, or only part of it: a lone continuation byte, a cut two-byte sequence,
// bytes that never occur, a UTF-16 surrogate, an overlong '/', beyond U+10FFFF.
const std::string_view kBrokenUtf8[] = {"\x80",          "\xC3",
                                        "\xFF\xFE",      "\xED\xA0\x80",
                                        "\xC0\xAF",      "\xF4\x90\x80\x80",
                                        "Fall \xE2\x80", "\xC3\xA5\x80\x80\x80"};

static std::string repeat(std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

static std::string garbage(Rng& rng) {
    switch (pick(rng, 10)) {
    case 0: { // any bytes at all
        std::string s(std::size_t(pick(rng, 24)), '\0');
        for (char& c : s) c = char(pick(rng, 256));
        return s;
    }
    case 1: { // a prefix cut in bytes, through a multi-byte character
        const std::string_view t = one_of(rng, kTexts);
        return std::string(t.substr(0, std::size_t(pick(rng, int(t.size()) + 1))));
    }
    case 2:
        return std::string(one_of(rng, kBrokenUtf8));
    case 3: { // longer than a title may be, in one-, two- and broken bytes
        const std::string_view unit[] = {"x", "å", "\x80", "\xC3"};
        return repeat(one_of(rng, unit), one_of(rng, {299, 300, 301, 400}));
    }
    case 4:
        return std::string("a\0b\t\r\n\x1b[31m\x7f", 12);
    case 5:
        return one_of(rng, {"\"}{\\", "null", "{\"a\":1}", "[", "\\u0000", "</script>"});
    case 6:
        return one_of(rng, {" ", "   ", "\n", "\t \r\n"});
    case 7: // joiners, combining marks, a right-to-left override, a BOM
        return one_of(rng, {"👩‍⚕️", "e\u0301", "\u202eabc", "\uFEFF", "\U0010FFFF"});
    case 8:
        return repeat("Lång text ", 500);
    default:
        return kDate;
    }
}

std::string text(Rng& rng) {
    const int r = pick(rng, 100);
    if (r < 70) {
        std::string t(one_of(rng, kTexts));
        core::limit_chars(t, std::size_t(pick(rng, int(core::utf8_chars(t)) + 1)));
        return t;
    }
    if (r < 85) return garbage(rng);
    return "";
}

std::string date(Rng& rng) {
    switch (pick(rng, 6)) {
    case 0:
    case 1:
        return kDate.substr(0, std::size_t(pick(rng, int(kDate.size()) + 1)));
    case 2:
        return one_of(rng,
                      {"2026-02-30", "2024-02-29", "2026-13-01", "0000-00-00", "2026-12-2", " 2026-12-02"});
    case 3:
        return garbage(rng);
    default:
        return chance(rng, 50) ? kDate : "";
    }
}

int score(Rng& rng, int levels) {
    return chance(rng, 80) ? between(rng, 0, levels) : one_of(rng, {-1, levels + 1, levels + 2});
}

} // namespace kvh::test
