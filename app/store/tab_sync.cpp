// TabSync: reading what every tab stored, when and whether it may replace this tab's workspace, and
// when this tab may write (see tab_sync.hpp).
#include "tab_sync.hpp"

#include "stored_layout.hpp"

#include <algorithm>
#include <set>

namespace kvh::store {

TabSync::TabSync(core::Workspace& ws, Backend& backend, SaveQueue& saves, TabSyncHost& host)
    : ws_(ws), backend_(backend), saves_(saves), host_(host) {}

// [SECTION] Reading

// Reads and parses every stored document, with the bounds of an imported file (size, depth, number
// of values). A document whose records do not parse or validate is reported (console, and shown)
// and left in storage as it is; the rest of the workspace still opens.
void TabSync::read(std::function<void(ReadDocuments, const std::string& error)> done) {
    backend_.load_all([this, done](std::vector<StoredDocument> stored, const std::string& error) {
        ReadDocuments out;
        out.docs.reserve(stored.size());
        for (StoredDocument& record : stored) {
            ReadResult r = read_stored(record);
            if (r.doc) {
                if (r.rewrite) out.rewrite.push_back(r.doc->id);
                out.docs.push_back(std::move(*r.doc));
                continue;
            }
            std::string why =
                "Kvalitetshjul: the stored record \"" + record.id + "\" could not be read and was set aside";
            for (const core::ValidationError& e : r.errors) why += "\n  " + e.text(core::Lang::en);
            host_.warn(why);
            out.unreadable.push_back(core::describe_unreadable(std::move(record.id), record.head,
                                                               record.items, std::move(r.errors)));
        }
        done(std::move(out), error);
    });
}

// One read of every stored document. The first starts the app; the later ones go to read_done.
void TabSync::start_read() {
    read_wanted_ = false;
    read_in_flight_ = true;
    reads_++;
    const bool as_writer = writer_;
    read([this, as_writer](ReadDocuments docs, const std::string& error) {
        read_in_flight_ = false;
        last_read_end_ms_ = host_.now_ms();
        if (!running_)
            start_app(std::move(docs), error, as_writer);
        else
            read_done(std::move(docs), error, as_writer);
    });
}

// Asks for another read: at once when the last one ended kReadIntervalMs ago (and `delay_ms` is 0),
// else by a timer; never two at a time, and not while this tab has edits to write first (unless it
// is taking over, which it cannot have). Until the app runs, the first read picks the wish up.
void TabSync::schedule_read(double delay_ms) {
    read_wanted_ = true;
    if (!running_ || read_in_flight_ || read_timer_) return;
    if (local_edits_pending() && !taking_over()) return;
    const double wait = std::max(delay_ms, last_read_end_ms_ + kReadIntervalMs - host_.now_ms());
    if (wait <= 0) {
        start_read();
        return;
    }
    read_timer_ = host_.set_timeout(wait, [this] {
        read_timer_ = 0;
        schedule_read();
    });
}

// The next read is wanted at once, whatever the interval: what was read before may be older than
// what the tab that held the lock wrote last.
void TabSync::read_again_at_once() {
    read_wanted_ = true;
    host_.clear_timeout(read_timer_);
    read_timer_ = 0;
    last_read_end_ms_ = -1e9;
}

// Edits of this tab not yet durably written: what is stored must not replace them.
bool TabSync::local_edits_pending() const {
    return saves_.pending_count() > 0 || ws_.has_dirty();
}

// This tab got the lock and waits for a read that began after that. Being read-only, it has no
// edits of its own: the workspace refuses them.
bool TabSync::taking_over() const {
    return writer_ && saves_.read_only();
}

// [SECTION] What a read found

// What was read becomes the workspace; the unreadable records are held and shown. Held records stay
// in storage as they are: nothing here rewrites or deletes them, and a document imported later
// under the same id comes in as a copy (core::apply_import).
void TabSync::apply_read(ReadDocuments read) {
    ws_.load(std::move(read.docs));
    std::set<std::string, std::less<>> held;
    for (const core::UnreadableRecord& r : read.unreadable) held.insert(r.id);
    ws_.set_held(std::move(held));
    host_.show_unreadable(std::move(read.unreadable));
    saves_.loaded(read.rewrite);
}

void TabSync::start_app(ReadDocuments read, const std::string& error, bool read_as_writer) {
    running_ = true;
    if (!loading_items_) host_.open_app();
    loading_items_ = false;
    saves_.set_read_only(!(writer_ && read_as_writer));
    apply_read(std::move(read));
    host_.app_started(error);

    ws_.subscribe([this] {
        host_.request_frames(3);
        tick_saves();
    });
    saves_.on_state = [this](const SaveState&) {
        host_.save_state_changed();
        arm_save_timer();
        host_.request_frames(3);
        if (read_wanted_ && !local_edits_pending()) schedule_read(); // deferred for this tab's edits
    };
    saves_.on_written = [this](const std::string& id) {
        host_.announce_write(id);
        host_.request_persistence();
    };
    if (writer_ && !read_as_writer) read_again_at_once(); // the lock came during the first read
    if (read_wanted_) schedule_read();
    host_.request_frames(3);
}

// What a read found, once the app is running. A tab taking over writing shows what is stored and may
// write once a read that began after it got the lock is in. Otherwise what is stored replaces what
// is shown, unless this tab has edits not yet written: then the read is repeated once they are
// (saves.on_state).
void TabSync::read_done(ReadDocuments read, const std::string& error, bool read_as_writer) {
    const bool was_taking_over = taking_over();
    if (!error.empty()) {
        host_.warn("Kvalitetshjul: reading the stored documents failed: " + error);
        schedule_read(kReadRetryMs);
        return;
    }
    if (!was_taking_over && local_edits_pending()) {
        read_wanted_ = true;
        return;
    }
    apply_read(std::move(read));
    host_.request_frames(3);
    if (was_taking_over && read_as_writer) enable_writes();
    // Began before the lock was ours: the last writes of the tab that closed may have come after it.
    if (was_taking_over && !read_as_writer) read_again_at_once();
    if (read_wanted_) schedule_read();
}

void TabSync::enable_writes() {
    saves_.set_read_only(false);
    host_.save_state_changed();
    tick_saves();
    host_.request_frames(3);
}

// [SECTION] The writer lock and other tabs

void TabSync::start() {
    backend_.load_heads([this](std::vector<StoredDocument> stored, const std::string& error) {
        // Nothing stored, or the read failed: the first read of everything decides what is shown.
        if (error.empty() && !stored.empty()) show_heads(std::move(stored));
        host_.after_frame([this] { start_read(); });
    });
}

// The documents as their heads describe them, without their items: read-only, so nothing can be
// changed that is not fully read. A head that does not read is left to the first full read to report.
void TabSync::show_heads(std::vector<StoredDocument> stored) {
    std::vector<core::Document> docs;
    docs.reserve(stored.size());
    for (const StoredDocument& record : stored)
        if (ReadResult r = read_stored(record); r.doc) docs.push_back(std::move(*r.doc));
    loading_items_ = true;
    host_.open_app();
    saves_.set_read_only(true);
    ws_.load(std::move(docs));
    host_.save_state_changed();
    host_.request_frames(3);
}

void TabSync::on_role(bool writer) {
    writer_ = writer;
    if (!writer || !running_) return; // not running yet: start_app sees the role
    read_again_at_once();
    schedule_read(); // at once, or after the read in flight (read_done reads again)
}

void TabSync::on_remote_write(const std::string&) {
    schedule_read();
}

// [SECTION] The save queue's timer

// One timer for the queue's next deadline. Re-armed whenever the queue's state changes too: a write
// that completes may leave new work waiting.
void TabSync::tick_saves() {
    saves_.tick(host_.now_ms());
    arm_save_timer();
}

void TabSync::arm_save_timer() {
    host_.clear_timeout(save_timer_);
    save_timer_ = 0;
    const double due = saves_.next_due_in(host_.now_ms());
    if (due < 0) return;
    save_timer_ = host_.set_timeout(due, [this] {
        save_timer_ = 0;
        tick_saves();
    });
}

} // namespace kvh::store
