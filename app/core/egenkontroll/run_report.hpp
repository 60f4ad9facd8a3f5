// What a utförd egenkontroll reports to the APT or the nämnd: its results per question as CSV for
// Swedish Excel, and the printable HTML of the run — the check, the sample's size (never its
// references or notes: they may point to a person), compliance with its denominator and uncertainty,
// findings, analysis, conclusion and actions.
// Not here: the results themselves (egenkontroll_run.hpp), the blocks every report is built of (report/).
#pragma once

#include "egenkontroll_run.hpp"

#include <string>

namespace kvh::core {

// "20 stickprov · 2 frågor · 1 svar nej · 20 av 20 stickprov besvarade".
std::string run_summary_text(const EgenkontrollRun& r, const RunResults& results, Lang lang);
// One row per question and one for all questions together: the counts, the share with its
// denominator, the share in whole percent, the Wilson interval's ends and whether it is below target.
std::string run_to_csv(const EgenkontrollRun& r, Lang lang);
// The run on A4. `plan_title` names the plan it belongs to ("" when free-standing).
std::string run_report_html(const Document& doc, const EgenkontrollRun& r, const std::string& plan_title,
                            Lang lang);

} // namespace kvh::core
