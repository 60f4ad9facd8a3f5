// A rule finding acknowledged (kvitterad) with a reason: kept in the item the finding points to (an
// action, a risk), so it travels with the document and is shown beside the finding, never hidden.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

struct ValidationError;
class Reader;

struct Acknowledgement {
    // The rule's stable key (rules.hpp). Kept as text, so an acknowledgement of a rule this build
    // does not know (from a newer build) is kept and written back unchanged.
    std::string rule;
    std::string reason; // why the finding is accepted as it is; never blank
    std::string by;     // name or role of the one who acknowledged it
    std::string date;   // YYYY-MM-DD or ""
    bool operator==(const Acknowledgement&) const = default;
};
using Acknowledgements = std::vector<Acknowledgement>;

// "kvitterade": [{"regel":…,"motivering":…,"av":…,"datum":…}, …]
nlohmann::json acknowledgements_to_json(const Acknowledgements& list);
// Reads the optional key `key` of the object `r` reads; errors name each place.
void read_acknowledgements(Reader& r, std::string_view key, Acknowledgements& out);
// The checks of the reader on typed acknowledgements: a rule key, a reason that is not blank, a
// date that is "" or YYYY-MM-DD, texts UTF-8. Errors under `path`.`key`[i].
bool check_acknowledgements(const Acknowledgements& list, const std::string& path, std::string_view key,
                            std::vector<ValidationError>& errors);
// The acknowledgement of `rule` in `list`, or null.
const Acknowledgement* find_acknowledgement(const Acknowledgements& list, std::string_view rule);

} // namespace kvh::core
