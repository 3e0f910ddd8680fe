// Sync in the app, natively: the real App with its SyncController over an in-memory WebDAV server
// that answers as Apache does (tests/unit/dav_server.hpp), where faults are injected: the network
// gone, a refused sign-in, another device's writes, a plan from a newer Plotline. The real servers
// and two real browsers are in tests/browser/sync.test.mjs.
#include "../unit/dav_server.hpp"
#include "core/merge.hpp"
#include "ui_harness.hpp"

#include <fstream>

using namespace plotline;
using namespace plotline::ui_test;

namespace {

const std::string kBase = "http://127.0.0.1:8080/plans/";

struct Device {
    Harness h;
    test::DavServer& server;
    bool down = false;  // no network
    int refuse = 0;     // answer this status to everything
    Device(const std::string& name, test::DavServer& s) : h(name), server(s) {
        h.host.network = [this](const HttpRequest& q, std::function<void(HttpResponse)> done) {
            if (down) return done(HttpResponse{0, "", "", "this device is offline"});
            if (refuse) return done(HttpResponse{refuse, "", "", ""});
            done(server.handle(q, h.host.fakeNow));
        };
        h.start();
    }
    SyncController& sync() { return h.app->sync(); }
    std::string url() { return kBase + h.app->openId() + ".plotline"; }
    // Moves the clock on by `ms` in steps, a frame each.
    void wait(Stamp ms) {
        for (Stamp t = 0; t < ms; t += 250) {
            h.host.fakeNow += 250;
            h.frames(1);
        }
    }
    std::string sentence() { return sync().sentence(h.host.fakeNow); }
    void connect() {
        std::optional<std::pair<bool, std::string>> verdict;
        sync().connect({RemoteKind::WebDav, kBase, {"", "ann", "pw-that-stays-here"}}, [&](bool ok, const std::string& v) { verdict = {ok, v}; });
        REQUIRE(verdict);
        REQUIRE_MESSAGE(verdict->first, verdict->second);
        wait(3000);
    }
    void rename(size_t row, const std::string& name) {
        Task t = h.project().tasks[row];
        t.name = name;
        REQUIRE(h.app->document().execute(editTask(t)));
    }
};

} // namespace

TEST_CASE("sync in the app: connecting stores the plan on the server; the status bar says one true sentence through offline, back online and a refused sign-in") {
    test::DavServer server;
    Device d("sync-status", server);
    CHECK(d.sentence() == ""); // not connected: nothing said
    d.connect();
    REQUIRE(server.files.count(d.url()));
    CHECK(server.read(d.url()) == d.h.project());
    CHECK(d.sentence() == "Synced just now");
    CHECK(d.h.has("status.sync"));
    // Polls while nothing changes: one GET each, answered 304, nothing sent or parsed.
    const int puts0 = server.puts, gets0 = server.gets;
    const uint64_t parsed0 = d.sync().stats().parsed;
    d.wait(3 * 60000 + 1000);
    CHECK(server.gets - gets0 == 3);
    CHECK(server.puts == puts0);
    CHECK(d.sync().stats().parsed == parsed0);
    CHECK(d.sentence() == "Synced just now");

    // Offline: edits wait, and the bar counts them.
    d.down = true;
    d.rename(1, "Kickoff (offline)");
    d.rename(2, "Research (offline)");
    CHECK(d.sentence() == "2 changes waiting to sync");
    d.wait(3000);
    CHECK(d.sentence() == "Offline: 2 changes waiting");
    // Backoff: no retry storm while offline (2 s, 4 s, 8 s… with jitter).
    const int before = server.gets + server.puts;
    const uint64_t rounds = d.sync().stats().rounds;
    d.wait(20000);
    CHECK(d.sync().stats().rounds - rounds <= 4);
    CHECK(server.gets + server.puts == before);
    // Back online: the browser's "online" event syncs at once, whatever the backoff.
    d.down = false;
    d.sync().nudge(true);
    d.wait(500);
    CHECK(d.sentence() == "Synced just now");
    CHECK(server.read(d.url()).tasks[1].name == "Kickoff (offline)");

    d.refuse = 401;
    d.rename(1, "Kickoff (again)");
    d.wait(3000);
    CHECK(d.sentence() == "Server refused the sign-in (401): check Project > Sync");
    CHECK(d.sync().tone() == SyncController::Tone::Error);
    d.refuse = 0;
    d.sync().syncNow();
    d.wait(500);
    CHECK(d.sentence() == "Synced just now");
}

TEST_CASE("sync in the app: another device's edit merges in as one undoable step, the version before it kept in History; conflicts are listed and flipped") {
    test::DavServer server;
    Device d("sync-merge", server);
    d.connect();
    const std::string url = d.url();
    // Another device renames task 3 and writes it straight to the server.
    Project theirs = server.read(url);
    theirs.tasks[3].name = "Brief (other device)";
    theirs.tasks[3].modified = d.h.host.fakeNow + 5;
    d.wait(2000);
    server.write(url, theirs, d.h.host.fakeNow);
    d.sync().nudge(false); // focus
    d.wait(3000);
    CHECK(d.h.project().tasks[3].name == "Brief (other device)");
    CHECK(d.h.app->document().undoLabel() == "Merge from the server");
    CHECK(d.sentence() == "Synced just now");
    std::optional<Result<std::vector<Snapshot>>> history;
    d.h.app->library().history(d.h.app->openId(), [&](Result<std::vector<Snapshot>> r) { history = std::move(r); });
    REQUIRE(history);
    REQUIRE(history->ok());
    CHECK_FALSE((*history)->empty());

    // Both rename task 4: the later edit (the other device's) wins, and is listed for review.
    d.rename(4, "Copy (here)");
    Project other = server.read(url);
    other.tasks[4].name = "Copy (there)";
    other.tasks[4].modified = d.h.host.fakeNow + 100;
    server.write(url, other, d.h.host.fakeNow);
    d.wait(4000);
    REQUIRE(d.sync().conflicts().size() == 1);
    CHECK(d.sentence() == "1 conflict to review");
    CHECK(d.sync().conflicts()[0].field == "name");
    CHECK(d.h.project().tasks[4].name == "Copy (there)");
    d.h.app->syncWindow().openConflicts();
    d.h.frames(2);
    CHECK(d.h.has("conflicts.0.flip"));
    d.h.click(d.h.widget("conflicts.0.flip").centre());
    CHECK(d.h.project().tasks[4].name == "Copy (here)");
    CHECK(d.sync().conflicts().empty());
    d.wait(3000);
    CHECK(server.read(url).tasks[4].name == "Copy (here)"); // the flip is an edit, synced as any
}

TEST_CASE("sync in the app: credentials stay in this browser's sync area, never in the plan, its exports or its storage; reopening keeps the connection and the base") {
    test::DavServer server;
    std::string id;
    {
        Device d("sync-secret", server);
        d.connect();
        id = d.h.app->openId();
        d.h.app->exportJson();
        d.h.app->exportCsv();
        for (const auto& [name, content] : d.h.host.downloads) CHECK(content.find("pw-that-stays-here") == std::string::npos);
        for (const auto& e : std::filesystem::recursive_directory_iterator(d.h.dir_)) {
            if (!e.is_regular_file()) continue;
            std::ifstream in(e.path());
            const std::string text((std::istreambuf_iterator<char>(in)), {});
            const bool secret = text.find("pw-that-stays-here") != std::string::npos;
            CHECK_MESSAGE(secret == (e.path().parent_path().filename() == "sync"), e.path().string());
        }
        for (const auto& [url, file] : server.files) CHECK(file.body.find("pw-that-stays-here") == std::string::npos);
        // Restart the app on the same storage (the harness keeps its folder while it lives).
        const int gets = server.gets, puts = server.puts;
        d.h.app = std::make_unique<App>(d.h.host);
        d.h.frames(1);
        d.h.app->start();
        d.h.frames(3);
        REQUIRE(d.h.app->openId() == id);
        CHECK(d.sync().connected());
        d.wait(1000);
        INFO(d.sync().statusJson());
        CHECK(d.sentence() == "Synced just now");
        CHECK(server.gets - gets == 2); // the plan: a 304; the list of plans: read, already right
        CHECK(server.puts == puts);
        CHECK(d.sync().stats().parsed == 0);
    }
}

TEST_CASE("sync in the app: a plan from a newer Plotline on the server makes this device read-only for it, and nothing is merged") {
    test::DavServer server;
    Device d("sync-newer", server);
    d.connect();
    const std::string url = d.url();
    std::string json = writeProjectJson(server.read(url), false);
    const std::string key = "\"schemaVersion\":" + std::to_string(kSchemaVersion);
    REQUIRE(json.find(key) != std::string::npos);
    json.replace(json.find(key), key.size(), "\"schemaVersion\":" + std::to_string(kSchemaVersion + 1));
    server.files[url].body = seal(json, {9, d.h.host.fakeNow, "x", 1, 0});
    server.files[url].version += 1;
    server.files[url].writtenAt = d.h.host.fakeNow - 5000;
    const Project mine = d.h.project();
    d.sync().syncNow();
    d.wait(1000);
    CHECK(d.h.app->readOnly());
    CHECK(d.h.app->readOnlyReason().find("newer Plotline") != std::string::npos);
    CHECK(d.sentence() == "Read-only: the server has this plan from a newer Plotline");
    CHECK(d.h.project() == mine);
}
