// Text as markup may carry it: broken UTF-8 as U+FFFD, the characters XML 1.0 forbids left out, in
// the one function both the Word file's XML and the printable HTML take every text through.
#include "core/report/html_report.hpp"
#include "core/report/markup_text.hpp"

#include <doctest/doctest.h>

using kvh::core::report::escape;
using kvh::core::report::markup_text;

TEST_CASE("markup_text keeps what XML 1.0 allows and nothing else") {
    CHECK(markup_text("Hemtjänsten Norr – 5 kap. 1 §") == "Hemtjänsten Norr – 5 kap. 1 §");
    CHECK(markup_text("rad 1\trad\n2\r\n") == "rad 1\trad\n2\r\n");
    CHECK(markup_text("Ä😀ok") == "Ä😀ok"); // four-byte sequences stay
    // Broken sequences: a lone lead byte, a stray continuation byte, an overlong '/', a surrogate.
    CHECK(markup_text("a\xC3z") == "a\xEF\xBF\xBDz");
    CHECK(markup_text("a\x80z") == "a\xEF\xBF\xBDz");
    CHECK(markup_text("\xC0\xAF").find('/') == std::string::npos);
    CHECK(markup_text("\xED\xA0\x80").find("\xED\xA0\x80") == std::string::npos);
    CHECK(markup_text("x\xC3") == "x\xEF\xBF\xBD"); // cut off at the end
    // U+FFFE and U+FFFF, NUL and the other control characters are left out; U+FFFD stays.
    CHECK(markup_text("a\xEF\xBF\xBE"
                      "b\xEF\xBF\xBF"
                      "c\xEF\xBF\xBD") == "ab"
                                          "c\xEF\xBF\xBD");
    CHECK(markup_text(std::string_view("a\0b\x01\x08\x0B\x0C\x1B\x1F", 9)) == "ab");
    CHECK(markup_text("") == "");
}

TEST_CASE("the HTML writer escapes what markup_text leaves") {
    CHECK(escape("<b>\xEF\xBF\xBF&\x07\xC3") == "&lt;b&gt;&amp;\xEF\xBF\xBD");
}
