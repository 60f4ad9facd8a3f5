// Moves edits from the workspace to a Backend: debounced, forced on page hide, an import at once,
// and honest about where things stand (saved / pending / saving / failed with the reason).
// Saving one edit writes only what changed since the version last handed to the backend (the head
// and the changed items of one document, stored_layout.hpp), whatever the document or workspace size;
// everything due is written in one transaction.
#pragma once

#include "backend.hpp"
#include "core/workspace.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace kvh::store {

struct SaveState {
    enum class Kind { saved, pending, saving, failed };
    Kind kind = Kind::saved;
    std::string reason;      // why the last write failed (from the backend), when kind == failed
    std::size_t pending = 0; // documents changed but not yet durably written
    bool operator==(const SaveState&) const = default;
};

class SaveQueue {
  public:
    // Writes start at most `debounce_ms` after the latest edit, and never later than `max_delay_ms`
    // after the first unsaved one, so a user typing steadily is still saved within a second.
    SaveQueue(core::Workspace& ws, Backend& backend, double debounce_ms = 400, double max_delay_ms = 1000);

    // Call after edits and on a timer: takes the workspace's dirty ids and writes when due.
    void tick(double now_ms);
    // Writes everything pending now (page hide, before export), also what changed while an earlier
    // write of the same document is in flight: the backend completes writes of one record in the
    // order they were started (IndexedDB runs overlapping readwrite transactions in order), and an
    // unloading page gets no later chance.
    void flush();
    // After the workspace was loaded from the backend: what it holds is what is stored, except the
    // documents in `rewrite` (read from an older layout), which are written anew at once, together.
    void loaded(const std::vector<std::string>& rewrite);
    // Milliseconds from `now_ms` until tick() has work, or -1 when nothing waits.
    double next_due_in(double now_ms) const;

    const SaveState& state() const { return state_; }
    std::size_t pending_count() const { return state_.pending; }
    std::size_t last_batch_bytes() const { return last_batch_bytes_; } // what the last write carried
    // Set when the writes of this tab are forbidden (another tab holds the lock): nothing is written,
    // and the workspace refuses every change.
    void set_read_only(bool ro) {
        read_only_ = ro;
        ws_.set_read_only(ro);
    }
    bool read_only() const { return read_only_; }
    // Called whenever state() changes (the app shows it and asks for a frame).
    std::function<void(const SaveState&)> on_state;
    // Called after each durable write with the id (the web layer tells other tabs).
    std::function<void(const std::string& id)> on_written;

  private:
    void take_dirty();
    void start_writes();
    void written(const std::string& id, bool deleted, bool ok, const std::string& reason);
    void update_state();

    core::Workspace& ws_;
    Backend& backend_;
    double debounce_ms_, max_delay_ms_;
    std::map<std::string, bool> waiting_;  // id -> deleted, not yet handed to the backend
    std::map<std::string, int> in_flight_; // id -> writes handed to the backend, not yet answered
    std::map<std::string, bool> again_;    // changed again while in flight
    std::set<std::string> failed_;         // last write of these failed; retried after a pause
    std::map<std::string, core::DocumentPtr> base_; // the version last handed to the backend, per id
    bool urgent_ = false;                  // an import (or a move to the new layout) waits: no debounce
    std::size_t last_batch_bytes_ = 0;
    double first_dirty_ms_ = -1, last_dirty_ms_ = -1, retry_at_ms_ = 0, now_ms_ = 0;
    std::string failure_;
    static constexpr double kRetryPauseMs = 5000;
    bool read_only_ = false;
    SaveState state_;
};

} // namespace kvh::store
