// The sync engine (core/sync.hpp) against real servers on 127.0.0.1: Apache's mod_dav, which keeps
// conditional writes, and nginx's dav module, which does not and must be refused by the probe. The
// engine's requests go through curl; waits are real (Apache's weak tags last a second).
#include <doctest/doctest.h>

#include "core/commands.hpp"
#include "core/json_io.hpp"
#include "core/sealed.hpp"
#include "core/synthetic.hpp"
#include "servers.hpp"

using namespace cli_test;
using namespace plotline;

namespace {

Stamp nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// One device: a document and the base it last synced, performing whole rounds over HTTP.
struct Device {
    Document doc;
    std::optional<SyncBase> base;
    std::vector<MergeConflict> conflicts;
    int requests = 0;
    explicit Device(Project p) : doc(std::move(p), nowMs) {}
    SyncStep sync(const std::string& url, const Scratch& s) {
        ProjectSync sync(url, base);
        SyncStep step = sync.start(doc.project(), nowMs());
        requests = 0;
        while (step.request) {
            REQUIRE(++requests < 30);
            if (step.waitMs) std::this_thread::sleep_for(std::chrono::milliseconds(step.waitMs));
            step = sync.onResponse(perform(*step.request, s), doc.project(), nowMs());
            if (step.merged) doc.applyExternal(*step.merged, "Merge from the server");
            conflicts.insert(conflicts.end(), step.conflicts.begin(), step.conflicts.end());
        }
        base = sync.base();
        return step;
    }
    void edit(size_t row, const std::function<void(Task&)>& change) {
        Task t = doc.project().tasks[row];
        change(t);
        REQUIRE(doc.execute(editTask(t)));
    }
};

Project onServer(const std::string& url, const Scratch& s) {
    const HttpResponse r = perform({"GET", url, {}, {}}, s);
    REQUIRE(r.status == 200);
    const Result<Sealed> v = unseal(r.body);
    REQUIRE(v.ok());
    Result<Project> p = readProjectJson(v->body);
    REQUIRE(p.ok());
    return *p;
}

// Connecting to a server, as the Sync window does.
ServerProbe probed(const std::string& base, const Scratch& s) {
    ServerProbe probe(base, nowMs());
    for (auto q = probe.next(); q; q = probe.next()) probe.onResponse(perform(*q, s));
    return probe;
}

} // namespace

TEST_CASE("sync against Apache mod_dav: the probe accepts it; two devices' offline edits both reach both") {
    ApacheDav apache;
    REQUIRE_MESSAGE(apache.started, slurp(apache.dir / "start.log") << slurp(apache.dir / "error.log"));
    Scratch s;
    const ServerProbe probe = probed(apache.base(), s);
    CHECK(probe.ok());
    CHECK(probe.verdict() == "Connected: the server keeps conditional writes");

    const std::string url = apache.base() + "launch.plotline";
    Device laptop(syntheticProject(60, 5));
    SyncStep step = laptop.sync(url, s);
    REQUIRE_MESSAGE(step.synced, step.error);
    Device office(onServer(url, s));
    office.base = laptop.base;

    // Offline on both: another field of one task, and the same field of another (the office's later).
    laptop.edit(3, [](Task& t) { t.name = "Renamed on the laptop"; });
    office.edit(3, [](Task& t) { t.notes = "Noted at the office"; });
    laptop.edit(5, [](Task& t) { t.percentComplete = 40; });
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    office.edit(5, [](Task& t) { t.percentComplete = 60; });

    step = laptop.sync(url, s); // right after its first write: the tag is weak, so it waits a second
    REQUIRE_MESSAGE(step.synced, step.error);
    step = office.sync(url, s); // finds the laptop's version: merges, writes the merge
    REQUIRE_MESSAGE(step.synced, step.error);
    CHECK(office.conflicts.size() == 1);
    step = laptop.sync(url, s); // takes the merge; nothing to send back
    REQUIRE_MESSAGE(step.synced, step.error);
    for (Device* d : {&laptop, &office}) {
        const Task& t3 = d->doc.project().tasks[3];
        CHECK(t3.name == "Renamed on the laptop");
        CHECK(t3.notes == "Noted at the office");
        CHECK(d->doc.project().tasks[5].percentComplete == 60);
    }
    CHECK(writeProjectJson(laptop.doc.project()) == writeProjectJson(office.doc.project()));
    CHECK(writeProjectJson(onServer(url, s)) == writeProjectJson(office.doc.project()));

    // A poll that finds nothing new: one request, a 304.
    ProjectSync poll(url, laptop.base);
    SyncStep first = poll.start(laptop.doc.project(), nowMs());
    const HttpResponse r = perform(*first.request, s);
    CHECK(r.status == 304);
    CHECK(poll.onResponse(r, laptop.doc.project(), nowMs()).synced);
    CHECK(poll.parsed() == 0);
}

TEST_CASE("sync against nginx's dav module: the probe names it unsafe and leaves nothing behind") {
    NginxDav nginx;
    REQUIRE_MESSAGE(nginx.started, slurp(nginx.dir / "start.log") << slurp(nginx.dir / "error.log"));
    Scratch s;
    const ServerProbe probe = probed(nginx.base(), s);
    CHECK_FALSE(probe.ok());
    CHECK(probe.verdict().rfind("Unsafe server", 0) == 0);
    CHECK(fs::is_empty(nginx.dir / "www/plans"));
}
