// The årshjul (see year_wheel_view.hpp). January is at the top and the months run clockwise, as on a
// wall calendar wheel. A month's marks are laid out from the rim inwards in its sector; when they do
// not all fit, the last place says how many more and a tap on the sector lists them all. Each mark's
// state is its colour, its shape (planned ○, done ■, done with deviations ▲, overdue ◆) and its
// spoken name; the legend says which is which.
#include "year_wheel_view.hpp"

#include "core/date_input.hpp"
#include "core/egenkontroll/month_state_colour.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace kvh::ui {

using core::MonthState;
using core::Msg;

namespace {

constexpr float kPi = 3.14159265f;
constexpr MonthState kLegend[] = {MonthState::planned, MonthState::done, MonthState::done_with_deviations,
                                  MonthState::overdue};

ImU32 rgb(core::Rgb c, float alpha = 1.0f) {
    return IM_COL32((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, int(alpha * 255));
}

std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = char(s[0] - 'A' + 'a');
    return s;
}

// The month's name, cut to three letters where the wheel is small ("jan", "maj").
std::string month_label(int month, bool short_name) {
    const std::string name = core::tr(core::month_name(month));
    return short_name ? name.substr(0, 3) : name;
}

ImVec2 polar(ImVec2 c, float r, float angle) {
    return ImVec2(c.x + r * std::cos(angle), c.y + r * std::sin(angle));
}
float month_angle(float month0) { // 0 = the start of January, at the top
    return -kPi / 2 + month0 * kPi / 6;
}

// The state's shape, filled with its colour and outlined, `d` across.
void draw_shape(ImDrawList* dl, ImVec2 c, float d, MonthState s) {
    const float r = d * 0.5f;
    const ImU32 fill = rgb(core::month_state_rgb(s)), edge = rgb(core::kOnBand);
    switch (s) {
    case MonthState::planned:
        dl->AddCircleFilled(c, r, fill);
        dl->AddCircle(c, r - 1, edge, 0, 2.0f);
        break;
    case MonthState::done:
        dl->AddRectFilled(c - ImVec2(r, r) * 0.86f, c + ImVec2(r, r) * 0.86f, fill, 2);
        dl->AddRect(c - ImVec2(r, r) * 0.86f, c + ImVec2(r, r) * 0.86f, edge, 2, 0, 1.5f);
        break;
    case MonthState::done_with_deviations: {
        const ImVec2 a(c.x, c.y - r), b(c.x + r, c.y + r * 0.8f), e(c.x - r, c.y + r * 0.8f);
        dl->AddTriangleFilled(a, b, e, fill);
        dl->AddTriangle(a, b, e, edge, 1.5f);
        break;
    }
    case MonthState::overdue: {
        const ImVec2 a(c.x, c.y - r), b(c.x + r, c.y), e(c.x, c.y + r), f(c.x - r, c.y);
        dl->AddQuadFilled(a, b, e, f, fill);
        dl->AddQuad(a, b, e, f, edge, 1.5f);
        break;
    }
    case MonthState::none:
        break;
    }
}

// A ring's part from angle a0 to a1, as quads (the shape is not convex, so not one fill).
void fill_band(ImDrawList* dl, ImVec2 c, float r0, float r1, float a0, float a1, ImU32 col) {
    constexpr int kSteps = 12;
    for (int k = 0; k < kSteps; ++k) {
        const float x = a0 + (a1 - a0) * float(k) / kSteps, y = a0 + (a1 - a0) * float(k + 1) / kSteps;
        dl->AddQuadFilled(polar(c, r0, x), polar(c, r1, x), polar(c, r1, y), polar(c, r0, y), col);
    }
}

struct Placed {
    std::size_t check;
    int month;
    ImVec2 at;
};

// The wheel itself, `size` square. Returns what was tapped.
WheelTap draw_wheel(const WheelFacts& f, int chosen, float size, bool small) {
    WheelTap tap;
    const core::YearWheel& w = f.wheel;
    ImGui::PushID("##wheel");
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##wheel", ImVec2(size, size));
    const bool hovered = ImGui::IsItemHovered();
    // A press and release in place (a tap, a click); a finger that moved was scrolling.
    const bool tapped = ImGui::IsItemDeactivated() && !ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    const ImVec2 c = p0 + ImVec2(size, size) * 0.5f;
    const float R = size * 0.5f - 8;   // room for the mark of today on the rim
    const float rim = R - font * 1.9f; // the month names are outside it
    const float hub = std::max(R * 0.2f, font * 2.2f);
    const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 line_col = ImGui::GetColorU32(ImGuiCol_Border);

    // [SECTION] Sectors and month names
    for (int m = 1; m <= 12; ++m) {
        const float a0 = month_angle(float(m - 1)), a1 = month_angle(float(m));
        const bool today = m == w.today_month, picked = m == chosen;
        ImU32 fill = ImGui::GetColorU32(m % 2 ? ImGuiCol_FrameBg : ImGuiCol_FrameBgHovered);
        if (today) fill = ImGui::GetColorU32(ImGuiCol_TabActive, 0.35f);
        fill_band(dl, c, hub, R, a0, a1, fill);
        dl->AddLine(polar(c, hub, a0), polar(c, R, a0), line_col, 1.0f);
        if (today || picked) {
            dl->PathClear();
            dl->PathArcTo(c, R - 2, a0, a1, 16);
            dl->PathArcTo(c, hub + 2, a1, a0, 8);
            dl->PathStroke(today ? ImGui::GetColorU32(ImGuiCol_ButtonActive) : text_col, ImDrawFlags_Closed,
                           today ? 4.0f : 2.0f);
        }
        const std::string name = month_label(m, small);
        ImFont* bold =
            today && ImGui::GetIO().Fonts->Fonts.Size > 1 ? ImGui::GetIO().Fonts->Fonts[1] : ImGui::GetFont();
        const ImVec2 ts = bold->CalcTextSizeA(font, FLT_MAX, 0, name.c_str());
        // In the band outside the rim; nearer the hub where a long name would leave the wheel's square.
        const float mid = month_angle(float(m) - 0.5f);
        const float fit_x = (size * 0.5f - 4 - ts.x * 0.5f) / std::max(std::abs(std::cos(mid)), 0.01f);
        const float fit_y = (size * 0.5f - 4 - ts.y * 0.5f) / std::max(std::abs(std::sin(mid)), 0.01f);
        const ImVec2 at = polar(c, std::min({(R + rim) * 0.5f, fit_x, fit_y}), mid) - ts * 0.5f;
        dl->AddText(bold, font, at, text_col, name.c_str());
        announce_run(name, ImRect(at, at + ts));
    }
    dl->AddCircle(c, R, line_col, 0, 1.0f);
    dl->AddCircle(c, rim, line_col, 0, 1.0f);

    // [SECTION] Today: a hand from the hub to the rim at today's day, and the year in the hub
    const std::string year = std::to_string(w.year);
    const ImVec2 ys = ImGui::CalcTextSize(year.c_str());
    dl->AddText(c - ys * 0.5f, text_col, year.c_str());
    announce_run(year, ImRect(c - ys * 0.5f, c + ys * 0.5f));
    if (w.today_month) {
        const std::optional<core::Ymd> day = core::ymd_of(f.today);
        const float frac =
            day ? float(day->day - 1) / float(core::days_in_month(day->year, day->month)) : 0.5f;
        const float a = month_angle(float(w.today_month - 1) + frac);
        const ImU32 hand = ImGui::GetColorU32(ImGuiCol_ButtonActive);
        dl->AddLine(polar(c, hub, a), polar(c, R, a), hand, 3.0f);
        dl->AddCircleFilled(polar(c, R, a), 5, hand);
        announce(core::fmt(Msg::wheel_today, {f.today}).c_str(),
                 ImRect(polar(c, R, a) - ImVec2(6, 6), polar(c, R, a) + ImVec2(6, 6)));
    }

    // [SECTION] Marks, from the rim inwards in each month's sector
    const bool touch = layout().touch;
    const float band = rim - hub - font * 0.4f;
    std::array<std::vector<std::size_t>, 12> in_month;
    std::size_t most = 0;
    for (std::size_t i = 0; i < w.checks.size(); ++i)
        for (int m = 1; m <= 12; ++m)
            if (w.checks[i].months[std::size_t(m - 1)] != MonthState::none)
                in_month[std::size_t(m - 1)].push_back(i);
    for (const auto& l : in_month) most = std::max(most, l.size());
    // The places in one sector for marks `d` across, rim first.
    const auto places = [&](float d, float pitch) {
        std::vector<std::pair<float, float>> out; // radius, angle offset from the sector's middle
        for (float r = rim - pitch * 0.5f; r - d * 0.5f >= hub; r -= pitch) {
            const int n = int((r * kPi / 6 - font * 0.3f) / pitch);
            for (int k = 0; k < n; ++k) out.emplace_back(r, (float(k) - float(n - 1) * 0.5f) * pitch / r);
        }
        return out;
    };
    // As big as the most crowded month allows: 44 px apart on a touch screen when they fit.
    // Closer and smaller when they do not: then a tap on the sector lists the month's checks.
    float d = std::min(font * 1.6f, band * 0.5f), pitch = touch ? std::max(d + 6, 44.0f) : d + 6;
    auto slots = places(d, pitch);
    while (slots.size() < most && d > font * 0.8f) {
        d *= 0.88f;
        pitch = d + 6;
        slots = places(d, pitch);
    }
    const float reach = std::max(d * 0.5f, std::min(22.0f, pitch * 0.5f));
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    std::vector<Placed> placed;
    for (int m = 1; m <= 12; ++m) {
        const auto& list = in_month[std::size_t(m - 1)];
        const bool crowded = list.size() > slots.size();
        const std::size_t shown = crowded ? (slots.empty() ? 0 : slots.size() - 1) : list.size();
        const float mid = month_angle(float(m) - 0.5f);
        for (std::size_t j = 0; j < shown; ++j) {
            const std::size_t i = list[j];
            const MonthState s = w.checks[i].months[std::size_t(m - 1)];
            const ImVec2 at = polar(c, slots[j].first, mid + slots[j].second);
            draw_shape(dl, at, d, s);
            const std::string n = std::to_string(i + 1);
            const ImVec2 ts = ImGui::CalcTextSize(n.c_str());
            if (ts.x < d * 0.8f) dl->AddText(at - ts * 0.5f, rgb(core::kOnBand), n.c_str());
            announce(mark_name(f.names[i], m, s).c_str(),
                     ImRect(at - ImVec2(reach, reach), at + ImVec2(reach, reach)));
            placed.push_back({i, m, at});
        }
        if (crowded && !slots.empty()) {
            const std::string more = core::fmt(Msg::wheel_more, {std::to_string(list.size() - shown)});
            const ImVec2 at = polar(c, slots[shown].first, mid + slots[shown].second);
            const ImVec2 ts = ImGui::CalcTextSize(more.c_str());
            dl->AddText(at - ts * 0.5f, text_col, more.c_str());
            announce_run(more, ImRect(at - ts * 0.5f, at + ts * 0.5f));
        }
    }

    // [SECTION] What is under the pointer: the nearest mark within reach, else the month's sector
    const Placed* near = nullptr;
    float best = reach * reach;
    for (const Placed& x : placed) {
        const ImVec2 v = mouse - x.at;
        if (v.x * v.x + v.y * v.y <= best) {
            best = v.x * v.x + v.y * v.y;
            near = &x;
        }
    }
    if (hovered && near) {
        ImGui::SetTooltip("%s", mark_name(f.names[near->check], near->month,
                                          w.checks[near->check].months[std::size_t(near->month - 1)])
                                    .c_str());
    }
    if (tapped) {
        if (near) {
            tap.check = w.checks[near->check].check;
        } else {
            const ImVec2 v = ImGui::GetIO().MouseClickedPos[ImGuiMouseButton_Left] - c;
            const float r = std::sqrt(v.x * v.x + v.y * v.y);
            if (r >= hub && r <= R) {
                float turns = (std::atan2(v.y, v.x) + kPi / 2) / (2 * kPi);
                if (turns < 0) turns += 1;
                const int m = std::clamp(int(turns * 12) + 1, 1, 12);
                tap.month = m == chosen ? 0 : m;
            }
        }
    }
    ImGui::PopID();
    return tap;
}

void draw_legend(bool small) {
    const float font = ImGui::GetFontSize();
    for (std::size_t k = 0; k < std::size(kLegend); ++k) {
        const MonthState s = kLegend[k];
        const char* name = core::tr(core::month_state_name(s));
        const float w = font * 1.4f + ImGui::CalcTextSize(name).x;
        if (k) {
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
        }
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(font * 1.2f, font * 1.2f));
        draw_shape(ImGui::GetWindowDrawList(), p + ImVec2(font * 0.6f, font * 0.6f),
                   font * (small ? 0.9f : 1.1f), s);
        ImGui::SameLine();
        text(name);
    }
}

// One row of a list: the check's name and what its months say, opening the check.
bool list_row(const std::string& label, const std::string& id) {
    ImGui::PushID(id.c_str());
    const bool clicked = wrapped_selectable(label, layout().row_height);
    ImGui::PopID();
    return clicked;
}

std::string months_text(const std::vector<int>& months) {
    std::string out;
    for (int m : months) out += (out.empty() ? "" : ", ") + std::string(core::tr(core::month_name(m)));
    return out;
}

// "Den här månaden", "Försenade" and the chosen month's checks.
std::string draw_lists(const WheelFacts& f, int chosen) {
    std::string open;
    const core::YearWheel& w = f.wheel;
    if (chosen >= 1 && chosen <= 12) {
        section_title(core::fmt(Msg::wheel_month_list, {core::tr(core::month_name(chosen))}).c_str());
        bool any = false;
        for (std::size_t i = 0; i < w.checks.size(); ++i) {
            const MonthState s = w.checks[i].months[std::size_t(chosen - 1)];
            if (s == MonthState::none) continue;
            any = true;
            if (list_row(core::fmt(Msg::wheel_row_state, {f.names[i], core::tr(core::month_state_name(s))}),
                         w.checks[i].check))
                open = w.checks[i].check;
        }
        if (!any) wrapped_muted(core::tr(Msg::wheel_month_none));
    }
    section_title(core::tr(Msg::wheel_this_month));
    if (!w.today_month)
        wrapped_muted(core::tr(Msg::wheel_other_year));
    else if (w.this_month.empty())
        wrapped_muted(core::tr(Msg::wheel_this_month_none));
    for (std::size_t i : w.this_month)
        if (list_row(f.names[i], w.checks[i].check)) open = w.checks[i].check;
    section_title(core::fmt(Msg::wheel_overdue, {std::to_string(w.overdue.size())}).c_str());
    if (w.overdue.empty()) wrapped_muted(core::tr(Msg::wheel_overdue_none));
    ImGui::PushStyleColor(ImGuiCol_Text, color_warning());
    for (const core::YearWheel::Overdue& o : w.overdue)
        if (list_row(core::fmt(Msg::wheel_row_overdue, {f.names[o.check], months_text(o.months)}),
                     w.checks[o.check].check))
            open = w.checks[o.check].check;
    ImGui::PopStyleColor();
    return open;
}

} // namespace

std::string check_name(const core::EgenkontrollPlan& p, std::size_t i) {
    const core::PlannedCheck& c = p.checks[i];
    std::string what = c.what;
    if (what.size() > 40) {
        std::size_t cut = what.rfind(' ', 40);
        what = what.substr(0, cut == std::string::npos ? 40 : cut) + "…";
    }
    if (core::is_blank(c.area))
        return core::is_blank(c.what) ? core::fmt(Msg::wheel_check_n, {std::to_string(i + 1)}) : what;
    for (std::size_t j = 0; j < p.checks.size(); ++j)
        if (j != i && p.checks[j].area == c.area && !core::is_blank(c.what))
            return core::fmt(Msg::wheel_check_area_what, {c.area, what});
    return c.area;
}

std::string mark_name(const std::string& check, int month, MonthState s) {
    return core::fmt(Msg::wheel_mark, {check, core::tr(core::month_name(month)),
                                       lower_first(core::tr(core::month_state_name(s)))});
}

const WheelFacts& wheel_facts(App& app, WheelFacts& f, const core::Document& plan) {
    const std::string today = app.host().today();
    const std::uint64_t generation = app.workspace().generation();
    if (f.generation == generation && f.today == today && f.plan == plan.id) return f;
    f.generation = generation;
    f.today = today;
    f.plan = plan.id;
    const std::vector<const core::Document*> runs = app.workspace().documents_of(core::DocKind::egenkontroll);
    f.wheel = core::year_wheel(plan, runs, today);
    f.names.clear();
    f.runs.clear();
    if (const core::EgenkontrollPlanPtr p = core::egenkontroll_plan_of(plan))
        for (std::size_t i = 0; i < p->checks.size(); ++i) f.names.push_back(check_name(*p, i));
    for (const core::Document* d : runs)
        if (const core::EgenkontrollRunPtr r = core::egenkontroll_run_of(*d); r && r->plan == plan.id)
            f.runs[r->check].push_back(d->id);
    return f;
}

WheelTap draw_year_wheel_section(const WheelFacts& f, int month, bool small) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float font = ImGui::GetFontSize();
    const bool beside = width > 46 * font;
    const float tall = ImGui::GetMainViewport()->WorkSize.y * 0.8f;
    const float size = small ? std::min(width, beside ? 22 * font : width)
                             : std::min(beside ? width * 0.6f : width, std::max(tall, 20 * font));
    WheelTap tap;
    ImGui::BeginGroup();
    tap = draw_wheel(f, month, size, small || size < 24 * font);
    draw_legend(small);
    ImGui::EndGroup();
    if (beside) {
        ImGui::SameLine();
        ImGui::BeginGroup();
    }
    if (const std::string open = draw_lists(f, month); !open.empty()) tap.check = open;
    if (beside) ImGui::EndGroup();
    return tap;
}

} // namespace kvh::ui
