// Where documents are kept: one record per document, written asynchronously, success reported
// only once the write is durable. IndexedDB on the web (idb_backend_web.cpp), memory natively.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace kvh::store {

// Called exactly once per request: ok, or the reason it failed (quota, blocked, private mode…).
using Done = std::function<void(bool ok, const std::string& reason)>;
using Loaded = std::function<void(std::vector<std::string> records, const std::string& error)>;

class Backend {
public:
    virtual ~Backend() = default;
    virtual void load_all(Loaded done) = 0;
    virtual void put(const std::string& id, const std::string& json, Done done) = 0;
    virtual void remove(const std::string& id, Done done) = 0;
};

// Keeps records in memory and answers at once; tests set `fail_with` to simulate a full disk.
class MemoryBackend final : public Backend {
public:
    void load_all(Loaded done) override;
    void put(const std::string& id, const std::string& json, Done done) override;
    void remove(const std::string& id, Done done) override;

    std::map<std::string, std::string> records;
    std::string fail_with; // non-empty: every write fails with this reason
    int writes = 0;
};

} // namespace kvh::store
