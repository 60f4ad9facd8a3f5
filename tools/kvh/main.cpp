// kvh: the command-line tool on app/core — validate an exchange file, or count what it holds.
// Exit status: 0 valid, 1 invalid, 2 wrong usage or unreadable file (also in `kvh --help`).
#include "core/action.hpp"
#include "core/exchange_format.hpp"
#include "core/file_bytes.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace kvh::core;

namespace {

constexpr int kValid = 0, kInvalid = 1, kUsage = 2;

struct Options {
    bool help = false;
    bool json = false;
    std::vector<std::string> args;
};

int usage_error(const std::string& message) {
    std::cerr << "kvh: " << message << "\n";
    return kUsage;
}

// Reads at most one byte more than parse_exchange accepts, so a huge file fails fast and clearly.
std::optional<std::string> read_input(const std::string& name) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (name != "-") {
        file.open(name, std::ios::binary);
        if (!file) return std::nullopt;
        in = &file;
    }
    std::string text;
    char buf[65536];
    while (text.size() <= kMaxFileBytes) {
        in->read(buf, sizeof buf);
        text.append(buf, static_cast<std::size_t>(in->gcount()));
        if (!*in) break;
    }
    if (in->bad()) return std::nullopt;
    return text;
}

std::size_t error_count(const std::vector<ValidationError>& errors) {
    if (!errors.empty() && errors.back().what == Msg::err_more)
        return errors.size() - 1 + std::stoull(errors.back().args.at(0));
    return errors.size();
}

void print_row(std::ostream& out, std::string_view name, std::size_t n) {
    const std::size_t width = 27, chars = utf8_chars(name);
    out << "  " << name << ":" << std::string(chars < width ? width - chars : 1, ' ') << n << "\n";
}

int stats(const ParsedFile& file, bool json, Lang lang) {
    std::map<DocKind, std::size_t> kinds;
    std::map<DocStatus, std::size_t> statuses;
    std::map<int, std::size_t> years;
    // Actions wherever they live, as the app's register gathers them: older files show how they read.
    std::map<ActionStatus, std::size_t> actions;
    const auto count = [&](const std::string&, const Action& a) { ++actions[a.status]; };
    for (const Document& d : file.documents) {
        ++kinds[d.kind];
        ++statuses[d.status];
        ++years[d.year];
        if (!d.body) continue;
        d.body->for_each_own_action(count);
        for (std::size_t i = 0; i < d.body->item_count(); ++i) d.body->for_each_item_action(i, count);
    }
    if (json) {
        nlohmann::ordered_json j;
        j["documents"] = file.documents.size();
        j["per_kind"] = nlohmann::ordered_json::object();
        for (DocKind k : all_doc_kinds) j["per_kind"][std::string(kind_key(k))] = kinds[k];
        j["per_status"] = nlohmann::ordered_json::object();
        for (DocStatus s : all_doc_statuses) j["per_status"][std::string(status_key(s))] = statuses[s];
        j["per_year"] = nlohmann::ordered_json::object();
        for (const auto& [year, n] : years) j["per_year"][std::to_string(year)] = n;
        j["per_action_status"] = nlohmann::ordered_json::object();
        for (ActionStatus s : all_action_statuses)
            j["per_action_status"][std::string(action_status_key(s))] = actions[s];
        std::cout << j.dump(2) << "\n";
        return kValid;
    }
    std::cout << fmt(Msg::cli_stats_documents, lang, {std::to_string(file.documents.size())}) << "\n";
    std::cout << tr(Msg::cli_stats_per_kind, lang) << "\n";
    for (DocKind k : all_doc_kinds) print_row(std::cout, tr(kind_plural_name(k), lang), kinds[k]);
    std::cout << tr(Msg::cli_stats_per_status, lang) << "\n";
    for (DocStatus s : all_doc_statuses) print_row(std::cout, tr(status_name(s), lang), statuses[s]);
    std::cout << tr(Msg::cli_stats_per_year, lang) << "\n";
    for (const auto& [year, n] : years) print_row(std::cout, std::to_string(year), n);
    std::cout << tr(Msg::cli_stats_per_action_status, lang) << "\n";
    for (ActionStatus s : all_action_statuses)
        print_row(std::cout, tr(action_status_name(s), lang), actions[s]);
    return kValid;
}

int run(int argc, char** argv) {
    // The language is found first, so that every later message is already in it.
    Lang lang = Lang::sv;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        std::optional<std::string> value;
        if (a == "--lang") {
            if (i + 1 >= argc) return usage_error(fmt(Msg::cli_bad_lang, lang, {""}));
            value = argv[i + 1];
        } else if (a.rfind("--lang=", 0) == 0) {
            value = a.substr(7);
        }
        if (!value) continue;
        if (*value == "sv")
            lang = Lang::sv;
        else if (*value == "en")
            lang = Lang::en;
        else
            return usage_error(fmt(Msg::cli_bad_lang, lang, {*value}));
    }
    set_language(lang);

    Options opt;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h")
            opt.help = true;
        else if (a == "--json")
            opt.json = true;
        else if (a == "--lang")
            ++i;
        else if (a.rfind("--lang=", 0) == 0)
            continue;
        else if (a.size() > 1 && a[0] == '-')
            return usage_error(fmt(Msg::cli_unknown_option, lang, {a}));
        else
            opt.args.push_back(a);
    }
    if (opt.help) {
        std::cout << tr(Msg::cli_usage, lang);
        return kValid;
    }
    if (opt.args.empty()) {
        std::cerr << "kvh: " << tr(Msg::cli_missing_command, lang) << "\n\n" << tr(Msg::cli_usage, lang);
        return kUsage;
    }
    const std::string& command = opt.args[0];
    if (command != "validate" && command != "stats")
        return usage_error(fmt(Msg::cli_unknown_command, lang, {command}));
    if (opt.args.size() < 2) return usage_error(tr(Msg::cli_missing_file, lang));
    if (opt.args.size() > 2) return usage_error(fmt(Msg::cli_extra_argument, lang, {opt.args[2]}));

    const std::string& name = opt.args[1];
    // A huge file is refused before reading, with its real size (reading stops just past the limit).
    std::error_code ec;
    if (const auto size = name == "-" ? 0 : std::filesystem::file_size(name, ec);
        !ec && size > kMaxFileBytes) {
        std::cerr << too_large_error(size).text(lang) << "\n"
                  << fmt(Msg::cli_invalid, lang, {name, "1"}) << "\n";
        return kInvalid;
    }
    const auto text = read_input(name);
    if (!text) return usage_error(fmt(Msg::cli_cannot_read, lang, {name}));
    const ParsedFile file = parse_exchange(*text);
    if (!file.ok()) {
        for (const auto& e : file.errors) std::cerr << e.text(lang) << "\n";
        std::cerr << fmt(Msg::cli_invalid, lang, {name, std::to_string(error_count(file.errors))}) << "\n";
        return kInvalid;
    }
    if (command == "stats") return stats(file, opt.json, lang);
    std::cout << count_text(Msg::cli_valid, lang, static_cast<long long>(file.documents.size()), {name})
              << "\n";
    return kValid;
}

} // namespace

int main(int argc, char** argv) {
    const int status = run(argc, argv);
    std::cout.flush();
    return std::cout ? status : kUsage;
}
