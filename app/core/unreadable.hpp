// A stored document the app cannot read (an older or newer version wrote it, another tool, a bug):
// it is kept as it is, listed with what can be told of it, exportable byte for byte, and never
// overwritten (Workspace::set_held). This type only describes it; the store finds it, the UI shows it.
#pragma once

#include "exchange_format.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kvh::core {

struct UnreadableRecord {
    std::string id;                      // the key it is stored under
    std::string title;                   // read from the record where it can be, else ""
    std::optional<DocKind> kind;         // likewise
    std::vector<ValidationError> errors; // why it cannot be read, with places
    std::string bytes; // the stored texts as they are: the head, then each item on a line of its own
};

// What can be told from the raw records: the head's title and kind if it is a JSON object holding
// them; `errors` as found by the reader.
UnreadableRecord describe_unreadable(std::string id, const std::string& head,
                                     const std::vector<std::string>& items,
                                     std::vector<ValidationError> errors);

} // namespace kvh::core
