// The stored (binary) form of a project: the same project back, every field; other Plotline
// versions' field lists read by name; damaged bodies refused with the place of the fault, never a crash.
#include "core/binary_io.hpp"
#include "core/commands.hpp"
#include "core/json_io.hpp"
#include "core/synthetic.hpp"
#include "helpers.hpp"
#include "random_edits.hpp"

#include <fstream>
#include <random>
#include <sstream>

using namespace plotline;
using namespace plotline::test;

namespace {

Project everything() {
    Project p = plannedProject();
    addMoneySide(p);
    p.tasks[1].internal = true;
    return p;
}

std::string fileText(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    REQUIRE_MESSAGE(f.good(), path);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Replaces the first `from` in the body's type and list names by `to` (of the same length).
std::string renamed(std::string body, std::string_view from, std::string_view to) {
    REQUIRE(from.size() == to.size());
    const size_t at = body.find(from);
    REQUIRE(at != std::string::npos);
    body.replace(at, from.size(), to);
    return body;
}

// Where two bodies first differ ("" when they are the same bytes), to read in a failure.
std::string firstDifference(const std::string& a, const std::string& b) {
    if (a == b) return "";
    size_t k = 0;
    while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
    return "at byte " + std::to_string(k) + " of " + std::to_string(a.size()) + " / " + std::to_string(b.size());
}

} // namespace

TEST_CASE("the stored form gives back the same project, every field of every record") {
    SUBCASE("a plan with the money side, risks, status records and a contract") {
        Project p = everything();
        const std::string body = writeProjectBinary(p);
        CHECK(isProjectBinary(body));
        Result<Project> back = readProjectBinary(body);
        REQUIRE_MESSAGE(back.ok(), back.error());
        CHECK(*back == p);
        CHECK(writeProjectJson(*back) == writeProjectJson(p));
        CHECK(writeProjectBinary(*back) == body);
    }
    SUBCASE("the shipped sample") {
        Result<Project> p = readProjectJson(fileText(std::string(PLOTLINE_TEST_ASSETS) + "/sample-campaign.json"));
        REQUIRE(p.ok());
        Result<Project> back = readProjectBody(writeProjectBinary(*p));
        REQUIRE_MESSAGE(back.ok(), back.error());
        CHECK(*back == *p);
    }
    SUBCASE("a generated plan of 5,000 tasks with a team: under a third of its JSON") {
        Project p = syntheticProject(5000, 3);
        addSyntheticTeam(p, 12, 3);
        const std::string body = writeProjectBinary(p);
        Result<Project> back = readProjectBinary(body);
        REQUIRE(back.ok());
        CHECK(*back == p);
        CHECK(body.size() * 3 < writeProjectJson(p, false).size());
    }
    SUBCASE("a project with no tasks") {
        Project p = project("2026-01-05");
        Result<Project> back = readProjectBinary(writeProjectBinary(p));
        REQUIRE_MESSAGE(back.ok(), back.error());
        CHECK(*back == p);
    }
}

TEST_CASE("a body of either form reads by its first bytes") {
    Project p = everything();
    Result<Project> fromJson = readProjectBody(writeProjectJson(p, false));
    REQUIRE_MESSAGE(fromJson.ok(), fromJson.error());
    CHECK(*fromJson == p);
    CHECK_FALSE(isProjectBinary(writeProjectJson(p, false)));
}

TEST_CASE("written a few records at a time, the stored form is the same bytes") {
    Project p = syntheticProject(1200, 9);
    Project money = everything();
    p.vendors = money.vendors;
    p.changeRequests = money.changeRequests;
    p.baselines = money.baselines;
    const std::string whole = writeProjectBinary(p);
    ProjectBinaryWriter w(p);
    int steps = 1;
    while (!w.step(5)) ++steps;
    CHECK(steps > 1200 / 5);
    CHECK(w.take() == whole);
}

// A save spread over frames follows the edits made meanwhile (ProjectBinaryWriter::follow) instead of
// starting again: after any sequence of edits, undos and redos between its slices, at any point of
// the writing, its body must be the very bytes of the plan as it is then, written in one go.
TEST_CASE("property: a body being written follows the edits made meanwhile, to the same bytes as a fresh write") {
    int followed = 0, restarted = 0, compared = 0;
    for (uint64_t seed = 1; seed <= 12; ++seed) {
        CAPTURE(seed);
        Project start = syntheticProject(150 + int(seed * 37 % 250), seed);
        addSyntheticTeam(start, 6, seed);
        Project money = everything();
        start.vendors = money.vendors;
        start.risks = money.risks;
        Document doc(std::move(start), [] { return Stamp(1'800'000'000'000); });
        std::mt19937_64 rng(seed);
        auto writer = std::make_unique<ProjectBinaryWriter>(doc.project());
        // As the app's save does: each change told is followed when it says what it did; a change of
        // the revision that nobody was told of (a trial edit refused) starts the writer again.
        uint64_t followedRevision = doc.revision();
        doc.subscribe([&](const Document& d) {
            const RecordEdits* e = d.lastRecordEdits();
            if (d.revision() != followedRevision + 1 || !e) return;
            ++followed;
            REQUIRE(writer->follow(*e));
            followedRevision = d.revision();
        });
        for (int step = 0; step < 150; ++step) {
            CAPTURE(step);
            // A slice of the writing: a few records, many, or none.
            const size_t slice = rng() % 4 == 0 ? 0 : size_t(1 + rng() % (rng() % 2 ? 40 : 400));
            if (slice && writer->step(slice) && rng() % 3 == 0) {
                ++compared;
                REQUIRE(firstDifference(writer->text(), writeProjectBinary(doc.project())) == "");
                writer = std::make_unique<ProjectBinaryWriter>(doc.project());
            }
            const Project& p = doc.project();
            const size_t n = p.tasks.size();
            const Task& t = p.tasks[rng() % n];
            std::string why;
            const int op = int(rng() % 16);
            CAPTURE(op);
            switch (op) {
                case 10: { // a field edit, under another name as a move on the chart is
                    Task e = t;
                    e.name += "\u00e9";
                    e.duration += 480;
                    doc.executeChecked(named("Move", editTask(e)), why);
                    break;
                }
                case 13: { // a group: the predecessors of a task made two others
                    std::vector<Link> wanted;
                    for (int k = 0; k < 2; ++k)
                        if (const Task& pre = p.tasks[rng() % n]; pre.id != t.id) wanted.push_back(Link{Id::random(), pre.id, t.id, LinkType::FS, 0, 0});
                    doc.executeChecked(setPredecessors(p, t.id, wanted), why);
                    break;
                }
                case 14: // the project's own fields (a change that does not say which records)
                    doc.execute(editProjectSettings(p.name + "!", p.currency, p.start, p.calendar));
                    break;
                case 15: if (n > 20) doc.execute(deleteTasks({t.id, p.tasks[rng() % n].id})); break; // two, apart
                default: randomEdit(doc, rng, op, t); // (7: assignments replaced, which does not say which either)
            }
            if (doc.revision() != followedRevision) {
                ++restarted;
                writer = std::make_unique<ProjectBinaryWriter>(doc.project());
                followedRevision = doc.revision();
            }
        }
        while (!writer->step(size_t(1 + rng() % 500))) {}
        ++compared;
        REQUIRE(firstDifference(writer->text(), writeProjectBinary(doc.project())) == "");
    }
    CHECK(followed > 800);
    CHECK(restarted > 50);
    CHECK(compared > 50);
    MESSAGE(followed << " edits followed, " << restarted << " restarts, " << compared << " bodies compared");
}

TEST_CASE("fields are matched by name: a field or list this version does not know is skipped, one it misses takes its default") {
    Project p = everything();
    p.tasks[0].notes = "kept out";
    const std::string body = writeProjectBinary(p);
    // As if stored by a Plotline whose tasks have "notez" instead of "notes", and a list "riskz".
    Result<Project> back = readProjectBinary(renamed(renamed(body, "notes", "notez"), "risks", "riskz"));
    REQUIRE_MESSAGE(back.ok(), back.error());
    CHECK(back->tasks[0].notes.empty());
    CHECK(back->risks.empty());
    Project expected = p;
    for (Task& t : expected.tasks) t.notes.clear();
    expected.risks.clear();
    CHECK(*back == expected);
    // A required field the file lacks is named.
    Result<Project> noName = readProjectBinary(renamed(body, "title", "titel"));
    REQUIRE_FALSE(noName.ok());
    CHECK(noName.error().find(".title: missing") != std::string::npos);
}

TEST_CASE("values out of their field's range are refused with their place") {
    Project p = plannedProject();
    p.tasks[2].percentComplete = 150;
    Result<Project> back = readProjectBinary(writeProjectBinary(p));
    REQUIRE_FALSE(back.ok());
    CHECK(back.error() == "the stored project is damaged (tasks[2].percentComplete: out of range (0 to 100))");
    Project q = plannedProject();
    q.baselines[0].tasks[0].start = Date{-80000};
    Result<Project> b2 = readProjectBinary(writeProjectBinary(q));
    REQUIRE_FALSE(b2.ok());
    CHECK(b2.error() == "the stored project is damaged (baselines[0].tasks[0].start: not a date from 1900 to 2999)");
}

TEST_CASE("a damaged body is refused, never read past its end: every cut and many changed bytes") {
    const std::string body = writeProjectBinary(everything());
    for (size_t n = 0; n < body.size(); ++n) {
        Result<Project> r = readProjectBinary(std::string_view(body).substr(0, n));
        CHECK_FALSE_MESSAGE(r.ok(), "cut at ", n);
    }
    std::mt19937 rng(11);
    int refused = 0;
    for (int k = 0; k < 3000; ++k) {
        std::string bad = body;
        for (int flips = 1 + int(rng() % 3); flips > 0; --flips) bad[rng() % bad.size()] = char(rng());
        refused += !readProjectBinary(bad).ok(); // read or refused; under the sanitizers, never out of bounds
    }
    CHECK(refused > 0);
    CHECK(readProjectBinary(body + "x").error() == "the stored project is damaged (unexpected bytes after its end)");
    CHECK(readProjectBinary(renamed(body, "PLTB\x01", "PLTB\x02")).error().find("newer Plotline") != std::string::npos);
}

TEST_CASE("a count larger than the rest of the body is refused before anything is allocated for it") {
    Project p = plannedProject();
    std::string body = writeProjectBinary(p);
    const std::string list = std::string("\x05tasks\x04Task", 11);
    const size_t at = body.find(list);
    REQUIRE(at != std::string::npos);
    const size_t count = at + list.size();
    REQUIRE(uint8_t(body[count]) == p.tasks.size()); // one byte: fewer than 128 tasks
    body.replace(count, 1, std::string("\xff\xff\xff\xff\xff\xff\xff\xff\x3f", 9)); // 2^62 - 1 tasks
    Result<Project> r = readProjectBinary(body);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == "the stored project is damaged (tasks: cut short)");
}
