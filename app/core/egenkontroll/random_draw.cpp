// The random draw (see random_draw.hpp and assets/random_draw.md).
#include "random_draw.hpp"

#include "core/body.hpp"
#include "core/personnummer.hpp"

#include <cstdio>
#include <map>
#include <numeric>

namespace kvh::core {

namespace {

// Spaces, tabs are separators already; a no-break space (U+00A0, C2 A0) comes from spreadsheets.
std::string_view trimmed(std::string_view s) {
    for (;;) {
        if (!s.empty() && s.front() == ' ')
            s.remove_prefix(1);
        else if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0')
            s.remove_prefix(2);
        else
            break;
    }
    for (;;) {
        if (!s.empty() && s.back() == ' ')
            s.remove_suffix(1);
        else if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0')
            s.remove_suffix(2);
        else
            break;
    }
    return s;
}

bool is_separator(char c) {
    return c == '\n' || c == '\r' || c == ',' || c == ';' || c == '\t';
}

} // namespace

Population parse_population(std::string_view pasted) {
    Population p;
    std::map<std::string, std::size_t, std::less<>> first; // reference -> its entry number
    std::size_t entry = 0;
    for (std::size_t i = 0;;) {
        std::size_t end = i;
        while (end < pasted.size() && !is_separator(pasted[end])) ++end;
        const bool last = end == pasted.size();
        const std::string_view ref = trimmed(pasted.substr(i, end - i));
        // After a trailing separator (or in an empty text) there is no entry.
        if (!(last && ref.empty())) {
            ++entry;
            if (ref.empty()) {
                ++p.blanks;
            } else if (const auto [at, fresh] = first.emplace(std::string(ref), entry); !fresh) {
                p.repeated.push_back({std::string(ref), entry, at->second});
            } else {
                if (has_id_number(ref)) p.id_numbers.push_back(p.refs.size());
                p.refs.emplace_back(ref);
            }
        }
        if (last) break;
        if (pasted[end] == '\r' && end + 1 < pasted.size() && pasted[end + 1] == '\n')
            ++end; // CR LF: one break
        i = end + 1;
    }
    return p;
}

std::optional<std::uint64_t> parse_seed(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty() || text.size() > 20) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        const std::uint64_t d = std::uint64_t(c - '0');
        if (v > (UINT64_MAX - d) / 10) return std::nullopt;
        v = v * 10 + d;
    }
    return v;
}

std::uint64_t new_seed(std::uint64_t random) {
    return 100000 + random % 900000;
}

std::uint64_t uniform_below(SplitMix64& g, std::uint64_t m) {
    // 2^64 mod m, computed without 2^64: (2^64 - m) mod m.
    const std::uint64_t skew = (0 - m) % m;
    for (;;) {
        const std::uint64_t x = g.next();
        if (skew == 0 || x < 0 - skew) return x % m;
    }
}

std::vector<std::size_t> draw_places(std::size_t population, std::size_t n, std::uint64_t seed) {
    std::vector<std::size_t> a(population);
    std::iota(a.begin(), a.end(), std::size_t(0));
    SplitMix64 g{seed};
    for (std::size_t i = 0; i < n && i < population; ++i) {
        const std::size_t j = i + std::size_t(uniform_below(g, population - i));
        std::swap(a[i], a[j]);
    }
    a.resize(std::min(n, population));
    return a;
}

std::optional<Msg> draw_problem(const Population& p, std::size_t n) {
    if (p.refs.empty()) return Msg::draw_no_population;
    if (n == 0) return Msg::draw_no_size;
    if (n > p.refs.size()) return Msg::draw_too_many;
    return std::nullopt;
}

std::vector<std::string> draw_sample(const Population& p, std::size_t n, std::uint64_t seed) {
    std::vector<std::string> out;
    if (draw_problem(p, n)) return out;
    for (std::size_t at : draw_places(p.refs.size(), n, seed)) out.push_back(p.refs[at]);
    return out;
}

std::string population_fingerprint(const Population& p) {
    std::uint64_t h = kFnvBasis;
    for (std::size_t i = 0; i < p.refs.size(); ++i) {
        if (i > 0) h = fnv1a64("\n", h);
        h = fnv1a64(p.refs[i], h);
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

} // namespace kvh::core
