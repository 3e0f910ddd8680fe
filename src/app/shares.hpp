// Published links to client views (view_link.hpp) for the open project: each share is the view with
// its options, sealed in this browser under a fresh key and put on the sync server under an
// unguessable name; the link carries the key, so the server holds bytes it cannot read.
//
//   shares.publish(options, /*live=*/true, expires, today, conn);  // then shares.link(0) to copy
//   shares.afterSync(today, conn);   // live shares republished when their view changed; expired ones deleted
//   shares.revoke(0, conn);          // deleted from the server: the link says the view was withdrawn
//
// The list (with the keys: the producer can copy a link again) is kept in the project's own storage
// area on this device ("shares"), never in the project file, exports or the server.
#pragma once
#include "core/client_view.hpp"
#include "core/commands.hpp"
#include "host.hpp"
#include "platform/remote/remote.hpp"

#include <optional>
#include <string>
#include <vector>

namespace plotline {

struct PublishedShare {
    std::string name, key; // the resource's name and the 32-byte key
    ShareOptions options;
    bool live = true;
    std::optional<Date> expires;
    Stamp created = 0, published = 0;
    std::string url;       // where it is on the server
    uint64_t hash = 0;     // of the view text last published (a live share is put again only when it differs)
    std::string error;     // the last publish or revoke that failed, for the list
    bool busy = false;
};

class PublishedShares {
public:
    PublishedShares(Host& host, const Document& doc) : host_(host), doc_(doc) {}
    void setProject(const std::string& id); // reads the project's list
    const std::vector<PublishedShare>& list() const { return shares_; }
    // "" when a share can be published to this connection, else why not.
    static std::string cannotPublish(const std::optional<Connection>& c);
    void publish(const ShareOptions& o, bool live, std::optional<Date> expires, Date today, const Connection& c);
    void revoke(size_t i, const Connection& c);
    void afterSync(Date today, const Connection& c);
    std::string link(size_t i) const;
    std::string statusJson() const;
    static std::string describe(const PublishedShare& s); // "progress, milestones, status · live · until 2026-12-31"

private:
    void put(size_t i, Date today, const Connection& c);
    void remove(size_t i, const Connection& c, bool expired);
    void save();
    std::string file() const;
    size_t find(const std::string& name) const;
    Host& host_;
    const Document& doc_;
    std::string project_;
    std::vector<PublishedShare> shares_;
};

} // namespace plotline
