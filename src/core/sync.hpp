// Syncing one project with one resource on a server, as a sans-I/O engine: it says which HTTP request
// to make next and decides from each response, so every decision is tested natively; the platform
// layer performs the requests (fetch) and applies merged versions to the open document.
//
//   ProjectSync sync(url, base);                 // base: the last version both sides had, if any
//   SyncStep s = sync.start(doc.project(), now);
//   while (s.request) {
//       HttpResponse r = perform(*s.request);     // after s.waitMs
//       s = sync.onResponse(r, doc.project(), now);
//       if (s.merged) doc.applyExternal(*s.merged, "Merge from the server");
//   }
//   save(sync.base());                            // kept with the project for the next round
//
// The contract (the same for every server; adapters map it to their URLs and tags):
// - GET with If-None-Match: the base's tag. 304: the server still has the base. 200: a newer version,
//   sealed (sealed.hpp); one that fails its checksum or does not read is set aside, never merged.
// - A write is a PUT of the sealed project: If-None-Match: * to create, If-Match: the tag read to
//   replace. 412: someone wrote first: fetch, merge, write again (a few times, then give up for now).
// - Servers do not say the tag of what was written (Apache, nginx): the engine reads it back with a
//   GET. A weak tag (W/"…", Apache within a second of a write) cannot guard a write: wait, read again.
// - The merge is mergeProjects(base, this device's project, the server's); what it decided is reported.
#pragma once
#include "merge.hpp"
#include "sealed.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace plotline {

struct HttpRequest {
    std::string method;  // "GET" or "PUT"
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool gzip = false; // the transport sends the body gzip-compressed (and inflates answers that are)
};

struct HttpResponse {
    int status = 0;            // 0: no response (offline, refused, DNS, CORS)
    std::string etag;          // as sent, W/ included
    std::string body;
    std::string networkError;  // when status is 0
    uint64_t sentBytes = 0, receivedBytes = 0; // on the wire (compressed), as the transport counted them
};

// Shared by every conditional read-modify-write of the contract (ProjectSync, LibraryUpdate).
inline constexpr int kSyncMaxAttempts = 6;  // refused writes and waits for a strong tag in one round
inline constexpr int kWeakTagWaitMs = 1100; // Apache's tag of a file written within the last second is weak
// A tag that cannot guard a write: none, or weak (W/"…": Apache within a second of a write).
bool unusableTag(const std::string& tag);
// Why a round ends at once when the server cannot be used (no answer, a refused sign-in), in the
// status bar's words; "" for any other answer.
std::string unreachable(const HttpResponse& r);

// The last version this device and the server both had.
struct SyncBase {
    std::string etag;     // the server's tag of it ("" when not known yet)
    std::string json;     // the project file's JSON (the sealed body)
    uint64_t number = 0;  // the server's version number (sealed header)
    bool operator==(const SyncBase&) const = default;
};

struct SyncStep {
    std::optional<HttpRequest> request; // the next request; none: the round is over
    int waitMs = 0;                     // before making it
    std::optional<Project> merged;      // apply this to the open document first (it changed)
    std::vector<MergeConflict> conflicts;
    std::vector<std::string> notes;
    bool synced = false;                // the round ended with both sides holding the same plan
    std::string error;                  // the round ended without that: what the status bar says
    bool newerSchema = false;           // the server's copy is from a newer Plotline: this device may only read
};

class ProjectSync {
public:
    ProjectSync(std::string url, std::optional<SyncBase> base);
    SyncStep start(const Project& local, Stamp now);
    SyncStep onResponse(const HttpResponse& r, const Project& local, Stamp now);
    const std::optional<SyncBase>& base() const { return base_; }
    // Bodies parsed in this round (a poll that finds nothing new parses none).
    int parsed() const { return parsed_; }

private:
    enum class Phase { Idle, Fetch, Write, ReadBack };
    SyncStep fetch(int waitMs = 0);
    SyncStep write(const Project& p, const std::string& ifMatch, Stamp now);
    SyncStep fail(std::string why);
    // A newer version from the server (unsealed, with its tag): merged with this device's, written back.
    SyncStep fromRemote(const Result<Sealed>& v, const std::string& etag, const Project& local, Stamp now);

    std::string url_;
    std::optional<SyncBase> base_;
    Phase phase_ = Phase::Idle;
    std::string sent_;       // the JSON of the last write
    uint64_t sentNumber_ = 0;
    int attempts_ = 0;       // writes refused (412) or waits in this round
    int parsed_ = 0;
};

// Connecting to a server: does it keep conditional writes? A second If-None-Match: * PUT of a scratch
// resource and a PUT with a wrong If-Match must both be refused (412); a server that takes either
// (nginx's WebDAV module, several npm servers: last writer wins) is named unsafe and never synced to.
// Sans-I/O as ProjectSync: next() gives the request, onResponse() the verdict once there is one.
//   ServerProbe probe(baseUrl, now);
//   for (auto q = probe.next(); q; q = probe.next()) probe.onResponse(perform(*q));
//   probe.verdict(): ok, and what to tell the user ("Connected: … keeps conditional writes")
class ServerProbe {
public:
    ServerProbe(std::string baseUrl, Stamp now);
    std::optional<HttpRequest> next();
    void onResponse(const HttpResponse& r);
    bool done() const { return done_; }
    bool ok() const { return ok_; }
    const std::string& verdict() const { return verdict_; }

private:
    void finish(bool ok, std::string verdict);
    std::string scratch_;
    int step_ = 0;      // 0 create, 1 create again, 2 wrong If-Match, 3 clean up
    bool done_ = false, ok_ = false, cleanup_ = false;
    std::string verdict_;
};

} // namespace plotline
