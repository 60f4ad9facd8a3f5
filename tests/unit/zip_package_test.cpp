// The zip package in memory: parts come back whole and in order through an independent reader (CRCs,
// sizes, local headers against the central directory), deflated, dated 1980-01-01, byte for byte
// the same for the same parts, and nothing when minizip refuses a part.
#include "core/report/zip_package.hpp"
#include "zip_reader.hpp"

#include <doctest/doctest.h>

#include <cstdint>

using kvh::core::report::zip_package;
using kvh::test::read_zip;

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

// 300,000 bytes that do not compress, NULs and every byte value among them (xorshift).
std::string noise() {
    std::string out(300000, '\0');
    std::uint32_t x = 2463534242u;
    for (char& c : out) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = static_cast<char>(x >> 24);
    }
    return out;
}

std::string repeated_text() {
    std::string out;
    for (int i = 0; i < 5000; ++i)
        out += "<w:p><w:r><w:t>Egenkontroll " + std::to_string(i) + "</w:t></w:r></w:p>";
    return out;
}

Parts sample() {
    return {{"[Content_Types].xml", R"(<?xml version="1.0"?><Types/>)"},
            {"empty.txt", ""},
            {"word/noise.bin", noise()},
            {"word/document.xml", repeated_text()},
            {"docProps/custom.xml", "Ärende – “citat” ✓"}};
}

} // namespace

TEST_CASE("a zip package gives back every part whole, in order, with its CRC") {
    const Parts parts = sample();
    const std::string zip = zip_package(parts);
    const auto read = read_zip(zip);
    REQUIRE_MESSAGE(read.error.empty(), read.error);
    REQUIRE(read.entries.size() == parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto& e = read.entries[i];
        CHECK(e.name == parts[i].first);
        CHECK(e.data == parts[i].second);
        CHECK(e.method == 8);              // deflate
        CHECK((e.flags & 0x8) == 0);       // sizes in the local header, no data descriptor
        CHECK(e.dos_date == (1 << 5 | 1)); // 1980-01-01
        CHECK(e.dos_time == 0);
        CHECK(e.crc == crc32(0L, reinterpret_cast<const Bytef*>(parts[i].second.data()),
                             static_cast<uInt>(parts[i].second.size())));
    }
    CHECK(zip.compare(0, 4, "PK\x03\x04") == 0);
    CHECK(zip.compare(30, 19, "[Content_Types].xml") == 0); // the first part's name, first in the file
    CHECK(read.entries[3].compressed * 10 < parts[3].second.size());
    CHECK(read.entries[2].compressed < parts[2].second.size() + 1000); // noise is stored about as is
}

TEST_CASE("a zip package is the same bytes for the same parts, and other bytes for other parts") {
    const Parts parts = sample();
    const std::string first = zip_package(parts);
    CHECK(zip_package(parts) == first);
    Parts changed = parts;
    changed[3].second[100] = 'X';
    const std::string other = zip_package(changed);
    CHECK(other != first);
    CHECK(read_zip(other).entries.at(3).crc != read_zip(first).entries.at(3).crc);
    CHECK(read_zip(zip_package({})).entries.empty()); // an empty package is a valid zip too
    CHECK(zip_package({}).size() == 22);
}

TEST_CASE("a zip package is empty when minizip refuses a part's name") {
    Parts parts = sample();
    parts.push_back({std::string(65536, 'a'), "x"}); // zip names are at most 65,535 bytes
    CHECK(zip_package(parts).empty());
    parts.back().first.pop_back();
    CHECK(read_zip(zip_package(parts)).entries.back().name.size() == 65535);
}
