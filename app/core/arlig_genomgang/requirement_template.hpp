// The requirement template of the årlig genomgång (assets/requirements_sosfs_2011_9.json): every SKA
// and BÖR of SOSFS 2011:9 3–7 kap. as versioned data, so that new paragraph references need no new
// build; and the sections of the kvalitetsberättelse each requirement belongs to.
#pragma once

#include "core/messages.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

struct ValidationError;
class Reader;

// The sections of the kvalitetsberättelse, in the order it is written (domain.md §2).
enum class ReportSection {
    inledning,
    ansvar,
    processer,
    samverkan,
    riskanalys,
    egenkontroll,
    avvikelser,
    personal,
    individ,
    resultat,
    fokus
};
inline constexpr ReportSection all_report_sections[] = {
    ReportSection::inledning,  ReportSection::ansvar,     ReportSection::processer,
    ReportSection::samverkan,  ReportSection::riskanalys, ReportSection::egenkontroll,
    ReportSection::avvikelser, ReportSection::personal,   ReportSection::individ,
    ReportSection::resultat,   ReportSection::fokus};
std::string_view report_section_key(ReportSection s);
std::optional<ReportSection> report_section_from_key(std::string_view key);
Msg report_section_name(ReportSection s);
void read_report_section(Reader& r, std::string_view key, ReportSection& out); // optional key

// How binding a requirement is: a föreskrift (SKA), an allmänt råd (BÖR), or a recommendation from
// a guide (the yearly review itself is SKR's, not Socialstyrelsen's).
enum class RequirementKind { krav, allmant_rad, rekommendation };
std::string_view requirement_kind_key(RequirementKind k);
std::optional<RequirementKind> requirement_kind_from_key(std::string_view key);
Msg requirement_kind_name(RequirementKind k);
void read_requirement_kind(Reader& r, std::string_view key, RequirementKind& out); // optional key

struct Requirement {
    std::string id;        // stable across template versions ("5-2"): a review follows it by this
    std::string reference; // "5 kap. 2 §"
    RequirementKind kind = RequirementKind::krav;
    ReportSection section = ReportSection::inledning;
    std::string text;       // the requirement in the template's own words
    std::string help;       // what evidence usually shows it
    bool uncertain = false; // domain.md marks the reading uncertain: the user may rephrase it
};

struct RequirementTemplate {
    std::string id;                        // "sosfs_2011_9"
    std::string version;                   // the template's own version ("2026-1"), recorded by a review
    std::string name;                      // what it covers
    std::string source;                    // where its wording comes from
    std::string valid_from;                // YYYY-MM-DD: the consolidated version it follows
    std::vector<Requirement> requirements; // in the template's order
};

// Parses and validates the template; errors name the place ("krav[4].avsnitt: …"). Every item has a
// unique id, a reference, a known kind and section, a text and a help text.
std::optional<RequirementTemplate> parse_requirement_template(std::string_view text,
                                                              std::vector<ValidationError>& errors);
// The requirement with this id, or null.
const Requirement* find_requirement(const RequirementTemplate& t, std::string_view id);

} // namespace kvh::core
