// The egenkontrollplan (see egenkontroll_plan.hpp): enum keys, months, body JSON in and out with exact
// error paths and the shape of older bodies, the checks of an edit, and the copy into a new year.
#include "egenkontroll_plan.hpp"

#include "core/json_check.hpp"
#include "core/workspace.hpp"

#include <map>

namespace kvh::core {

using nlohmann::json;

namespace {

constexpr std::array<EnumKey<CheckMethod>, 9> kMethods{{
    {CheckMethod::aktgranskning, "aktgranskning", Msg::method_aktgranskning},
    {CheckMethod::enkat, "enkat", Msg::method_enkat},
    {CheckMethod::observation, "observation", Msg::method_observation},
    {CheckMethod::intervju, "intervju", Msg::method_intervju},
    {CheckMethod::oppna_jamforelser, "oppna_jamforelser", Msg::method_oppna_jamforelser},
    {CheckMethod::kkik, "kkik", Msg::method_kkik},
    {CheckMethod::brukarundersokning, "brukarundersokning", Msg::method_brukarundersokning},
    {CheckMethod::kvalitetsregister, "kvalitetsregister", Msg::method_kvalitetsregister},
    {CheckMethod::annat, "annat", Msg::method_annat},
}};
static_assert(kMethods.size() == std::size(all_check_methods));

constexpr std::array<EnumKey<Frequency>, 6> kFrequencies{{
    {Frequency::egna_manader, "egna_manader", Msg::frequency_egna_manader},
    {Frequency::manad, "manad", Msg::frequency_manad},
    {Frequency::kvartal, "kvartal", Msg::frequency_kvartal},
    {Frequency::tertial, "tertial", Msg::frequency_tertial},
    {Frequency::halvar, "halvar", Msg::frequency_halvar},
    {Frequency::ar, "ar", Msg::frequency_ar},
}};
static_assert(kFrequencies.size() == std::size(all_frequencies));
// Months per period, in Frequency order (egna_manader has none).
constexpr int kPeriodMonths[] = {0, 1, 3, 4, 6, 12};

constexpr std::string_view kCheckKeys[] = {
    "id",       "omrade",           "vad",     "syfte",  "metod",    "urval",      "frekvens",  "manader",
    "ansvarig", "rapporteras_till", "malniva", "fragor", "atgarder", "kvitterade", "foregaende"};
constexpr std::string_view kBodyKeys[] = {"faststalld_av", "faststalld_datum", "kontroller"};

// A check of a plan written before the plan had a model: no id, its one question as "fraga", the
// routine it verifies as "rutin", no sample size as null. Put into today's shape, then read like any
// check; everything else it had (area, method, months, responsible, reported to) kept its key.
json legacy_check(const json& item, std::string_view doc_id, std::size_t index) {
    json out = item;
    out["id"] = legacy_check_id(doc_id, index);
    if (const auto q = out.find("fraga"); q != out.end() && q->is_string() && !out.contains("fragor")) {
        out["fragor"] = json::array({{{"id", legacy_question_id(doc_id, index)}, {"text", *q}}});
        out.erase("fraga");
    }
    if (const auto r = out.find("rutin"); r != out.end() && r->is_string() && !out.contains("syfte")) {
        out["syfte"] = *r;
        out.erase("rutin");
    }
    if (const auto u = out.find("urval"); u != out.end() && u->is_null()) out.erase("urval");
    return out;
}

json check_to_json(const PlannedCheck& c) {
    json questions = json::array();
    for (const CheckQuestion& q : c.questions) questions.push_back({{"id", q.id}, {"text", q.text}});
    json actions = json::array();
    for (const Action& a : c.actions) actions.push_back(action_to_json(a));
    return {{"id", c.id},
            {"omrade", c.area},
            {"vad", c.what},
            {"syfte", c.purpose},
            {"metod", check_method_key(c.method)},
            {"urval", c.sample_size},
            {"frekvens", frequency_key(c.frequency)},
            {"manader", month_list(c.months)},
            {"ansvarig", c.responsible},
            {"rapporteras_till", c.reported_to},
            {"malniva", c.target},
            {"fragor", std::move(questions)},
            {"atgarder", std::move(actions)},
            {"kvitterade", acknowledgements_to_json(c.acknowledged)},
            {"foregaende", c.previous}};
}

// "manader": month numbers 1–12, each once.
void read_months(Reader& r, MonthSet& out) {
    const json* list = r.optional("manader", Msg::json_type_array);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& m = (*list)[i];
        const std::string at = index_path(r.path("manader"), i);
        const int month = m.is_number_integer() && m.get<std::int64_t>() >= 1 && m.get<std::int64_t>() <= 12
                              ? m.get<int>()
                              : 0;
        if (month == 0)
            r.errors().push_back({at, Msg::err_month_range, {}, {}});
        else if (has_month(out, month))
            r.errors().push_back({at, Msg::err_month_repeated, {std::to_string(month)}, {}});
        else
            out |= month_bit(month);
    }
}

// Records an id as used at `path`; false (with an error) when another entry already has it.
bool claim(std::map<std::string, std::string, std::less<>>& ids, const std::string& id,
           const std::string& path, std::vector<ValidationError>& errors) {
    const auto [at, fresh] = ids.emplace(id, path);
    if (!fresh) errors.push_back({join_path(path, "id"), Msg::err_id_repeated, {id, at->second}, {}});
    return fresh;
}

void read_check(const json& item, const std::string& path,
                std::map<std::string, std::string, std::less<>>& ids, std::vector<ValidationError>& errors,
                ItemList<PlannedCheck>& out) {
    Reader r(item, path, errors);
    PlannedCheck c;
    if (const std::string* id = read_uuid(r, "id"); id && claim(ids, *id, path, errors)) c.id = *id;
    read_string(r, "omrade", c.area);
    read_string(r, "vad", c.what);
    read_string(r, "syfte", c.purpose);
    read_check_method(r, "metod", c.method);
    read_score(r, "urval", kMaxSampleSize, c.sample_size);
    read_enum(r, "frekvens", kFrequencies, c.frequency);
    read_months(r, c.months);
    read_string(r, "ansvarig", c.responsible);
    read_string(r, "rapporteras_till", c.reported_to);
    read_score(r, "malniva", 100, c.target);
    read_objects(r, "fragor", [&](const json& q, const std::string& q_path) {
        Reader qr(q, q_path, errors);
        CheckQuestion question;
        if (const std::string* id = read_uuid(qr, "id"); id && claim(ids, *id, q_path, errors))
            question.id = *id;
        read_string(qr, "text", question.text);
        c.questions.push_back(std::move(question));
    });
    read_objects(r, "atgarder", [&](const json& a, const std::string& a_path) {
        if (auto action = action_from_json(a, a_path, errors);
            action && claim(ids, action->id, a_path, errors))
            c.actions.push_back(std::move(*action));
    });
    read_acknowledgements(r, "kvitterade", c.acknowledged);
    read_string(r, "foregaende", c.previous);
    if (!c.previous.empty() && !is_uuid(c.previous)) r.add("foregaende", Msg::err_bad_uuid, {c.previous});
    c.extra = unknown_keys(item, kCheckKeys);
    out.push_back(std::move(c));
}

// The ids a check brings: its own, its questions' and its actions'.
std::vector<std::string_view> ids_of(const PlannedCheck& c) {
    std::vector<std::string_view> out{c.id};
    for (const CheckQuestion& q : c.questions) out.push_back(q.id);
    for (const Action& a : c.actions) out.push_back(a.id);
    return out;
}

void check_one(const PlannedCheck& c, const PlannedCheck* before, const std::string& path,
               std::vector<ValidationError>& errors) {
    if (!is_uuid(c.id)) errors.push_back({join_path(path, "id"), Msg::err_bad_uuid, {c.id}, {}});
    if (!c.previous.empty() && !is_uuid(c.previous))
        errors.push_back({join_path(path, "foregaende"), Msg::err_bad_uuid, {c.previous}, {}});
    const std::pair<std::string_view, const std::string*> texts[] = {{"omrade", &c.area},
                                                                     {"vad", &c.what},
                                                                     {"syfte", &c.purpose},
                                                                     {"ansvarig", &c.responsible},
                                                                     {"rapporteras_till", &c.reported_to}};
    for (const auto& [key, value] : texts) check_text(*value, path, key, errors);
    if (c.sample_size < 0 || c.sample_size > kMaxSampleSize)
        errors.push_back(
            {join_path(path, "urval"), Msg::err_score_range, {std::to_string(kMaxSampleSize)}, {}});
    if (c.target < 0 || c.target > 100)
        errors.push_back({join_path(path, "malniva"), Msg::err_score_range, {"100"}, {}});
    if ((c.months & ~kAllMonths) != 0)
        errors.push_back({join_path(path, "manader"), Msg::err_month_range, {}, {}});
    check_questions(c.questions, path, errors);
    check_actions(c.actions, before ? &before->actions : nullptr, path, errors);
    if (!before || before->acknowledged != c.acknowledged)
        check_acknowledgements(c.acknowledged, path, "kvitterade", errors);
}

} // namespace

std::uint64_t EgenkontrollPlan::hash_item(const PlannedCheck& c) {
    FieldHasher f;
    f.add(c.id).add(c.area).add(c.what).add(c.purpose).add(check_method_key(c.method)).add(c.sample_size);
    f.add(frequency_key(c.frequency)).add(c.months).add(c.responsible).add(c.reported_to).add(c.target);
    f.add(std::int64_t(c.questions.size()));
    for (const CheckQuestion& q : c.questions) f.add(q.id).add(q.text);
    f.add(std::int64_t(c.actions.size()));
    for (const Action& a : c.actions) hash_action(f, a);
    f.add(std::int64_t(c.acknowledged.size()));
    for (const Acknowledgement& k : c.acknowledged) f.add(k.rule).add(k.reason).add(k.by).add(k.date);
    f.add(c.previous);
    if (!c.extra.is_null()) f.add(hash_text(c.extra));
    return f.h;
}

std::string_view check_method_key(CheckMethod m) {
    return enum_entry(kMethods, m).key;
}
std::optional<CheckMethod> check_method_from_key(std::string_view key) {
    return enum_from_key(kMethods, key);
}
Msg check_method_name(CheckMethod m) {
    return enum_entry(kMethods, m).name;
}
void read_check_method(Reader& r, std::string_view key, CheckMethod& out) {
    read_enum(r, key, kMethods, out);
}
bool is_comparison(CheckMethod m) {
    return m == CheckMethod::oppna_jamforelser || m == CheckMethod::kkik ||
           m == CheckMethod::brukarundersokning || m == CheckMethod::kvalitetsregister;
}

std::string_view frequency_key(Frequency f) {
    return enum_entry(kFrequencies, f).key;
}
std::optional<Frequency> frequency_from_key(std::string_view key) {
    return enum_from_key(kFrequencies, key);
}
Msg frequency_name(Frequency f) {
    return enum_entry(kFrequencies, f).name;
}

std::vector<int> month_list(MonthSet s) {
    std::vector<int> out;
    for (int m = 1; m <= 12; ++m)
        if (has_month(s, m)) out.push_back(m);
    return out;
}

MonthSet months_of(Frequency f, int month_in_period) {
    const int period = kPeriodMonths[static_cast<std::size_t>(f)];
    if (period == 0) return 0;
    const int at = month_in_period < 1 || month_in_period > period ? period : month_in_period;
    MonthSet out = 0;
    for (int m = at; m <= 12; m += period) out |= month_bit(m);
    return out;
}

MonthSet planned_months(const PlannedCheck& c) {
    return c.months != 0 ? c.months : months_of(c.frequency);
}

std::string legacy_check_id(std::string_view doc_id, std::size_t index) {
    return name_based_uuid("egenkontrollplan/" + std::string(doc_id) + "/kontroller/" +
                           std::to_string(index));
}
std::string legacy_question_id(std::string_view doc_id, std::size_t index) {
    return name_based_uuid("egenkontrollplan/" + std::string(doc_id) + "/kontroller/" +
                           std::to_string(index) + "/fraga");
}

json EgenkontrollPlan::head_json() const {
    return with_extra({{"faststalld_av", decided_by}, {"faststalld_datum", decided_date}}, extra);
}

json EgenkontrollPlan::item_json(std::size_t i) const {
    return with_extra(check_to_json(checks[i]), checks[i].extra);
}

void EgenkontrollPlan::for_each_item_action(std::size_t item, const ActionVisitor& visit) const {
    const PlannedCheck& c = checks[item];
    for (const Action& a : c.actions) visit(c.id, a);
}

BodyPtr EgenkontrollPlan::with_action(const std::string& item, const std::string& action,
                                      FunctionRef<void(Action&)> change) const {
    for (std::size_t i = 0; i < checks.size(); ++i) {
        if (checks[i].id != item) continue;
        for (std::size_t j = 0; j < checks[i].actions.size(); ++j) {
            if (checks[i].actions[j].id != action) continue;
            auto next = std::make_shared<EgenkontrollPlan>(*this);
            change(next->checks.edit(i).actions[j]);
            return next;
        }
    }
    return nullptr;
}

std::optional<EgenkontrollPlan> egenkontroll_plan_from_body(const json& body, const std::string& path,
                                                            std::vector<ValidationError>& errors,
                                                            std::string_view doc_id) {
    if (!expect_object(body, path, errors)) return std::nullopt;
    const std::size_t errors_before = errors.size();
    Reader r(body, path, errors);
    EgenkontrollPlan p;
    read_string(r, "faststalld_av", p.decided_by);
    read_date(r, "faststalld_datum", p.decided_date);
    std::map<std::string, std::string, std::less<>> ids; // id -> where it was first seen
    std::size_t index = 0;
    read_objects(r, "kontroller", [&](const json& item, const std::string& item_path) {
        const std::size_t at = index++;
        if (item.contains("id"))
            read_check(item, item_path, ids, errors, p.checks);
        else
            read_check(legacy_check(item, doc_id, at), item_path, ids, errors, p.checks);
    });
    p.extra = unknown_keys(body, kBodyKeys);
    if (errors.size() != errors_before) return std::nullopt;
    return p;
}

void check_questions(const std::vector<CheckQuestion>& questions, const std::string& path,
                     std::vector<ValidationError>& errors) {
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const std::string at = index_path(join_path(path, "fragor"), i);
        if (!is_uuid(questions[i].id))
            errors.push_back({join_path(at, "id"), Msg::err_bad_uuid, {questions[i].id}, {}});
        check_text(questions[i].text, at, "text", errors);
    }
}

bool check_egenkontroll_plan(const EgenkontrollPlan& p, const EgenkontrollPlan* before,
                             const std::string& path, std::vector<ValidationError>& errors) {
    const std::size_t errors_before = errors.size();
    check_text(p.decided_by, path, "faststalld_av", errors);
    if (!p.decided_date.empty() && !is_iso_date(p.decided_date))
        errors.push_back({join_path(path, "faststalld_datum"), Msg::err_bad_date, {p.decided_date}, {}});
    const std::string list_path = join_path(path, "kontroller");
    EarlierItems<PlannedCheck> earlier(before ? &before->checks : nullptr);
    bool new_ids = !before;
    for (std::size_t i = 0; i < p.checks.size(); ++i) {
        if (before && i < before->checks.size() && p.checks.same_item(i, before->checks, i)) continue;
        const PlannedCheck& c = p.checks[i];
        check_one(c, before ? earlier.find(c.id, i) : nullptr, index_path(list_path, i), errors);
        if (!new_ids) new_ids = !(i < before->checks.size() && ids_of(c) == ids_of(before->checks[i]));
    }
    if (before && before->checks.size() != p.checks.size()) new_ids = true;
    if (new_ids) {
        std::map<std::string_view, std::size_t> seen; // id -> check index
        for (std::size_t i = 0; i < p.checks.size(); ++i)
            for (std::string_view id : ids_of(p.checks[i]))
                if (const auto [at, fresh] = seen.emplace(id, i); !fresh)
                    errors.push_back({index_path(list_path, i),
                                      Msg::err_id_repeated,
                                      {std::string(id), index_path(list_path, at->second)},
                                      {}});
    }
    return errors.size() == errors_before;
}

EgenkontrollPlanPtr egenkontroll_plan_of(const Document& doc) {
    if (!doc.body || doc.body->kind() != DocKind::egenkontrollplan) return nullptr;
    return std::static_pointer_cast<const EgenkontrollPlan>(doc.body);
}

const PlannedCheck* find_check(const EgenkontrollPlan& p, std::string_view id) {
    for (const PlannedCheck& c : p.checks)
        if (c.id == id) return &c;
    return nullptr;
}

EgenkontrollPlan plan_for_next_year(const EgenkontrollPlan& p, const Environment& env) {
    EgenkontrollPlan next;
    next.extra = p.extra;
    for (const PlannedCheck& c : p.checks) {
        PlannedCheck copy = c;
        copy.id = new_uuid_v4(env);
        copy.previous = c.id;
        copy.actions.clear();
        copy.acknowledged.clear();
        next.checks.push_back(std::move(copy));
    }
    return next;
}

std::string copy_plan_to_year(Workspace& ws, std::string_view id, int year) {
    const Document* doc = ws.find(id);
    const EgenkontrollPlanPtr plan = doc ? egenkontroll_plan_of(*doc) : nullptr;
    if (!plan) return "";
    std::string title = doc->title;
    const std::string from = std::to_string(doc->year), to = std::to_string(year);
    if (const auto at = title.find(from); at != std::string::npos) title.replace(at, from.size(), to);
    return ws.create(DocKind::egenkontrollplan, std::move(title), doc->unit, year,
                     std::make_shared<EgenkontrollPlan>(plan_for_next_year(*plan, ws.env())));
}

} // namespace kvh::core
