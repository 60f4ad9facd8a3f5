// Acknowledged rule findings (see acknowledgement.hpp): JSON in and out and the checks of an edit.
#include "acknowledgement.hpp"

#include "json_check.hpp"

#include <algorithm>

namespace kvh::core {

using nlohmann::json;

json acknowledgements_to_json(const Acknowledgements& list) {
    json out = json::array();
    for (const Acknowledgement& a : list)
        out.push_back({{"regel", a.rule}, {"motivering", a.reason}, {"av", a.by}, {"datum", a.date}});
    return out;
}

void read_acknowledgements(Reader& r, std::string_view key, Acknowledgements& out) {
    read_objects(r, key, [&](const json& item, const std::string& path) {
        Reader ar(item, path, r.errors());
        Acknowledgement a;
        if (const std::string* rule = ar.get_string("regel")) {
            a.rule = *rule;
            if (is_blank(a.rule)) ar.add("regel", Msg::err_ack_rule);
        }
        // An acknowledgement without a reason would hide a finding without saying why.
        if (const std::string* reason = ar.get_string("motivering")) {
            a.reason = *reason;
            if (is_blank(a.reason)) ar.add("motivering", Msg::err_ack_reason);
        }
        read_string(ar, "av", a.by);
        read_date(ar, "datum", a.date);
        out.push_back(std::move(a));
    });
}

bool check_acknowledgements(const Acknowledgements& list, const std::string& path, std::string_view key,
                            std::vector<ValidationError>& errors) {
    const std::size_t errors_before = errors.size();
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Acknowledgement& a = list[i];
        const std::string at = index_path(join_path(path, key), i);
        if (is_blank(a.rule)) errors.push_back({join_path(at, "regel"), Msg::err_ack_rule, {}, {}});
        if (is_blank(a.reason)) errors.push_back({join_path(at, "motivering"), Msg::err_ack_reason, {}, {}});
        if (!a.date.empty() && !is_iso_date(a.date))
            errors.push_back({join_path(at, "datum"), Msg::err_bad_date, {a.date}, {}});
        check_text(a.rule, at, "regel", errors);
        check_text(a.reason, at, "motivering", errors);
        check_text(a.by, at, "av", errors);
    }
    return errors.size() == errors_before;
}

const Acknowledgement* find_acknowledgement(const Acknowledgements& list, std::string_view rule) {
    const auto it =
        std::find_if(list.begin(), list.end(), [&](const Acknowledgement& a) { return a.rule == rule; });
    return it == list.end() ? nullptr : &*it;
}

} // namespace kvh::core
