// The project library: every project the user has, in Storage, saved so that no work is lost.
//
// Layout. The area "library" holds library.json, the list of projects (a cache for the start
// screen: the truth is in the projects' own areas). Each project has an area "p-<id>" with its
// newest saved version (and, for a moment after a save, the one before; a version's body is the
// project's stored form, binary_io.hpp, or JSON in versions from before it), and an area "h-<id>" with
// its history: snapshots taken as the user works, and damaged versions set aside. The history is
// read only when needed (browsing it, a snapshot due, a damaged version), so opening a project reads
// one version.
//
// Saving never overwrites: version n+1 is written beside version n and made durable; only then is
// version n removed (in a later transaction). A save cut short (the tab closed, the quota full)
// leaves version n as it was. Each version is sealed (sealed.hpp): opening checks it, sets a damaged
// one aside into the history and opens the newest good version, and says so.
//
// Room for sync: an entry's syncedVersion (the version last agreed with a server) is never removed
// by the clean-up after a save, so a merge will find its base.
//
//   ProjectLibrary lib(storage, clock);
//   lib.start([](const std::string& error, const std::string& notice) { … });
//   lib.open(id, accept, [](Result<Opened> r) { … });
//   lib.save(id, writeProjectBinary(p), {name, tasks}, [](const std::string& error) { … });
#pragma once
#include "core/result.hpp"
#include "core/sealed.hpp"
#include "host.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace plotline {

struct ProjectEntry {
    std::string id;            // areas "p-<id>" and "h-<id>"
    std::string name;
    Stamp created = 0, modified = 0, opened = 0;
    Stamp trashed = 0;         // when it went into the trash; 0: not in the trash
    uint64_t bytes = 0, tasks = 0;
    uint64_t version = 0;      // the newest durable version
    uint64_t syncedVersion = 0; // the version last synced with a server (0: never); kept as the merge base
};

struct Opened {
    std::string json;   // the body of the version opened
    VersionInfo info;
    std::string notice; // what the user must be told (a damaged version set aside…), or ""
    std::string schedule; // the schedule kept beside the version (schedule_store.hpp), or ""
};

struct Snapshot {
    VersionInfo info;
    std::string file;  // in the history area
    bool damaged = false; // set aside because it could not be read
};

class ProjectLibrary {
public:
    using Done = std::function<void(const std::string& error)>;
    // Accepts a version's body (returns "") or says why it cannot be opened.
    using Accept = std::function<std::string(std::string_view body, const VersionInfo& info)>;

    static constexpr Stamp kTrashKeepMs = 30LL * 24 * 3600 * 1000;  // the trash is emptied after 30 days
    static constexpr Stamp kSnapshotEveryMs = 10LL * 60 * 1000;     // history: one snapshot per 10 minutes of work
    static constexpr size_t kHistoryKeep = 30;                      // snapshots kept per project (newest)
    static constexpr uint64_t kHistoryBytes = 64ull << 20;          // … and at most this much text (at least 3 kept)

    ProjectLibrary(Storage& storage, std::function<Stamp()> clock);
    ProjectLibrary(const ProjectLibrary&) = delete;
    ProjectLibrary& operator=(const ProjectLibrary&) = delete;

    // Loads the list (rebuilding it from the projects' areas if it is missing or damaged), moves a
    // plan saved by the single-file layout (library area "project.json" of Plotline before the
    // library) into a project, and empties the trash of what is older than 30 days.
    void start(std::function<void(const std::string& error, const std::string& notice)> done);
    // Starts reading a project's storage ahead of open() (which reads it again, cheaply if unchanged).
    void prefetch(const std::string& id);
    // Reads the list again (another tab changed it).
    void refresh(Done done);

    const std::vector<ProjectEntry>& projects() const { return entries_; }
    std::function<void()> onListWritten; // the list is durable (tell other tabs)
    const ProjectEntry* find(const std::string& id) const;
    const std::string& lastOpened() const { return lastOpened_; }
    std::string mostRecent() const; // the project changed last, not in the trash ("" if none)

    // Adds a project (id: from newId(), or "" for a new one) and saves its first version.
    // schedule: kept beside the version for the next open (schedule_store.hpp), or "".
    void create(const std::string& json, VersionInfo info, std::function<void(const std::string& id, const std::string& error)> done,
                std::string id = "", std::string schedule = "");
    static std::string newId();
    // Opens the newest version that is intact and accepted; damaged or refused ones are set aside.
    // A tab that only follows another (read-only) passes follower: it reads and changes nothing.
    void open(const std::string& id, Accept accept, std::function<void(Result<Opened>)> done, bool follower = false);
    // Saves a new version of a project (info: name and tasks; number and time are filled in; crc: the
    // body's CRC-32 when the caller summed it already; schedule: as create's, written with the version).
    void save(const std::string& id, std::string json, VersionInfo info, Done done, std::optional<uint32_t> crc = {},
              std::string schedule = "");
    void trash(const std::string& id, Done done);
    void restore(const std::string& id, Done done);
    void destroy(const std::string& id, Done done); // deletes at once, with its history
    // The project's history, newest first (reads the history area on first use).
    void history(const std::string& id, std::function<void(Result<std::vector<Snapshot>>)> done);
    void readSnapshot(const std::string& id, const std::string& file, std::function<void(Result<std::string>)> done);
    // Keeps the newest durable version in the history now (before a merge from a server replaces it).
    void keepInHistory(const std::string& id, Done done);
    // The newest saved body of a project that is not open (duplicate, export).
    void readNewest(const std::string& id, std::function<void(Result<std::string>)> done);

private:
    ProjectEntry* entry(const std::string& id);
    void writeList(Done done);
    std::string listText() const;
    bool parseList(std::string_view text);
    void rebuild(std::function<void(const std::string& notice)> done);
    void adoptLegacy(std::function<void(const std::string& notice)> done);
    void purgeTrash(Done done);
    void ensureHistory(const std::string& id, Done done);
    // (The text is shared, not copied, by the callbacks it passes through: a big plan's version is
    // megabytes, and each copy was time on the page's main thread.)
    void snapshot(const std::string& id, std::shared_ptr<const std::string> sealedText, const VersionInfo& info, Done done);
    void trimHistory(const std::string& id);
    void setAside(const std::string& id, const std::string& file, const std::string& text, Done done);
    void setAllAside(const std::string& id, std::vector<std::pair<std::string, std::string>> files, std::function<void()> done);
    std::vector<std::pair<uint64_t, std::string>> versions(const std::string& id); // newest first
    void keepSchedule(const std::string& id, const std::string& schedule);

    Storage& storage_;
    std::function<Stamp()> clock_;
    std::vector<ProjectEntry> entries_;
    std::string lastOpened_;
    std::vector<std::string> historyLoaded_;
    struct Session {
        std::string id;
        uint64_t maxSeen = 0;      // the highest version number in the area, good or not
        Stamp lastSnapshot = 0;    // when the last snapshot of this session was taken
        bool snapshotTaken = false; // this session's first save keeps the version it started from
    };
    std::vector<Session> sessions_;
    Session& session(const std::string& id);
};

std::string projectArea(const std::string& id);
std::string historyArea(const std::string& id);

} // namespace plotline
