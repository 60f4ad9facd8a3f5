// The årlig genomgång (see annual_review.hpp): keys, body JSON in and out with exact error paths and
// the shape of older bodies, the checks of an edit, and starting a review from the template or last
// year's.
#include "annual_review.hpp"

#include "core/json_check.hpp"
#include "core/workspace.hpp"

#include <algorithm>
#include <set>

namespace kvh::core {

using nlohmann::json;

namespace {

constexpr std::array<EnumKey<Assessment>, 5> kAssessments{{
    {Assessment::ej_bedomt, "ej_bedomt", Msg::assessment_ej_bedomt},
    {Assessment::uppfyller, "uppfyller", Msg::assessment_uppfyller},
    {Assessment::uppfyller_delvis, "uppfyller_delvis", Msg::assessment_uppfyller_delvis},
    {Assessment::uppfyller_inte, "uppfyller_inte", Msg::assessment_uppfyller_inte},
    {Assessment::ej_tillampligt, "ej_tillampligt", Msg::assessment_ej_tillampligt},
}};
static_assert(kAssessments.size() == std::size(all_assessments));

constexpr std::array<EnumKey<ReviewScope>, 3> kScopes{{
    {ReviewScope::namnd, "namnd", Msg::scope_namnd},
    {ReviewScope::forvaltning, "forvaltning", Msg::scope_forvaltning},
    {ReviewScope::enhet, "enhet", Msg::scope_enhet},
}};

constexpr std::string_view kItemKeys[] = {"id",   "kravid",    "hanvisning", "typ",       "avsnitt",
                                          "text", "bedomning", "underlag",   "kommentar", "atgarder"};
constexpr std::string_view kBodyKeys[] = {"niva",         "mall",         "mallversion",  "foregaende",
                                          "kommun",       "diarienummer", "forfattare",   "helhetsbedomning",
                                          "fokusomraden", "beslutad_av",  "beslutsdatum", "paragraf",
                                          "berattelse",   "krav"};

// The section a requirement of an older body belongs to, by its chapter and paragraph ("5:2"): those
// bodies named nothing else. The same split as the shipped template.
ReportSection legacy_section(std::string_view ref) {
    const std::pair<std::string_view, ReportSection> known[] = {
        {"4:5", ReportSection::samverkan},  {"4:6", ReportSection::samverkan},
        {"5:1", ReportSection::riskanalys}, {"5:2", ReportSection::egenkontroll},
        {"5:7", ReportSection::resultat},   {"5:8", ReportSection::resultat}};
    for (const auto& [r, s] : known)
        if (ref == r) return s;
    switch (ref.empty() ? '7' : ref[0]) {
    case '3':
        return ReportSection::ansvar;
    case '4':
        return ReportSection::processer;
    case '5':
        return ReportSection::avvikelser;
    case '6':
        return ReportSection::personal;
    default:
        return ReportSection::inledning;
    }
}

// An item of a review written before the review had a model, put into today's shape.
json legacy_item(const json& item, std::string_view doc_id, std::size_t index) {
    json out = item;
    const std::string base = "arlig_genomgang/" + std::string(doc_id) + "/krav/" + std::to_string(index);
    out["id"] = name_based_uuid(base);
    if (const auto k = out.find("krav"); k != out.end() && k->is_string()) {
        const std::string ref = *k;
        const auto colon = ref.find(':');
        std::string id = ref, reference = ref;
        if (colon != std::string::npos) {
            id[colon] = '-';
            reference = ref.substr(0, colon) + " kap. " + ref.substr(colon + 1) + " §";
        }
        out["kravid"] = id;
        out["hanvisning"] = reference;
        out["avsnitt"] = report_section_key(legacy_section(ref));
        out.erase("krav");
    }
    if (const auto a = out.find("atgarder"); a != out.end() && a->is_string()) {
        const std::string what = *a;
        *a = json::array();
        if (!is_blank(what)) a->push_back({{"id", name_based_uuid(base + "/atgard")}, {"vad", what}});
    }
    return out;
}

// A focus area is written as its text alone until it is made an action; only then as an object, so a
// review without such links reads in builds of format 3.
json focus_area_to_json(const FocusArea& f) {
    if (f.action.empty()) return f.text;
    return {{"text", f.text}, {"atgard", f.action}};
}

void read_focus_areas(Reader& r, std::vector<FocusArea>& out) {
    const json* list = r.optional("fokusomraden", Msg::json_type_array);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string path = index_path(r.path("fokusomraden"), i);
        FocusArea f;
        if (item.is_string()) {
            f.text = item.get<std::string>();
        } else if (item.is_object()) {
            Reader fr(item, path, r.errors());
            read_string(fr, "atgard", f.action);
            if (!f.action.empty() && !is_uuid(f.action)) fr.add("atgard", Msg::err_bad_uuid, {f.action});
            const std::string* t = fr.get_string("text");
            if (!t) continue;
            f.text = *t;
        } else {
            r.errors().push_back({path, Msg::err_wrong_type, {}, {Msg::json_type_string, type_msg(item)}});
            continue;
        }
        if (is_blank(f.text)) r.errors().push_back({path, Msg::err_empty_text, {}, {}});
        out.push_back(std::move(f));
    }
}

json item_to_json(const ReviewItem& k) {
    json actions = json::array();
    for (const Action& a : k.actions) actions.push_back(action_to_json(a));
    return {{"id", k.id},
            {"kravid", k.requirement},
            {"hanvisning", k.reference},
            {"typ", requirement_kind_key(k.kind)},
            {"avsnitt", report_section_key(k.section)},
            {"text", k.text},
            {"bedomning", assessment_key(k.assessment)},
            {"underlag", k.evidence},
            {"kommentar", k.comment},
            {"atgarder", std::move(actions)}};
}

void read_item(const json& item, const std::string& path, std::set<std::string, std::less<>>& ids,
               std::vector<ValidationError>& errors, ItemList<ReviewItem>& out) {
    Reader r(item, path, errors);
    ReviewItem k;
    auto claim = [&](const std::string& id, const std::string& at) {
        if (!ids.insert(id).second)
            errors.push_back({join_path(at, "id"), Msg::err_id_repeated, {id, at}, {}});
    };
    if (const std::string* id = read_uuid(r, "id")) {
        k.id = *id;
        claim(k.id, path);
    }
    read_string(r, "kravid", k.requirement);
    read_string(r, "hanvisning", k.reference);
    read_requirement_kind(r, "typ", k.kind);
    read_report_section(r, "avsnitt", k.section);
    read_string(r, "text", k.text);
    read_enum(r, "bedomning", kAssessments, k.assessment);
    read_string(r, "underlag", k.evidence);
    read_string(r, "kommentar", k.comment);
    read_objects(r, "atgarder", [&](const json& a, const std::string& a_path) {
        if (auto action = action_from_json(a, a_path, errors)) {
            claim(action->id, a_path);
            k.actions.push_back(std::move(*action));
        }
    });
    k.extra = unknown_keys(item, kItemKeys);
    out.push_back(std::move(k));
}

void check_item(const ReviewItem& k, const ReviewItem* before, const std::string& path,
                std::vector<ValidationError>& errors) {
    if (!is_uuid(k.id)) errors.push_back({join_path(path, "id"), Msg::err_bad_uuid, {k.id}, {}});
    const std::pair<std::string_view, const std::string*> texts[] = {{"kravid", &k.requirement},
                                                                     {"hanvisning", &k.reference},
                                                                     {"text", &k.text},
                                                                     {"underlag", &k.evidence},
                                                                     {"kommentar", &k.comment}};
    for (const auto& [key, value] : texts) check_text(*value, path, key, errors);
    check_actions(k.actions, before ? &before->actions : nullptr, path, errors);
}

std::vector<std::string_view> ids_of(const ReviewItem& k) {
    std::vector<std::string_view> out{k.id};
    for (const Action& a : k.actions) out.push_back(a.id);
    return out;
}

ReviewItem item_from(const Requirement& q, const Environment& env) {
    ReviewItem k;
    k.id = new_uuid_v4(env);
    k.requirement = q.id;
    k.reference = q.reference;
    k.kind = q.kind;
    k.section = q.section;
    k.text = q.text;
    return k;
}

} // namespace

std::string_view assessment_key(Assessment a) {
    return enum_entry(kAssessments, a).key;
}
std::optional<Assessment> assessment_from_key(std::string_view key) {
    return enum_from_key(kAssessments, key);
}
Msg assessment_name(Assessment a) {
    return enum_entry(kAssessments, a).name;
}
const ScopeWords& scope_words(ReviewScope s) {
    static constexpr ScopeWords words[] = {
        {Msg::scope_namnd, Msg::berattelse_responsibility_namnd, Msg::berattelse_work_namnd,
         Msg::berattelse_overall_namnd, Msg::ag_summary_title_namnd},
        {Msg::scope_forvaltning, Msg::berattelse_responsibility_forvaltning, Msg::berattelse_work_forvaltning,
         Msg::berattelse_overall_forvaltning, Msg::ag_summary_title_forvaltning},
        {Msg::scope_enhet, Msg::berattelse_responsibility_enhet, Msg::berattelse_work_enhet,
         Msg::berattelse_overall_enhet, Msg::ag_summary_title_enhet}};
    static_assert(std::size(words) == std::size(all_review_scopes));
    return words[std::size_t(s)];
}
std::string_view review_scope_key(ReviewScope s) {
    return enum_entry(kScopes, s).key;
}
Msg review_scope_name(ReviewScope s) {
    return enum_entry(kScopes, s).name;
}

std::uint64_t AnnualReview::hash_item(const ReviewItem& k) {
    FieldHasher f;
    f.add(k.id).add(k.requirement).add(k.reference).add(requirement_kind_key(k.kind));
    f.add(report_section_key(k.section)).add(k.text).add(assessment_key(k.assessment)).add(k.evidence);
    f.add(k.comment).add(std::int64_t(k.actions.size()));
    for (const Action& a : k.actions) hash_action(f, a);
    if (!k.extra.is_null()) f.add(hash_text(k.extra));
    return f.h;
}

json AnnualReview::head_json() const {
    json narrative = json::object();
    for (const auto& [section, text] : narratives) narrative[std::string(report_section_key(section))] = text;
    json focus = json::array();
    for (const FocusArea& f : focus_areas) focus.push_back(focus_area_to_json(f));
    return with_extra({{"niva", review_scope_key(scope)},
                       {"mall", template_id},
                       {"mallversion", template_version},
                       {"foregaende", previous},
                       {"kommun", kommun},
                       {"diarienummer", diarienummer},
                       {"forfattare", author},
                       {"helhetsbedomning", assessment_key(overall)},
                       {"fokusomraden", std::move(focus)},
                       {"beslutad_av", decided_by},
                       {"beslutsdatum", decided_date},
                       {"paragraf", paragraph},
                       {"berattelse", std::move(narrative)}},
                      extra);
}

json AnnualReview::item_json(std::size_t i) const {
    return with_extra(item_to_json(entries[i]), entries[i].extra);
}

void AnnualReview::for_each_item_action(std::size_t item, const ActionVisitor& visit) const {
    const ReviewItem& k = entries[item];
    for (const Action& a : k.actions) visit(k.id, a);
}

BodyPtr AnnualReview::with_action(const std::string& item, const std::string& action,
                                  FunctionRef<void(Action&)> change) const {
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].id != item) continue;
        for (std::size_t j = 0; j < entries[i].actions.size(); ++j) {
            if (entries[i].actions[j].id != action) continue;
            auto next = std::make_shared<AnnualReview>(*this);
            change(next->entries.edit(i).actions[j]);
            return next;
        }
    }
    return nullptr;
}

std::optional<AnnualReview> annual_review_from_body(const json& body, const std::string& path,
                                                    std::vector<ValidationError>& errors,
                                                    std::string_view doc_id) {
    if (!expect_object(body, path, errors)) return std::nullopt;
    const std::size_t errors_before = errors.size();
    Reader r(body, path, errors);
    AnnualReview v;
    read_enum(r, "niva", kScopes, v.scope);
    read_string(r, "mall", v.template_id);
    read_string(r, "mallversion", v.template_version);
    read_string(r, "foregaende", v.previous);
    if (!v.previous.empty() && !is_uuid(v.previous)) r.add("foregaende", Msg::err_bad_uuid, {v.previous});
    read_string(r, "kommun", v.kommun);
    read_string(r, "diarienummer", v.diarienummer);
    read_string(r, "forfattare", v.author);
    read_enum(r, "helhetsbedomning", kAssessments, v.overall);
    read_focus_areas(r, v.focus_areas);
    read_string(r, "beslutad_av", v.decided_by);
    read_date(r, "beslutsdatum", v.decided_date);
    read_string(r, "paragraf", v.paragraph);
    if (const json* n = r.optional("berattelse", Msg::json_type_object)) {
        Reader nr(*n, r.path("berattelse"), errors);
        for (auto it = n->begin(); it != n->end(); ++it) {
            const auto section = report_section_from_key(it.key());
            if (!section) {
                std::string known;
                for (ReportSection s : all_report_sections)
                    known += (known.empty() ? "" : ", ") + std::string(report_section_key(s));
                nr.add(it.key(), Msg::err_unknown_value, {it.key(), known});
                continue;
            }
            read_string(nr, it.key(), v.narratives[*section]);
        }
    }
    std::set<std::string, std::less<>> ids;
    std::size_t index = 0;
    read_objects(r, "krav", [&](const json& item, const std::string& item_path) {
        const std::size_t at = index++;
        read_item(item.contains("id") ? item : legacy_item(item, doc_id, at), item_path, ids, errors,
                  v.entries);
    });
    v.extra = unknown_keys(body, kBodyKeys);
    if (errors.size() != errors_before) return std::nullopt;
    return v;
}

bool check_annual_review(const AnnualReview& v, const AnnualReview* before, const std::string& path,
                         std::vector<ValidationError>& errors) {
    const std::size_t errors_before = errors.size();
    const std::pair<std::string_view, const std::string*> texts[] = {
        {"mall", &v.template_id},  {"mallversion", &v.template_version},
        {"kommun", &v.kommun},     {"diarienummer", &v.diarienummer},
        {"forfattare", &v.author}, {"beslutad_av", &v.decided_by},
        {"paragraf", &v.paragraph}};
    for (const auto& [key, value] : texts) check_text(*value, path, key, errors);
    if (!v.previous.empty() && !is_uuid(v.previous))
        errors.push_back({join_path(path, "foregaende"), Msg::err_bad_uuid, {v.previous}, {}});
    if (!v.decided_date.empty() && !is_iso_date(v.decided_date))
        errors.push_back({join_path(path, "beslutsdatum"), Msg::err_bad_date, {v.decided_date}, {}});
    for (std::size_t i = 0; i < v.focus_areas.size(); ++i) {
        // As the reader asks: a blank focus area is no decision, and stored it would not read back.
        const std::string at = index_path(join_path(path, "fokusomraden"), i);
        const FocusArea& f = v.focus_areas[i];
        if (is_blank(f.text))
            errors.push_back({at, Msg::err_empty_text, {}, {}});
        else
            check_text(f.text, at, "", errors);
        if (!f.action.empty() && !is_uuid(f.action))
            errors.push_back({join_path(at, "atgard"), Msg::err_bad_uuid, {f.action}, {}});
    }
    for (const auto& [section, text] : v.narratives)
        check_text(text, join_path(path, "berattelse"), report_section_key(section), errors);
    const std::string list_path = join_path(path, "krav");
    EarlierItems<ReviewItem> earlier(before ? &before->entries : nullptr);
    bool new_ids = !before || before->entries.size() != v.entries.size();
    for (std::size_t i = 0; i < v.entries.size(); ++i) {
        if (before && i < before->entries.size() && v.entries.same_item(i, before->entries, i)) continue;
        const ReviewItem& k = v.entries[i];
        check_item(k, before ? earlier.find(k.id, i) : nullptr, index_path(list_path, i), errors);
        if (!new_ids) new_ids = ids_of(k) != ids_of(before->entries[i]);
    }
    if (new_ids) {
        std::map<std::string_view, std::size_t> seen; // id -> item index
        for (std::size_t i = 0; i < v.entries.size(); ++i)
            for (std::string_view id : ids_of(v.entries[i]))
                if (const auto [at, fresh] = seen.emplace(id, i); !fresh)
                    errors.push_back({index_path(list_path, i),
                                      Msg::err_id_repeated,
                                      {std::string(id), index_path(list_path, at->second)},
                                      {}});
    }
    return errors.size() == errors_before;
}

AnnualReviewPtr annual_review_of(const Document& doc) {
    if (!doc.body || doc.body->kind() != DocKind::arlig_genomgang) return nullptr;
    return std::static_pointer_cast<const AnnualReview>(doc.body);
}

AnnualReview review_from_template(const RequirementTemplate& t, const Environment& env) {
    AnnualReview v;
    v.template_id = t.id;
    v.template_version = t.version;
    for (const Requirement& q : t.requirements) v.entries.push_back(item_from(q, env));
    return v;
}

AnnualReview review_from_last_year(const AnnualReview& last, std::string_view last_id,
                                   const RequirementTemplate& t, const Environment& env) {
    AnnualReview v;
    v.scope = last.scope;
    v.template_id = t.id;
    v.template_version = t.version;
    v.previous = std::string(last_id);
    v.kommun = last.kommun;
    v.author = last.author;
    v.extra = last.extra;
    for (const ReviewItem& was : last.entries) {
        const Requirement* q = find_requirement(t, was.requirement);
        ReviewItem k = q ? item_from(*q, env) : ReviewItem{};
        if (!q) {
            k.id = new_uuid_v4(env);
            k.requirement = was.requirement;
            k.reference = was.reference;
            k.kind = was.kind;
            k.section = was.section;
        }
        // A rephrased requirement (one the template marks uncertain, or the nämnd's own) keeps its words.
        if (!q || (q->uncertain && !was.text.empty())) k.text = was.text;
        k.extra = was.extra;
        v.entries.push_back(std::move(k));
    }
    return v;
}

bool is_untouched(const AnnualReview& r) {
    for (const ReviewItem& k : r.entries)
        if (k.assessment != Assessment::ej_bedomt || !k.evidence.empty() || !k.comment.empty() ||
            !k.actions.empty())
            return false;
    const bool narratives_empty =
        std::all_of(r.narratives.begin(), r.narratives.end(), [](const auto& n) { return n.second.empty(); });
    return narratives_empty && r.overall == Assessment::ej_bedomt && r.focus_areas.empty() &&
           r.decided_by.empty() && r.decided_date.empty() && r.paragraph.empty();
}

FocusAreaAction focus_area_action(const AnnualReview& r, std::size_t i) {
    if (i >= r.focus_areas.size() || r.focus_areas[i].action.empty()) return {};
    for (const ReviewItem& k : r.entries)
        for (const Action& a : k.actions)
            if (a.id == r.focus_areas[i].action) return {&k, &a};
    return {};
}

const Document* last_years_review(const Workspace& ws, const Document& doc) {
    const AnnualReviewPtr r = annual_review_of(doc);
    if (!r) return nullptr;
    if (const Document* started_from = r->previous.empty() ? nullptr : ws.find(r->previous);
        started_from && annual_review_of(*started_from))
        return started_from;
    for (const Document* d : ws.documents_of(DocKind::arlig_genomgang))
        if (d->year == doc.year - 1 && d->unit == doc.unit)
            if (const AnnualReviewPtr last = annual_review_of(*d); last && last->scope == r->scope) return d;
    return nullptr;
}

std::vector<ItemComparison> compare_reviews(const AnnualReview& now, const AnnualReview& last) {
    std::map<std::string_view, const ReviewItem*> by_requirement;
    for (const ReviewItem& k : last.entries)
        if (!k.requirement.empty()) by_requirement.emplace(k.requirement, &k);
    std::vector<ItemComparison> out;
    for (std::size_t i = 0; i < now.entries.size(); ++i) {
        const auto it = by_requirement.find(now.entries[i].requirement);
        out.push_back({i, now.entries[i].assessment, it == by_requirement.end() ? nullptr : it->second});
    }
    return out;
}

} // namespace kvh::core
