// Random edits of an årlig genomgång through its typed model: items added, removed, assessed, given
// texts and actions; the narratives, focus areas and decision date.
#include "random_edit_parts.hpp"

namespace kvh::test {

using core::Action;

static std::vector<std::string> ids_in(const core::AnnualReview& v) {
    std::vector<std::string> ids;
    for (const core::ReviewItem& k : v.items()) {
        ids.push_back(k.id);
        for (const Action& x : k.actions) ids.push_back(x.id);
    }
    return ids;
}

std::string random_review_change(Rng& rng, core::AnnualReview& v, const core::Environment& env) {
    const int n = int(v.entries.size());
    const std::vector<std::string> ids = ids_in(v);
    if (n == 0 || pick(rng, 6) == 0) {
        core::ReviewItem k;
        k.id = new_id(rng, ids, env);
        k.requirement = std::string(one_of(rng, {"3-1", "5-2", "", "7-1-berattelse"}));
        k.text = text(rng);
        v.entries.insert(std::size_t(pick(rng, n + 1)), std::move(k));
        return "review item added";
    }
    core::ReviewItem& k = v.entries.edit(std::size_t(pick(rng, n)));
    switch (pick(rng, 7)) {
    case 0: {
        std::string* fields[] = {&k.reference, &k.text, &k.evidence, &k.comment};
        *fields[pick(rng, 4)] = text(rng);
        return "review item text";
    }
    case 1:
        k.assessment = one_of(rng, core::all_assessments);
        return "review verdict";
    case 2:
        k.actions.push_back(random_action(rng, ids, env));
        return "review action added";
    case 3:
        v.narratives[one_of(rng, core::all_report_sections)] = text(rng);
        return "review narrative";
    case 4:
        v.focus_areas.push_back({text(rng), chance(rng, 30) ? new_id(rng, ids, env) : std::string()});
        return "review focus area";
    case 5:
        v.decided_date = one_of(rng, {"", "2026-03-18", "2026-02-30", "2026-3"});
        return "review decided date";
    default:
        v.entries.erase(std::size_t(pick(rng, n)));
        return "review item removed";
    }
}

} // namespace kvh::test
