// The utförd egenkontroll under the document's header: the check it runs, its questions, the sample
// (typed, pasted or drawn at random with a shown seed), the answers — a table on a laptop, one sample
// at a time with big buttons on a phone — the results with their denominators and uncertainty, the
// check's results over the years, findings, analysis, actions, marking it done, and its report.
#include "views.hpp"

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

namespace {

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
              const std::function<void(EgenkontrollRun&)>& change, bool typing = false) {
    return edit_body(app, id, core::egenkontroll_run_of, std::move(label), change, typing);
}

core::EgenkontrollRunPtr run_now(App& app, const std::string& id) {
    const core::Document* d = app.workspace().find(id);
    return d ? core::egenkontroll_run_of(*d) : nullptr;
}

core::UndoLabel field_label(Msg field) {
    return {Msg::risk_undo_header, {}, {field}};
}

std::string field_key(Msg field) {
    return "field/" + std::to_string(int(field));
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
    if (ImGui::InputInt((std::string("##") + core::tr(Msg::ekrun_target)).c_str(), &target, 1, 5) &&
        target >= 0 && target <= 100)
        edit_run(
            app, doc.id, field_label(Msg::ekrun_target), [&](EgenkontrollRun& x) { x.target = target; },
            true);
    note_field(FieldKind::number);
    ImGui::EndDisabled();
}

// [SECTION] Questions
void draw_questions(App& app, RunViewState& s, const core::Document& doc, const EgenkontrollRun& r) {
    ImGui::SeparatorText(core::fmt(Msg::ekrun_questions_title, {std::to_string(r.questions.size())}).c_str());
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
    if (ImGui::InputInt((std::string("##") + core::tr(Msg::ekrun_draw_size)).c_str(), &s.draw_size, 1, 5))
        s.draw_problem.clear();
    note_field(FieldKind::number);

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

// [SECTION] Answers
const char* short_answer(Answer a) {
    switch (a) {
    case Answer::ja:
        return core::tr(Msg::answer_ja);
    case Answer::nej:
        return core::tr(Msg::answer_nej);
    case Answer::ej_aktuellt:
        return core::tr(Msg::ekrun_answer_short_na);
    case Answer::ej_besvarad:
        break;
    }
    return core::tr(Msg::ekrun_answer_short_none);
}

Answer answer_in(const core::Sample& sample, const std::string& question) {
    const core::SampleAnswer* a = core::answer_of(sample, question);
    return a ? a->answer : Answer::ej_besvarad;
}

std::string sample_name(const core::Sample& sample, std::size_t i) {
    return core::is_blank(sample.ref) ? core::fmt(Msg::ekrun_sample_n, {std::to_string(i + 1)}) : sample.ref;
}

bool set_answer(App& app, const core::Document& doc, const EgenkontrollRun& r, std::size_t row,
                std::size_t question, Answer a) {
    const core::Sample& sample = r.samples[row];
    const std::string& q = r.questions[question].id;
    if (answer_in(sample, q) == a) return false;
    return edit_run(app, doc.id, {Msg::ekrun_undo_answer, {sample_name(sample, row)}},
                    [&](EgenkontrollRun& x) { core::set_answer(x.samples.edit(row), q, a); });
}

// A sample's reference, as typed; a personnummer is refused and stays in the field with the reason.
void ref_field(App& app, RunViewState& s, const core::Document& doc, const core::Sample& sample,
               std::size_t row, const char* id) {
    std::string v = shown_text(s, sample.id, sample.ref);
    if (input_text(id, v, nullptr, FieldKind::verbatim))
        after_edit(app, s, sample.id, v,
                   edit_run(
                       app, doc.id, {Msg::ekrun_undo_ref, {std::to_string(row + 1)}},
                       [&](EgenkontrollRun& x) {
                           if (row < x.samples.size() && x.samples[row].id == sample.id)
                               x.samples.edit(row).ref = v;
                       },
                       true));
}

// The note of one answer; like a reference, a personnummer in it is refused where it is typed.
void answer_note_field(App& app, RunViewState& s, const core::Document& doc, const core::Sample& sample,
                       std::size_t row, const std::string& question, const char* id) {
    const std::string key = sample.id + "/" + question;
    const core::SampleAnswer* a = core::answer_of(sample, question);
    std::string v = shown_text(s, key, a ? a->note : std::string());
    if (input_text(id, v, core::tr(Msg::ekrun_note_hint)))
        after_edit(app, s, key, v,
                   edit_run(
                       app, doc.id, {Msg::ekrun_undo_note, {sample_name(sample, row)}},
                       [&](EgenkontrollRun& x) {
                           core::Sample& y = x.samples.edit(row);
                           if (!core::answer_of(y, question))
                               core::set_answer(y, question, Answer::ej_besvarad);
                           for (core::SampleAnswer& z : y.answers)
                               if (z.question == question) z.note = v;
                       },
                       true));
    show_refused(s, key);
}

bool remove_sample(App& app, const core::Document& doc, const core::Sample& sample, std::size_t row) {
    const std::string name = sample_name(sample, row);
    if (!edit_run(app, doc.id, {Msg::ekrun_undo_remove_sample, {name}}, [&](EgenkontrollRun& x) {
            x.samples.erase_if([&](const core::Sample& y) { return y.id == sample.id; });
        }))
        return false;
    show_toast(app, core::fmt(Msg::ekrun_sample_removed, {name}), true);
    return true;
}

// The laptop's table: a row per sample, a column per question. A cell is chosen with a click (or
// the arrow keys) and answered with J, N, E or Delete; Enter or a second click opens its answer and
// note.
void draw_table(App& app, RunViewState& s, const core::Document& doc, const EgenkontrollRun& r) {
    const std::size_t rows = r.samples.size(), nq = r.questions.size();
    for (std::size_t q = 0; q < nq; ++q)
        wrapped(core::fmt(Msg::ekrun_question_legend, {std::to_string(q + 1), r.questions[q].text}).c_str());
    wrapped_muted(core::tr(Msg::ekrun_table_keys));
    s.cell_row = std::min(s.cell_row, rows - 1);
    s.cell_question = std::min(s.cell_question, nq - 1);

    // Keys act on the chosen cell while no field has the keyboard.
    bool scroll_to_cell = false, open_cell = false;
    if (!ImGui::IsAnyItemActive() && !ImGui::GetIO().WantTextInput && !app.read_only() &&
        !ImGui::IsPopupOpen("##cell") && s.keys_on_table) {
        const auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(k, true); };
        if (pressed(ImGuiKey_DownArrow) && s.cell_row + 1 < rows) ++s.cell_row, scroll_to_cell = true;
        if (pressed(ImGuiKey_UpArrow) && s.cell_row > 0) --s.cell_row, scroll_to_cell = true;
        if (pressed(ImGuiKey_RightArrow) && s.cell_question + 1 < nq) ++s.cell_question;
        if (pressed(ImGuiKey_LeftArrow) && s.cell_question > 0) --s.cell_question;
        std::optional<Answer> typed;
        if (pressed(ImGuiKey_J)) typed = Answer::ja;
        if (pressed(ImGuiKey_N)) typed = Answer::nej;
        if (pressed(ImGuiKey_E)) typed = Answer::ej_aktuellt;
        if (pressed(ImGuiKey_Delete) || pressed(ImGuiKey_Backspace)) typed = Answer::ej_besvarad;
        if (typed) {
            set_answer(app, doc, r, s.cell_row, s.cell_question, *typed);
            if (s.cell_row + 1 < rows) ++s.cell_row, scroll_to_cell = true; // on down, as on a paper form
        }
        open_cell = pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeypadEnter);
    }

    const ImGuiStyle& style = ImGui::GetStyle();
    const float row_h = layout().row_height + 2 * style.CellPadding.y;
    const float height = std::min(float(rows + 1), 14.0f) * row_h + 2 * style.ScrollbarSize;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingFixedFit;
    const float cell_w = std::max(ImGui::CalcTextSize(core::tr(Msg::ekrun_answer_short_na)).x,
                                  ImGui::CalcTextSize(core::tr(Msg::answer_nej)).x) +
                         ImGui::CalcTextSize(" •").x + 2 * style.FramePadding.x;
    if (ImGui::BeginTable("##answers", int(nq) + 3, flags, ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(2, 1);
        ImGui::TableSetupColumn(core::tr(Msg::ekrun_col_nr));
        ImGui::TableSetupColumn(core::tr(Msg::ekrun_col_ref), ImGuiTableColumnFlags_WidthFixed,
                                12 * ImGui::GetFontSize());
        for (std::size_t q = 0; q < nq; ++q)
            ImGui::TableSetupColumn(core::fmt(Msg::ekrun_col_question, {std::to_string(q + 1)}).c_str(),
                                    ImGuiTableColumnFlags_WidthFixed, cell_w);
        ImGui::TableSetupColumn(core::tr(Msg::ekrun_col_remove));
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(int(rows), row_h);
        if (scroll_to_cell) clipper.IncludeItemByIndex(int(s.cell_row));
        bool changed = false;
        while (!changed && clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd && !changed; ++i) {
                const std::size_t row = std::size_t(i);
                const core::Sample& sample = r.samples[row];
                ImGui::TableNextRow(0, row_h);
                ImGui::PushID(sample.id.c_str());
                ImGui::TableNextColumn();
                ImGui::AlignTextToFramePadding();
                text(std::to_string(row + 1).c_str());
                ImGui::TableNextColumn();
                ImGui::SetNextItemWidth(-FLT_MIN);
                ImGui::BeginDisabled(app.read_only());
                ref_field(app, s, doc, sample, row,
                          ("##" + core::fmt(Msg::ekrun_ref_of, {std::to_string(row + 1)})).c_str());
                ImGui::EndDisabled();
                for (std::size_t q = 0; q < nq; ++q) {
                    ImGui::TableNextColumn();
                    const core::SampleAnswer* a = core::answer_of(sample, r.questions[q].id);
                    std::string label = short_answer(a ? a->answer : Answer::ej_besvarad);
                    if (a && !a->note.empty()) label += " •";
                    ImGui::PushID(int(q));
                    const bool chosen = s.keys_on_table && row == s.cell_row && q == s.cell_question;
                    // The first click chooses the cell, a click on the chosen one opens it.
                    if (ImGui::Button(label.c_str(), ImVec2(-FLT_MIN, 0))) {
                        open_cell = chosen;
                        s.cell_row = row;
                        s.cell_question = q;
                        s.keys_on_table = true;
                    }
                    if (chosen)
                        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                                            ImGui::GetColorU32(ImGuiCol_NavHighlight), 0, 0,
                                                            3);
                    if (chosen && scroll_to_cell) ImGui::SetScrollHereY();
                    ImGui::PopID();
                }
                ImGui::TableNextColumn();
                ImGui::BeginDisabled(app.read_only());
                changed =
                    ImGui::SmallButton(core::tr(Msg::ekrun_remove)) && remove_sample(app, doc, sample, row);
                ImGui::EndDisabled();
                ImGui::PopID();
            }
        ImGui::EndTable();
    }
    const ImRect table = GImGui->LastItemData.Rect;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !table.Contains(ImGui::GetIO().MousePos) &&
        !ImGui::IsPopupOpen("##cell"))
        s.keys_on_table = false;
    for (const auto& [key, refused] : s.refused)
        if (key.find('/') == std::string::npos) // a reference's; notes' and fields' keys hold a '/'
            colored_text(color_warning(), refused.reason.c_str());

    if (open_cell && !app.read_only()) ImGui::OpenPopup("##cell");
    if (ImGui::BeginPopup("##cell")) {
        const auto fresh = run_now(app, doc.id);
        if (fresh && s.cell_row < fresh->samples.size() && s.cell_question < fresh->questions.size()) {
            const core::Sample& sample = fresh->samples[s.cell_row];
            const std::string& q = fresh->questions[s.cell_question].id;
            text(core::fmt(Msg::ekrun_cell_title,
                           {sample_name(sample, s.cell_row), std::to_string(s.cell_question + 1)})
                     .c_str());
            for (Answer a : {Answer::ja, Answer::nej, Answer::ej_aktuellt, Answer::ej_besvarad})
                if (menu_item(core::tr(core::answer_name(a)), answer_in(sample, q) == a)) {
                    set_answer(app, doc, *fresh, s.cell_row, s.cell_question, a);
                    ImGui::CloseCurrentPopup();
                }
            ImGui::SetNextItemWidth(22 * ImGui::GetFontSize());
            answer_note_field(app, s, doc, sample, s.cell_row, q,
                              ("##" + std::string(core::tr(Msg::ekrun_note))).c_str());
        }
        ImGui::EndPopup();
    }
}

// Phone: how far the answering has come, and the way into it.
void draw_answer_entry(RunViewState& s, const EgenkontrollRun& r) {
    wrapped(core::fmt(Msg::ekrun_answered_count,
                      {std::to_string(s.complete_samples), std::to_string(r.samples.size())})
                .c_str());
    if (wide_button(core::tr(Msg::ekrun_answer_button))) {
        s.answering = true;
        s.current = core::next_unanswered(r, r.samples.size() - 1).value_or(0);
        s.question = core::first_unanswered_question(r, r.samples[s.current]).value_or(0);
    }
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

void result_lines(const RunViewState::QuestionResult& q) {
    if (!q.uncertainty.empty()) wrapped_muted(q.uncertainty.c_str());
    if (q.compliance.not_applicable > 0 || q.compliance.unanswered > 0)
        wrapped_muted(core::fmt(Msg::ekrun_apart, {std::to_string(q.compliance.not_applicable),
                                                   std::to_string(q.compliance.unanswered)})
                          .c_str());
}

void draw_results(App& app, const RunViewState& s, const core::Document& doc, const EgenkontrollRun& r) {
    ImGui::SeparatorText(core::tr(Msg::ekrun_results_title));
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
    ImGui::SeparatorText(core::tr(Msg::ekrun_history_title));
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
    ImGui::SeparatorText(core::fmt(Msg::risk_actions_title, {std::to_string(r.actions.size())}).c_str());
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
    ImGui::SeparatorText(core::tr(Msg::ekrun_done_title));
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
    ImGui::SeparatorText(core::tr(Msg::ekrun_report_title));
    wrapped_muted(core::tr(Msg::ekrun_report_note));
    const core::Document* plan = r.plan.empty() ? nullptr : app.workspace().find(r.plan);
    if (ImGui::Button(core::tr(Msg::risk_print)))
        app.host().open_printable(doc.title,
                                  core::run_report_html(doc, r, plan ? plan->title : "", core::language()));
    same_line_if_fits(core::tr(Msg::risk_csv));
    if (ImGui::Button(core::tr(Msg::risk_csv))) {
        const std::string name =
            core::fmt(Msg::risk_csv_filename, {doc.title.empty() ? kind_text(doc.kind) : doc.title});
        app.host().download(name, "text/csv;charset=utf-8", core::run_to_csv(r, core::language()));
        show_toast(app, core::fmt(Msg::toast_exported, {name}), false);
    }
}

// [SECTION] One sample at a time (phone)
// The question rows: each a target to choose the question the big buttons answer, with its answer.
void draw_question_rows(RunViewState& s, const EgenkontrollRun& r, const core::Sample& sample) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    const float row_h =
        std::max(layout().row_height, 2 * line + style.ItemSpacing.y + 2 * style.FramePadding.y);
    for (std::size_t q = 0; q < r.questions.size(); ++q) {
        ImGui::PushID(int(q));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x;
        const std::string title =
            core::fmt(Msg::ekrun_question_row, {std::to_string(q + 1), r.questions[q].text});
        if (ImGui::Selectable(("##" + title).c_str(), q == s.question, 0, ImVec2(w, row_h))) s.question = q;
        const ImVec2 text_at(at.x + style.FramePadding.x, at.y + style.FramePadding.y);
        const float text_w = w - 2 * style.FramePadding.x;
        draw_text_lines(ImGui::GetFont(), text_at, text_w, ImGui::GetColorU32(ImGuiCol_Text), title, 1);
        const Answer a = answer_in(sample, r.questions[q].id);
        const std::string answer = core::fmt(Msg::ekrun_answer_is, {core::tr(core::answer_name(a))});
        draw_text_lines(ImGui::GetFont(), ImVec2(text_at.x, text_at.y + line + style.ItemSpacing.y), text_w,
                        ImGui::GetColorU32(a == Answer::ej_besvarad ? ImGuiCol_TextDisabled : ImGuiCol_Text),
                        answer, 1);
        ImGui::PopID();
    }
}

// The buttons at the bottom, where a thumb reaches: the answers, then the way between samples.
void draw_answer_buttons(App& app, RunViewState& s, const core::Document& doc, const EgenkontrollRun& r) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const core::Sample& sample = r.samples[s.current];
    const Answer now = answer_in(sample, r.questions[s.question].id);
    const float w = ImGui::GetContentRegionAvail().x;
    const float big = std::max(64.0f, 1.5f * layout().row_height);
    const float third = (w - 2 * style.ItemSpacing.x) / 3;
    ImGui::BeginDisabled(app.read_only());
    bool first = true;
    for (Answer a : {Answer::ja, Answer::nej, Answer::ej_aktuellt}) {
        if (!first) ImGui::SameLine();
        first = false;
        const bool chosen = a == now;
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(core::tr(core::answer_name(a)), ImVec2(third, big)) &&
            set_answer(app, doc, r, s.current, s.question, a)) {
            // On to the next question this sample has not answered; the sample stays until Nästa.
            if (const auto fresh = run_now(app, doc.id); fresh && s.current < fresh->samples.size())
                if (const auto q = core::first_unanswered_question(*fresh, fresh->samples[s.current]))
                    s.question = *q;
        }
        if (chosen) ImGui::PopStyleColor();
    }
    ImGui::EndDisabled();
    const float half = (w - style.ItemSpacing.x) / 2, nav_h = std::max(48.0f, 1.1f * layout().row_height);
    const std::size_t n = r.samples.size();
    const auto go = [&](std::size_t to) {
        s.current = to;
        s.question = core::first_unanswered_question(r, r.samples[to]).value_or(0);
    };
    ImGui::BeginDisabled(s.current == 0);
    if (ImGui::Button(core::tr(Msg::ekrun_previous), ImVec2(half, nav_h))) go(s.current - 1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(s.current + 1 >= n);
    if (ImGui::Button(core::tr(Msg::ekrun_next), ImVec2(half, nav_h))) go(s.current + 1);
    ImGui::EndDisabled();
    const auto unanswered = core::next_unanswered(r, s.current);
    if (unanswered && *unanswered != s.current) {
        if (ImGui::Button(core::tr(Msg::ekrun_next_unanswered), ImVec2(w, nav_h))) go(*unanswered);
    } else if (!unanswered) {
        if (ImGui::Button(core::tr(Msg::ekrun_all_answered), ImVec2(w, nav_h))) s.answering = false;
    }
}

} // namespace

bool draw_run_answering(App& app, const core::Document& doc) {
    RunViewState& s = view_of(app, doc);
    const core::EgenkontrollRunPtr r = core::egenkontroll_run_of(doc);
    if (!s.answering || !layout().narrow || !r || r->samples.empty() || r->questions.empty()) {
        s.answering = false;
        return false;
    }
    refresh_results(app, s, *r);
    s.current = std::min(s.current, r->samples.size() - 1);
    s.question = std::min(s.question, r->questions.size() - 1);
    const core::Sample& sample = r->samples[s.current];
    if (ImGui::Button(core::tr(Msg::ekrun_back_to_run)) ||
        (ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::IsAnyItemActive())) {
        s.answering = false;
        return true;
    }
    heading(core::fmt(Msg::ekrun_progress, {std::to_string(s.current + 1), std::to_string(r->samples.size())})
                .c_str());
    wrapped_muted(core::fmt(Msg::ekrun_answered_count,
                            {std::to_string(s.complete_samples), std::to_string(r->samples.size())})
                      .c_str());
    wrapped_muted(core::fmt(Msg::ekrun_overall, {s.overall.share}).c_str());
    ImGui::PushID(sample.id.c_str());
    text(core::tr(Msg::ekrun_col_ref));
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::BeginDisabled(app.read_only());
    ref_field(app, s, doc, sample, s.current, (std::string("##") + core::tr(Msg::ekrun_col_ref)).c_str());
    ImGui::EndDisabled();
    show_refused(s, sample.id);

    // The questions scroll in the top part; the current one's note and the buttons stay at the bottom,
    // measured in the frame before.
    const float bottom = s.bottom_height > 0 ? s.bottom_height : 320.0f;
    ImGui::BeginChild("##questions", ImVec2(0, std::max(3 * layout().row_height,
                                                        ImGui::GetContentRegionAvail().y - bottom)));
    draw_question_rows(s, *r, sample);
    ImGui::Spacing();
    ImGui::BeginDisabled(app.read_only());
    if (ImGui::Button(core::tr(Msg::ekrun_remove_sample)) && remove_sample(app, doc, sample, s.current)) {
        ImGui::EndDisabled();
        ImGui::EndChild();
        ImGui::PopID();
        return true;
    }
    ImGui::EndDisabled();
    ImGui::EndChild();

    const float top = ImGui::GetCursorPosY();
    ImGuiIO& io = ImGui::GetIO();
    ImGui::PushFont(io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : nullptr);
    wrapped(core::fmt(Msg::ekrun_question_of,
                      {std::to_string(s.question + 1), std::to_string(r->questions.size()),
                       r->questions[s.question].text})
                .c_str());
    ImGui::PopFont();
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::BeginDisabled(app.read_only());
    answer_note_field(app, s, doc, sample, s.current, r->questions[s.question].id,
                      (std::string("##") + core::tr(Msg::ekrun_note)).c_str());
    ImGui::EndDisabled();
    draw_answer_buttons(app, s, doc, *r);
    s.bottom_height = ImGui::GetCursorPosY() - top + ImGui::GetStyle().ItemSpacing.y;
    ImGui::PopID();
    return true;
}

void draw_egenkontroll_run(App& app, const core::Document& doc) {
    const core::EgenkontrollRunPtr run = core::egenkontroll_run_of(doc);
    if (!run) return;
    const EgenkontrollRun& r = *run;
    RunViewState& s = view_of(app, doc);
    refresh_results(app, s, r);

    draw_check(app, s, doc, r);
    draw_questions(app, s, doc, r);

    ImGui::SeparatorText(core::fmt(Msg::ekrun_sample_title, {std::to_string(r.samples.size())}).c_str());
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

    ImGui::SeparatorText(core::tr(Msg::ekrun_analysis_title));
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
