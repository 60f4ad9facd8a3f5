// The document: the unit the user creates, stores, exports and merges (DESIGN.md "The documents").
// Header fields are plain values; the kind-specific content is an immutable typed Body (body.hpp)
// shared with earlier versions and undo, so copying a document never copies its content.
#pragma once

#include "ancestors.hpp"
#include "body.hpp"
#include "kinds.hpp"
#include "messages.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

enum class DocStatus { utkast, pagar, klar, arkiverad };
inline constexpr DocStatus all_doc_statuses[] = {DocStatus::utkast, DocStatus::pagar, DocStatus::klar,
                                                 DocStatus::arkiverad};
std::string_view status_key(DocStatus status);
std::optional<DocStatus> status_from_key(std::string_view key);
Msg status_name(DocStatus status);

// A CouchDB-shaped revision "N-hash": N counts edits, hash (16 hex) is derived from the parent
// revision and the content, so the same documents can later replicate without a format change.
inline constexpr std::uint64_t kMaxRevisionNumber = std::uint64_t(1) << 53;

struct Revision {
    std::uint64_t number = 0;
    std::string hash;
    std::string str() const;
    static std::optional<Revision> parse(std::string_view text);
    bool operator==(const Revision&) const = default;
};

struct Document {
    std::string id; // UUID v4, lower case
    DocKind kind = DocKind::riskanalys;
    std::string title;
    std::string unit; // enhet / verksamhet
    int year = 0;
    DocStatus status = DocStatus::utkast;
    Revision rev;
    Ancestors ancestors; // earlier revisions, newest first, capped (see kMaxAncestors)
    std::string created; // ISO 8601 UTC, e.g. 2026-11-23T10:15:00Z
    std::string updated;
    BodyPtr body; // kind-specific content; null reads as the empty body of the kind (see make_document)

    static constexpr std::size_t kMaxAncestors = Ancestors::kMax;

    // Same header and equal content (body compared by value, not by pointer).
    bool operator==(const Document& o) const;
};

// A document of `kind` with an empty body of that kind and no revision yet.
Document make_document(DocKind kind);
// The content of two documents is the same: everything the user can change, not the bookkeeping
// (id, revision, timestamps).
bool same_content(const Document& a, const Document& b);
// Moves `doc` to its next revision after a change (number+1, new hash, parent kept in ancestors).
void advance_revision(Document& doc);
// The hash part of a revision, as 16 lower hex: FNV-1a 64 over the parent revision ("" for the
// first) and the header fields, mixed with the body's own hash (combined from its items).
std::string revision_hash(std::string_view parent_rev, const Document& doc);

// Year range accepted for documents; wide on purpose, it only catches typing mistakes.
inline constexpr int kMinYear = 2000;
inline constexpr int kMaxYear = 2100;
inline constexpr std::size_t kMaxTitleChars = 300; // Unicode code points, also for `unit`
// "YYYY-MM-DDTHH:MM:SSZ" with a real calendar date and time of day.
bool is_iso_utc(std::string_view text);
// A YYYY-MM-DD calendar date that exists (2026-02-30 does not).
bool is_iso_date(std::string_view text);
// Length in code points (what a person counts as characters, near enough), and cutting to a length.
std::size_t utf8_chars(std::string_view s);
void limit_chars(std::string& s, std::size_t max_chars);
// Replaces every byte that is not part of a UTF-8 sequence with U+FFFD, as an export would write it,
// so that the text reads back as it is kept.
void repair_utf8(std::string& s);
// Nothing but spaces, tabs and line breaks: a field that was cleared, as far as a reader can see.
bool is_blank(std::string_view s);

} // namespace kvh::core
