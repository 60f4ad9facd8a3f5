// MemoryBackend: the Backend for native tests and tools; answers synchronously or when told, can
// simulate failures.
#include "backend.hpp"

namespace kvh::store {

// Documents come back in id order, items in item id order, so a load is repeatable.
void MemoryBackend::load_all(Loaded done) {
    load(std::move(done), true, hold_loads);
}

void MemoryBackend::load_heads(Loaded done) {
    load(std::move(done), false, false); // only reads of everything are held
}

void MemoryBackend::load(Loaded done, bool with_items, bool hold) {
    std::vector<StoredDocument> out;
    if (load_fail_with.empty()) {
        out.reserve(heads.size());
        for (const auto& [id, head] : heads) {
            StoredDocument d{id, head, {}};
            if (const auto it = items.find(id); with_items && it != items.end())
                for (const auto& [item_id, text] : it->second) d.items.push_back(text);
            out.push_back(std::move(d));
        }
    }
    auto answer = [done, out = std::move(out), error = load_fail_with]() mutable {
        done(std::move(out), error);
    };
    if (hold)
        held_loads_.push_back(std::move(answer));
    else
        answer();
}

void MemoryBackend::release_loads() {
    // An answer may ask for the next read: that one waits for the next release.
    std::vector<std::function<void()>> answers;
    answers.swap(held_loads_);
    for (auto& answer : answers) answer();
}

void MemoryBackend::write(WriteBatch batch, Done done) {
    if (!fail_with.empty()) return done(false, fail_with);
    bytes_written += batch.bytes();
    for (const auto& id : batch.remove_docs) {
        heads.erase(id);
        items.erase(id);
    }
    for (auto& d : batch.docs) {
        heads[d.id] = std::move(d.head);
        auto& mine = items[d.id];
        if (d.replace_items) mine.clear();
        for (auto& [id, text] : d.put_items) mine[id] = std::move(text);
        if (mine.empty()) items.erase(d.id);
    }
    ++writes;
    done(true, "");
}

} // namespace kvh::store
