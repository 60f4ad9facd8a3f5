// The IndexedDB backend (web only): one record per document in the object store "documents" of the
// database "kvalitetshjul", readwrite transactions with strict durability, success reported on
// `complete` only. The JavaScript half is web/lib_idb.js. Also the tab lock: one writer per origin
// (Web Locks); other tabs are told they are read-only, and every tab hears of each write
// (BroadcastChannel).
#pragma once

#include "backend.hpp"

#include <functional>
#include <string>
#include <vector>

namespace kvh::store {

class IdbBackend final : public Backend {
  public:
    // One stored record: its key (the document id it was written under) and its text.
    struct Record {
        std::string key;
        std::string text;
    };
    // Every record with its key, read in one transaction; or the reason the read failed.
    void load_records(std::function<void(std::vector<Record> records, const std::string& error)> done);

    void load_all(Loaded done) override;
    void put(const std::string& id, const std::string& json, Done done) override;
    void remove(const std::string& id, Done done) override;

    // Starts hearing of other tabs' writes: `on_remote_write(id)` for each document another tab has
    // written. Call before the first load, so that no write after that load began goes unheard.
    void listen(std::function<void(const std::string& id)> on_remote_write);
    // Asks for the writer lock; `on_role(true)` when this tab may write, `on_role(false)` when another
    // tab holds it (then `on_role(true)` once that tab has closed).
    void claim_writer(std::function<void(bool writer)> on_role);
    // Tells other tabs that `id` was written.
    void announce_write(const std::string& id);
    // Asks the browser to keep our storage (navigator.storage.persist); only the first call asks.
    void request_persistence();

    // Settings are a small separate record ("settings") in the same database.
    void load_settings(std::function<void(const std::string& json)> done);
    void save_settings(const std::string& json);

  private:
    bool persistence_asked_ = false;
};

} // namespace kvh::store
