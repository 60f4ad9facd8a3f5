// fold_case and document_matches (see search.hpp).
#include "search.hpp"

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

bool document_matches(const Document& doc, std::string_view folded_query) {
    if (folded_query.empty()) return true;
    return fold_case(doc.title).find(folded_query) != std::string::npos ||
           fold_case(doc.unit).find(folded_query) != std::string::npos ||
           std::to_string(doc.year).find(folded_query) != std::string::npos;
}

} // namespace kvh::core
