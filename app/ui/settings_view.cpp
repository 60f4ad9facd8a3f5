// Inställningar (language, text size for projectors, colours) and Om Kvalitetshjul with the
// tillgänglighetsredogörelse (accessibility statement) the law on digital public services asks for.
#include "views.hpp"

#include "core/exchange_format.hpp"

#include <nlohmann/json.hpp>

namespace kvh::ui {

using core::Msg;

// [SECTION] Settings as JSON (kept by the platform in the browser's storage)
std::string settings_to_json(const Settings& s) {
    static const char* themes[] = {"automatic", "light", "dark", "high_contrast"};
    return nlohmann::json{{"lang", core::lang_key(s.lang)},
                          {"zoom_percent", s.zoom_percent},
                          {"theme", themes[static_cast<int>(s.theme)]}}
        .dump();
}

Settings settings_from_json(const std::string& text) {
    Settings s;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return s;
    if (auto it = j.find("lang"); it != j.end() && it->is_string())
        s.lang = *it == "en" ? core::Lang::en : core::Lang::sv;
    if (auto it = j.find("zoom_percent"); it != j.end() && it->is_number_integer())
        s.zoom_percent = std::clamp(it->get<int>(), 100, 300);
    if (auto it = j.find("theme"); it != j.end() && it->is_string()) {
        const std::string t = *it;
        s.theme = t == "light"           ? Theme::light
                  : t == "dark"          ? Theme::dark
                  : t == "high_contrast" ? Theme::high_contrast
                                         : Theme::automatic;
    }
    return s;
}

// [SECTION] Screens
void draw_settings(App& app) {
    Settings s = app.settings();
    bool changed = false;
    heading(core::tr(Msg::settings_title));

    section_title(core::tr(Msg::settings_language));
    int lang = static_cast<int>(s.lang);
    changed |= radio(core::tr(Msg::settings_lang_sv), &lang, static_cast<int>(core::Lang::sv));
    ImGui::SameLine();
    changed |= radio(core::tr(Msg::settings_lang_en), &lang, static_cast<int>(core::Lang::en));
    s.lang = static_cast<core::Lang>(lang);

    section_title(core::tr(Msg::settings_zoom));
    wrapped_muted(core::tr(Msg::settings_zoom_hint));
    // Buttons rather than a slider: exact steps, and easy to hit on a touch screen or with a remote.
    ImGui::BeginDisabled(s.zoom_percent <= 100);
    if (ImGui::Button("–", ImVec2(layout().row_height * 1.4f, 0))) {
        s.zoom_percent -= 25;
        changed = true;
    }
    describe_last_item("–", core::tr(Msg::a11y_zoom_out));
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text((std::to_string(s.zoom_percent) + " %").c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(s.zoom_percent >= 300);
    if (ImGui::Button("+", ImVec2(layout().row_height * 1.4f, 0))) {
        s.zoom_percent += 25;
        changed = true;
    }
    describe_last_item("+", core::tr(Msg::a11y_zoom_in));
    ImGui::EndDisabled();

    section_title(core::tr(Msg::settings_theme));
    int theme = static_cast<int>(s.theme);
    const Msg names[] = {Msg::theme_automatic, Msg::theme_light, Msg::theme_dark, Msg::theme_high_contrast};
    for (int i = 0; i < 4; ++i) changed |= radio(core::tr(names[i]), &theme, i);
    s.theme = static_cast<Theme>(theme);

    if (changed) app.change_settings(s);
}

void draw_about(App& app) {
    (void)app;
    heading(core::tr(Msg::about_title));
    wrapped(core::tr(Msg::about_text));
    ImGui::Spacing();
    wrapped(core::tr(Msg::about_privacy));
    ImGui::Spacing();
    wrapped_muted(core::fmt(Msg::about_version, {KVH_VERSION, std::to_string(core::kFormatVersion)}).c_str());

    ImGui::Spacing();
    heading(core::tr(Msg::a11y_statement_title), 2);
    wrapped(core::tr(Msg::a11y_statement_intro));
    // The parts of Digg's model statement, in its order, with what works after the status.
    const Msg parts[][2] = {{Msg::a11y_statement_status_title, Msg::a11y_statement_status},
                            {Msg::a11y_statement_met_title, Msg::a11y_statement_met},
                            {Msg::a11y_statement_gaps_title, Msg::a11y_statement_gaps},
                            {Msg::a11y_statement_method_title, Msg::a11y_statement_method},
                            {Msg::a11y_statement_report_title, Msg::a11y_statement_report},
                            {Msg::a11y_statement_supervision_title, Msg::a11y_statement_supervision}};
    for (const auto& [title, body] : parts) {
        section_title(core::tr(title), 3);
        wrapped(core::tr(body));
        if (body != Msg::a11y_statement_gaps) continue;
        // Each known gap with its criterion and the date it is to be fixed by.
        for (Msg gap : {Msg::a11y_gap_pictures, Msg::a11y_gap_offscreen, Msg::a11y_gap_selection}) {
            ImGui::Bullet();
            wrapped(core::tr(gap));
        }
    }
    ImGui::Spacing();
    wrapped_muted(core::fmt(Msg::a11y_statement_date, {KVH_VERSION}).c_str());
    wrapped(core::tr(Msg::a11y_statement_page));
}

} // namespace kvh::ui
