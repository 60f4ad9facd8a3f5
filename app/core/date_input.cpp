// Reading typed dates: numbers, words and separators held against the few spellings people use, each
// part as the set of values it can still take, so one matcher answers "a date?" and "one yet?".
#include "date_input.hpp"

#include "document.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

namespace kvh::core {

namespace {

// [SECTION] Tokens
struct Token {
    enum class Kind { number, word, separator } kind;
    std::string_view text; // a separator is one of "-", "/", "." or " " (any run of spaces)
};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Nothing for a character no date has.
std::optional<std::vector<Token>> tokenise(std::string_view s) {
    std::vector<Token> out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t j = i;
        const char c = s[i];
        if (is_digit(c)) {
            while (j < s.size() && is_digit(s[j])) ++j;
            out.push_back({Token::Kind::number, s.substr(i, j - i)});
        } else if (is_letter(c)) {
            while (j < s.size() && is_letter(s[j])) ++j;
            if (j < s.size() && s[j] == '.') ++j; // "dec."
            out.push_back({Token::Kind::word, s.substr(i, j - i)});
        } else if (c == ' ' || c == '\t') {
            while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
            out.push_back({Token::Kind::separator, " "});
        } else if (c == '-' || c == '/' || c == '.') {
            j = i + 1;
            out.push_back({Token::Kind::separator, s.substr(i, 1)});
        } else {
            return std::nullopt;
        }
        i = j;
    }
    return out;
}

// [SECTION] The values a part can still take
using Values = std::vector<int>;

Values range(int lo, int hi) {
    Values v;
    for (int i = lo; i <= hi; ++i) v.push_back(i);
    return v;
}

// The numbers in lo–hi written with min_w–max_w digits (zero-padded) that `digits` is, or, when not
// `complete`, that it can still become with more digits.
Values numbers(std::string_view digits, int min_w, int max_w, int lo, int hi, bool complete) {
    Values out;
    const int len = int(digits.size());
    if (len > max_w || (complete && len < min_w)) return out;
    char buf[16];
    for (int v = lo; v <= hi; ++v)
        for (int w = std::max(len, min_w); w <= (complete ? len : max_w); ++w) {
            if (std::snprintf(buf, sizeof buf, "%0*d", w, v) == w &&
                std::string_view(buf, std::size_t(len)) == digits) {
                out.push_back(v);
                break;
            }
        }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

// The months a word names (a complete word: at least three letters that begin one month's name, or
// the name itself), or, when not `complete`, may still name.
Values month_words(std::string_view word, Lang lang, bool complete) {
    if (!word.empty() && word.back() == '.') {
        word.remove_suffix(1);
        complete = true;
    }
    const std::string w = lower(word);
    Values out;
    for (int m = 1; m <= 12; ++m)
        for (Lang l : {Lang::sv, Lang::en}) {
            if (l == Lang::en && lang != Lang::en) continue;
            const std::string name = lower(tr(month_name(m), l));
            if (name.compare(0, w.size(), w) == 0 && (!complete || w.size() >= 3 || w == name)) {
                out.push_back(m);
                break;
            }
        }
    if (complete && out.size() != 1) out.clear(); // "ju" is juni or juli: not yet a month
    return out;
}

bool leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Some day in `f` exists in the calendar.
struct Fields {
    Values year = range(kMinYear, kMaxYear), month = range(1, 12), day = range(1, 31);
};
bool feasible(const Fields& f) {
    if (f.year.empty()) return false;
    const bool leap_year = std::any_of(f.year.begin(), f.year.end(), leap);
    for (int m : f.month) {
        const int last = m == 2 ? (leap_year ? 29 : 28) : days_in_month(2001, m);
        if (std::any_of(f.day.begin(), f.day.end(), [&](int d) { return d <= last; })) return true;
    }
    return false;
}

// [SECTION] Spellings
enum class Part {
    year,
    month,
    day,
    month_word,
    compact,        // YYYYMMDD
    separator,      // - / .
    same_separator, // the one used before
    same_or_space,  // the one used before, or a space ("2/12 2026")
    space,
};
constexpr Part kYearFirst[] = {Part::year, Part::separator, Part::month, Part::same_separator, Part::day};
constexpr Part kCompact[] = {Part::compact};
constexpr Part kDayFirst[] = {Part::day, Part::separator, Part::month, Part::same_or_space, Part::year};
constexpr Part kMonthInWords[] = {Part::day, Part::space, Part::month_word, Part::space, Part::year};
struct Spelling {
    const Part* parts;
    std::size_t size;
};
constexpr Spelling kSpellings[] = {{kYearFirst, std::size(kYearFirst)},
                                   {kCompact, std::size(kCompact)},
                                   {kDayFirst, std::size(kDayFirst)},
                                   {kMonthInWords, std::size(kMonthInWords)}};

// The tokens are `spelling` (all of it, or with `partial` its beginning, the last token perhaps
// unfinished) and some day fits what they say; `f` holds what each part can be.
bool match(const std::vector<Token>& tokens, const Spelling& spelling, bool partial, Lang lang, Fields& f) {
    if (tokens.size() > spelling.size || (!partial && tokens.size() != spelling.size)) return false;
    std::string_view separator;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        const bool complete = !partial || i + 1 < tokens.size();
        const Part part = spelling.parts[i];
        const bool number = t.kind == Token::Kind::number, sep = t.kind == Token::Kind::separator;
        switch (part) {
        case Part::year:
            if (!number) return false;
            f.year = numbers(t.text, 4, 4, kMinYear, kMaxYear, complete);
            break;
        case Part::month:
            if (!number) return false;
            f.month = numbers(t.text, 1, 2, 1, 12, complete);
            break;
        case Part::day:
            if (!number) return false;
            f.day = numbers(t.text, 1, 2, 1, 31, complete);
            break;
        case Part::month_word:
            if (t.kind != Token::Kind::word) return false;
            f.month = month_words(t.text, lang, complete);
            break;
        case Part::compact: {
            const std::size_t n = t.text.size();
            if (!number || n > 8 || (complete && n != 8)) return false;
            f.year = numbers(t.text.substr(0, 4), 4, 4, kMinYear, kMaxYear, n >= 4);
            if (n > 4) f.month = numbers(t.text.substr(4, 2), 2, 2, 1, 12, n >= 6);
            if (n > 6) f.day = numbers(t.text.substr(6), 2, 2, 1, 31, n >= 8);
            break;
        }
        case Part::separator:
            if (!sep || t.text == " ") return false;
            separator = t.text;
            break;
        case Part::same_separator:
            if (!sep || t.text != separator) return false;
            break;
        case Part::same_or_space:
            if (!sep || (t.text != separator && t.text != " ")) return false;
            break;
        case Part::space:
            if (!sep || t.text != " ") return false;
            break;
        }
    }
    return feasible(f);
}

std::string_view trim_left(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
}
std::string_view trim(std::string_view s) {
    s = trim_left(s);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

} // namespace

std::optional<std::string> parse_date(std::string_view text, Lang lang) {
    const auto tokens = tokenise(trim(text));
    if (!tokens || tokens->empty()) return std::nullopt;
    for (const Spelling& s : kSpellings) {
        Fields f;
        // Complete tokens leave one value per part, so a feasible match is exactly one real day.
        if (match(*tokens, s, false, lang, f))
            return iso_of({f.year.front(), f.month.front(), f.day.front()});
    }
    return std::nullopt;
}

bool could_become_date(std::string_view text, Lang lang) {
    if (trim(text).empty() || parse_date(text, lang)) return true;
    const auto tokens = tokenise(trim_left(text));
    if (!tokens) return false;
    return std::any_of(std::begin(kSpellings), std::end(kSpellings), [&](const Spelling& s) {
        Fields f;
        return match(*tokens, s, true, lang, f);
    });
}

// [SECTION] Calendar arithmetic
std::optional<Ymd> ymd_of(std::string_view iso) {
    if (!is_iso_date(iso)) return std::nullopt;
    auto num = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (iso[i] - '0');
        return v;
    };
    return Ymd{num(0, 4), num(5, 2), num(8, 2)};
}

std::string iso_of(Ymd d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap(year) ? 29 : kDays[std::size_t(month - 1)];
}

namespace {
// Days since 1970-01-01 and back (H. Hinnant's civil calendar algorithms).
long days_from_civil(Ymd d) {
    const long y = d.year - (d.month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
Ymd civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    return {int(yoe + era * 400 + (month <= 2 ? 1 : 0)), month, day};
}
} // namespace

int weekday(Ymd d) {
    const long z = days_from_civil(d); // 1970-01-01 was a Thursday (3)
    return int(((z % 7) + 7 + 3) % 7);
}

Ymd add_days(Ymd d, int days) {
    return civil_from_days(days_from_civil(d) + days);
}

Ymd add_months(Ymd d, int months) {
    const int index = d.year * 12 + (d.month - 1) + months;
    Ymd out{index / 12, index % 12 + 1, 0};
    out.day = std::min(d.day, days_in_month(out.year, out.month));
    return out;
}

Msg month_name(int month) {
    return Msg(int(Msg::month_1) + std::clamp(month, 1, 12) - 1);
}

Msg weekday_name(int weekday) {
    return Msg(int(Msg::weekday_1) + std::clamp(weekday, 0, 6));
}

} // namespace kvh::core
