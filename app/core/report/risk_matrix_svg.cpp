// The risk matrix as inline SVG (see risk_matrix_svg.hpp), and the band colours of every report.
#include "risk_matrix_svg.hpp"

#include "html_report.hpp"

#include <algorithm>
#include <map>

namespace kvh::core::report {

std::string_view band_fill(std::optional<BandColour> band) {
    if (!band) return "#e5e7eb";
    switch (*band) {
    case BandColour::gron:
        return "#8fd19e";
    case BandColour::gul:
        return "#f9e27d";
    case BandColour::orange:
        return "#f6ad62";
    case BandColour::rod:
        return "#ea7b70";
    }
    return "#e5e7eb";
}

std::string risk_matrix_svg(const RiskScale& scale, const std::vector<MatrixMark>& marks,
                            std::string_view title, Lang lang) {
    constexpr int kLeft = 190, kTop = 10, kCellW = 110, kCellH = 66, kBottom = 56, kR = 11, kStep = 28;
    const int ns = scale.levels_s(), nk = scale.levels_k();
    const int width = kLeft + nk * kCellW + 10, height = kTop + ns * kCellH + kBottom;
    std::map<std::pair<int, int>, std::vector<const std::string*>> cells;
    for (const MatrixMark& m : marks)
        if (scale.value(m.s, m.k) > 0) cells[{m.s, m.k}].push_back(&m.label);

    std::string out;
    const std::string w = std::to_string(width), h = std::to_string(height);
    out += "<svg viewBox=\"0 0 " + w + " " + h + "\" width=\"" + w + "\" height=\"" + h +
           "\" role=\"img\" aria-label=\"" + escape(title) +
           "\" font-family=\"Noto Sans, Arial, sans-serif\" font-size=\"12\">\n";
    // `body` is markup already.
    auto text = [&](int x, int y, std::string_view anchor, const std::string& body,
                    std::string_view extra = "") {
        out += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" text-anchor=\"" +
               std::string(anchor) + "\"" + std::string(extra) + ">" + body + "</text>\n";
    };
    for (int k = 1; k <= nk; ++k)
        for (int s = 1; s <= ns; ++s) {
            const int x = kLeft + (k - 1) * kCellW, y = kTop + (ns - s) * kCellH, v = scale.value(s, k);
            out += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
                   std::to_string(kCellW) + "\" height=\"" + std::to_string(kCellH) + "\" fill=\"" +
                   std::string(band_fill(scale.band(v))) + "\" stroke=\"#fff\" stroke-width=\"2\"/>\n";
            text(x + 6, y + 15, "start", std::to_string(v), " fill=\"#333\" font-size=\"10\"");
            const auto found = cells.find({s, k});
            if (found == cells.end()) continue;
            const auto& labels = found->second;
            if (labels.size() > 1)
                text(
                    x + kCellW - 6, y + 15, "end",
                    escape(count_text(Msg::report_matrix_count, lang, static_cast<long long>(labels.size()))),
                    " fill=\"#111\" font-size=\"10\" font-weight=\"bold\"");
            const std::size_t shown = labels.size() > 6 ? 5 : labels.size();
            const std::size_t per_row = std::min<std::size_t>(3, labels.size());
            const int rows = labels.size() > 3 ? 2 : 1;
            for (std::size_t m = 0; m < std::min<std::size_t>(labels.size(), 6); ++m) {
                const int col = int(m % 3), row = int(m / 3);
                const int cx = x + kCellW / 2 + int((2 * col - int(per_row) + 1) * kStep / 2);
                const int cy = y + kCellH / 2 + 6 + (rows == 2 ? (row == 0 ? -kStep / 2 : kStep / 2) : 0);
                const std::string label =
                    m < shown ? escape(*labels[m]) : "+" + std::to_string(labels.size() - shown);
                out += "<circle cx=\"" + std::to_string(cx) + "\" cy=\"" + std::to_string(cy) + "\" r=\"" +
                       std::to_string(kR) + "\" fill=\"#1b2a41\" stroke=\"#fff\" stroke-width=\"1.5\"/>\n";
                text(cx, cy + 4, "middle", label, " fill=\"#fff\" font-size=\"11\" font-weight=\"bold\"");
            }
        }
    for (int s = 1; s <= ns; ++s)
        text(kLeft - 8, kTop + (ns - s) * kCellH + kCellH / 2 + 4, "end",
             std::to_string(s) + " " + escape(scale.sannolikhet[std::size_t(s - 1)].label));
    for (int k = 1; k <= nk; ++k)
        text(kLeft + (k - 1) * kCellW + kCellW / 2, kTop + ns * kCellH + 18, "middle",
             std::to_string(k) + " " + escape(scale.konsekvens[std::size_t(k - 1)].label));
    text(kLeft + nk * kCellW / 2, height - 10, "middle", escape(tr(Msg::report_col_k, lang)),
         " font-weight=\"bold\"");
    const int mid_y = kTop + ns * kCellH / 2;
    text(16, mid_y, "middle", escape(tr(Msg::report_col_s, lang)),
         " font-weight=\"bold\" transform=\"rotate(-90 16 " + std::to_string(mid_y) + ")\"");
    out += "</svg>\n";
    return out;
}

} // namespace kvh::core::report
