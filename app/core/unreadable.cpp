// Describing a stored document the app cannot read (see unreadable.hpp).
#include "unreadable.hpp"

#include "json_check.hpp"

namespace kvh::core {

UnreadableRecord describe_unreadable(std::string id, const std::string& head,
                                     const std::vector<std::string>& items,
                                     std::vector<ValidationError> errors) {
    UnreadableRecord out;
    out.id = std::move(id);
    out.errors = std::move(errors);
    out.bytes = head;
    for (const std::string& item : items) out.bytes += "\n" + item;
    std::vector<ValidationError> ignored;
    if (const auto root = parse_bounded(head, ignored); root && root->is_object()) {
        if (const auto t = root->find("title"); t != root->end() && t->is_string()) {
            out.title = t->get<std::string>();
            limit_chars(out.title, kMaxTitleChars);
        }
        if (const auto k = root->find("kind"); k != root->end() && k->is_string())
            out.kind = kind_from_key(k->get<std::string>());
    }
    return out;
}

} // namespace kvh::core
