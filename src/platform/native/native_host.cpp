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

NativeHost::NativeHost(std::string storageDir, std::string assetsDir) : storage_(std::make_unique<FileStorage>(std::move(storageDir))), assets_(std::move(assetsDir)) {}

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
