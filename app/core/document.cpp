// Document statuses (file keys and display names), revisions and their content hash.
#include "document.hpp"

#include "file_bytes.hpp"

#include <array>
#include <charconv>

namespace kvh::core {

namespace {

struct StatusInfo {
    DocStatus status;
    std::string_view key;
    Msg name;
};
constexpr std::array<StatusInfo, 4> kStatuses{{
    {DocStatus::utkast, "utkast", Msg::status_utkast},
    {DocStatus::pagar, "pagar", Msg::status_pagar},
    {DocStatus::klar, "klar", Msg::status_klar},
    {DocStatus::arkiverad, "arkiverad", Msg::status_arkiverad},
}};
static_assert(kStatuses.size() == std::size(all_doc_statuses));

const StatusInfo& info(DocStatus status) {
    for (const auto& s : kStatuses)
        if (s.status == status) return s;
    return kStatuses[0];
}

bool digits(std::string_view s, std::size_t from, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

} // namespace

std::string_view status_key(DocStatus status) {
    return info(status).key;
}
Msg status_name(DocStatus status) {
    return info(status).name;
}

std::optional<DocStatus> status_from_key(std::string_view key) {
    for (const auto& s : kStatuses)
        if (s.key == key) return s.status;
    return std::nullopt;
}

std::string Revision::str() const {
    return std::to_string(number) + "-" + hash;
}

std::optional<Revision> Revision::parse(std::string_view text) {
    const auto dash = text.find('-');
    if (dash == std::string_view::npos || dash == 0 || text.size() - dash - 1 != 16) return std::nullopt;
    // One spelling per revision: no leading zeros, no sign, so string equality is revision equality.
    if (text[0] == '0') return std::nullopt;
    Revision rev;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + dash, rev.number);
    if (ec != std::errc{} || end != text.data() + dash) return std::nullopt;
    // Revision numbers stay exact in JavaScript and CouchDB (2^53), and an edit can never wrap one.
    if (rev.number > kMaxRevisionNumber) return std::nullopt;
    for (char c : text.substr(dash + 1))
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
    rev.hash = std::string(text.substr(dash + 1));
    return rev;
}

bool same_content(const Document& a, const Document& b) {
    if (a.kind != b.kind || a.title != b.title || a.unit != b.unit || a.year != b.year ||
        a.status != b.status)
        return false;
    if (a.body == b.body) return true;
    // A document made field by field may not have its body yet: that is the empty body of its kind.
    const BodyPtr x = a.body ? a.body : kind_spec(a.kind).empty();
    const BodyPtr y = b.body ? b.body : kind_spec(b.kind).empty();
    return x->equals(*y);
}

bool Document::operator==(const Document& o) const {
    return id == o.id && rev == o.rev && ancestors == o.ancestors && created == o.created &&
           updated == o.updated && same_content(*this, o);
}

Document make_document(DocKind kind) {
    Document d;
    d.kind = kind;
    d.body = kind_spec(kind).empty();
    return d;
}

std::string revision_hash(std::string_view parent_rev, const Document& doc) {
    std::uint64_t h = fnv1a64(parent_rev);
    h = fnv1a64("\n", h);
    const nlohmann::json header = {{"kind", kind_key(doc.kind)},
                                   {"title", doc.title},
                                   {"unit", doc.unit},
                                   {"year", doc.year},
                                   {"status", status_key(doc.status)}};
    h = fnv1a64(hash_text(header), h);
    if (doc.body) h = mix_hash(h, doc.body->hash());
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) out[static_cast<std::size_t>(i)] = kHex[(h >> (4 * (15 - i))) & 0xf];
    return out;
}

void advance_revision(Document& doc) {
    const std::string parent = doc.rev.number > 0 ? doc.rev.str() : std::string();
    if (!parent.empty()) {
        doc.ancestors.push_front(parent);
    }
    doc.rev.number += 1;
    doc.rev.hash = revision_hash(parent, doc);
}

bool is_iso_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
    int year, month, day;
    if (!digits(t, 0, 4, year) || !digits(t, 5, 2, month) || !digits(t, 8, 2, day)) return false;
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool is_iso_utc(std::string_view t) {
    if (t.size() != 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z') return false;
    int hour, minute, second;
    if (!digits(t, 11, 2, hour) || !digits(t, 14, 2, minute) || !digits(t, 17, 2, second)) return false;
    return hour <= 23 && minute <= 59 && second <= 59 && is_iso_date(t.substr(0, 10));
}

std::size_t utf8_chars(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

bool is_blank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

void limit_chars(std::string& s, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (++chars > max_chars) {
            s.resize(i);
            return;
        }
    }
}

void repair_utf8(std::string& s) {
    auto bad = invalid_utf8_at(s);
    if (!bad) return;
    std::string out;
    std::size_t from = 0;
    while (bad) {
        out.append(s, from, *bad);
        out += "\xEF\xBF\xBD";
        from += *bad + 1;
        bad = invalid_utf8_at(std::string_view(s).substr(from));
    }
    out.append(s, from);
    s = std::move(out);
}

} // namespace kvh::core
