// ListBody: what every typed body whose items are one ItemList shares — its file form (the head with
// the items under the kind's key), the revision hash from the items' cached hashes, equality, and
// which items are the very same node — so that a kind writes only its head, its item and its hash.
#pragma once

#include "body.hpp"
#include "item_list.hpp"

#include <string>
#include <string_view>

namespace kvh::core {

// `Derived` provides `static constexpr std::string_view kItemsKey` (where the items are in the body),
// `const ItemList<Item>& items() const`, `static std::uint64_t hash_item(const Item&)`, head_json()
// and item_json(i); each Item has an `id`.
template <class Derived, class Item> class ListBody : public Body {
  public:
    nlohmann::json to_json() const override {
        nlohmann::json out = head_json();
        nlohmann::json& list = out[std::string(Derived::kItemsKey)] = nlohmann::json::array();
        for (std::size_t i = 0; i < item_count(); ++i) list.push_back(item_json(i));
        return out;
    }
    std::uint64_t hash() const override {
        std::uint64_t h = fnv1a64(hash_text(head_json()));
        for (std::size_t i = 0; i < item_count(); ++i)
            h = mix_hash(h, self().items().item_hash(i, &Derived::hash_item));
        return h;
    }
    bool equals(const Body& other) const override {
        const auto* o = body_cast<Derived>(&other);
        return o && *o == self();
    }
    const void* body_class() const override { return &kBodyClass<Derived>; }
    std::size_t item_count() const override { return self().items().size(); }
    const std::string& item_id(std::size_t i) const override { return self().items()[i].id; }
    bool same_item(std::size_t i, const Body& other, std::size_t j) const override {
        const auto* o = body_cast<Derived>(&other);
        return o && j < o->items().size() && i < item_count() && self().items().same_item(i, o->items(), j);
    }
    bool operator==(const ListBody&) const = default;

  private:
    const Derived& self() const { return static_cast<const Derived&>(*this); }
};

} // namespace kvh::core
