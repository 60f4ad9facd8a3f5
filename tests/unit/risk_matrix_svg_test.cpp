// The risk matrix as SVG: well-formed, one cell per level pair with its value, markers where they
// belong, escaped labels, and band colours dark text can be read on.
#include "core/report/risk_matrix_svg.hpp"
#include "report_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace kvh::core;
using namespace kvh::core::report;

using kvh::test::count;

namespace {

struct LanguageGuard {
    Lang saved = language();
    ~LanguageGuard() { set_language(saved); }
};

RiskScale swedish(RiskScale (*preset)()) {
    LanguageGuard guard;
    set_language(Lang::sv);
    return preset();
}

// A small XML check, enough for what the generator writes: tags nest and close, attribute values are
// quoted, and no bare < or unknown entity stands in text or attribute values. Returns "" or the problem.
std::string xml_problem(std::string_view xml) {
    std::vector<std::string> open;
    auto entity_ok = [&](std::size_t at) {
        for (std::string_view e : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"})
            if (xml.substr(at, e.size()) == e) return true;
        return false;
    };
    for (std::size_t i = 0; i < xml.size();) {
        if (xml[i] == '&') {
            if (!entity_ok(i)) return "bare & at " + std::to_string(i);
            ++i;
            continue;
        }
        if (xml[i] == '>') return "bare > at " + std::to_string(i);
        if (xml[i] != '<') {
            ++i;
            continue;
        }
        const bool closing = xml.substr(i, 2) == "</";
        std::size_t at = i + (closing ? 2 : 1);
        const std::size_t name_end = xml.find_first_of(" />", at);
        if (name_end == std::string_view::npos || name_end == at) return "bad tag at " + std::to_string(i);
        const std::string name(xml.substr(at, name_end - at));
        at = name_end;
        // Attributes: name="value", values without < or " and with known entities only.
        while (at < xml.size() && xml[at] != '>' && xml[at] != '/') {
            if (xml[at] == ' ') {
                ++at;
                continue;
            }
            const std::size_t eq = xml.find("=\"", at);
            if (eq == std::string_view::npos) return "unquoted attribute in <" + name + ">";
            const std::size_t end = xml.find('"', eq + 2);
            if (end == std::string_view::npos) return "unterminated attribute in <" + name + ">";
            for (std::size_t c = eq + 2; c < end; ++c) {
                if (xml[c] == '<') return "< in an attribute of <" + name + ">";
                if (xml[c] == '&' && !entity_ok(c)) return "bare & in an attribute of <" + name + ">";
            }
            at = end + 1;
        }
        if (at >= xml.size()) return "unterminated tag <" + name + ">";
        const bool self_closing = xml[at] == '/';
        if (self_closing && xml.substr(at, 2) != "/>") return "bad end of <" + name + ">";
        i = at + (self_closing ? 2 : 1);
        if (closing) {
            if (open.empty() || open.back() != name) return "</" + name + "> closes nothing open";
            open.pop_back();
        } else if (!self_closing) {
            open.push_back(name);
        }
    }
    return open.empty() ? "" : "<" + open.back() + "> never closed";
}

// The text of every <text> element, in order.
std::vector<std::string> texts(std::string_view svg) {
    std::vector<std::string> out;
    for (auto at = svg.find("<text "); at != std::string_view::npos; at = svg.find("<text ", at + 1)) {
        const auto body = svg.find('>', at) + 1;
        out.emplace_back(svg.substr(body, svg.find("</text>", body) - body));
    }
    return out;
}

bool has(const std::vector<std::string>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// WCAG 2.1's contrast ratio of two "#rrggbb" colours.
double contrast(std::string_view a, std::string_view b) {
    auto luminance = [](std::string_view hex) {
        double rgb[3];
        for (int i = 0; i < 3; ++i) {
            const double c = std::stoi(std::string(hex.substr(1 + 2 * i, 2)), nullptr, 16) / 255.0;
            rgb[i] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

TEST_CASE("The XML check these tests lean on finds what it should") {
    CHECK(xml_problem("<svg a=\"1\"><text>x &amp; y</text><rect/></svg>") == "");
    CHECK(xml_problem("<svg><text>x</svg>") != "");
    CHECK(xml_problem("<svg><text>x & y</text></svg>") != "");
    CHECK(xml_problem("<svg><text>a > b</text></svg>") != "");
    CHECK(xml_problem("<svg a=1></svg>") != "");
    CHECK(xml_problem("<svg a=\"<\"></svg>") != "");
    CHECK(xml_problem("<svg>") != "");
    CHECK(xml_problem("</svg>") != "");
}

TEST_CASE("Risk matrix SVG: well-formed, every cell with its value, the axes with their words") {
    const RiskScale scale = swedish(scale_4x4);
    const std::string svg = risk_matrix_svg(scale, {}, "Riskmatris", Lang::sv);
    CHECK(xml_problem(svg) == "");
    CHECK(svg.starts_with("<svg viewBox=\"0 0 "));
    CHECK(svg.find("role=\"img\" aria-label=\"Riskmatris\"") != std::string::npos);
    CHECK(svg.ends_with("</svg>\n"));
    CHECK(count(svg, "<rect ") == 16);
    CHECK(count(svg, "<circle ") == 0);
    const auto words = texts(svg);
    // 16 values, 4 + 4 level words, 2 axis names.
    CHECK(words.size() == 26);
    for (int s = 1; s <= 4; ++s)
        for (int k = 1; k <= 4; ++k) CHECK(has(words, std::to_string(s * k)));
    CHECK(has(words, "1 Mycket liten"));
    CHECK(has(words, "4 Katastrofal"));
    CHECK(has(words, "Sannolikhet"));
    CHECK(has(words, "Konsekvens"));
    // Every cell's colour is its band's; the value is always written on it (colour never alone).
    CHECK(count(svg, "fill=\"" + std::string(band_fill(BandColour::rod)) + "\"") == 3);  // 12, 12, 16
    CHECK(count(svg, "fill=\"" + std::string(band_fill(BandColour::gron)) + "\"") == 5); // 1, 2, 2, 3, 3

    const RiskScale five = swedish(scale_5x5);
    const std::string svg5 = risk_matrix_svg(five, {}, "Risk matrix", Lang::en);
    CHECK(xml_problem(svg5) == "");
    CHECK(count(svg5, "<rect ") == 25);
    CHECK(has(texts(svg5), "Likelihood"));
    CHECK(has(texts(svg5), "25"));
}

TEST_CASE("Risk matrix SVG: markers in their cells, a count where several share one, escaped labels") {
    const RiskScale scale = swedish(scale_4x4);
    const std::string svg = risk_matrix_svg(scale,
                                            {{3, 4, "1"},
                                             {3, 4, "<2>"},
                                             {1, 2, "A&B"},
                                             {0, 2, "not scored"},
                                             {5, 1, "beyond the scale"},
                                             {2, 0, "half scored"}},
                                            "Title \"quoted\" & <tagged>", Lang::sv);
    CHECK(xml_problem(svg) == "");
    CHECK(svg.find("aria-label=\"Title &quot;quoted&quot; &amp; &lt;tagged&gt;\"") != std::string::npos);
    CHECK(count(svg, "<circle ") == 3);
    CHECK(count(svg, "fill=\"#1b2a41\"") == 3); // the markers' colour, checked for contrast below
    const auto words = texts(svg);
    CHECK(has(words, "1"));
    CHECK(has(words, "&lt;2&gt;"));
    CHECK(has(words, "A&amp;B"));
    CHECK(has(words, "2 st")); // only the shared cell has a count
    CHECK(std::count_if(words.begin(), words.end(),
                        [](const std::string& w) { return w.ends_with(" st"); }) == 1);
    CHECK(svg.find("scored") == std::string::npos);
    CHECK(svg.find("beyond") == std::string::npos);
}

TEST_CASE("Risk matrix SVG: six markers fit in a cell; from seven on the sixth place says +N") {
    const RiskScale scale = swedish(scale_4x4);
    std::vector<MatrixMark> marks;
    for (int i = 1; i <= 6; ++i) marks.push_back({2, 2, "R" + std::to_string(i)});
    const std::string six = risk_matrix_svg(scale, marks, "t", Lang::en);
    CHECK(count(six, "<circle ") == 6);
    CHECK(has(texts(six), "R6"));
    CHECK(has(texts(six), "6 risks"));

    marks.push_back({2, 2, "R7"});
    const std::string seven = risk_matrix_svg(scale, marks, "t", Lang::en);
    CHECK(xml_problem(seven) == "");
    CHECK(count(seven, "<circle ") == 6);
    const auto words = texts(seven);
    CHECK(has(words, "R5"));
    CHECK(!has(words, "R6"));
    CHECK(!has(words, "R7"));
    CHECK(has(words, "+2"));
    CHECK(has(words, "7 risks"));
}

TEST_CASE("Band colours: the dark grey of the cell values reads at 4.5:1 or more on every band") {
    const std::string svg = risk_matrix_svg(swedish(scale_4x4), {}, "t", Lang::sv);
    REQUIRE(svg.find("fill=\"#333\" font-size=\"10\">16</text>") != std::string::npos);
    for (std::optional<BandColour> band :
         {std::optional<BandColour>(), std::optional(BandColour::gron), std::optional(BandColour::gul),
          std::optional(BandColour::orange), std::optional(BandColour::rod)}) {
        const std::string fill(band_fill(band));
        INFO(fill);
        CHECK(fill.size() == 7);
        CHECK(contrast("#333333", fill) >= 4.5);
    }
    // The markers' white numbers on their dark blue.
    CHECK(contrast("#ffffff", "#1b2a41") >= 4.5);
}
