// The servers plans sync with, behind one interface. The sync engine (core/sync.hpp) speaks one small
// contract: a project is a resource; GET with If-None-Match (304: unchanged), PUT with
// If-None-Match: * (create) or If-Match: <tag> (replace), 412 when someone wrote first, the tag in
// ETag. An adapter maps a request of that contract to its server's URLs and forms, and the server's
// answer back, so the engine never knows which server it talks to.
//
//   Connection c{RemoteKind::WebDav, "https://dav.example.com/plans/", {.user = "ann", .password = "…"}};
//   auto server = makeAdapter(c);
//   HttpRequest q = server->toServer(step.request);        // URL, auth, body form
//   HttpResponse r = server->fromServer(step.request, perform(q));
//
// Adapters: WebDAV / plain HTTP (Apache mod_dav, Nextcloud: each project a file "<id>.plotline", its
// body gzip-compressed by the transport), CouchDB (each project a document "<id>" holding the sealed
// text, its _rev as the tag, 409 read as 412). A third (S3 with conditional writes) is one more class:
// see docs/architecture.md.
//
// Beside the projects, a small library resource ("plotline-library.json", one document in CouchDB)
// lists the plans on the server, so a second device finds them without a directory listing. It is
// kept with the same conditional writes (LibraryUpdate).
#pragma once
#include "core/date.hpp"
#include "core/sync.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace plotline {

enum class RemoteKind { WebDav, CouchDb };

struct Credentials {
    std::string token;          // a bearer token, or
    std::string user, password; // HTTP basic
    bool operator==(const Credentials&) const = default;
};

// A server this browser syncs with. Kept only in this browser's storage (never in project files,
// exports or reports): it holds the credentials.
struct Connection {
    RemoteKind kind = RemoteKind::WebDav;
    std::string base; // ends with "/": the folder (WebDAV) or the database (CouchDB)
    Credentials auth;
    bool operator==(const Connection&) const = default;
};

std::string connectionJson(const Connection& c);
std::optional<Connection> readConnection(std::string_view json);
const char* kindName(RemoteKind k); // "WebDAV", "CouchDB"

// "" when the address may be used, else why not: only https, or http to this machine (localhost,
// 127.0.0.1, [::1]); a trailing "/" is added by normaliseBase.
std::string checkBaseUrl(const std::string& url);
std::string normaliseBase(std::string url);

class RemoteAdapter {
public:
    virtual ~RemoteAdapter() = default;
    virtual std::string projectUrl(const std::string& id) const = 0;
    virtual std::string libraryUrl() const = 0;
    // Where a published client view lives ("" when this server cannot hand one out to a client who
    // has no sign-in). Its name is unguessable; the server stores it sealed.
    virtual std::string viewUrl(const std::string& /*name*/) const { return ""; }
    // The contract's request as this server takes it (its URL form, its body form, the credentials).
    virtual HttpRequest toServer(const HttpRequest& contract) const = 0;
    // The server's answer in the contract's terms (status, tag, the sealed text as body).
    virtual HttpResponse fromServer(const HttpRequest& contract, HttpResponse raw) const = 0;
};

std::unique_ptr<RemoteAdapter> makeAdapter(const Connection& c);

// The Authorization header's value ("" for none).
std::string authorization(const Credentials& c);
std::string base64(std::string_view bytes);

// The plans on a server, as the library resource lists them.
struct RemotePlan {
    std::string id, name;
    Stamp modified = 0;
    uint64_t tasks = 0;
    bool operator==(const RemotePlan&) const = default;
};
std::string remoteLibraryText(const std::vector<RemotePlan>& plans);
Result<std::vector<RemotePlan>> readRemoteLibrary(std::string_view text);

// Adds or updates plans in the library resource (by id; a newer entry with another name or task count
// replaces the older one: a time alone is not worth a write), with the sync
// contract's conditional writes: GET, change, PUT with If-Match (If-None-Match: * when there is none
// yet); 412: read again and redo. A weak tag (Apache, within a second of a write) waits and reads
// again. Sans-I/O as ProjectSync: start(), then onResponse() for each answer until no request is left.
class LibraryUpdate {
public:
    LibraryUpdate(std::string url, std::vector<RemotePlan> changes);
    SyncStep start();
    SyncStep onResponse(const HttpResponse& r);
    const std::vector<RemotePlan>& plans() const { return plans_; } // the list as last read or written

private:
    SyncStep fetch(int waitMs);
    std::string url_;
    std::vector<RemotePlan> changes_, plans_;
    bool writing_ = false;
    int attempts_ = 0;
};

} // namespace plotline
