// The application as the UI sees it: the workspace, the user's settings, the save state, and the
// Host through which the UI asks its surroundings for things it must not do itself (files, frames).
// The platform layer owns the ImGui context and calls App::frame() between NewFrame and Render.
#pragma once

#include "annual_review_state.hpp"
#include "core/arlig_genomgang/requirement_template.hpp"
#include "core/egenkontroll/egenkontroll_library.hpp"
#include "core/facts.hpp"
#include "core/import_plan.hpp"
#include "core/messages.hpp"
#include "core/risk_library.hpp"
#include "core/unreadable.hpp"
#include "core/workspace.hpp"
#include "egenkontroll_plan_state.hpp"
#include "register_state.hpp"
#include "run_view_state.hpp"

#include <optional>
#include <set>
#include <string>

namespace kvh::ui {

enum class Theme { automatic, light, dark, high_contrast };

struct Settings {
    core::Lang lang = core::Lang::sv;
    int zoom_percent = 100; // 100–300, for projectors
    Theme theme = Theme::automatic;
};
std::string settings_to_json(const Settings& s);
Settings settings_from_json(const std::string& text); // unknown or bad values fall back to defaults

// What the user must always be able to see about storage.
struct SaveStatus {
    enum class State { loading, saved, pending, saving, failed, read_only };
    State state = State::loading;
    std::string reason; // for failed: why, in the user's language
};

// What the field that has the keyboard takes, so the platform can ask for the matching on-screen
// keyboard and spelling: prose is spell-checked and capitalised in the UI's language; names are
// capitalised but not corrected; verbatim text (searches, codes), numbers and dates are left as typed.
enum class FieldKind { prose, name, verbatim, number, date };

// Implemented by the platform layer (web) or a test double.
class Host {
  public:
    virtual ~Host() = default;
    virtual void download(const std::string& filename, const std::string& mime, const std::string& bytes) = 0;
    virtual void pick_import_file() = 0; // the answer comes back through App::open_file()
    // Opens a self-contained HTML document in a new window and offers to print it (or save as PDF).
    virtual void open_printable(const std::string& title, const std::string& html) = 0;
    virtual void settings_changed(const Settings& s) = 0;
    virtual void request_frames(int count) = 0;
    virtual std::string now_iso() = 0;
    // The person's calendar date, YYYY-MM-DD in local time: what today, overdue and I dag mean to them
    // (now_iso is UTC, so its date is yesterday's between midnight and 01:00/02:00 in Sweden).
    virtual std::string today() = 0;
    virtual bool prefers_dark() = 0;
    // Once a frame: the kind of the field that has the keyboard (none: no field has it).
    virtual void keyboard_for(std::optional<FieldKind> kind, core::Lang lang) = 0;
};

// Per-frame facts the platform knows and the layout needs.
struct FrameInfo {
    float width = 0, height = 0; // CSS px, already divided by the zoom
    bool touch = false;          // the last pointer was a finger
    bool more_contrast = false;  // prefers-contrast: more (the high-contrast theme, when set to automatic)
};

// The data files read at run time, and where they are beside the app.
enum class Asset { risk_library, egenkontroll_library, requirement_template };
inline constexpr Asset all_assets[] = {Asset::risk_library, Asset::egenkontroll_library,
                                       Asset::requirement_template};
constexpr const char* asset_path(Asset a) {
    switch (a) {
    case Asset::risk_library:
        return "assets/risk_library.json";
    case Asset::egenkontroll_library:
        return "assets/egenkontroll_library.json";
    case Asset::requirement_template:
        break;
    }
    return "assets/requirements_sosfs_2011_9.json";
}

enum class Screen {
    overview,
    risk_analyses,
    egenkontroller,
    yearly_review,
    actions,
    import,
    exportera,
    settings,
    about
};

class App {
  public:
    App(core::Workspace& ws, Host& host, Settings settings);

    void frame(const FrameInfo& info); // draws one frame of UI with ImGui

    // A file the user chose or dropped: parsed, validated and shown as an import preview.
    void open_file(const std::string& name, const std::string& bytes);
    // A file that was not read: larger than core::kMaxFileBytes (`reason` empty), or the browser could
    // not read it (`reason` says why). Shown like any other file that cannot be imported.
    void file_refused(const std::string& name, std::uint64_t bytes, const std::string& reason);
    void set_save_status(SaveStatus status) { save_status_ = std::move(status); }
    // The data files in assets/ that the platform fetches at start (app_assets.cpp), each handed over
    // as it arrives; "" when it could not be read (the library's screen then says so).
    void set_asset(Asset asset, const std::string& text);
    const std::optional<core::RiskLibrary>& risk_library() const { return risk_library_; }
    const std::optional<core::EgenkontrollLibrary>& egenkontroll_library() const {
        return egenkontroll_library_;
    }
    const std::optional<core::RequirementTemplate>& requirement_template() const {
        return requirement_template_;
    }
    // Stored documents that could not be read, as the platform found them at the last read.
    void set_unreadable(std::vector<core::UnreadableRecord> records) { unreadable_ = std::move(records); }
    const std::vector<core::UnreadableRecord>& unreadable() const { return unreadable_; }
    const SaveStatus& save_status() const { return save_status_; }
    // Nothing may be changed: another tab writes, or the documents are still being read.
    bool read_only() const {
        return save_status_.state == SaveStatus::State::read_only ||
               save_status_.state == SaveStatus::State::loading;
    }
    const Settings& settings() const { return settings_; }
    void change_settings(const Settings& s);
    core::Workspace& workspace() { return ws_; }
    const core::FactsIndex& facts() const { return facts_; }
    Host& host() { return host_; }
    // The document just opened (state.open_doc) was opened from document `doc` on `screen`, as a
    // review's number opens an analysis: closing it (Tillbaka, Esc) returns there, where that document
    // keeps its own state, instead of to the opened one's list. Going anywhere else forgets it.
    void opened_from(Screen screen, std::string doc);

    // UI state shared between the views (one file each), which read and change it.
    struct State {
        Screen screen = Screen::overview;
        std::string search;
        std::string open_doc;        // id of the document shown in the editor, or ""
        std::string open_unreadable; // id of the unreadable record shown, or ""
        struct Origin {
            Screen screen = Screen::overview;
            std::string doc;    // where closing `opened` returns to
            std::string opened; // the document opened from it, or "" when there is nothing to return to
        } origin;
        bool menu_open = false;
        std::string toast;            // a short confirmation
        std::uint64_t toast_undo = 0; // …with Ångra while this undo step is on top (Workspace::undo_serial)
        double toast_until = 0;
        std::string confirm_delete; // id of the document whose removal waits for a yes, or ""
        std::optional<core::ImportPlan> import_plan;
        std::string import_name;
        std::vector<std::string> import_errors;
        core::ConflictChoice conflict_choice = core::ConflictChoice::keep_local;
        std::set<std::string> export_unselected; // export offers everything unless the user unticks it
        // The document list as last sorted and filtered; rebuilt when the workspace's generation,
        // the screen or the search changes, not every frame.
        struct ListCache {
            std::uint64_t generation = ~0ull;
            Screen screen = Screen::overview;
            std::optional<std::string> search; // the search `shown` was filtered with
            std::vector<const core::Document*> all, shown;
        } list;
        // The risk analysis screen (app/ui/risk_analysis_view.cpp and the files beside it).
        struct RiskView {
            std::string doc;                // the analysis these settings belong to
            std::string risk;               // id of the risk open in the editor, or ""
            int filter_s = 0, filter_k = 0; // a matrix cell chosen as filter (0 = none)
            bool filter_residual = false;
            bool only_flagged = false;
            int sort = 0; // 0 = order of entry, 1 = value, 2 = category, 3 = decision
            std::string search;
            bool presenting = false; // analysdag mode
            std::string risk_before_presenting;
            bool keys_set_k = false; // presentation: digits set konsekvens (else sannolikhet)
            bool focus_text = false; // presentation: the new risk's text takes the keyboard next frame
            bool library_open = false;
            std::string library_category;
            std::set<std::pair<std::size_t, std::size_t>> library_ticked; // (library risk, suggested action)
            bool show_header = true;
            // The rows of the risk list as last filtered and sorted: rebuilt when the analysis (a new
            // version is a new object), a filter, the sort or the search changes, not every frame.
            struct Rows {
                std::shared_ptr<const core::RiskAnalysis> analysis;
                std::string key; // filters, sort and search the rows were made with
                std::vector<int> rows;
            } rows;
        } risk;
        RegisterState register_view; // the Åtgärder register and the overview (register_state.hpp)
        EgenkontrollPlanState egenkontroll_plan; // the egenkontrollplan and the årshjul
        RunViewState run_view;           // the utförd egenkontroll open in the editor (run_view_state.hpp)
        AnnualReviewState annual_review; // the årlig genomgång and its kvalitetsberättelse
    } state;

  private:
    core::Workspace& ws_;
    Host& host_;
    core::FactsIndex facts_;
    Settings settings_;
    SaveStatus save_status_;
    std::optional<core::RiskLibrary> risk_library_;
    std::optional<core::EgenkontrollLibrary> egenkontroll_library_;
    std::optional<core::RequirementTemplate> requirement_template_;
    std::vector<core::UnreadableRecord> unreadable_;
};

} // namespace kvh::ui
