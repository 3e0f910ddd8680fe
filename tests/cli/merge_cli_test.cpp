// `plotline merge`: files in, merged plan and its list of decisions out, exit codes, and the same
// command working as git's merge driver for plan files in a real repository.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "cli_helpers.hpp"

using namespace cli_test;
using nlohmann::json;

namespace {

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

// The sample with a name, a duration and a stamp set on one task (by row).
json edited(json p, size_t row, const std::string& field, const json& value, long long stamp) {
    p["tasks"][row][field] = value;
    p["tasks"][row]["modified"] = stamp;
    return p;
}

int shell(const std::string& cmd) { return std::system(cmd.c_str()); }

} // namespace

TEST_CASE("merge: two copies' edits in one plan; a conflict is decided by the later edit, listed, and exits 3") {
    Scratch s;
    const json base = json::parse(slurp(kSample));
    spit(s / "base.json", base.dump());
    json ours = edited(base, 3, "name", "Audience research (two markets)", 5);
    ours = edited(ours, 4, "duration", 960, 7);
    json theirs = edited(base, 3, "duration", 2400, 6);
    spit(s / "ours.json", ours.dump());
    spit(s / "clean.json", theirs.dump());
    Run r = run("merge " + quote((s / "base.json").string()) + " " + quote((s / "ours.json").string()) + " " + quote((s / "clean.json").string()) +
                " -o " + quote((s / "merged.json").string()));
    CHECK(r.code == 0);
    CHECK(has(r.err, "wrote"));
    json m = json::parse(slurp(s / "merged.json"));
    CHECK(m["tasks"][3]["name"] == "Audience research (two markets)");
    CHECK(m["tasks"][3]["duration"] == 2400);
    CHECK(m["tasks"][4]["duration"] == 960);

    theirs = edited(theirs, 4, "duration", 1200, 9); // the same field, later
    spit(s / "theirs.json", theirs.dump());
    r = run("merge " + quote((s / "base.json").string()) + " " + quote((s / "ours.json").string()) + " " + quote((s / "theirs.json").string()));
    CHECK(r.code == 3);
    CHECK(has(r.err, "conflict: task \u201c" + base["tasks"][4]["name"].get<std::string>() + "\u201d duration: ours 960, theirs 1200 \u2192 kept theirs"));
    m = json::parse(r.out); // to stdout without -o
    CHECK(m["tasks"][4]["duration"] == 1200);
    CHECK(m["tasks"][3]["name"] == "Audience research (two markets)");
    // Either side merging gives the same plan.
    Run swapped = run("merge " + quote((s / "base.json").string()) + " " + quote((s / "theirs.json").string()) + " " + quote((s / "ours.json").string()));
    CHECK(swapped.code == 3);
    CHECK(json::parse(swapped.out) == m);

    // Errors: a file that does not read (1, nothing written), wrong arguments (2).
    spit(s / "broken.json", "{\"tasks\": [");
    r = run("merge " + quote((s / "base.json").string()) + " " + quote((s / "broken.json").string()) + " " + quote((s / "theirs.json").string()) +
            " -o " + quote((s / "never.json").string()));
    CHECK(r.code == 1);
    CHECK_FALSE(fs::exists(s / "never.json"));
    CHECK(run("merge " + quote((s / "base.json").string()) + " " + quote((s / "ours.json").string())).code == 2);
}

TEST_CASE("merge as git's merge driver: two branches that edited one plan merge without a conflict marker") {
    Scratch s;
    const std::string repo = (s / "repo").string(), git = "git -C " + quote(repo) + " -c user.name=Test -c user.email=test@example.com ";
    REQUIRE(shell("git init -q -b main " + quote(repo)) == 0);
    REQUIRE(shell(git + "config merge.plotline.driver " + quote(quote(PLOTLINE_CLI) + " merge %O %A %B -o %A")) == 0);
    spit(s / "repo/.gitattributes", "*.plotline.json merge=plotline\n");
    const json base = json::parse(slurp(kSample));
    spit(s / "repo/launch.plotline.json", base.dump(2));
    REQUIRE(shell(git + "add -A && " + git + "commit -qm base") == 0);
    REQUIRE(shell(git + "checkout -qb producer") == 0);
    spit(s / "repo/launch.plotline.json", edited(base, 3, "name", "Audience research (two markets)", 5).dump(2));
    REQUIRE(shell(git + "commit -qam rename") == 0);
    REQUIRE(shell(git + "checkout -q main") == 0);
    spit(s / "repo/launch.plotline.json", edited(base, 3, "duration", 2400, 6).dump(2)); // the same task, another field
    REQUIRE(shell(git + "commit -qam longer") == 0);
    CHECK(shell(git + "merge -q producer -m merge >/dev/null 2>&1") == 0); // a line-based merge would conflict here
    const json m = json::parse(slurp(s / "repo/launch.plotline.json"));
    CHECK(m["tasks"][3]["name"] == "Audience research (two markets)");
    CHECK(m["tasks"][3]["duration"] == 2400);
}
