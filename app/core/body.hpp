// The kind-specific content of a document as an immutable, typed value shared between versions,
// undo steps and the store. JSON exists only at the edges: to_json for files and storage, a kind's
// reader (kinds.hpp) to build a body while validating.
//
// A body with items (a riskanalys' risks) also answers item by item, so that the revision hash and
// the store cost what an edit changed, not the size of the document.
#pragma once

#include "function_ref.hpp"

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace kvh::core {

enum class DocKind { riskanalys, egenkontrollplan, egenkontroll, arlig_genomgang, atgardsplan };
inline constexpr DocKind all_doc_kinds[] = {DocKind::riskanalys, DocKind::egenkontrollplan,
                                            DocKind::egenkontroll, DocKind::arlig_genomgang,
                                            DocKind::atgardsplan};

struct Action;

// One per class of body: its address tells the classes apart, so that body_cast needs no RTTI (the
// web build has none; the type names alone were 77 KB of the wasm).
template <class T> inline constexpr char kBodyClass = 0;

class Body {
  public:
    virtual ~Body() = default;
    virtual DocKind kind() const = 0;
    virtual const void* body_class() const = 0; // &kBodyClass<the class>
    // The whole body as written to a file; keys this build does not know, read from a file or a
    // record, are written back unchanged.
    virtual nlohmann::json to_json() const = 0;
    // A hash of the content (FNV-1a 64), combined from per-item hashes cached in the items.
    virtual std::uint64_t hash() const = 0;
    virtual bool equals(const Body& other) const = 0;

    // [SECTION] Items, for the store: the body is kept as its head (to_json without the items) and
    // one record per item, so an edit of one risk writes that risk and the small head.
    virtual nlohmann::json head_json() const { return to_json(); }
    virtual std::size_t item_count() const { return 0; }
    virtual const std::string& item_id(std::size_t) const;
    virtual nlohmann::json item_json(std::size_t) const { return {}; }
    // True when item `i` of this body is the very node at `j` of `other` (not edited in between).
    virtual bool same_item(std::size_t, const Body&, std::size_t) const { return false; }

    // [SECTION] Actions, for the facts index and the register: those the body holds, each with the id
    // of the item holding it ("" when the body holds it directly), in document order: first its own,
    // then item by item (so facts of an item that was not edited can be kept).
    using ActionVisitor = FunctionRef<void(const std::string& item, const Action& action)>;
    virtual void for_each_own_action(const ActionVisitor&) const {}
    virtual void for_each_item_action(std::size_t /*item*/, const ActionVisitor&) const {}
    // A copy with one action changed, or null when the body has no such action.
    virtual std::shared_ptr<const Body> with_action(const std::string& /*item*/,
                                                    const std::string& /*action*/,
                                                    FunctionRef<void(Action&)> /*change*/) const {
        return nullptr;
    }

    // The base holds nothing: this only lets a kind default its own operator==. Two bodies of
    // unknown kind compare with equals().
    bool operator==(const Body&) const = default;
};
using BodyPtr = std::shared_ptr<const Body>;

// The body of a kind that has no model of its own yet: any JSON object a file can hold as it is (an
// edit is checked for that in kinds.cpp), kept as it is.
class JsonBody final : public Body {
  public:
    JsonBody(DocKind kind, nlohmann::json value) : kind_(kind), value_(std::move(value)) {}
    DocKind kind() const override { return kind_; }
    const void* body_class() const override { return &kBodyClass<JsonBody>; }
    nlohmann::json to_json() const override { return value_; }
    std::uint64_t hash() const override;
    bool equals(const Body& other) const override;
    const nlohmann::json& value() const { return value_; }

  private:
    DocKind kind_;
    nlohmann::json value_;
};

// `b` as a T, or null when it is a body of another class (or null).
template <class T> const T* body_cast(const Body* b) {
    return b && b->body_class() == &kBodyClass<T> ? static_cast<const T*>(b) : nullptr;
}

// FNV-1a 64 over `text`, continuing from `h` (so parts can be chained).
inline constexpr std::uint64_t kFnvBasis = 0xcbf29ce484222325ULL;
std::uint64_t fnv1a64(std::string_view text, std::uint64_t h = kFnvBasis);
std::uint64_t mix_hash(std::uint64_t h, std::uint64_t part);
// Feeds typed fields straight into FNV-1a 64, each text with its length first so that field
// boundaries count ("ab","c" ≠ "a","bc"): hashing an item costs its bytes, with no JSON in between.
struct FieldHasher {
    std::uint64_t h = kFnvBasis;
    FieldHasher& add(std::string_view text) {
        add(std::int64_t(text.size()));
        h = fnv1a64(text, h);
        return *this;
    }
    FieldHasher& add(std::int64_t v) {
        h = mix_hash(h, std::uint64_t(v));
        return *this;
    }
};
// The compact JSON text that hashes see; a broken UTF-8 sequence typed in is hashed as U+FFFD.
std::string hash_text(const nlohmann::json& j);

} // namespace kvh::core
