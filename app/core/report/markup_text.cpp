// Text as markup may carry it (see markup_text.hpp).
#include "markup_text.hpp"

#include "core/document.hpp"

#include <algorithm>

namespace kvh::core::report {

std::string markup_text(std::string_view text) {
    std::string s(text);
    repair_utf8(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; // valid after repair_utf8
        const std::string_view ch(s.data() + i, std::min(n, s.size() - i));
        i += ch.size();
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        if (ch == "\xEF\xBF\xBE" || ch == "\xEF\xBF\xBF") continue; // U+FFFE, U+FFFF
        out += ch;
    }
    return out;
}

} // namespace kvh::core::report
