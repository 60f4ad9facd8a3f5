// The workspace: every document the user has, and the one edit API that changes them.
// Each change is validated by the document's kind before it is committed, bumps the revision,
// records undo, marks the document dirty for the store and notifies the listeners (the app asks for
// a redraw, the facts index updates). No I/O here: the store drains `take_dirty()`.
// Documents are immutable once committed and shared (std::shared_ptr<const Document>) between the
// workspace, undo and the store, so an edit costs the header and the item it changes.
#pragma once

#include "document.hpp"
#include "exchange_format.hpp"
#include "function_ref.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace kvh::core {

// Time and randomness come from outside so tests are repeatable.
struct Environment {
    std::function<std::string()> now_iso;      // "2026-11-23T10:15:00Z"
    std::function<std::uint64_t()> random_u64; // for UUIDs
    static Environment system();               // real clock, random_device-seeded generator
};

std::string new_uuid_v4(const Environment& env);
// A UUID (version 8) made from `name` alone: whoever derives it from the same name, on any device and
// at any time, gets the same id, so two copies of a document agree on ids given while reading them.
std::string name_based_uuid(std::string_view name);
bool is_uuid(std::string_view text);

// What an undo step is called: a message and its arguments, put into words only when shown, so that
// steps taken before the language was switched read in the language chosen since.
struct UndoLabel {
    Msg msg = Msg::count_;         // count_: no label
    std::vector<std::string> args; // filled into `msg`'s {0}, {1}, …
    std::vector<Msg> msg_args;     // translated when shown, numbered after `args` (a field's name)
    UndoLabel() = default;
    UndoLabel(Msg m, std::vector<std::string> a = {}, std::vector<Msg> ma = {})
        : msg(m), args(std::move(a)), msg_args(std::move(ma)) {}
    std::string text(Lang lang) const; // "" for no label
    std::string text() const { return text(language()); }
    bool operator==(const UndoLabel&) const = default;
};

// What the store must do for one document since the last take_dirty().
struct DirtyEntry {
    std::string id;
    bool deleted = false;
    bool urgent = false; // from an import: the store writes it without waiting for typing to pause
};

using DocumentPtr = std::shared_ptr<const Document>;

class Workspace {
  public:
    explicit Workspace(Environment env = Environment::system());

    // Documents in a stable order (creation time, then id). Pointers stay valid until the next change.
    std::vector<const Document*> documents() const;
    std::vector<const Document*> documents_of(DocKind kind) const;
    const Document* find(std::string_view id) const;
    // The committed version itself, shared: stays valid (and unchanged) after later edits.
    DocumentPtr find_shared(std::string_view id) const;
    std::size_t size() const { return docs_.size(); }
    // Grows with every change (load, edit, create, remove, undo, redo, import): views keep what they
    // derive from the documents (sorted, filtered lists) until it moves.
    std::uint64_t generation() const { return generation_; }

    // Loading from storage: no undo, no dirty marks, no revision change.
    void load(std::vector<Document> docs);

    // Creates a document of `kind` for `year`, empty or with `body` (checked as an edit is; refused
    // with refusal() saying why); returns its id, or "" when nothing was created.
    std::string create(DocKind kind, std::string title, std::string unit, int year, BodyPtr body = nullptr);
    // Copies a document under a new id, title suffixed by the caller; returns the new id or "".
    std::string duplicate(std::string_view id, std::string title);
    bool remove(std::string_view id);

    // The one way to change a document. `change` runs on a copy (whose body is shared: a kind's edit
    // helper replaces it); if the copy differs afterwards and the kind's validation accepts it, the
    // revision advances, `updated` is stamped, undo is recorded under `label` and the id is dirty.
    // Returns false (and changes nothing) when the id is unknown, nothing changed, the tab is
    // read-only, or the result is invalid: then refusal() says why, with exact places.
    // Only content changes count (kind, title, unit, year, status, body); id, revision and timestamps
    // are the workspace's. So that every document can be exported and read back, title and unit are
    // made UTF-8 (repair_utf8) and cut to kMaxTitleChars, and the year is clamped to kMinYear–kMaxYear.
    // Typing (`typing` true): consecutive edits of one document under an equal label are one undo
    // step and one revision (an edit per keystroke, one step per field), until anything else
    // happens: another label or document, create, remove, import, undo or redo. A discrete action
    // (a choice, a drag) passes false and is always a step and a revision of its own.
    bool edit(std::string_view id, UndoLabel label, FunctionRef<void(Document&)> change, bool typing = true);
    // Why the last edit was refused (empty after one that was not).
    const std::vector<ValidationError>& refusal() const { return refusal_; }
    // Ends a typing burst: the next keystroke is a revision and an undo step of its own. Called when
    // the document leaves the app (export), so that what is typed afterwards reaches the other side
    // as an update of what it received.
    void end_burst() { coalescing_ = false; }

    // Puts documents from an import in place as they are (revision kept, not advanced); undoable
    // as one step. Used by apply_import only. When an id occurs twice, the later document wins.
    void put_all(std::vector<Document> docs, UndoLabel label);

    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    // The step undo() would take back, in the current language ("" when none).
    std::string undo_label() const;
    // Names the step undo() would take back (0: none), so a confirmation's Ångra can check that its
    // own step is still the one on top.
    std::uint64_t undo_serial() const { return undo_.empty() ? 0 : undo_.back().serial; }
    std::string redo_label() const;
    // Undo and redo restore content, but the revision always moves forward from the current one
    // (a restored old revision would look like "no change" to a replica that already saw it).
    bool undo();
    bool redo();

    std::vector<DirtyEntry> take_dirty();
    bool has_dirty() const { return !dirty_.empty(); }

    // A tab that may not write (another tab holds the lock) refuses every change, whatever the UI does.
    void set_read_only(bool ro) { read_only_ = ro; }
    bool read_only() const { return read_only_; }

    // Ids of stored documents that could not be read: nothing may take their place in storage, so an
    // import of a document with such an id is stored as a copy under a new id (apply_import).
    void set_held(std::set<std::string, std::less<>> ids) { held_ = std::move(ids); }
    bool is_held(std::string_view id) const { return held_.count(id) > 0; }

    // Listeners are called after every change (load, edit, create, remove, undo, redo, import).
    using Listener = std::function<void()>;
    int subscribe(Listener listener);
    void unsubscribe(int token);
    const Environment& env() const { return env_; }

  private:
    // One undoable step: the state of each touched document before and after (nullopt = absent).
    struct Step {
        UndoLabel label;
        std::vector<std::pair<DocumentPtr, DocumentPtr>> changes; // before, after (null = absent)
        std::uint64_t serial = 0; // unique per step, kept through undo and redo; set by record()
    };
    void apply_states(Step& step, bool forward);
    void record(Step step);
    void set_doc(const std::string& id, DocumentPtr doc);
    void mark(const std::string& id, bool deleted, bool urgent = false);
    void changed();

    Environment env_;
    std::uint64_t generation_ = 0;
    std::uint64_t next_serial_ = 1;
    std::map<std::string, DocumentPtr, std::less<>> docs_;
    std::vector<Step> undo_;
    std::vector<Step> redo_;
    std::map<std::string, DirtyEntry, std::less<>> dirty_;
    mutable std::vector<const Document*> order_; // documents() is asked for every frame
    mutable bool order_valid_ = false;
    bool coalescing_ = false; // the last undo step is an edit that the next same edit may extend
    bool read_only_ = false;
    std::set<std::string, std::less<>> held_;
    std::vector<ValidationError> refusal_;
    std::vector<std::pair<int, Listener>> listeners_;
    int next_token_ = 1;
    static constexpr std::size_t kMaxUndo = 200;
};

} // namespace kvh::core
