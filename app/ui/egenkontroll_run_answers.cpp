// The answers of a utförd egenkontroll: the fields of a sample's reference and an answer's note
// (a personnummer refused where it is typed), and the laptop's table of samples × questions answered
// with the keyboard. The phone's one-sample-at-a-time screen is egenkontroll_run_answering.cpp.
#include "egenkontroll_run_parts.hpp"

#include "core/egenkontroll/run_sample.hpp"

#include <algorithm>
#include <cfloat>

namespace kvh::ui::run_view {

using core::Answer;
using core::EgenkontrollRun;
using core::Msg;

namespace {
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
} // namespace

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

} // namespace kvh::ui::run_view
