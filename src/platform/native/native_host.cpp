#include "native_host.hpp"

#include "codec.hpp"
#include "core/commands.hpp"

namespace plotline {

NativeHost::NativeHost(std::string storageDir, std::string assetsDir) : storage_(std::make_unique<FileStorage>(std::move(storageDir))), assets_(std::move(assetsDir)) {}

Stamp NativeHost::now() { return fakeNow ? fakeNow : systemNow(); }

// A moved clock moves the day too (UTC): tests that set the time see the day they set.
Date NativeHost::today() { return fakeNow ? Date{int32_t(fakeNow / 86'400'000)} : localToday(); }

std::optional<std::string> NativeHost::readAsset(const std::string& name) {
    // Assets are named as shipped ("assets/sample-campaign.json"); natively they live in assetsDir.
    const std::string base = name.rfind("assets/", 0) == 0 ? name.substr(7) : name;
    return readWholeFile(assets_ + "/" + base);
}

void NativeHost::fetchFont(const std::string& file, std::function<void(Result<std::string>)> done) {
    fontRequests.push_back(file);
    if (!fontFailure.empty()) return done(fail(fontFailure));
    if (fontsDir.empty()) return Host::fetchFont(file, std::move(done));
    auto bytes = readWholeFile(fontsDir + "/" + file);
    if (!bytes) return done(fail("no file " + fontsDir + "/" + file));
    done(std::move(*bytes));
}

void NativeHost::download(const std::string& filename, const std::string&, const std::string& content) {
    downloads.push_back({filename, content});
}

void NativeHost::codec(Codec op, std::string data, std::string key, std::function<void(Result<std::string>)> done) {
    done(runCodec(op, data, key));
}

} // namespace plotline
