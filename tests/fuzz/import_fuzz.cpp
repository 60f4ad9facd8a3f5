// libFuzzer target for everything that reads outside input: the exchange file parser and
// validator, one stored record, and the import plan applied to a workspace. It must never crash,
// never throw, and a file it accepts must export to a file it accepts again with the same documents.
#include "core/exchange_format.hpp"
#include "core/import_plan.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kvh::core;
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    std::vector<ValidationError> record_errors;
    (void)parse_document(text, record_errors);

    ParsedFile parsed = parse_exchange(text);
    for (const auto& e : parsed.errors) (void)e.text(Lang::sv);
    if (!parsed.ok()) return 0;

    std::uint64_t n = 1;
    Workspace ws(Environment{[] { return std::string("2026-11-23T10:00:00Z"); }, [&n] { return n++ * 0x9E3779B97F4A7C15ull; }});
    std::vector<const Document*> originals;
    for (const auto& d : parsed.documents) originals.push_back(&d);
    const std::string again = export_documents(originals, "2026-11-23T10:00:00Z");
    ParsedFile reparsed = parse_exchange(again);
    if (!reparsed.ok() || reparsed.documents != parsed.documents) std::abort();

    ImportPlan plan = plan_import(ws, parsed.documents);
    apply_import(ws, plan, ConflictChoice::keep_both);
    ImportPlan second = plan_import(ws, std::move(parsed.documents));
    apply_import(ws, second, ConflictChoice::take_incoming);
    while (ws.undo()) {}
    return 0;
}
