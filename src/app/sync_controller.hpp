// Sync in the app: the connection to a server, and rounds of the sync engine (core/sync.hpp) for the
// open project, run in the background through Host::http. Edits are saved locally first, always; a
// round runs after a quiet moment, when the browser comes online, on focus and every minute, with
// exponential backoff and jitter after a failure, and never blocks editing. Each merge from the
// server is one undoable step ("Merge from the server") and the version before it is kept in the
// project's History.
//
// Storage: the connection (with its credentials) in the area "sync" of this browser only; each
// project's base (the version last agreed with the server, and its tag) in its own area, file
// "sync-base". Neither is ever part of a project file, an export or a report.
//
//   SyncController sync(host, library, doc);
//   sync.start();                         // reads the connection
//   sync.projectOpened(id);               // reads that project's base
//   every frame: sync.tick(now);          // starts rounds and sends what is due
//   statusBar: sync.sentence(now)         // "Synced 2 min ago", "Offline: 14 changes waiting", …
#pragma once
#include "core/commands.hpp"
#include "host.hpp"
#include "library.hpp"
#include "platform/remote/remote.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace plotline {

class SyncController {
public:
    SyncController(Host& host, ProjectLibrary& library, Document& doc);
    ~SyncController();

    void start(std::function<void()> done = {}); // reads the connection from this browser's storage
    bool connected() const { return connection_.has_value(); }
    const std::optional<Connection>& connection() const { return connection_; }
    // Probes the server; on success keeps the connection (in this browser only) and syncs the open
    // project. done(ok, what to tell the user).
    void connect(Connection c, std::function<void(bool ok, const std::string& verdict)> done);
    void disconnect();
    bool probing() const { return probing_; }

    // The plans on the server (its library resource).
    void listRemote(std::function<void(Result<std::vector<RemotePlan>>)> done);
    // A plan from the server for opening on this device: its project and the base to keep.
    struct RemoteCopy {
        Project project;
        SyncBase base;
    };
    void fetchRemote(const std::string& id, std::function<void(Result<RemoteCopy>)> done);

    // The open project changed (opened, created, switched); `base`: one just fetched from the server.
    void projectOpened(const std::string& id, std::optional<SyncBase> base = std::nullopt);
    void setCanWrite(bool can) { canWrite_ = can; } // a read-only tab does not sync
    void nudge(bool online);                         // focus (false) or back online (true): sync soon
    void syncNow();                                  // the user asked
    void tick(Stamp now);
    bool busy() const { return round_ != nullptr || library_update_ != nullptr; }

    enum class Tone { None, Ok, Busy, Warn, Error };
    std::string sentence(Stamp now) const; // one true sentence for the status bar ("" when not connected)
    Tone tone() const;

    // Conflicts from merges, until the user reviews them.
    const std::vector<MergeConflict>& conflicts() const { return conflicts_; }
    void flip(size_t i);    // take the other side's value (one undoable edit, synced as any edit)
    void dismiss(size_t i); // keep what the merge chose
    const std::vector<std::string>& notes() const { return notes_; }
    bool newerSchema() const { return newerSchema_; }
    // Counts writes of the server's list of plans (a window showing it reads it again).
    uint64_t libraryWrites() const { return libraryWrites_; }

    // For the status JSON and the bytes-per-sync benchmark.
    struct Stats {
        uint64_t rounds = 0, requests = 0, bytesSent = 0, bytesReceived = 0, merges = 0, parsed = 0;
        std::string lastError;
        Stamp lastSynced = 0;
        int pendingEdits = 0;
    };
    Stats stats() const;
    std::string statusJson() const;

private:
    void runRound(Stamp now);
    void handle(SyncStep s, Stamp now);
    void send(const HttpRequest& contract);
    void sendAfter(HttpRequest contract, int waitMs, Stamp now); // at once, or by tick() after waitMs
    bool signInRefused() const;
    void finishRound(const SyncStep& s, Stamp now);
    void updateLibrary();
    void saveBase();
    void loadBase(const std::string& id);
    std::string baseFile() const;

    Host& host_;
    ProjectLibrary& library_;
    Document& doc_;
    int listener_ = 0;
    std::optional<Connection> connection_;
    std::unique_ptr<RemoteAdapter> adapter_;
    std::string projectId_;
    std::optional<SyncBase> base_;
    bool baseDirty_ = false; // base_ is not stored yet
    std::unique_ptr<ProjectSync> round_;
    std::unique_ptr<LibraryUpdate> library_update_;
    std::optional<HttpRequest> waiting_; // sent at dueAt_
    Stamp dueAt_ = 0;
    uint64_t generation_ = 0;            // answers to an abandoned round are dropped
    bool canWrite_ = true, probing_ = false, nudged_ = false, libraryDue_ = false, newerSchema_ = false;
    bool wrote_ = false;                 // the round sent a version
    int localEdits_ = 0, editsAtStart_ = 0, failures_ = 0;
    Stamp lastEditAt_ = 0, lastRoundAt_ = 0, nextAllowed_ = 0, lastSynced_ = 0;
    std::string error_;
    std::vector<MergeConflict> conflicts_;
    std::vector<std::string> notes_;
    std::string libraryName_; // the name last listed in the server's library for the open project
    Stats stats_;
    uint64_t libraryWrites_ = 0;
    uint32_t jitter_ = 0x9e3779b9u;
};

} // namespace plotline
