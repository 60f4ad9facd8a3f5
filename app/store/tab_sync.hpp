// TabSync: keeps the workspace of one tab consistent with what every tab of the app stores, and drives
// the save queue's timer. Browser-independent: the platform hands it the lock's and other tabs' news.
//
// At start, the head records are read first and shown (titles, units, years, statuses; read-only),
// then every record is read after that frame is on screen: a 10 MB workspace shows at once.
//
// One tab holds the writer lock; the others are read-only. When another tab writes, this tab reads
// every stored document again (at most once per kReadIntervalMs), but never while it has edits not
// yet durable: what is stored must not replace them, so the read waits until they are written. A tab
// taking over writing stays read-only until a read that began after it got the lock is in. A failed
// read is retried after kReadRetryMs. Records that cannot be read are held (never overwritten by
// saves) and shown. It does not know of Web Locks, BroadcastChannel, ImGui or the app's screens:
// those stay behind TabSyncHost.
#pragma once

#include "backend.hpp"
#include "core/unreadable.hpp"
#include "core/workspace.hpp"
#include "save_queue.hpp"

#include <functional>
#include <string>
#include <vector>

namespace kvh::store {

// What TabSync needs from its surroundings: a clock with timers, and the effects that are the
// platform's (the browser's, the app's).
class TabSyncHost {
  public:
    virtual ~TabSyncHost() = default;

    // Milliseconds on a monotonic clock.
    virtual double now_ms() = 0;
    // Calls `fire` once, `delay_ms` from now; returns a non-zero id for clear_timeout.
    virtual int set_timeout(double delay_ms, std::function<void()> fire) = 0;
    // Cancels the timer `id`; 0 or a timer that has fired is ignored.
    virtual void clear_timeout(int id) = 0;

    // `text` for the developer's console (why a read failed, which record could not be read).
    virtual void warn(const std::string& text) = 0;
    // Tells other tabs that the document `id` was durably written.
    virtual void announce_write(const std::string& id) = 0;
    // Asks the browser to keep our storage; called after each write, the platform asks once.
    virtual void request_persistence() = 0;
    // Something shown changed: draw `count` frames.
    virtual void request_frames(int count) = 0;
    // Calls `then` once the next frame is on screen (at once where nothing is drawn), so work that
    // blocks (parsing every stored document) comes after what the person can already see.
    virtual void after_frame(std::function<void()> then) = 0;

    // Create the app, once: when the heads are read (the workspace then holds the documents without
    // their items, read-only, while loading_items() is true), or when the first read is in. The
    // first read's workspace is loaded right after (show_unreadable, then app_started).
    virtual void open_app() = 0;
    // After every read that became the workspace: the stored records that could not be read.
    virtual void show_unreadable(std::vector<core::UnreadableRecord> records) = 0;
    // The first read is the workspace: show the save queue's state, or `read_error` when that read
    // failed (non-empty; the app then runs on an empty workspace).
    virtual void app_started(const std::string& read_error) = 0;
    // The save queue's state changed (or its read-only flag): show it.
    virtual void save_state_changed() = 0;
};

// Every stored document as one read found it.
struct ReadDocuments {
    std::vector<core::Document> docs;
    std::vector<std::string> rewrite;               // ids read from an older or worn layout: write them anew
    std::vector<core::UnreadableRecord> unreadable; // held as they are
};

class TabSync {
  public:
    // Remote writes cause at most one read per interval: an import of 10,000 documents in another
    // tab announces each of them.
    static constexpr double kReadIntervalMs = 200;
    static constexpr double kReadRetryMs = 1000; // after a read that failed

    // All four outlive the TabSync. `saves` writes `ws` to `backend`. Once the first read is in,
    // TabSync listens to `ws` and sets `saves`' on_state and on_written: neither may be used after it.
    TabSync(core::Workspace& ws, Backend& backend, SaveQueue& saves, TabSyncHost& host);
    TabSync(const TabSync&) = delete;
    TabSync& operator=(const TabSync&) = delete;

    // Reads the heads and shows them, then begins the first read of everything, which makes the app
    // run. Call once, after the first on_role.
    void start();
    // The writer lock's answers: `writer` false while another tab holds it; true when this tab may
    // write, either at once or after the writing tab has closed. Then this tab's workspace may be
    // older than what that tab wrote last (writes started on pagehide complete after the page is
    // gone and are never announced), so it stays read-only until everything has been read again.
    void on_role(bool writer);
    // Another tab wrote the document `id`: read everything again, in time.
    void on_remote_write(const std::string& id);

    // The first read is in and the app runs.
    bool running() const { return running_; }
    // The workspace holds the documents' heads only, until the first read is in.
    bool loading_items() const { return loading_items_; }
    // Reads of every stored document begun so far (the E2E tests count them).
    unsigned reads() const { return reads_; }

  private:
    // The read step: every stored document, parsed; `done` gets them, or the reason the read failed.
    void read(std::function<void(ReadDocuments, const std::string& error)> done);
    void show_heads(std::vector<StoredDocument> stored);
    void start_read();
    void schedule_read(double delay_ms = 0);
    void start_app(ReadDocuments read, const std::string& error, bool read_as_writer);
    void read_done(ReadDocuments read, const std::string& error, bool read_as_writer);
    void apply_read(ReadDocuments read);
    void enable_writes();
    void read_again_at_once();
    bool local_edits_pending() const;
    bool taking_over() const;
    void tick_saves();
    void arm_save_timer();

    core::Workspace& ws_;
    Backend& backend_;
    SaveQueue& saves_;
    TabSyncHost& host_;
    bool writer_ = false;        // this tab holds the writer lock
    bool running_ = false;       // the first read is in
    bool loading_items_ = false; // the app shows the heads read before it
    // Reading every stored document again: another tab wrote, or this tab took over writing.
    bool read_wanted_ = false;
    bool read_in_flight_ = false;
    double last_read_end_ms_ = -1e9;
    int read_timer_ = 0;
    int save_timer_ = 0; // the save queue's next deadline (debounce, max delay, retry after a failure)
    unsigned reads_ = 0;
};

} // namespace kvh::store
