// SaveQueue: debounced per-document writes with an honest status (see save_queue.hpp).
#include "save_queue.hpp"

#include "core/exchange_format.hpp"

#include <algorithm>
#include <vector>

namespace kvh::store {

SaveQueue::SaveQueue(core::Workspace& ws, Backend& backend, double debounce_ms, double max_delay_ms)
    : ws_(ws), backend_(backend), debounce_ms_(debounce_ms), max_delay_ms_(max_delay_ms) {}

void SaveQueue::take_dirty() {
    auto dirty = ws_.take_dirty();
    if (dirty.empty()) return;
    for (const auto& d : dirty) (in_flight_.count(d.id) ? again_ : waiting_)[d.id] = d.deleted;
    last_dirty_ms_ = now_ms_;
    if (first_dirty_ms_ < 0) first_dirty_ms_ = now_ms_;
}

void SaveQueue::tick(double now_ms) {
    now_ms_ = now_ms;
    take_dirty();
    if (!read_only_ && !waiting_.empty() && next_due_in(now_ms) == 0) start_writes();
    update_state();
}

void SaveQueue::flush() {
    take_dirty();
    if (read_only_) return update_state();
    waiting_.merge(again_);
    again_.clear();
    if (!waiting_.empty()) start_writes();
    update_state();
}

double SaveQueue::next_due_in(double now_ms) const {
    if (waiting_.empty() || read_only_) return -1;
    double due = std::min(last_dirty_ms_ + debounce_ms_, first_dirty_ms_ + max_delay_ms_);
    due = std::max(due, retry_at_ms_);
    return std::max(0.0, due - now_ms);
}

void SaveQueue::start_writes() {
    // Backends may answer synchronously (MemoryBackend), so hand over a copy and clear first.
    std::vector<std::pair<std::string, bool>> batch(waiting_.begin(), waiting_.end());
    waiting_.clear();
    first_dirty_ms_ = last_dirty_ms_ = -1;
    for (const auto& [id, deleted_mark] : batch) ++in_flight_[id];
    update_state();
    for (const auto& entry : batch) {
        const std::string id = entry.first;
        const core::Document* doc = entry.second ? nullptr : ws_.find(id);
        const bool deleted = doc == nullptr;
        auto done = [this, id, deleted](bool ok, const std::string& reason) {
            written(id, deleted, ok, reason);
        };
        if (deleted)
            backend_.remove(id, done);
        else
            backend_.put(
                id,
                core::document_to_json(*doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                done);
    }
}

void SaveQueue::written(const std::string& id, bool deleted, bool ok, const std::string& reason) {
    if (auto it = in_flight_.find(id); it != in_flight_.end() && --it->second <= 0) in_flight_.erase(it);
    if (ok) {
        failed_.erase(id);
        if (on_written) on_written(id);
    } else {
        failed_.insert(id);
        failure_ = reason;
        retry_at_ms_ = now_ms_ + kRetryPauseMs;
        if (!again_.count(id)) again_[id] = deleted;
    }
    if (auto it = again_.find(id); it != again_.end() && !in_flight_.count(id)) {
        waiting_[id] = it->second;
        again_.erase(it);
        if (first_dirty_ms_ < 0) first_dirty_ms_ = now_ms_;
        last_dirty_ms_ = now_ms_;
    }
    update_state();
}

void SaveQueue::update_state() {
    // waiting_ and in_flight_ never share an id, and again_ only holds ids in flight: O(1), which
    // matters when an import of 10,000 documents reports 10,000 completed writes.
    SaveState next;
    next.pending = waiting_.size() + in_flight_.size();
    if (!failed_.empty()) {
        next.kind = SaveState::Kind::failed;
        next.reason = failure_;
    } else if (!in_flight_.empty()) {
        next.kind = SaveState::Kind::saving;
    } else if (!waiting_.empty()) {
        next.kind = SaveState::Kind::pending;
    }
    if (next == state_) return;
    state_ = next;
    if (on_state) on_state(state_);
}

} // namespace kvh::store
