// A document's earlier revisions, newest first, as an immutable list shared between versions: the
// next revision adds one node in front of its parent's list instead of copying a hundred strings, so
// 200 undo steps of a document hold 200 small nodes, not 200 lists.
//
// What it does not do: order or check revisions (exchange_format reads and checks them). At most
// kMax are seen (size, iteration, list); older ones are dropped as nodes are added.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

class Ancestors {
    struct Node {
        std::string rev;
        std::shared_ptr<const Node> next;
        std::size_t length = 1; // nodes from here to the end
    };

  public:
    static constexpr std::size_t kMax = 100;

    Ancestors() = default;
    // `revs` newest first; those after the first kMax are dropped.
    explicit Ancestors(const std::vector<std::string>& revs);
    Ancestors(std::initializer_list<std::string> revs) : Ancestors(std::vector<std::string>(revs)) {}

    class Iterator {
      public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = std::string;
        using difference_type = std::ptrdiff_t;
        using pointer = const std::string*;
        using reference = const std::string&;
        Iterator() = default;
        Iterator(const Node* node, std::size_t left) : node_(left ? node : nullptr), left_(left) {}
        const std::string& operator*() const { return node_->rev; }
        const std::string* operator->() const { return &node_->rev; }
        Iterator& operator++();
        Iterator operator++(int) {
            Iterator was = *this;
            ++*this;
            return was;
        }
        bool operator==(const Iterator& o) const { return node_ == o.node_; }

      private:
        const Node* node_ = nullptr;
        std::size_t left_ = 0;
    };
    Iterator begin() const { return {head_.get(), size()}; }
    Iterator end() const { return {}; }

    bool empty() const { return !head_; }
    std::size_t size() const { return head_ ? std::min(head_->length, kMax) : 0; }
    const std::string& front() const { return head_->rev; }
    const std::string& back() const;
    // The i-th newest (0 = the parent), walking the list; an empty string past the end.
    const std::string& at(std::size_t i) const;
    const std::string& operator[](std::size_t i) const { return at(i); }
    bool contains(std::string_view rev) const;
    std::vector<std::string> list() const;

    // Adds `rev` as the newest. Shares the rest with every other holder of this list.
    void push_front(std::string rev);
    void clear() { head_.reset(); }

    bool operator==(const Ancestors& o) const;
    bool operator==(const std::vector<std::string>& revs) const;

  private:
    std::shared_ptr<const Node> head_;
};

} // namespace kvh::core
