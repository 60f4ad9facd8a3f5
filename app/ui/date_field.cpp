// The date field every date in the app uses (stored only as a whole date, a wrong one kept on screen
// with a message), with I dag and a month calendar beside it.
#include "views.hpp"

#include "core/date_input.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace kvh::ui {

using core::Msg;

namespace {

// [SECTION] State
// Text in a field that differs from the stored date: being typed, or left unfinished.
struct Unsaved {
    std::string text;
    std::string stored; // the date it was typed over: when that changes (undo, another tab), the text goes
};
// The calendar of one field (only one popup is open at a time).
struct Calendar {
    ImGuiID field = 0;
    core::Ymd month;  // day 1 of the month on screen
    core::Ymd cursor; // the day the keyboard is on
    ImRect anchor;    // the button or field it opened from
};
struct DateFields {
    std::unordered_map<ImGuiID, Unsaved> unsaved;
    Calendar calendar;
};
DateFields g_dates;

core::Ymd today(App& app) {
    return core::ymd_of(app.host().today()).value_or(core::Ymd{current_year(app), 1, 1});
}

void open_calendar(App& app, ImGuiID field, const std::string& value, const ImRect& anchor) {
    const core::Ymd day = core::ymd_of(value).value_or(today(app));
    g_dates.calendar = {field, {day.year, day.month, 1}, day, anchor};
    ImGui::OpenPopup("##calendar");
}

// [SECTION] Calendar
// A month as a grid of days, Monday first. Arrow keys move a day or a week, Page Up/Down a month,
// Enter or Space chooses, Esc closes. Returns the day chosen this frame.
std::optional<std::string> draw_calendar(App& app, const std::string& value) {
    Calendar& c = g_dates.calendar;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float gap = 2;
    // 44 px targets under a finger (row_height); on a desk a little larger than a button's height.
    const float cell = std::max(layout().row_height, 2.2f * ImGui::GetFontSize());
    // Rows of the month: four to six. The popup fits them; the arrows at its top stay put.
    auto rows_of = [](core::Ymd month) {
        return (core::weekday(month) + core::days_in_month(month.year, month.month) + 6) / 7;
    };
    const int rows = rows_of(c.month);
    const ImVec2 size(7 * cell + 6 * gap + 2 * style.WindowPadding.x,
                      2 * style.WindowPadding.y + ImGui::GetFrameHeight() + ImGui::GetTextLineHeight() +
                          2 * style.ItemSpacing.y + float(rows) * cell + float(rows - 1) * gap);
    // Below what it opened from, or above it when there is no room; always whole on screen.
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImVec2 pos(std::clamp(c.anchor.Max.x - size.x, 4.0f, std::max(4.0f, display.x - size.x - 4)),
               c.anchor.Max.y + 4);
    if (pos.y + size.y > display.y - 4) pos.y = std::max(4.0f, c.anchor.Min.y - size.y - 4);
    ImGui::SetNextWindowPos(pos, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(size);
    if (!ImGui::BeginPopup("##calendar", ImGuiWindowFlags_NoScrollbar)) return std::nullopt;

    std::optional<std::string> chosen;
    if (!ImGui::IsWindowAppearing()) { // the key that opened it is not also a move
        const core::Ymd was = c.cursor;
        if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) c.cursor = core::add_days(c.cursor, -1);
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) c.cursor = core::add_days(c.cursor, 1);
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) c.cursor = core::add_days(c.cursor, -7);
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) c.cursor = core::add_days(c.cursor, 7);
        if (ImGui::IsKeyPressed(ImGuiKey_PageUp)) c.cursor = core::add_months(c.cursor, -1);
        if (ImGui::IsKeyPressed(ImGuiKey_PageDown)) c.cursor = core::add_months(c.cursor, 1);
        if (!(c.cursor == was)) c.month = {c.cursor.year, c.cursor.month, 1};
        if (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false) ||
            ImGui::IsKeyPressed(ImGuiKey_Space, false))
            chosen = core::iso_of(c.cursor);
        if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
            ImGui::SetKeyOwner(ImGuiKey_Escape, c.field, ImGuiInputFlags_LockUntilRelease);
            ImGui::CloseCurrentPopup();
        }
    }

    // Previous month, "december 2026", next month.
    const float arrow = ImGui::GetFrameHeight();
    const float width = ImGui::GetContentRegionAvail().x;
    auto step = [&](int months) {
        c.month = core::add_months(c.month, months);
        c.cursor = core::add_months(c.cursor, months);
    };
    if (ImGui::ArrowButton(("##" + std::string(core::tr(Msg::date_previous_month))).c_str(), ImGuiDir_Left))
        step(-1);
    const std::string title = core::fmt(
        Msg::date_month_year, {core::tr(core::month_name(c.month.month)), std::to_string(c.month.year)});
    ImGui::SameLine((width - ImGui::CalcTextSize(title.c_str()).x) * 0.5f + style.WindowPadding.x);
    ImGui::AlignTextToFramePadding();
    text(title.c_str());
    ImGui::SameLine(width - arrow + style.WindowPadding.x);
    if (ImGui::ArrowButton(("##" + std::string(core::tr(Msg::date_next_month))).c_str(), ImGuiDir_Right))
        step(1);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    for (int d = 0; d < 7; ++d) {
        const char* name = core::tr(core::weekday_name(d));
        const float x = p.x + float(d) * (cell + gap) + (cell - ImGui::CalcTextSize(name).x) * 0.5f;
        dl->AddText(ImVec2(x, p.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), name);
        announce_run(name, ImRect(ImVec2(x, p.y), ImVec2(x, p.y) + ImGui::CalcTextSize(name)));
    }
    ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));

    // The keys or the arrows may have moved to another month since the popup was sized.
    const int offset = core::weekday(c.month);
    const int days = core::days_in_month(c.month.year, c.month.month);
    const core::Ymd now = today(app);
    const auto selected = core::ymd_of(value);
    p = ImGui::GetCursorScreenPos();
    for (int day = 1; day <= days; ++day) {
        const core::Ymd date{c.month.year, c.month.month, day};
        const int slot = offset + day - 1;
        ImGui::SetCursorScreenPos(
            ImVec2(p.x + float(slot % 7) * (cell + gap), p.y + float(slot / 7) * (cell + gap)));
        const bool on = selected && *selected == date;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[ImGuiCol_ButtonActive]);
        const std::string label = std::to_string(day) + "##" + core::iso_of(date);
        if (ImGui::Button(label.c_str(), ImVec2(cell, cell))) chosen = core::iso_of(date);
        if (on) ImGui::PopStyleColor();
        const ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        if (date == now) // today: a thin ring; the keyboard's day: a thick one
            dl->AddRect(r.Min, r.Max, ImGui::GetColorU32(ImGuiCol_Text), style.FrameRounding, 0, 1.0f);
        if (date == c.cursor)
            dl->AddRect(r.Min - ImVec2(1, 1), r.Max + ImVec2(1, 1), ImGui::GetColorU32(ImGuiCol_NavHighlight),
                        style.FrameRounding, 0, 3.0f);
    }
    ImGui::SetCursorScreenPos(p);
    ImGui::Dummy(ImVec2(width, float(rows_of(c.month)) * cell + float(rows_of(c.month) - 1) * gap));
    if (chosen) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return chosen;
}

} // namespace

// [SECTION] The field
DateChange date_field(App& app, const char* label, std::string& value) {
    wrapped(label);
    ImGui::PushID(label);
    const std::string id = std::string("##") + label;
    const ImGuiID field = ImGui::GetID(id.c_str());
    auto& unsaved = g_dates.unsaved;
    if (auto it = unsaved.find(field); it != unsaved.end() && it->second.stored != value) unsaved.erase(it);
    const auto kept = unsaved.find(field);
    std::string shown = kept != unsaved.end() ? kept->second.text : value;
    const std::string before = value;
    const core::Lang lang = core::language();
    DateChange change = DateChange::none;

    // Wide enough for a date; the two buttons beside it when they fit, else on the line below.
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* today_label = core::tr(Msg::date_today);
    const char* calendar_label = core::tr(Msg::date_calendar);
    const float buttons = ImGui::CalcTextSize(today_label).x + ImGui::CalcTextSize(calendar_label).x +
                          4 * style.FramePadding.x + 2 * style.ItemSpacing.x;
    const float least = ImGui::CalcTextSize("0000-00-00  ").x + 2 * style.FramePadding.x;
    ImGui::SetNextItemWidth(
        std::max(least, std::min(ImGui::GetContentRegionAvail().x - buttons, 12 * ImGui::GetFontSize())));
    const bool changed = input_text(id.c_str(), shown, core::tr(Msg::date_hint), FieldKind::date);
    const ImRect field_rect = GImGui->LastItemData.Rect;
    // Arrow down in the field opens the calendar, as in the browsers' own date fields; the calendar
    // has the keys then, and the field is left.
    const bool keys_open = ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGuiKey_DownArrow, false);
    if (keys_open) ImGui::ClearActiveID();
    const bool active = ImGui::IsItemActive();
    // Stored while typing only once it is a whole date as stored (or nothing): never a half date.
    if (changed && (shown.empty() || core::parse_date(shown, lang) == shown)) value = shown;
    // Leaving (a tap elsewhere, Enter, Tab, Esc): the other spellings are read and written as stored.
    if ((ImGui::IsItemDeactivated() || keys_open) && shown != value)
        if (const auto date = core::parse_date(shown, lang)) shown = value = *date;

    same_line_if_fits(today_label);
    if (ImGui::Button(today_label)) {
        shown = value = core::iso_of(today(app));
        change = DateChange::chosen;
    }
    same_line_if_fits(calendar_label);
    if (ImGui::Button(calendar_label))
        open_calendar(app, field, value, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
    if (keys_open) open_calendar(app, field, value, field_rect);
    if (g_dates.calendar.field == field)
        if (const auto day = draw_calendar(app, value)) {
            shown = value = *day;
            change = DateChange::chosen;
        }
    if (change == DateChange::none && value != before) change = DateChange::typed;

    // Text that is not the stored date stays in the field, also when the caller's edit is refused:
    // it goes once the stored date moves. Marked (a red frame and words, never the colour alone) once
    // the field is left, or as soon as nothing typed after it can make a date.
    if (shown == before)
        unsaved.erase(field);
    else
        unsaved[field] = {shown, before};
    if (shown != value && (!active || !core::could_become_date(shown, lang))) {
        ImGui::GetWindowDrawList()->AddRect(field_rect.Min, field_rect.Max,
                                            ImGui::GetColorU32(color_warning()), style.FrameRounding, 0,
                                            2.5f);
        colored_text(color_warning(), core::tr(Msg::date_invalid));
        if (!active)
            colored_text(color_warning(), value.empty() ? core::tr(Msg::date_not_saved_none)
                                                        : core::fmt(Msg::date_not_saved, {value}).c_str());
    }
    ImGui::PopID();
    return change;
}

} // namespace kvh::ui
