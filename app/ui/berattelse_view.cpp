// The kvalitetsberättelse drafted from the årlig genomgång: how much is still to complete, the
// document printed (or saved as PDF) and downloaded as HTML, the cover's fields, and each section in
// the order it is written — its verdict, the requirements as assessed, the figures of the year, the
// nämnd's narrative to write and what an auditor would find missing — then the nämnd's decision.
// Also downloaded as a Word file (.docx), which the nämnd's secretary edits before the meeting.
#include "review_views.hpp"

#include "core/arlig_genomgang/kvalitetsberattelse_docx.hpp"
#include "item_roles.hpp"

namespace kvh::ui {

using core::AnnualReview;
using core::Msg;

namespace {

// The draft as last computed: again when the workspace or the day moved and nobody is typing, so a
// keystroke in a narrative costs no recount of the year.
const AnnualReviewState::Draft& draft_of(App& app, const core::Document& doc, const AnnualReview& r) {
    auto& d = app.state.annual_review.draft;
    const std::string today = app.host().today();
    const bool other = d.doc != doc.id || d.today != today;
    if (other || (d.generation != app.workspace().generation() && !ImGui::IsAnyItemActive())) {
        d.draft = core::draft_berattelse(doc, r, app.workspace(), app.facts(), today);
        d.warnings = 0;
        for (const core::BerattelseSection& s : d.draft.sections) d.warnings += int(s.warnings.size());
        d.generation = app.workspace().generation();
        d.doc = doc.id;
        d.today = today;
    }
    return d;
}

// The document as it is now, not as last drawn: what was typed a moment ago is in it.
core::Kvalitetsberattelse draft_now(App& app, const core::Document& doc, const AnnualReview& r) {
    return core::draft_berattelse(doc, r, app.workspace(), app.facts(), app.host().today());
}

void draw_outputs(App& app, const core::Document& doc, const AnnualReview& r) {
    const core::Lang lang = core::language();
    if (ImGui::Button(core::tr(Msg::ag_print)))
        app.host().open_printable(doc.title, core::berattelse_html(draft_now(app, doc, r), lang));
    const std::string name =
        doc.title.empty() ? core::fmt(Msg::berattelse_title, {std::to_string(doc.year)}) : doc.title;
    const auto download = [&](Msg label, Msg filename, const char* mime, auto make) {
        same_line_if_fits(core::tr(label));
        if (!ImGui::Button(core::tr(label))) return;
        const std::string file = core::fmt(filename, {name});
        const std::string bytes = make(draft_now(app, doc, r));
        if (bytes.empty()) return show_toast(app, core::fmt(Msg::ag_download_failed, {file}), false);
        app.host().download(file, mime, bytes);
        show_toast(app, core::fmt(Msg::toast_exported, {file}), false);
    };
    download(Msg::ag_download_html, Msg::ag_html_filename, "text/html;charset=utf-8",
             [&](const core::Kvalitetsberattelse& b) { return core::berattelse_html(b, lang); });
    download(Msg::ag_download_docx, Msg::ag_docx_filename,
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             [&](const core::Kvalitetsberattelse& b) { return core::berattelse_docx(b, lang); });
}

void cover_text(App& app, const core::Document& doc, const AnnualReview& r, Msg label,
                std::string AnnualReview::*member, FieldKind kind) {
    std::string v = r.*member;
    const std::string where = "cover/" + std::to_string(int(label));
    if (text_field(core::tr(label), v, 0, kind))
        edit_review(
            app, doc.id, {Msg::risk_undo_header, {}, {label}}, [&](AnnualReview& m) { m.*member = v; }, true,
            where);
    show_refused(app, where);
}

void draw_cover(App& app, const core::Document& doc, const AnnualReview& r) {
    section_title(core::tr(Msg::ag_cover));
    ImGui::BeginDisabled(app.read_only());
    cover_text(app, doc, r, Msg::berattelse_kommun, &AnnualReview::kommun, FieldKind::name);
    // The nämnd, förvaltning or enhet is the document's unit: the same field as in the review's header.
    std::string unit = doc.unit;
    if (text_field(core::tr(core::scope_words(r.scope).cover), unit, 0, FieldKind::name))
        app.workspace().edit(doc.id, Msg::undo_unit, [&](core::Document& d) { d.unit = unit; });
    cover_text(app, doc, r, Msg::berattelse_diarienummer, &AnnualReview::diarienummer, FieldKind::verbatim);
    cover_text(app, doc, r, Msg::berattelse_author, &AnnualReview::author, FieldKind::name);
    ImGui::EndDisabled();
}

// What the year's data says in the section, in the words of the printed berättelse.
void draw_figures(const core::Kvalitetsberattelse& b, const core::BerattelseSection& s) {
    if (s.section == core::ReportSection::fokus)
        for (const std::string& f : b.focus_areas) wrapped(("• " + f).c_str());
    else if (const std::string figures = core::figures_text(b.evidence, s.section, core::language());
             !figures.empty())
        wrapped(figures.c_str());
}

void draw_section(App& app, const core::Document& doc, const AnnualReview& r,
                  const core::Kvalitetsberattelse& b, std::size_t j) {
    const core::BerattelseSection& s = b.sections[j];
    const char* name = core::tr(core::report_section_name(s.section));
    ImGui::PushID(int(j));
    ImGui::Spacing();
    heading((std::to_string(j + 1) + ". " + name).c_str(), 2);
    wrapped(core::fmt(Msg::berattelse_verdict, {core::tr(core::assessment_name(s.verdict))}).c_str());
    for (const core::ReviewItem& k : s.requirements)
        wrapped_muted(core::fmt(Msg::ag_berattelse_requirement,
                                {k.reference, core::tr(core::assessment_name(k.assessment)), k.text})
                          .c_str());
    draw_figures(b, s);
    // The narrative as the review holds it now (the draft may be a keystroke behind).
    const auto it = r.narratives.find(s.section);
    std::string v = it == r.narratives.end() ? "" : it->second;
    const std::string where = "narrative/" + std::string(core::report_section_key(s.section));
    ImGui::BeginDisabled(app.read_only());
    if (text_field(core::fmt(Msg::ag_narrative, {core::tr(core::scope_words(r.scope).work), name}).c_str(), v,
                   4))
        edit_review(
            app, doc.id, {Msg::ag_undo_narrative, {name}},
            [&](AnnualReview& m) {
                if (v.empty())
                    m.narratives.erase(s.section);
                else
                    m.narratives[s.section] = v;
            },
            true, where);
    ImGui::EndDisabled();
    show_refused(app, where);
    for (const core::DraftWarning& w : s.warnings)
        colored_text(color_warning(),
                     core::fmt(Msg::ag_warning, {core::warning_text(w, core::language())}).c_str());
    ImGui::PopID();
}

void draw_decision(App& app, const core::Kvalitetsberattelse& b) {
    auto& st = app.state.annual_review;
    ImGui::Spacing();
    heading(core::tr(Msg::berattelse_decision), 2);
    const std::pair<Msg, std::string> rows[] = {
        {core::scope_words(b.scope).overall, core::tr(core::assessment_name(b.overall))},
        {Msg::ag_decided_by, b.decided_by},
        {Msg::ag_decided_date, b.decided_date},
        {Msg::ag_paragraph, b.paragraph}};
    for (const auto& [label, value] : rows)
        wrapped(core::fmt(Msg::ag_decision_row,
                          {core::tr(label), value.empty() ? core::tr(Msg::ag_not_given) : value})
                    .c_str());
    if (ImGui::Button(core::tr(Msg::ag_edit_decision))) {
        st.berattelse = false;
        st.summary_tab = true;
    }
}

} // namespace

void draw_berattelse(App& app, const core::Document& doc, const AnnualReview& r) {
    auto& st = app.state.annual_review;
    if (ImGui::Button(core::tr(Msg::ag_back_to_review)) ||
        (ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::IsAnyItemActive())) {
        st.berattelse = false;
        return;
    }
    const AnnualReviewState::Draft& d = draft_of(app, doc, r);
    const core::Kvalitetsberattelse& b = d.draft;
    heading(core::fmt(Msg::berattelse_title, {std::to_string(doc.year)}).c_str());
    wrapped_muted(core::tr(Msg::ag_berattelse_intro));
    if (d.warnings > 0)
        colored_text(color_warning(), core::count_text(Msg::ag_berattelse_to_complete, d.warnings).c_str(),
                     kRoleLive);
    else
        colored_text(color_ok(), core::tr(Msg::ag_berattelse_complete), kRoleLive);
    draw_outputs(app, doc, r);
    draw_cover(app, doc, r);
    for (std::size_t j = 0; j < b.sections.size(); ++j) draw_section(app, doc, r, b, j);
    draw_decision(app, b);
}

} // namespace kvh::ui
