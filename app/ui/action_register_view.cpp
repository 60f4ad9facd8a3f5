// The Åtgärder screen: every action of every document in one register (a sortable table on a wide
// screen, cards on a phone), its filters and search, "Mina åtgärder", the status changed from a row
// (a verdict asked for to close one, a reason to cancel one), the exports of what is shown, and the
// åtgärdsplaner with their list below (beside it, on a phone).
#include "views.hpp"

#include "core/exchange_format.hpp"
#include "core/report/icalendar.hpp"

#include <algorithm>

namespace kvh::ui {

namespace {

using core::Msg;
using core::RegisterFilter;
using core::RegisterRow;

// Opens the document holding the row's action, at the risk holding it in a riskanalys.
void open_source(App& app, const RegisterRow& row) {
    const core::ActionRef& ref = row.fact->ref;
    if (row.doc->kind == core::DocKind::riskanalys)
        open_risk(app, ref.doc, ref.item);
    else
        app.state.open_doc = ref.doc;
}

std::string source_text(const RegisterRow& row) {
    return core::fmt(Msg::register_row_meta,
                     {row.doc->title.empty() ? kind_text(row.doc->kind) : row.doc->title,
                      core::register_item_label(row, core::language())});
}

std::string what_text(const core::Action& a) {
    return core::is_blank(a.what) ? core::tr(Msg::register_untitled) : a.what;
}

std::string due_text(const RegisterRow& row) {
    const std::string& due = row.action().due;
    return row.overdue ? core::fmt(Msg::register_overdue, {due}) : due;
}

// [SECTION] Changing the status from a row

void begin_change(RegisterState& rs, const RegisterRow& row) {
    rs.change.emplace();
    rs.change->ref = row.fact->ref;
    rs.change->what = what_text(row.action());
}

// One edit of the action under change; the dialog closes when it is made (or there was nothing to
// change) and stays open with the reason when it was refused.
void apply_change(App& app, RegisterState& rs, core::FunctionRef<void(core::Action&)> change) {
    core::ActionStatus to{};
    const bool ok = core::edit_action(app.workspace(), rs.change->ref,
                                      {Msg::register_undo_status, {rs.change->what}}, [&](core::Action& x) {
                                          change(x);
                                          to = x.status;
                                      });
    if (!ok && !app.workspace().refusal().empty()) {
        rs.change->refused = refused_change_text(app.workspace().refusal());
        return;
    }
    if (ok)
        show_toast(app, core::fmt(Msg::register_status_changed, {core::tr(core::action_status_name(to))}),
                   true);
    rs.change.reset();
}

void draw_change_dialog(App& app, RegisterState& rs) {
    if (!rs.change) return;
    const char* title = core::tr(Msg::register_change_title);
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(display.x - 16, 36 * ImGui::GetFontSize()), 0));
    if (!ImGui::BeginPopupModal(title, nullptr,
                                ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoTitleBar))
        return;
    auto& c = *rs.change;
    heading(title);
    wrapped(core::fmt(Msg::register_change_for, {c.what}).c_str());
    ImGui::Spacing();
    const float w = ImGui::GetContentRegionAvail().x;
    const auto choice = [&](const char* label) {
        return ImGui::Button(label, ImVec2(w, layout().row_height));
    };
    if (!c.verdict && !c.cancel) {
        for (core::ActionStatus s : core::all_action_statuses) {
            if (!choice(core::tr(core::action_status_name(s)))) continue;
            c.refused.clear();
            if (s == core::ActionStatus::uppfoljd)
                c.verdict = true;
            else if (s == core::ActionStatus::avbruten)
                c.cancel = true;
            else
                apply_change(app, rs, [&](core::Action& x) { core::set_status(x, s, app.host().today()); });
            if (!rs.change) break;
        }
    } else if (c.verdict) {
        wrapped(core::tr(Msg::register_verdict_ask));
        for (core::Verdict v : core::all_verdicts) {
            if (v == core::Verdict::ej_bedomd || !choice(core::tr(core::verdict_name(v)))) continue;
            apply_change(app, rs, [&](core::Action& x) { core::set_verdict(x, v, app.host().today()); });
            break;
        }
    } else {
        text_field(core::tr(Msg::action_cancel_prompt), c.cancel_reason);
        if (choice(core::tr(Msg::action_cancel_confirm))) {
            const std::string reason = c.cancel_reason;
            apply_change(app, rs, [&](core::Action& x) {
                core::set_status(x, core::ActionStatus::avbruten, app.host().today(), reason);
            });
        }
    }
    if (rs.change && !rs.change->refused.empty()) colored_text(color_warning(), rs.change->refused.c_str());
    ImGui::Spacing();
    if (choice(core::tr(Msg::nav_close)) ||
        (ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::IsAnyItemActive()))
        rs.change.reset();
    if (!rs.change) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// The status as a button that opens the dialog: "Status: Pågår" on a card, the bare word in the
// table's Status column. `width` 0: as wide as its text.
void status_chip(App& app, RegisterState& rs, const RegisterRow& row, bool bare, float width = 0) {
    const char* status = core::tr(core::action_status_name(row.action().status));
    const std::string label =
        (bare ? std::string(status) : core::fmt(Msg::register_chip, {status})) + "##chip";
    ImGui::BeginDisabled(app.read_only());
    if (ImGui::Button(label.c_str(), ImVec2(width, 0))) begin_change(rs, row);
    ImGui::EndDisabled();
}

// [SECTION] Filters

// A combo whose closed face says the filter's value; on a phone it takes the full width.
bool begin_filter(const char* name, const std::string& face) {
    const float w = layout().narrow ? -FLT_MIN
                                    : std::max(8 * ImGui::GetFontSize(),
                                               ImGui::CalcTextSize(face.c_str()).x + ImGui::GetFrameHeight() +
                                                   2 * ImGui::GetStyle().FramePadding.x);
    // Beside the field before when it fits (the filter bar wraps), its own line on a phone.
    if (!layout().narrow && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w <=
                                ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
        ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    return begin_combo((std::string("##") + name).c_str(), face.c_str(), ImGuiComboFlags_HeightLarge);
}

std::string face(Msg name, const std::string& value) {
    return value.empty() ? core::fmt(Msg::register_any, {core::tr(name)})
                         : core::fmt(Msg::register_value, {core::tr(name), value});
}

// A list of values to pick one of, "" for all.
void text_filter(Msg name, const std::vector<std::string>& values, std::string& chosen) {
    if (!begin_filter(core::tr(name), face(name, chosen))) return;
    if (menu_item(core::fmt(Msg::register_any, {core::tr(name)}).c_str(), chosen.empty())) chosen.clear();
    for (const std::string& v : values)
        if (menu_item(v.c_str(), v == chosen)) chosen = v;
    ImGui::EndCombo();
}

void mine_filter(RegisterState& rs) {
    std::string& mine = rs.filter.mine;
    const std::string f =
        mine.empty() ? core::tr(Msg::register_mine_none) : core::fmt(Msg::register_mine_value, {mine});
    if (!begin_filter(core::tr(Msg::register_mine), f)) return;
    if (menu_item(core::tr(Msg::register_mine_everyone), mine.empty())) mine.clear();
    if (rs.model.responsibles().empty()) wrapped_muted(core::tr(Msg::register_mine_no_names));
    for (const std::string& v : rs.model.responsibles())
        if (menu_item(v.c_str(), v == mine)) mine = v;
    ImGui::EndCombo();
}

void status_filter(RegisterFilter& f) {
    const std::string name = core::tr(Msg::register_status);
    std::string value;
    if (f.statuses.size() == 1) value = core::tr(core::action_status_name(*f.statuses.begin()));
    const std::string shown =
        f.statuses.size() > 1 ? core::fmt(Msg::register_statuses_n, {name, std::to_string(f.statuses.size())})
                              : face(Msg::register_status, value);
    if (!begin_filter(name.c_str(), shown)) return;
    // Several may be chosen: the list stays open while they are ticked.
    for (core::ActionStatus s : core::all_action_statuses) {
        bool on = f.statuses.count(s) > 0;
        if (ImGui::Checkbox(core::tr(core::action_status_name(s)), &on)) {
            if (on)
                f.statuses.insert(s);
            else
                f.statuses.erase(s);
        }
    }
    ImGui::EndCombo();
}

void year_filter(const std::vector<int>& years, RegisterFilter& f) {
    const std::string name = core::tr(Msg::register_year);
    if (!begin_filter(name.c_str(), face(Msg::register_year, f.year ? std::to_string(f.year) : ""))) return;
    if (menu_item(core::fmt(Msg::register_any, {name}).c_str(), f.year == 0)) f.year = 0;
    for (int y : years)
        if (menu_item(std::to_string(y).c_str(), y == f.year)) f.year = y;
    ImGui::EndCombo();
}

void kind_filter(RegisterFilter& f) {
    const std::string name = core::tr(Msg::register_kind);
    if (!begin_filter(name.c_str(), face(Msg::register_kind, f.kind ? kind_text(*f.kind) : ""))) return;
    if (menu_item(core::fmt(Msg::register_any, {name}).c_str(), !f.kind)) f.kind.reset();
    for (core::DocKind k : core::all_doc_kinds)
        if (menu_item(kind_text(k), f.kind == k)) f.kind = k;
    ImGui::EndCombo();
}

// What needs doing: overdue, due soon, any open finding, a severity, or one rule.
void flag_filter(App& app, RegisterFilter& f) {
    const std::string name = core::tr(Msg::register_flag);
    std::string value;
    if (f.flag != core::RegisterFlag::none) value = core::tr(core::register_flag_name(f.flag));
    if (f.severity)
        value = core::fmt(Msg::register_severity_open, {core::tr(core::severity_name(*f.severity))});
    if (f.rule) value = core::rule_text(*f.rule, app.facts().settings(), core::language());
    if (!begin_filter(name.c_str(), face(Msg::register_flag, value))) return;
    const auto only = [&](core::RegisterFlag flag, std::optional<core::Severity> s,
                          std::optional<core::Rule> r) {
        f.flag = flag;
        f.severity = s;
        f.rule = r;
    };
    for (core::RegisterFlag flag : core::all_register_flags)
        if (menu_item(flag == core::RegisterFlag::none ? core::fmt(Msg::register_any, {name}).c_str()
                                                       : core::tr(core::register_flag_name(flag)),
                      f.flag == flag && !f.severity && !f.rule))
            only(flag, std::nullopt, std::nullopt);
    ImGui::Separator();
    for (core::Severity s : {core::Severity::allvarlig, core::Severity::varning, core::Severity::tips})
        if (menu_item(core::fmt(Msg::register_severity_open, {core::tr(core::severity_name(s))}).c_str(),
                      f.severity == s))
            only(core::RegisterFlag::none, s, std::nullopt);
    ImGui::Separator();
    for (core::Rule r : core::all_rules)
        if (core::rule_spec(r).target == core::RuleTarget::action &&
            menu_item(core::rule_text(r, app.facts().settings(), core::language()).c_str(), f.rule == r))
            only(core::RegisterFlag::none, std::nullopt, r);
    ImGui::EndCombo();
}

int filters_in_use(const RegisterFilter& f) {
    return int(!f.statuses.empty()) + int(!f.responsible.empty()) + int(!f.unit.empty()) + int(f.year != 0) +
           int(f.kind.has_value()) + int(f.flag != core::RegisterFlag::none || f.severity || f.rule);
}

void draw_filters(App& app, RegisterState& rs) {
    RegisterFilter& f = rs.filter;
    ImGui::SetNextItemWidth(
        layout().narrow ? -FLT_MIN : std::min(ImGui::GetContentRegionAvail().x, 26 * ImGui::GetFontSize()));
    input_text((std::string("##") + core::tr(Msg::register_search)).c_str(), f.search,
               core::tr(Msg::register_search_hint), FieldKind::verbatim);
    mine_filter(rs);
    if (layout().narrow) {
        // Mina åtgärder is what a person on a phone looks for first; the rest behind one button.
        const int n = filters_in_use(f);
        const std::string label =
            n ? core::fmt(Msg::register_filters_n, {std::to_string(n)}) : core::tr(Msg::register_filters);
        if (ImGui::Button(label.c_str())) rs.filters_open = !rs.filters_open;
        if (!rs.filters_open) return;
    }
    status_filter(f);
    flag_filter(app, f);
    text_filter(Msg::register_responsible, rs.model.responsibles(), f.responsible);
    text_filter(Msg::register_unit, rs.model.units(), f.unit);
    year_filter(rs.model.years(), f);
    kind_filter(f);
    if (!(f == RegisterFilter{})) {
        if (!layout().narrow) same_line_if_fits(core::tr(Msg::register_clear));
        if (ImGui::Button(core::tr(Msg::register_clear))) f = {};
    }
}

// [SECTION] Exports of exactly what is shown

void draw_exports(App& app, RegisterState& rs) {
    const auto& shown = rs.model.shown();
    const std::string day = app.host().today();
    const core::Lang lang = core::language();
    ImGui::BeginDisabled(shown.empty());
    if (ImGui::Button(core::tr(Msg::register_csv))) {
        const std::string name = core::fmt(Msg::register_csv_filename, {day});
        app.host().download(name, "text/csv;charset=utf-8",
                            core::register_csv(shown, app.facts().settings(), lang));
        show_toast(app, core::fmt(Msg::toast_exported, {name}), false);
    }
    same_line_if_fits(core::tr(Msg::register_print));
    if (ImGui::Button(core::tr(Msg::register_print)))
        app.host().open_printable(core::tr(Msg::register_title),
                                  core::register_html(shown, rs.filter, app.facts().settings(), day, lang));
    same_line_if_fits(core::tr(Msg::register_ics));
    if (ImGui::Button(core::tr(Msg::register_ics))) {
        const std::string ics = core::register_ics(shown, app.workspace(), app.host().now_iso(), lang);
        if (ics.find("BEGIN:VEVENT") == std::string::npos) {
            show_toast(app, core::tr(Msg::register_ics_none), false);
        } else {
            const std::string name = core::fmt(Msg::register_ics_filename, {day});
            app.host().download(name, "text/calendar;charset=utf-8", ics);
            show_toast(app, core::fmt(Msg::toast_exported, {name}), false);
        }
    }
    ImGui::EndDisabled();
}

// [SECTION] The rows

// Laptop and projector: a table, one line per action, sorted by the header clicked.
void draw_table(App& app, RegisterState& rs, float height) {
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                      ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                      ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp |
                                      ImGuiTableFlags_NoSavedSettings;
    if (!ImGui::BeginTable("##register", int(std::size(core::all_register_columns)), flags,
                           ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    constexpr float weights[] = {2.4f, 3.0f, 1.3f, 1.2f, 1.4f, 1.1f, 1.0f, 1.6f};
    for (core::RegisterColumn c : core::all_register_columns) {
        const auto i = static_cast<std::size_t>(c);
        ImGui::TableSetupColumn(core::tr(core::register_column_name(c)),
                                c == core::RegisterColumn::source ? ImGuiTableColumnFlags_DefaultSort : 0,
                                weights[i], ImGuiID(i));
    }
    // The headers by hand: a header tells the test hooks nothing of itself, so each is announced.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (core::RegisterColumn c : core::all_register_columns) {
        ImGui::TableSetColumnIndex(int(c));
        const char* name = core::tr(core::register_column_name(c));
        ImGui::TableHeader(name);
        announce(name, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
    }
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0)
            rs.sort = {static_cast<core::RegisterColumn>(specs->Specs[0].ColumnUserID),
                       specs->Specs[0].SortDirection == ImGuiSortDirection_Descending};
        specs->SpecsDirty = false;
    }
    const auto& shown = rs.model.shown();
    const std::uint64_t generation = app.workspace().generation();
    const float line = ImGui::GetTextLineHeight();
    const ImU32 text_colour = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 warn_colour = ImGui::GetColorU32(color_warning());
    const auto cell_text = [&](const std::string& t, ImU32 colour) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        draw_text_lines(ImGui::GetFont(), ImVec2(p.x, p.y + (layout().row_height - line) * 0.5f),
                        ImGui::GetContentRegionAvail().x, colour, t, 1);
    };
    ImGuiListClipper clipper;
    clipper.Begin(int(shown.size()), layout().row_height + 2 * ImGui::GetStyle().CellPadding.y);
    // A change in a row (its status) makes new facts: the rows are not used after that.
    while (clipper.Step() && app.workspace().generation() == generation) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const RegisterRow& row = *shown[std::size_t(i)];
            const core::Action& a = row.action();
            ImGui::PushID(a.id.c_str());
            ImGui::TableNextRow(0, layout().row_height);
            ImGui::TableNextColumn();
            // Named for the test hooks by its hidden label; its text drawn ending in "…" when cut.
            const std::string source = source_text(row);
            const ImVec2 at = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable(("##" + source).c_str(), false, 0, ImVec2(0, layout().row_height)))
                open_source(app, row);
            ImGui::SetCursorScreenPos(at);
            cell_text(source, text_colour);
            ImGui::TableNextColumn();
            cell_text(what_text(a), text_colour);
            ImGui::TableNextColumn();
            cell_text(a.responsible, text_colour);
            ImGui::TableNextColumn();
            // "Försenad" is said in the last column; the colour only repeats it.
            cell_text(a.due, row.overdue ? warn_colour : text_colour);
            ImGui::TableNextColumn();
            status_chip(app, rs, row, true, -FLT_MIN);
            ImGui::TableNextColumn();
            cell_text(a.follow_up_date, text_colour);
            ImGui::TableNextColumn();
            cell_text(a.verdict == core::Verdict::ej_bedomd ? "" : core::tr(core::verdict_name(a.verdict)),
                      text_colour);
            ImGui::TableNextColumn();
            cell_text(core::findings_text(row.fact->findings, app.facts().settings(), core::language()),
                      row.open_findings ? warn_colour : text_colour);
            ImGui::PopID();
            if (app.workspace().generation() != generation) break;
        }
    }
    ImGui::EndTable();
}

// Phone: a card per action — what, then where · who · when, then its status chip and findings.
void draw_cards(App& app, RegisterState& rs) {
    const auto& shown = rs.model.shown();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    const float card_h = 2 * line + layout().row_height + 2 * style.ItemSpacing.y + 2 * style.FramePadding.y;
    ImFont* bold = ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : ImGui::GetFont();
    const std::uint64_t generation = app.workspace().generation();
    ImGuiListClipper clipper;
    clipper.Begin(int(shown.size()), card_h + style.ItemSpacing.y);
    while (clipper.Step() && app.workspace().generation() == generation) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const RegisterRow& row = *shown[std::size_t(i)];
            const core::Action& a = row.action();
            ImGui::PushID(a.id.c_str());
            const ImVec2 start = ImGui::GetCursorScreenPos();
            const float width = ImGui::GetContentRegionAvail().x;
            // The card opens the action where it lives; its chip, drawn over it, changes the status.
            if (ImGui::Selectable(("##" + source_text(row)).c_str(), false, ImGuiSelectableFlags_AllowOverlap,
                                  ImVec2(width, card_h)))
                open_source(app, row);
            ImGui::GetWindowDrawList()->AddRect(start, start + ImVec2(width, card_h),
                                                ImGui::GetColorU32(ImGuiCol_Border), style.FrameRounding);
            const ImVec2 text_pos(start.x + style.FramePadding.x, start.y + style.FramePadding.y);
            const float text_w = width - 2 * style.FramePadding.x;
            draw_text_lines(bold, text_pos, text_w, ImGui::GetColorU32(ImGuiCol_Text), what_text(a), 1);
            const std::string meta = core::fmt(
                Msg::register_card_meta,
                {source_text(row),
                 a.responsible.empty() ? core::tr(Msg::register_no_responsible) : a.responsible,
                 a.due.empty() ? core::tr(Msg::register_no_due)
                               : core::fmt(Msg::action_meta_due, {row.overdue ? due_text(row) : a.due})});
            draw_text_lines(ImGui::GetFont(), ImVec2(text_pos.x, text_pos.y + line + style.ItemSpacing.y),
                            text_w, ImGui::GetColorU32(row.overdue ? color_warning() : color_muted()), meta,
                            1);
            ImGui::SetCursorScreenPos(ImVec2(text_pos.x, text_pos.y + 2 * (line + style.ItemSpacing.y)));
            status_chip(app, rs, row, false);
            if (row.open_findings) {
                ImGui::SameLine();
                const ImVec2 p = ImGui::GetCursorScreenPos();
                draw_text_lines(
                    ImGui::GetFont(), ImVec2(p.x, p.y + (layout().row_height - line) * 0.5f),
                    start.x + width - p.x - style.FramePadding.x, ImGui::GetColorU32(color_warning()),
                    core::findings_text(row.fact->findings, app.facts().settings(), core::language()), 1);
            }
            ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + card_h + style.ItemSpacing.y));
            ImGui::Dummy(ImVec2(0, 0));
            ImGui::PopID();
            if (app.workspace().generation() != generation) break;
        }
    }
}

} // namespace

void open_risk(App& app, const std::string& doc, const std::string& risk) {
    app.state.open_doc = doc;
    app.state.risk = {};
    app.state.risk.doc = doc;
    app.state.risk.risk = risk;
}

void open_register(App& app, const core::RegisterFilter& filter) {
    set_active_screen(app, Screen::actions);
    app.state.register_view.filter = filter;
    app.state.register_view.show_plans = false;
}

void draw_actions_screen(App& app) {
    RegisterState& rs = app.state.register_view;
    rs.model.update(app.facts(), app.workspace(), app.host().today(), rs.filter, rs.sort);
    const int plans = int(app.workspace().documents_of(core::DocKind::atgardsplan).size());
    heading(core::tr(Msg::register_title));
    // Cards wherever the table's eight columns would cut dates and names: a phone, and a laptop or
    // projector zoomed so far that the content is narrow.
    const bool cards = layout().narrow || ImGui::GetContentRegionAvail().x < 60 * ImGui::GetFontSize();
    if (cards && !rs.model.rows().empty()) {
        // Two views of one screen: the register, or the plans and their list. Without any action
        // the plans are shown under the register's empty state, where a new one is made.
        const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
        const auto tab = [&](bool plans_tab, const std::string& label) {
            const bool on = rs.show_plans == plans_tab;
            if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
            if (ImGui::Button(label.c_str(), ImVec2(w, 0))) rs.show_plans = plans_tab;
            if (on) ImGui::PopStyleColor();
        };
        tab(false, core::fmt(Msg::register_tab_actions, {std::to_string(rs.model.rows().size())}));
        ImGui::SameLine();
        tab(true, core::fmt(Msg::register_tab_plans, {std::to_string(plans)}));
        if (rs.show_plans) return draw_document_screen(app, Screen::actions);
    }
    if (rs.model.rows().empty()) {
        wrapped(core::tr(Msg::register_empty_state));
        if (ImGui::Button(core::tr(Msg::register_to_analyses))) set_active_screen(app, Screen::risk_analyses);
    } else {
        draw_filters(app, rs);
        // The filters may have changed this frame: what is counted and drawn is what they now say.
        rs.model.update(app.facts(), app.workspace(), app.host().today(), rs.filter, rs.sort);
        wrapped_muted((core::fmt(Msg::register_shown, {std::to_string(rs.model.shown().size()),
                                                       std::to_string(rs.model.rows().size())}) +
                       " · " + core::describe_filter(rs.filter, app.facts().settings(), core::language()))
                          .c_str());
        draw_exports(app, rs);
        if (rs.model.shown().empty()) {
            wrapped(core::tr(Msg::register_no_match));
            if (ImGui::Button((std::string(core::tr(Msg::register_clear)) + "##empty").c_str()))
                rs.filter = {};
        }
    }
    if (cards) {
        if (rs.model.rows().empty())
            draw_document_screen(app, Screen::actions);
        else if (!rs.model.shown().empty())
            draw_cards(app, rs);
    } else {
        // The register above, the plans below: a third of the height for the plans, more when few actions.
        const float avail = ImGui::GetContentRegionAvail().y;
        const float wanted = (float(rs.model.shown().size()) + 1.5f) *
                             (layout().row_height + 2 * ImGui::GetStyle().CellPadding.y);
        const float table_h =
            rs.model.shown().empty() ? 0 : std::clamp(wanted, 4 * layout().row_height, avail * 0.66f);
        if (table_h > 0) draw_table(app, rs, table_h);
        ImGui::Spacing();
        ImGui::BeginChild("##plans");
        draw_document_screen(app, Screen::actions);
        ImGui::EndChild();
    }
    draw_change_dialog(app, rs);
}

} // namespace kvh::ui
