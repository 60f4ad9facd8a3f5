// A zip package held in memory — the container of Office Open XML files (.docx): named parts,
// deflated by zlib's minizip, with fixed timestamps so that the same parts give the same bytes.
// Not here: what the parts say (e.g. arlig_genomgang/kvalitetsberattelse_docx.hpp), or any file I/O.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace kvh::core::report {

// The zip file of `parts` (name in the package, bytes), written in the order given: a reader that
// wants one part first (OOXML's [Content_Types].xml) gets it so. Names are ASCII part names (the
// UTF-8 flag is not set) under 64 KiB. Every entry is dated 1980-01-01 00:00, the earliest date zip
// can hold. Empty when minizip fails (out of memory, or a name of 64 KiB or more).
std::string zip_package(const std::vector<std::pair<std::string, std::string>>& parts);

} // namespace kvh::core::report
