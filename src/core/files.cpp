#include "files.hpp"

#include <cctype>

#include <cstdio>
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

std::string writeFileAtomically(const std::string& path, const std::string& text) {
    const std::string tmp = path + ".tmp";
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return "cannot write " + path;
    const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    if (std::fclose(f) != 0 || !written) {
        std::remove(tmp.c_str());
        return "cannot write " + path + " (is the disk full?)";
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return "cannot replace " + path;
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
