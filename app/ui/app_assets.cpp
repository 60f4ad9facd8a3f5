// The data files in assets/ as they arrive from the platform: each parsed into its library, or left
// out when it could not be read or is broken (its screen says the library is missing).
#include "app.hpp"

#include "core/exchange_format.hpp"

namespace kvh::ui {

void App::set_asset(Asset asset, const std::string& text) {
    std::vector<core::ValidationError> errors;
    switch (asset) {
    case Asset::risk_library:
        risk_library_ = text.empty() ? std::nullopt : core::parse_risk_library(text, errors);
        break;
    case Asset::egenkontroll_library:
        egenkontroll_library_ = text.empty() ? std::nullopt : core::parse_egenkontroll_library(text, errors);
        break;
    case Asset::requirement_template:
        requirement_template_ = text.empty() ? std::nullopt : core::parse_requirement_template(text, errors);
        break;
    }
    host_.request_frames(2);
}

} // namespace kvh::ui
