// Finds Swedish personnummer and samordningsnummer in free text, so that a reference or a note that
// holds one is flagged where it is typed (an egenkontroll's sample, later an export): such a number
// names a person and never belongs in these documents.
#pragma once

#include "messages.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace kvh::core {

enum class IdNumberKind { personnummer, samordningsnummer };

// One number found: where it is (byte offsets into the text), what it is and the reason to show.
struct IdNumberHit {
    std::size_t begin = 0, end = 0; // [begin, end)
    IdNumberKind kind = IdNumberKind::personnummer;
    Msg reason; // "ser ut som ett personnummer: giltigt datum och kontrollsiffra …"
    bool operator==(const IdNumberHit&) const = default;
};

// Every personnummer or samordningsnummer in `text`, in order. A number is one of
//   YYMMDD-NNNC, YYMMDD+NNNC (the + of someone aged 100 or more), YYMMDDNNNC,
//   YYYYMMDD-NNNC, YYYYMMDDNNNC
// standing on its own (no digit right before or after it), whose date exists (the day plus 60 for a
// samordningsnummer; with a two-digit year in some century it can be: 19/20, or 18/19 after a +; a
// four-digit year from 1800 on) and whose last digit is the Luhn check digit of the ten digits
// YYMMDDNNN. Phone numbers in their written groupings, dates, diarienummer and ten digits with a wrong
// check digit are not hits; a bare ten-digit number that passes both checks is, whatever it was
// meant to be: it cannot be told from a personnummer.
std::vector<IdNumberHit> find_id_numbers(std::string_view text);
// Just whether there is one.
bool has_id_number(std::string_view text);

// The Luhn check digit of the nine digits YYMMDDNNN (each '0'–'9').
int luhn_check_digit(std::string_view nine_digits);

} // namespace kvh::core
