// A document's earlier revisions as a shared immutable list (see ancestors.hpp).
#include "ancestors.hpp"

#include <algorithm>

namespace kvh::core {

Ancestors::Ancestors(const std::vector<std::string>& revs) {
    const std::size_t n = std::min(revs.size(), kMax);
    for (std::size_t i = n; i-- > 0;) push_front(revs[i]);
}

Ancestors::Iterator& Ancestors::Iterator::operator++() {
    node_ = --left_ ? node_->next.get() : nullptr;
    return *this;
}

const std::string& Ancestors::back() const {
    return at(size() - 1);
}

const std::string& Ancestors::at(std::size_t i) const {
    static const std::string none;
    if (i >= size()) return none;
    const Node* n = head_.get();
    while (i--) n = n->next.get();
    return n->rev;
}

bool Ancestors::contains(std::string_view rev) const {
    return std::find(begin(), end(), rev) != end();
}

std::vector<std::string> Ancestors::list() const {
    return {begin(), end()};
}

void Ancestors::push_front(std::string rev) {
    const std::size_t length = head_ ? head_->length + 1 : 1;
    head_ = std::make_shared<const Node>(Node{std::move(rev), std::move(head_), length});
    // Nodes past kMax are never seen; once there are as many again, the seen ones are copied into a
    // list of their own so the rest can go (each push pays for about one copied node).
    if (length >= 2 * kMax) *this = Ancestors(list());
}

bool Ancestors::operator==(const Ancestors& o) const {
    return head_ == o.head_ || (size() == o.size() && std::equal(begin(), end(), o.begin()));
}

bool Ancestors::operator==(const std::vector<std::string>& revs) const {
    return size() == revs.size() && std::equal(begin(), end(), revs.begin());
}

} // namespace kvh::core
