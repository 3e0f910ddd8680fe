// The server adapters and the library resource: each adapter maps the sync contract to its server
// and back, so the engine syncs through any of them unchanged. Here against in-memory servers that
// answer as Apache mod_dav and pouchdb-server were measured to; the real servers run in the CLI and
// browser tests.
#include "core/commands.hpp"
#include "core/json_dom.hpp"
#include "dav_server.hpp"
#include "helpers.hpp"
#include "platform/remote/remote.hpp"

#include <utility>

using namespace plotline;
using namespace plotline::test;

namespace {

// pouchdb-server as measured: a document's _rev only in the body, an Express W/ ETag on GET that is
// no revision, If-None-Match ignored, 409 for a missing or stale _rev, 201 {"ok","id","rev"} on PUT.
struct CouchServer {
    struct Doc { std::string text; int rev = 0; };
    std::map<std::string, Doc> docs;
    std::function<void(CouchServer&)> before;
    int gets = 0, puts = 0;
    static std::string rev(const Doc& d) { return std::to_string(d.rev) + "-" + std::string(32, char('a' + d.rev % 6)); }

    HttpResponse handle(const HttpRequest& q) {
        if (before) {
            auto f = std::move(before);
            before = nullptr;
            f(*this);
        }
        auto it = docs.find(q.url);
        if (q.method == "GET") {
            ++gets;
            if (it == docs.end()) return {404, "", "{\"error\":\"not_found\"}", ""};
            std::string body = "{\"text\":";
            appendJsonString(body, it->second.text);
            return {200, "W/\"48-express\"", body + ",\"_id\":\"x\",\"_rev\":\"" + rev(it->second) + "\"}", ""};
        }
        if (q.method == "DELETE") return {409, "", "{}", ""};
        ++puts;
        JsonDoc d;
        REQUIRE(d.parse(q.body));
        const std::string_view given = d.root()["_rev"].str();
        // pouchdb-server takes a _rev that is no revision at all ("abc") as if none were given: a write.
        const bool revision = given.find('-') != std::string_view::npos && std::isdigit(uint8_t(given.front()));
        if (revision && (it == docs.end() || given != rev(it->second))) return {409, "", "{\"error\":\"conflict\"}", ""};
        if (!revision && !given.empty() && it == docs.end()) return {409, "", "{\"error\":\"conflict\"}", ""};
        if (given.empty() && it != docs.end()) return {409, "", "{\"error\":\"conflict\"}", ""};
        Doc& doc = docs[q.url];
        doc.text = std::string(d.root()["text"].str());
        doc.rev += 1;
        return {201, "\"" + rev(doc) + "\"", "{\"ok\":true,\"id\":\"x\",\"rev\":\"" + rev(doc) + "\"}", ""};
    }
};

// One device syncing a project through an adapter.
struct Device {
    Document doc;
    std::optional<SyncBase> base;
    int requests = 0, parsed = 0;
    explicit Device(Project p) : doc(std::move(p), [] { static Stamp t = 1000; return t += 10; }) {}

    template <class Server> SyncStep sync(const RemoteAdapter& a, const std::string& url, Server& server, Stamp& clock) {
        ProjectSync s(url, base);
        SyncStep step = s.start(doc.project(), clock);
        requests = 0;
        while (step.request) {
            REQUIRE(++requests < 30);
            clock += step.waitMs + 5;
            const HttpRequest q = a.toServer(*step.request);
            step = s.onResponse(a.fromServer(*step.request, server.handle(q)), doc.project(), clock);
            if (step.merged) doc.applyExternal(*step.merged, "Merge from the server");
        }
        base = s.base();
        parsed = s.parsed();
        return step;
    }
};

Project plan() {
    Project p = project("2026-03-02");
    addTask(p, "Brief", 2 * DAY);
    addTask(p, "Design", 5 * DAY);
    return p;
}

void rename(Device& d, size_t row, const std::string& name) {
    Task t = d.doc.project().tasks[row];
    t.name = name;
    REQUIRE(d.doc.execute(editTask(t)));
}

std::string headerOf(const HttpRequest& q, const std::string& name) {
    for (const auto& [k, v] : q.headers)
        if (k == name) return v;
    return "";
}

} // namespace

TEST_CASE("remote: only https, or http to this machine; credentials never in the address") {
    CHECK(checkBaseUrl("https://dav.example.com/plans/") == "");
    CHECK(checkBaseUrl("http://localhost:8080/plans") == "");
    CHECK(checkBaseUrl("http://127.0.0.1:5984/plans/") == "");
    CHECK(checkBaseUrl("http://[::1]:80/x/") == "");
    CHECK(checkBaseUrl("http://dav.example.com/plans/").find("unencrypted") != std::string::npos);
    CHECK(checkBaseUrl("http://127.0.0.1.evil.example/").find("unencrypted") != std::string::npos);
    CHECK(checkBaseUrl("http://localhost@evil.example/").find("user and password") != std::string::npos);
    CHECK(checkBaseUrl("ftp://x/") != "");
    CHECK(checkBaseUrl("") != "");
    CHECK(normaliseBase(" https://a.example/plans ") == "https://a.example/plans/");
}

TEST_CASE("remote: a connection keeps its kind, address and credentials; the header carries them") {
    const Connection c{RemoteKind::CouchDb, "https://couch.example/plans/", {"", "ann", "s3cr\"t"}};
    const auto back = readConnection(connectionJson(c));
    REQUIRE(back);
    CHECK(*back == c);
    CHECK(authorization(c.auth) == "Basic " + base64("ann:s3cr\"t"));
    CHECK(base64("ann:pw") == "YW5uOnB3");
    CHECK(authorization({"tok", "", ""}) == "Bearer tok");
    CHECK(authorization({}) == "");
    CHECK_FALSE(readConnection("{\"kind\":\"webdav\"}"));
}

TEST_CASE("remote: WebDAV keeps the contract, adds the credentials and compresses project bodies only") {
    auto a = makeAdapter({RemoteKind::WebDav, "https://dav.example/plans", {"tok", "", ""}});
    CHECK(a->projectUrl("abc") == "https://dav.example/plans/abc.plotline");
    CHECK(a->libraryUrl() == "https://dav.example/plans/plotline-library.json");
    const HttpRequest put{"PUT", a->projectUrl("abc"), {{"If-Match", "\"7\""}}, "body"};
    const HttpRequest q = a->toServer(put);
    CHECK(q.gzip);
    CHECK(headerOf(q, "If-Match") == "\"7\"");
    CHECK(headerOf(q, "Authorization") == "Bearer tok");
    CHECK_FALSE(a->toServer({"PUT", a->libraryUrl(), {}, "{}"}).gzip);
    CHECK_FALSE(a->toServer({"GET", a->projectUrl("abc"), {}, ""}).gzip);
}

TEST_CASE("remote: through the CouchDB adapter, two devices' offline edits both reach both; a stale write is the contract's 412") {
    auto a = makeAdapter({RemoteKind::CouchDb, "http://127.0.0.1:5984/plans/", {}});
    const std::string url = a->projectUrl("launch");
    CHECK(url == "http://127.0.0.1:5984/plans/launch");
    CouchServer server;
    Stamp clock = 10000;
    Device laptop(plan());
    CHECK(laptop.sync(*a, url, server, clock).synced);
    REQUIRE(laptop.base);
    CHECK(laptop.base->etag == "\"1-" + std::string(32, 'b') + "\""); // the _rev, not Express's tag

    // A poll of an unchanged plan: the adapter answers 304 from the document's _rev.
    const int puts = server.puts;
    CHECK(laptop.sync(*a, url, server, clock).synced);
    CHECK(laptop.requests == 1);
    CHECK(laptop.parsed == 0);
    CHECK(server.puts == puts);

    Project empty; // a second device opening the plan: the id from the server's list, nothing else yet
    empty.id = laptop.doc.project().id;
    Device desktop(empty);
    CHECK(desktop.sync(*a, url, server, clock).synced);
    CHECK(desktop.doc.project().tasks.size() == 2);

    rename(laptop, 0, "Brief (laptop)");
    rename(desktop, 1, "Design (desktop)");
    const SyncStep after = laptop.sync(*a, url, server, clock);
    CHECK_MESSAGE(after.synced, after.error);
    // The desktop writes with a stale _rev: CouchDB's 409 is read as 412; it reads, merges, writes.
    CHECK(desktop.sync(*a, url, server, clock).synced);
    CHECK(laptop.sync(*a, url, server, clock).synced);
    for (Device* d : {&laptop, &desktop}) {
        CHECK(d->doc.project().tasks[0].name == "Brief (laptop)");
        CHECK(d->doc.project().tasks[1].name == "Design (desktop)");
    }
}

TEST_CASE("remote: the probe refuses nothing on CouchDB that keeps revisions (a made-up tag is a revision no document has)") {
    auto a = makeAdapter({RemoteKind::CouchDb, "http://127.0.0.1:5984/plans/", {}});
    CouchServer server;
    ServerProbe probe("http://127.0.0.1:5984/plans/", 42);
    for (auto q = probe.next(); q; q = probe.next()) probe.onResponse(a->fromServer(*q, server.handle(a->toServer(*q))));
    CHECK(probe.ok());
    CHECK(probe.verdict() == "Connected: the server keeps conditional writes");
}

TEST_CASE("remote: the library resource lists every device's plans, written with conditional writes through a competing write") {
    DavServer server;
    Stamp clock = 5000;
    const std::string url = "http://dav.test/plans/plotline-library.json";
    // A whole update; `between` runs once, after the first answer (another device writing meanwhile).
    auto run = [&](LibraryUpdate& u, std::function<void()> between = {}) {
        SyncStep s = u.start();
        int n = 0;
        while (s.request) {
            REQUIRE(++n < 30);
            clock += s.waitMs + 5;
            s = u.onResponse(server.handle(*s.request, clock));
            if (between) std::exchange(between, nullptr)();
        }
        return s;
    };
    LibraryUpdate first(url, {{"a", "Launch", 100, 12}});
    CHECK(run(first).synced);
    clock += 2000;
    // Between the second device's read and its write, a third adds its plan: the write is refused
    // (412), the list read again (its tag weak for a second: waited out) and the write redone.
    LibraryUpdate second(url, {{"b", "Brand film", 200, 30}, {"a", "Launch (renamed)", 400, 13}});
    const int putsBefore = server.puts;
    CHECK(run(second, [&] {
              LibraryUpdate third(url, {{"c", "Catalogue", 300, 5}});
              CHECK(run(third).synced);
          }).synced);
    CHECK(server.puts - putsBefore == 3); // the third's, the refused one, the redone one
    const Result<std::vector<RemotePlan>> list = readRemoteLibrary(server.files.at(url).body);
    REQUIRE(list.ok());
    REQUIRE(list->size() == 3);
    CHECK((*list)[0] == RemotePlan{"a", "Launch (renamed)", 400, 13});
    CHECK((*list)[1].id == "c");
    CHECK((*list)[2].id == "b");
    // An older entry does not replace a newer one; nothing changed is not written.
    const int puts = server.puts;
    LibraryUpdate stale(url, {{"a", "Launch", 100, 12}});
    clock += 2000;
    CHECK(run(stale).synced);
    CHECK(server.puts == puts);
}

TEST_CASE("remote: a list of plans that does not read is an error; entries that are no plan ids are skipped") {
    CHECK_FALSE(readRemoteLibrary("<html>").ok());
    CHECK_FALSE(readRemoteLibrary("{\"x\":1}").ok());
    const auto l = readRemoteLibrary(R"({"plans":[{"id":"../etc","name":"x"},{"id":"ok","name":"Fine","tasks":-4}]})");
    REQUIRE(l.ok());
    REQUIRE(l->size() == 1);
    CHECK(l->at(0).tasks == 0);
}
