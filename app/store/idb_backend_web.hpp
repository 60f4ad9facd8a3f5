// The IndexedDB backend (web only), database "kvalitetshjul" version 2: head records in the object
// store "documents" (key = document id), item records in "items" (key = "<document id>/<item id>"),
// settings in "meta". A batch is one readwrite transaction with strict durability, success reported
// on `complete` only. The JavaScript half is web/lib_idb.js. Also the tab lock: one writer per
// origin (Web Locks); other tabs are told they are read-only, and every tab hears of each write
// (BroadcastChannel).
#pragma once

#include "backend.hpp"

#include <functional>
#include <string>
#include <vector>

namespace kvh::store {

class IdbBackend final : public Backend {
  public:
    // Every document's records, read in one transaction; or the reason the read failed.
    void load_all(Loaded done) override;
    void load_heads(Loaded done) override;
    void write(WriteBatch batch, Done done) override;

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
