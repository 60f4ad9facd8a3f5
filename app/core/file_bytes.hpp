// The bytes of a chosen file before anything parses them: the UTF-8 check and the recognition of
// what the file is. The app and the kvh CLI both go through here, so they give the same verdict.
#pragma once

#include "exchange_format.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace kvh::core {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Where `bytes` stops being UTF-8 as RFC 3629 defines it (no overlong forms, no surrogates, nothing
// above U+10FFFF, no truncated sequence): the offset of the first byte of the first bad sequence,
// or nullopt when all of it is UTF-8.
std::optional<std::size_t> invalid_utf8_at(std::string_view bytes);

// What a file can be that the importer reads. Each format is recognised from the bytes alone; an
// encrypted export will get its own entry here, recognised by its magic prefix before the UTF-8
// check (its bytes are not text).
enum class FileFormat {
    json_export, // UTF-8 JSON text; parse_exchange decides whether it is a valid Kvalitetshjul export
};

struct RecognisedFile {
    std::optional<FileFormat> format;     // nullopt when the file is none of them; `error` says why
    std::string_view content;             // what the format's reader reads: for JSON, the text without a BOM
    std::optional<ValidationError> error; // too large, empty, not UTF-8, or something else
};

// Recognises the file from its bytes; never throws. `content` points into `bytes`.
RecognisedFile recognise_file(std::string_view bytes);

// "filen är för stor (N MiB); …" for a file of `bytes` bytes, rounded up to whole MiB.
ValidationError too_large_error(std::uint64_t bytes);

} // namespace kvh::core
