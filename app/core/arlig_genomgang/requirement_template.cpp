// The requirement template: its sections and kinds as keys, and reading and checking the file.
#include "requirement_template.hpp"

#include "core/json_check.hpp"

#include <map>

namespace kvh::core {

using nlohmann::json;

namespace {

constexpr std::string_view kTemplateFormat = "kvalitetshjul-kravmall";
constexpr int kTemplateFormatVersion = 1;

constexpr std::array<EnumKey<ReportSection>, 11> kSections{{
    {ReportSection::inledning, "inledning", Msg::section_inledning},
    {ReportSection::ansvar, "ansvar", Msg::section_ansvar},
    {ReportSection::processer, "processer", Msg::section_processer},
    {ReportSection::samverkan, "samverkan", Msg::section_samverkan},
    {ReportSection::riskanalys, "riskanalys", Msg::section_riskanalys},
    {ReportSection::egenkontroll, "egenkontroll", Msg::section_egenkontroll},
    {ReportSection::avvikelser, "avvikelser", Msg::section_avvikelser},
    {ReportSection::personal, "personal", Msg::section_personal},
    {ReportSection::individ, "individ", Msg::section_individ},
    {ReportSection::resultat, "resultat", Msg::section_resultat},
    {ReportSection::fokus, "fokus", Msg::section_fokus},
}};
static_assert(kSections.size() == std::size(all_report_sections));

constexpr std::array<EnumKey<RequirementKind>, 3> kKinds{{
    {RequirementKind::krav, "krav", Msg::requirement_krav},
    {RequirementKind::allmant_rad, "allmänt råd", Msg::requirement_allmant_rad},
    {RequirementKind::rekommendation, "rekommendation", Msg::requirement_rekommendation},
}};

// An enum the file must give: present and one of the table's keys.
template <class E, std::size_t N>
void read_required_enum(Reader& r, std::string_view key, const std::array<EnumKey<E>, N>& table, E& out) {
    if (r.get_string(key)) read_enum(r, key, table, out);
}

} // namespace

std::string_view report_section_key(ReportSection s) {
    return enum_entry(kSections, s).key;
}
std::optional<ReportSection> report_section_from_key(std::string_view key) {
    return enum_from_key(kSections, key);
}
Msg report_section_name(ReportSection s) {
    return enum_entry(kSections, s).name;
}
std::string_view requirement_kind_key(RequirementKind k) {
    return enum_entry(kKinds, k).key;
}
std::optional<RequirementKind> requirement_kind_from_key(std::string_view key) {
    return enum_from_key(kKinds, key);
}
Msg requirement_kind_name(RequirementKind k) {
    return enum_entry(kKinds, k).name;
}
void read_report_section(Reader& r, std::string_view key, ReportSection& out) {
    read_enum(r, key, kSections, out);
}
void read_requirement_kind(Reader& r, std::string_view key, RequirementKind& out) {
    read_enum(r, key, kKinds, out);
}

std::optional<RequirementTemplate> parse_requirement_template(std::string_view text,
                                                              std::vector<ValidationError>& errors) {
    const auto root = parse_bounded_object(text, errors);
    if (!root) return std::nullopt;
    const std::size_t errors_before = errors.size();
    Reader r(*root, "", errors);
    if (!read_asset_header(r, kTemplateFormat, kTemplateFormatVersion, Msg::err_req_tpl_format))
        return std::nullopt;
    RequirementTemplate t;
    read_required(r, "id", t.id);
    read_required(r, "mallversion", t.version);
    read_required(r, "namn", t.name);
    read_required(r, "källa", t.source);
    if (r.get_string("giltig_fran")) read_date(r, "giltig_fran", t.valid_from);
    std::map<std::string, std::string, std::less<>> ids; // id -> where it was first seen
    if (r.get("krav", Msg::json_type_array))
        read_objects(r, "krav", [&](const json& item, const std::string& path) {
            Reader q(item, path, errors);
            Requirement k;
            read_required(q, "id", k.id);
            if (!k.id.empty())
                if (const auto [at, fresh] = ids.emplace(k.id, path); !fresh)
                    q.add("id", Msg::err_id_repeated, {k.id, at->second});
            read_required(q, "hanvisning", k.reference);
            read_required_enum(q, "typ", kKinds, k.kind);
            read_required_enum(q, "avsnitt", kSections, k.section);
            read_required(q, "text", k.text);
            read_required(q, "hjalp", k.help);
            if (const json* u = q.optional("osaker", Msg::json_type_boolean)) k.uncertain = u->get<bool>();
            t.requirements.push_back(std::move(k));
        });
    if (errors.size() != errors_before) return std::nullopt;
    return t;
}

const Requirement* find_requirement(const RequirementTemplate& t, std::string_view id) {
    for (const Requirement& k : t.requirements)
        if (k.id == id) return &k;
    return nullptr;
}

} // namespace kvh::core
