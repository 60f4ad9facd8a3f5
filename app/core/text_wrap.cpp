// Word wrap and "…" for lists: greedy, word by word, UTF-8 aware (a character is never split).
#include "text_wrap.hpp"

#include <algorithm>

namespace kvh::core {

namespace {

bool blank(char c) {
    return c == ' ' || c == '\t';
}

// The byte after the UTF-8 character that starts at `i`.
std::size_t next_char(std::string_view s, std::size_t i) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    return i;
}

// The longest run of whole characters from `from` that fits in `width`, at least one character.
std::size_t fitting_chars(std::string_view s, std::size_t from, std::size_t to, float width,
                          const MeasureText& measure) {
    std::size_t end = next_char(s, from);
    float w = measure(s.substr(from, end - from));
    while (end < to) {
        const std::size_t after = next_char(s, end);
        const float cw = measure(s.substr(end, after - end));
        if (w + cw > width) break;
        w += cw;
        end = after;
    }
    return end;
}

} // namespace

std::vector<WrappedLine> wrap_text(std::string_view text, float width, const MeasureText& measure) {
    std::vector<WrappedLine> lines;
    std::size_t pos = 0;
    for (;;) {
        WrappedLine line{pos, pos, pos};
        float w = 0;
        std::size_t i = pos;
        for (;;) {
            std::size_t word_end = i;
            while (word_end < text.size() && !blank(text[word_end]) && text[word_end] != '\n') ++word_end;
            const float ww = measure(text.substr(i, word_end - i));
            if (w + ww > width && word_end > i) {
                if (line.end > line.begin) break; // the word starts the next line
                // A word wider than the whole line: as many of its characters as fit.
                line.end = line.next = fitting_chars(text, i, word_end, width, measure);
                break;
            }
            w += ww;
            line.end = word_end;
            std::size_t blanks_end = word_end;
            while (blanks_end < text.size() && blank(text[blanks_end])) ++blanks_end;
            line.next = blanks_end;
            if (blanks_end >= text.size()) break;
            if (text[blanks_end] == '\n') {
                line.next = blanks_end + 1;
                break;
            }
            w += measure(text.substr(word_end, blanks_end - word_end));
            i = blanks_end;
        }
        lines.push_back(line);
        const bool hard_break = line.next > 0 && line.next <= text.size() && text[line.next - 1] == '\n';
        if (line.next >= text.size() && !hard_break) break;
        if (line.next >= text.size()) { // a text ending in a line break has an empty last line
            lines.push_back({text.size(), text.size(), text.size()});
            break;
        }
        pos = line.next;
    }
    return lines;
}

std::vector<std::string> fit_lines(std::string_view text, float width, int max_lines,
                                   const MeasureText& measure) {
    static constexpr std::string_view kEllipsis = "…";
    std::vector<std::string> out;
    const std::vector<WrappedLine> lines = wrap_text(text, width, measure);
    const std::size_t keep = std::size_t(std::max(max_lines, 1));
    for (std::size_t i = 0; i < lines.size() && i < keep; ++i)
        out.emplace_back(text.substr(lines[i].begin, lines[i].end - lines[i].begin));
    if (lines.size() <= keep) return out;
    // The last line shown: what of the rest fits beside the "…", cut after a whole word.
    const std::string_view rest = text.substr(lines[keep - 1].begin);
    const float room = std::max(0.0f, width - measure(kEllipsis));
    const WrappedLine first = wrap_text(rest, room, measure).front();
    std::string last(rest.substr(0, first.end));
    while (!last.empty() &&
           (blank(last.back()) || last.back() == ',' || last.back() == ';' || last.back() == ':'))
        last.pop_back(); // "…" after a word, not after its comma
    out.back() = last + std::string(kEllipsis);
    return out;
}

} // namespace kvh::core
