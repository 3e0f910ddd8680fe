// Links to client views, the pure part: base64url, the fragment's two forms, the sealed file's
// header, and the sentence for each bad link (the codec itself is tested where it runs: the UI tests
// natively, the browser tests with CompressionStream and WebCrypto).
#include "core/client_view.hpp"
#include "core/files.hpp"
#include "core/json_io.hpp"
#include "core/view_link.hpp"
#include "helpers.hpp"

using namespace plotline;
using namespace plotline::test;

TEST_CASE("view links: base64url round-trips every byte and refuses what is not base64url") {
    std::string all;
    for (int i = 0; i < 256; ++i) all += char(i);
    for (size_t n : {0, 1, 2, 3, 4, 5, 255, 256}) {
        const std::string part = all.substr(0, n);
        const std::string text = base64url(part);
        CHECK(text.find_first_of("+/=") == std::string::npos);
        CHECK(fromBase64url(text) == part);
    }
    CHECK_FALSE(fromBase64url("ab!d"));
    CHECK_FALSE(fromBase64url("abcde")); // a length no encoding has
}

TEST_CASE("view links: both forms read back; a cut, foreign or newer link gets its sentence") {
    const std::string key(32, '\x07');
    Result<ViewLink> p = parseViewLink("https://plan.example.com/#" + publishedFragment("https://dav.example.com/plans/view-x.plotline-view", key));
    REQUIRE(p.ok());
    CHECK(p->kind == ViewLink::Kind::Published);
    CHECK(p->url == "https://dav.example.com/plans/view-x.plotline-view");
    CHECK(p->key == key);
    Result<ViewLink> s = parseViewLink("#" + snapshotFragment(std::string(40, 'z')));
    REQUIRE(s.ok());
    CHECK(s->kind == ViewLink::Kind::Snapshot);
    CHECK(s->data == std::string(40, 'z'));

    CHECK(isViewLink("https://x/#view=1.abc"));
    CHECK(isViewLink("https://x/#share=1.abc"));
    CHECK_FALSE(isViewLink("https://x/"));
    CHECK_FALSE(isViewLink("https://x/#plan"));
    CHECK(appAddress("https://x/app/#view=1.abc") == "https://x/app/");

    const std::string whole = "#" + publishedFragment("https://dav.example.com/v", key);
    CHECK(parseViewLink(whole.substr(0, whole.size() - 3)).error() == linkText::kIncomplete); // a key cut short
    CHECK(parseViewLink("#share=1." + base64url("ftp://x/") + "." + base64url(key)).error() == linkText::kIncomplete);
    CHECK(parseViewLink("#view=1.abc").error() == linkText::kIncomplete);
    CHECK(parseViewLink("#view=2.abc").error() == linkText::kNewer);
    CHECK(parseViewLink("#view=x.abc").error() == linkText::kIncomplete);
    CHECK(parseViewLink("#other").error() == linkText::kNotAView);

    CHECK(checkSealed("PLV1" + std::string(40, 'x')).empty());
    CHECK(checkSealed("PLV2" + std::string(40, 'x')) == linkText::kNewer);
    CHECK(checkSealed("PLV1short") == linkText::kTampered);
    CHECK(checkSealed("<html>not found</html>" + std::string(40, ' ')) == linkText::kTampered);
}

TEST_CASE("view links: the link's text is the view with small ids; it opens until its expiry day, and not after") {
    Result<Project> p = readProjectJson(*readWholeFile(std::string(PLOTLINE_TEST_ASSETS) + "/sample-campaign.json"));
    REQUIRE(p.ok());
    ClientView v = clientView(*p, schedule(*p), ShareOptions{}, d("2026-11-20"));
    v.expires = d("2026-12-31");
    const std::string text = linkViewText(v);
    CHECK(text.find("\"00000000000000000000000000000002\"") != std::string::npos); // ids that compress
    CHECK(text.find(p->tasks[0].id.str()) == std::string::npos); // no real id leaves
    Result<ClientView> back = openLinkView(text, d("2026-12-31"));
    REQUIRE(back.ok());
    CHECK(back->project.tasks.size() == v.project.tasks.size());
    for (size_t i = 0; i < v.project.tasks.size(); ++i) CHECK(back->project.tasks[i].name == v.project.tasks[i].name);
    CHECK(back->expires == v.expires);
    // The same plan: renumbering keeps every parent and link pointing where it did.
    const Schedule a = schedule(v.project), b = schedule(back->project);
    REQUIRE(b.ok());
    for (size_t i = 0; i < a.tasks.size(); ++i) CHECK(a.tasks[i].start == b.tasks[i].start);
    CHECK(openLinkView(text, d("2027-01-01")).error() == expiredText(d("2026-12-31")));
    CHECK(openLinkView("{\"view\":{\"viewVersion\":2}}", d("2026-12-01")).error() == linkText::kNewer);
    CHECK(openLinkView("{\"tasks\":", d("2026-12-01")).error() == linkText::kIncomplete);
}
