// The risk analysis screens and what they share: the one edit path back into the workspace, and the
// matrix widget.
#pragma once

#include "views.hpp"

#include "core/risk_analysis.hpp"

#include <imgui_internal.h>
#include <memory>

namespace kvh::ui {

// [SECTION] The analysis of a document
// core::analysis_of(doc) gives the typed analysis (shared: a screen keeps the one it drew with for the
// whole frame, even when an edit in that frame makes a newer one).
using core::AnalysisPtr;
// The facts index's facts of this very version of the analysis (flags, matrix bins), or null while
// the index holds another one (an edit earlier in this frame): then compute what is needed.
const core::DocFacts* analysis_facts(App& app, const core::Document& doc, const core::RiskAnalysis& a);
// Changes the analysis through Workspace::edit. Each call is one undo step, except with `typing`:
// then consecutive calls with the same label (keystrokes in one field) are one step together.
// Returns false when nothing changed or the result was refused (Workspace::refusal() says why).
bool edit_analysis(App& app, const std::string& doc_id, core::UndoLabel label,
                   core::FunctionRef<void(core::RiskAnalysis&)> change, bool typing = false);
// "ändring i risk 3 (händelse)" — the undo label of a field of a risk, so typing in it coalesces.
core::UndoLabel risk_label(const core::RiskAnalysis& a, const std::string& risk_id, core::Msg field);
int risk_number(const core::RiskAnalysis& a, const std::string& risk_id); // 1-based, 0 when absent
core::Risk* find_risk(core::RiskAnalysis& a, const std::string& risk_id);
const core::Risk* find_risk(const core::RiskAnalysis& a, const std::string& risk_id);

// [SECTION] Matrix
struct MatrixOptions {
    ImVec2 size;
    bool residual = false; // place risks by their residual scores
    std::string title;
    std::string selected; // risk id drawn highlighted
    int filter_s = 0, filter_k = 0;
    // Risk indexes per cell, at (s-1) × levels_k + (k-1), for these scores (AnalysisFacts::cells or
    // residual_cells of this very version); null: the matrix bins the risks itself.
    const std::vector<std::vector<int>>* cells = nullptr;
};
struct MatrixEvent {
    enum class Kind { none, cell_clicked, marker_clicked, marker_dropped };
    Kind kind = Kind::none;
    int s = 0, k = 0;
    std::string risk;
};
MatrixEvent draw_risk_matrix(const char* id, const core::RiskAnalysis& a, const MatrixOptions& opt);
ImU32 band_colour(std::optional<core::BandColour> band, float alpha = 1.0f);
ImU32 band_colour_text(); // text on a band colour (core::kOnBand), in every theme

// [SECTION] Screens
void draw_risk_analysis(App& app, const core::Document& doc); // the editor of one analysis
void draw_risk_editor(App& app, const core::Document& doc, const core::RiskAnalysis& a,
                      const core::Risk& risk);
void draw_presentation(App& app, const core::Document& doc, const core::RiskAnalysis& a);
void draw_risk_library(App& app, const core::Document& doc);
// The analysis' scale, and the dialog that makes a custom one (risk_scale_view.cpp).
void draw_scale(App& app, const core::Document& doc, const core::RiskAnalysis& a);

// [SECTION] Pickers shared by the editor and the presentation
// Buttons for each level with its words (and hints when `large`); returns the level newly chosen
// this frame, or -1.
int level_picker(const char* id, const std::vector<core::ScaleLevel>& levels, int current, bool large);
// Applies a marker drop or a picker choice: rescoring is one undo step.
void set_scores(App& app, const core::Document& doc, const std::string& risk_id, int s, int k, bool residual);

} // namespace kvh::ui
