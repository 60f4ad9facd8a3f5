// CSV for Swedish Excel: the bytes a double-click on the file opens correctly, row by row.
#pragma once

// Does: UTF-8 with a BOM (without it Excel reads the file as Windows-1252 and å ä ö break), `;` between
// fields (Swedish Excel's list separator, since `,` is the decimal comma), CRLF after each row, quotes
// only around fields holding `;`, `"`, CR or LF (a quote inside is doubled), and formula protection.
// Does not: choose columns or translate headings (callers pass texts from the catalogue), check that
// every row has as many fields as the header, or write any other dialect.
//
// Formula protection (OWASP's CSV injection advice): a text field starting with = + - @, tab or CR
// would be run by Excel as a formula, so it gets a leading apostrophe: "=1+1" is written '=1+1. Excel
// shows the apostrophe, which costs a character on screen but keeps the cell's text whole and visible
// (dropping or replacing the character would change what the user wrote). number() writes digits
// unprotected, so a negative number stays a number.

#include <optional>
#include <string>
#include <string_view>

namespace kvh::core::report {

class CsvWriter {
  public:
    CsvWriter(); // starts with the BOM

    CsvWriter& text(std::string_view field);
    // An integer, or an empty field for nullopt.
    CsvWriter& number(std::optional<long long> value);
    // `n` empty fields.
    CsvWriter& empty(int n = 1);
    CsvWriter& end_row();

    // The file's bytes.
    std::string finish() && { return std::move(out_); }

  private:
    void separate();
    std::string out_;
    bool row_start_ = true;
};

} // namespace kvh::core::report
