// ItemList: versions share what was not edited; items found and edited by id whatever moved them.
#include "core/item_list.hpp"

#include <doctest/doctest.h>

#include <string>

using kvh::core::EarlierItems;
using kvh::core::ItemList;

namespace {

struct Item {
    std::string id;
    std::string text;
    bool operator==(const Item&) const = default;
};

// `n` items "i0", "i1", … with the text "t0", "t1", …
ItemList<Item> items(int n) {
    ItemList<Item> list;
    for (int i = 0; i < n; ++i) list.push_back({"i" + std::to_string(i), "t" + std::to_string(i)});
    return list;
}

constexpr int kMany = int(ItemList<Item>::kChunk) * 3 + 5; // four chunks, the last one part full

} // namespace

TEST_CASE("a copy shares every item until one is edited, and then only that item and its chunk change") {
    const ItemList<Item> before = items(kMany);
    ItemList<Item> after = before;
    for (std::size_t i = 0; i < before.size(); ++i) CHECK(after.same_item(i, before, i));
    after.edit(40).text = "ändrad";
    CHECK(before[40].text == "t40");
    CHECK(after[40].text == "ändrad");
    CHECK_FALSE(after.same_item(40, before, 40));
    CHECK(after.same_item(41, before, 41));
    CHECK(after.same_chunk(0, before));
    CHECK_FALSE(after.same_chunk(1, before));
    CHECK(after.same_chunk(2, before));
    CHECK_FALSE(after == before);
    after.edit(40).text = "t40"; // the same value again: equal, though no longer the same node
    CHECK(after == before);
}

TEST_CASE("insert, erase and erase_if keep the order and the chunks before the change") {
    const ItemList<Item> before = items(kMany);
    ItemList<Item> list = before;
    list.insert(70, {"ny", "ny"});
    REQUIRE(list.size() == before.size() + 1);
    CHECK(list[70].id == "ny");
    CHECK(list[71].id == "i70");
    CHECK(list.back().id == before.back().id);
    CHECK(list.same_chunk(0, before));
    CHECK(list.same_chunk(1, before));
    list.erase(0);
    CHECK(list.front().id == "i1");
    CHECK(list.size() == before.size());
    CHECK(list.erase_if([](const Item& x) { return x.id.size() == 2 && x.id[0] == 'i'; }) == 9); // i1 … i9
    CHECK(list.front().id == "i10");
    CHECK(list.erase_if([](const Item& x) { return x.id == "saknas"; }) == 0);
    ItemList<Item> empty;
    empty.insert(0, {"a", ""});
    CHECK(empty.size() == 1);
}

TEST_CASE("the earlier version of an item is found by its id, also after items before it moved") {
    const ItemList<Item> before = items(kMany);
    EarlierItems<Item> earlier(&before);
    CHECK(earlier.find("i50", 50) == &before[50]);
    CHECK(earlier.find("i50", 51) == &before[50]); // one inserted before it
    CHECK(earlier.find("i0", 99) == &before[0]);
    CHECK(earlier.find("ny", 3) == nullptr);
    EarlierItems<Item> none(nullptr);
    CHECK(none.find("i1", 1) == nullptr);
}

TEST_CASE(
    "index_of and edit_by_id find an item by id, not by place; an id that is not there changes nothing") {
    ItemList<Item> list = items(kMany);
    CHECK(kvh::core::index_of(list, "i99") == 99);
    CHECK(kvh::core::index_of(list, "saknas") == list.size());
    CHECK(kvh::core::index_of(std::vector<Item>{{"a", ""}, {"b", ""}}, "b") == 1);
    list.insert(0, {"först", ""});
    kvh::core::edit_by_id(list, "i99", [](Item& x) { x.text = "ändrad"; });
    CHECK(list[100].text == "ändrad");
    const ItemList<Item> before = list;
    kvh::core::edit_by_id(list, "saknas", [](Item& x) { x.text = "fel"; });
    CHECK(list == before);
    for (std::size_t i = 0; i < list.size(); ++i) CHECK(list.same_item(i, before, i));
}
