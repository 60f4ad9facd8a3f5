// The utförd egenkontroll under the document's header: the check it runs, its questions, the sample
// (typed, pasted or drawn at random with a shown seed), the answers (egenkontroll_run_answers.cpp,
// egenkontroll_run_answering.cpp), the results with their denominators and uncertainty, the
// check's results over the years, findings, analysis, actions, marking it done, and its report.
#include "egenkontroll_run_parts.hpp"

#include "action_editor.hpp"
#include "core/egenkontroll/run_report.hpp"
#include "core/egenkontroll/run_sample.hpp"
#include "core/personnummer.hpp"

#include <algorithm>
#include <cfloat>

namespace kvh::ui {

using core::Answer;
using core::EgenkontrollRun;
using core::Msg;

namespace run_view {

// [SECTION] State and edits
RunViewState& view_of(App& app, const core::Document& doc) {
    RunViewState& s = app.state.run_view;
    if (s.doc != doc.id) {
        s = RunViewState{};
        s.doc = doc.id;
    }
    return s;
}

bool edit_run(App& app, const std::string& id, core::UndoLabel label,
              core::FunctionRef<void(EgenkontrollRun&)> change, bool typing) {
    return edit_body(app, id, core::egenkontroll_run_of, std::move(label), change, typing);
}

core::EgenkontrollRunPtr run_now(App& app, const std::string& id) {
    const core::Document* d = app.workspace().find(id);
    return d ? core::egenkontroll_run_of(*d) : nullptr;
}

// A text kept while the workspace refuses it (a personnummer, a period that ends before it begins):
// shown as typed, with the reason under it, until it is stored or the stored value changes.
std::string shown_text(RunViewState& s, const std::string& key, const std::string& stored) {
    const auto it = s.refused.find(key);
    return it != s.refused.end() ? it->second.text : stored;
}
void after_edit(App& app, RunViewState& s, const std::string& key, const std::string& typed, bool ok) {
    if (ok || app.workspace().refusal().empty())
        s.refused.erase(key);
    else
        s.refused[key] = {typed, refused_change_text(app.workspace().refusal())};
}
void show_refused(const RunViewState& s, const std::string& key) {
    if (const auto it = s.refused.find(key); it != s.refused.end())
        colored_text(color_warning(), it->second.reason.c_str());
}

// [SECTION] Results
void refresh_results(App& app, RunViewState& s, const EgenkontrollRun& r) {
    if (s.results_generation == app.workspace().generation()) return;
    s.results_generation = app.workspace().generation();
    const core::Lang lang = core::language();
    const core::RunResults res = core::run_results(r);
    const auto result_of = [&](const core::Compliance& c) {
        const auto p = c.percent();
        return RunViewState::QuestionResult{c, core::compliance_text(c, lang),
                                            core::uncertainty_text(c, lang), p && *p < r.target};
    };
    s.per_question.clear();
    for (std::size_t i = 0; i < res.per_question.size(); ++i) {
        RunViewState::QuestionResult q = result_of(res.per_question[i]);
        if (q.below) {
            const std::string why =
                core::proposed_action(r, i, q.compliance, app.workspace().env(), lang).why;
            q.proposed = std::any_of(r.actions.begin(), r.actions.end(),
                                     [&](const core::Action& a) { return a.why == why; });
        }
        s.per_question.push_back(std::move(q));
    }
    s.overall = result_of(res.overall);
    s.complete_samples = res.complete_samples;
    s.summary = core::run_summary_text(r, res, lang);
    s.history.clear();
    if (!r.plan.empty() && !r.check.empty())
        s.history = core::check_history(app.workspace().documents(), r.plan, r.check);
}

} // namespace run_view

using namespace run_view;

namespace {

core::UndoLabel field_label(Msg field) {
    return {Msg::risk_undo_header, {}, {field}};
}

std::string field_key(Msg field) {
    return "field/" + std::to_string(int(field));
}

// [SECTION] The check: plan, area, method, period, who, target
void text_of(App& app, RunViewState& s, const core::Document& doc, const EgenkontrollRun& r, Msg label,
             std::string EgenkontrollRun::*member, float lines = 0, FieldKind kind = FieldKind::prose) {
    const std::string key = field_key(label);
    std::string v = shown_text(s, key, r.*member);
    if (text_field(core::tr(label), v, lines, kind))
        after_edit(app, s, key, v,
                   edit_run(
                       app, doc.id, field_label(label), [&](EgenkontrollRun& x) { x.*member = v; }, true));
    show_refused(s, key);
}

void date_of(App& app, RunViewState& s, const core::Document& doc, const EgenkontrollRun& r, Msg label,
             std::string EgenkontrollRun::*member) {
    const std::string key = field_key(label);
    std::string v = r.*member;
    if (const DateChange c = date_field(app, core::tr(label), v); c != DateChange::none)
        after_edit(app, s, key, v,
                   edit_run(
                       app, doc.id, field_label(label), [&](EgenkontrollRun& x) { x.*member = v; },
                       c == DateChange::typed));
    show_refused(s, key);
}

void draw_plan_link(App& app, const EgenkontrollRun& r) {
    if (r.plan.empty()) {
        wrapped_muted(core::tr(Msg::ekrun_free_standing));
        return;
    }
    const core::Document* plan = app.workspace().find(r.plan);
    const core::EgenkontrollPlanPtr p = plan ? core::egenkontroll_plan_of(*plan) : nullptr;
    if (!p) {
        wrapped_muted(core::tr(Msg::ekrun_plan_missing));
        return;
    }
    const core::PlannedCheck* check = core::find_check(*p, r.check);
    const std::string check_name = !check                         ? core::tr(Msg::ekrun_check_missing)
                                   : !core::is_blank(check->what) ? check->what
                                                                  : check->area;
    wrapped(core::fmt(Msg::ekrun_of_plan, {check_name, plan->title}).c_str());
    if (ImGui::Button(core::tr(Msg::ekrun_open_plan))) app.state.open_doc = r.plan;
}

void draw_check(App& app, RunViewState& s, const core::Document& doc, const EgenkontrollRun& r) {
    draw_plan_link(app, r);
    ImGui::BeginDisabled(app.read_only());
    text_of(app, s, doc, r, Msg::ekrun_area, &EgenkontrollRun::area);
    if (const auto m = enum_choice(core::tr(Msg::ekrun_method), r.method, core::all_check_methods,
                                   core::check_method_name))
        edit_run(app, doc.id, field_label(Msg::ekrun_method), [&](EgenkontrollRun& x) { x.method = *m; });
    date_of(app, s, doc, r, Msg::ekrun_period_from, &EgenkontrollRun::period_from);
    date_of(app, s, doc, r, Msg::ekrun_period_to, &EgenkontrollRun::period_to);
    text_of(app, s, doc, r, Msg::ekrun_performed_by, &EgenkontrollRun::performed_by, 0, FieldKind::name);

    text(core::tr(Msg::ekrun_target));
    int target = r.target;
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 10 * ImGui::GetFontSize()));
    if (number_field((std::string("##") + core::tr(Msg::ekrun_target)).c_str(), &target, 5) && target >= 0 &&
        target <= 100)
        edit_run(
            app, doc.id, field_label(Msg::ekrun_target), [&](EgenkontrollRun& x) { x.target = target; },
            true);
    ImGui::EndDisabled();
}

// [SECTION] Questions
void draw_questions(App& app, RunViewState& s, const core::Document& doc, const EgenkontrollRun& r) {
    section_title(core::fmt(Msg::ekrun_questions_title, {std::to_string(r.questions.size())}).c_str());
    if (r.questions.empty()) wrapped_muted(core::tr(Msg::ekrun_no_questions));
    ImGui::BeginDisabled(app.read_only());
    const char* remove = core::tr(Msg::ekrun_remove);
    const float remove_w = ImGui::CalcTextSize(remove).x + 2 * ImGui::GetStyle().FramePadding.x;
    for (std::size_t i = 0; i < r.questions.size(); ++i) {
        const core::CheckQuestion& q = r.questions[i];
        ImGui::PushID(q.id.c_str());
        const std::string number = std::to_string(i + 1);
        text(core::fmt(Msg::ekrun_question_n, {number}).c_str());
        std::string v = q.text;
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - remove_w -
                                ImGui::GetStyle().ItemSpacing.x);
        if (input_text(("##" + core::fmt(Msg::ekrun_question_n, {number})).c_str(), v))
            edit_run(
                app, doc.id, {Msg::ekrun_undo_question, {number}},
                [&](EgenkontrollRun& x) {
                    for (core::CheckQuestion& y : x.questions)
                        if (y.id == q.id) y.text = v;
                },
                true);
        ImGui::SameLine();
        const bool removed =
            ImGui::Button(remove) && edit_run(app, doc.id, {Msg::ekrun_undo_question_remove, {number}},
                                              [&](EgenkontrollRun& x) { core::remove_question(x, q.id); });
        ImGui::PopID();
        if (removed) {
            show_toast(app, core::fmt(Msg::ekrun_question_removed, {number}), true);
            break; // the rows below moved up: the next frame draws them
        }
    }
    text(core::tr(Msg::ekrun_new_question));
    ImGui::SetNextItemWidth(-FLT_MIN);
    input_text((std::string("##") + core::tr(Msg::ekrun_new_question)).c_str(), s.new_question);
    const bool submit = ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGuiKey_Enter, false);
    if ((ImGui::Button(core::tr(Msg::ekrun_add_question)) || submit) && !core::is_blank(s.new_question)) {
        core::CheckQuestion q{core::new_uuid_v4(app.workspace().env()), s.new_question};
        if (edit_run(app, doc.id, Msg::ekrun_undo_question_add,
                     [&](EgenkontrollRun& x) { x.questions.push_back(q); }))
            s.new_question.clear();
    }
    ImGui::EndDisabled();
}

// [SECTION] The sample: references added, or drawn
void draw_adding(App& app, RunViewState& s, const core::Document& doc, const EgenkontrollRun& r) {
    wrapped_muted(core::tr(Msg::ekrun_add_refs_help));
    if (text_field(core::tr(Msg::ekrun_add_refs), s.adding, 2, FieldKind::verbatim)) s.adding_refused.clear();
    // Flagged where it is typed: a personnummer never reaches the run (the workspace refuses it too).
    if (const auto hits = core::find_id_numbers(s.adding); !hits.empty()) {
        const auto& h = hits.front();
        colored_text(color_warning(),
                     core::fmt(Msg::ekrun_id_number_typed,
                               {s.adding.substr(h.begin, h.end - h.begin), core::tr(h.reason)})
                         .c_str());
    }
    if (!s.adding_refused.empty()) colored_text(color_warning(), s.adding_refused.c_str());
    ImGui::BeginDisabled(core::is_blank(s.adding));
    if (ImGui::Button(core::tr(Msg::ekrun_add_refs_button))) {
        const std::vector<std::string> refs = core::new_refs(r, s.adding);
        if (refs.empty())
            s.adding_refused = core::tr(Msg::ekrun_add_refs_none);
        else if (edit_run(app, doc.id, {Msg::ekrun_undo_add_samples, {std::to_string(refs.size())}},
                          [&](EgenkontrollRun& x) { core::add_samples(x, refs, app.workspace().env()); })) {
            s.adding.clear();
            s.adding_refused.clear();
            show_toast(app, core::fmt(Msg::ekrun_samples_added, {std::to_string(refs.size())}), true);
        } else {
            s.adding_refused = refused_change_text(app.workspace().refusal());
        }
    }
    ImGui::EndDisabled();
}

void make_draw(App& app, RunViewState& s, const core::Document& doc, std::uint64_t seed) {
    s.confirm_draw.reset();
    const std::size_t n = std::size_t(std::max(0, s.draw_size));
    if (edit_run(app, doc.id, {Msg::ekrun_undo_draw, {std::to_string(seed)}}, [&](EgenkontrollRun& x) {
            core::apply_draw(x, s.parsed, n, seed, app.workspace().env());
        })) {
        s.draw_problem.clear();
        s.current = s.question = 0;
        show_toast(app, core::fmt(Msg::ekrun_drawn, {std::to_string(n), std::to_string(seed)}), true);
    } else {
        s.draw_problem = refused_change_text(app.workspace().refusal());
    }
}

// A draw that would throw answers away is asked for first.
void ask_draw(App& app, RunViewState& s, const core::Document& doc, const EgenkontrollRun& r,
              std::uint64_t seed) {
    const std::size_t n = std::size_t(std::max(0, s.draw_size));
    if (const auto problem = core::draw_problem(s.parsed, n)) {
        s.draw_problem = core::fmt(*problem, {std::to_string(n), std::to_string(s.parsed.refs.size())});
        return;
    }
    if (!s.parsed.id_numbers.empty()) {
        s.draw_problem = core::fmt(Msg::ekrun_draw_id_numbers, {s.parsed.refs[s.parsed.id_numbers.front()]});
        return;
    }
    if (core::has_answers(r))
        s.confirm_draw = seed;
    else
        make_draw(app, s, doc, seed);
}

void draw_random(App& app, RunViewState& s, const core::Document& doc, const EgenkontrollRun& r) {
    if (!r.draw.seed.empty())
        wrapped(core::fmt(Msg::ekrun_draw_record,
                          {r.draw.seed, std::to_string(r.draw.population), r.draw.fingerprint})
                    .c_str());
    if (!ImGui::CollapsingHeader(core::tr(Msg::ekrun_draw_title))) return;
    wrapped_muted(core::tr(Msg::ekrun_draw_help));
    text_field(core::tr(Msg::ekrun_population), s.population, 4, FieldKind::verbatim);
    if (s.population_read != s.population) {
        s.parsed = core::parse_population(s.population);
        s.population_read = s.population;
        s.draw_problem.clear();
    }
    const core::Population& p = s.parsed;
    wrapped_muted(
        core::fmt(Msg::ekrun_population_read, {std::to_string(p.refs.size()), std::to_string(p.blanks),
                                               std::to_string(p.repeated.size())})
            .c_str());
    if (!p.id_numbers.empty())
        colored_text(color_warning(),
                     core::fmt(Msg::ekrun_draw_id_numbers, {p.refs[p.id_numbers.front()]}).c_str());
    text(core::tr(Msg::ekrun_draw_size));
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 10 * ImGui::GetFontSize()));
    if (number_field((std::string("##") + core::tr(Msg::ekrun_draw_size)).c_str(), &s.draw_size, 5))
        s.draw_problem.clear();

    ImGui::BeginDisabled(app.read_only() || s.confirm_draw.has_value());
    if (ImGui::Button(core::tr(Msg::ekrun_draw_button)))
        ask_draw(app, s, doc, r, core::new_seed(app.workspace().env().random_u64()));
    if (const auto seed = core::parse_seed(r.draw.seed)) {
        same_line_if_fits(core::tr(Msg::ekrun_draw_again));
        if (ImGui::Button(core::tr(Msg::ekrun_draw_again))) ask_draw(app, s, doc, r, *seed);
        if (!p.refs.empty() && core::population_fingerprint(p) != r.draw.fingerprint)
            wrapped_muted(core::tr(Msg::ekrun_draw_other_population));
    }
    ImGui::EndDisabled();
    if (!s.draw_problem.empty()) colored_text(color_warning(), s.draw_problem.c_str());
    if (s.confirm_draw) {
        colored_text(color_warning(), core::tr(Msg::ekrun_draw_confirm));
        if (ImGui::Button(core::tr(Msg::ekrun_draw_confirm_yes))) make_draw(app, s, doc, *s.confirm_draw);
        same_line_if_fits(core::tr(Msg::dialog_cancel));
        if (ImGui::Button(core::tr(Msg::dialog_cancel))) s.confirm_draw.reset();
    }
}

// [SECTION] Results
void result_lines(const RunViewState::QuestionResult& q) {
    if (!q.uncertainty.empty()) wrapped_muted(q.uncertainty.c_str());
    if (q.compliance.not_applicable > 0 || q.compliance.unanswered > 0)
        wrapped_muted(core::fmt(Msg::ekrun_apart, {std::to_string(q.compliance.not_applicable),
                                                   std::to_string(q.compliance.unanswered)})
                          .c_str());
}

void draw_results(App& app, const RunViewState& s, const core::Document& doc, const EgenkontrollRun& r) {
    section_title(core::tr(Msg::ekrun_results_title));
    wrapped(s.summary.c_str());
    if (r.questions.empty()) return;
    heading(core::fmt(Msg::ekrun_overall, {s.overall.share}).c_str());
    result_lines(s.overall);
    for (std::size_t i = 0; i < s.per_question.size() && i < r.questions.size(); ++i) {
        const auto& q = s.per_question[i];
        ImGui::PushID(int(i));
        ImGui::Spacing();
        wrapped(core::fmt(Msg::ekrun_question_result, {std::to_string(i + 1), r.questions[i].text, q.share})
                    .c_str());
        result_lines(q);
        if (q.below) {
            colored_text(color_warning(),
                         core::fmt(Msg::ekrun_below_target, {std::to_string(r.target)}).c_str());
            // The action it proposes, unless it is already among the run's actions.
            if (q.proposed)
                wrapped_muted(core::tr(Msg::ekrun_action_proposed));
            else if (!app.read_only() && ImGui::Button(core::tr(Msg::ekrun_propose_action))) {
                const core::Action proposed =
                    core::proposed_action(r, i, q.compliance, app.workspace().env(), core::language());
                if (edit_run(app, doc.id, Msg::plan_undo_action_add,
                             [&](EgenkontrollRun& x) { x.actions.push_back(proposed); }))
                    show_toast(app, core::tr(Msg::ekrun_action_added), true);
            }
        }
        ImGui::PopID();
    }
}

// The same check's compliance run by run, over the years: a bar each, its figures as text beside it.
void draw_history(const RunViewState& s, const core::Document& doc, const EgenkontrollRun& r) {
    if (r.plan.empty() || r.check.empty()) return;
    section_title(core::tr(Msg::ekrun_history_title));
    if (s.history.empty()) {
        wrapped_muted(core::tr(Msg::ekrun_history_none));
        return;
    }
    const core::Lang lang = core::language();
    const float bar_w = std::min(ImGui::GetContentRegionAvail().x, 24 * ImGui::GetFontSize());
    for (const core::HistoryPoint& h : s.history) {
        std::string line = core::fmt(Msg::ekrun_history_point, {std::to_string(h.year), h.period,
                                                                core::compliance_text(h.overall, lang)});
        if (h.run == doc.id) line += " " + std::string(core::tr(Msg::ekrun_history_this));
        text(line.c_str());
        const auto p = h.overall.percent();
        ImGui::ProgressBar(p ? float(*p / 100) : 0.f, ImVec2(bar_w, ImGui::GetTextLineHeight() * 0.8f), "");
        announce(line.c_str(), GImGui->LastItemData.Rect); // the bar says what the line above it says
    }
}

// [SECTION] Findings, actions, done, report
void draw_actions(App& app, const core::Document& doc, const EgenkontrollRun& r) {
    section_title(core::fmt(Msg::risk_actions_title, {std::to_string(r.actions.size())}).c_str());
    ImGui::BeginDisabled(app.read_only());
    for (std::size_t i = 0; i < r.actions.size(); ++i) {
        const core::Action& act = r.actions[i];
        const ActionPlace place{
            {doc.id, "", act.id}, SIZE_MAX, int(i) + 1, [i](Msg field) {
                return core::UndoLabel{Msg::plan_undo_action_field, {std::to_string(i + 1)}, {field}};
            }};
        if (draw_action(app, place, act, !layout().narrow) != ActionRowEvent::remove) continue;
        const std::string number = std::to_string(i + 1);
        if (edit_run(app, doc.id, {Msg::plan_undo_action_remove, {number}}, [&](EgenkontrollRun& x) {
                std::erase_if(x.actions, [&](const core::Action& y) { return y.id == act.id; });
            }))
            show_toast(app, core::fmt(Msg::plan_action_removed, {number}), true);
        break;
    }
    if (r.actions.empty()) wrapped_muted(core::tr(Msg::ekrun_no_actions));
    if (ImGui::Button(core::tr(Msg::risk_action_add))) {
        core::Action act;
        act.id = core::new_uuid_v4(app.workspace().env());
        edit_run(app, doc.id, Msg::plan_undo_action_add,
                 [&](EgenkontrollRun& x) { x.actions.push_back(act); });
    }
    ImGui::EndDisabled();
}

void draw_done(App& app, RunViewState& s, const core::Document& doc, const EgenkontrollRun& r) {
    section_title(core::tr(Msg::ekrun_done_title));
    ImGui::BeginDisabled(app.read_only());
    if (r.done()) {
        wrapped(core::fmt(Msg::ekrun_done_on, {r.done_date}).c_str());
        if (ImGui::Button(core::tr(Msg::ekrun_reopen)))
            edit_run(app, doc.id, Msg::ekrun_undo_reopen, [](EgenkontrollRun& x) { x.done_date.clear(); });
    } else if (ImGui::Button(core::tr(Msg::ekrun_mark_done))) {
        const std::string day = app.host().today();
        if (edit_run(app, doc.id, Msg::ekrun_undo_done, [&](EgenkontrollRun& x) { x.done_date = day; })) {
            s.done_refused.clear();
        } else {
            std::string reasons = core::tr(Msg::ekrun_done_refused);
            for (core::ValidationError e : app.workspace().refusal()) {
                e.path.clear();
                reasons += "\n• " + e.text(core::language());
            }
            s.done_refused = reasons;
        }
    }
    ImGui::EndDisabled();
    if (!s.done_refused.empty() && !r.done()) colored_text(color_warning(), s.done_refused.c_str());
}

void draw_report(App& app, const core::Document& doc, const EgenkontrollRun& r) {
    section_title(core::tr(Msg::ekrun_report_title));
    wrapped_muted(core::tr(Msg::ekrun_report_note));
    const core::Document* plan = r.plan.empty() ? nullptr : app.workspace().find(r.plan);
    if (ImGui::Button(core::tr(Msg::risk_print)))
        app.host().open_printable(doc.title,
                                  core::run_report_html(doc, r, plan ? plan->title : "", core::language()));
    same_line_if_fits(core::tr(Msg::risk_csv));
    download_button(app, core::tr(Msg::risk_csv), csv_file_name(doc), "text/csv;charset=utf-8",
                    [&] { return core::run_to_csv(r, core::language()); });
}

} // namespace

void draw_egenkontroll_run(App& app, const core::Document& doc) {
    const core::EgenkontrollRunPtr run = core::egenkontroll_run_of(doc);
    if (!run) return;
    const EgenkontrollRun& r = *run;
    RunViewState& s = view_of(app, doc);
    refresh_results(app, s, r);

    draw_check(app, s, doc, r);
    draw_questions(app, s, doc, r);

    section_title(core::fmt(Msg::ekrun_sample_title, {std::to_string(r.samples.size())}).c_str());
    ImGui::BeginDisabled(app.read_only());
    draw_adding(app, s, doc, r);
    draw_random(app, s, doc, r);
    ImGui::EndDisabled();
    if (r.samples.empty())
        wrapped_muted(core::tr(Msg::ekrun_no_samples));
    else if (r.questions.empty())
        wrapped_muted(core::tr(Msg::ekrun_answers_need_questions));
    else if (layout().narrow)
        draw_answer_entry(s, r);
    else
        draw_table(app, s, doc, r);

    draw_results(app, s, doc, r);
    draw_history(s, doc, r);

    section_title(core::tr(Msg::ekrun_analysis_title));
    ImGui::BeginDisabled(app.read_only());
    text_of(app, s, doc, r, Msg::ekrun_findings, &EgenkontrollRun::findings, 3);
    text_of(app, s, doc, r, Msg::ekrun_analysis, &EgenkontrollRun::analysis, 4);
    text_of(app, s, doc, r, Msg::ekrun_conclusion, &EgenkontrollRun::conclusion, 3);
    text_of(app, s, doc, r, Msg::ekrun_reported_to, &EgenkontrollRun::reported_to, 0, FieldKind::name);
    date_of(app, s, doc, r, Msg::ekrun_reported_date, &EgenkontrollRun::reported_date);
    ImGui::EndDisabled();

    draw_actions(app, doc, r);
    draw_done(app, s, doc, r);
    draw_report(app, doc, r);
}

} // namespace kvh::ui
