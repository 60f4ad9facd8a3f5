// Documents as head and item records, and back (see stored_layout.hpp).
#include "stored_layout.hpp"

#include "core/json_check.hpp"

#include <algorithm>
#include <unordered_set>

namespace kvh::store {

using nlohmann::json;

namespace {

constexpr std::string_view kItemsField = "stored_items"; // in a head: the body key its items go under

std::string dump(const json& j) {
    // Text typed into the app is UTF-8, but a broken sequence must never stop a save.
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string item_text(const core::Body& body, std::size_t i) {
    return dump(json{{"pos", i}, {"item", body.item_json(i)}});
}

std::string_view items_key(const core::Document& doc) {
    return doc.body ? core::kind_spec(doc.kind).items_key : std::string_view();
}

} // namespace

std::size_t WriteBatch::bytes() const {
    std::size_t n = 0;
    for (const Doc& d : docs) {
        n += d.id.size() + d.head.size();
        for (const auto& [id, text] : d.put_items) n += id.size() + text.size();
        for (const auto& id : d.remove_items) n += id.size();
    }
    for (const auto& id : remove_docs) n += id.size();
    return n;
}

std::string head_text(const core::Document& doc) {
    json j = core::document_to_json(doc, /*head_only=*/true);
    if (const std::string_view key = items_key(doc); !key.empty()) j[std::string(kItemsField)] = key;
    return dump(j);
}

WriteBatch::Doc full_write(const core::Document& doc) {
    WriteBatch::Doc w{doc.id, head_text(doc), true, {}, {}};
    if (items_key(doc).empty()) return w;
    const core::Body& body = *doc.body;
    w.put_items.reserve(body.item_count());
    for (std::size_t i = 0; i < body.item_count(); ++i)
        w.put_items.emplace_back(body.item_id(i), item_text(body, i));
    return w;
}

WriteBatch::Doc diff_write(const core::Document* stored, const core::Document& doc) {
    if (!stored || !stored->body || !doc.body || stored->kind != doc.kind) return full_write(doc);
    WriteBatch::Doc w{doc.id, head_text(doc), false, {}, {}};
    if (items_key(doc).empty()) return w;
    const core::Body &now = *doc.body, &was = *stored->body;
    const std::size_t n = now.item_count(), m = was.item_count();
    std::vector<bool> written(n, false);
    bool moved = n != m;
    for (std::size_t i = 0; i < n; ++i) {
        if (i < m && now.same_item(i, was, i)) continue;
        if (i >= m || now.item_id(i) != was.item_id(i)) moved = true;
        w.put_items.emplace_back(now.item_id(i), item_text(now, i));
        written[i] = true;
    }
    if (!moved) return w;
    // Items were added, removed or reordered: gone ids are removed, and every item whose place
    // changed is written with its new place.
    std::unordered_set<std::string_view> present;
    for (std::size_t i = 0; i < n; ++i) present.insert(now.item_id(i));
    for (std::size_t j = 0; j < m; ++j)
        if (!present.count(was.item_id(j))) w.remove_items.push_back(was.item_id(j));
    for (std::size_t i = 0; i < n; ++i)
        if (!written[i] && !(i < m && now.item_id(i) == was.item_id(i)))
            w.put_items.emplace_back(now.item_id(i), item_text(now, i));
    return w;
}

ReadResult read_stored(const StoredDocument& stored) {
    ReadResult out;
    auto root = core::parse_bounded(stored.head, out.errors);
    if (!root) return out;
    if (root->is_object() && root->contains(kItemsField)) {
        const json field = (*root)[std::string(kItemsField)];
        root->erase(std::string(kItemsField));
        const std::string* key = field.get_ptr<const std::string*>();
        json* body = root->contains("body") ? &(*root)["body"] : nullptr;
        if (!key || !body || !body->is_object()) {
            out.errors.push_back({std::string(kItemsField),
                                  core::Msg::err_wrong_type,
                                  {},
                                  {core::Msg::json_type_string, core::type_msg(field)}});
            return out;
        }
        std::vector<std::pair<std::uint64_t, json>> items;
        items.reserve(stored.items.size());
        for (std::size_t i = 0; i < stored.items.size(); ++i) {
            const std::string path = core::index_path("items", i);
            auto record = core::parse_bounded(stored.items[i], out.errors);
            if (!record) return out;
            const json* pos = record->is_object() && record->contains("pos") ? &(*record)["pos"] : nullptr;
            if (!pos || !pos->is_number_unsigned() || !record->contains("item")) {
                out.errors.push_back({path, core::Msg::err_item_record, {}, {}});
                return out;
            }
            items.emplace_back(pos->get<std::uint64_t>(), std::move((*record)["item"]));
        }
        std::stable_sort(items.begin(), items.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        json list = json::array();
        for (auto& [pos, item] : items) list.push_back(std::move(item));
        (*body)[*key] = std::move(list);
    } else if (root->is_object()) {
        const auto kind = root->contains("kind") && (*root)["kind"].is_string()
                              ? core::kind_from_key((*root)["kind"].get<std::string>())
                              : std::nullopt;
        out.legacy = kind && !core::kind_spec(*kind).items_key.empty();
    }
    out.doc = core::document_from_json(*root, "", out.errors);
    if (out.doc && out.doc->id != stored.id) {
        out.errors.push_back({"id", core::Msg::err_record_key, {out.doc->id, stored.id}, {}});
        out.doc.reset();
    }
    return out;
}

} // namespace kvh::store
