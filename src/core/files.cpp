#include "files.hpp"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace plotline {

// Plain stdio, not iostreams: it keeps the web build smaller.
Result<std::string> readInputFile(const std::string& path, size_t limit) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) return fail("cannot read " + path + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(::fileno(f.get()), &st) != 0 || !S_ISREG(st.st_mode)) return fail(path + " is not a file");
    if (uint64_t(st.st_size) > limit) return fail(path + " is larger than " + std::to_string(limit >> 20) + " MB: not read");
    // Read where it stays, in one call (a big plan's stored version is 10 MB or more: a copy through a
    // buffer, a piece at a time, cost as much again), then whatever the file grew by meanwhile.
    std::string out(size_t(st.st_size), '\0');
    out.resize(std::fread(out.data(), 1, out.size(), f.get()));
    char buf[1 << 16];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f.get())) > 0;) {
        if (out.size() + n > limit) return fail(path + " is larger than " + std::to_string(limit >> 20) + " MB: not read"); // it grew
        out.append(buf, n);
    }
    if (std::ferror(f.get())) return fail("cannot read " + path + ": " + std::strerror(errno));
    return out;
}

std::optional<std::string> readWholeFile(const std::string& path) {
    Result<std::string> r = readInputFile(path);
    if (!r) return std::nullopt;
    return std::move(*r);
}

std::string writeFileAtomically(const std::string& path, const std::string& text) {
    // A link is written through (to what it names), as editors do.
    std::string target = path;
    if (char* real = ::realpath(path.c_str(), nullptr)) {
        target = real;
        std::free(real);
    }
    struct stat st {};
    const bool exists = ::stat(target.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) return path + " is not a regular file: not replaced";
#ifndef __EMSCRIPTEN__ // the browser's file system has no owners or permissions to keep
    if (exists && (st.st_mode & 0222) == 0) return path + " is read-only: not replaced (make it writable first)";
    // A new file gets the usual mode; a replaced one keeps its own (a private plan stays private).
    mode_t mode;
    if (exists) mode = st.st_mode & 07777;
    else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
#endif
    // The temporary file: a fresh name beside the target, created exclusively (never an existing
    // file or a planted link), so the rename stays on one file system.
    const size_t slash = target.find_last_of('/');
    const std::string dir = slash == std::string::npos ? std::string(".") : target.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
    std::string tmp = (slash == std::string::npos ? std::string() : dir) + "." + base + ".XXXXXX";
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) return "cannot write " + path + ": " + std::strerror(errno);
#ifndef __EMSCRIPTEN__
    bool ok = ::fchmod(fd, mode) == 0;
#else
    bool ok = true;
#endif
    for (size_t done = 0; ok && done < text.size();) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) ok = false;
        else done += size_t(n);
    }
    const int writeErrno = errno;
#ifndef __EMSCRIPTEN__
    if (ok && ::fsync(fd) != 0) ok = false; // on disk before it replaces anything
#endif
    if (::close(fd) != 0) ok = false;
    if (!ok) {
        ::unlink(tmp.c_str());
        return "cannot write " + path + ": " + std::strerror(writeErrno ? writeErrno : EIO);
    }
    if (::rename(tmp.c_str(), target.c_str()) != 0) {
        const int e = errno;
        ::unlink(tmp.c_str());
        return "cannot replace " + path + ": " + std::strerror(e);
    }
    return "";
}

std::string fileStem(const std::string& name) {
    std::string s;
    for (size_t i = 0; i < name.size(); ++i) {
        const unsigned char u = static_cast<unsigned char>(name[i]);
        // General punctuation (U+2000–U+206F: dashes, quotes, bullets) separates like ASCII punctuation.
        const bool punctuation = u == 0xE2 && i + 2 < name.size() && (static_cast<unsigned char>(name[i + 1]) & 0xFE) == 0x80;
        if (!punctuation && (std::isalnum(u) || u >= 0x80)) { s += char(u); continue; }
        if (punctuation) i += 2;
        if (!s.empty() && s.back() != '-') s += '-';
    }
    while (!s.empty() && s.back() == '-') s.pop_back();
    return s.empty() ? "plan" : s;
}

} // namespace plotline
