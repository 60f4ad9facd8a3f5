// CSV for Swedish Excel (see csv_writer.hpp for the dialect and the formula protection).
#include "csv_writer.hpp"

namespace kvh::core::report {

CsvWriter::CsvWriter() : out_("\xEF\xBB\xBF") {}

CsvWriter& CsvWriter::text(std::string_view field) {
    separate();
    const bool formula =
        !field.empty() && std::string_view("=+-@\t\r").find(field[0]) != std::string_view::npos;
    const bool quoted = field.find_first_of(";\"\r\n") != std::string_view::npos;
    if (quoted) out_ += '"';
    if (formula) out_ += '\'';
    for (char c : field) {
        if (c == '"') out_ += '"'; // a quote inside a quoted field is doubled
        out_ += c;
    }
    if (quoted) out_ += '"';
    return *this;
}

CsvWriter& CsvWriter::number(std::optional<long long> value) {
    separate();
    if (value) out_ += std::to_string(*value);
    return *this;
}

CsvWriter& CsvWriter::empty(int n) {
    for (int i = 0; i < n; ++i) separate();
    return *this;
}

CsvWriter& CsvWriter::end_row() {
    out_ += "\r\n";
    row_start_ = true;
    return *this;
}

void CsvWriter::separate() {
    if (!row_start_) out_ += ';';
    row_start_ = false;
}

} // namespace kvh::core::report
