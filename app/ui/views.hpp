// The screens and the small widgets they share. Each screen is a free function over App, in a
// file of its own; they read the workspace and change it only through Workspace's edit API.
#pragma once

#include "app.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>
#include <string>

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
void announce(const char* label, const ImRect& rect);
void text(const char* t); // one line, announced to the test hooks like all below
void colored_text(const ImVec4& color, const char* t);
void heading(const char* text); // bold, larger (Fonts[2])
void wrapped(const char* text); // wrapped body text
void wrapped_muted(const char* text);
bool wide_button(const char* label); // full width of the column
// Keeps the next button (labelled `next`) on this line when it fits, else lets it start a new one.
void same_line_if_fits(const char* next);
bool menu_item(const char* label, bool selected = false); // a popup entry, 44 px high on touch
// `lines` > 0: a multi-line field that tall.
bool text_field(const char* label, std::string& value, float lines = 0);
// ImGui::InputText(WithHint) where Esc leaves the field keeping what was typed (never puts back the
// text it had before); every single-line field without a label above goes through it.
bool input_text(const char* id, std::string& value, const char* hint = nullptr);
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
void set_active_screen(App& app, Screen s);

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
