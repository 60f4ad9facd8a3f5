// The egenkontroll library: reading and checking assets/egenkontroll_library.json, and turning a
// template into a new planned check.
#include "egenkontroll_library.hpp"

#include "core/json_check.hpp"
#include "core/workspace.hpp"

#include <map>

namespace kvh::core {

using nlohmann::json;

namespace {

constexpr std::string_view kLibraryFormat = "kvalitetshjul-egenkontrollbibliotek";
constexpr int kLibraryVersion = 1;
constexpr std::size_t kMinQuestions = 3, kMaxQuestions = 8;

// A key the library must give, read with the keys of `all` (which `key_of` names).
template <class E, std::size_t N>
void read_required_enum(Reader& r, std::string_view key, const E (&all)[N], std::string_view (*key_of)(E),
                        E& out) {
    const std::string* s = r.get_string(key);
    if (!s) return;
    std::string known;
    for (E e : all) {
        if (key_of(e) == *s) {
            out = e;
            return;
        }
        known += (known.empty() ? "" : ", ") + std::string(key_of(e));
    }
    r.add(key, Msg::err_unknown_value, {*s, known});
}

} // namespace

std::optional<EgenkontrollLibrary> parse_egenkontroll_library(std::string_view text,
                                                              std::vector<ValidationError>& errors) {
    const auto root = parse_bounded_object(text, errors);
    if (!root) return std::nullopt;
    const std::size_t errors_before = errors.size();
    Reader r(*root, "", errors);
    EgenkontrollLibrary lib;
    const std::optional<int> version =
        read_asset_header(r, kLibraryFormat, kLibraryVersion, Msg::err_egk_lib_format);
    if (!version) return std::nullopt;
    lib.version = *version;
    std::map<std::string, std::string, std::less<>> keys; // key -> where it was first seen
    if (r.get("checks", Msg::json_type_array))
        read_objects(r, "checks", [&](const json& item, const std::string& path) {
            Reader t(item, path, errors);
            LibraryCheck c;
            read_required(t, "key", c.key);
            if (!c.key.empty())
                if (const auto [at, fresh] = keys.emplace(c.key, path); !fresh)
                    t.add("key", Msg::err_id_repeated, {c.key, at->second});
            read_required(t, "area", c.area);
            read_required(t, "what", c.what);
            read_required(t, "purpose", c.purpose);
            read_required_enum(t, "method", all_check_methods, check_method_key, c.method);
            if (t.get("sample_size", Msg::json_type_integer))
                read_score(t, "sample_size", kMaxSampleSize, c.sample_size);
            read_required_enum(t, "frequency", all_frequencies, frequency_key, c.frequency);
            if (c.frequency == Frequency::egna_manader) t.add("frequency", Msg::err_egk_lib_frequency);
            const std::size_t before = errors.size();
            read_texts(t, "questions", c.questions);
            if (errors.size() == before &&
                (c.questions.size() < kMinQuestions || c.questions.size() > kMaxQuestions))
                t.add("questions", Msg::err_egk_lib_questions,
                      {std::to_string(kMinQuestions), std::to_string(kMaxQuestions),
                       std::to_string(c.questions.size())});
            lib.checks.push_back(std::move(c));
        });
    if (errors.size() != errors_before) return std::nullopt;
    return lib;
}

PlannedCheck check_from_library(const LibraryCheck& t, const Environment& env) {
    PlannedCheck c;
    c.id = new_uuid_v4(env);
    c.area = t.area;
    c.what = t.what;
    c.purpose = t.purpose;
    c.method = t.method;
    c.sample_size = t.sample_size;
    c.frequency = t.frequency;
    c.months = months_of(t.frequency);
    for (const std::string& q : t.questions) c.questions.push_back({new_uuid_v4(env), q});
    return c;
}

} // namespace kvh::core
