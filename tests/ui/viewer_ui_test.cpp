// Client views opened from a link, natively: the producer's Share window makes the link (real gzip),
// a fresh app opens it as the client would: read-only in the core, nothing written to a library, and
// one clear sentence for a link that is cut or changed.
#include "ui_harness.hpp"

#include "core/client_view.hpp"
#include "core/files.hpp"
#include "core/json_io.hpp"
#include "core/view_link.hpp"
#include "platform/native/codec.hpp"

#include <filesystem>

using namespace plotline;
using namespace plotline::ui_test;

namespace {

// The self-contained link of the sample with the Share window's defaults.
std::string sampleLink(Project* plan = nullptr) {
    Harness h("viewer-producer");
    h.start();
    h.click(h.widget("toolbar.share").centre());
    h.frames(2);
    REQUIRE(h.has("share.copyLink"));
    if (plan) *plan = h.project();
    const std::string link = textOf("share.copyLink");
    CHECK(link.rfind("http://127.0.0.1:8080/#view=1.", 0) == 0);
    CHECK(link.size() <= kMaxLinkChars);
    CHECK(textOf("share.linkSize") == std::to_string(link.size()) + " characters");
    return link;
}

size_t filesUnder(const std::filesystem::path& dir) {
    size_t n = 0;
    for (auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file()) ++n;
    return n;
}

} // namespace

TEST_CASE("viewer: a self-contained link opens the view read-only; no command, key or click changes it; nothing is stored") {
    Project plan;
    const std::string link = sampleLink(&plan);
    MESSAGE("the sample's self-contained link: " << link.size() << " characters");

    Harness h("viewer-client");
    h.startViewer(link);
    const auto status = nlohmann::json::parse(h.app->statusJson());
    REQUIRE(status["viewer"]["state"] == "shown");
    CHECK(status["viewer"]["published"] == false);
    CHECK(status["viewer"]["holds"] == nlohmann::json::array({"progress", "milestones", "status"}));
    const Project& shown = h.app->document().project();
    CHECK(shown.name == plan.name);
    CHECK(shown.tasks.size() == plan.tasks.size() - 2);
    for (const Task& t : shown.tasks) CHECK_FALSE(t.internal);
    CHECK(textOf("viewer.name") == plan.name);
    CHECK(textOf("viewer.asof").find("% complete") != std::string::npos);
    CHECK(h.has("viewer.status"));
    CHECK(textOf("viewer.milestones").rfind("Next milestones: ", 0) == 0);
    CHECK_FALSE(h.has("viewer.budget"));
    CHECK(h.has("viewer.print"));
    h.frames(2);
    CHECK_FALSE(h.app->gantt().columnShown(6)); // no Predecessors column for a client
    CHECK(h.app->gantt().shownBaseline().isNull());
    // What a screen reader gets: the view's words and its tasks as rows; no commands to run.
    {
        const auto m = nlohmann::json::parse(h.host.a11y);
        CHECK(m["title"] == plan.name + " \u2014 shared plan");
        CHECK(m["buttons"].empty());
        CHECK(m["lines"][0].get<std::string>().find("% complete") != std::string::npos);
        CHECK(m["lines"][1].get<std::string>().rfind("Status: ", 0) == 0);
        REQUIRE(m["grid"]["rows"].size() > 5);
        CHECK(m["grid"]["rows"][0]["name"] == shown.tasks[0].name);
        CHECK_FALSE(h.app->a11yActivate("task.add"));
        CHECK_FALSE(h.app->a11ySelect(shown.tasks[1].id.str()));
    }

    // The core refuses every change, whatever asks for it.
    const Project before = h.app->document().project();
    Task renamed = before.tasks[1];
    renamed.name = "Changed";
    CHECK_FALSE(h.app->document().execute(editTask(renamed)));
    CHECK_FALSE(h.app->document().undo());
    // Keys and the mouse: select a row, delete, type, drag a bar.
    REQUIRE(h.has("task.name.1"));
    h.click(h.widget("task.name.1").centre(), true);
    h.key(ImGuiKey_Delete);
    h.key(ImGuiKey_Enter);
    REQUIRE(h.has("gantt.bar.3"));
    h.drag(h.widget("gantt.bar.3").centre(), ImVec2(h.widget("gantt.bar.3").centre().x + 120, h.widget("gantt.bar.3").centre().y));
    h.frames(3);
    CHECK(h.app->document().project() == before);
    h.key(ImGuiKey_Escape);           // the task's details (read-only) close
    h.click(ImVec2(1400, 60));        // and whatever else a click opened
    CHECK_FALSE(h.has("toolbar.share")); // no producer's tools at all
    CHECK_FALSE(h.has("status.sync"));

    // Print and the client pack work from the view.
    h.click(h.widget("viewer.pack").centre());
    REQUIRE(h.host.downloads.size() == 1);
    CHECK(h.host.downloads[0].first.find("client view.html") != std::string::npos);
    h.frames(30);
    CHECK(h.app->library().projects().empty()); // the viewer never opened a library
    CHECK(filesUnder(h.dir()) == 0);           // nothing stored at all
}

TEST_CASE("viewer: a cut, changed, newer or foreign link gets one sentence and shows nothing") {
    const std::string link = sampleLink();
    const size_t body = link.find("#view=1.") + 8;
    struct Case { std::string link, says; };
    std::string changed = link;
    changed[body + (link.size() - body) / 2] = changed[body + (link.size() - body) / 2] == 'A' ? 'B' : 'A';
    const std::vector<Case> cases{
        {link.substr(0, body + (link.size() - body) / 2), linkText::kIncomplete},
        {link.substr(0, body + 10), linkText::kIncomplete},
        {changed, linkText::kIncomplete},
        {std::string(link).replace(link.find("#view=1."), 8, "#view=2."), linkText::kNewer},
        {"http://127.0.0.1:8080/#view=1.!!!!", linkText::kIncomplete},
        {"http://127.0.0.1:8080/#share=1.aHR0cA.AAAA", linkText::kIncomplete},
        {"http://127.0.0.1:8080/#view=", linkText::kIncomplete},
    };
    for (const Case& c : cases) {
        CAPTURE(c.link.substr(0, 80));
        Harness h("viewer-bad");
        h.startViewer(c.link);
        const auto status = nlohmann::json::parse(h.app->statusJson());
        CHECK(status["viewer"]["state"] == "failed");
        CHECK(status["viewer"]["error"] == c.says);
        CHECK(textOf("viewer.error") == c.says);
        CHECK(nlohmann::json::parse(h.host.a11y)["lines"][0] == c.says);
        CHECK(h.app->document().project().tasks.empty());
    }
}

TEST_CASE("viewer: a view that holds the baseline shows it: the slipped bars and their variance") {
    Result<Project> p = readProjectJson(*readWholeFile(std::string(PLOTLINE_TEST_ASSETS) + "/sample-campaign.json"));
    REQUIRE(p.ok());
    REQUIRE_FALSE(p->baselines.empty());
    ShareOptions o;
    o.set(Share::Baseline, true);
    const ClientView v = clientView(*p, schedule(*p), o, Date::parse("2026-11-20").value());
    Result<std::string> gz = runCodec(Codec::Gzip, linkViewText(v), "");
    REQUIRE(gz.ok());
    Harness h("viewer-baseline");
    h.startViewer("http://127.0.0.1:8080/#" + snapshotFragment(*gz));
    h.frames(3);
    REQUIRE(nlohmann::json::parse(h.app->statusJson())["viewer"]["state"] == "shown");
    CHECK_FALSE(h.app->gantt().shownBaseline().isNull());
    CHECK(h.has("gantt.baseline.3"));
}
