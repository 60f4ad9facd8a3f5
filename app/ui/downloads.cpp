// The buttons that hand the person a file (CSV, calendar): one way to name the file, make it only when
// asked, and say in a toast what was saved.
#include "views.hpp"

namespace kvh::ui {

using core::Msg;

void download_button(App& app, const char* label, const std::string& file, const char* mime,
                     core::FunctionRef<std::string()> make, Msg when_nothing) {
    if (!ImGui::Button(label)) return;
    const std::string bytes = make();
    if (bytes.empty()) return show_toast(app, core::tr(when_nothing), false);
    app.host().download(file, mime, bytes);
    show_toast(app, core::fmt(Msg::toast_exported, {file}), false);
}

std::string csv_file_name(const core::Document& doc) {
    return core::fmt(Msg::risk_csv_filename, {doc.title.empty() ? kind_text(doc.kind) : doc.title});
}

} // namespace kvh::ui
