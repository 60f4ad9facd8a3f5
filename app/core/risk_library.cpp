// The risk library: reading and checking assets/risk_library.json, and turning a template into a
// new risk of an analysis.
#include "risk_library.hpp"

#include "json_check.hpp"

#include <algorithm>
#include <map>

namespace kvh::core {

using nlohmann::json;

namespace {

constexpr std::string_view kLibraryFormat = "kvalitetshjul-riskbibliotek";
constexpr int kLibraryVersion = 1;

} // namespace

std::optional<RiskLibrary> parse_risk_library(std::string_view text, std::vector<ValidationError>& errors) {
    const auto root = parse_bounded_object(text, errors);
    if (!root) return std::nullopt;
    const std::size_t errors_before = errors.size();
    Reader r(*root, "", errors);
    RiskLibrary lib;
    // A file that is not a library (or too new) gets one clear error, not a list of what it lacks.
    const std::optional<int> version =
        read_asset_header(r, kLibraryFormat, kLibraryVersion, Msg::err_lib_format);
    if (!version) return std::nullopt;
    lib.version = *version;

    read_texts(r, "categories", lib.categories);
    std::map<std::string, std::size_t, std::less<>> category_at;
    for (std::size_t i = 0; i < lib.categories.size(); ++i)
        if (const auto [at, fresh] = category_at.emplace(lib.categories[i], i); !fresh)
            errors.push_back({index_path("categories", i),
                              Msg::err_category_repeated,
                              {lib.categories[i], index_path("categories", at->second)},
                              {}});

    if (r.get("risks", Msg::json_type_array))
        read_objects(r, "risks", [&](const json& item, const std::string& path) {
            Reader tmpl(item, path, errors);
            LibraryRisk t;
            read_required(tmpl, "category", t.category);
            if (!t.category.empty() && !category_at.contains(t.category))
                tmpl.add("category", Msg::err_unknown_category, {t.category});
            read_required(tmpl, "description", t.description);
            read_required(tmpl, "causes", t.causes);
            read_required(tmpl, "consequence_individual", t.consequence_individual);
            read_required(tmpl, "consequence_verksamhet", t.consequence_verksamhet);
            read_texts(tmpl, "suggested_actions", t.suggested_actions);
            lib.risks.push_back(std::move(t));
        });
    if (errors.size() != errors_before) return std::nullopt;
    return lib;
}

Risk risk_from_library(const LibraryRisk& t, const std::vector<std::size_t>& chosen, const Environment& env) {
    Risk r;
    r.id = new_uuid_v4(env);
    r.description = t.description;
    r.causes = t.causes;
    r.consequence_individual = t.consequence_individual;
    r.consequence_verksamhet = t.consequence_verksamhet;
    r.category = t.category;
    for (std::size_t i = 0; i < t.suggested_actions.size(); ++i) {
        if (std::find(chosen.begin(), chosen.end(), i) == chosen.end()) continue;
        Action a;
        a.id = new_uuid_v4(env);
        a.what = t.suggested_actions[i];
        a.why = t.causes;
        r.actions.push_back(std::move(a));
    }
    return r;
}

} // namespace kvh::core
