// Word wrap for any font: where a text breaks into lines at a width, and the same cut to at most N
// lines ending in "…" at a word boundary. The width of a piece of text is the caller's to measure.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

// Width of a piece of text as drawn. Widths of pieces add up (no kerning across them).
using MeasureText = std::function<float(std::string_view)>;

// One line of a wrapped text, as byte offsets: [begin, end) is drawn; [end, next) are the blanks
// or the line break it ended at. Every offset of the text lies in exactly one [begin, next), but for
// the end of the text, which lies at the end of the last line.
struct WrappedLine {
    std::size_t begin = 0, end = 0, next = 0;
};

// Breaks after blanks where the next word would pass `width`, at each '\n', and inside a word only
// when it alone is wider than the line. Always at least one line (an empty text has one empty line).
std::vector<WrappedLine> wrap_text(std::string_view text, float width, const MeasureText& measure);

// At most `max_lines` lines of `text` at `width`; when it does not fit, the last line ends in "…"
// after the last whole word that leaves room for it (a word wider than the line is cut).
std::vector<std::string> fit_lines(std::string_view text, float width, int max_lines,
                                   const MeasureText& measure);

} // namespace kvh::core
