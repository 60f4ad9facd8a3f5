// For the tests: a small zip reader written from the format (PKWARE APPNOTE 4.3), independent of the
// writer it checks. It walks the central directory, compares each entry with its local header,
// inflates the data with zlib and checks its CRC-32 and size.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <zlib.h>

namespace kvh::test {

struct ZipEntry {
    std::string name, data;
    std::uint32_t crc = 0;
    std::uint16_t flags = 0, method = 0, dos_time = 0, dos_date = 0;
    std::size_t compressed = 0;
};

struct ZipRead {
    std::vector<ZipEntry> entries; // in the central directory's order
    std::string error;             // "" when every check held
};

inline std::uint32_t zip_le(const std::string& z, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(z.at(at + i));
    return v;
}

inline bool inflate_raw(const std::string& in, std::size_t size, std::string& out) {
    out.assign(size, '\0');
    z_stream s{};
    if (inflateInit2(&s, -MAX_WBITS) != Z_OK) return false;
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    s.avail_in = static_cast<uInt>(in.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    const int status = inflate(&s, Z_FINISH);
    const bool whole = status == Z_STREAM_END && s.avail_out == 0 && s.avail_in == 0;
    inflateEnd(&s);
    return whole;
}

// The entries of the zip `z` (no comment, no zip64, no data descriptors: what zip_package writes).
inline ZipRead read_zip(const std::string& z) {
    ZipRead r;
    const auto fail = [&](std::string why) {
        r.error = std::move(why);
        return r;
    };
    if (z.size() < 22) return fail("shorter than an end record");
    const std::size_t end = z.size() - 22;
    if (zip_le(z, end, 4) != 0x06054b50) return fail("no end of central directory record at the end");
    const std::size_t count = zip_le(z, end + 10, 2), cd_size = zip_le(z, end + 12, 4),
                      cd_at = zip_le(z, end + 16, 4);
    if (zip_le(z, end + 8, 2) != count) return fail("entry counts differ");
    if (cd_at + cd_size != end) return fail("central directory does not end at the end record");
    std::size_t next_local = 0, at = cd_at;
    for (std::size_t i = 0; i < count; ++i) {
        if (zip_le(z, at, 4) != 0x02014b50) return fail("bad central header " + std::to_string(i));
        ZipEntry e;
        e.flags = static_cast<std::uint16_t>(zip_le(z, at + 8, 2));
        e.method = static_cast<std::uint16_t>(zip_le(z, at + 10, 2));
        e.dos_time = static_cast<std::uint16_t>(zip_le(z, at + 12, 2));
        e.dos_date = static_cast<std::uint16_t>(zip_le(z, at + 14, 2));
        e.crc = zip_le(z, at + 16, 4);
        e.compressed = zip_le(z, at + 20, 4);
        const std::size_t size = zip_le(z, at + 24, 4), name_len = zip_le(z, at + 28, 2),
                          extra_len = zip_le(z, at + 30, 2), comment_len = zip_le(z, at + 32, 2),
                          local = zip_le(z, at + 42, 4);
        e.name = z.substr(at + 46, name_len);
        at += 46 + name_len + extra_len + comment_len;

        if (local != next_local) return fail(e.name + ": local header not right after the previous entry");
        if (zip_le(z, local, 4) != 0x04034b50) return fail(e.name + ": bad local header");
        if (zip_le(z, local + 6, 2) != e.flags || zip_le(z, local + 8, 2) != e.method ||
            zip_le(z, local + 10, 2) != e.dos_time || zip_le(z, local + 12, 2) != e.dos_date ||
            zip_le(z, local + 14, 4) != e.crc || zip_le(z, local + 18, 4) != e.compressed ||
            zip_le(z, local + 22, 4) != size || zip_le(z, local + 26, 2) != name_len ||
            z.compare(local + 30, name_len, e.name) != 0)
            return fail(e.name + ": local header differs from the central directory");
        const std::size_t data_at = local + 30 + name_len + zip_le(z, local + 28, 2);
        next_local = data_at + e.compressed;
        const std::string packed = z.substr(data_at, e.compressed);
        if (e.method == 8 ? !inflate_raw(packed, size, e.data) : (e.data = packed).size() != size)
            return fail(e.name + ": data does not inflate to its size");
        const auto crc = crc32(0L, reinterpret_cast<const Bytef*>(e.data.data()), static_cast<uInt>(size));
        if (crc != e.crc) return fail(e.name + ": CRC-32 differs");
        r.entries.push_back(std::move(e));
    }
    if (next_local != cd_at) return fail("bytes between the last entry and the central directory");
    if (at != end) return fail("central directory size is wrong");
    return r;
}

} // namespace kvh::test
