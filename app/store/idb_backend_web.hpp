// The IndexedDB backend (web only): one record per document in the object store "documents" of the
// database "kvalitetshjul", readwrite transactions with strict durability, success reported on
// `complete` only. The JavaScript half is web/lib_idb.js. Also the tab lock: one writer per origin
// (Web Locks); other tabs are told they are read-only and hear of each write (BroadcastChannel).
#pragma once

#include "backend.hpp"

#include <functional>
#include <string>

namespace kvh::store {

class IdbBackend final : public Backend {
public:
    void load_all(Loaded done) override;
    void put(const std::string& id, const std::string& json, Done done) override;
    void remove(const std::string& id, Done done) override;

    // Asks for the writer lock; `on_role(true)` when this tab may write, `on_role(false)` when another
    // tab holds it (called again with true if that tab closes). `on_remote_write(id)` when another
    // tab has written a document.
    void claim_writer(std::function<void(bool writer)> on_role, std::function<void(const std::string&)> on_remote_write);
    // Tells other tabs that `id` was written.
    void announce_write(const std::string& id);
    // Asks the browser to keep our storage (navigator.storage.persist), once.
    void request_persistence();

    // Settings are a small separate record ("settings") in the same database.
    void load_settings(std::function<void(const std::string& json)> done);
    void save_settings(const std::string& json);
};

} // namespace kvh::store
