// Documents as head and item records, and back (see stored_layout.hpp).
#include "stored_layout.hpp"

#include "core/json_check.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace kvh::store {

using nlohmann::json;

namespace {

constexpr std::string_view kItemsField = "stored_items"; // in a head: the body key its items go under
constexpr std::string_view kPack = "pack";               // the pack record's one key
constexpr std::string_view kRemoved = "removed";         // a removed item's record: its id

// Item records (over the pack, or without one) that make a read rewrite the document as one pack:
// more than this and more than a quarter of its items, when reading them costs more than a write.
constexpr std::size_t kRewriteAfterRecords = 16;

std::string dump(const json& j) {
    // Text typed into the app is UTF-8, but a broken sequence must never stop a save.
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string item_text(const core::Body& body, std::size_t i) {
    return dump(json{{"pos", i}, {"item", body.item_json(i)}});
}

std::string pack_text(const core::Body& body) {
    json list = json::array();
    for (std::size_t i = 0; i < body.item_count(); ++i) list.push_back(body.item_json(i));
    return dump(json{{kPack, std::move(list)}});
}

std::string_view items_key(const core::Document& doc) {
    return doc.body ? core::kind_spec(doc.kind).items_key : std::string_view();
}

// The items of a document from its item records, in place order: the pack's items at their index,
// each overridden by a later record of its own (a new text or place) or removed by one.
std::optional<json> items_from_records(const std::vector<std::string>& records, bool& rewrite,
                                       std::vector<core::ValidationError>& errors) {
    struct Placed {
        std::uint64_t pos;
        json item;
    };
    std::vector<Placed> pack;
    std::map<std::string, std::optional<Placed>> own; // item id -> its record (none: removed)
    bool has_pack = false;
    for (std::size_t i = 0; i < records.size(); ++i) {
        auto record = core::parse_bounded(records[i], errors);
        if (!record) return std::nullopt;
        const auto bad = [&] {
            errors.push_back({core::index_path("items", i), core::Msg::err_item_record, {}, {}});
            return std::nullopt;
        };
        if (!record->is_object()) return bad();
        if (const auto it = record->find(kPack); it != record->end()) {
            if (!it->is_array() || has_pack) return bad();
            has_pack = true;
            pack.reserve(it->size());
            for (json& item : *it) pack.push_back({pack.size(), std::move(item)});
            continue;
        }
        if (const auto it = record->find(kRemoved); it != record->end()) {
            if (!it->is_string()) return bad();
            own[it->get<std::string>()] = std::nullopt;
            continue;
        }
        const auto pos = record->find("pos"), item = record->find("item");
        if (pos == record->end() || !pos->is_number_unsigned() || item == record->end()) return bad();
        const auto id = item->is_object() ? item->find("id") : item->end();
        if (id == item->end() || !id->is_string()) return bad();
        std::string key = id->get<std::string>(); // before the item is moved from
        own[std::move(key)] = Placed{pos->get<std::uint64_t>(), std::move(*item)};
    }
    std::vector<Placed> items;
    items.reserve(pack.size() + own.size());
    for (Placed& p : pack) {
        const json* id = p.item.is_object() && p.item.contains("id") ? &p.item["id"] : nullptr;
        if (id && id->is_string() && own.count(id->get_ref<const std::string&>())) continue;
        items.push_back(std::move(p));
    }
    for (auto& [id, placed] : own)
        if (placed) items.push_back(std::move(*placed));
    std::stable_sort(items.begin(), items.end(),
                     [](const Placed& a, const Placed& b) { return a.pos < b.pos; });
    rewrite = own.size() > std::max(kRewriteAfterRecords, items.size() / 4);
    json list = json::array();
    for (Placed& p : items) list.push_back(std::move(p.item));
    return list;
}

} // namespace

std::size_t WriteBatch::bytes() const {
    std::size_t n = 0;
    for (const Doc& d : docs) {
        n += d.id.size() + d.head.size();
        for (const auto& [id, text] : d.put_items) n += id.size() + text.size();
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
    WriteBatch::Doc w{doc.id, head_text(doc), true, {}};
    if (items_key(doc).empty() || doc.body->item_count() == 0) return w;
    w.put_items.emplace_back("", pack_text(*doc.body));
    return w;
}

WriteBatch::Doc diff_write(const core::Document* stored, const core::Document& doc) {
    if (!stored || !stored->body || !doc.body || stored->kind != doc.kind) return full_write(doc);
    WriteBatch::Doc w{doc.id, head_text(doc), false, {}};
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
    // Items were added, removed or reordered: gone ids get a record saying so (their text may be in
    // the pack), and every item whose place changed is written with its new place.
    std::unordered_set<std::string_view> present;
    for (std::size_t i = 0; i < n; ++i) present.insert(now.item_id(i));
    for (std::size_t j = 0; j < m; ++j)
        if (!present.count(was.item_id(j)))
            w.put_items.emplace_back(was.item_id(j), dump(json{{kRemoved, was.item_id(j)}}));
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
        std::optional<json> list = items_from_records(stored.items, out.rewrite, out.errors);
        if (!list) return out;
        (*body)[*key] = std::move(*list);
    } else if (root->is_object()) {
        const auto kind = root->contains("kind") && (*root)["kind"].is_string()
                              ? core::kind_from_key((*root)["kind"].get<std::string>())
                              : std::nullopt;
        out.rewrite = kind && !core::kind_spec(*kind).items_key.empty();
    }
    out.doc = core::document_from_json(*root, "", out.errors);
    if (out.doc && out.doc->id != stored.id) {
        out.errors.push_back({"id", core::Msg::err_record_key, {out.doc->id, stored.id}, {}});
        out.doc.reset();
    }
    return out;
}

} // namespace kvh::store
