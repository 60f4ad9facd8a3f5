// The responsibles already in use (see responsibles.hpp).
#include "responsibles.hpp"

#include "core/search.hpp"

#include <algorithm>
#include <map>

namespace kvh::core {

std::vector<std::string> known_responsibles(const std::vector<const ActionFact*>& actions) {
    struct Seen {
        int total = 0;
        std::map<std::string, int> spellings;
    };
    std::map<std::string, Seen> by_folded;
    for (const ActionFact* f : actions) {
        const std::string& r = f->action->responsible;
        const auto first = r.find_first_not_of(" \t\r\n");
        if (first == std::string::npos) continue;
        const std::string name = r.substr(first, r.find_last_not_of(" \t\r\n") - first + 1);
        Seen& seen = by_folded[fold_case(name)];
        ++seen.total;
        ++seen.spellings[name];
    }
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [folded, seen] : by_folded) {
        const auto most = std::max_element(seen.spellings.begin(), seen.spellings.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
        ranked.emplace_back(seen.total, most->first);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::string> out;
    out.reserve(ranked.size());
    for (auto& [count, name] : ranked) out.push_back(std::move(name));
    return out;
}

} // namespace kvh::core
