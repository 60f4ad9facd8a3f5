// The utförd egenkontroll (see egenkontroll_run.hpp): answer keys, body JSON in and out with exact
// error paths and the shape of older bodies, the checks of an edit and of marking it done, results.
#include "egenkontroll_run.hpp"

#include "core/json_check.hpp"
#include "core/personnummer.hpp"
#include "core/workspace.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace kvh::core {

using nlohmann::json;

namespace {

constexpr std::array<EnumKey<Answer>, 4> kAnswers{{
    {Answer::ej_besvarad, "ej_besvarad", Msg::answer_ej_besvarad},
    {Answer::ja, "ja", Msg::answer_ja},
    {Answer::nej, "nej", Msg::answer_nej},
    {Answer::ej_aktuellt, "ej_aktuellt", Msg::answer_ej_aktuellt},
}};
static_assert(kAnswers.size() == std::size(all_answers));

constexpr std::string_view kBodyKeys[] = {"plan",
                                          "kontroll",
                                          "omrade",
                                          "metod",
                                          "period_fran",
                                          "period_till",
                                          "utford_av",
                                          "malniva",
                                          "fragor",
                                          "dragning",
                                          "urval",
                                          "fynd",
                                          "analys",
                                          "slutsats",
                                          "rapporterad_till",
                                          "rapporterad_datum",
                                          "klar_datum",
                                          "atgarder"};

// A run written before the run had a model: its questions {fraga, svar: [one per sample]} without ids,
// its sample a list of references, answers ja / nej / ej_tillampligt, actions without ids, and the
// result it computed then. Put into today's shape: each reference a sample holding its answers (a
// longer list of answers than of references gives samples without a reference, so no answer is
// lost); ej_tillampligt is ej_aktuellt; the computed "resultat" is dropped.
json legacy_run(const json& body, std::string_view doc_id) {
    json out = body;
    out.erase("resultat");
    std::vector<std::string> question_ids;
    std::size_t answers = 0;
    if (const auto q = out.find("fragor"); q != out.end() && q->is_array()) {
        json questions = json::array();
        for (std::size_t i = 0; i < q->size(); ++i) {
            const json& item = (*q)[i];
            const std::string id = legacy_run_id(doc_id, "fragor", i);
            question_ids.push_back(id);
            json question = {{"id", id}};
            if (item.is_object() && item.contains("fraga")) question["text"] = item["fraga"];
            if (item.is_object() && item.contains("svar") && item["svar"].is_array())
                answers = std::max(answers, item["svar"].size());
            questions.push_back(std::move(question));
        }
        *q = std::move(questions);
        const json old_questions = body["fragor"];
        const json refs = body.contains("urval") && body["urval"].is_array() ? body["urval"] : json::array();
        json samples = json::array();
        for (std::size_t k = 0; k < std::max(refs.size(), answers); ++k) {
            json sample = {{"id", legacy_run_id(doc_id, "urval", k)}};
            if (k < refs.size()) sample["referens"] = refs[k];
            json given = json::array();
            for (std::size_t i = 0; i < old_questions.size(); ++i) {
                const json& item = old_questions[i];
                if (!item.is_object() || !item.contains("svar") || !item["svar"].is_array() ||
                    k >= item["svar"].size())
                    continue;
                json answer = item["svar"][k];
                if (answer == "ej_tillampligt") answer = "ej_aktuellt";
                given.push_back({{"fraga", question_ids[i]}, {"svar", std::move(answer)}});
            }
            sample["svar"] = std::move(given);
            samples.push_back(std::move(sample));
        }
        out["urval"] = std::move(samples);
    } else if (const auto u = out.find("urval"); u != out.end() && u->is_array()) {
        json samples = json::array();
        for (std::size_t k = 0; k < u->size(); ++k)
            samples.push_back({{"id", legacy_run_id(doc_id, "urval", k)}, {"referens", (*u)[k]}});
        *u = std::move(samples);
    }
    if (const auto a = out.find("atgarder"); a != out.end() && a->is_array())
        for (std::size_t i = 0; i < a->size(); ++i)
            if ((*a)[i].is_object() && !(*a)[i].contains("id"))
                (*a)[i] = free_body_action((*a)[i], legacy_run_id(doc_id, "atgarder", i));
    return out;
}

// Whether the body is of the shape before the run had a model (legacy_run).
bool is_legacy_run(const json& body) {
    const auto is_old = [&](const char* key, auto test) {
        const auto it = body.find(key);
        return it != body.end() && it->is_array() && std::any_of(it->begin(), it->end(), test);
    };
    return is_old("urval", [](const json& s) { return s.is_string(); }) ||
           is_old("fragor", [](const json& q) { return q.is_object() && !q.contains("id"); }) ||
           is_old("atgarder", [](const json& a) { return a.is_object() && !a.contains("id"); });
}

json sample_to_json(const Sample& s) {
    json answers = json::array();
    for (const SampleAnswer& a : s.answers)
        answers.push_back({{"fraga", a.question}, {"svar", answer_key(a.answer)}, {"anteckning", a.note}});
    return {{"id", s.id}, {"referens", s.ref}, {"svar", std::move(answers)}};
}

using Ids = std::map<std::string, std::string, std::less<>>; // id -> where it was first seen

bool claim(Ids& ids, const std::string& id, const std::string& path, std::vector<ValidationError>& errors) {
    const auto [at, fresh] = ids.emplace(id, path);
    if (!fresh) errors.push_back({join_path(path, "id"), Msg::err_id_repeated, {id, at->second}, {}});
    return fresh;
}

bool has_question(const std::vector<CheckQuestion>& questions, std::string_view id) {
    return std::any_of(questions.begin(), questions.end(),
                       [&](const CheckQuestion& q) { return q.id == id; });
}

void read_sample(const json& item, const std::string& path, const std::vector<CheckQuestion>& questions,
                 Ids& ids, std::vector<ValidationError>& errors, ItemList<Sample>& out) {
    Reader r(item, path, errors);
    Sample s;
    if (const std::string* id = read_uuid(r, "id"); id && claim(ids, *id, path, errors)) s.id = *id;
    read_string(r, "referens", s.ref);
    read_objects(r, "svar", [&](const json& a, const std::string& a_path) {
        Reader ar(a, a_path, errors);
        SampleAnswer answer;
        if (const std::string* q = ar.get_string("fraga")) {
            if (!has_question(questions, *q))
                ar.add("fraga", Msg::err_question_unknown, {*q});
            else if (answer_of(s, *q))
                ar.add("fraga", Msg::err_answer_repeated, {*q});
            answer.question = *q;
        }
        const std::string* value = ar.optional_string("svar");
        if (value) {
            if (const auto v = answer_from_key(*value))
                answer.answer = *v;
            else
                ar.add("svar", Msg::err_unknown_value, {*value, "ej_besvarad, ja, nej, ej_aktuellt"});
        }
        read_string(ar, "anteckning", answer.note);
        s.answers.push_back(std::move(answer));
    });
    out.push_back(std::move(s));
}

// A text that must not hold a personnummer: refused at `path`.`key` with the reason of the first.
void check_no_id_number(std::string_view text, const std::string& path, std::string_view key,
                        std::vector<ValidationError>& errors) {
    const auto hits = find_id_numbers(text);
    if (!hits.empty()) errors.push_back({join_path(path, key), hits[0].reason, {}, {}});
}

void check_sample(const Sample& s, const std::vector<CheckQuestion>& questions, const std::string& path,
                  std::vector<ValidationError>& errors) {
    if (!is_uuid(s.id)) errors.push_back({join_path(path, "id"), Msg::err_bad_uuid, {s.id}, {}});
    if (check_text(s.ref, path, "referens", errors)) check_no_id_number(s.ref, path, "referens", errors);
    for (std::size_t j = 0; j < s.answers.size(); ++j) {
        const SampleAnswer& a = s.answers[j];
        const std::string at = index_path(join_path(path, "svar"), j);
        if (!has_question(questions, a.question))
            errors.push_back({join_path(at, "fraga"), Msg::err_question_unknown, {a.question}, {}});
        else
            for (std::size_t k = 0; k < j; ++k)
                if (s.answers[k].question == a.question)
                    errors.push_back({join_path(at, "fraga"), Msg::err_answer_repeated, {a.question}, {}});
        if (check_text(a.note, at, "anteckning", errors))
            check_no_id_number(a.note, at, "anteckning", errors);
    }
}

// What a run marked done must have.
void check_done(const EgenkontrollRun& r, const std::string& path, std::vector<ValidationError>& errors) {
    if (r.questions.empty())
        errors.push_back({join_path(path, "fragor"), Msg::err_run_done_no_questions, {}, {}});
    if (r.samples.empty()) {
        errors.push_back({join_path(path, "urval"), Msg::err_run_done_no_sample, {}, {}});
        return;
    }
    const RunResults results = run_results(r);
    const int incomplete = int(r.samples.size()) - results.complete_samples;
    if (!r.questions.empty() && incomplete > 0)
        errors.push_back({join_path(path, "urval"),
                          Msg::err_run_done_unanswered,
                          {std::to_string(incomplete), std::to_string(r.samples.size())},
                          {}});
    if (!results.below_target.empty() && is_blank(r.analysis))
        errors.push_back(
            {join_path(path, "analys"), Msg::err_run_done_no_analysis, {std::to_string(r.target)}, {}});
}

} // namespace

std::uint64_t EgenkontrollRun::hash_item(const Sample& s) {
    FieldHasher f;
    f.add(s.id).add(s.ref).add(std::int64_t(s.answers.size()));
    for (const SampleAnswer& a : s.answers) f.add(a.question).add(answer_key(a.answer)).add(a.note);
    return f.h;
}

std::string_view answer_key(Answer a) {
    return enum_entry(kAnswers, a).key;
}
std::optional<Answer> answer_from_key(std::string_view key) {
    return enum_from_key(kAnswers, key);
}
Msg answer_name(Answer a) {
    return enum_entry(kAnswers, a).name;
}

const SampleAnswer* answer_of(const Sample& s, std::string_view question) {
    for (const SampleAnswer& a : s.answers)
        if (a.question == question) return &a;
    return nullptr;
}

void set_answer(Sample& s, std::string_view question, Answer a) {
    for (SampleAnswer& x : s.answers)
        if (x.question == question) {
            x.answer = a;
            return;
        }
    s.answers.push_back({std::string(question), a, ""});
}

std::string legacy_run_id(std::string_view doc_id, std::string_view list, std::size_t index) {
    return name_based_uuid("egenkontroll/" + std::string(doc_id) + "/" + std::string(list) + "/" +
                           std::to_string(index));
}

json EgenkontrollRun::head_json() const {
    json asked = json::array();
    for (const CheckQuestion& q : questions) asked.push_back({{"id", q.id}, {"text", q.text}});
    json acts = json::array();
    for (const Action& a : actions) acts.push_back(action_to_json(a));
    return with_extra(
        {{"plan", plan},
         {"kontroll", check},
         {"omrade", area},
         {"metod", check_method_key(method)},
         {"period_fran", period_from},
         {"period_till", period_to},
         {"utford_av", performed_by},
         {"malniva", target},
         {"fragor", std::move(asked)},
         {"dragning",
          {{"fro", draw.seed}, {"population", draw.population}, {"fingeravtryck", draw.fingerprint}}},
         {"fynd", findings},
         {"analys", analysis},
         {"slutsats", conclusion},
         {"rapporterad_till", reported_to},
         {"rapporterad_datum", reported_date},
         {"klar_datum", done_date},
         {"atgarder", std::move(acts)}},
        extra);
}

json EgenkontrollRun::item_json(std::size_t i) const {
    return sample_to_json(samples[i]);
}

void EgenkontrollRun::for_each_own_action(const ActionVisitor& visit) const {
    for (const Action& a : actions) visit("", a);
}

BodyPtr EgenkontrollRun::with_action(const std::string& item, const std::string& action,
                                     FunctionRef<void(Action&)> change) const {
    if (!item.empty()) return nullptr;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        if (actions[i].id != action) continue;
        auto next = std::make_shared<EgenkontrollRun>(*this);
        change(next->actions[i]);
        return next;
    }
    return nullptr;
}

std::optional<EgenkontrollRun> egenkontroll_run_from_body(const json& given, const std::string& path,
                                                          std::vector<ValidationError>& errors,
                                                          std::string_view doc_id) {
    if (!expect_object(given, path, errors)) return std::nullopt;
    const json legacy = is_legacy_run(given) ? legacy_run(given, doc_id) : json();
    const json& body = legacy.is_null() ? given : legacy;
    const std::size_t errors_before = errors.size();
    Reader r(body, path, errors);
    EgenkontrollRun run;
    read_string(r, "plan", run.plan);
    if (!run.plan.empty() && !is_uuid(run.plan)) r.add("plan", Msg::err_bad_uuid, {run.plan});
    read_string(r, "kontroll", run.check);
    if (!run.check.empty() && !is_uuid(run.check)) r.add("kontroll", Msg::err_bad_uuid, {run.check});
    read_string(r, "omrade", run.area);
    read_check_method(r, "metod", run.method);
    read_date(r, "period_fran", run.period_from);
    read_date(r, "period_till", run.period_to);
    read_string(r, "utford_av", run.performed_by);
    read_score(r, "malniva", 100, run.target);
    Ids ids;
    read_objects(r, "fragor", [&](const json& q, const std::string& q_path) {
        Reader qr(q, q_path, errors);
        CheckQuestion question;
        if (const std::string* id = read_uuid(qr, "id"); id && claim(ids, *id, q_path, errors))
            question.id = *id;
        read_string(qr, "text", question.text);
        run.questions.push_back(std::move(question));
    });
    if (const json* d = r.optional("dragning", Msg::json_type_object)) {
        Reader dr(*d, r.path("dragning"), errors);
        read_string(dr, "fro", run.draw.seed);
        read_score(dr, "population", kMaxPopulation, run.draw.population);
        read_string(dr, "fingeravtryck", run.draw.fingerprint);
    }
    read_objects(r, "urval", [&](const json& item, const std::string& item_path) {
        read_sample(item, item_path, run.questions, ids, errors, run.samples);
    });
    read_string(r, "fynd", run.findings);
    read_string(r, "analys", run.analysis);
    read_string(r, "slutsats", run.conclusion);
    read_string(r, "rapporterad_till", run.reported_to);
    read_date(r, "rapporterad_datum", run.reported_date);
    read_date(r, "klar_datum", run.done_date);
    read_objects(r, "atgarder", [&](const json& a, const std::string& a_path) {
        if (auto action = action_from_json(a, a_path, errors);
            action && claim(ids, action->id, a_path, errors))
            run.actions.push_back(std::move(*action));
    });
    run.extra = unknown_keys(body, kBodyKeys);
    if (errors.size() != errors_before) return std::nullopt;
    return run;
}

bool check_egenkontroll_run(const EgenkontrollRun& r, const EgenkontrollRun* before, const std::string& path,
                            std::vector<ValidationError>& errors) {
    const std::size_t errors_before = errors.size();
    for (const auto& [key, value] :
         {std::pair<std::string_view, const std::string*>{"plan", &r.plan}, {"kontroll", &r.check}})
        if (!value->empty() && !is_uuid(*value))
            errors.push_back({join_path(path, key), Msg::err_bad_uuid, {*value}, {}});
    const std::pair<std::string_view, const std::string*> dates[] = {{"period_fran", &r.period_from},
                                                                     {"period_till", &r.period_to},
                                                                     {"rapporterad_datum", &r.reported_date},
                                                                     {"klar_datum", &r.done_date}};
    for (const auto& [key, value] : dates)
        if (!value->empty() && !is_iso_date(*value))
            errors.push_back({join_path(path, key), Msg::err_bad_date, {*value}, {}});
    // Checked when the period changes: a run read with the two the wrong way round stays editable.
    const bool period_changed =
        !before || before->period_from != r.period_from || before->period_to != r.period_to;
    if (period_changed && !r.period_from.empty() && !r.period_to.empty() && r.period_to < r.period_from)
        errors.push_back({join_path(path, "period_till"), Msg::err_period_order, {r.period_from}, {}});
    const std::pair<std::string_view, const std::string*> texts[] = {
        {"omrade", &r.area},     {"utford_av", &r.performed_by}, {"fynd", &r.findings},
        {"analys", &r.analysis}, {"slutsats", &r.conclusion},    {"rapporterad_till", &r.reported_to},
    };
    for (const auto& [key, value] : texts) check_text(*value, path, key, errors);
    const std::string draw_path = join_path(path, "dragning");
    check_text(r.draw.seed, draw_path, "fro", errors);
    check_text(r.draw.fingerprint, draw_path, "fingeravtryck", errors);
    if (r.draw.population < 0 || r.draw.population > kMaxPopulation)
        errors.push_back(
            {join_path(draw_path, "population"), Msg::err_score_range, {std::to_string(kMaxPopulation)}, {}});
    if (r.target < 0 || r.target > 100)
        errors.push_back({join_path(path, "malniva"), Msg::err_score_range, {"100"}, {}});
    check_questions(r.questions, path, errors);
    check_actions(r.actions, before ? &before->actions : nullptr, path, errors);
    // Samples are checked against the questions: when those changed, all of them again.
    const bool same_questions = before && before->questions == r.questions;
    const std::string list_path = join_path(path, "urval");
    for (std::size_t i = 0; i < r.samples.size(); ++i) {
        if (same_questions && i < before->samples.size() && r.samples.same_item(i, before->samples, i))
            continue;
        check_sample(r.samples[i], r.questions, index_path(list_path, i), errors);
    }
    // Ids are unique across questions, samples and actions; checked whole, it costs a map of ids.
    std::map<std::string_view, std::string> seen;
    const auto unique = [&](std::string_view id, const std::string& at) {
        if (const auto [first, fresh] = seen.emplace(id, at); !fresh)
            errors.push_back(
                {join_path(at, "id"), Msg::err_id_repeated, {std::string(id), first->second}, {}});
    };
    for (std::size_t i = 0; i < r.questions.size(); ++i)
        unique(r.questions[i].id, index_path(join_path(path, "fragor"), i));
    for (std::size_t i = 0; i < r.samples.size(); ++i) unique(r.samples[i].id, index_path(list_path, i));
    for (std::size_t i = 0; i < r.actions.size(); ++i)
        unique(r.actions[i].id, index_path(join_path(path, "atgarder"), i));
    if (r.done()) check_done(r, path, errors);
    return errors.size() == errors_before;
}

EgenkontrollRunPtr egenkontroll_run_of(const Document& doc) {
    if (!doc.body || doc.body->kind() != DocKind::egenkontroll) return nullptr;
    return std::static_pointer_cast<const EgenkontrollRun>(doc.body);
}

EgenkontrollRun run_of_check(std::string_view plan_id, const PlannedCheck& check) {
    EgenkontrollRun r;
    r.plan = std::string(plan_id);
    r.check = check.id;
    r.area = check.area;
    r.method = check.method;
    r.target = check.target;
    r.questions = check.questions;
    return r;
}

void remove_question(EgenkontrollRun& r, std::string_view question) {
    std::erase_if(r.questions, [&](const CheckQuestion& q) { return q.id == question; });
    for (std::size_t i = 0; i < r.samples.size(); ++i)
        if (answer_of(r.samples[i], question))
            std::erase_if(r.samples.edit(i).answers,
                          [&](const SampleAnswer& a) { return a.question == question; });
}

std::optional<double> Compliance::percent() const {
    if (denominator() == 0) return std::nullopt;
    return 100.0 * yes / denominator();
}

std::optional<int> Compliance::rounded_percent() const {
    const auto p = percent();
    if (!p) return std::nullopt;
    return int(std::floor(*p + 0.5));
}

RunResults run_results(const EgenkontrollRun& r) {
    RunResults out;
    out.per_question.resize(r.questions.size());
    std::map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < r.questions.size(); ++i) index.emplace(r.questions[i].id, i);
    for (const Sample& s : r.samples) {
        std::size_t answered = 0;
        for (const SampleAnswer& a : s.answers) {
            const auto it = index.find(a.question);
            if (it == index.end()) continue;
            Compliance& c = out.per_question[it->second];
            switch (a.answer) {
            case Answer::ja:
                ++c.yes;
                break;
            case Answer::nej:
                ++c.no;
                break;
            case Answer::ej_aktuellt:
                ++c.not_applicable;
                break;
            case Answer::ej_besvarad:
                continue;
            }
            ++answered;
        }
        if (answered == r.questions.size()) ++out.complete_samples;
    }
    for (std::size_t i = 0; i < out.per_question.size(); ++i) {
        Compliance& c = out.per_question[i];
        c.unanswered = int(r.samples.size()) - c.yes - c.no - c.not_applicable;
        out.overall.yes += c.yes;
        out.overall.no += c.no;
        out.overall.not_applicable += c.not_applicable;
        out.overall.unanswered += c.unanswered;
        if (const auto p = c.percent(); p && *p < r.target) out.below_target.push_back(i);
    }
    out.deviations = out.overall.no;
    return out;
}

std::optional<Interval> wilson_interval(int yes, int n) {
    if (n <= 0 || yes < 0 || yes > n) return std::nullopt;
    constexpr double z = 1.959964;
    const double p = double(yes) / n, z2 = z * z;
    const double denom = 1 + z2 / n;
    const double centre = (p + z2 / (2.0 * n)) / denom;
    const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
    return Interval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

std::string compliance_text(const Compliance& c, Lang lang) {
    const std::optional<int> p = c.rounded_percent();
    if (!p) return tr(Msg::compliance_none, lang);
    return fmt(Msg::compliance_share, lang,
               {std::to_string(c.yes), std::to_string(c.denominator()), std::to_string(*p)});
}

std::string uncertainty_text(const Compliance& c, Lang lang) {
    const std::optional<Interval> i = wilson_interval(c.yes, c.denominator());
    if (!i) return "";
    const auto whole = [](double share) { return std::to_string(int(std::floor(share * 100 + 0.5))); };
    return fmt(Msg::compliance_interval, lang, {whole(i->low), whole(i->high)});
}

Action proposed_action(const EgenkontrollRun& r, std::size_t question, const Compliance& c,
                       const Environment& env, Lang lang) {
    Action a;
    a.id = new_uuid_v4(env);
    a.why = fmt(Msg::proposed_action_cause, lang,
                {question < r.questions.size() ? r.questions[question].text : std::string(),
                 compliance_text(c, lang), std::to_string(r.target)});
    return a;
}

} // namespace kvh::core
