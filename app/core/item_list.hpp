// ItemList<T>: the items of a document body (risks, later planned checks, samples, actions) as shared
// immutable nodes in fixed-size chunks. Copying a list copies a few chunk pointers; editing one item
// copies that item and its chunk only, so a new version of a 2,000-risk analysis and every undo step
// share all the other items. Each node caches the hash of its item for the revision hash.
//
// What it is not: thread-safe (the app is single-threaded), or a general container (no iterators that
// write; every change goes through edit(), push_back(), insert(), erase() or erase_if()).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

template <class T> class ItemList {
  public:
    static constexpr std::size_t kChunk = 32;

    ItemList() = default;
    ItemList(std::initializer_list<T> items) {
        for (const T& t : items) push_back(t);
    }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const T& operator[](std::size_t i) const { return node(i).value; }
    const T& front() const { return (*this)[0]; }
    const T& back() const { return (*this)[size_ - 1]; }

    class const_iterator {
      public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = const T*;
        using reference = const T&;
        const_iterator() = default;
        const_iterator(const ItemList* list, std::size_t i) : list_(list), i_(i) {}
        reference operator*() const { return (*list_)[i_]; }
        pointer operator->() const { return &(*list_)[i_]; }
        reference operator[](difference_type n) const {
            return (*list_)[std::size_t(difference_type(i_) + n)];
        }
        const_iterator& operator++() { return ++i_, *this; }
        const_iterator operator++(int) { return const_iterator(list_, i_++); }
        const_iterator& operator--() { return --i_, *this; }
        const_iterator operator--(int) { return const_iterator(list_, i_--); }
        const_iterator& operator+=(difference_type n) {
            return i_ = std::size_t(difference_type(i_) + n), *this;
        }
        const_iterator& operator-=(difference_type n) { return *this += -n; }
        friend const_iterator operator+(const_iterator a, difference_type n) { return a += n; }
        friend const_iterator operator+(difference_type n, const_iterator a) { return a += n; }
        friend const_iterator operator-(const_iterator a, difference_type n) { return a -= n; }
        friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
            return difference_type(a.i_) - difference_type(b.i_);
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.i_ == b.i_; }
        friend auto operator<=>(const const_iterator& a, const const_iterator& b) { return a.i_ <=> b.i_; }

      private:
        const ItemList* list_ = nullptr;
        std::size_t i_ = 0;
    };
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size_}; }

    // The item at `i`, ready to be changed: copied first when another list (an older version, an undo
    // step) still shares it.
    T& edit(std::size_t i) {
        auto& slot = own_chunk(i / kChunk)[i % kChunk];
        if (slot.use_count() > 1) slot = std::make_shared<Node>(Node{slot->value, std::nullopt});
        slot->hash.reset();
        return slot->value;
    }
    void push_back(T value) {
        if (size_ % kChunk == 0) chunks_.push_back(std::make_shared<Chunk>());
        own_chunk(chunks_.size() - 1).push_back(std::make_shared<Node>(Node{std::move(value), std::nullopt}));
        ++size_;
    }
    void insert(std::size_t pos, T value) {
        auto nodes = nodes_from(pos);
        nodes.insert(nodes.begin(), std::make_shared<Node>(Node{std::move(value), std::nullopt}));
        rebuild_from(pos, std::move(nodes));
    }
    void erase(std::size_t pos) {
        auto nodes = nodes_from(pos);
        nodes.erase(nodes.begin());
        rebuild_from(pos, std::move(nodes));
    }
    // Removes every item `pred` holds for; returns how many. Chunks before the first removal stay shared.
    template <class Pred> std::size_t erase_if(Pred pred) {
        std::size_t first = 0;
        while (first < size_ && !pred((*this)[first])) ++first;
        if (first == size_) return 0;
        auto nodes = nodes_from(first);
        const std::size_t before = nodes.size();
        std::erase_if(nodes, [&](const NodePtr& n) { return pred(n->value); });
        const std::size_t removed = before - nodes.size();
        rebuild_from(first, std::move(nodes));
        return removed;
    }
    void clear() {
        chunks_.clear();
        size_ = 0;
    }

    // True when both lists hold the very same node at these places: the item was not edited between
    // the two versions (what the store uses to write only what changed).
    bool same_item(std::size_t i, const ItemList& other, std::size_t j) const {
        return &node(i) == &other.node(j);
    }
    bool same_chunk(std::size_t c, const ItemList& other) const {
        return c < chunks_.size() && c < other.chunks_.size() && chunks_[c] == other.chunks_[c];
    }
    std::size_t chunk_count() const { return chunks_.size(); }

    // The item's hash, computed by `fn(item)` once per node and kept until the item is edited.
    template <class Fn> std::uint64_t item_hash(std::size_t i, Fn fn) const {
        const Node& n = node(i);
        if (!n.hash) n.hash = fn(n.value);
        return *n.hash;
    }

    friend bool operator==(const ItemList& a, const ItemList& b) {
        if (a.size_ != b.size_) return false;
        for (std::size_t c = 0; c < a.chunks_.size(); ++c) {
            if (a.chunks_[c] == b.chunks_[c]) continue;
            const Chunk& x = *a.chunks_[c];
            const Chunk& y = *b.chunks_[c];
            for (std::size_t i = 0; i < x.size(); ++i)
                if (x[i] != y[i] && !(x[i]->value == y[i]->value)) return false;
        }
        return true;
    }

  private:
    struct Node {
        T value;
        mutable std::optional<std::uint64_t> hash;
    };
    using NodePtr = std::shared_ptr<Node>;
    using Chunk = std::vector<NodePtr>;

    const Node& node(std::size_t i) const { return *(*chunks_[i / kChunk])[i % kChunk]; }
    Chunk& own_chunk(std::size_t c) {
        if (chunks_[c].use_count() > 1) chunks_[c] = std::make_shared<Chunk>(*chunks_[c]);
        return *chunks_[c];
    }
    std::vector<NodePtr> nodes_from(std::size_t pos) const {
        std::vector<NodePtr> out;
        out.reserve(size_ - pos + 1);
        for (std::size_t i = pos; i < size_; ++i) out.push_back((*chunks_[i / kChunk])[i % kChunk]);
        return out;
    }
    // Keeps the chunks before the one holding `pos`, then lays the nodes of that chunk's start and
    // `tail` into fresh chunks.
    void rebuild_from(std::size_t pos, std::vector<NodePtr> tail) {
        const std::size_t c = pos / kChunk;
        std::vector<NodePtr> nodes;
        if (c < chunks_.size())
            nodes.assign(chunks_[c]->begin(), chunks_[c]->begin() + std::ptrdiff_t(pos % kChunk));
        nodes.insert(nodes.end(), tail.begin(), tail.end());
        chunks_.resize(c);
        size_ = c * kChunk;
        for (NodePtr& n : nodes) {
            if (size_ % kChunk == 0) chunks_.push_back(std::make_shared<Chunk>());
            chunks_.back()->push_back(std::move(n));
            ++size_;
        }
    }

    std::vector<std::shared_ptr<Chunk>> chunks_;
    std::size_t size_ = 0;
};

// The version of an item (with an `id`) before an edit, found by its id: nearly always at the same
// place (a field typed), else through an index built once (an item inserted or removed before it
// moved the rest), so checking an edit of 2,000 items never searches 2,000 times.
template <class T> class EarlierItems {
  public:
    explicit EarlierItems(const ItemList<T>* list) : list_(list) {}
    const T* find(const std::string& id, std::size_t at) {
        if (!list_) return nullptr;
        if (at < list_->size() && (*list_)[at].id == id) return &(*list_)[at];
        if (!index_) {
            index_.emplace();
            for (std::size_t i = 0; i < list_->size(); ++i) index_->emplace((*list_)[i].id, i);
        }
        const auto it = index_->find(id);
        return it == index_->end() ? nullptr : &(*list_)[it->second];
    }

  private:
    const ItemList<T>* list_;
    std::optional<std::map<std::string_view, std::size_t>> index_;
};

// The place of the item with `id` in `list` (an ItemList or a vector of items with an `id`), or the
// list's size when none has it.
template <class List> std::size_t index_of(const List& list, std::string_view id) {
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].id == id) return i;
    return list.size();
}

// Changes the item with `id` through `change`, found by id and not by place: whatever an earlier edit
// moved, it is this item. Nothing happens when none has it.
template <class T, class Change> void edit_by_id(ItemList<T>& list, std::string_view id, Change&& change) {
    if (const std::size_t i = index_of(list, id); i < list.size()) change(list.edit(i));
}

} // namespace kvh::core
