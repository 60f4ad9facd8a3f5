// The document screens: a searchable list per kind with new / duplicate / delete (undoable), an
// empty state that tells a first-time user what to do, and the editor of a document's header.
#include "views.hpp"

#include "core/search.hpp"
#include "risk_views.hpp"

#include <algorithm>

namespace kvh::ui {

namespace {

using core::DocKind;
using core::Msg;

struct ScreenKinds {
    Screen screen;
    Msg title;
    Msg empty;
    std::vector<DocKind> kinds;
    Msg extra_note; // shown above the list; Msg::count_ for none
};

const ScreenKinds& screen_kinds(Screen s) {
    static const ScreenKinds table[] = {
        {Screen::risk_analyses,
         Msg::nav_risk_analyses,
         Msg::empty_risk_analyses,
         {DocKind::riskanalys},
         Msg::count_},
        {Screen::egenkontroller,
         Msg::nav_egenkontroller,
         Msg::empty_egenkontroller,
         {DocKind::egenkontrollplan, DocKind::egenkontroll},
         Msg::count_},
        {Screen::yearly_review,
         Msg::nav_yearly_review,
         Msg::empty_yearly_review,
         {DocKind::arlig_genomgang},
         Msg::count_},
        {Screen::actions, Msg::register_plans_title, Msg::empty_actions, {DocKind::atgardsplan}, Msg::count_},
    };
    for (const auto& t : table)
        if (t.screen == s) return t;
    return table[0];
}

// The "new" button of each kind, indexed by DocKind in the order of core::all_doc_kinds.
constexpr Msg kNewLabels[] = {Msg::new_riskanalys, Msg::new_egenkontrollplan, Msg::new_egenkontroll,
                              Msg::new_arlig_genomgang, Msg::new_atgardsplan};
static_assert(std::size(kNewLabels) == std::size(core::all_doc_kinds));
Msg new_label(DocKind kind) {
    return kNewLabels[static_cast<std::size_t>(kind)];
}

void create_document(App& app, DocKind kind) {
    const int year = current_year(app);
    const std::string title = core::fmt(Msg::list_default_title, {kind_text(kind), std::to_string(year)});
    // A review is made from the requirement template, which is read beside the app.
    core::BodyPtr body = kind == DocKind::arlig_genomgang ? new_annual_review(app) : nullptr;
    if (kind == DocKind::arlig_genomgang && !body)
        return show_toast(app, core::tr(Msg::ag_template_missing), false);
    const std::string id = app.workspace().create(kind, title, "", year, std::move(body));
    if (id.empty()) return;
    app.state.open_doc = id;
    show_toast(app, core::fmt(Msg::toast_created, {title}), true);
}

void duplicate_document(App& app, const core::Document& d) {
    const std::string title = core::fmt(Msg::list_copy_suffix, {d.title});
    const std::string id = app.workspace().duplicate(d.id, title);
    if (id.empty()) return;
    app.state.open_doc = id;
    show_toast(app, core::fmt(Msg::toast_duplicated, {title}), true);
}

// Asks first: the dialog (draw_delete_confirmation) removes it on a yes.
void remove_document(App& app, const core::Document& d) {
    app.state.confirm_delete = d.id;
}

// Returns true when the row's buttons changed the workspace: `d` may be gone, nothing more is drawn.
bool draw_row(App& app, const core::Document& d) {
    ImGui::PushID(d.id.c_str());
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    const float row_h =
        std::max(layout().row_height, 2 * line + style.ItemSpacing.y + 2 * style.FramePadding.y);
    const bool inline_actions = !layout().narrow;
    const float actions_w = inline_actions ? ImGui::CalcTextSize(core::tr(Msg::list_duplicate)).x +
                                                 ImGui::CalcTextSize(core::tr(Msg::list_delete)).x +
                                                 4 * style.FramePadding.x + 2 * style.ItemSpacing.x
                                           : 0;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float buttons_y = ImGui::GetCursorPosY() + (row_h - layout().row_height) / 2;
    const float width = ImGui::GetContentRegionAvail().x - actions_w;
    // The row is one big target. Its text is drawn below; the hidden label ("##" + title) names it
    // for the test hooks.
    if (ImGui::Selectable(("##" + d.title).c_str(), false, ImGuiSelectableFlags_AllowOverlap,
                          ImVec2(width, row_h)))
        app.state.open_doc = d.id;
    bool changed = false;
    if (ImGui::BeginPopupContextItem("##rowmenu")) {
        if (menu_item(core::tr(Msg::list_open))) app.state.open_doc = d.id;
        if (!app.read_only() && menu_item(core::tr(Msg::list_duplicate))) {
            duplicate_document(app, d);
            changed = true;
        } else if (!app.read_only() && menu_item(core::tr(Msg::list_delete))) {
            remove_document(app, d);
            changed = true;
        }
        ImGui::EndPopup();
    }
    if (changed) {
        ImGui::PopID();
        return true;
    }
    // Draw the two lines over the selectable: title in bold, then kind · year · unit · status.
    ImGuiIO& io = ImGui::GetIO();
    ImFont* bold = io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : ImGui::GetFont();
    const ImVec2 text_pos(start.x + style.FramePadding.x, start.y + style.FramePadding.y);
    const float text_w = width - 2 * style.FramePadding.x;
    draw_text_lines(bold, text_pos, text_w, ImGui::GetColorU32(ImGuiCol_Text), d.title, 1);
    std::string meta = core::fmt(Msg::list_meta, {kind_text(d.kind), std::to_string(d.year),
                                                  d.unit.empty() ? core::tr(Msg::list_no_unit) : d.unit,
                                                  status_text(d.status)});
    ImU32 meta_colour = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    // What needs doing shows where the user picks the document, not only inside it.
    if (const core::DocFacts* f = app.facts().of(d.id);
        f && f->analysis && f->analysis->flags.risks_flagged > 0) {
        meta = core::fmt(Msg::list_risks_flagged, {std::to_string(f->analysis->flags.risks_flagged), meta});
        meta_colour = ImGui::GetColorU32(color_warning());
    }
    draw_text_lines(ImGui::GetFont(), ImVec2(text_pos.x, text_pos.y + line + style.ItemSpacing.y), text_w,
                    meta_colour, meta, 1);
    if (inline_actions) {
        ImGui::SameLine();
        ImGui::BeginDisabled(app.read_only());
        ImGui::SetCursorPosY(buttons_y);
        if (ImGui::Button(core::tr(Msg::list_duplicate))) {
            duplicate_document(app, d);
            changed = true;
        }
        ImGui::SameLine();
        ImGui::SetCursorPosY(buttons_y);
        if (!changed && ImGui::Button(core::tr(Msg::list_delete))) {
            remove_document(app, d);
            changed = true;
        }
        ImGui::EndDisabled();
    }
    ImGui::PopID();
    return changed;
}

} // namespace

void draw_document_screen(App& app, Screen screen) {
    const ScreenKinds& sk = screen_kinds(screen);
    heading(core::tr(sk.title));
    if (sk.extra_note != Msg::count_) wrapped_muted(core::tr(sk.extra_note));

    auto& cache = app.state.list;
    const std::uint64_t generation = app.workspace().generation();
    if (cache.generation != generation || cache.screen != screen) {
        // Newest year first, then title in Swedish order: this year's work is what the user looks for.
        std::vector<std::pair<std::string, const core::Document*>> keyed;
        for (DocKind k : sk.kinds)
            for (const core::Document* d : app.workspace().documents_of(k))
                keyed.emplace_back(core::sort_key(d->title), d);
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
            return a.second->year != b.second->year ? a.second->year > b.second->year : a.first < b.first;
        });
        cache.all.clear();
        for (const auto& [key, d] : keyed) cache.all.push_back(d);
        cache.search.reset(); // the filter below runs again
    }
    cache.generation = generation;
    cache.screen = screen;
    const auto& docs = cache.all;

    ImGui::BeginDisabled(app.read_only());
    bool in_row = false; // wide screens: the "new" buttons side by side
    for (DocKind k : sk.kinds) {
        if (layout().narrow) {
            if (wide_button(core::tr(new_label(k)))) create_document(app, k);
        } else {
            if (in_row) ImGui::SameLine();
            if (ImGui::Button(core::tr(new_label(k)))) create_document(app, k);
            in_row = true;
        }
    }
    ImGui::EndDisabled();
    draw_unreadable_rows(app, &sk.kinds);

    if (docs.empty()) {
        ImGui::Spacing();
        wrapped(core::tr(sk.empty));
        ImGui::Spacing();
        wrapped_muted(core::tr(Msg::empty_first_time));
        return;
    }

    ImGui::SetNextItemWidth(-FLT_MIN);
    input_text(("##" + std::string(core::tr(Msg::list_search))).c_str(), app.state.search,
               core::tr(Msg::list_search_hint), FieldKind::verbatim);
    if (cache.search != app.state.search) {
        cache.shown.clear();
        const std::string query = core::fold_case(app.state.search);
        for (const core::Document* d : docs)
            if (core::document_matches(*d, query)) cache.shown.push_back(d);
        cache.search = app.state.search;
    }
    if (cache.shown.empty()) wrapped_muted(core::fmt(Msg::list_no_match, {app.state.search}).c_str());
    // Rows all have the same height, so only the visible ones are drawn, whatever the list's length.
    // A row's button may change the workspace: the cached pointers are not used after that.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(cache.shown.size()));
    bool changed = app.workspace().generation() != generation;
    while (!changed && clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd && !changed; ++i)
            changed = draw_row(app, *cache.shown[static_cast<std::size_t>(i)]);
}

void draw_delete_confirmation(App& app) {
    const char* title = core::tr(Msg::confirm_delete_title);
    const core::Document* d =
        app.state.confirm_delete.empty() ? nullptr : app.workspace().find(app.state.confirm_delete);
    if (!d) {
        app.state.confirm_delete.clear();
        return;
    }
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(display * 0.5f, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(display.x - 24, 32 * ImGui::GetFontSize()), 0));
    if (!ImGui::BeginPopupModal(title, nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoResize))
        return;
    heading(title);
    wrapped(core::fmt(Msg::confirm_delete_text, {d->title}).c_str());
    ImGui::Spacing();
    bool close = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    // Avbryt first: the focus goes to the first button of a dialog, so Enter or Space pressed again
    // right after "Ta bort" never deletes; deleting takes a deliberate Tab or a press on its button.
    close |= ImGui::Button(core::tr(Msg::dialog_cancel));
    same_line_if_fits(core::tr(Msg::confirm_delete_yes));
    ImGui::PushStyleColor(ImGuiCol_Text, color_warning());
    const bool yes = ImGui::Button(core::tr(Msg::confirm_delete_yes)) && !app.read_only();
    ImGui::PopStyleColor();
    if (yes) {
        const std::string doc_title = d->title, id = d->id;
        if (app.workspace().remove(id)) {
            if (app.state.open_doc == id) app.state.open_doc.clear();
            show_toast(app, core::fmt(Msg::toast_deleted, {doc_title}), true);
        }
        close = true;
    }
    if (close) {
        app.state.confirm_delete.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_document_editor(App& app, const std::string& id) {
    // Held for the whole frame: an edit in this frame commits a new version, and the version this
    // frame draws with must stay alive (and unchanged) until the frame ends.
    const core::DocumentPtr held = app.workspace().find_shared(id);
    const core::Document* doc = held.get();
    if (!doc) return;
    if (doc->kind == DocKind::riskanalys) return draw_risk_analysis(app, *doc);
    if (doc->kind == DocKind::egenkontrollplan && draw_egenkontroll_plan_alone(app, *doc)) return;
    if (doc->kind == DocKind::egenkontroll && draw_run_answering(app, *doc)) return;
    if (doc->kind == DocKind::arlig_genomgang && draw_annual_review_alone(app, *doc)) return;
    const bool ro = app.read_only();
    if (ImGui::Button(core::tr(Msg::nav_back)) ||
        (ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::IsAnyItemActive())) {
        app.state.open_doc.clear();
        return;
    }
    ImGui::SameLine();
    colored_text(color_muted(), kind_text(doc->kind));
    heading(doc->title.empty() ? kind_text(doc->kind) : doc->title.c_str());

    ImGui::BeginDisabled(ro);
    auto& ws = app.workspace();
    // Every keystroke is an edit (so nothing typed can be lost), coalesced into one undo step per field.
    std::string title = doc->title;
    if (text_field(core::tr(Msg::field_title), title))
        ws.edit(id, Msg::undo_title, [&](core::Document& d) { d.title = title; });
    std::string unit = doc->unit;
    if (text_field(core::tr(Msg::field_unit), unit, 0, FieldKind::name))
        ws.edit(id, Msg::undo_unit, [&](core::Document& d) { d.unit = unit; });

    text(core::tr(Msg::field_year));
    int year = doc->year;
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 12 * ImGui::GetFontSize()));
    // A year is kept as soon as it is valid; "2" on the way to "2027" is only judged when the
    // user leaves the field.
    const bool year_changed = number_field((std::string("##") + core::tr(Msg::field_year)).c_str(), &year);
    const bool year_valid = year >= core::kMinYear && year <= core::kMaxYear;
    if (year_changed && year_valid) ws.edit(id, Msg::undo_year, [&](core::Document& d) { d.year = year; });
    if (ImGui::IsItemDeactivatedAfterEdit() && !year_valid)
        show_toast(
            app,
            core::fmt(Msg::year_invalid, {std::to_string(core::kMinYear), std::to_string(core::kMaxYear)}),
            false);

    text(core::tr(Msg::field_status));
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 16 * ImGui::GetFontSize()));
    if (begin_combo((std::string("##") + core::tr(Msg::field_status)).c_str(), status_text(doc->status))) {
        for (core::DocStatus s : core::all_doc_statuses)
            if (ImGui::Selectable(status_text(s), s == doc->status, 0, ImVec2(0, layout().row_height)))
                ws.edit(
                    id, Msg::undo_status, [&](core::Document& d) { d.status = s; }, false);
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();

    ImGui::Spacing();
    if (doc->kind == DocKind::atgardsplan)
        draw_action_plan(app, *doc);
    else if (doc->kind == DocKind::egenkontrollplan)
        draw_egenkontroll_plan(app, *doc);
    else if (doc->kind == DocKind::egenkontroll)
        draw_egenkontroll_run(app, *doc);
    else if (doc->kind == DocKind::arlig_genomgang)
        draw_annual_review(app, *doc);
    ImGui::Spacing();
    // Dates only: the stored times are UTC, and a date is what a reader of the document needs.
    wrapped_muted(core::fmt(Msg::editor_history, {doc->created.substr(0, 10), doc->updated.substr(0, 10),
                                                  std::to_string(doc->rev.number)})
                      .c_str());
    ImGui::Separator();
    ImGui::BeginDisabled(ro);
    if (ImGui::Button(core::tr(Msg::list_duplicate))) duplicate_document(app, *doc);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, color_warning());
    // `doc` is not used after a remove: nothing follows but closing the style.
    if (ImGui::Button(core::tr(Msg::list_delete))) remove_document(app, *doc);
    ImGui::PopStyleColor();
    ImGui::EndDisabled();
}

} // namespace kvh::ui
