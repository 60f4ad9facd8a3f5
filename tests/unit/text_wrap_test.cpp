// Word wrap and "…" with a font where every character is 1 wide: breaks after whole words, at line
// breaks, inside a word only when it alone is too wide, never inside a UTF-8 character.
#include "core/text_wrap.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kvh::core;

namespace {

// One unit per character (not per byte), so å and … are as wide as a.
float chars(std::string_view s) {
    float n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) n += 1;
    return n;
}

std::vector<std::string> drawn(std::string_view text, float width) {
    std::vector<std::string> out;
    for (const WrappedLine& l : wrap_text(text, width, chars))
        out.emplace_back(text.substr(l.begin, l.end - l.begin));
    return out;
}

} // namespace

TEST_CASE("wrap_text breaks after whole words and covers every offset") {
    const std::string text = "Vid byte till det nya planeringssystemet kan besök missas";
    CHECK(drawn(text, 20) ==
          std::vector<std::string>{"Vid byte till det", "nya", "planeringssystemet", "kan besök missas"});
    const auto lines = wrap_text(text, 20, chars);
    CHECK(lines.front().begin == 0);
    for (std::size_t i = 1; i < lines.size(); ++i) CHECK(lines[i].begin == lines[i - 1].next);
    CHECK(lines.back().next == text.size());
    for (const auto& l : lines) CHECK(chars(std::string_view(text).substr(l.begin, l.end - l.begin)) <= 20);
}

TEST_CASE("wrap_text keeps line breaks, empty lines and an empty text") {
    CHECK(drawn("", 10) == std::vector<std::string>{""});
    CHECK(drawn("a\n\nb", 10) == std::vector<std::string>{"a", "", "b"});
    CHECK(drawn("ab\n", 10) == std::vector<std::string>{"ab", ""});
    CHECK(drawn("ab  ", 10) == std::vector<std::string>{"ab"});
}

TEST_CASE("wrap_text cuts a word wider than the line between characters, never inside one") {
    CHECK(drawn("åäöåäöåäö x", 4) == std::vector<std::string>{"åäöå", "äöåä", "ö x"});
    CHECK(drawn("abc", 0) == std::vector<std::string>{"a", "b", "c"}); // always progress
}

TEST_CASE("fit_lines ends in an ellipsis after a whole word") {
    const std::string text = "Brukare får fel läkemedel vid byte av dosdispensering, och ingen märker det";
    const auto two = fit_lines(text, 30, 2, chars);
    REQUIRE(two.size() == 2);
    CHECK(two[0] == "Brukare får fel läkemedel vid");
    CHECK(two[1] == "byte av dosdispensering, och…");
    for (const auto& l : two) CHECK(chars(l) <= 30);
    CHECK(fit_lines("Kort text", 30, 2, chars) == std::vector<std::string>{"Kort text"});
    CHECK(fit_lines("Ett två tre", 6, 1, chars) == std::vector<std::string>{"Ett…"});
    CHECK(fit_lines("Ett, två", 5, 1, chars) == std::vector<std::string>{"Ett…"}); // not "Ett,…"
    CHECK(fit_lines("Jätteordutanslut och mer", 6, 1, chars) == std::vector<std::string>{"Jätte…"});
}
