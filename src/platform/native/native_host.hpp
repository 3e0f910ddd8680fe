// Host for native runs (the UI smoke test, tools): storage in a folder of files, downloads written
// to that folder, the system clock. No window: the caller drives ImGui frames.
#pragma once
#include "app/file_storage.hpp"
#include "app/host.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace plotline {

class NativeHost final : public Host {
public:
    NativeHost(std::string storageDir, std::string assetsDir);
    Stamp now() override;
    Date today() override;
    Storage& storage() override { return *storage_; }
    std::optional<std::string> readAsset(const std::string& name) override;
    void download(const std::string& filename, const std::string& mime, const std::string& content) override;
    void pickFile() override { ++pickRequests; }

    Stamp fakeNow = 0; // when non-zero, now() returns it (tests move time forward)
    int pickRequests = 0;
    std::vector<std::pair<std::string, std::string>> downloads; // filename, content
    std::vector<std::string> printed;                            // pages sent to print
    void print(const std::string& html) override { printed.push_back(html); }
    // The network, when a test gives one (an in-memory server); otherwise there is none (status 0).
    std::function<void(const HttpRequest&, std::function<void(HttpResponse)>)> network;
    void http(const HttpRequest& q, std::function<void(HttpResponse)> done) override {
        if (network) return network(q, std::move(done));
        Host::http(q, std::move(done));
    }
    void codec(Codec op, std::string data, std::string key, std::function<void(Result<std::string>)> done) override;
    // Fallback fonts from a folder (the build's fonts/); tests may hold the answers back or refuse them.
    std::string fontsDir;
    std::string fontFailure;                 // when set: every fetch fails with it
    std::vector<std::string> fontRequests;   // file names asked for, in order
    void fetchFont(const std::string& file, std::function<void(Result<std::string>)> done) override;
    bool codeHere = true; // what allCodeHere() answers: tests hold the second part of the program back
    bool allCodeHere() override { return codeHere; }
    std::string pageAddress = "http://127.0.0.1:8080/"; // what links start with
    std::string address() override { return pageAddress; }
    std::string systemAsks;                // what systemLook() answers ("dark", "more", "")
    std::string systemLook() override { return systemAsks; }
    std::string locale;                    // what systemLocale() answers ("de-DE"; "" by default)
    std::string systemLocale() override { return locale; }
    std::string a11y;                      // the accessibility mirror as last published (JSON)
    std::vector<std::string> announcements; // what the live region said, in order
    void publishA11y(const std::string& json) override { a11y = json; }
    void announce(const std::string& text) override { announcements.push_back(text); }
    std::vector<std::string> marks;         // the moments of start-up and saving named so far, in order
    void mark(const char* name) override { marks.push_back(name); }
    std::unique_ptr<Storage> storage_; // a FileStorage over storageDir; tests may swap in a faulty one

private:
    std::string assets_;
};

} // namespace plotline
