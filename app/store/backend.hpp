// Where documents are kept: a head record per document (the document with its body's head) and one
// record per item of its body (a riskanalys' risks), so an edit writes what it changed. Writes go in
// batches, one transaction each, all or nothing, reported only once durable. IndexedDB on the web
// (idb_backend_web.cpp), memory natively. How documents become records is in stored_layout.hpp.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace kvh::store {

// One document as read back: its head record and the records of its items, in any order.
struct StoredDocument {
    std::string id;                 // the key the head was written under
    std::string head;               // its text
    std::vector<std::string> items; // the texts of its item records
};

// What one transaction writes.
struct WriteBatch {
    struct Doc {
        std::string id;
        std::string head;
        bool replace_items = false; // remove every stored item record of the document before the puts
        std::vector<std::pair<std::string, std::string>> put_items; // item id ("" for the pack), text
    };
    std::vector<Doc> docs;
    std::vector<std::string> remove_docs; // the head and every item of each
    bool empty() const { return docs.empty() && remove_docs.empty(); }
    std::size_t bytes() const; // the text written, for the benchmark and the tests
};

// Called exactly once per request: ok, or the reason it failed (quota, blocked, private mode…).
using Done = std::function<void(bool ok, const std::string& reason)>;
using Loaded = std::function<void(std::vector<StoredDocument> docs, const std::string& error)>;

class Backend {
  public:
    virtual ~Backend() = default;
    // Every stored document: its head and item records, from one snapshot.
    virtual void load_all(Loaded done) = 0;
    // The head records only (items empty): the start-up shows these before the items are read.
    virtual void load_heads(Loaded done) = 0;
    // Writes the batch in one transaction. Batches complete in the order they were started.
    virtual void write(WriteBatch batch, Done done) = 0;
};

// Keeps records in memory and answers at once; tests set `fail_with` to simulate a full disk, and
// `hold_loads` to keep reads in flight until they say so.
class MemoryBackend final : public Backend {
  public:
    void load_all(Loaded done) override;
    void load_heads(Loaded done) override;
    void write(WriteBatch batch, Done done) override;
    // Answers every read held so far (hold_loads), in the order they were asked, each with what was
    // stored when it was asked (a read that began before a write does not see it).
    void release_loads();

    std::map<std::string, std::string> heads;                        // id -> head text
    std::map<std::string, std::map<std::string, std::string>> items; // id -> item id -> text
    std::string fail_with;      // non-empty: every write fails with this reason
    std::string load_fail_with; // non-empty: every read fails with this reason
    bool hold_loads = false;    // reads of everything answer only at release_loads(); heads at once
    int writes = 0;             // transactions that reached the disk
    std::size_t bytes_written = 0;

  private:
    void load(Loaded done, bool with_items, bool hold);
    std::vector<std::function<void()>> held_loads_;
};

} // namespace kvh::store
