// The real `plotline` binary, run as a user runs it: arguments in, exit code and streams out.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include "cli_helpers.hpp"
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace cli_test;

TEST_CASE("no arguments and unknown commands are usage errors (exit 2)") {
    Run r = run("");
    CHECK(r.code == 2);
    CHECK(r.err.find("usage: plotline") != std::string::npos);
    r = run("frobnicate x");
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown command 'frobnicate'") != std::string::npos);
}

TEST_CASE("--help works on the tool and on every subcommand") {
    for (const char* sub : {"--help", "validate --help", "schedule --help", "convert --help", "generate --help", "report --help", "actuals --help", "merge --help", "portfolio --help"}) {
        CAPTURE(sub);
        Run r = run(sub);
        CHECK(r.code == 0);
        CHECK(r.out.find("usage: plotline") != std::string::npos);
        CHECK(r.err.empty());
    }
}

TEST_CASE("validate accepts the sample and summarises it") {
    Run r = run(quote(kSample));
    CHECK(r.code == 2); // a file is not a command
    r = run("validate " + quote(kSample));
    CHECK(r.code == 0);
    CHECK(r.out.find("valid") != std::string::npos);
    CHECK(r.out.find("43 tasks") != std::string::npos);
    CHECK(r.err.empty());
}

TEST_CASE("validate reports bad files with their place and exit 1") {
    Scratch s;
    spit(s / "broken.json", "{\"schemaVersion\": 1, \"name\": ");
    Run r = run("validate " + quote((s / "broken.json").string()));
    CHECK(r.code == 1);
    CHECK(r.err.find("broken.json") != std::string::npos);
    CHECK(r.out.empty());

    nlohmann::json doc = nlohmann::json::parse(slurp(kSample));
    doc["tasks"][12]["start"] = "next tuesday";
    spit(s / "bad-date.json", doc.dump());
    r = run("validate " + quote((s / "bad-date.json").string()));
    CHECK(r.code == 1);
    CHECK(r.err.find("tasks[12].start") != std::string::npos);

    r = run("validate " + quote((s / "missing.json").string()));
    CHECK(r.code == 1);
    CHECK(r.err.find("cannot read") != std::string::npos);

    r = run("validate a.json b.json");
    CHECK(r.code == 2);
}

TEST_CASE("validate names the tasks of a dependency cycle") {
    Scratch s;
    spit(s / "cycle.csv", "ID,Name,Duration,Predecessors\n1,Write copy,1d,3\n2,Review copy,1d,1\n3,Approve copy,1d,2\n");
    Run r = run("validate " + quote((s / "cycle.csv").string()));
    CHECK(r.code == 1);
    CHECK(r.err.find("cycle") != std::string::npos);
    CHECK(r.err.find("Write copy") != std::string::npos);
    CHECK(r.err.find("Review copy") != std::string::npos);
    CHECK(r.err.find("Approve copy") != std::string::npos);
}

TEST_CASE("schedule prints computed dates over the working calendar") {
    Scratch s;
    // The CSV project starts on the first task's start; give it one so dates are known.
    spit(s / "plan.csv", std::string("ID,Name,Start,Duration,Predecessors,Outline Level,Milestone\n"
                                     "1,Campaign,,,,1,\n"
                                     "2,Brief,2026-11-05,2d,,2,\n" // Thu + Fri
                                     "3,Design,,3d,2FS+1d,2,\n"    // Mon lag, Tue–Thu
                                     "4,Launch,,0d,3,2,Yes\n"));
    Run r = run("schedule --json " + quote((s / "plan.csv").string()));
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["tasks"].size() == 4);
    CHECK(j["tasks"][1]["name"] == "Brief");
    CHECK(j["tasks"][1]["start"] == "2026-11-05");
    CHECK(j["tasks"][1]["finish"] == "2026-11-06");
    CHECK(j["tasks"][2]["start"] == "2026-11-10");
    CHECK(j["tasks"][2]["finish"] == "2026-11-12");
    CHECK(j["tasks"][3]["milestone"] == true);
    CHECK(j["tasks"][3]["finish"] == "2026-11-12");
    CHECK(j["tasks"][0]["summary"] == true);
    CHECK(j["tasks"][0]["start"] == "2026-11-05");
    CHECK(j["tasks"][0]["finish"] == "2026-11-12");
    CHECK(j["finish"] == "2026-11-12");
    // The chain is the critical path: no float anywhere.
    CHECK(j["tasks"][1]["critical"] == true);
    CHECK(j["tasks"][1]["totalFloat"] == "0d");
    CHECK(j["tasks"][2]["lateFinish"] == "2026-11-12");

    r = run("schedule " + quote((s / "plan.csv").string()));
    REQUIRE(r.code == 0);
    CHECK(r.out.find("  Design") != std::string::npos); // indented under its summary
    CHECK(r.out.find("2026-11-10") != std::string::npos);

    r = run("schedule --jsn " + quote((s / "plan.csv").string()));
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown option --jsn") != std::string::npos);
}

TEST_CASE("schedule prints clock times for sub-day work and explains missed deadlines") {
    Scratch s;
    nlohmann::json doc = nlohmann::json::parse(slurp(kSample));
    doc["tasks"] = nlohmann::json::array();
    doc["links"] = nlohmann::json::array();
    doc["assignments"] = nlohmann::json::array();
    doc["project"]["start"] = "2026-11-02";
    doc["project"]["calendar"]["holidays"] = nlohmann::json::array();
    auto task = [&](const char* id, const char* name, int minutes) {
        doc["tasks"].push_back({{"id", id}, {"name", name}, {"duration", minutes}});
    };
    task("000000000000000000000000000000a1", "Stand-up notes", 90);
    task("000000000000000000000000000000a2", "Client call", 120);
    doc["tasks"][1]["deadline"] = "2026-10-30";
    doc["links"].push_back({{"id", "000000000000000000000000000000b1"}, {"predecessor", "000000000000000000000000000000a1"},
                            {"successor", "000000000000000000000000000000a2"}, {"type", "FS"}, {"lag", 0}});
    spit(s / "hours.json", doc.dump());
    Run r = run("schedule --json " + quote((s / "hours.json").string()));
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["tasks"][0]["start"] == "2026-11-02");
    CHECK(j["tasks"][0]["finish"] == "2026-11-02T10:30");
    CHECK(j["tasks"][1]["start"] == "2026-11-02T10:30");
    CHECK(j["tasks"][1]["finish"] == "2026-11-02T12:30");
    CHECK(j["tasks"][1]["warning"] == "Misses its deadline 2026-10-30 by 3h 30m." /* working time after Friday's end */);
    CHECK(j["tasks"][1]["critical"] == true);
    CHECK_FALSE(j["tasks"][0].contains("warning"));
    r = run("schedule " + quote((s / "hours.json").string()));
    CHECK(r.out.find("! 2 Client call: Misses its deadline 2026-10-30") != std::string::npos);
}

TEST_CASE("convert JSON -> CSV -> JSON keeps every task, link, id and date") {
    Scratch s;
    // A CSV task table has no calendar: holidays cannot travel, and the tool says so.
    Run r = run("convert " + quote(kSample) + " " + quote((s / "with-holidays.csv").string()));
    REQUIRE(r.code == 0);
    CHECK(r.err.find("holidays") != std::string::npos);

    nlohmann::json a = nlohmann::json::parse(slurp(kSample));
    a["project"]["calendar"]["holidays"] = nlohmann::json::array();
    spit(s / "plan.json", a.dump());
    r = run("convert " + quote((s / "plan.json").string()) + " " + quote((s / "plan.csv").string()));
    REQUIRE(r.code == 0);
    CHECK(r.err.empty());
    r = run("convert " + quote((s / "plan.csv").string()) + " " + quote((s / "back.json").string()));
    REQUIRE(r.code == 0);
    auto b = nlohmann::json::parse(slurp(s / "back.json"));
    REQUIRE(a["tasks"].size() == b["tasks"].size());
    for (size_t i = 0; i < a["tasks"].size(); ++i) {
        CAPTURE(a["tasks"][i]["name"]);
        CHECK(a["tasks"][i]["id"] == b["tasks"][i]["id"]);
        CHECK(a["tasks"][i]["name"] == b["tasks"][i]["name"]);
        CHECK(a["tasks"][i].value("parent", "") == b["tasks"][i].value("parent", ""));
        CHECK(a["tasks"][i]["milestone"] == b["tasks"][i]["milestone"]);
    }
    CHECK(a["links"].size() == b["links"].size());
    // Both files schedule to the same dates, task by task.
    Run sa = run("schedule --json " + quote((s / "plan.json").string()));
    Run sb = run("schedule --json " + quote((s / "back.json").string()));
    REQUIRE(sa.code == 0);
    REQUIRE(sb.code == 0);
    auto ja = nlohmann::json::parse(sa.out), jb = nlohmann::json::parse(sb.out);
    for (size_t i = 0; i < ja["tasks"].size(); ++i) {
        CAPTURE(ja["tasks"][i]["name"]);
        CHECK(ja["tasks"][i]["start"] == jb["tasks"][i]["start"]);
        CHECK(ja["tasks"][i]["finish"] == jb["tasks"][i]["finish"]);
        CHECK(ja["tasks"][i]["duration"] == jb["tasks"][i]["duration"]);
    }
}

TEST_CASE("convert JSON -> MS Project XML -> JSON: same ids and dates; a bad XML file writes nothing") {
    Scratch s;
    Run r = run("convert " + quote(kSample) + " " + quote((s / "plan.xml").string()));
    REQUIRE(r.code == 0);
    CHECK(slurp(s / "plan.xml").find("<Project xmlns=\"http://schemas.microsoft.com/project\">") != std::string::npos);
    r = run("convert " + quote((s / "plan.xml").string()) + " " + quote((s / "back.json").string()));
    REQUIRE(r.code == 0);
    CHECK(r.err.empty()); // nothing approximated
    auto a = nlohmann::json::parse(slurp(kSample)), b = nlohmann::json::parse(slurp(s / "back.json"));
    REQUIRE(a["tasks"].size() == b["tasks"].size());
    for (size_t i = 0; i < a["tasks"].size(); ++i) CHECK(a["tasks"][i]["id"] == b["tasks"][i]["id"]);
    Run sa = run("schedule --json " + quote(kSample)), sb = run("schedule --json " + quote((s / "back.json").string()));
    REQUIRE(sa.code == 0);
    REQUIRE(sb.code == 0);
    auto ja = nlohmann::json::parse(sa.out), jb = nlohmann::json::parse(sb.out);
    for (size_t i = 0; i < ja["tasks"].size(); ++i) {
        CAPTURE(ja["tasks"][i]["name"]);
        CHECK(ja["tasks"][i]["start"] == jb["tasks"][i]["start"]);
        CHECK(ja["tasks"][i]["finish"] == jb["tasks"][i]["finish"]);
    }
    // An MS Project file that is cut short: its place, exit 1, the old output kept.
    const std::string xml = slurp(s / "plan.xml");
    spit(s / "cut.xml", xml.substr(0, xml.size() / 2));
    spit(s / "out.json", "previous contents");
    r = run("convert " + quote((s / "cut.xml").string()) + " " + quote((s / "out.json").string()));
    CHECK(r.code == 1);
    CHECK(r.err.find("at line") != std::string::npos);
    CHECK(slurp(s / "out.json") == "previous contents");
}

TEST_CASE("convert reads GanttProject's sample and MS Project's own file, and says what it approximated") {
    Scratch s;
    const std::string interop = PLOTLINE_TEST_INTEROP;
    REQUIRE_MESSAGE(!interop.empty(), "the interoperability samples (../shared/interop) were not found when building");
    Run r = run("convert " + quote(interop + "/HouseBuildingSample.gan") + " " + quote((s / "house.json").string()));
    REQUIRE(r.code == 0);
    CHECK(r.out.find("wrote") != std::string::npos);
    CHECK(r.err.empty());
    auto j = nlohmann::json::parse(slurp(s / "house.json"));
    CHECK(j["tasks"].size() == 20);
    CHECK(j["resources"].size() == 7);
    // MPXJ's sample has a task whose stored duration disagrees with its dates: named on stderr.
    r = run("convert " + quote(interop + "/sample1.xml") + " " + quote((s / "sample1.json").string()));
    REQUIRE(r.code == 0);
    CHECK(r.err.find("note: Task 2 \"Second Task\": the file has 2003-01-07 to 2003-03-17") != std::string::npos);
    r = run("convert " + quote((s / "house.json").string()) + " " + quote((s / "house.gan").string()));
    CHECK(r.code == 2); // .gan is read, not written
}

TEST_CASE("convert says what it approximated, and why a file is refused, in the language asked for (before or after the command)") {
    Scratch s;
    const std::string interop = PLOTLINE_TEST_INTEROP;
    Run r = run("--lang de --locale de-DE convert " + quote(interop + "/sample1.xml") + " " + quote((s / "sample1.json").string()));
    REQUIRE(r.code == 0);
    CHECK(r.err.find("Vorgang 2 \"Second Task\": Die Datei hat 7.1.2003 bis 17.3.2003, Plotline plant 7.1.2003 bis 26.5.2003.") != std::string::npos);
    CHECK(r.err.find("2 von 22 Vorgängen haben andere Termine als in der Datei") != std::string::npos);
    r = run("convert " + quote(interop + "/mspdinulltasks.xml") + " " + quote((s / "null.json").string()) + " --lang es");
    CHECK(r.err.find("El archivo cuenta un día como 7h 30m, pero su calendario trabaja 8h al día") != std::string::npos);
    {
        std::ofstream bad(s / "bad.xml");
        bad << "<Project><Tasks><Task><UID>1";
    }
    r = run("--lang fr convert " + quote((s / "bad.xml").string()) + " " + quote((s / "o.json").string()));
    CHECK(r.code == 1);
    CHECK(r.err.find("Fichier XML illisible : Start-end tags mismatch en ligne 1, colonne ") != std::string::npos);
    {
        std::ofstream bad(s / "bad.csv");
        bad << "Name,Duration\nCopy deck,3x\n";
    }
    r = run("validate " + quote((s / "bad.csv").string()) + " --lang de");
    CHECK(r.err.find("Zeile 2: Duration „3x“ ist keine Dauer") != std::string::npos);
}

TEST_CASE("convert never writes when the input is bad, and keeps an existing output") {
    Scratch s;
    spit(s / "bad.csv", "ID,Name,Duration\n1,Brief,2d\n2,Design,three days\n");
    spit(s / "out.json", "previous contents");
    Run r = run("convert " + quote((s / "bad.csv").string()) + " " + quote((s / "out.json").string()));
    CHECK(r.code == 1);
    CHECK(r.err.find("line 3") != std::string::npos);
    CHECK(slurp(s / "out.json") == "previous contents");
    CHECK(!fs::exists(s / "out.json.tmp"));

    r = run("convert " + quote(kSample) + " " + quote((s / "out.txt").string()));
    CHECK(r.code == 2);
    r = run("convert " + quote(kSample) + " " + quote((s / "no-such-dir/out.csv").string()));
    CHECK(r.code == 1);
    CHECK(r.err.find("cannot write") != std::string::npos);
}

TEST_CASE("CSV with unknown columns is accepted with a warning") {
    Scratch s;
    spit(s / "extra.csv", "ID,Name,Duration,Colour\n1,Brief,2d,red\n2,Design,3d,blue\n");
    Run r = run("validate " + quote((s / "extra.csv").string()));
    CHECK(r.code == 0);
    CHECK(r.err.find("warning") != std::string::npos);
    CHECK(r.err.find("Colour") != std::string::npos);
}

TEST_CASE("generate writes a valid synthetic plan, the same for the same seed, and refuses bad sizes") {
    Scratch s;
    const std::string a = (s / "a.json").string(), b = (s / "b.json").string(), c = (s / "c.csv").string();
    Run r = run("generate 2000 " + quote(a));
    CHECK(r.code == 0);
    CHECK(r.out.find("2000 tasks") != std::string::npos);
    CHECK(r.out.find("20 people") != std::string::npos);
    r = run("validate " + quote(a));
    CHECK(r.code == 0);
    CHECK(r.out.find("2000 tasks") != std::string::npos);
    CHECK(r.out.find("20 resources") != std::string::npos);
    CHECK(run("generate 2000 " + quote(b)).code == 0);
    CHECK(slurp(a) == slurp(b));
    CHECK(run("generate 2000 " + quote(b) + " --seed 7 --people 3").code == 0);
    CHECK(slurp(a) != slurp(b));
    CHECK(run("validate " + quote(b)).out.find("3 resources") != std::string::npos);
    CHECK(run("generate 50 " + quote(c)).code == 0);
    CHECK(run("validate " + quote(c)).code == 0);
    for (const char* bad : {"generate 0 x.json", "generate 2000001 x.json", "generate ten x.json", "generate 10 x.txt",
                            "generate 10", "generate 10 x.json --seed -1"}) {
        CAPTURE(bad);
        r = run(bad);
        CHECK(r.code == 2);
        CHECK(r.err.find("usage: plotline generate") != std::string::npos);
    }
}

TEST_CASE("report: the sample's status report, field by field, agrees with its own data and with the Markdown") {
    Run r = run("report " + quote(kSample) + " --status-date 2026-11-20 --format json");
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const nlohmann::json j = nlohmann::json::parse(r.out);
    const nlohmann::json p = nlohmann::json::parse(slurp(kSample));

    // AC worked out here from the file: costs and hours (at each person's rate) up to the status date.
    std::map<std::string, int64_t> rate;
    for (auto& x : p["resources"]) rate[x["id"]] = x["billRate"];
    int64_t ac = 0, labour = 0, spentOther = 0;
    for (auto& c : p["costs"])
        if (c["date"].get<std::string>() <= "2026-11-20") { ac += c["amount"].get<int64_t>(); if (c["category"] == "other") spentOther += c["amount"].get<int64_t>(); }
    for (auto& h : p["hours"])
        if (h["date"].get<std::string>() <= "2026-11-20") labour += (rate[h["resource"]] * h["minutes"].get<int64_t>() + 30) / 60;
    CHECK(j["ac"] == ac + labour);
    CHECK(j["statusDate"] == "2026-11-20");
    CHECK(j["currency"] == "EUR");
    CHECK(j["sv"] == j["ev"].get<int64_t>() - j["pv"].get<int64_t>());
    CHECK(j["cv"] == j["ev"].get<int64_t>() - j["ac"].get<int64_t>());
    CHECK(j["spi"].get<double>() == doctest::Approx(j["ev"].get<double>() / j["pv"].get<double>()).epsilon(1e-4));
    CHECK(j["cpi"].get<double>() == doctest::Approx(j["ev"].get<double>() / j["ac"].get<double>()).epsilon(1e-4));
    CHECK(j["etc"] == j["eac"].get<int64_t>() - j["ac"].get<int64_t>());
    CHECK(j["vac"] == j["bac"].get<int64_t>() - j["eac"].get<int64_t>());
    // The budget: BAC is the base; contingency is 10 % of it, 1,200.00 drawn; CR-2's 3,200.00 approved.
    CHECK(j["baseBudget"] == j["bac"]);
    CHECK(j["contingency"] == (j["bac"].get<int64_t>() + 5) / 10);
    CHECK(j["contingencyLeft"] == j["contingency"].get<int64_t>() - 120000);
    CHECK(j["approvedBudget"] == j["bac"].get<int64_t>() + j["contingency"].get<int64_t>());
    CHECK(j["approvedChanges"] == 320000);
    int64_t budgeted = 0, spent = 0;
    for (auto& c : j["categories"]) {
        budgeted += c["budget"].get<int64_t>();
        spent += c["actual"].get<int64_t>();
        if (c["category"] == "other") CHECK(c["actual"] == spentOther);
        if (c["category"] == "labour") CHECK(c["actual"] == labour);
    }
    CHECK(budgeted == j["approvedBudget"]);
    CHECK(spent == j["ac"]);
    // Behind schedule (SPI below 0.85) makes it red; the reasons say so and name the high risks.
    CHECK(j["spi"].get<double>() < 0.85);
    CHECK(j["rag"] == "Red");
    CHECK(j["reasons"][0].get<std::string>().rfind("SPI ", 0) == 0);
    CHECK(r.out.find("Risk \\\"Rain on the outdoor hero shoot\\\" scores 16") != std::string::npos);
    // Risks: open ones by score, the closed one left out. Change requests: the draft and the submitted.
    REQUIRE(j["topRisks"].size() == 4);
    CHECK(j["topRisks"][0]["score"] == 16);
    CHECK(j["topRisks"][1]["score"] == 15);
    CHECK(j["topRisks"][3]["score"] == 6);
    REQUIRE(j["openChangeRequests"].size() == 2);
    CHECK(j["openChangeRequests"][0]["number"] == 1);
    CHECK(j["openChangeRequests"][1]["status"] == "draft");
    CHECK(j["milestonesDone"][0]["name"] == "Brief approved");
    CHECK(j["milestonesNext"][0]["name"] == "Content approved");

    // The Markdown report says the same numbers.
    Run md = run("report " + quote(kSample) + " --status-date 2026-11-20");
    REQUIRE(md.code == 0);
    CHECK(md.out.rfind("# Status report: Aurora Coffee", 0) == 0);
    CHECK(md.out.find("## Overall status: Red") != std::string::npos);
    auto euros = [](int64_t cents) {
        std::string whole = std::to_string(std::llabs(cents) / 100), grouped;
        for (size_t i = 0; i < whole.size(); ++i) {
            if (i && (whole.size() - i) % 3 == 0) grouped += ',';
            grouped += whole[i];
        }
        char frac[4];
        std::snprintf(frac, sizeof frac, "%02lld", std::llabs(cents) % 100);
        return std::string(cents < 0 ? "-" : "") + "€" + grouped + "." + frac;
    };
    for (const char* k : {"bac", "pv", "ev", "ac", "sv", "cv", "eac", "etc", "vac"}) {
        CAPTURE(k);
        CHECK(md.out.find(euros(j[k].get<int64_t>())) != std::string::npos);
    }
    CHECK(md.out.find("| CR-1 | German version of the microsite | Submitted | €9,800.00 |") != std::string::npos);

    // Without --status-date, the project's own status date is used.
    Run own = run("report " + quote(kSample) + " --format json");
    CHECK(nlohmann::json::parse(own.out)["statusDate"] == "2026-11-20");
    // HTML: a whole page, with the status as a badge and nothing left unescaped.
    Run html = run("report " + quote(kSample) + " --format html");
    CHECK(html.out.rfind("<!doctype html>", 0) == 0);
    CHECK(html.out.find("<span class=\"badge Red\">Red</span>") != std::string::npos);
    CHECK(html.out.find("client&#39;s") == std::string::npos);
    CHECK(html.out.find("Store locator API from the client's IT arrives late") != std::string::npos);
    // The S-curve comes as an SVG picture with its three lines; Markdown has no empty section for it.
    CHECK(html.out.find("<svg") != std::string::npos);
    CHECK(html.out.find("PV planned") != std::string::npos);
    CHECK(html.out.find("stroke=\"#2e8b57\"") != std::string::npos); // the EV line through the status records
    CHECK(md.out.find("## Cumulative cost") == std::string::npos);
}

TEST_CASE("report: the margin in JSON agrees with the file; --internal adds it to the Markdown; a missing cost rate is said") {
    Run r = run("report " + quote(kSample) + " --status-date 2026-11-20 --format json");
    REQUIRE_MESSAGE(r.code == 0, r.err);
    const nlohmann::json m = nlohmann::json::parse(r.out)["margin"];
    const nlohmann::json p = nlohmann::json::parse(slurp(kSample));
    REQUIRE(p["project"]["contract"]["type"] == "fixedFee");
    // Revenue to date, worked out here: the billing items whose task is complete or whose date has come.
    std::map<std::string, int> percent;
    for (auto& t : p["tasks"]) percent[t["id"]] = t.value("percentComplete", 0);
    int64_t revenue = 0, fee = 0;
    for (auto& b : p["billing"]) {
        fee += b["amount"].get<int64_t>();
        if (b.contains("task") ? percent[b["task"]] == 100 : b["date"].get<std::string>() <= "2026-11-20") revenue += b["amount"].get<int64_t>();
    }
    CHECK(m["contract"] == "fixedFee");
    CHECK(m["revenueToDate"] == revenue);
    CHECK(m["revenueAtCompletion"] == fee);
    // Cost to date: costs booked and hours at each person's cost rate, up to the status date.
    std::map<std::string, int64_t> costRate;
    for (auto& x : p["resources"]) costRate[x["id"]] = x["costRate"];
    int64_t cost = 0;
    for (auto& c : p["costs"])
        if (c["date"].get<std::string>() <= "2026-11-20") cost += c["amount"].get<int64_t>();
    for (auto& h : p["hours"])
        if (h["date"].get<std::string>() <= "2026-11-20") cost += (costRate[h["resource"]] * h["minutes"].get<int64_t>() + 30) / 60;
    CHECK(m["costToDate"] == cost);
    CHECK(m["marginToDate"] == revenue - cost);
    CHECK(m["known"] == true);
    CHECK(m["marginTarget"] == 0.25);
    CHECK(m["belowTarget"] == false);
    CHECK(m["marginAtCompletion"] == m["revenueAtCompletion"].get<int64_t>() - m["costAtCompletion"].get<int64_t>());
    CHECK(m["months"].size() >= 3);
    CHECK(m["people"].size() == p["resources"].size());

    Run md = run("report " + quote(kSample) + " --status-date 2026-11-20");
    CHECK(md.out.find("Margin") == std::string::npos); // the weekly report goes round: no margin unless asked
    Run internal = run("report " + quote(kSample) + " --status-date 2026-11-20 --internal");
    REQUIRE(internal.code == 0);
    CHECK(internal.out.find("## Margin (internal)") != std::string::npos);
    CHECK(internal.out.find("* **Revenue to date:** €62,700.00") != std::string::npos);
    CHECK(internal.out.find("## Margin by person") != std::string::npos);
    Run html = run("report " + quote(kSample) + " --status-date 2026-11-20 --internal --format html");
    CHECK(html.out.find("Cumulative revenue and cost by month") != std::string::npos);
    CHECK(run("report " + quote(kSample) + " --month 2026-11 --internal").code == 2);

    // A person without a cost rate: no cost or margin figures, and a sentence saying why.
    nlohmann::json q = p;
    q["resources"][1].erase("costRate");
    const fs::path dir = fs::temp_directory_path() / ("plotline-margin-" + std::to_string(getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "q.json") << q.dump();
    Run missing = run("report " + quote((dir / "q.json").string()) + " --format json");
    REQUIRE(missing.code == 0);
    const nlohmann::json mm = nlohmann::json::parse(missing.out)["margin"];
    CHECK(mm["known"] == false);
    CHECK(mm["costToDate"].is_null());
    CHECK(mm["marginAtCompletion"].is_null());
    CHECK(mm["missingCostRates"] == nlohmann::json::array({q["resources"][1]["name"]}));
    CHECK(missing.err.find("Cost rates missing for Strategist") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("report: the monthly summary can list what the month bills and the invoices sent") {
    Run m = run("report " + quote(kSample) + " --month 2026-11 --billing");
    REQUIRE_MESSAGE(m.code == 0, m.err);
    CHECK(m.out.find("## Billing for the month") != std::string::npos);
    CHECK(m.out.find("Invoice AUR-2026-041 of 11 November 2026: €58,500.00, not paid yet") != std::string::npos);
    CHECK(m.out.find("* **Still to invoice:** €4,200.00") != std::string::npos);
    CHECK(m.out.find("Margin") == std::string::npos);
    CHECK(m.out.find("Cost") == std::string::npos);
    CHECK(run("report " + quote(kSample) + " --billing").code == 2);
}

TEST_CASE("report: monthly summary, change order, and clear errors") {
    Run m = run("report " + quote(kSample) + " --month 2026-11");
    REQUIRE_MESSAGE(m.code == 0, m.err);
    CHECK(m.out.rfind("# Aurora Coffee — Spring Launch Campaign: November 2026", 0) == 0);
    CHECK(m.out.find("- Brief approved (10 November 2026)") != std::string::npos);
    CHECK(m.out.find("- Stakeholder interviews") != std::string::npos);
    CHECK(m.out.find("- Wireframes (key pages): 60% done") != std::string::npos);
    CHECK(m.out.find("€") == std::string::npos); // the client's summary carries no internal costs
    Run co = run("report " + quote(kSample) + " --change-order 2 --format html");
    REQUIRE(co.code == 0);
    CHECK(co.out.find("Change order CR-2: Six social cut-downs of the hero video") != std::string::npos);
    CHECK(co.out.find("Approved by email") != std::string::npos);
    CHECK(co.out.find("€4,200.00 (billed from the day it is approved)") != std::string::npos); // its fee: the client signs it
    Run none = run("report " + quote(kSample) + " --change-order 9");
    CHECK(none.code == 1);
    CHECK(none.err.find("no change request CR-9") != std::string::npos);
    Run bad = run("report " + quote(kSample) + " --status-date 2026-02-30");
    CHECK(bad.code == 2);
    CHECK(bad.err.find("--status-date \"2026-02-30\" is not a date") != std::string::npos);
    CHECK(run("report " + quote(kSample) + " --format pdf").code == 2);
}

TEST_CASE("actuals: a CSV of hours and costs is added; a wrong row changes nothing") {
    Scratch s;
    fs::copy_file(kSample, s / "plan.json");
    const std::string before = slurp(s / "plan.json");
    spit(s / "bad.csv", "Date,Hours,Resource,Task\n2026-11-23,8,Copywriter,Copy deck\n2026-11-23,8,Nobody,Copy deck\n");
    Run bad = run("actuals " + quote((s / "plan.json").string()) + " " + quote((s / "bad.csv").string()));
    CHECK(bad.code == 1);
    CHECK(bad.err.find("bad.csv: line 3: no resource named \"Nobody\"") != std::string::npos);
    CHECK(slurp(s / "plan.json") == before);

    spit(s / "week.csv", "Date,Hours,Resource,Task,Amount,Category,Note\n"
                         "2026-11-23,8,Copywriter,Copy deck,,,\n"
                         "2026-11-24,6.5,Copywriter,Copy deck,,,\n"
                         "2026-11-24,,,,\"1,250.00\",Travel,Shoot crew travel\n");
    Run ok = run("actuals " + quote((s / "plan.json").string()) + " " + quote((s / "week.csv").string()));
    REQUIRE_MESSAGE(ok.code == 0, ok.err);
    CHECK(ok.out.find("added 2 hours entries and 1 cost entries") != std::string::npos);
    Run before20 = run("report " + quote(kSample) + " --status-date 2026-11-24 --format json");
    Run after20 = run("report " + quote((s / "plan.json").string()) + " --status-date 2026-11-24 --format json");
    const int64_t added = nlohmann::json::parse(after20.out)["ac"].get<int64_t>() - nlohmann::json::parse(before20.out)["ac"].get<int64_t>();
    CHECK(added == 14.5 * 7500 + 125000); // 14.5 h at the copywriter's 75.00 + 1,250.00
}

TEST_CASE("portfolio: one row per file, red first, as Markdown and JSON; bad files and usage") {
    Scratch s;
    const std::string interop = PLOTLINE_TEST_INTEROP;
    REQUIRE_MESSAGE(!interop.empty(), "the interoperability samples (../shared/interop) were not found when building");
    const std::string files = quote(kSample) + " " + quote(interop + "/mspdirelations.xml");
    Run r = run("portfolio " + files + " --status-date 2026-11-20");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("2 projects as of 2026-11-20: 1 red, 1 amber, 0 green") != std::string::npos);
    const size_t aurora = r.out.find("| Aurora Coffee"), relations = r.out.find("| mspdirelations | Amber");
    REQUIRE(aurora != std::string::npos);
    REQUIRE(relations != std::string::npos);
    CHECK(aurora < relations); // red before amber
    CHECK(r.out.find("mspdirelations: 5 tasks were due by 2026-11-20 and are not done") != std::string::npos);
    r = run("portfolio " + files + " --status-date 2026-11-20 --format json");
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["projects"].size() == 2);
    CHECK(j["projects"][0]["status"] == "Red");
    CHECK(j["projects"][0]["nextMilestone"]["name"] == "Content approved");
    CHECK(run("portfolio").code == 2);
    CHECK(run("portfolio " + quote(kSample) + " --format pdf").code == 2);
    spit(s / "bad.json", "{ not json");
    r = run("portfolio " + quote(kSample) + " " + quote((s / "bad.json").string()));
    CHECK(r.code == 1);
    CHECK(r.err.find("bad.json") != std::string::npos);
}

TEST_CASE("portfolio: the week's list and a person booked past a full day only when two plans are added up") {
    Scratch s;
    // Ana is in both plans (her email written differently), at 60 % and 50 % on Wed 4 … Fri 6 March;
    // "Ana" in the second plan's other row has another address and is someone else.
    auto plan = [](const char* id, const char* name, const char* start, const char* task, int units, const char* email) {
        const std::string hex(id);
        nlohmann::json j = {
            {"schemaVersion", 4},
            {"project", {{"id", hex + "0000000000000000000000000000000"}, {"name", name}, {"start", start}, {"client", "Northwind"}}},
            {"tasks", {{{"id", hex + "1000000000000000000000000000000"}, {"name", task}, {"duration", 3 * 480}},
                       {{"id", hex + "2000000000000000000000000000000"}, {"name", std::string(task) + " review"}, {"duration", 480}}}},
            {"links", {{{"id", hex + "3000000000000000000000000000000"}, {"predecessor", hex + "1000000000000000000000000000000"},
                        {"successor", hex + "2000000000000000000000000000000"}}}},
            {"resources", {{{"id", hex + "4000000000000000000000000000000"}, {"name", "Ana"}, {"email", email}},
                           {{"id", hex + "5000000000000000000000000000000"}, {"name", "Ana"}, {"email", "ana@elsewhere.example"}}}},
            {"assignments", {{{"id", hex + "6000000000000000000000000000000"}, {"task", hex + "1000000000000000000000000000000"},
                              {"resource", hex + "4000000000000000000000000000000"}, {"units", units}}}}};
        return j.dump();
    };
    spit(s / "a.json", plan("a", "Campaign", "2026-03-04", "Copy", 60, "ana@studio.example"));
    spit(s / "b.json", plan("b", "Microsite", "2026-03-04", "Wireframes", 50, "Ana@Studio.Example"));
    const std::string files = quote((s / "a.json").string()) + " " + quote((s / "b.json").string());
    Run r = run("portfolio " + files + " --status-date 2026-03-05");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("## Due this week (to 2026-03-08)") != std::string::npos);
    CHECK(r.out.find("| Campaign | Copy | 2026-03-06 | Ana | 0 % | 1 |") != std::string::npos);
    CHECK(r.out.find("Ana (ana@studio.example): 3 days over, up to 110 %; first on 2026-03-04 (Campaign 60 %, Microsite 50 %)") !=
          std::string::npos);
    CHECK(r.out.find("Ana: 2 tasks wait on") != std::string::npos);
    // Either plan alone books nobody past a full day.
    r = run("portfolio " + quote((s / "a.json").string()) + " --status-date 2026-03-05");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("Nobody: no one with an email in two or more projects is booked past a full day.") != std::string::npos);
    r = run("portfolio " + files + " --status-date 2026-03-05 --format json");
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["projects"][0]["client"] == "Northwind");
    CHECK(j["thisWeek"]["due"].size() == 2);
    REQUIRE(j["people"].size() == 1); // the other Ana has no work booked
    CHECK(j["people"][0]["email"] == "ana@studio.example");
    CHECK(j["people"][0]["daysOver"] == 3);
    CHECK(j["people"][0]["projects"] == nlohmann::json{"Campaign", "Microsite"});
}

TEST_CASE("template and new: the sample as a template, a project from it and from a built-in one; bad names") {
    Scratch s;
    const std::string t = (s / "shape.json").string(), n = (s / "next.json").string(), m = (s / "site.json").string();
    Run r = run("template " + quote(kSample) + " -o " + quote(t));
    REQUIRE(r.code == 0);
    auto tj = nlohmann::json::parse(slurp(t));
    CHECK(tj["project"]["template"] == true);
    CHECK(tj["project"]["start"] == "2001-01-01");
    for (const auto& task : tj["tasks"]) CHECK_FALSE(task.contains("actualStart"));
    CHECK_FALSE(tj.contains("hours"));
    r = run("new " + quote(t) + " --start 2027-02-01 --name Next -o " + quote(n));
    REQUIRE(r.code == 0);
    auto nj = nlohmann::json::parse(slurp(n));
    CHECK(nj["project"]["name"] == "Next");
    CHECK(nj["project"]["start"] == "2027-02-01");
    CHECK_FALSE(nj["project"].contains("template"));
    CHECK(nj["tasks"].size() == tj["tasks"].size());
    CHECK(nj["tasks"][0]["id"] != tj["tasks"][0]["id"]);
    CHECK(run("validate " + quote(n)).code == 0);
    r = run("template --list");
    CHECK(r.out.find("microsite") != std::string::npos);
    r = run("new microsite --start 2027-02-03 -o " + quote(m));
    REQUIRE(r.code == 0);
    r = run("schedule " + quote(m));
    CHECK(r.out.find("Kick-off") != std::string::npos);
    CHECK(r.out.find("2027-02-03") != std::string::npos);
    r = run("new nonesuch --start 2027-02-03 -o " + quote(m));
    CHECK(r.code == 1);
    CHECK(r.err.find("neither a template file nor a built-in template (campaign, microsite, app-release, content-pipeline)") != std::string::npos);
    CHECK(run("new microsite -o " + quote(m)).code == 2);             // no start
    CHECK(run("new microsite --start 2027-13-01 -o " + quote(m)).code == 2);
    CHECK(run("template " + quote(kSample)).code == 2);               // no -o
}

TEST_CASE("pipeline: a new content pipeline, 10 articles added, the board; usage and plans that are not pipelines") {
    Scratch s;
    const std::string base = (s / "content.json").string(), full = (s / "ten.json").string();
    REQUIRE(run("new content-pipeline --start 2026-03-02 --name \"Northwind blog\" -o " + quote(base)).code == 0);
    Run r = run("pipeline " + quote(base) + " --add 10 --from 2026-03-02 --every 2 -o " + quote(full));
    REQUIRE(r.code == 0);
    CHECK(r.out.find("10 × Article, 5 stages each") != std::string::npos);
    auto j = nlohmann::json::parse(slurp(full));
    CHECK(j["tasks"].size() == 60);
    CHECK(j["deliverables"].size() == 10);
    CHECK(j["stages"].size() == 5);
    CHECK(j["links"].size() == 40);
    r = run("pipeline " + quote(full) + " --status-date 2026-03-04");
    REQUIRE(r.code == 0);
    CHECK(r.out.find("## Write (10)") != std::string::npos);
    CHECK(r.out.find("- Article 1: Writer, 2 days") != std::string::npos);
    CHECK(r.out.find("- Article 3: Writer, not started") != std::string::npos);
    CHECK(r.out.find("## Published (0)") != std::string::npos);
    r = run("pipeline " + quote(kSample));
    CHECK(r.code == 1);
    CHECK(r.err.find("is not a content pipeline") != std::string::npos);
    CHECK(run("pipeline " + quote(base) + " --add 0 -o " + quote(full)).code == 2);
    CHECK(run("pipeline " + quote(base) + " --add 3").code == 2); // no -o
    CHECK(run("pipeline " + quote(base) + " --add 3 --from 2026-02-30 -o " + quote(full)).code == 2);
}

TEST_CASE("report: --lang and --locale write the report in German with German dates and money; the JSON stays the same") {
    Run en = run("report " + quote(kSample) + " --status-date 2026-11-20");
    Run de = run("report " + quote(kSample) + " --status-date 2026-11-20 --lang de --locale de-DE");
    REQUIRE_MESSAGE(de.code == 0, de.err);
    CHECK(en.out.find("Status report: ") != std::string::npos);
    CHECK(de.out.find("Statusbericht: ") != std::string::npos);
    CHECK(de.out.find("Status zum 20. November 2026") != std::string::npos);
    CHECK(de.out.find("Gesamtstatus: ") != std::string::npos);
    CHECK(de.out.find("Status report") == std::string::npos);
    CHECK(de.out.find("\u00a0€") != std::string::npos);  // 1.234,50 € rather than €1,234.50
    CHECK(de.out.find("SPI / CPI:** 0,77") != std::string::npos);
    CHECK(de.out.find("€1") == std::string::npos);
    // The JSON's figures do not change with the language; its reasons are sentences, in German.
    nlohmann::json jsonEn = nlohmann::json::parse(run("report " + quote(kSample) + " --status-date 2026-11-20 --format json").out);
    nlohmann::json jsonDe = nlohmann::json::parse(run("report " + quote(kSample) + " --status-date 2026-11-20 --format json --lang de --locale de-DE").out);
    CHECK(jsonDe["reasons"][0].get<std::string>().find("weniger Arbeit geleistet") != std::string::npos);
    jsonEn.erase("reasons");
    jsonDe.erase("reasons");
    CHECK(jsonEn == jsonDe);
    CHECK(run("report " + quote(kSample) + " --lang xx").code == 2);
    CHECK(run("report " + quote(kSample) + " --locale nowhere").code == 2);
}
