// The exchange file and the per-document JSON: bounded parsing, validation with exact paths,
// migration of older format versions, and export.
#include "exchange_format.hpp"

#include "file_bytes.hpp"
#include "json_check.hpp"
#include "workspace.hpp"

#include <array>
#include <map>

namespace kvh::core {

using nlohmann::json;

namespace {

std::string known_keys_of_statuses() {
    std::string out;
    for (DocStatus s : all_doc_statuses) out += (out.empty() ? "" : ", ") + std::string(status_key(s));
    return out;
}

void read_text(Reader& r, std::string_view key, std::string& out) {
    const std::string* s = r.get_string(key);
    if (!s) return;
    const std::size_t n = utf8_chars(*s);
    if (n > kMaxTitleChars)
        r.add(key, Msg::err_too_long, {std::to_string(n), std::to_string(kMaxTitleChars)});
    else
        out = *s;
}

void read_timestamp(Reader& r, std::string_view key, std::string& out) {
    const std::string* s = r.get_string(key);
    if (!s) return;
    if (is_iso_utc(*s))
        out = *s;
    else
        r.add(key, Msg::err_bad_timestamp, {*s});
}

// Version 2 gave the participants of a riskanalys ids and made their scores name them by id instead of
// by place. The riskanalys reader itself reads the older shape (from_body), because records stored by
// a build of that time carry no format version; so a file needs nothing more here. The version says
// to older builds that they cannot read what this one writes, instead of failing on a score's type.
void participants_by_id(json&) {}

// Version 3 changed the action (statuses planerad/pagar/klar/avbruten and effects ej_uppfoljd/effekt/
// delvis/ingen_effekt became föreslagen … uppföljd and a verdict ja/delvis/nej) and gave the åtgärdsplan
// a model (its body was any JSON object). As with version 2, the readers take the older shapes —
// action_from_json (the mapping and why, in action.cpp) and plan_from_body (action_plan.cpp) — since
// records stored by earlier builds carry no version; a file needs nothing more here.
void actions_of_issue_9(json&) {}

// Version 4 lets a focus area of an årlig genomgång name the action made of it: an object {"text",
// "atgard"} where it was a text. A body keeps keys it does not know, so a new key alone would need no
// version; but an element of another type is an error to a build of format 3, and the version has it
// say "made by a newer version" instead. The reader takes the texts of format 3 as they are.
void focus_area_actions(json&) {}

// Upgrades from version i+1 to i+2 live at index i.
using Migration = void (*)(json& root);
constexpr std::array<Migration, kFormatVersion - 1> kMigrations{participants_by_id, actions_of_issue_9,
                                                                focus_area_actions};

nlohmann::ordered_json ordered(const Document& d) {
    nlohmann::ordered_json j;
    j["id"] = d.id;
    j["kind"] = kind_key(d.kind);
    j["title"] = d.title;
    j["unit"] = d.unit;
    j["year"] = d.year;
    j["status"] = status_key(d.status);
    j["rev"] = d.rev.str();
    j["revisions"] = d.ancestors.list();
    j["created"] = d.created;
    j["updated"] = d.updated;
    j["body"] = nlohmann::ordered_json(d.body ? d.body->to_json() : nlohmann::json::object());
    return j;
}

} // namespace

std::string ValidationError::text(Lang lang) const {
    std::vector<std::string> all = args;
    for (Msg m : msg_args) all.emplace_back(tr(m, lang));
    const std::string message = fmt(what, lang, all);
    return path.empty() ? message : path + ": " + message;
}

nlohmann::json document_to_json(const Document& doc, bool head_only) {
    const json body = !doc.body ? json::object() : head_only ? doc.body->head_json() : doc.body->to_json();
    return {{"id", doc.id},
            {"kind", kind_key(doc.kind)},
            {"title", doc.title},
            {"unit", doc.unit},
            {"year", doc.year},
            {"status", status_key(doc.status)},
            {"rev", doc.rev.str()},
            {"revisions", doc.ancestors.list()},
            {"created", doc.created},
            {"updated", doc.updated},
            {"body", body}};
}

std::optional<Document> document_from_json(const nlohmann::json& j, const std::string& path,
                                           std::vector<ValidationError>& errors) {
    if (!expect_object(j, path, errors)) return std::nullopt;
    const std::size_t errors_before = errors.size();
    Reader r(j, path, errors);
    Document d;

    if (const std::string* id = read_uuid(r, "id")) d.id = *id;
    if (const std::string* kind = r.get_string("kind")) {
        if (auto k = kind_from_key(*kind))
            d.kind = *k;
        else
            r.add("kind", Msg::err_unknown_kind, {*kind, known_kind_keys()});
    }
    read_text(r, "title", d.title);
    read_text(r, "unit", d.unit);
    if (const json* year = r.get("year", Msg::json_type_integer)) {
        const bool in_range =
            year->is_number_unsigned()
                ? year->get<std::uint64_t>() <= static_cast<std::uint64_t>(kMaxYear) &&
                      year->get<std::uint64_t>() >= static_cast<std::uint64_t>(kMinYear)
                : year->get<std::int64_t>() <= kMaxYear && year->get<std::int64_t>() >= kMinYear;
        if (in_range)
            d.year = year->get<int>();
        else
            r.add("year", Msg::err_year_range,
                  {year->dump(), std::to_string(kMinYear), std::to_string(kMaxYear)});
    }
    if (const std::string* status = r.get_string("status")) {
        if (auto s = status_from_key(*status))
            d.status = *s;
        else
            r.add("status", Msg::err_unknown_status, {*status, known_keys_of_statuses()});
    }
    const std::string* rev_text = r.get_string("rev");
    std::optional<Revision> rev = rev_text ? Revision::parse(*rev_text) : std::nullopt;
    if (rev)
        d.rev = *rev;
    else if (rev_text)
        r.add("rev", Msg::err_bad_rev, {*rev_text});
    if (const json* revisions = r.get("revisions", Msg::json_type_array)) {
        const std::string list_path = join_path(path, "revisions");
        std::vector<std::string> ancestors;
        for (std::size_t i = 0; i < revisions->size(); ++i) {
            const json& item = (*revisions)[i];
            const std::string item_path = list_path + "[" + std::to_string(i) + "]";
            const auto* s = item.get_ptr<const std::string*>();
            const auto ancestor = s ? Revision::parse(*s) : std::nullopt;
            // Only the first bad entry is reported: one list must not flood the error list.
            if (!s) {
                errors.push_back(
                    {item_path, Msg::err_wrong_type, {}, {Msg::json_type_string, type_msg(item)}});
                break;
            }
            if (!ancestor) {
                errors.push_back({item_path, Msg::err_bad_rev, {*s}, {}});
                break;
            }
            if (rev && ancestor->number >= rev->number) {
                errors.push_back({item_path, Msg::err_rev_not_older, {*s, rev->str()}, {}});
                break;
            }
            // Older history than we keep is dropped, as advance_revision would have done.
            if (ancestors.size() < Document::kMaxAncestors) ancestors.push_back(*s);
        }
        d.ancestors = Ancestors(ancestors);
    }
    read_timestamp(r, "created", d.created);
    read_timestamp(r, "updated", d.updated);
    if (const json* body = r.get("body", Msg::json_type_object)) {
        // The kind builds its typed body while checking it, so a bad score is refused at the door
        // with its place ("documents[3].body.risker[2].sannolikhet") instead of failing in a screen.
        if (errors.size() == errors_before)
            d.body = kind_spec(d.kind).from_json(*body, join_path(path, "body"), d.id, errors);
    }

    if (errors.size() != errors_before) return std::nullopt;
    return d;
}

std::optional<Document> parse_document(std::string_view text, std::vector<ValidationError>& errors) {
    auto root = parse_bounded(text, errors);
    if (!root) return std::nullopt;
    return document_from_json(*root, "", errors);
}

std::string export_documents(const std::vector<const Document*>& docs, const std::string& exported_at) {
    nlohmann::ordered_json root;
    root["format"] = kFormatName;
    root["format_version"] = kFormatVersion;
    root["exported_at"] = exported_at;
    root["documents"] = nlohmann::ordered_json::array();
    for (const Document* d : docs)
        if (d) root["documents"].push_back(ordered(*d));
    // Text typed into the app is UTF-8, but a broken sequence must not abort an export.
    return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

bool migrate(nlohmann::json& root, std::vector<ValidationError>& errors) {
    const auto it = root.find("format_version");
    if (it == root.end()) {
        errors.push_back({"format_version", Msg::err_missing, {}, {}});
        return false;
    }
    if (!it->is_number_integer()) {
        errors.push_back(
            {"format_version", Msg::err_wrong_type, {}, {Msg::json_type_integer, type_msg(*it)}});
        return false;
    }
    if (it->is_number_unsigned() ? it->get<std::uint64_t>() > static_cast<std::uint64_t>(kFormatVersion)
                                 : it->get<std::int64_t>() > kFormatVersion) {
        errors.push_back(
            {"format_version", Msg::err_version_newer, {it->dump(), std::to_string(kFormatVersion)}, {}});
        return false;
    }
    const auto version = it->get<std::int64_t>();
    if (version < 1) {
        errors.push_back({"format_version", Msg::err_version_unknown, {it->dump()}, {}});
        return false;
    }
    for (auto v = version; v < kFormatVersion; ++v) kMigrations[static_cast<std::size_t>(v - 1)](root);
    root["format_version"] = kFormatVersion;
    return true;
}

ParsedFile parse_exchange(std::string_view bytes) {
    ParsedFile out;
    const RecognisedFile file = recognise_file(bytes);
    if (file.error) {
        out.errors.push_back(*file.error);
        return out;
    }
    auto root = parse_bounded_object(file.content, out.errors);
    if (!root) return out;
    {
        // A file that is not ours gets one clear error, not a list of everything it lacks.
        Reader r(*root, "", out.errors);
        const std::string* format = r.get_string("format");
        if (!format) return out;
        if (*format != kFormatName) {
            r.add("format", Msg::err_wrong_format, {*format});
            return out;
        }
    }
    if (!migrate(*root, out.errors)) return out;
    out.format_version = kFormatVersion;

    std::size_t dropped = 0;
    auto take = [&](std::vector<ValidationError>& errs) {
        for (auto& e : errs) {
            if (out.errors.size() < kMaxErrors)
                out.errors.push_back(std::move(e));
            else
                ++dropped;
        }
        errs.clear();
    };

    std::vector<ValidationError> errs;
    Reader r(*root, "", errs);
    read_timestamp(r, "exported_at", out.exported_at);
    const json* documents = r.get("documents", Msg::json_type_array);
    take(errs);
    if (documents) {
        std::map<std::string, std::size_t, std::less<>> first_index;
        out.documents.reserve(documents->size());
        for (std::size_t i = 0; i < documents->size(); ++i) {
            const json& item = (*documents)[i];
            const std::string path = "documents[" + std::to_string(i) + "]";
            auto doc = document_from_json(item, path, errs);
            if (item.is_object())
                if (const auto id = item.find("id"); id != item.end() && id->is_string()) {
                    const auto [at, fresh] = first_index.emplace(id->get<std::string>(), i);
                    if (!fresh)
                        errs.push_back({path + ".id",
                                        Msg::err_duplicate_id,
                                        {at->first, std::to_string(at->second)},
                                        {}});
                }
            take(errs);
            if (doc && out.errors.empty()) out.documents.push_back(std::move(*doc));
        }
    }
    if (dropped > 0) out.errors.push_back({"", Msg::err_more, {std::to_string(dropped)}, {}});
    if (!out.errors.empty()) out.documents.clear();
    return out;
}

} // namespace kvh::core
