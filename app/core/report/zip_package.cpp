// The zip package in memory (see zip_package.hpp): minizip writes through callbacks on a string
// instead of a file, since core does no I/O and the browser has no file system to write to.
#include "zip_package.hpp"

#include <algorithm>
#include <cstring>

#include <zip.h>

namespace kvh::core::report {

namespace {

// What minizip sees as its file: bytes and a position. It writes each local header, then the data,
// then seeks back to put the CRC and sizes into that header; it never reads when it creates a zip.
struct MemoryFile {
    std::string bytes;
    std::size_t pos = 0;
};

voidpf open_memory(voidpf opaque, const void*, int) {
    return opaque;
}

uLong write_memory(voidpf, voidpf stream, const void* buf, uLong size) {
    MemoryFile& f = *static_cast<MemoryFile*>(stream);
    if (f.bytes.size() < f.pos + size) f.bytes.resize(f.pos + size);
    std::memcpy(f.bytes.data() + f.pos, buf, size);
    f.pos += size;
    return size;
}

ZPOS64_T tell_memory(voidpf, voidpf stream) {
    return static_cast<MemoryFile*>(stream)->pos;
}

long seek_memory(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
    MemoryFile& f = *static_cast<MemoryFile*>(stream);
    const ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_SET   ? 0
                          : origin == ZLIB_FILEFUNC_SEEK_CUR ? f.pos
                                                             : f.bytes.size();
    if (base + offset > f.bytes.size()) return -1;
    f.pos = static_cast<std::size_t>(base + offset);
    return 0;
}

int close_memory(voidpf, voidpf) {
    return 0;
}
int no_error(voidpf, voidpf) {
    return 0;
}

bool add_part(zipFile zip, const std::string& name, const std::string& bytes) {
    zip_fileinfo info{};
    info.tmz_date.tm_mday = 1; // 1980-01-01 00:00; tm_mon counts from 0
    info.tmz_date.tm_year = 1980;
    if (zipOpenNewFileInZip64(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                              Z_BEST_COMPRESSION, 0) != ZIP_OK)
        return false;
    bool ok = true;
    // zipWriteInFileInZip takes an unsigned length: a part is written in pieces.
    constexpr std::size_t kPiece = 1 << 20;
    for (std::size_t at = 0; ok && at < bytes.size(); at += kPiece)
        ok = zipWriteInFileInZip(zip, bytes.data() + at,
                                 static_cast<unsigned>(std::min(kPiece, bytes.size() - at))) == ZIP_OK;
    return zipCloseFileInZip(zip) == ZIP_OK && ok;
}

} // namespace

std::string zip_package(const std::vector<std::pair<std::string, std::string>>& parts) {
    MemoryFile file;
    zlib_filefunc64_def io{};
    io.zopen64_file = open_memory;
    io.zwrite_file = write_memory;
    io.ztell64_file = tell_memory;
    io.zseek64_file = seek_memory;
    io.zclose_file = close_memory;
    io.zerror_file = no_error;
    io.opaque = &file;
    zipFile zip = zipOpen2_64("", APPEND_STATUS_CREATE, nullptr, &io);
    if (!zip) return {};
    bool ok = true;
    for (const auto& [name, bytes] : parts)
        if (!(ok = add_part(zip, name, bytes))) break;
    // Closed also after a failure: that frees what minizip holds.
    if (zipClose(zip, nullptr) != ZIP_OK || !ok) return {};
    return std::move(file.bytes);
}

} // namespace kvh::core::report
