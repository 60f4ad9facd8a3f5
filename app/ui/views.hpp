// The screens and the small widgets they share. Each screen is a free function over App, in a
// file of its own; they read the workspace and change it only through Workspace's edit API.
#pragma once

#include "app.hpp"
#include "core/text_wrap.hpp"

#include <functional>
#include <imgui.h>
#include <imgui_internal.h>
#include <memory>
#include <misc/cpp/imgui_stdlib.h>
#include <optional>
#include <string>
#include <type_traits>

namespace kvh::ui {

// [SECTION] Layout facts for this frame, decided once in App::frame
struct Layout {
    bool narrow = false;  // phone in portrait: bottom tab bar, one column
    bool touch = false;   // big hit targets
    float row_height = 0; // the height of one button / field
};
const Layout& layout();
void set_layout(const Layout& l);

// [SECTION] Screens
void draw_overview(App& app);
void draw_document_screen(App& app, Screen screen); // the lists of Riskanalyser, Egenkontroller, …
void draw_document_editor(App& app, const std::string& id);
// Åtgärder (action_register_view.cpp): the register of every action and the åtgärdsplaner.
void draw_actions_screen(App& app);
// Shows the register with `filter`: how the overview opens the list behind a number.
void open_register(App& app, const core::RegisterFilter& filter);
// The åtgärdsplan's own content, under the document's header (action_plan_view.cpp).
void draw_action_plan(App& app, const core::Document& doc);
// The egenkontrollplan (egenkontroll_plan_view.cpp): its content under the document's header, and
// what takes the whole screen instead (the library, or on a phone the open check): true when drawn.
void draw_egenkontroll_plan(App& app, const core::Document& doc);
bool draw_egenkontroll_plan_alone(App& app, const core::Document& doc);
// Opens the plan `plan` at its check `check` (the overview, the årshjul).
void open_check(App& app, std::string plan, std::string check);

// The utförd egenkontroll's own content, under the document's header (egenkontroll_run_view.cpp); on a
// phone, answering it one sample at a time takes the whole screen: true when that drew the frame.
void draw_egenkontroll_run(App& app, const core::Document& doc);
bool draw_run_answering(App& app, const core::Document& doc);
// The årlig genomgång (annual_review_view.cpp): its content under the document's header, and what
// takes the whole screen instead (the kvalitetsberättelse, or on a phone the open requirement): true
// when drawn. A new review's body is made from the requirement template: null while that is not read.
void draw_annual_review(App& app, const core::Document& doc);
bool draw_annual_review_alone(App& app, const core::Document& doc);
core::BodyPtr new_annual_review(App& app);
// Opens the risk analysis `doc` with its risk `risk` in the editor (the register, the overview).
void open_risk(App& app, const std::string& doc, const std::string& risk);
void draw_import(App& app);
void draw_export(App& app);
void draw_settings(App& app);
void draw_about(App& app);
// Stored documents that cannot be read (unreadable_view.cpp): rows to open them (of one kind, or of
// every kind and those whose kind is unknown), and the read-only view of one; false when it is gone.
void draw_unreadable_rows(App& app, const std::vector<core::DocKind>* kinds);
bool draw_unreadable(App& app, const std::string& id);
void draw_unreadable_exports(App& app);

// [SECTION] Theme
void apply_theme(Theme theme, bool prefers_dark, bool touch, int zoom_percent);
ImVec4 color_muted();
ImVec4 color_warning();
ImVec4 color_ok();

// [SECTION] Widgets
// Tells the test-engine hooks (and so window.kvhTest.items()) that `label` is shown in `rect`: for
// things drawn rather than submitted as items (texts, matrix cells, markers). Free when disabled.
// `role`: what the item is to assistive technology beyond a plain text (item_roles.hpp).
void announce(const char* label, const ImRect& rect, ImGuiItemStatusFlags role = 0,
              const char* value = nullptr);
// Tells the hooks again about the item just drawn: its name `label`, its `value` (a field's text;
// null: none) and what it is beyond ImGui's own flags (`role`, item_roles.hpp).
void describe_last_item(const char* label, const char* value, ImGuiItemStatusFlags role = 0);
void note_selected(const char* label, bool selected);    // the item just drawn is the chosen one
bool radio(const char* label, int* v, int value);        // ImGui::RadioButton, its state told to the hooks
void text(const char* t, ImGuiItemStatusFlags role = 0); // one line, announced like all below
void colored_text(const ImVec4& color, const char* t, ImGuiItemStatusFlags role = 0);
// Bold, larger (Fonts[2]); `level` 1 is the screen's title, 2 a part of the screen.
void heading(const char* text, int level = 1);
// A titled separator (ImGui::SeparatorText), heard as a heading of `level` 2 (a section of the screen)
// or 3 (a part of one, under a heading()'s level 2). Where the title is wider than the column (a phone
// at 320 px) it wraps above a plain separator: ImGui's would end in "…" and still take its whole width.
void section_title(const char* title, int level = 2);
void wrapped(const char* text, ImGuiItemStatusFlags role = 0); // wrapped body text
void wrapped_muted(const char* text);
bool wide_button(const char* label); // full width of the column
// A row to click (ImGui::Selectable) whose label wraps at the column's edge instead of running past
// it (a phone at 320 px), at least `min_height` high.
bool wrapped_selectable(const std::string& label, float min_height);
// ImGui::TreeNodeEx (id `str_id`) whose `label` wraps at the column's edge: ImGui draws a tree
// node's label on one line however long, past the window's edge on a phone.
bool wrapped_tree_node(const char* str_id, ImGuiTreeNodeFlags flags, const std::string& label);
// ImGui::InputInt with steps of 1 (and `step_fast` with Ctrl) for a number field: its "-" and "+"
// are named after the field ("År: minska"), the on-screen keyboard offers digits.
bool number_field(const char* label, int* v, int step_fast = 1);
// ImGui::BeginCombo named for assistive technology and the test hooks ("##" + its caption).
bool begin_combo(const char* label, const char* preview, ImGuiComboFlags flags = 0);
// Keeps the next button (labelled `next`) on this line when it fits, else lets it start a new one.
void same_line_if_fits(const char* next);
bool menu_item(const char* label, bool selected = false); // a popup entry, 44 px high on touch
// A choice among an enum's values (`all`, named by `name`) with its caption `label` above: the value
// newly chosen this frame, if any.
template <typename E, std::size_t N>
std::optional<E> enum_choice(const char* label, E current, const E (&all)[N], core::Msg (*name)(E)) {
    text(label);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 22 * ImGui::GetFontSize()));
    std::optional<E> chosen;
    if (begin_combo((std::string("##") + label).c_str(), core::tr(name(current)))) {
        for (E e : all)
            if (menu_item(core::tr(name(e)), e == current) && e != current) chosen = e;
        ImGui::EndCombo();
    }
    return chosen;
}
void draw_focus_ring(); // around the item with the keyboard focus, last thing in a frame
// A text run as drawn (a line of a wrapped text, a label cut with "…"), for the test hooks: unlike
// announce, runs with the same text at different places are each their own item.
void announce_run(const std::string& text, const ImRect& rect);
// A label above its field. `lines` > 0: a text area (text_area) at least that tall.
bool text_field(const char* label, std::string& value, float lines = 0, FieldKind kind = FieldKind::prose);
// ImGui::InputText(WithHint) where Esc leaves the field keeping what was typed (never puts back the
// text it had before); every single-line field without a label above goes through it.
bool input_text(const char* id, std::string& value, const char* hint = nullptr,
                FieldKind kind = FieldKind::prose);
// Esc in the active field `id` leaves it as it is (true when it did); see widgets.cpp.
bool keep_text_on_escape(ImGuiID id);
// The multi-line field of text_area.cpp: wraps at its width, at least `min_lines` tall, grows with
// its text to about 40 % of the screen and then scrolls. Keeps what was typed while active, also
// when the caller's edit is refused. True when the text changed.
bool text_area(const char* id, std::string& value, float min_lines, FieldKind kind = FieldKind::prose);
void text_area_begin_frame(); // first thing in a frame: see text_area.cpp
// Up to `max_lines` lines of `text` wrapped at `width` in `font` (current size), the last ending in
// "…" when cut (text_runs.cpp), kept per text and width: valid until the next call.
const std::vector<std::string>& fitted_lines(ImFont* font, float width, const std::string& text,
                                             int max_lines);
// Those lines drawn at `pos`, each line a text run. Returns the height drawn. The
// lines are kept per text and width, so a list redraws its visible rows without wrapping them again.
float draw_text_lines(ImFont* font, ImVec2 pos, float width, ImU32 colour, const std::string& text,
                      int max_lines);
// The width of a piece of text in `font` at `size`, for core::wrap_text and core::fit_lines.
core::MeasureText measure_in(ImFont* font, float size);

// [SECTION] The field that has the keyboard (keyboard_field.cpp)
// After a text widget: when it is active it has the keyboard, for text of `kind`; `keep_in_view`
// (else the item) is what is scrolled into view when the screen shrinks under it.
void note_field(FieldKind kind, const ImRect* keep_in_view = nullptr);
void begin_keyboard_frame();
struct KeyboardFrame {
    std::optional<FieldKind> kind; // of the field that has the keyboard, if any
    bool scrolled = false;         // it was scrolled into view: the next frame shows where
    ImRect rect;                   // where it is (before that scroll): nothing may be put over it
};
KeyboardFrame end_keyboard_frame();
// A date (label above) with I dag and a calendar beside it. `value` is the stored date, "" or
// YYYY-MM-DD, and only ever becomes one of those: typing that is not (yet) a date stays in the field
// (marked, with a message once the field is left) and changes nothing.
enum class DateChange {
    none,
    typed,  // keystrokes, or leaving the field: edits of one field together make one undo step
    chosen, // I dag or the calendar: a step of its own
};
DateChange date_field(App& app, const char* label, std::string& value);
void show_toast(App& app, std::string text, bool offers_undo);
// A button that gives the person a file: `make` runs only when it is pressed, and the toast names the
// file, or says `when_nothing` instead when `make` gives "" (a calendar without a date, say).
void download_button(App& app, const char* label, const std::string& file, const char* mime,
                     core::FunctionRef<std::string()> make, core::Msg when_nothing = core::Msg::count_);
// The file name of a document's CSV: its title, or its kind's name while it has none.
std::string csv_file_name(const core::Document& doc);
// Why the workspace refused an edit (Workspace::refusal()), each reason once in words without the
// places in the file:
// "Ändringen gjordes inte: ange varför åtgärden avbryts."
std::string refused_change_text(const std::vector<core::ValidationError>& errors);
// Takes back (puts back) the last step and says which in a confirmation; nothing when there is none.
void undo_step(App& app);
void redo_step(App& app);
// "Ta bort" asks first (App::State::confirm_delete): the dialog, drawn over everything.
void draw_delete_confirmation(App& app);
void set_active_screen(App& app, Screen s);

// [SECTION] Changing a typed body
// Changes the body of document `doc_id` (of the type `of` gives, e.g. core::plan_of) through
// Workspace::edit: `change` works on a copy that shares every item with the committed one. One undo
// step, or with `typing` one per run of edits under the same label. False when nothing changed or the
// result was refused (Workspace::refusal() says why).
template <class B>
bool edit_body(App& app, const std::string& doc_id, std::shared_ptr<const B> (*of)(const core::Document&),
               core::UndoLabel label, core::FunctionRef<void(std::type_identity_t<B>&)> change, bool typing) {
    const core::Document* doc = app.workspace().find(doc_id);
    const std::shared_ptr<const B> current = doc ? of(*doc) : nullptr;
    if (!current) return false;
    auto next = std::make_shared<B>(*current);
    change(*next);
    if (*next == *current) return false;
    return app.workspace().edit(
        doc_id, std::move(label), [&](core::Document& d) { d.body = next; }, typing);
}

// [SECTION] Names in the user's language
inline const char* kind_text(core::DocKind k) {
    return core::tr(core::kind_name(k));
}
inline const char* kinds_text(core::DocKind k) {
    return core::tr(core::kind_plural_name(k));
}
inline const char* status_text(core::DocStatus s) {
    return core::tr(core::status_name(s));
}
int current_year(App& app);

} // namespace kvh::ui
