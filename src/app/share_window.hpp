// Share with client… (Project menu and the toolbar): choose what a client view holds beyond the plan,
// see a preview of exactly what the client gets (built by the core's filter, core/client_view.hpp)
// and its size, and download it as the client pack (one HTML page for mail and print) or as the
// view's file.
#pragma once
#include "core/client_view.hpp"
#include "core/commands.hpp"
#include "core/view_link.hpp"
#include "frame_part.hpp"
#include "host.hpp"
#include "shares.hpp"

#include <functional>

#include <optional>
#include <string>

namespace plotline {

class ShareWindow {
public:
    ShareWindow(const Document& doc, Host& host) : doc_(doc), host_(host) {}
    void open() { open_ = focus_ = true; view_.reset(); }
    bool isOpen() const { return open_; }
    void draw(Date today, const std::string& fileStem) {
        if (open_) drawOpen(today, fileStem); // (called only while open: frame_part.hpp)
    }
    const ShareOptions& options() const { return options_; }

private:
    PLOTLINE_FRAME_PART void drawOpen(Date today, const std::string& fileStem);
    void preview(const ClientView& v);
    const Document& doc_;
    Host& host_;
    bool open_ = false, focus_ = false;
    ShareOptions options_;
    // The view as last built: rebuilt when the plan or the choice changes.
    std::optional<ClientView> view_;
    uint64_t builtRevision_ = 0;
    ShareOptions builtOptions_;
    size_t fileBytes_ = 0;
    uint64_t viewSerial_ = 0; // counts rebuilds of the view
    // The self-contained link of the view as last built ("" while it is being made or when it failed).
    void linkSection();
    std::string link_, linkError_;
    uint64_t linkFor_ = 0;
    bool linking_ = false;
    Stamp copied_ = 0;

public:
    const std::string& link() const { return link_; }
    // Published links go to the sync server this returns (none: the dialog says how to connect one).
    void setPublishing(PublishedShares* shares, std::function<std::optional<Connection>()> connection) {
        shares_ = shares;
        connection_ = std::move(connection);
    }

private:
    void publishSection(Date today);
    PublishedShares* shares_ = nullptr;
    std::function<std::optional<Connection>()> connection_;
    bool live_ = true;
    char expires_[16] = {};
    std::string publishError_;
};

} // namespace plotline
