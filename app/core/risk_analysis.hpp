// The riskanalys (5 kap. 1 § SOSFS 2011:9) as a model: why it was made, who took part, the scale,
// and the risks with their scores, barriers, actions, residual risk and decision. It is the typed,
// immutable `body` of a Document of kind riskanalys (its risks shared item by item between versions);
// to_body/from_body convert at the edges, check_analysis guards every edit, and the rules say what is
// missing (a katastrofal consequence without action or decision, a red risk without action).
#pragma once

#include "action.hpp"
#include "body.hpp"
#include "document.hpp"
#include "list_body.hpp"
#include "risk_scale.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kvh::core {

struct ValidationError;

enum class AnalysisReason { forandring, ny_verksamhet, avvikelse, arlig, individniva, annat };
inline constexpr AnalysisReason all_analysis_reasons[] = {
    AnalysisReason::forandring, AnalysisReason::ny_verksamhet, AnalysisReason::avvikelse,
    AnalysisReason::arlig,      AnalysisReason::individniva,   AnalysisReason::annat};
std::string_view reason_key(AnalysisReason r);
std::optional<AnalysisReason> reason_from_key(std::string_view key);
Msg reason_name(AnalysisReason r); // "Förändring eller omorganisation", …

// The phase of the analysis itself (the document status stays the shared one).
enum class AnalysisPhase { utkast, pagar, klar, uppfoljd };
inline constexpr AnalysisPhase all_analysis_phases[] = {AnalysisPhase::utkast, AnalysisPhase::pagar,
                                                        AnalysisPhase::klar, AnalysisPhase::uppfoljd};
std::string_view phase_key(AnalysisPhase p);
std::optional<AnalysisPhase> phase_from_key(std::string_view key);
Msg phase_name(AnalysisPhase p);

struct Participant {
    std::string id;   // UUID, stable: their scores follow it whoever else is added or removed
    std::string name; // a name or just a function; never required
    std::string role; // "Enhetschef", "SAS", "MAS", "Medarbetare", …
    bool operator==(const Participant&) const = default;
};

// One participant's scoring of a risk at an analysdag (0 = not given).
struct ParticipantScore {
    std::string participant; // Participant::id
    int s = 0, k = 0;
    bool operator==(const ParticipantScore&) const = default;
};

enum class RiskDecision { ej_beslutad, atgarda, acceptera };
inline constexpr RiskDecision all_risk_decisions[] = {RiskDecision::ej_beslutad, RiskDecision::atgarda,
                                                      RiskDecision::acceptera};
std::string_view decision_key(RiskDecision d);
std::optional<RiskDecision> decision_from_key(std::string_view key);
Msg decision_name(RiskDecision d);

struct Risk {
    std::string id;                     // UUID v4, stable: markers, links and undo follow it
    std::string description;            // vad kan hända
    std::string causes;                 // orsaker
    std::string consequence_individual; // konsekvenser för den enskilde
    std::string consequence_verksamhet; // konsekvenser för verksamheten
    std::string category;               // free text, suggested from the library's categories
    int s = 0, k = 0;                   // sannolikhet, konsekvens; 0 = not scored
    std::string barriers;               // befintliga barriärer
    std::vector<Action> actions;
    int residual_s = 0, residual_k = 0; // after actions; 0 = not scored
    RiskDecision decision = RiskDecision::ej_beslutad;
    std::string decision_reason; // required to accept
    std::vector<ParticipantScore> scores;
    Acknowledgements acknowledged; // the risk's rule findings accepted with a reason (rules.hpp)
    nlohmann::json extra; // keys of a risk this build does not know (from a file or a newer tool), kept
    bool operator==(const Risk&) const = default;
};

struct RiskAnalysis final : ListBody<RiskAnalysis, Risk> {
    AnalysisReason reason = AnalysisReason::forandring;
    std::string reason_text; // what the change, deviation, … is
    std::string date;        // YYYY-MM-DD of the analysis
    AnalysisPhase phase = AnalysisPhase::utkast;
    std::vector<Participant> participants;
    std::string follow_up_date; // YYYY-MM-DD
    std::string decided_by;     // "Enhetschef …", "Socialnämndens arbetsutskott"
    std::string decided_date;   // YYYY-MM-DD
    std::string summary;
    RiskScale scale = scale_4x4();
    ItemList<Risk> risks;
    nlohmann::json extra; // keys of the body this build does not know, kept
    bool operator==(const RiskAnalysis&) const = default;

    static constexpr std::string_view kItemsKey = "risker";
    const ItemList<Risk>& items() const { return risks; }
    static std::uint64_t hash_item(const Risk& item);
    DocKind kind() const override { return DocKind::riskanalys; }
    nlohmann::json head_json() const override; // everything but "risker"
    nlohmann::json item_json(std::size_t i) const override;
    void for_each_item_action(std::size_t item, const ActionVisitor& visit) const override;
    BodyPtr with_action(const std::string& item, const std::string& action,
                        FunctionRef<void(Action&)> change) const override;
};
using AnalysisPtr = std::shared_ptr<const RiskAnalysis>;

// body <-> model. from_body validates and names each error under `path` (e.g.
// "documents[3].body.risker[2].sannolikhet"); an empty body gives a new analysis with the default scale.
// Every field may be absent (the default is kept) except the ids of risks and actions; ids are unique
// within the analysis, scores lie within the analysis' scale, participant scores name a participant.
// Analyses written before participants had ids (format version 1, and records a build of that time
// stored) are read as they were meant: a participant without an id gets legacy_participant_id(doc_id,
// its place), and a score naming a participant by number N names legacy_participant_id(doc_id, N) —
// also in a record whose participants were saved again since, which can hold scores of both kinds. A
// number that names no participant is refused at its place: a score is never dropped.
nlohmann::json to_body(const RiskAnalysis& a);
std::optional<RiskAnalysis> from_body(const nlohmann::json& body, const std::string& path,
                                      std::vector<ValidationError>& errors, std::string_view doc_id = {});
// The id that participant number `index` (from 0) of an analysis written before participants had ids
// gets when it is read: derived from the document's id, so every device and every reading agrees.
std::string legacy_participant_id(std::string_view doc_id, std::size_t index);
// The checks of from_body on the typed model, for an edit before it is committed: dates, scale,
// scores within it, ids present and unique (participants' among themselves), participant scores
// naming a participant of the analysis, at most one per participant and risk, texts UTF-8
// (a file or a record cannot hold anything else). With `before`
// (the version the edit started from) only what changed is checked, so a keystroke in one risk of
// 2,000 costs that risk. Errors name the place under `path` as from_body would.
bool check_analysis(const RiskAnalysis& a, const RiskAnalysis* before, const std::string& path,
                    std::vector<ValidationError>& errors);
// The analysis in a document's body; null when the document is of another kind.
AnalysisPtr analysis_of(const Document& doc);

// [SECTION] Rules
enum class RiskFlag {
    katastrofal_without_action, // highest consequence level: needs an action or a documented acceptance
    red_without_action,         // red band and no action (an acceptance does not lift this one)
    accepted_without_reason,    // decision acceptera but no reason given
    not_scored                  // sannolikhet or konsekvens missing
};
Msg risk_flag_name(RiskFlag f);
// Actions with status avbruten do not count as actions here: a cancelled action treats nothing.
std::vector<RiskFlag> risk_flags(const RiskAnalysis& a, const Risk& r);
// Every flag of every risk, and those of the analysis itself (no participants, no risks).
struct AnalysisFlags {
    int risks_flagged = 0; // risks with at least one flag
    bool no_participants = false;
    bool no_risks = false;
    bool any() const { return risks_flagged > 0 || no_participants || no_risks; }
};
// Shown with Msg::riskflag_no_participants and Msg::riskflag_no_risks.
AnalysisFlags analysis_flags(const RiskAnalysis& a);

// Changes the scale, moving every score (s, k, residual, participants') by `how`.
void change_scale(RiskAnalysis& a, const RiskScale& to, ScaleMapping how);
// The participant with this id, or null.
const Participant* find_participant(const RiskAnalysis& a, std::string_view id);
// Removes the participant with this id and their scores; nobody else's scores change.
void remove_participant(RiskAnalysis& a, std::string_view id);

// The spread of the participants' scores: min, max and median (the lower one for an even count) over
// the scores given (> 0), separately for s and k; all 0 when none given.
struct ScoreSpread {
    int n = 0; // participants who gave s or k
    int min_s = 0, max_s = 0, median_s = 0;
    int min_k = 0, max_k = 0, median_k = 0;
};
ScoreSpread score_spread(const Risk& r);

// [SECTION] Exports
// CSV for Swedish Excel: UTF-8 with BOM, semicolons, CRLF, quoted fields; one row per action (a risk
// without actions gets one row), columns in the user's language.
std::string risks_to_csv(const Document& doc, const RiskAnalysis& a, Lang lang);
// A self-contained printable HTML report (header, participants, the matrix as inline SVG, the risk
// table, actions, flags), no scripts and no external resources. `today` (YYYY-MM-DD) lets the report
// flag overdue actions; without it that one flag is left out.
std::string risk_report_html(const Document& doc, const RiskAnalysis& a, Lang lang,
                             std::string_view today = {});

} // namespace kvh::core
