// Shared by the unit tests of the reports: a CSV or iCalendar text as its CRLF-ended lines, and
// whether or how often a text holds a piece of another.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace kvh::test {

// The lines of a text whose every line ends with CRLF (checked: a last line without one fails).
inline std::vector<std::string> crlf_lines(std::string_view text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    for (std::size_t end; (end = text.find("\r\n", at)) != std::string_view::npos; at = end + 2)
        out.emplace_back(text.substr(at, end - at));
    CHECK(at == text.size());
    return out;
}

inline bool has(std::string_view text, std::string_view what) {
    return text.find(what) != std::string_view::npos;
}

inline int count(std::string_view text, std::string_view what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

} // namespace kvh::test
