// fold_case, sort_key and document_matches (see search.hpp).
#include "search.hpp"

#include <algorithm>

namespace kvh::core {

std::string fold_case(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c + 32);
        } else if (c == 0xC3 && i + 1 < out.size()) {
            // U+00C0–U+00DE (À…Þ, except × U+00D7) are C3 80–9E; their lower case is C3 A0–BE.
            const unsigned char next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
            ++i;
        }
    }
    return out;
}

std::string sort_key(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const std::string folded = fold_case(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
    std::string out;
    out.reserve(folded.size() + 8);
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char c = folded[i];
        if (c >= '0' && c <= '9') {
            // A number by its value: '0', its count of digits, its digits (leading zeros dropped).
            std::size_t end = i;
            while (end < folded.size() && folded[end] >= '0' && folded[end] <= '9') ++end;
            std::size_t lead = i;
            while (lead + 1 < end && folded[lead] == '0') ++lead;
            out += '0';
            out += static_cast<char>(std::min<std::size_t>(end - lead, 0x7F));
            out.append(folded, lead, end - lead);
            i = end - 1;
            continue;
        }
        if (c == '\xC3' && i + 1 < folded.size()) {
            const char* as = nullptr;
            switch (folded[i + 1]) {
            case '\xA5': // å
                as = "\x7F\x01";
                break;
            case '\xA4': // ä
            case '\xA6': // æ
                as = "\x7F\x02";
                break;
            case '\xB6': // ö
            case '\xB8': // ø
                as = "\x7F\x03";
                break;
            case '\xA9': // é
            case '\xA8': // è
                as = "e";
                break;
            case '\xBC': // ü
                as = "y";
                break;
            }
            if (as) {
                out += as;
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

bool document_matches(const Document& doc, std::string_view folded_query) {
    if (folded_query.empty()) return true;
    return fold_case(doc.title).find(folded_query) != std::string::npos ||
           fold_case(doc.unit).find(folded_query) != std::string::npos ||
           std::to_string(doc.year).find(folded_query) != std::string::npos;
}

} // namespace kvh::core
