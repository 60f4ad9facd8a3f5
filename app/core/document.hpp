// The document: the unit the user creates, stores, exports and merges (DESIGN.md "The documents").
// Header fields are typed; the kind-specific content lives in `body` until each kind gets its model.
#pragma once

#include "messages.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvh::core {

enum class DocKind { riskanalys, egenkontrollplan, egenkontroll, arlig_genomgang, atgardsplan };
inline constexpr DocKind all_doc_kinds[] = {DocKind::riskanalys, DocKind::egenkontrollplan,
                                            DocKind::egenkontroll, DocKind::arlig_genomgang,
                                            DocKind::atgardsplan};

// Stable names used in files; never translated, never renamed (a rename needs a migration).
std::string_view kind_key(DocKind kind);
std::optional<DocKind> kind_from_key(std::string_view key);
Msg kind_name(DocKind kind);        // "Riskanalys"
Msg kind_plural_name(DocKind kind); // "Riskanalyser"

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
    std::vector<std::string> ancestors; // earlier revisions, newest first, capped (see kMaxAncestors)
    std::string created;                // ISO 8601 UTC, e.g. 2026-11-23T10:15:00Z
    std::string updated;
    nlohmann::json body = nlohmann::json::object(); // kind-specific content

    static constexpr std::size_t kMaxAncestors = 100;

    bool operator==(const Document&) const = default;
};

// The content hash input: everything the user can change, not the revision bookkeeping.
nlohmann::json document_content(const Document& doc);
// Moves `doc` to its next revision after a change (number+1, new hash, parent kept in ancestors).
void advance_revision(Document& doc);
// The hash part of a revision: FNV-1a 64 over parent revision, "\n" and the content, as 16 lower hex.
// The parent of a first revision is "".
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
// Nothing but spaces, tabs and line breaks: a field that was cleared, as far as a reader can see.
bool is_blank(std::string_view s);

} // namespace kvh::core
