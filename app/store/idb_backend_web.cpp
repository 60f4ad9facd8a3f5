// IdbBackend: the C++ half of web/lib_idb.js. Requests carry a context number; the JS answers
// through the exported kvh_idb_* functions below, which find and run the pending callback.
// A null string from the JS means it could not get wasm memory for it (see KvhIdb.withStrings).
#include "idb_backend_web.hpp"

#include "core/messages.hpp"

#include <emscripten/emscripten.h>
#include <map>
#include <string_view>

extern "C" {
void kvh_idb_load_all(int ctx, int with_items);
void kvh_idb_batch_put(int ctx, int items, const char* key, const char* value, std::size_t size);
void kvh_idb_batch_delete(int ctx, int items, const char* key);
void kvh_idb_batch_delete_items_of(int ctx, const char* id);
void kvh_idb_batch_commit(int ctx);
void kvh_idb_load_settings(int ctx);
void kvh_idb_save_settings(int ctx, const char* json);
void kvh_idb_listen();
void kvh_idb_claim_writer();
void kvh_idb_announce(const char* id);
void kvh_idb_persist();
}

namespace kvh::store {
namespace {

struct Record {
    std::string key;
    std::string text;
};
using Answer = std::function<void(std::vector<Record>, bool ok, const std::string& reason)>;

struct Pending {
    std::vector<Record> records; // heads, and items (their keys hold a '/')
    bool out_of_memory = false;  // a record could not be copied into wasm memory: the read failed
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

// The records of a read as documents: heads first, then each item with the document its key names.
Answer answer_load(Loaded done) {
    return [done](std::vector<Record> records, bool ok, const std::string& reason) {
        if (!ok) return done({}, explain(reason));
        std::vector<StoredDocument> docs;
        std::map<std::string, std::size_t, std::less<>> index;
        for (Record& r : records)
            if (r.key.find('/') == std::string::npos) {
                index.emplace(r.key, docs.size());
                docs.push_back({std::move(r.key), std::move(r.text), {}});
            }
        for (Record& r : records) {
            const auto slash = r.key.find('/');
            if (slash == std::string::npos) continue;
            // An item whose head is gone belongs to no document: a removal that completed only in part
            // cannot happen (one transaction), so this is left alone rather than guessed at.
            if (const auto it = index.find(std::string_view(r.key).substr(0, slash)); it != index.end())
                docs[it->second].items.push_back(std::move(r.text));
        }
        done(std::move(docs), "");
    };
}

} // namespace

void IdbBackend::load_all(Loaded done) {
    kvh_idb_load_all(enqueue(answer_load(std::move(done))), 1);
}

void IdbBackend::load_heads(Loaded done) {
    kvh_idb_load_all(enqueue(answer_load(std::move(done))), 0);
}

void IdbBackend::write(WriteBatch batch, Done done) {
    const int ctx =
        enqueue([done](auto, bool ok, const std::string& reason) { answer_write(done, ok, reason); });
    for (const std::string& id : batch.remove_docs) {
        kvh_idb_batch_delete(ctx, 0, id.c_str());
        kvh_idb_batch_delete_items_of(ctx, id.c_str());
    }
    for (const WriteBatch::Doc& d : batch.docs) {
        kvh_idb_batch_put(ctx, 0, d.id.c_str(), d.head.data(), d.head.size());
        if (d.replace_items) kvh_idb_batch_delete_items_of(ctx, d.id.c_str());
        for (const auto& [item, text] : d.put_items)
            kvh_idb_batch_put(ctx, 1, (d.id + "/" + item).c_str(), text.data(), text.size());
    }
    kvh_idb_batch_commit(ctx);
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
