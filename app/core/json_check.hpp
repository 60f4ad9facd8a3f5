// Reading JSON without exceptions and naming the exact place of every problem: the bounded parser,
// the field reader and the enum key tables shared by the exchange file, document bodies and assets.
// Internal to app/core; views never see it.
#pragma once

#include "exchange_format.hpp"
#include "function_ref.hpp"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

// Parses with the bounds of exchange_format.hpp (size, depth, number of values); nothing but
// whitespace may follow the value, a NUL byte included. A syntax error is reported with its line
// and column. Never throws.
std::optional<nlohmann::json> parse_bounded(std::string_view text, std::vector<ValidationError>& errors);
// parse_bounded of a file whose root must be an object (the exchange format, every library and
// template in assets/): any other root is one error naming what it is.
std::optional<nlohmann::json> parse_bounded_object(std::string_view text,
                                                   std::vector<ValidationError>& errors);

// The catalogue name of a JSON value's type ("en text", "ett heltal", …).
Msg type_msg(const nlohmann::json& j);
std::string join_path(const std::string& base, std::string_view key); // "a.b"
std::string index_path(const std::string& base, std::size_t i);       // "a[3]"

// Reads the fields of one object, each check naming the exact place of a problem.
class Reader {
  public:
    Reader(const nlohmann::json& obj, const std::string& path, std::vector<ValidationError>& errors)
        : obj_(obj), path_(path), errors_(errors) {}

    // The field if present and of the expected type; an error is recorded otherwise.
    const nlohmann::json* get(std::string_view key, Msg expected) { return find(key, expected, true); }
    // The same, except that an absent field is no error: the caller keeps its default.
    const nlohmann::json* optional(std::string_view key, Msg expected) { return find(key, expected, false); }
    const std::string* get_string(std::string_view key) { return as_string(get(key, Msg::json_type_string)); }
    const std::string* optional_string(std::string_view key) {
        return as_string(optional(key, Msg::json_type_string));
    }
    void add(std::string_view key, Msg what, std::vector<std::string> args = {}) {
        errors_.push_back({path(key), what, std::move(args), {}});
    }
    std::string path(std::string_view key) const { return join_path(path_, key); }
    std::vector<ValidationError>& errors() { return errors_; }
    const nlohmann::json& object() const { return obj_; }

  private:
    const nlohmann::json* find(std::string_view key, Msg expected, bool required);
    static const std::string* as_string(const nlohmann::json* j) {
        return j ? j->get_ptr<const std::string*>() : nullptr;
    }

    const nlohmann::json& obj_;
    const std::string path_;
    std::vector<ValidationError>& errors_;
};

// [SECTION] Shared by every reader of a record
// False (with the error recorded at `path`) unless `j` is an object: where each reader starts.
bool expect_object(const nlohmann::json& j, const std::string& path, std::vector<ValidationError>& errors);
// A required UUID field: the value, or nullptr once the error (missing, wrong type, not a UUID) is recorded.
const std::string* read_uuid(Reader& r, std::string_view key);

// [SECTION] Checks of an edit before it is committed
// A text in a body must be UTF-8: an export or a stored record writes a broken byte as U+FFFD, so the
// document would read back with other content than it was kept with. False with err_bad_text at
// `path`.`key` otherwise (the path is only made then: this runs on every keystroke).
bool check_text(std::string_view text, const std::string& path, std::string_view key,
                std::vector<ValidationError>& errors);

// [SECTION] Optional fields of document bodies and assets: absent keeps the default.
void read_string(Reader& r, std::string_view key, std::string& out);
// "" or an existing YYYY-MM-DD date.
void read_date(Reader& r, std::string_view key, std::string& out);
// An integer 0 … max (0 = not scored); anything else gets "ska vara ett heltal mellan 0 och max".
void read_score(Reader& r, std::string_view key, int max, int& out);
// Calls `item` for every element of an array of objects; a non-object element is an error.
void read_objects(Reader& r, std::string_view key,
                  FunctionRef<void(const nlohmann::json&, const std::string& path)> item);

// [SECTION] Library files in assets/ (risk_library.json, egenkontroll_library.json)
// "format" must be `format` (else `not_this_format` with the value found) and "version" 1 … `newest`;
// the version, or nothing once the one error is recorded.
std::optional<int> read_asset_header(Reader& r, std::string_view format, int newest, Msg not_this_format);
// A text the library must give: present, a string, and not blank.
void read_required(Reader& r, std::string_view key, std::string& out);
// A list of non-blank strings; the first bad entry is reported, as for a document's revisions.
void read_texts(Reader& r, std::string_view key, std::vector<std::string>& out);

// [SECTION] Keys a body keeps for tools and builds that know more
// The members of `obj` whose key is not in `known` (null when there are none).
nlohmann::json unknown_keys(const nlohmann::json& obj, std::span<const std::string_view> known);
// `own` over the kept unknown keys: a key this build writes is always this build's value.
nlohmann::json with_extra(nlohmann::json own, const nlohmann::json& extra);

// [SECTION] Enums in files: one table per enum gives its stable key and its display name.
template <class E> struct EnumKey {
    E value;
    std::string_view key;
    Msg name;
};

template <class E, std::size_t N> const EnumKey<E>& enum_entry(const std::array<EnumKey<E>, N>& table, E v) {
    for (const auto& e : table)
        if (e.value == v) return e;
    return table[0];
}

template <class E, std::size_t N>
std::optional<E> enum_from_key(const std::array<EnumKey<E>, N>& table, std::string_view key) {
    for (const auto& e : table)
        if (e.key == key) return e.value;
    return std::nullopt;
}

template <class E, std::size_t N>
void read_enum(Reader& r, std::string_view key, const std::array<EnumKey<E>, N>& table, E& out) {
    const std::string* s = r.optional_string(key);
    if (!s) return;
    if (const auto v = enum_from_key(table, *s)) {
        out = *v;
        return;
    }
    std::string known;
    for (const auto& e : table) known += (known.empty() ? "" : ", ") + std::string(e.key);
    r.add(key, Msg::err_unknown_value, {*s, known});
}

} // namespace kvh::core
