// The phone's way of answering a utförd egenkontroll: one sample at a time, its questions above and
// big Ja/Nej/Ej aktuellt buttons at the bottom where a thumb reaches, Föregående/Nästa between samples.
#include "egenkontroll_run_parts.hpp"

#include "core/egenkontroll/run_sample.hpp"

#include <algorithm>
#include <cfloat>

namespace kvh::ui {

using core::Answer;
using core::EgenkontrollRun;
using core::Msg;
using namespace run_view;

void run_view::draw_answer_entry(RunViewState& s, const EgenkontrollRun& r) {
    wrapped(core::fmt(Msg::ekrun_answered_count,
                      {std::to_string(s.complete_samples), std::to_string(r.samples.size())})
                .c_str());
    if (wide_button(core::tr(Msg::ekrun_answer_button))) {
        s.answering = true;
        s.current = core::next_unanswered(r, r.samples.size() - 1).value_or(0);
        s.question = core::first_unanswered_question(r, r.samples[s.current]).value_or(0);
    }
}

namespace {

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

} // namespace kvh::ui
