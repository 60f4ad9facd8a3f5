// The one multi-line text field: word-wrapped at its width, as tall as its text up to a limit (then it
// scrolls), with caret, selection, keys, mouse and finger, clipboard, its own undo, and the text agent.
#include "views.hpp"

#include "item_roles.hpp"

#include "core/text_wrap.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace kvh::ui {

namespace {

// Dear ImGui 1.90's InputTextMultiline lays out by '\n' only (no wrap), and its layout lives inside
// imgui_widgets.cpp: the field is built here on ImGui's item, focus and key-owner machinery instead.
struct Edit {
    ImGuiID id = 0;
    std::string text;                  // the field's own copy while active: a refused edit keeps it
    std::size_t caret = 0, anchor = 0; // byte offsets; the selection lies between them
    float goal_x = -1;                 // where up/down aim, kept over short lines
    bool dragging = false;             // the mouse button went down in the field
    bool scroll_to_caret = false;      // the caret moved: bring its line into view
    std::vector<std::pair<std::string, std::size_t>> undo, redo;
    bool typing = false; // the last change was a typed character: the next one joins its undo step
    ImRect frame;        // where the field was last drawn
};
Edit g_edit;

// The layout of each field as last drawn, and its scroll: rebuilt when its text, width or font change.
struct Wrapped {
    std::string text;
    float width = -1, font_size = 0;
    std::vector<core::WrappedLine> lines;
    float scroll = 0;
};
std::unordered_map<ImGuiID, Wrapped> g_wrapped;

const std::vector<core::WrappedLine>& layout_of(Wrapped& l, const std::string& text, float width) {
    ImFont* font = ImGui::GetFont();
    if (l.width != width || l.font_size != ImGui::GetFontSize() || l.text != text) {
        l.text = text;
        l.width = width;
        l.font_size = ImGui::GetFontSize();
        l.lines = core::wrap_text(text, width, measure_in(font, l.font_size));
    }
    return l.lines;
}

std::size_t line_of(const std::vector<core::WrappedLine>& lines, std::size_t offset) {
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        if (offset < lines[i + 1].begin) return i;
    return lines.size() - 1;
}

float x_of(const std::string& text, const core::WrappedLine& line, std::size_t offset) {
    const std::size_t to = std::clamp(offset, line.begin, line.end);
    return ImGui::GetFont()
        ->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0, text.data() + line.begin, text.data() + to)
        .x;
}

std::size_t prev_char(const std::string& s, std::size_t i) {
    if (i == 0) return 0;
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}
std::size_t next_char(const std::string& s, std::size_t i) {
    if (i >= s.size()) return s.size();
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    return i;
}
bool word_byte(char c) {
    return c != ' ' && c != '\n' && c != '\t' && c != '.' && c != ',' && c != ';' && c != ':' && c != '!' &&
           c != '?' && c != '(' && c != ')' && c != '"';
}
std::size_t prev_word(const std::string& s, std::size_t i) {
    while (i > 0 && !word_byte(s[i - 1])) --i;
    while (i > 0 && word_byte(s[i - 1])) --i;
    return i;
}
std::size_t next_word(const std::string& s, std::size_t i) {
    while (i < s.size() && !word_byte(s[i])) ++i;
    while (i < s.size() && word_byte(s[i])) ++i;
    return i;
}

// The offset nearest to x on `line`.
std::size_t offset_at_x(const std::string& text, const core::WrappedLine& line, float x) {
    std::size_t at = line.begin;
    float left = 0;
    while (at < line.end) {
        const std::size_t after = next_char(text, at);
        const float right = x_of(text, line, after);
        if (x < (left + right) * 0.5f) break;
        left = right;
        at = after;
    }
    return at;
}

void snapshot(Edit& e) {
    e.undo.emplace_back(e.text, e.caret);
    e.redo.clear();
}

// Replaces the selection with `s` (UTF-8); typed characters of one word make one undo step.
void insert(Edit& e, std::string_view s, bool typed) {
    if (!typed || !e.typing || s == " " || e.caret != e.anchor) snapshot(e);
    const std::size_t from = std::min(e.caret, e.anchor), to = std::max(e.caret, e.anchor);
    e.text.replace(from, to - from, s);
    e.caret = e.anchor = from + s.size();
    e.typing = typed;
}

void erase(Edit& e, std::size_t from, std::size_t to) {
    if (from == to) return;
    snapshot(e);
    e.text.erase(from, to - from);
    e.caret = e.anchor = from;
    e.typing = false;
}

void restore(Edit& e, std::vector<std::pair<std::string, std::size_t>>& from,
             std::vector<std::pair<std::string, std::size_t>>& to) {
    if (from.empty()) return;
    to.emplace_back(e.text, e.caret);
    e.text = std::move(from.back().first);
    e.caret = e.anchor = std::min(from.back().second, e.text.size());
    from.pop_back();
    e.typing = false;
}

bool pressed(ImGuiKey key) {
    return ImGui::IsKeyPressed(key, true);
}

// Keys and typed text of the active field; `lines` is its layout before them, `page` lines a page.
void handle_keys(Edit& e, const std::vector<core::WrappedLine>& lines, int page) {
    ImGuiIO& io = ImGui::GetIO();
    const bool osx = io.ConfigMacOSXBehaviors;
    const bool shortcut = osx ? io.KeySuper : io.KeyCtrl;
    const bool by_word = osx ? io.KeyAlt : io.KeyCtrl;
    const bool select = io.KeyShift;
    const std::size_t before_caret = e.caret;
    const std::string before_text = e.text;
    auto move = [&](std::size_t to, bool keep_goal = false) {
        e.caret = to;
        if (!select) e.anchor = to;
        if (!keep_goal) e.goal_x = -1;
        e.typing = false;
    };
    const std::size_t lo = std::min(e.caret, e.anchor), hi = std::max(e.caret, e.anchor);
    const std::size_t line = line_of(lines, e.caret);
    auto vertical = [&](int delta) {
        if (e.goal_x < 0) e.goal_x = x_of(e.text, lines[line], e.caret);
        const int target = int(line) + delta;
        if (target < 0) return move(0, true);
        if (target >= int(lines.size())) return move(e.text.size(), true);
        move(offset_at_x(e.text, lines[std::size_t(target)], e.goal_x), true);
    };

    if (shortcut && ImGui::IsKeyPressed(ImGuiKey_A, false)) {
        e.anchor = 0;
        e.caret = e.text.size();
    } else if (shortcut &&
               (ImGui::IsKeyPressed(ImGuiKey_C, false) || ImGui::IsKeyPressed(ImGuiKey_X, false))) {
        if (hi > lo) {
            ImGui::SetClipboardText(e.text.substr(lo, hi - lo).c_str());
            if (ImGui::IsKeyPressed(ImGuiKey_X, false)) erase(e, lo, hi);
        }
    } else if (shortcut && ImGui::IsKeyPressed(ImGuiKey_V, false)) {
        std::string pasted = ImGui::GetClipboardText() ? ImGui::GetClipboardText() : "";
        std::erase(pasted, '\r');
        if (!pasted.empty()) insert(e, pasted, false);
    } else if (shortcut && pressed(ImGuiKey_Z)) {
        if (select)
            restore(e, e.redo, e.undo);
        else
            restore(e, e.undo, e.redo);
    } else if (shortcut && pressed(ImGuiKey_Y)) {
        restore(e, e.redo, e.undo);
    } else if (pressed(ImGuiKey_LeftArrow)) {
        move(!select && hi > lo ? lo : by_word ? prev_word(e.text, e.caret) : prev_char(e.text, e.caret));
    } else if (pressed(ImGuiKey_RightArrow)) {
        move(!select && hi > lo ? hi : by_word ? next_word(e.text, e.caret) : next_char(e.text, e.caret));
    } else if (pressed(ImGuiKey_UpArrow)) {
        vertical(-1);
    } else if (pressed(ImGuiKey_DownArrow)) {
        vertical(1);
    } else if (pressed(ImGuiKey_PageUp)) {
        vertical(-page);
    } else if (pressed(ImGuiKey_PageDown)) {
        vertical(page);
    } else if (pressed(ImGuiKey_Home)) {
        move(shortcut ? 0 : lines[line].begin);
    } else if (pressed(ImGuiKey_End)) {
        move(shortcut ? e.text.size() : lines[line].end);
    } else if (pressed(ImGuiKey_Backspace)) {
        erase(e, hi > lo ? lo : by_word ? prev_word(e.text, e.caret) : prev_char(e.text, e.caret), hi);
    } else if (pressed(ImGuiKey_Delete)) {
        erase(e, lo, hi > lo ? hi : by_word ? next_word(e.text, e.caret) : next_char(e.text, e.caret));
    } else if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeypadEnter)) {
        insert(e, "\n", false);
    }
    // Characters typed with Ctrl (not AltGr) are shortcuts, not text.
    if (!(io.KeyCtrl && !io.KeyAlt) && !(osx && io.KeySuper))
        for (ImWchar c : io.InputQueueCharacters) {
            if (c < 0x20 || c == 0x7F) continue;
            char utf8[5];
            insert(e, ImTextCharToUtf8(utf8, c), true);
        }
    io.InputQueueCharacters.resize(0);
    if (e.caret != before_caret || e.text != before_text) e.scroll_to_caret = true;
}

} // namespace

// ImGui lets no other item be hovered while one is active: a click outside the field leaves it before
// anything else in the frame looks at the click, so a button drawn above the field still gets it.
void text_area_begin_frame() {
    ImGuiContext& g = *GImGui;
    if (g_edit.id && g.ActiveId == g_edit.id && g.IO.MouseClicked[0] && !g_edit.frame.Contains(g.IO.MousePos))
        ImGui::ClearActiveID();
}

bool text_area(const char* id, std::string& value, float min_lines, FieldKind kind) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    ImGuiContext& g = *GImGui;
    ImGuiIO& io = g.IO;
    const ImGuiStyle& style = g.Style;
    const ImGuiID gid = window->GetID(id);
    Edit& e = g_edit;
    bool active = g.ActiveId == gid && e.id == gid;
    Wrapped& wrapped = g_wrapped[gid];

    // Grows with its text to about 40 % of the screen, then scrolls; the bar's room only when needed.
    const float line_h = ImGui::GetTextLineHeight();
    const float width = ImGui::CalcItemWidth();
    const float max_lines = std::max(min_lines, std::floor(io.DisplaySize.y * 0.4f / line_h));
    const std::string& shown = active ? e.text : value;
    float inner_w = width - 2 * style.FramePadding.x;
    const std::vector<core::WrappedLine>* lines = &layout_of(wrapped, shown, inner_w);
    const bool scrolls = float(lines->size()) > max_lines;
    if (scrolls) lines = &layout_of(wrapped, shown, inner_w -= style.ScrollbarSize);
    // At least `min_lines` tall, padding included (as the fields it replaced were).
    const float frame_h = std::max(min_lines * line_h, std::min(float(lines->size()), max_lines) * line_h +
                                                           2 * style.FramePadding.y);
    const float rows = (frame_h - 2 * style.FramePadding.y) / line_h; // lines in view
    const ImRect frame(window->DC.CursorPos, window->DC.CursorPos + ImVec2(width, frame_h));
    ImGui::ItemSize(frame, style.FramePadding.y);
    if (!ImGui::ItemAdd(frame, gid, nullptr, ImGuiItemFlags_Inputable) && !active) return false;
    IMGUI_TEST_ENGINE_ITEM_INFO(gid, (std::string(id) + kValueSeparator + shown).c_str(),
                                g.LastItemData.StatusFlags | kRoleMultiline);
    const bool hovered = ImGui::ItemHoverable(frame, gid, g.LastItemData.InFlags);
    if (hovered) g.MouseCursor = ImGuiMouseCursor_TextInput;
    const ImVec2 origin = frame.Min + style.FramePadding - ImVec2(0, wrapped.scroll);
    auto offset_at = [&](ImVec2 p) {
        const float row = std::floor((p.y - origin.y) / line_h);
        const std::size_t i = std::size_t(std::clamp(row, 0.0f, float(lines->size() - 1)));
        return offset_at_x(shown, (*lines)[i], p.x - origin.x);
    };

    // Activated by a click or tap (the caret goes where it landed) or by Tab (at the end).
    const bool by_nav = g.ActiveId != gid && g.NavActivateId == gid &&
                        ((g.NavActivateFlags & ImGuiActivateFlags_PreferInput) ||
                         g.NavInputSource == ImGuiInputSource_Keyboard);
    const bool clicked = hovered && io.MouseClicked[0];
    if (!active && (clicked || by_nav)) {
        e = Edit{.id = gid, .text = value};
        e.caret = e.anchor = by_nav ? value.size() : offset_at(io.MousePos);
        ImGui::SetActiveID(gid, window);
        ImGui::SetFocusID(gid, window);
        ImGui::FocusWindow(window);
        active = true;
    } else if (active && clicked) {
        e.caret = offset_at(io.MousePos);
        if (!io.KeyShift) e.anchor = e.caret;
        if (io.MouseClickedCount[0] == 2) { // a double click takes the word
            e.anchor = prev_word(e.text, next_char(e.text, e.caret));
            e.caret = next_word(e.text, e.anchor);
        }
        e.goal_x = -1;
        e.typing = false;
    }
    if (active && clicked) e.dragging = true;
    if (!io.MouseDown[0]) e.dragging = false;

    e.frame = frame;
    bool changed = false;
    if (active) {
        g.ActiveIdUsingNavDirMask |=
            (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right) | (1 << ImGuiDir_Up) | (1 << ImGuiDir_Down);
        for (ImGuiKey k : {ImGuiKey_Home, ImGuiKey_End, ImGuiKey_PageUp, ImGuiKey_PageDown})
            ImGui::SetKeyOwner(k, gid);
        if (clicked) ImGui::SetKeyOwner(ImGuiKey_MouseLeft, gid);
        if (io.MouseClicked[0] && !hovered) {
            ImGui::ClearActiveID(); // a click elsewhere leaves the field
            active = false;
        } else if (keep_text_on_escape(gid)) {
            active = false;
        } else {
            if (e.dragging && !clicked && io.MouseDelta != ImVec2()) e.caret = offset_at(io.MousePos);
            handle_keys(e, *lines, std::max(1, int(rows) - 1));
            if (e.text != value) {
                value = e.text;
                changed = true;
            }
        }
    }
    const std::string& text = active ? e.text : value;
    lines = &layout_of(wrapped, text, inner_w);

    // Scroll: the wheel over a field taller than its frame, and the caret's line kept in view.
    const float content_h = float(lines->size()) * line_h, view_h = rows * line_h;
    if (scrolls && hovered) {
        ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelY);
        wrapped.scroll -= io.MouseWheel * line_h * 3;
    }
    const std::size_t caret_line = active ? line_of(*lines, e.caret) : 0;
    if (active && e.scroll_to_caret) {
        const float top = float(caret_line) * line_h;
        wrapped.scroll = std::clamp(wrapped.scroll, top + line_h - view_h, top);
        e.scroll_to_caret = false;
    }
    wrapped.scroll = std::clamp(wrapped.scroll, 0.0f, std::max(0.0f, content_h - view_h));

    // Drawing: the frame, the selection, the lines (each a text run for the test hook), the caret.
    ImDrawList* dl = window->DrawList;
    ImGui::RenderNavHighlight(frame, gid);
    ImGui::RenderFrame(frame.Min, frame.Max, ImGui::GetColorU32(ImGuiCol_FrameBg), true, style.FrameRounding);
    const ImRect clip(frame.Min.x + style.FramePadding.x * 0.5f, frame.Min.y + 1,
                      frame.Max.x - style.FramePadding.x * 0.5f, frame.Max.y - 1);
    ImGui::PushClipRect(clip.Min, clip.Max, true);
    const ImVec2 at = frame.Min + style.FramePadding - ImVec2(0, wrapped.scroll);
    const std::size_t first = std::size_t(std::max(0.0f, std::floor(wrapped.scroll / line_h)));
    const std::size_t last = std::min(lines->size(), first + std::size_t(rows) + 2);
    const std::size_t lo = active ? std::min(e.caret, e.anchor) : 0,
                      hi = active ? std::max(e.caret, e.anchor) : 0;
    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
    for (std::size_t i = first; i < last; ++i) {
        const core::WrappedLine& l = (*lines)[i];
        const ImVec2 p(at.x, at.y + float(i) * line_h);
        if (hi > lo && lo < l.next && hi > l.begin) {
            const float x0 = x_of(text, l, std::max(lo, l.begin));
            const float x1 =
                hi > l.end ? x_of(text, l, l.end) + ImGui::GetFontSize() * 0.3f : x_of(text, l, hi);
            dl->AddRectFilled(ImVec2(p.x + x0, p.y), ImVec2(p.x + x1, p.y + line_h),
                              ImGui::GetColorU32(ImGuiCol_TextSelectedBg));
        }
        if (l.end == l.begin) continue;
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), p, colour, text.data() + l.begin,
                    text.data() + l.end);
        const ImRect run(p, ImVec2(p.x + x_of(text, l, l.end), p.y + line_h));
        if (run.Overlaps(clip))
            announce_run(text.substr(l.begin, l.end - l.begin),
                         ImRect(ImMax(run.Min, clip.Min), ImMin(run.Max, clip.Max)));
    }
    if (active) {
        const core::WrappedLine& l = (*lines)[caret_line];
        const ImVec2 p(at.x + std::min(x_of(text, l, e.caret), inner_w), at.y + float(caret_line) * line_h);
        dl->AddLine(p, p + ImVec2(0, line_h), colour, std::max(1.0f, ImGui::GetFontSize() / 12));
        // Where the text agent (and so the on-screen keyboard's suggestions) sits.
        g.PlatformImeData.WantVisible = true;
        g.PlatformImeData.InputPos = p;
        g.PlatformImeData.InputLineHeight = line_h;
        g.WantTextInputNextFrame = 1;
        const ImRect caret(p.x, p.y, p.x + 1, p.y + line_h);
        note_field(kind, &caret);
    }
    ImGui::PopClipRect();
    if (scrolls) {
        const float track = frame.GetHeight() - 2 * style.FramePadding.y;
        const float bar = std::max(track * view_h / content_h, line_h);
        const float y =
            frame.Min.y + style.FramePadding.y + (track - bar) * wrapped.scroll / (content_h - view_h);
        const float x = frame.Max.x - style.ScrollbarSize * 0.5f;
        dl->AddLine(ImVec2(x, y), ImVec2(x, y + bar), ImGui::GetColorU32(ImGuiCol_ScrollbarGrab),
                    style.ScrollbarSize * 0.4f);
    }
    // Layouts of fields no longer drawn go now and then, so visiting many risks does not pile them up.
    if (g_wrapped.size() > 64) {
        std::erase_if(g_wrapped, [&](const auto& kv) { return kv.first != gid && kv.first != e.id; });
    }
    return changed;
}

} // namespace kvh::ui
