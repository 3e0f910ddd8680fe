// Published links natively: the producer's app publishes through its sync connection to the in-memory
// WebDAV twin (tests/unit/dav_server.hpp), a client's app opens the link from the same server with no
// sign-in; live republishing, revoking, expiry and a changed stored view. Real servers and browsers:
// tests/browser/viewer.test.mjs.
#include "../unit/dav_server.hpp"
#include "core/view_link.hpp"
#include "ui_harness.hpp"
#include "../unit/helpers.hpp"

using namespace plotline;
using namespace plotline::ui_test;
using plotline::test::d;

namespace {

const std::string kBase = "http://127.0.0.1:8080/plans/";

nlohmann::json status(Harness& h) { return nlohmann::json::parse(h.app->statusJson()); }

struct Producer {
    Harness h{"published-producer"};
    test::DavServer& server;
    explicit Producer(test::DavServer& s) : server(s) {
        h.host.network = [this](const HttpRequest& q, std::function<void(HttpResponse)> done) {
            // The producer signs in: every request carries it.
            CHECK(test::DavServer::header(q, "Authorization").rfind("Basic ", 0) == 0);
            done(server.handle(q, h.host.fakeNow));
        };
        h.start();
        std::optional<bool> ok;
        h.app->sync().connect({RemoteKind::WebDav, kBase, {"", "ann", "secret"}}, [&](bool good, const std::string&) { ok = good; });
        REQUIRE(ok.value_or(false));
        wait(3000);
    }
    void wait(Stamp ms) {
        for (Stamp t = 0; t < ms; t += 250) {
            h.host.fakeNow += 250;
            h.frames(1);
        }
    }
};

struct Client {
    Harness h{"published-client"};
    explicit Client(test::DavServer& server, const std::string& link, Stamp now) {
        h.host.fakeNow = now;
        h.host.network = [this, &server](const HttpRequest& q, std::function<void(HttpResponse)> done) {
            CHECK(test::DavServer::header(q, "Authorization").empty()); // a client never signs in
            CHECK(q.method == "GET");
            done(server.handle(q, h.host.fakeNow));
        };
        h.startViewer(link);
    }
    void wait(Stamp ms) {
        for (Stamp t = 0; t < ms; t += 1000) {
            h.host.fakeNow += 1000;
            h.frames(1);
        }
    }
};

} // namespace

TEST_CASE("published link: sealed on the server, opened by a client without signing in, live after each sync, withdrawn once revoked") {
    test::DavServer server;
    Producer p(server);
    auto& shares = p.h.app->shares();
    shares.publish(ShareOptions{}, true, std::nullopt, d("2026-11-20"), *p.h.app->sync().connection());
    p.h.frames(2);
    REQUIRE(shares.list().size() == 1);
    const PublishedShare s = shares.list()[0];
    CHECK(s.published > 0);
    CHECK(s.error.empty());
    // Stored sealed: the server has bytes without the plan's name, under a name nobody guesses.
    REQUIRE(server.files.count(s.url) == 1);
    const std::string stored = server.files[s.url].body;
    CHECK(stored.rfind("PLV1", 0) == 0);
    CHECK(stored.find("Aurora") == std::string::npos);
    CHECK(stored.find("Discovery") == std::string::npos);
    CHECK(s.url.rfind(kBase + "view-", 0) == 0);
    CHECK(s.url.size() >= kBase.size() + 5 + 22);
    const std::string link = shares.link(0);
    CHECK(link.rfind("http://127.0.0.1:8080/#share=1.", 0) == 0);
    CHECK(link.find("view-") == std::string::npos); // the address is in the link only encoded

    Client c(server, link, p.h.host.fakeNow);
    auto v = status(c.h);
    REQUIRE_MESSAGE(v["viewer"]["state"] == "shown", v["viewer"].dump());
    CHECK(v["viewer"]["published"] == true);
    CHECK(c.h.app->document().project().tasks.size() == p.h.project().tasks.size() - 2);
    const uint64_t first = v["viewer"]["version"];

    // The producer renames a task; the sync after it republishes; the client's view follows within 30 s.
    Task t = p.h.project().tasks[1];
    t.name = "Kick-off, moved to the client's office";
    REQUIRE(p.h.app->document().execute(editTask(t)));
    p.wait(6000);
    CHECK(shares.list()[0].published > s.published);
    c.wait(31000);
    v = status(c.h);
    CHECK(v["viewer"]["version"] > first);
    CHECK(c.h.app->document().project().tasks[1].name == "Kick-off, moved to the client's office");

    // Offline: a link opened once shows the copy kept from then, and says it is not up to date.
    {
        Harness h("published-offline-copy");
        h.host.fakeNow = p.h.host.fakeNow;
        h.host.network = [&](const HttpRequest& q, std::function<void(HttpResponse)> done) { done(server.handle(q, h.host.fakeNow)); };
        h.startViewer(link);
        REQUIRE(status(h)["viewer"]["state"] == "shown");
        h.host.network = [](const HttpRequest&, std::function<void(HttpResponse)> done) { done(HttpResponse{0, "", "", "this device is offline"}); };
        h.startViewer(link); // the page opened again, with no network
        const auto o = status(h);
        REQUIRE(o["viewer"]["state"] == "shown");
        CHECK(o["viewer"]["stale"] == "Not updated: this device is offline");
        CHECK(h.app->document().project().tasks[1].name == "Kick-off, moved to the client's office");
        CHECK(h.app->library().projects().empty());
    }

    // Revoke: gone from the server; the client's next read says so, and nothing of it stays.
    shares.revoke(0, *p.h.app->sync().connection());
    p.h.frames(2);
    CHECK(shares.list().empty());
    CHECK(server.files.count(s.url) == 0);
    c.wait(31000);
    v = status(c.h);
    CHECK(v["viewer"]["state"] == "failed");
    CHECK(v["viewer"]["error"] == linkText::kWithdrawn);
    CHECK(c.h.app->document().project().tasks.empty());
    Client again(server, link, p.h.host.fakeNow);
    CHECK(status(again.h)["viewer"]["error"] == linkText::kWithdrawn);
}

TEST_CASE("published link: a stored view changed on the server, an expired view and a server that does not answer each get one sentence") {
    test::DavServer server;
    Producer p(server);
    auto& shares = p.h.app->shares();
    const Connection conn = *p.h.app->sync().connection();
    shares.publish(ShareOptions{}, false, std::nullopt, d("2026-11-20"), conn);
    p.h.frames(2);
    const std::string link = shares.link(0), url = shares.list()[0].url;

    // Tampered: one byte of the ciphertext changed.
    server.files[url].body[40] ^= 0x01;
    {
        Client c(server, link, p.h.host.fakeNow);
        CHECK(status(c.h)["viewer"]["error"] == linkText::kTampered);
    }
    // From a newer Plotline.
    server.files[url].body[3] = '2';
    {
        Client c(server, link, p.h.host.fakeNow);
        CHECK(status(c.h)["viewer"]["error"] == linkText::kNewer);
    }
    // Unreachable: nothing answers.
    {
        Harness h("published-offline");
        h.host.network = [](const HttpRequest&, std::function<void(HttpResponse)> done) { done(HttpResponse{0, "", "", "this device is offline"}); };
        h.startViewer(link);
        CHECK(status(h)["viewer"]["error"] == unreachableText("this device is offline"));
    }
    // Expired: the viewer refuses it, and the producer's next sync deletes it from the server.
    shares.publish(ShareOptions{}, true, d("2026-11-01"), d("2026-11-20"), conn);
    p.h.frames(2);
    const std::string expiredLink = shares.link(0), expiredUrl = shares.list()[0].url;
    REQUIRE(server.files.count(expiredUrl) == 1);
    {
        Client c(server, expiredLink, p.h.host.fakeNow);
        CHECK(status(c.h)["viewer"]["error"] == expiredText(d("2026-11-01")));
    }
    p.h.app->sync().syncNow();
    p.wait(3000);
    CHECK(server.files.count(expiredUrl) == 0);
    CHECK(shares.list().size() == 1); // the other one stays
}
