#include "file_storage.hpp"

#include <cstdio>
#include <sys/stat.h>
#include <memory>

namespace plotline {

// Plain stdio, not iostreams: it keeps the web build smaller.
std::optional<std::string> readWholeFile(const std::string& path) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) return std::nullopt;
    std::string out;
    char buf[1 << 16];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f.get())) > 0;) out.append(buf, n);
    if (std::ferror(f.get())) return std::nullopt;
    return out;
}

FileStorage::FileStorage(std::string dir) : dir_(std::move(dir)) {
    // mkdir -p; failures show up later as write errors with the key's name.
    for (size_t at = 1; at != std::string::npos; at = dir_.find('/', at + 1))
        ::mkdir(dir_.substr(0, at).c_str(), 0755);
    ::mkdir(dir_.c_str(), 0755);
}

std::optional<std::string> FileStorage::read(const std::string& key) { return readWholeFile(dir_ + "/" + key); }

std::string FileStorage::write(const std::string& key, const std::string& text) {
    const std::string path = dir_ + "/" + key, tmp = path + ".tmp";
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return "cannot write " + key;
    const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    if (std::fclose(f) != 0 || !written) {
        std::remove(tmp.c_str());
        return "cannot write " + key;
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return "cannot replace " + key;
    }
    return "";
}

} // namespace plotline
