// The app opened from a link to a client view (view_link.hpp): it reads the link (a snapshot in the
// link itself, or a published view it fetches and unseals), shows the view and, for a published one,
// reads it again every 30 s so a live view follows the producer's syncs. No ImGui: tested natively
// (tests/ui/viewer_ui_test.cpp drives it with the screen).
//
// It never touches the project library and sends no credentials. A published view last read is kept
// (sealed, as the server has it) in the storage area "views", so the link still opens offline.
#pragma once
#include "core/client_view.hpp"
#include "core/view_link.hpp"
#include "host.hpp"

#include <functional>
#include <optional>
#include <string>

namespace plotline {

class Viewer {
public:
    explicit Viewer(Host& host) : host_(host) {}
    // Reads the link; changed() runs whenever the view or the error changes.
    void open(const std::string& address, std::function<void()> changed);
    enum class State { Opening, Shown, Failed };
    State state() const { return state_; }
    const std::string& error() const { return error_; } // Failed: the one sentence to show
    const std::optional<ClientView>& view() const { return view_; }
    bool published() const { return link_.kind == ViewLink::Kind::Published; }
    // A published view whose last read failed (offline, server down) and which shows the copy kept.
    const std::string& stale() const { return stale_; }
    Stamp readAt() const { return readAt_; } // when the shown view was last read from the server
    uint64_t version() const { return version_; } // increases with every new view shown
    void tick(Stamp now); // reads a published view again every kRefreshMs
    static constexpr int kRefreshMs = 30'000;

private:
    void fetch();
    void fetched(HttpResponse r);
    void unseal(const std::string& sealed, bool fromServer);
    void decode(const std::string& gzip, std::function<void(bool)> done = {});
    void decode(const std::string& gzip, std::function<void(bool)> done, uint64_t epoch);
    void failed(const std::string& sentence);
    std::string cacheFile() const;
    Host& host_;
    ViewLink link_;
    State state_ = State::Opening;
    std::string error_, stale_, etag_, shownSealed_;
    std::optional<ClientView> view_;
    std::function<void()> changed_;
    Stamp readAt_ = 0, lastFetch_ = 0;
    bool fetching_ = false, cacheLoaded_ = false;
    uint64_t version_ = 0;
    // Bumped by every answer that supersedes what is being decoded (a failure, the server's copy): a
    // kept copy still decoding when the server says the view was withdrawn must not show afterwards.
    uint64_t epoch_ = 0;
};

} // namespace plotline
