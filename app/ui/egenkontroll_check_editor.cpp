// One planned check of the egenkontrollplan: every field of it, its questions and actions, its
// findings, its runs with the way to start one, and its results across runs and years as a small chart.
#include "egenkontroll_plan_parts.hpp"

#include "action_editor.hpp"
#include "core/atgarder/responsibles.hpp"
#include "core/date_input.hpp"

#include <algorithm>
#include <charconv>

namespace kvh::ui::plan_view {

using core::Msg;
using core::PlannedCheck;
using Plan = core::EgenkontrollPlan;

namespace {

// [SECTION] The edit path of one check
// Changes the check `id` (by id, not place: whatever an earlier edit in this frame moved, it is this
// check); one undo step per field of the check, keystrokes in it together.
bool edit_check(App& app, const core::Document& doc, const Plan& p, const std::string& id, Msg field,
                core::FunctionRef<void(PlannedCheck&)> change, bool typing = false) {
    return edit_plan(
        app, doc.id, {Msg::ek_undo_check_field, {std::to_string(check_number(p, id))}, {field}},
        [&](Plan& m) { core::edit_by_id(m.checks, id, change); }, typing);
}

void check_text(App& app, const core::Document& doc, const Plan& p, const PlannedCheck& c, Msg label,
                std::string PlannedCheck::*member, float lines, FieldKind kind = FieldKind::prose) {
    std::string v = c.*member;
    if (text_field(core::tr(label), v, lines, kind))
        edit_check(
            app, doc, p, c.id, label, [&](PlannedCheck& x) { x.*member = v; }, true);
}

// A whole number typed into a field of its own: what is typed stays in the field as typed, also when
// it is not (yet) a number in range — then it changes nothing and says why. Returns the new value when
// the text is one. `empty_is` is the value of an empty field, or nothing when it must be given.
std::optional<int> number_field(EgenkontrollPlanState& es, const std::string& key, const char* label,
                                int value, int lo, int hi, std::optional<int> empty_is) {
    wrapped(label);
    auto& ne = es.number;
    const bool mine = ne.key == key;
    std::string shown = mine ? ne.text : empty_is && value == *empty_is ? "" : std::to_string(value);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 10 * ImGui::GetFontSize()));
    std::optional<int> out;
    if (input_text(("##" + std::string(label)).c_str(), shown, nullptr, FieldKind::number)) {
        ne.key = key;
        ne.text = shown;
        std::string_view t = shown;
        while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
        while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
        int v = 0;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (t.empty() && empty_is) {
            out = *empty_is;
        } else if (!t.empty() && ec == std::errc() && end == t.data() + t.size() && v >= lo && v <= hi) {
            out = v;
        }
        ne.error =
            out ? "" : core::fmt(Msg::ek_number_invalid, {std::to_string(lo), std::to_string(hi), shown});
    }
    const bool active = ImGui::IsItemActive();
    if (ne.key == key && !ne.error.empty()) colored_text(color_warning(), ne.error.c_str());
    // Once left with a good number, the field shows the stored value again.
    if (ne.key == key && ne.error.empty() && !active) ne = {};
    return out && *out != value ? out : std::nullopt;
}

// [SECTION] Caches: computed once per change of the workspace or the facts, never per frame
struct Known {
    std::uint64_t generation = ~0ull;
    std::vector<std::string> names;
};
Known g_responsibles;

const std::vector<std::string>& known_responsibles(App& app) {
    if (g_responsibles.generation != app.facts().generation()) {
        g_responsibles.names = core::known_responsibles(app.facts().actions());
        g_responsibles.generation = app.facts().generation();
    }
    return g_responsibles.names;
}

const std::vector<core::HistoryPoint>& history_of(App& app, const core::Document& doc,
                                                  const PlannedCheck& c) {
    auto& h = app.state.egenkontroll_plan.history;
    if (h.generation != app.workspace().generation() || h.check != c.id) {
        h.points = core::check_history(app.workspace().documents(), doc.id, c.id);
        h.generation = app.workspace().generation();
        h.check = c.id;
    }
    return h.points;
}

// [SECTION] One check
void draw_months(App& app, const core::Document& doc, const Plan& p, const PlannedCheck& c) {
    if (const auto fr = enum_choice(core::tr(Msg::ek_frequency), c.frequency, core::all_frequencies,
                                    core::frequency_name))
        edit_check(app, doc, p, c.id, Msg::ek_frequency, [&](PlannedCheck& x) {
            x.frequency = *fr;
            x.months = core::months_of(*fr);
        });
    text(core::tr(Msg::ek_months));
    const core::MonthSet months = core::planned_months(c);
    // As many columns as the longest name allows: 6, 4, 3 or 2 (a year in even rows).
    float widest = 0;
    for (int m = 1; m <= 12; ++m)
        widest = std::max(widest, ImGui::CalcTextSize(core::tr(core::month_name(m))).x);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float need = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + widest + 2 * style.ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    int columns = 6;
    while (columns > 2 && float(columns) * need > avail) columns = columns == 6 ? 4 : columns - 1;
    const float x0 = ImGui::GetCursorPosX();
    const float cell = avail / float(columns);
    for (int m = 1; m <= 12; ++m) {
        if ((m - 1) % columns) ImGui::SameLine(x0 + cell * float((m - 1) % columns));
        bool on = core::has_month(months, m);
        // Named, with a tick: never a colour alone. Choosing a month makes the months the check's own.
        if (ImGui::Checkbox(core::tr(core::month_name(m)), &on))
            edit_check(app, doc, p, c.id, Msg::ek_months, [&](PlannedCheck& x) {
                x.frequency = core::Frequency::egna_manader;
                x.months = core::MonthSet(months ^ core::month_bit(m));
            });
    }
    if (!months) wrapped_muted(core::tr(Msg::ek_no_months_hint));
}

void draw_responsible(App& app, const core::Document& doc, const Plan& p, const PlannedCheck& c) {
    check_text(app, doc, p, c, Msg::ek_responsible, &PlannedCheck::responsible, 0, FieldKind::name);
    if (ImGui::Button(core::tr(Msg::action_responsible_pick))) ImGui::OpenPopup("##responsibles");
    if (ImGui::BeginPopup("##responsibles")) {
        std::vector<std::string> names = known_responsibles(app);
        for (const PlannedCheck& x : p.checks)
            if (!core::is_blank(x.responsible) &&
                std::find(names.begin(), names.end(), x.responsible) == names.end())
                names.push_back(x.responsible);
        if (names.empty()) wrapped_muted(core::tr(Msg::action_responsible_none));
        for (const std::string& name : names)
            if (menu_item(name.c_str(), name == c.responsible) && name != c.responsible)
                edit_check(app, doc, p, c.id, Msg::ek_responsible,
                           [&](PlannedCheck& x) { x.responsible = name; });
        ImGui::EndPopup();
    }
}

void draw_questions(App& app, const core::Document& doc, const Plan& p, const PlannedCheck& c) {
    auto& es = app.state.egenkontroll_plan;
    section_title(core::fmt(Msg::ek_questions_title, {std::to_string(c.questions.size())}).c_str());
    if (c.questions.empty()) wrapped_muted(core::tr(Msg::ek_no_questions));
    const bool narrow = layout().narrow;
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* up = core::tr(Msg::ek_question_up);
    const char* down = core::tr(Msg::ek_question_down);
    const char* remove = core::tr(Msg::ek_question_remove);
    const float buttons_w = ImGui::CalcTextSize(up).x + ImGui::CalcTextSize(down).x +
                            ImGui::CalcTextSize(remove).x + 6 * style.FramePadding.x +
                            3 * style.ItemSpacing.x;
    for (std::size_t k = 0; k < c.questions.size(); ++k) {
        const core::CheckQuestion& q = c.questions[k];
        ImGui::PushID(q.id.c_str());
        const std::string number = std::to_string(k + 1);
        std::string v = q.text;
        ImGui::AlignTextToFramePadding();
        text((number + ".").c_str());
        ImGui::SameLine();
        ImGui::SetNextItemWidth(narrow ? -FLT_MIN : ImGui::GetContentRegionAvail().x - buttons_w);
        if (es.added_question == q.id) {
            ImGui::SetKeyboardFocusHere();
            es.added_question.clear();
        }
        const auto set = [&](core::FunctionRef<void(std::vector<core::CheckQuestion>&)> change) {
            edit_plan(app, doc.id, {Msg::ek_undo_question, {std::to_string(check_number(p, c.id)), number}},
                      [&](Plan& m) {
                          core::edit_by_id(m.checks, c.id, [&](PlannedCheck& x) { change(x.questions); });
                      });
        };
        if (input_text(("##" + core::fmt(Msg::ek_question_n, {number})).c_str(), v,
                       core::tr(Msg::ek_question_hint)))
            edit_plan(
                app, doc.id, {Msg::ek_undo_question, {std::to_string(check_number(p, c.id)), number}},
                [&](Plan& m) {
                    core::edit_by_id(m.checks, c.id, [&](PlannedCheck& x) {
                        for (core::CheckQuestion& y : x.questions)
                            if (y.id == q.id) y.text = v;
                    });
                },
                true);
        note_field(FieldKind::prose);
        if (!narrow) ImGui::SameLine();
        ImGui::BeginDisabled(k == 0);
        if (ImGui::Button(up)) set([k](auto& qs) { std::swap(qs[k - 1], qs[k]); });
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(k + 1 == c.questions.size());
        if (ImGui::Button(down)) set([k](auto& qs) { std::swap(qs[k], qs[k + 1]); });
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button(remove))
            set([id = q.id](auto& qs) {
                std::erase_if(qs, [&](const core::CheckQuestion& x) { return x.id == id; });
            });
        ImGui::PopID();
    }
    if (ImGui::Button(core::tr(Msg::ek_question_add))) {
        const core::CheckQuestion q{core::new_uuid_v4(app.workspace().env()), ""};
        if (edit_check(app, doc, p, c.id, Msg::ek_questions,
                       [&](PlannedCheck& x) { x.questions.push_back(q); }))
            es.added_question = q.id;
    }
}

void draw_check_actions(App& app, const core::Document& doc, const Plan& p, const PlannedCheck& c,
                        std::size_t item) {
    section_title(core::fmt(Msg::risk_actions_title, {std::to_string(c.actions.size())}).c_str());
    const int number = check_number(p, c.id);
    for (std::size_t i = 0; i < c.actions.size(); ++i) {
        const core::Action& act = c.actions[i];
        const ActionPlace place{{doc.id, c.id, act.id}, item, int(i) + 1, [number, i](Msg field) {
                                    return core::UndoLabel{Msg::ek_undo_action_field,
                                                           {std::to_string(number), std::to_string(i + 1)},
                                                           {field}};
                                }};
        if (draw_action(app, place, act, !layout().narrow) == ActionRowEvent::remove) {
            edit_check(app, doc, p, c.id, Msg::risk_action_remove, [&](PlannedCheck& x) {
                std::erase_if(x.actions, [&](const core::Action& a) { return a.id == act.id; });
            });
            break;
        }
    }
    if (ImGui::Button(core::tr(Msg::risk_action_add))) {
        core::Action act;
        act.id = core::new_uuid_v4(app.workspace().env());
        edit_check(app, doc, p, c.id, Msg::risk_action_add,
                   [&](PlannedCheck& x) { x.actions.push_back(act); });
    }
}

// The check's runs (done or under way), each opening it, and the way to start the next one.
void draw_runs(App& app, const core::Document& doc, const PlannedCheck& c, const std::string& name,
               const WheelFacts& f) {
    section_title(core::tr(Msg::ek_runs_title));
    const auto it = f.runs.find(c.id);
    if (it == f.runs.end() || it->second.empty()) wrapped_muted(core::tr(Msg::ek_runs_none));
    if (it != f.runs.end())
        for (const std::string& id : it->second) {
            const core::Document* d = app.workspace().find(id);
            const core::EgenkontrollRunPtr r = d ? core::egenkontroll_run_of(*d) : nullptr;
            if (!r) continue;
            const std::string state =
                r->done() ? core::fmt(Msg::ek_run_done,
                                      {r->done_date, core::compliance_text(core::run_results(*r).overall,
                                                                           core::language())})
                          : std::string(core::tr(Msg::ek_run_open));
            ImGui::PushID(id.c_str());
            if (ImGui::Selectable(core::fmt(Msg::ek_run_row, {d->title, state}).c_str(), false, 0,
                                  ImVec2(0, layout().row_height)))
                app.state.open_doc = id;
            ImGui::PopID();
        }
    ImGui::BeginDisabled(app.read_only());
    if (ImGui::Button(core::tr(Msg::ek_start_run))) {
        const std::string title = core::fmt(Msg::ek_run_title, {name, app.host().today()});
        const std::string id =
            app.workspace().create(core::DocKind::egenkontroll, title, doc.unit, doc.year,
                                   std::make_shared<core::EgenkontrollRun>(core::run_of_check(doc.id, c)));
        if (!id.empty()) {
            app.state.open_doc = id;
            show_toast(app, core::fmt(Msg::toast_created, {title}), true);
        }
    }
    ImGui::EndDisabled();
}

// The check's compliance across its runs and years: a bar per run with its share written above it and
// its day below, and the same in words for whoever does not read charts.
void draw_history(App& app, const core::Document& doc, const PlannedCheck& c) {
    const auto& points = history_of(app, doc, c);
    section_title(core::tr(Msg::ek_history_title));
    if (points.empty()) return wrapped_muted(core::tr(Msg::ek_history_none));
    const float font = ImGui::GetFontSize();
    const float bar_w = std::max(font * 3.5f, layout().row_height);
    const float chart_h = font * 6;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const std::size_t fit =
        std::size_t(std::max(1.0f, ImGui::GetContentRegionAvail().x / (bar_w + font * 0.5f)));
    const std::size_t first = points.size() > fit ? points.size() - fit : 0; // the latest that fit
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float base = p0.y + font * 1.3f + chart_h;
    for (std::size_t k = first; k < points.size(); ++k) {
        const core::HistoryPoint& pt = points[k];
        const float x = p0.x + float(k - first) * (bar_w + font * 0.5f);
        const auto pct = pt.overall.percent();
        const float h = pct ? float(*pct) / 100.0f * chart_h : 0;
        dl->AddRectFilled(ImVec2(x, base - chart_h), ImVec2(x + bar_w, base),
                          ImGui::GetColorU32(ImGuiCol_FrameBg));
        dl->AddRectFilled(ImVec2(x, base - h), ImVec2(x + bar_w, base),
                          ImGui::GetColorU32(ImGuiCol_ButtonActive));
        const std::string top = pct ? std::to_string(*pt.overall.rounded_percent()) + " %" : "–";
        const std::string day = pt.period.substr(0, 7);
        const ImVec2 ts = ImGui::CalcTextSize(top.c_str()), ds = ImGui::CalcTextSize(day.c_str());
        const ImVec2 top_at(x + (bar_w - ts.x) * 0.5f, base - chart_h - font * 1.2f);
        const ImVec2 day_at(x + (bar_w - ds.x) * 0.5f, base + font * 0.2f);
        dl->AddText(top_at, ImGui::GetColorU32(ImGuiCol_Text), top.c_str());
        dl->AddText(day_at, ImGui::GetColorU32(ImGuiCol_TextDisabled), day.c_str());
        announce(
            core::fmt(Msg::ek_history_point, {pt.period, core::compliance_text(pt.overall, core::language())})
                .c_str(),
            ImRect(ImVec2(x, base - chart_h), ImVec2(x + bar_w, base)));
    }
    ImGui::Dummy(ImVec2(0, chart_h + font * 2.8f));
    for (const core::HistoryPoint& pt : points)
        wrapped_muted(core::fmt(Msg::ek_history_line, {std::to_string(pt.year), pt.period,
                                                       core::compliance_text(pt.overall, core::language()),
                                                       core::uncertainty_text(pt.overall, core::language())})
                          .c_str());
}

// The findings of the rules on this check (a month passed without a done run), from the facts index.
void draw_check_findings(App& app, const core::Document& doc, const PlannedCheck& c) {
    std::vector<core::RuleHit> hits;
    for (const core::Finding& x : app.facts().findings())
        if (core::rule_spec(x.rule).target == core::RuleTarget::check && x.where.doc == doc.id &&
            x.where.item == c.id)
            hits.push_back({x.rule, x.ack});
    draw_findings(app, hits, {doc.id, c.id, ""});
}

} // namespace

void draw_check_editor(App& app, const core::Document& doc, const Plan& p, std::size_t i,
                       const WheelFacts& f) {
    auto& es = app.state.egenkontroll_plan;
    const PlannedCheck& c = p.checks[i];
    const std::string name = i < f.names.size() ? f.names[i] : c.area;
    if (ImGui::Button(core::tr(Msg::ek_back_to_plan))) {
        es.check.clear();
        return;
    }
    heading(core::fmt(Msg::ek_check_heading, {std::to_string(i + 1), std::to_string(p.checks.size()), name})
                .c_str());
    draw_check_findings(app, doc, c);
    if (i < f.wheel.checks.size()) {
        std::string states;
        for (int m = 1; m <= 12; ++m)
            if (const core::MonthState s = f.wheel.checks[i].months[std::size_t(m - 1)];
                s != core::MonthState::none)
                states += (states.empty() ? "" : ", ") +
                          core::fmt(Msg::report_check_month,
                                    {core::tr(core::month_name(m)), core::tr(core::month_state_name(s))});
        if (!states.empty()) wrapped_muted(states.c_str());
    }
    ImGui::BeginDisabled(app.read_only());
    check_text(app, doc, p, c, Msg::ek_area, &PlannedCheck::area, 0);
    check_text(app, doc, p, c, Msg::ek_what, &PlannedCheck::what, 2.5f);
    check_text(app, doc, p, c, Msg::ek_purpose, &PlannedCheck::purpose, 2.5f);
    if (const auto m =
            enum_choice(core::tr(Msg::ek_method), c.method, core::all_check_methods, core::check_method_name))
        edit_check(app, doc, p, c.id, Msg::ek_method, [&](PlannedCheck& x) { x.method = *m; });
    if (const auto n = number_field(es, c.id + "/urval", core::tr(Msg::ek_sample_size), c.sample_size, 1,
                                    core::kMaxSampleSize, 0))
        edit_check(
            app, doc, p, c.id, Msg::ek_sample_size, [&](PlannedCheck& x) { x.sample_size = *n; }, true);
    draw_months(app, doc, p, c);
    draw_responsible(app, doc, p, c);
    check_text(app, doc, p, c, Msg::ek_reported_to, &PlannedCheck::reported_to, 0, FieldKind::name);
    if (const auto n =
            number_field(es, c.id + "/mal", core::tr(Msg::ek_target), c.target, 1, 100, std::nullopt))
        edit_check(
            app, doc, p, c.id, Msg::ek_target, [&](PlannedCheck& x) { x.target = *n; }, true);
    draw_questions(app, doc, p, c);
    draw_check_actions(app, doc, p, c, i);
    ImGui::EndDisabled();
    draw_runs(app, doc, c, name, f);
    draw_history(app, doc, c);
    ImGui::Separator();
    ImGui::BeginDisabled(app.read_only());
    ImGui::PushStyleColor(ImGuiCol_Text, color_warning());
    if (ImGui::Button(core::tr(Msg::ek_remove_check))) {
        const std::string id = c.id, number = std::to_string(i + 1);
        if (edit_plan(app, doc.id, {Msg::ek_undo_remove_check, {number}}, [&](Plan& m) {
                m.checks.erase_if([&](const PlannedCheck& x) { return x.id == id; });
            })) {
            es.check.clear();
            show_toast(app, core::fmt(Msg::ek_check_removed, {number}), true);
        }
    }
    ImGui::PopStyleColor();
    ImGui::EndDisabled();
}

} // namespace kvh::ui::plan_view
