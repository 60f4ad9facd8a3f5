// Texts drawn as whole words on at most N lines, the last ending in "…" when cut (list rows, each line
// a text run for the test hook; tree nodes' labels); the lines are kept per text, width and font, not
// wrapped per frame.
#include "views.hpp"

#include "core/text_wrap.hpp"

#include <unordered_map>

namespace kvh::ui {

namespace {

struct Fitted {
    std::vector<std::string> lines;
    bool used = true; // drawn since the last sweep
};
std::unordered_map<std::string, Fitted> g_fitted; // key: font, size, width, N and the text

} // namespace

const std::vector<std::string>& fitted_lines(ImFont* font, float width, const std::string& text,
                                             int max_lines) {
    const float size = ImGui::GetFontSize();
    std::string key;
    key.reserve(text.size() + 48);
    key.append(reinterpret_cast<const char*>(&font), sizeof font);
    key.append(reinterpret_cast<const char*>(&size), sizeof size);
    key.append(reinterpret_cast<const char*>(&width), sizeof width);
    key.append(reinterpret_cast<const char*>(&max_lines), sizeof max_lines);
    key += text;
    auto it = g_fitted.find(key);
    if (it == g_fitted.end()) {
        // Rows scrolled past and texts since changed: dropped once the map is well above a screenful.
        if (g_fitted.size() > 4096) {
            std::erase_if(g_fitted, [](const auto& kv) { return !kv.second.used; });
            for (auto& kv : g_fitted) kv.second.used = false;
        }
        it = g_fitted
                 .emplace(std::move(key),
                          Fitted{core::fit_lines(text, width, max_lines, measure_in(font, size))})
                 .first;
    }
    it->second.used = true;
    return it->second.lines;
}

core::MeasureText measure_in(ImFont* font, float size) {
    return [font, size](std::string_view s) {
        return font->CalcTextSizeA(size, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
    };
}

float draw_text_lines(ImFont* font, ImVec2 pos, float width, ImU32 colour, const std::string& text,
                      int max_lines) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float size = ImGui::GetFontSize(), line_h = ImGui::GetTextLineHeight();
    float y = pos.y;
    for (const std::string& line : fitted_lines(font, width, text, max_lines)) {
        dl->AddText(font, size, ImVec2(pos.x, y), colour, line.c_str(), line.c_str() + line.size());
        const float w = font->CalcTextSizeA(size, FLT_MAX, 0, line.c_str(), line.c_str() + line.size()).x;
        announce_run(line, ImRect(pos.x, y, pos.x + w, y + line_h));
        y += line_h;
    }
    return y - pos.y;
}

} // namespace kvh::ui
