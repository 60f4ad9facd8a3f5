// The workspace: documents in memory, the one edit API, undo/redo and dirty tracking for the store.
#include "workspace.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace kvh::core {

namespace {

void copy_content(Document& to, const Document& from) {
    to.kind = from.kind;
    to.title = from.title;
    to.unit = from.unit;
    to.year = from.year;
    to.status = from.status;
    to.body = from.body;
}

void keep_valid(Document& d) {
    // Broken bytes first: an export writes each as U+FFFD, a character that the limit must count.
    repair_utf8(d.title);
    repair_utf8(d.unit);
    limit_chars(d.title, kMaxTitleChars);
    limit_chars(d.unit, kMaxTitleChars);
    d.year = std::clamp(d.year, kMinYear, kMaxYear);
}

} // namespace

Environment Environment::system() {
    Environment env;
    env.now_iso = [] {
        using namespace std::chrono;
        const auto now = floor<seconds>(system_clock::now());
        const auto day = floor<days>(now);
        const year_month_day ymd{day};
        const hh_mm_ss hms{now - day};
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                      static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                      static_cast<int>(hms.seconds().count()));
        return std::string(buf);
    };
    std::random_device rd;
    std::seed_seq seed{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
    auto gen = std::make_shared<std::mt19937_64>(seed);
    env.random_u64 = [gen] { return (*gen)(); };
    return env;
}

namespace {

std::string uuid_text(std::uint64_t hi, std::uint64_t lo, unsigned version) {
    unsigned char b[16];
    for (int i = 0; i < 8; ++i) {
        b[i] = static_cast<unsigned char>(hi >> (56 - 8 * i));
        b[8 + i] = static_cast<unsigned char>(lo >> (56 - 8 * i));
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | (version << 4));
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80); // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[b[i] >> 4];
        out += kHex[b[i] & 0x0F];
    }
    return out;
}

} // namespace

std::string new_uuid_v4(const Environment& env) {
    const std::uint64_t hi = env.random_u64(), lo = env.random_u64();
    return uuid_text(hi, lo, 4);
}

std::string name_based_uuid(std::string_view name) {
    // FNV-1a alone leaves names that differ in their last character with ids that differ in a few
    // digits; splitmix64's finaliser spreads every bit over the whole id.
    const auto spread = [](std::uint64_t z) {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
    const std::uint64_t hi = spread(fnv1a64(name)), lo = spread(fnv1a64(name, fnv1a64("kvh\n")));
    return uuid_text(hi, lo, 8);
}

std::string UndoLabel::text(Lang lang) const {
    if (msg == Msg::count_) return {};
    std::vector<std::string> all = args;
    for (Msg m : msg_args) all.emplace_back(tr(m, lang));
    return fmt(msg, lang, all);
}

bool is_uuid(std::string_view t) {
    if (t.size() != 36) return false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (t[i] != '-') return false;
        } else if (!((t[i] >= '0' && t[i] <= '9') || (t[i] >= 'a' && t[i] <= 'f'))) {
            return false;
        }
    }
    return true;
}

Workspace::Workspace(Environment env) : env_(std::move(env)) {
    // A test may supply only the clock or only the randomness; a missing one must not throw later.
    if (!env_.now_iso || !env_.random_u64) {
        Environment sys = Environment::system();
        if (!env_.now_iso) env_.now_iso = std::move(sys.now_iso);
        if (!env_.random_u64) env_.random_u64 = std::move(sys.random_u64);
    }
}

std::vector<const Document*> Workspace::documents() const {
    if (!order_valid_) {
        order_.clear();
        order_.reserve(docs_.size());
        for (const auto& [id, doc] : docs_) order_.push_back(doc.get());
        std::stable_sort(order_.begin(), order_.end(),
                         [](const Document* a, const Document* b) { return a->created < b->created; });
        order_valid_ = true;
    }
    return order_;
}

std::vector<const Document*> Workspace::documents_of(DocKind kind) const {
    std::vector<const Document*> out;
    for (const Document* d : documents())
        if (d->kind == kind) out.push_back(d);
    return out;
}

const Document* Workspace::find(std::string_view id) const {
    const auto it = docs_.find(id);
    return it == docs_.end() ? nullptr : it->second.get();
}

DocumentPtr Workspace::find_shared(std::string_view id) const {
    const auto it = docs_.find(id);
    return it == docs_.end() ? nullptr : it->second;
}

void Workspace::load(std::vector<Document> docs) {
    docs_.clear();
    for (auto& d : docs) {
        if (!d.body) d.body = kind_spec(d.kind).empty();
        std::string id = d.id;
        docs_.insert_or_assign(std::move(id), std::make_shared<const Document>(std::move(d)));
    }
    undo_.clear();
    redo_.clear();
    dirty_.clear();
    coalescing_ = false;
    order_valid_ = false;
    changed();
}

std::string Workspace::create(DocKind kind, std::string title, std::string unit, int year, BodyPtr body) {
    refusal_.clear();
    if (read_only_) return "";
    Document d = make_document(kind);
    if (body) {
        if (body->kind() != kind || !kind_spec(kind).validate(*body, nullptr, "body", refusal_)) {
            if (refusal_.empty())
                refusal_.push_back(
                    {"body", Msg::err_wrong_type, {}, {Msg::json_type_object, Msg::json_type_null}});
            return "";
        }
        d.body = std::move(body);
    }
    d.id = new_uuid_v4(env_);
    d.title = std::move(title);
    d.unit = std::move(unit);
    d.year = year;
    keep_valid(d);
    d.created = d.updated = env_.now_iso();
    advance_revision(d);
    const std::string id = d.id;
    auto doc = std::make_shared<const Document>(std::move(d));
    set_doc(id, doc);
    mark(id, false);
    record({Msg::doc_undo_create, {{nullptr, doc}}});
    changed();
    return id;
}

std::string Workspace::duplicate(std::string_view id, std::string title) {
    const Document* original = find(id);
    if (!original || read_only_) return "";
    Document d = *original;
    d.id = new_uuid_v4(env_);
    d.title = std::move(title);
    keep_valid(d);
    d.created = d.updated = env_.now_iso();
    // The copy starts its own history: sharing the original's would make a replica see one document.
    d.rev = {};
    d.ancestors.clear();
    advance_revision(d);
    const std::string new_id = d.id;
    auto doc = std::make_shared<const Document>(std::move(d));
    set_doc(new_id, doc);
    mark(new_id, false);
    record({Msg::doc_undo_duplicate, {{nullptr, doc}}});
    changed();
    return new_id;
}

bool Workspace::remove(std::string_view id) {
    DocumentPtr before = find_shared(id);
    if (!before || read_only_) return false;
    const std::string key = before->id;
    set_doc(key, nullptr);
    mark(key, true);
    record({Msg::doc_undo_remove, {{std::move(before), nullptr}}});
    changed();
    return true;
}

bool Workspace::edit(std::string_view id, UndoLabel label, FunctionRef<void(Document&)> change, bool typing) {
    refusal_.clear();
    const DocumentPtr before = find_shared(id);
    if (!before) return false;
    if (read_only_) {
        refusal_.push_back({"", Msg::err_read_only, {}, {}});
        return false;
    }
    Document next = *before;
    change(next);
    keep_valid(next);
    if (same_content(next, *before)) return false;
    // The kind checks what the edit made before anything is committed: a half-typed date or a score
    // outside the scale is refused here and the view keeps the person's text on screen.
    if (!next.body || next.body->kind() != next.kind) {
        refusal_.push_back({"body", Msg::err_wrong_type, {}, {Msg::json_type_object, Msg::json_type_null}});
        return false;
    }
    const Body* previous = before->body && before->body->kind() == next.kind ? before->body.get() : nullptr;
    if (!kind_spec(next.kind).validate(*next.body, previous, "body", refusal_)) return false;

    Document after = *before;
    copy_content(after, next);
    Step* last = undo_.empty() ? nullptr : &undo_.back();
    const bool coalesce = typing && coalescing_ && last && last->label == label &&
                          last->changes.size() == 1 && last->changes[0].first &&
                          last->changes[0].first->id == after.id;
    if (coalesce) {
        // A burst of typing in one field is one revision, derived from the one before the burst:
        // other devices see a sentence as one step of history, not one per key, so a round trip
        // through a file stays an update instead of running past the ancestors it keeps.
        after.rev = last->changes[0].first->rev;
        after.ancestors = last->changes[0].first->ancestors;
    }
    advance_revision(after);
    after.updated = env_.now_iso();
    auto committed = std::make_shared<const Document>(std::move(after));
    set_doc(committed->id, committed);
    mark(committed->id, false);
    if (coalesce) {
        // Typing back to where the step began leaves nothing to undo.
        if (same_content(*last->changes[0].first, *committed)) {
            undo_.pop_back();
            coalescing_ = false;
        } else {
            last->changes[0].second = std::move(committed);
        }
    } else {
        record({std::move(label), {{before, std::move(committed)}}});
        coalescing_ = true;
    }
    changed();
    return true;
}

void Workspace::put_all(std::vector<Document> docs, UndoLabel label) {
    if (docs.empty() || read_only_) return;
    Step step{std::move(label), {}, 0};
    std::map<std::string, std::size_t, std::less<>> index; // id -> position in step.changes
    for (auto& d : docs) {
        if (!d.body) d.body = kind_spec(d.kind).empty();
        const std::string id = d.id;
        auto doc = std::make_shared<const Document>(std::move(d));
        if (const auto it = index.find(id); it != index.end()) {
            step.changes[it->second].second = doc;
        } else {
            index.emplace(id, step.changes.size());
            step.changes.emplace_back(find_shared(id), doc);
        }
        set_doc(id, std::move(doc));
        mark(id, false, true);
    }
    record(std::move(step));
    changed();
}

std::string Workspace::undo_label() const {
    return undo_.empty() ? std::string() : undo_.back().label.text();
}

std::string Workspace::redo_label() const {
    return redo_.empty() ? std::string() : redo_.back().label.text();
}

bool Workspace::undo() {
    if (undo_.empty() || read_only_) return false;
    Step step = std::move(undo_.back());
    undo_.pop_back();
    apply_states(step, false);
    redo_.push_back(std::move(step));
    coalescing_ = false;
    changed();
    return true;
}

bool Workspace::redo() {
    if (redo_.empty() || read_only_) return false;
    Step step = std::move(redo_.back());
    redo_.pop_back();
    apply_states(step, true);
    undo_.push_back(std::move(step));
    coalescing_ = false;
    changed();
    return true;
}

std::vector<DirtyEntry> Workspace::take_dirty() {
    std::vector<DirtyEntry> out;
    out.reserve(dirty_.size());
    for (const auto& [id, entry] : dirty_) out.push_back(entry);
    dirty_.clear();
    return out;
}

int Workspace::subscribe(Listener listener) {
    listeners_.emplace_back(next_token_, std::move(listener));
    return next_token_++;
}

void Workspace::unsubscribe(int token) {
    std::erase_if(listeners_, [token](const auto& l) { return l.first == token; });
}

void Workspace::apply_states(Step& step, bool forward) {
    for (auto& [before, after] : step.changes) {
        DocumentPtr& target = forward ? after : before;
        DocumentPtr& left = forward ? before : after;
        const std::string id = target ? target->id : left->id;
        const DocumentPtr current = find_shared(id);
        DocumentPtr next;
        if (target && current && same_content(*target, *current)) {
            next = current;
        } else if (target) {
            Document d = current ? *current : *target;
            copy_content(d, *target);
            advance_revision(d);
            d.updated = env_.now_iso();
            next = std::make_shared<const Document>(std::move(d));
        }
        if (next != current) {
            set_doc(id, next);
            mark(id, !next);
        }
        // The step keeps the newest revisions, so the next undo or redo moves forward from them.
        left = current;
        target = std::move(next);
    }
}

void Workspace::record(Step step) {
    coalescing_ = false;
    step.serial = next_serial_++;
    undo_.push_back(std::move(step));
    redo_.clear();
    if (undo_.size() > kMaxUndo) undo_.erase(undo_.begin());
}

void Workspace::set_doc(const std::string& id, DocumentPtr doc) {
    const auto it = docs_.find(id);
    // A new version in the same place of the order (an edit) takes its predecessor's slot: sorting
    // thousands of documents again per keystroke is what this spares.
    if (order_valid_ && doc && it != docs_.end() && it->second->created == doc->created) {
        std::replace(order_.begin(), order_.end(), static_cast<const Document*>(it->second.get()),
                     static_cast<const Document*>(doc.get()));
    } else {
        order_valid_ = false;
    }
    if (!doc)
        docs_.erase(id);
    else if (it != docs_.end())
        it->second = std::move(doc);
    else
        docs_.emplace(id, std::move(doc));
}

void Workspace::mark(const std::string& id, bool deleted, bool urgent) {
    DirtyEntry& e = dirty_[id];
    e.id = id;
    e.deleted = deleted;
    e.urgent = e.urgent || urgent;
}

void Workspace::changed() {
    ++generation_;
    // A listener may subscribe or unsubscribe while being told: call a copy.
    const auto listeners = listeners_;
    for (const auto& [token, listener] : listeners) listener();
}

} // namespace kvh::core
