// MemoryBackend: the Backend for native tests and tools; answers synchronously, can simulate failure.
#include "backend.hpp"

namespace kvh::store {

// Records come back in id order, so a load is repeatable.
void MemoryBackend::load_all(Loaded done) {
    std::vector<std::string> out;
    out.reserve(records.size());
    for (const auto& [id, json] : records) out.push_back(json);
    done(std::move(out), "");
}

// `writes` counts the requests that reached the disk (puts and removes), not failed attempts.
void MemoryBackend::put(const std::string& id, const std::string& json, Done done) {
    if (!fail_with.empty()) return done(false, fail_with);
    records[id] = json;
    ++writes;
    done(true, "");
}

void MemoryBackend::remove(const std::string& id, Done done) {
    if (!fail_with.empty()) return done(false, fail_with);
    records.erase(id);
    ++writes;
    done(true, "");
}

} // namespace kvh::store
