// IdbBackend: the C++ half of web/lib_idb.js. Requests carry a context number; the JS answers
// through the exported kvh_idb_* functions below, which find and run the pending callback.
// A null string from the JS means it could not get wasm memory for it (see KvhIdb.withStrings).
#include "idb_backend_web.hpp"

#include "core/messages.hpp"

#include <emscripten/emscripten.h>
#include <map>
#include <string_view>

extern "C" {
void kvh_idb_load_all(int ctx);
void kvh_idb_put(int ctx, const char* id, const char* json);
void kvh_idb_remove(int ctx, const char* id);
void kvh_idb_load_settings(int ctx);
void kvh_idb_save_settings(int ctx, const char* json);
void kvh_idb_listen();
void kvh_idb_claim_writer();
void kvh_idb_announce(const char* id);
void kvh_idb_persist();
}

namespace kvh::store {
namespace {

using Answer = std::function<void(std::vector<IdbBackend::Record>, bool ok, const std::string& reason)>;

struct Pending {
    std::vector<IdbBackend::Record> records;
    bool out_of_memory = false; // a record could not be copied into wasm memory: the read failed
    Answer done;
};
std::map<int, Pending> g_pending;
int g_next_ctx = 1;
std::function<void(bool)> g_on_role;
std::function<void(const std::string&)> g_on_remote_write;

int enqueue(Answer done) {
    const int ctx = g_next_ctx++;
    g_pending[ctx].done = std::move(done);
    return ctx;
}

// The browser's reason ("QuotaExceededError: …") in words a user can act on.
std::string explain(std::string_view raw) {
    using core::Msg;
    auto starts = [&](std::string_view p) { return raw.substr(0, p.size()) == p; };
    if (starts("QuotaExceededError")) return core::tr(Msg::store_err_quota);
    if (starts("NoIndexedDB") || starts("InvalidStateError") || starts("SecurityError"))
        return core::tr(Msg::store_err_unavailable);
    if (starts("Blocked") || starts("VersionError")) return core::tr(Msg::store_err_blocked);
    return core::fmt(Msg::store_err_other, {raw});
}

void answer_write(const Done& done, bool ok, const std::string& reason) {
    done(ok, ok ? std::string() : explain(reason));
}

} // namespace

void IdbBackend::load_records(std::function<void(std::vector<Record>, const std::string&)> done) {
    kvh_idb_load_all(enqueue([done](std::vector<Record> records, bool ok, const std::string& reason) {
        if (!ok) records.clear();
        done(std::move(records), ok ? std::string() : explain(reason));
    }));
}

void IdbBackend::load_all(Loaded done) {
    load_records([done](std::vector<Record> records, const std::string& error) {
        std::vector<std::string> texts;
        texts.reserve(records.size());
        for (Record& r : records) texts.push_back(std::move(r.text));
        done(std::move(texts), error);
    });
}

void IdbBackend::put(const std::string& id, const std::string& json, Done done) {
    kvh_idb_put(enqueue([done](auto, bool ok, const std::string& reason) { answer_write(done, ok, reason); }),
                id.c_str(), json.c_str());
}

void IdbBackend::remove(const std::string& id, Done done) {
    kvh_idb_remove(
        enqueue([done](auto, bool ok, const std::string& reason) { answer_write(done, ok, reason); }),
        id.c_str());
}

void IdbBackend::load_settings(std::function<void(const std::string&)> done) {
    kvh_idb_load_settings(enqueue([done](std::vector<Record> records, bool ok, const std::string&) {
        done(ok && !records.empty() ? records.front().text : std::string());
    }));
}

void IdbBackend::save_settings(const std::string& json) {
    kvh_idb_save_settings(enqueue([](auto, bool, const std::string&) {}), json.c_str());
}

void IdbBackend::listen(std::function<void(const std::string&)> on_remote_write) {
    g_on_remote_write = std::move(on_remote_write);
    kvh_idb_listen();
}

void IdbBackend::claim_writer(std::function<void(bool)> on_role) {
    g_on_role = std::move(on_role);
    kvh_idb_claim_writer();
}

void IdbBackend::announce_write(const std::string& id) {
    kvh_idb_announce(id.c_str());
}

void IdbBackend::request_persistence() {
    if (persistence_asked_) return;
    persistence_asked_ = true;
    kvh_idb_persist();
}

} // namespace kvh::store

extern "C" {
EMSCRIPTEN_KEEPALIVE void kvh_idb_record(int ctx, const char* key, const char* text) {
    auto it = kvh::store::g_pending.find(ctx);
    if (it == kvh::store::g_pending.end()) return;
    if (!key || !text)
        it->second.out_of_memory = true;
    else
        it->second.records.push_back({key, text});
}
EMSCRIPTEN_KEEPALIVE void kvh_idb_done(int ctx, int ok, const char* reason) {
    auto it = kvh::store::g_pending.find(ctx);
    if (it == kvh::store::g_pending.end()) return;
    kvh::store::Pending p = std::move(it->second);
    kvh::store::g_pending.erase(it);
    if (p.out_of_memory)
        p.done({}, false, "OutOfMemory: a stored record does not fit in memory");
    else
        p.done(std::move(p.records), ok != 0, reason ? reason : "");
}
EMSCRIPTEN_KEEPALIVE void kvh_idb_role(int writer) {
    if (kvh::store::g_on_role) kvh::store::g_on_role(writer != 0);
}
EMSCRIPTEN_KEEPALIVE void kvh_idb_remote_write(const char* id) {
    if (kvh::store::g_on_remote_write) kvh::store::g_on_remote_write(id ? id : "");
}
}
