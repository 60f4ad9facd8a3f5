// The personnummer and samordningsnummer detector (see personnummer.hpp).
#include "personnummer.hpp"

#include "date_input.hpp"

namespace kvh::core {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

int number(std::string_view digits) {
    int v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

// Whether year/month/day is a real date, the day possibly raised by 60 (samordningsnummer).
std::optional<IdNumberKind> date_kind(int year, int month, int day) {
    if (month < 1 || month > 12) return std::nullopt;
    const int days = days_in_month(year, month);
    if (day >= 1 && day <= days) return IdNumberKind::personnummer;
    if (day >= 61 && day <= 60 + days) return IdNumberKind::samordningsnummer;
    return std::nullopt;
}

// The kind of the number with date digits `date` (YYMMDD or YYYYMMDD) and the last four `tail`,
// when the date exists and the check digit is right. `plus`: written with + (aged 100 or more).
std::optional<IdNumberKind> kind_of(std::string_view date, std::string_view tail, bool plus) {
    const std::string_view yymmdd = date.substr(date.size() - 6);
    std::string nine(yymmdd);
    nine += tail.substr(0, 3);
    if (luhn_check_digit(nine) != tail[3] - '0') return std::nullopt;
    const int month = number(yymmdd.substr(2, 2)), day = number(yymmdd.substr(4, 2));
    if (date.size() == 8) {
        const int year = number(date.substr(0, 4));
        if (year < 1800) return std::nullopt;
        return date_kind(year, month, day);
    }
    // A two-digit year could be of either century a living person may be born in.
    const int yy = number(yymmdd.substr(0, 2));
    const int first = plus ? 1800 : 1900;
    if (const auto k = date_kind(first + yy, month, day)) return k;
    return date_kind(first + 100 + yy, month, day);
}

// The length of the run of digits starting at `i`.
std::size_t digits_at(std::string_view text, std::size_t i) {
    std::size_t n = 0;
    while (i + n < text.size() && is_digit(text[i + n])) ++n;
    return n;
}

} // namespace

int luhn_check_digit(std::string_view nine_digits) {
    int sum = 0;
    for (std::size_t i = 0; i < nine_digits.size(); ++i) {
        int d = (nine_digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
        sum += d / 10 + d % 10;
    }
    return (10 - sum % 10) % 10;
}

std::vector<IdNumberHit> find_id_numbers(std::string_view text) {
    std::vector<IdNumberHit> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t run = digits_at(text, i);
        if (run == 0) {
            ++i;
            continue;
        }
        std::optional<IdNumberKind> kind;
        std::size_t end = i + run;
        if (run == 10 || run == 12) {
            kind = kind_of(text.substr(i, run - 4), text.substr(i + run - 4, 4), false);
        } else if ((run == 6 || run == 8) && end + 1 < text.size() &&
                   (text[end] == '-' || text[end] == '+') && digits_at(text, end + 1) == 4) {
            kind = kind_of(text.substr(i, run), text.substr(end + 1, 4), text[end] == '+');
            if (kind) end += 5;
        }
        if (kind)
            out.push_back(
                {i, end, *kind,
                 *kind == IdNumberKind::personnummer ? Msg::idnr_personnummer : Msg::idnr_samordningsnummer});
        i = kind ? end : i + run;
    }
    return out;
}

bool has_id_number(std::string_view text) {
    return !find_id_numbers(text).empty();
}

} // namespace kvh::core
