#include "native_host.hpp"

#include "core/commands.hpp"

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace plotline {

namespace {
std::optional<std::string> slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return std::nullopt;
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}
} // namespace

FileStorage::FileStorage(std::string dir) : dir_(std::move(dir)) { std::filesystem::create_directories(dir_); }

std::optional<std::string> FileStorage::read(const std::string& key) { return slurp(dir_ + "/" + key); }

std::string FileStorage::write(const std::string& key, const std::string& text) {
    const std::string path = dir_ + "/" + key, tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!(f << text) || !f.flush()) return "cannot write " + tmp;
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) return "cannot replace " + path;
    return "";
}

NativeHost::NativeHost(std::string storageDir, std::string assetsDir) : storage_(std::move(storageDir)), assets_(std::move(assetsDir)) {}

Stamp NativeHost::now() { return fakeNow ? fakeNow : systemNow(); }

Date NativeHost::today() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return Date::fromYmd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::optional<std::string> NativeHost::readAsset(const std::string& name) {
    // Assets are named as shipped ("assets/sample-campaign.json"); natively they live in assetsDir.
    const std::string base = name.rfind("assets/", 0) == 0 ? name.substr(7) : name;
    return slurp(assets_ + "/" + base);
}

void NativeHost::download(const std::string& filename, const std::string&, const std::string& content) {
    downloads.push_back({filename, content});
}

} // namespace plotline
