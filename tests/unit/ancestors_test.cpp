// A document's earlier revisions: newest first, at most kMax seen, shared between versions.
#include "core/ancestors.hpp"

#include <doctest/doctest.h>

using kvh::core::Ancestors;

namespace {
std::string rev(int n) {
    return std::to_string(n) + "-0123456789abcdef";
}
} // namespace

TEST_CASE("ancestors: newest first, capped at kMax, older ones dropped") {
    Ancestors a;
    CHECK(a.empty());
    CHECK(a.size() == 0);
    CHECK(a.at(0).empty());
    CHECK(a.begin() == a.end());
    for (int n = 1; n <= 450; ++n) {
        a.push_front(rev(n));
        const std::size_t seen = std::min<std::size_t>(std::size_t(n), Ancestors::kMax);
        REQUIRE(a.size() == seen);
        CHECK(a.front() == rev(n));
        CHECK(a.back() == rev(n - int(seen) + 1));
        CHECK(std::size_t(std::distance(a.begin(), a.end())) == seen);
    }
    CHECK(a.contains(rev(351)));
    CHECK_FALSE(a.contains(rev(350))); // the 101st newest
    CHECK(a.at(99) == rev(351));
    CHECK(a.at(100).empty());
    const std::vector<std::string> list = a.list();
    REQUIRE(list.size() == Ancestors::kMax);
    for (std::size_t i = 0; i < list.size(); ++i) CHECK(list[i] == rev(450 - int(i)));
    CHECK(Ancestors(list) == a);
    CHECK(a == list);
}

TEST_CASE("ancestors: a list read from a file keeps its first kMax; copies share and diverge") {
    std::vector<std::string> revs;
    for (int n = 300; n > 0; --n) revs.push_back(rev(n));
    const Ancestors a(revs);
    CHECK(a.size() == Ancestors::kMax);
    CHECK(a.front() == rev(300));
    CHECK(a.back() == rev(201));

    Ancestors b = a, c = a;
    b.push_front(rev(301));
    c.push_front(rev(999));
    CHECK(a.front() == rev(300)); // the original is not changed by either
    CHECK(b.front() == rev(301));
    CHECK(c.front() == rev(999));
    CHECK(b.at(1) == rev(300));
    CHECK(b.back() == rev(202));
    CHECK_FALSE(b == c);
    c.clear();
    CHECK(c.empty());
    CHECK((Ancestors{rev(2), rev(1)} == std::vector<std::string>{rev(2), rev(1)}));
    CHECK_FALSE((Ancestors{rev(2), rev(1)} == std::vector<std::string>{rev(2)}));
}
