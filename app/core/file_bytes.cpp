// The UTF-8 check and the recognition of a chosen file's format, before any parsing.
#include "file_bytes.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

namespace kvh::core {

namespace {

bool in(unsigned char c, unsigned char lo, unsigned char hi) {
    return c >= lo && c <= hi;
}

// The characters a JSON text can start with once whitespace is skipped (RFC 8259): anything else
// cannot be an export, whatever the rest of the file holds.
bool starts_json(char c) {
    return std::string_view("{[\"-0123456789tfn").find(c) != std::string_view::npos;
}

bool all_ascii8(const unsigned char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return (word & 0x8080808080808080ULL) == 0;
}

} // namespace

std::optional<std::size_t> invalid_utf8_at(std::string_view bytes) {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        while (n - i >= 8 && all_ascii8(s + i)) i += 8; // JSON is mostly ASCII
        if (i == n) break;
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        // The second byte's range depends on the first (Unicode table 3-7): that is what excludes
        // overlong forms (E0, F0), surrogates (ED) and code points above U+10FFFF (F4).
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (in(c, 0xC2, 0xDF)) {
            len = 2;
        } else if (in(c, 0xE0, 0xEF)) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (in(c, 0xF0, 0xF4)) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return i; // a continuation byte without a lead, C0/C1 (always overlong) or F5…FF
        }
        if (n - i < len || !in(s[i + 1], lo, hi)) return i;
        for (std::size_t k = 2; k < len; ++k)
            if (!in(s[i + k], 0x80, 0xBF)) return i;
        i += len;
    }
    return std::nullopt;
}

RecognisedFile recognise_file(std::string_view bytes) {
    RecognisedFile out;
    if (bytes.size() > kMaxFileBytes) {
        out.error = too_large_error(bytes.size());
        return out;
    }
    // Editors on Windows may put a byte order mark first; it says nothing but "UTF-8".
    const std::size_t skipped = bytes.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
    const std::string_view content = bytes.substr(skipped);
    const std::size_t first = content.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        out.error = {"", Msg::err_empty_file, {}, {}};
        return out;
    }
    // Judged on the first character before the UTF-8 check, so that a PDF or a Word file chosen by
    // mistake is called what it is (not an export) rather than a text with a bad byte in it.
    if (!starts_json(content[first])) {
        out.error = {"", Msg::err_not_export, {}, {}};
        return out;
    }
    if (const auto at = invalid_utf8_at(content)) {
        const std::size_t offset = skipped + *at;
        const auto line = 1 + std::count(bytes.begin(), bytes.begin() + offset, '\n');
        out.error = {"", Msg::err_not_utf8, {std::to_string(offset), std::to_string(line)}, {}};
        return out;
    }
    out.format = FileFormat::json_export;
    out.content = content;
    return out;
}

ValidationError too_large_error(std::uint64_t bytes) {
    return {"",
            Msg::err_too_large,
            {std::to_string((bytes + (1u << 20) - 1) >> 20), std::to_string(kMaxFileBytes >> 20)},
            {}};
}

} // namespace kvh::core
