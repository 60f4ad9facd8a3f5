// The shared JSON reading helpers: the bounded parser, type names, paths, the field reader and the
// optional-field readers of document bodies and assets.
#include "json_check.hpp"

#include "file_bytes.hpp"
#include "workspace.hpp"

#include <algorithm>

namespace kvh::core {

using nlohmann::json;

namespace {

// Wraps nlohmann's DOM builder to bound depth and size and to learn where a syntax error is;
// nlohmann's own parse(…, allow_exceptions=false) only says that it failed.
class BoundedSax {
  public:
    enum class Stop { none, syntax, depth, values };

    explicit BoundedSax(json& root) : dom_(root, false) {}

    bool null() { return value() && dom_.null(); }
    bool boolean(bool v) { return value() && dom_.boolean(v); }
    bool number_integer(json::number_integer_t v) { return value() && dom_.number_integer(v); }
    bool number_unsigned(json::number_unsigned_t v) { return value() && dom_.number_unsigned(v); }
    bool number_float(json::number_float_t v, const json::string_t& s) {
        return value() && dom_.number_float(v, s);
    }
    bool string(json::string_t& v) { return value() && dom_.string(v); }
    bool binary(json::binary_t& v) { return value() && dom_.binary(v); }
    bool start_object(std::size_t n) { return open() && dom_.start_object(n); }
    bool key(json::string_t& k) { return dom_.key(k); }
    bool end_object() {
        --depth_;
        return dom_.end_object();
    }
    bool start_array(std::size_t n) { return open() && dom_.start_array(n); }
    bool end_array() {
        --depth_;
        return dom_.end_array();
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
        stop_ = Stop::syntax;
        position_ = position;
        return false;
    }

    Stop stop() const { return stop_; }
    std::size_t position() const { return position_; }

  private:
    bool value() {
        if (++values_ <= kMaxJsonValues) return true;
        stop_ = Stop::values;
        return false;
    }
    bool open() {
        if (!value()) return false;
        if (++depth_ <= kMaxDepth) return true;
        stop_ = Stop::depth;
        return false;
    }

    nlohmann::detail::json_sax_dom_parser<json> dom_;
    Stop stop_ = Stop::none;
    std::size_t position_ = 0;
    std::size_t values_ = 0;
    int depth_ = 0;
};

// nlohmann reports how many bytes it had read, the offending one included; people want line and
// column (in characters, not bytes).
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t bytes_read) {
    const std::size_t at = std::min(bytes_read > 0 ? bytes_read - 1 : 0, text.size());
    const std::string_view before = text.substr(0, at);
    std::size_t line = 1;
    for (char c : before)
        if (c == '\n') ++line;
    const auto nl = before.rfind('\n');
    const std::string_view current = nl == std::string_view::npos ? before : before.substr(nl + 1);
    return {line, utf8_chars(current) + 1};
}

} // namespace

std::optional<json> parse_bounded(std::string_view text, std::vector<ValidationError>& errors) {
    if (text.size() > kMaxFileBytes) {
        errors.push_back(too_large_error(text.size()));
        return std::nullopt;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        errors.push_back({"", Msg::err_empty_file, {}, {}});
        return std::nullopt;
    }
    // nlohmann's lexer takes a NUL byte for the end of the input, so "{}\0junk" or "123\0" would
    // pass as "{}" or 123. No JSON text holds a raw NUL (inside a string it must be escaped): the
    // text up to the first one is parsed, and a NUL after a complete value is a syntax error there.
    const std::size_t nul = text.find('\0');
    const std::string_view before_nul = text.substr(0, nul);
    json root;
    BoundedSax sax(root);
    // Strict: nothing but whitespace may follow the value.
    const bool parsed = json::sax_parse(before_nul.begin(), before_nul.end(), &sax,
                                        nlohmann::detail::input_format_t::json, /*strict=*/true);
    if (parsed && nul == std::string_view::npos) return root;
    switch (parsed ? BoundedSax::Stop::syntax : sax.stop()) {
    case BoundedSax::Stop::depth:
        errors.push_back({"", Msg::err_too_deep, {std::to_string(kMaxDepth)}, {}});
        break;
    case BoundedSax::Stop::values:
        errors.push_back({"", Msg::err_too_many_values, {std::to_string(kMaxJsonValues)}, {}});
        break;
    default: {
        const auto [line, column] = line_and_column(text, parsed ? nul + 1 : sax.position());
        errors.push_back({"", Msg::err_not_json, {std::to_string(line), std::to_string(column)}, {}});
    }
    }
    return std::nullopt;
}

std::optional<json> parse_bounded_object(std::string_view text, std::vector<ValidationError>& errors) {
    auto root = parse_bounded(text, errors);
    if (root && !root->is_object()) {
        errors.push_back({"", Msg::err_root_not_object, {}, {type_msg(*root)}});
        return std::nullopt;
    }
    return root;
}

Msg type_msg(const json& j) {
    switch (j.type()) {
    case json::value_t::null:
        return Msg::json_type_null;
    case json::value_t::boolean:
        return Msg::json_type_boolean;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return Msg::json_type_integer;
    case json::value_t::number_float:
        return Msg::json_type_number;
    case json::value_t::string:
        return Msg::json_type_string;
    case json::value_t::array:
        return Msg::json_type_array;
    default:
        return Msg::json_type_object;
    }
}

std::string join_path(const std::string& base, std::string_view key) {
    return base.empty() ? std::string(key) : base + "." + std::string(key);
}

std::string index_path(const std::string& base, std::size_t i) {
    return base + "[" + std::to_string(i) + "]";
}

const json* Reader::find(std::string_view key, Msg expected, bool required) {
    const auto it = obj_.find(key);
    if (it == obj_.end()) {
        if (required) add(key, Msg::err_missing);
        return nullptr;
    }
    const bool ok = expected == Msg::json_type_integer ? it->is_number_integer() : type_msg(*it) == expected;
    if (!ok) {
        errors_.push_back({path(key), Msg::err_wrong_type, {}, {expected, type_msg(*it)}});
        return nullptr;
    }
    return &*it;
}

bool expect_object(const nlohmann::json& j, const std::string& path, std::vector<ValidationError>& errors) {
    if (j.is_object()) return true;
    errors.push_back({path, Msg::err_wrong_type, {}, {Msg::json_type_object, type_msg(j)}});
    return false;
}

const std::string* read_uuid(Reader& r, std::string_view key) {
    const std::string* id = r.get_string(key);
    if (!id || is_uuid(*id)) return id;
    r.add(key, Msg::err_bad_uuid, {*id});
    return nullptr;
}

bool check_text(std::string_view text, const std::string& path, std::string_view key,
                std::vector<ValidationError>& errors) {
    const auto at = invalid_utf8_at(text);
    if (!at) return true;
    errors.push_back(
        {key.empty() ? path : join_path(path, key), Msg::err_bad_text, {std::to_string(*at)}, {}});
    return false;
}

void read_string(Reader& r, std::string_view key, std::string& out) {
    if (const std::string* s = r.optional_string(key)) out = *s;
}

void read_date(Reader& r, std::string_view key, std::string& out) {
    const std::string* s = r.optional_string(key);
    if (!s) return;
    if (s->empty() || is_iso_date(*s))
        out = *s;
    else
        r.add(key, Msg::err_bad_date, {*s});
}

void read_score(Reader& r, std::string_view key, int max, int& out) {
    const auto it = r.object().find(key);
    if (it == r.object().end()) return;
    // One message for a wrong type and a wrong number: both mean "pick a level of the scale".
    const bool ok = it->is_number_unsigned() ? it->get<std::uint64_t>() <= static_cast<std::uint64_t>(max)
                                             : it->is_number_integer() && it->get<std::int64_t>() >= 0 &&
                                                   it->get<std::int64_t>() <= max;
    if (ok)
        out = it->get<int>();
    else
        r.add(key, Msg::err_score_range, {std::to_string(max)});
}

void read_objects(Reader& r, std::string_view key,
                  FunctionRef<void(const json&, const std::string& path)> item) {
    const json* list = r.optional(key, Msg::json_type_array);
    if (!list) return;
    const std::string list_path = r.path(key);
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& element = (*list)[i];
        const std::string path = index_path(list_path, i);
        if (element.is_object())
            item(element, path);
        else
            r.errors().push_back({path, Msg::err_wrong_type, {}, {Msg::json_type_object, type_msg(element)}});
    }
}

json unknown_keys(const json& obj, std::span<const std::string_view> known) {
    json out;
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (std::find(known.begin(), known.end(), it.key()) == known.end()) out[it.key()] = it.value();
    return out;
}

json with_extra(json own, const json& extra) {
    if (!extra.is_object()) return own;
    json out = extra;
    for (auto it = own.begin(); it != own.end(); ++it) out[it.key()] = std::move(it.value());
    return out;
}

std::optional<int> read_asset_header(Reader& r, std::string_view format, int newest, Msg not_this_format) {
    const std::string* given = r.get_string("format");
    if (!given) return std::nullopt;
    if (*given != format) {
        r.add("format", not_this_format, {*given});
        return std::nullopt;
    }
    const json* version = r.get("version", Msg::json_type_integer);
    if (!version) return std::nullopt;
    if (version->is_number_unsigned() ? version->get<std::uint64_t>() > std::uint64_t(newest)
                                      : version->get<std::int64_t>() > newest) {
        r.add("version", Msg::err_version_newer, {version->dump(), std::to_string(newest)});
        return std::nullopt;
    }
    if (version->get<std::int64_t>() < 1) {
        r.add("version", Msg::err_version_unknown, {version->dump()});
        return std::nullopt;
    }
    return version->get<int>();
}

void read_required(Reader& r, std::string_view key, std::string& out) {
    const std::string* s = r.get_string(key);
    if (!s) return;
    if (is_blank(*s))
        r.add(key, Msg::err_empty_text);
    else
        out = *s;
}

void read_texts(Reader& r, std::string_view key, std::vector<std::string>& out) {
    const json* list = r.get(key, Msg::json_type_array);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string path = index_path(r.path(key), i);
        if (!item.is_string()) {
            r.errors().push_back({path, Msg::err_wrong_type, {}, {Msg::json_type_string, type_msg(item)}});
            return;
        }
        if (is_blank(item.get_ref<const std::string&>())) {
            r.errors().push_back({path, Msg::err_empty_text, {}, {}});
            return;
        }
        out.push_back(item.get<std::string>());
    }
}

} // namespace kvh::core
