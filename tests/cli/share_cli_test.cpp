// `plotline share`: the client view's file and the client pack from a plan, what they hold by default
// and with --include, and exit codes.
#include <sstream>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli_helpers.hpp"

using namespace cli_test;
using nlohmann::json;

namespace {

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

} // namespace

TEST_CASE("share: the view by default holds the plan and its progress, never rates, vendors, notes or budget; it opens as a project") {
    Scratch s;
    const json sample = json::parse(slurp(kSample));
    const std::string vendor = sample["vendors"][0]["name"];
    Run r = run("share " + quote(kSample) + " -o " + quote((s / "view.json").string()));
    REQUIRE(r.code == 0);
    CHECK(has(r.err, "wrote"));
    const std::string text = slurp(s / "view.json");
    const json v = json::parse(text);
    CHECK(v["view"]["holds"] == json::array({"progress", "milestones", "status"}));
    CHECK(v["tasks"].size() == sample["tasks"].size() - 2); // the sample's two tasks marked internal stay home
    CHECK_FALSE(has(text, "Bug fixing"));
    CHECK_FALSE(v.contains("vendors"));
    CHECK_FALSE(v.contains("budgetLines"));
    CHECK_FALSE(has(text, vendor));
    for (const json& res : v["resources"]) {
        CHECK(res.value("billRate", 0) == 0);
        CHECK_FALSE(res.contains("costRate"));
    }
    CHECK_FALSE(v.contains("billing"));
    CHECK_FALSE(v.contains("clientInvoices"));
    CHECK_FALSE(v["project"].contains("contract"));
    // Every item ticked: fees, bill rates and invoices go; cost rates, mark-ups and the margin target never.
    std::string all;
    for (const char* item : {"progress", "baseline", "milestones", "status", "budget", "rates", "vendors", "notes", "risks", "changes", "actuals",
                             "internal", "billing"})
        all += (all.empty() ? "" : ",") + std::string(item);
    r = run("share " + quote(kSample) + " --include " + all + " -o " + quote((s / "all.json").string()));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const std::string allText = slurp(s / "all.json");
    const json everything = json::parse(allText);
    CHECK(everything["billing"].size() == sample["billing"].size());
    CHECK(everything["clientInvoices"].size() == sample["clientInvoices"].size());
    CHECK(everything["project"]["contract"]["type"] == "fixedFee");
    CHECK(everything["resources"][1]["billRate"] == sample["resources"][1]["billRate"]);
    for (const char* secret : {"costRate", "costRateChanges", "markup", "marginTarget", "margin"}) CHECK_MESSAGE(!has(allText, "\"" + std::string(secret) + "\""), secret);
    r = run("share " + quote(kSample) + " --include " + all + " -o " + quote((s / "all.html").string()));
    REQUIRE(r.code == 0);
    for (const char* secret : {"Margin", "Cost rate", "ark-up"}) CHECK_MESSAGE(!has(slurp(s / "all.html"), secret), secret); // (CSS has margins)
    // The pack shows what the client pays with "billing": the fee, the schedule, the invoices; not without.
    const std::string fees = slurp(s / "all.html");
    CHECK(has(fees, "<h2 id=\"fe\">Fees and invoices</h2>"));
    CHECK(has(fees, "<dt>Fee</dt><dd>€199,200.00</dd>"));
    CHECK(has(fees, "Instalment 2 of 3: design approved (30 %)</th><td>Design approved complete</td><td class=\"n\">€58,500.00"));
    CHECK(has(fees, "AUR-2026-041</th><td>November 2026</td><td>2026-11-11</td><td class=\"n\">€58,500.00</td><td>not yet</td>"));

    // Any Plotline reads a view as a project, and schedules it to the same dates.
    CHECK(run("validate " + quote((s / "view.json").string())).code == 0);
    // Each task's name, start and finish, as the producer's plan has them.
    const std::string viewDates = run("schedule " + quote((s / "view.json").string())).out, planDates = run("schedule " + quote(kSample)).out;
    std::istringstream lines(viewDates);
    std::string line;
    size_t rows = 0;
    std::getline(lines, line); // the header
    while (std::getline(lines, line))
        if (line.size() > 6 + 45 + 36) {
            ++rows;
            const std::string dates = line.substr(6, 45 + 18 + 18); // after the ID: name, start, finish
            CHECK_MESSAGE(has(planDates, dates), dates);
        }
    CHECK(rows == sample["tasks"].size() - 2);

    // The client pack: HTML, the vendor nowhere; with --include vendors, budget, there.
    r = run("share " + quote(kSample) + " -o " + quote((s / "pack.html").string()));
    REQUIRE(r.code == 0);
    const std::string page = slurp(s / "pack.html");
    CHECK_FALSE(has(page, "Fees and invoices"));
    CHECK(has(page, "<!DOCTYPE html>"));
    CHECK_FALSE(has(page, vendor));
    CHECK_FALSE(has(page, "<h2 id=\"bu\">Budget</h2>"));
    r = run("share " + quote(kSample) + " --include vendors,budget -o " + quote((s / "more.json").string()));
    REQUIRE(r.code == 0);
    CHECK(has(slurp(s / "more.json"), vendor));
    CHECK(json::parse(slurp(s / "more.json"))["view"].contains("budget"));
}

TEST_CASE("share: exit codes: 2 for usage (no -o, an unknown item, a bad date), 1 for a file that does not read") {
    Scratch s;
    Run r = run("share " + quote(kSample));
    CHECK(r.code == 2);
    CHECK(has(r.err, "-o OUT"));
    r = run("share " + quote(kSample) + " --include margins -o " + quote((s / "v.json").string()));
    CHECK(r.code == 2);
    CHECK(has(r.err, "no such item to share: \"margins\""));
    CHECK(run("share " + quote(kSample) + " --status-date 2026-02-30 -o " + quote((s / "v.json").string())).code == 2);
    CHECK(run("share " + quote(kSample) + " -o " + quote((s / "v.txt").string())).code == 2);
    spit(s / "bad.json", "{not json");
    r = run("share " + quote((s / "bad.json").string()) + " -o " + quote((s / "v.json").string()));
    CHECK(r.code == 1);
    CHECK_FALSE(std::filesystem::exists(s / "v.json"));
}

TEST_CASE("share --link: the self-contained link of the sample fits; a 1000-task plan's does not, and says what to do instead") {
    Scratch s;
    Run r = run("share " + quote(kSample) + " --link https://plan.example.com/app/");
    REQUIRE(r.code == 0);
    const std::string link = r.out.substr(0, r.out.find('\n'));
    CHECK(link.rfind("https://plan.example.com/app/#view=1.", 0) == 0);
    CHECK(link.size() <= 8000);
    CHECK(link.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 37) == std::string::npos);
    CHECK(has(r.err, std::to_string(link.size()) + " characters"));
    MESSAGE("the sample's link: " << link.size() << " characters");

    REQUIRE(run("generate 1000 " + quote((s / "big.json").string())).code == 0);
    r = run("share " + quote((s / "big.json").string()) + " --link https://plan.example.com/");
    CHECK(r.code == 1);
    CHECK(has(r.err, "longer than mail and chat carry (8000)"));
    CHECK(r.out.empty());
    CHECK(run("share " + quote(kSample) + " --link ftp://x/").code == 2);
}
