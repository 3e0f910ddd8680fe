// The sync engine's decisions, round by round, against an in-memory server that behaves as Apache's
// mod_dav was measured to (docs/architecture.md: no tag on PUT, weak tags within a second of a write,
// strong If-Match) and lets a test write between two requests, damage a body or ignore conditions as
// nginx does. The real servers are exercised by the browser tests; this is where faults are injected.
#include "core/commands.hpp"
#include "core/json_io.hpp"
#include "core/sealed.hpp"
#include "core/sync.hpp"
#include "dav_server.hpp"
#include "helpers.hpp"

#include <functional>
#include <map>

using namespace plotline;
using namespace plotline::test;

namespace {

const std::string kUrl = "http://dav.test/plans/launch.plotline";

// One device: its document and what it last synced.
struct Device {
    Document doc;
    std::optional<SyncBase> base;
    int requests = 0;
    SyncStep last;
    std::vector<MergeConflict> conflicts;
    explicit Device(Project p) : doc(std::move(p), [] { static Stamp t = 1000; return t += 10; }) {}

    // A whole round against the server, the clock moving with each request and wait.
    SyncStep sync(DavServer& server, Stamp& clock) {
        ProjectSync s(kUrl, base);
        SyncStep step = s.start(doc.project(), clock);
        requests = 0;
        conflicts.clear();
        while (step.request) {
            REQUIRE(++requests < 30);
            clock += step.waitMs + 5;
            const HttpResponse r = server.handle(*step.request, clock);
            clock += 5;
            step = s.onResponse(r, doc.project(), clock);
            if (step.merged) doc.applyExternal(*step.merged, "Merge from the server");
            conflicts.insert(conflicts.end(), step.conflicts.begin(), step.conflicts.end());
        }
        base = s.base();
        last = step;
        return step;
    }
};

Project plan() {
    Project p = project("2026-03-02");
    addTask(p, "Brief", 2 * DAY);
    addTask(p, "Design", 5 * DAY);
    addTask(p, "Build", 8 * DAY);
    link(p, p.tasks[0], p.tasks[1]);
    return p;
}

void edit(Device& d, size_t row, const std::function<void(Task&)>& change) {
    Task t = d.doc.project().tasks[row];
    change(t);
    REQUIRE(d.doc.execute(editTask(t)));
}

} // namespace

TEST_CASE("sync: the first device creates the plan on the server; an unchanged poll is one 304 and parses nothing") {
    DavServer server;
    Stamp clock = 10000;
    Device laptop(plan());
    SyncStep s = laptop.sync(server, clock);
    CHECK(s.synced);
    CHECK(s.error.empty());
    CHECK(server.puts == 1);
    CHECK(server.read(kUrl) == laptop.doc.project());
    REQUIRE(laptop.base);
    CHECK(laptop.base->etag == "W/\"1\""); // read back right after the write: weak, but fine for polling

    clock += 60000;
    server.gets = server.puts = 0;
    ProjectSync poll(kUrl, laptop.base);
    SyncStep step = poll.start(laptop.doc.project(), clock);
    const HttpResponse r = server.handle(*step.request, clock);
    CHECK(r.status == 304);
    step = poll.onResponse(r, laptop.doc.project(), clock);
    CHECK(step.synced);
    CHECK_FALSE(step.request);
    CHECK(poll.parsed() == 0);
    CHECK(poll.base()->etag == "\"1\""); // the tag turned strong
}

TEST_CASE("sync: two devices edit offline; both end with every edit, and a conflict is reported to the one that merged it") {
    DavServer server;
    Stamp clock = 10000;
    Device laptop(plan());
    laptop.sync(server, clock);
    Device office(server.read(kUrl));
    office.base = laptop.base;
    clock += 5000;
    // Offline: different fields of one task, and the same field of another.
    edit(laptop, 1, [](Task& t) { t.name = "Design system"; });
    edit(office, 1, [](Task& t) { t.duration = 6 * DAY; });
    edit(laptop, 2, [](Task& t) { t.duration = 9 * DAY; });
    edit(office, 2, [](Task& t) { t.duration = 10 * DAY; }); // later
    CHECK(laptop.sync(server, clock).synced);
    clock += 3000;
    CHECK(office.sync(server, clock).synced);
    REQUIRE(office.conflicts.size() == 1);
    CHECK(office.conflicts[0].field == "duration");
    clock += 3000;
    CHECK(laptop.sync(server, clock).synced); // picks up the office's merge; nothing to send back
    for (const Device* d : {&laptop, &office}) {
        const Project& p = d->doc.project();
        CHECK(p.tasks[1].name == "Design system");
        CHECK(p.tasks[1].duration == 6 * DAY);
        CHECK(p.tasks[2].duration == 10 * DAY);
    }
    CHECK(writeProjectJson(laptop.doc.project()) == writeProjectJson(office.doc.project()));
    CHECK(server.read(kUrl) == office.doc.project());
}

TEST_CASE("sync: a write between this device's read and write (412) is merged, not overwritten") {
    DavServer server;
    Stamp clock = 10000;
    Device laptop(plan());
    laptop.sync(server, clock);
    clock += 5000;
    Project other = server.read(kUrl);
    other.tasks[0].notes = "Client workshop on Monday";
    other.tasks[0].modified = 5;
    edit(laptop, 2, [](Task& t) { t.name = "Build and QA"; });
    // Just before the laptop's PUT lands, another device writes.
    bool raced = false;
    server.before = [&](DavServer& s) {
        s.before = [&](DavServer& s2) { s2.write(kUrl, other, clock); raced = true; };
    };
    const SyncStep s = laptop.sync(server, clock);
    CHECK(raced);
    CHECK(s.synced);
    const Project on = server.read(kUrl);
    CHECK(on.tasks[0].notes == "Client workshop on Monday");
    CHECK(on.tasks[2].name == "Build and QA");
    CHECK(laptop.doc.project().tasks[0].notes == "Client workshop on Monday");
}

TEST_CASE("sync: a version written over ours between our write and its read-back is merged, not taken for ours") {
    DavServer server;
    Stamp clock = 10000;
    Device laptop(plan());
    laptop.sync(server, clock);
    clock += 5000;
    edit(laptop, 0, [](Task& t) { t.name = "Brief and goals"; });
    int request = 0;
    std::function<void(DavServer&)> count = [&](DavServer& s) {
        if (++request == 3) { // before the read-back that follows our PUT: another device builds on our version
            Project other = s.read(kUrl);
            other.tasks[1].notes = "Moodboard approved";
            other.tasks[1].modified = 5;
            s.write(kUrl, other, clock);
        } else s.before = count;
    };
    server.before = count;
    CHECK(laptop.sync(server, clock).synced);
    CHECK(request == 3);
    CHECK(laptop.doc.project().tasks[1].notes == "Moodboard approved");
    CHECK(server.read(kUrl).tasks[0].name == "Brief and goals");
    CHECK(server.read(kUrl).tasks[1].notes == "Moodboard approved");
}

TEST_CASE("sync: a write right after another waits for the server's tag to turn strong") {
    DavServer server;
    Stamp clock = 10000;
    Device laptop(plan());
    laptop.sync(server, clock);
    edit(laptop, 0, [](Task& t) { t.percentComplete = 50; });
    const SyncStep s = laptop.sync(server, clock); // within the second of the first write
    CHECK(s.synced);
    CHECK(server.read(kUrl).tasks[0].percentComplete == 50);
    CHECK(laptop.requests >= 3); // a 304 on the weak tag, a wait and another read, then the write
}

TEST_CASE("sync: a damaged copy on the server is set aside; offline and refused sign-ins say so; nothing local is lost") {
    DavServer server;
    Stamp clock = 10000;
    Device laptop(plan());
    laptop.sync(server, clock);
    Device office(plan());
    office.base = laptop.base;
    clock += 5000;
    laptop.doc.execute(editTask([&] { Task t = laptop.doc.project().tasks[0]; t.name = "Brief v2"; return t; }()));
    laptop.sync(server, clock);
    server.damage = true;
    edit(office, 1, [](Task& t) { t.notes = "Mine"; });
    const Project before = office.doc.project();
    const std::optional<SyncBase> baseBefore = office.base;
    const SyncStep s = office.sync(server, clock);
    CHECK_FALSE(s.synced);
    CHECK(s.error.find("damaged") != std::string::npos);
    CHECK(office.doc.project() == before);
    CHECK(office.base == baseBefore); // the next round starts from the same place

    ProjectSync offline(kUrl, office.base);
    SyncStep step = offline.start(office.doc.project(), clock);
    step = offline.onResponse({0, "", "", "Failed to fetch"}, office.doc.project(), clock);
    CHECK(step.error == "Offline: Failed to fetch");
    step = offline.start(office.doc.project(), clock);
    step = offline.onResponse({401, "", "", ""}, office.doc.project(), clock);
    CHECK(step.error == "Server refused the sign-in (401): check Project > Sync");
    CHECK(office.doc.project() == before);
}

TEST_CASE("sync: connecting probes the server; one that ignores conditional writes is named unsafe") {
    auto probe = [](DavServer& server, int refuseWith = 0) {
        ServerProbe p("http://dav.test/plans", 1234);
        for (auto q = p.next(); q; q = p.next()) p.onResponse(refuseWith ? HttpResponse{refuseWith, "", "", ""} : server.handle(*q, 5000));
        return p;
    };
    DavServer apache;
    ServerProbe p = probe(apache);
    CHECK(p.ok());
    CHECK(p.verdict() == "Connected: the server keeps conditional writes");
    CHECK(apache.files.empty()); // the scratch file is cleaned up
    CHECK(apache.puts == 3);

    DavServer nginx;
    nginx.unsafe = true;
    p = probe(nginx);
    CHECK_FALSE(p.ok());
    CHECK(p.verdict().rfind("Unsafe server: it replaced a file", 0) == 0);
    CHECK(nginx.files.empty());

    DavServer any;
    CHECK(probe(any, 401).verdict() == "Server refused the sign-in (401): check the token or user and password");
    CHECK(probe(any, 405).verdict() == "The server does not take PUT (405): not WebDAV?");
    ServerProbe offline("http://dav.test/plans/", 1);
    REQUIRE(offline.next());
    offline.onResponse({0, "", "", "Failed to fetch"});
    CHECK(offline.done());
    CHECK(offline.verdict().rfind("Cannot reach the server (Failed to fetch)", 0) == 0);
}
