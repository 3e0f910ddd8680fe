#include "core/files.hpp"
#include "core/fields.hpp"
#include "core/json_io.hpp"
#include "core/sealed.hpp"
#include "core/synthetic.hpp"
#include "helpers.hpp"

#include <fstream>
#include <sstream>

using namespace plotline;
using namespace plotline::test;


TEST_CASE("JSON round trip keeps every field and every id") {
    Project p = plannedProject();
    SUBCASE("with the money side") { addMoneySide(p); }
    std::string text = writeProjectJson(p);
    Result<Project> back = readProjectJson(text);
    REQUIRE_MESSAGE(back.ok(), back.error());
    CHECK(*back == p);
    CHECK(writeProjectJson(*back) == text);
}

TEST_CASE("a project written a few records at a time is the same file, and sealed in place the same version") {
    Project p = syntheticProject(1500, 5);
    Project money = plannedProject();
    addMoneySide(money);
    p.budgetLines = money.budgetLines;
    p.costs = money.costs;
    p.vendors = money.vendors;
    p.baselines = money.baselines;
    for (bool pretty : {false, true}) {
        const std::string whole = writeProjectJson(p, pretty);
        ProjectJsonWriter w(p, pretty);
        int steps = 1;
        uint32_t crc = 0;
        size_t summed = 0;
        while (!w.step(7)) {
            ++steps;
            crc = crc32(std::string_view(w.text()).substr(summed), crc);
            summed = w.text().size();
        }
        crc = crc32(std::string_view(w.text()).substr(summed), crc);
        CHECK(steps > (1500 + 2000) / 7);
        std::string sliced = w.take();
        CHECK(sliced == whole);
        VersionInfo info{3, 1000, "Plan", 1500, 0};
        CHECK(seal(std::move(sliced), info, crc) == seal(whole, info));
    }
}

TEST_CASE("the shipped sample project is valid") {
    std::ifstream f(std::string(PLOTLINE_TEST_ASSETS) + "/sample-campaign.json");
    REQUIRE(f.good());
    std::stringstream ss;
    ss << f.rdbuf();
    Result<Project> p = readProjectJson(ss.str());
    REQUIRE_MESSAGE(p.ok(), p.error());
    CHECK(p->tasks.size() >= 35);
    CHECK(p->resources.size() >= 3);
}

TEST_CASE("validation errors name the path") {
    Project p = plannedProject();
    std::string text = writeProjectJson(p);
    auto replace = [&](std::string from, std::string to) {
        std::string t = text;
        auto at = t.find(from);
        REQUIRE(at != std::string::npos);
        t.replace(at, from.size(), to);
        return readProjectJson(t);
    };
    auto bad = replace("\"2026-03-10\"", "\"2026-02-30\"");
    CHECK_FALSE(bad.ok());
    CHECK(bad.error().find("tasks[2].constraintDate: not a date") != std::string::npos);

    bad = replace("\"constraint\": \"SNET\"", "\"constraint\": \"LATER\"");
    CHECK(bad.error().find("tasks[2].constraint: not a constraint") != std::string::npos);

    bad = replace("\"actualFinish\": \"2026-03-03\"", "\"actualFinish\": \"2026-03-01\"");
    CHECK(bad.error().find("actualFinish: before the actual start 2026-03-02") != std::string::npos);

    bad = replace("\"2026-03-12\"", "\"someday\"");
    CHECK(bad.error().find("resources[0].daysOff[1]: not a date") != std::string::npos);

    bad = replace("\"percentComplete\": 40", "\"percentComplete\": 140");
    CHECK(bad.error().find("tasks[2].percentComplete: out of range") != std::string::npos);

    bad = replace("\"type\": \"SS\"", "\"type\": \"XX\"");
    CHECK(bad.error().find("links[0].type") != std::string::npos);

    bad = replace("\"currency\": \"GBP\"", "\"currency\": \"pounds\"");
    CHECK(bad.error().find("project.currency") != std::string::npos);

    bad = replace("\"duration\": 1440", "\"duration\": \"3d\"");
    CHECK(bad.error().find("tasks[1].duration: not a whole number") != std::string::npos);
}

TEST_CASE("schema 1 files open: a task's \"start\" becomes start-no-earlier-than") {
    Project p = plannedProject();
    std::string text = writeProjectJson(p);
    auto replace = [&](std::string from, std::string to) {
        auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
    };
    replace("\"schemaVersion\": " + std::to_string(kSchemaVersion), "\"schemaVersion\": 1");
    replace("\"constraint\": \"SNET\",", "");
    replace("\"constraintDate\": \"2026-03-10\"", "\"start\": \"2026-03-10\"");
    Result<Project> back = readProjectJson(text);
    REQUIRE_MESSAGE(back.ok(), back.error());
    CHECK(back->tasks[2].constraint == Constraint::SNET);
    CHECK(back->tasks[2].constraintDate == d("2026-03-10"));
    CHECK(*back == p);
}

TEST_CASE("references, duplicates and outline order are checked") {
    Project p = plannedProject();
    Project dup = p;
    dup.tasks[1].id = dup.tasks[2].id;
    CHECK(readProjectJson(writeProjectJson(dup)).error().find("duplicate id") != std::string::npos);

    Project dangling = p;
    dangling.links[0].successor = Id::random();
    CHECK(readProjectJson(writeProjectJson(dangling)).error().find("links[0].successor: refers to no task") != std::string::npos);

    Project orphan = p;
    std::swap(orphan.tasks[0], orphan.tasks[1]); // child before its parent
    CHECK(readProjectJson(writeProjectJson(orphan)).error().find("tasks[0].parent") != std::string::npos);

    Project self = p;
    self.links[0].successor = self.links[0].predecessor;
    CHECK(readProjectJson(writeProjectJson(self)).error().find("cannot depend on itself") != std::string::npos);
}

TEST_CASE("files that are not projects are refused with a clear message") {
    CHECK(readProjectJson("").error().find("not a JSON document") != std::string::npos);
    CHECK(readProjectJson("{\"tasks\": [").error().find("not a JSON document") != std::string::npos);
    CHECK(readProjectJson("[1,2]").error().find("not a JSON object") != std::string::npos);
    CHECK(readProjectJson("{}").error().find("schemaVersion: missing") != std::string::npos);
    CHECK(readProjectJson("{\"schemaVersion\": 99, \"project\": {}}").error().find("newer Plotline") != std::string::npos);
    CHECK(readProjectJson("{\"schemaVersion\": 1, \"project\": {\"id\": 5}}").error().find("project.id: not an id") != std::string::npos);
    // Truncated at every byte of a real document: never a crash, never a half-loaded project.
    std::string text = writeProjectJson(plannedProject(), false);
    for (size_t n = 0; n + 1 < text.size(); n += 7) CHECK_FALSE(readProjectJson(text.substr(0, n)).ok());
}

namespace {
std::string fixture(const std::string& name) {
    std::ifstream f(std::string(PLOTLINE_TEST_FIXTURES) + "/" + name);
    REQUIRE_MESSAGE(f.good(), name);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}
} // namespace

TEST_CASE("every older schema's fixture opens and migrates; a newer one opens only on request, read-only") {
    int schema = 0;
    const Result<Project> current = readProjectJson(fixture("schema-2.json"), false, &schema);
    REQUIRE_MESSAGE(current.ok(), current.error());
    CHECK(schema == 2);
    CHECK(current->budgetLines.empty()); // schema 2 had no money side: it starts empty
    CHECK(current->contingency == Contingency{});
    CHECK(*readProjectJson(writeProjectJson(*current)) == *current);

    const Result<Project> v1 = readProjectJson(fixture("schema-1.json"), false, &schema);
    REQUIRE_MESSAGE(v1.ok(), v1.error());
    CHECK(schema == 1);
    REQUIRE(v1->tasks.size() == current->tasks.size());
    for (size_t i = 0; i < v1->tasks.size(); ++i) CHECK(v1->tasks[i].name == current->tasks[i].name);
    CHECK(v1->tasks[2].constraint == Constraint::SNET); // the schema-1 "start"
    CHECK(v1->tasks[2].constraintDate == d("2026-11-16"));
    CHECK(v1->baselines.empty());
    // Written back, a migrated file is in the current schema and reads the same.
    const std::string rewritten = writeProjectJson(*v1);
    CHECK(rewritten.find("\"schemaVersion\": " + std::to_string(kSchemaVersion)) != std::string::npos);
    CHECK(*readProjectJson(rewritten) == *v1);

    // Schema 3: the sample with its budget, actuals, change requests and risks.
    const Result<Project> v3 = readProjectJson(fixture("schema-3.json"), false, &schema);
    REQUIRE_MESSAGE(v3.ok(), v3.error());
    CHECK(schema == 3);
    CHECK(v3->budgetLines.size() == 7);
    CHECK(v3->changeRequests.size() == 3);
    CHECK(v3->changeRequests[1].log.size() == 2);
    CHECK(v3->risks.size() == 5);
    CHECK(v3->hours.size() > 30);
    CHECK(v3->contingency.basisPoints == 1000);
    // Its one rate per person is what the client was charged: the bill rate, dated changes and all; the
    // cost rate is not known (margins then say "cost rates missing" rather than invent one).
    const std::string old3 = fixture("schema-3.json");
    REQUIRE(old3.find("\"hourlyRate\": 11000") != std::string::npos);
    CHECK(v3->resources[1].billRate == 11000);
    for (const Resource& r : v3->resources) {
        CHECK(!r.costRate);
        CHECK(r.costRateChanges.empty());
    }
    // A schema-3 raise (the sample had none) becomes a bill rate change.
    std::string raised = old3;
    raised.replace(raised.find("\"hourlyRate\": 11000,"), 20,
                   R"("hourlyRate": 11000, "rateChanges": [{"from": "2026-12-01", "hourlyRate": 11800}, {"from": "2027-01-01", "hourlyRate": 12400}],)");
    const Result<Project> r3 = readProjectJson(raised);
    REQUIRE_MESSAGE(r3.ok(), r3.error());
    CHECK(r3->resources[1].billRateChanges == std::vector<RateChange>{{d("2026-12-01"), 11800}, {d("2027-01-01"), 12400}});
    CHECK(r3->resources[1].rateOn(d("2026-12-15")) == 11800);
    CHECK(!r3->resources[1].costRateOn(d("2026-12-15")));
    CHECK(v3->contract == Contract{}); // time and materials, no cap: revenue is the hours at bill rates
    const std::string as4 = writeProjectJson(*v3);
    CHECK(as4.find("\"hourlyRate\"") == std::string::npos);
    CHECK(as4.find("\"billRate\": 11000") != std::string::npos);
    CHECK(as4.find("\"schemaVersion\": 4") != std::string::npos);
    CHECK(*readProjectJson(as4) == *v3);

    const std::string future = fixture("schema-5-future.json");
    const Result<Project> refused = readProjectJson(future);
    REQUIRE(!refused);
    CHECK(refused.error().find("newer Plotline") != std::string::npos);
    const Result<Project> shown = readProjectJson(future, true, &schema);
    REQUIRE_MESSAGE(shown.ok(), shown.error());
    CHECK(schema == 5);
    CHECK(shown->tasks.size() == current->tasks.size());
}

TEST_CASE("money-side errors name the path; references to deleted tasks are kept") {
    Project p = plannedProject();
    test::addMoneySide(p);
    std::string text = writeProjectJson(p);
    auto edited = [&](std::string from, std::string to) {
        std::string t = text;
        auto at = t.find(from);
        REQUIRE_MESSAGE(at != std::string::npos, from);
        t.replace(at, from.size(), to);
        return readProjectJson(t);
    };
    auto bad = edited("\"category\": \"media\"", "\"category\": \"snacks\"");
    REQUIRE(!bad);
    CHECK(bad.error().find("budgetLines[1].category: not a cost category") != std::string::npos);
    bad = edited("\"probability\": 4", "\"probability\": 9");
    REQUIRE(!bad);
    CHECK(bad.error().find("risks[0].probability: out of range (1 to 5)") != std::string::npos);
    bad = edited("\"amount\": 1500000", "\"amount\": 15000.5");
    REQUIRE(!bad);
    CHECK(bad.error().find("budgetLines[1].amount: not a whole number") != std::string::npos);
    bad = edited("\"from\": \"2027-01-01\"", "\"from\": \"2026-01-01\"");
    REQUIRE(!bad);
    CHECK(bad.error().find("billRateChanges[1].from: rate changes must be in date order") != std::string::npos);
    // A change request's new task needs a name; one that changes an existing task does not.
    bad = edited("\"name\": \"Store finder page\",", "");
    REQUIRE(!bad);
    CHECK(bad.error().find("changeRequests[0].items[0].name: missing") != std::string::npos);
    bad = edited("\"title\": \"Add a store-finder page\"", "\"titel\": \"Add a store-finder page\"");
    REQUIRE(!bad);
    CHECK(bad.error().find("changeRequests[0].title: missing") != std::string::npos);
    // A cost booked on a task that was deleted since stays in the file.
    const std::string gone = Id::random().str();
    auto kept = edited("\"note\": \"NL-118\",\n      \"task\": \"" + p.tasks[1].id.str(), "\"note\": \"NL-118\",\n      \"task\": \"" + gone);
    REQUIRE_MESSAGE(kept.ok(), kept.error());
    CHECK(kept->costs[0].task.str() == gone);
}

TEST_CASE("download names come from the project name") {
    CHECK(fileStem("Aurora Coffee — Spring Launch Campaign") == "Aurora-Coffee-Spring-Launch-Campaign");
    CHECK(fileStem("Café “Nord” 2027") == "Café-Nord-2027");
    CHECK(fileStem("  ***  ") == "plan");
}

TEST_CASE("files written by Plotline read and write back byte for byte (the sample); older schemas read back the same") {
    for (const std::string path : {std::string(PLOTLINE_TEST_ASSETS) + "/sample-campaign.json", std::string(PLOTLINE_TEST_FIXTURES) + "/schema-2.json",
                                   std::string(PLOTLINE_TEST_FIXTURES) + "/schema-3.json"}) {
        CAPTURE(path);
        const auto text = readWholeFile(path);
        REQUIRE(text);
        Result<Project> p = readProjectJson(*text);
        REQUIRE_MESSAGE(p.ok(), p.error());
        const std::string again = writeProjectJson(*p);
        if (text->find("\"schemaVersion\": " + std::to_string(kSchemaVersion)) != std::string::npos) CHECK(again == *text);
        else CHECK(*readProjectJson(again) == *p); // migrated: in the current schema, nothing lost
        CHECK(writeProjectJson(*p, false).size() < again.size());
    }
}

TEST_CASE("field tables: the comparison names exactly the fields that changed, for every kind of record") {
    Project p = plannedProject();
    addMoneySide(p);
    // A task: each edit is reported by the field's name in the file.
    Task a = p.tasks[2], b = a;
    CHECK(changedFields(a, b).empty());
    b.name = "Renamed";
    b.percentComplete = 90;
    b.deadline = d("2026-04-01");
    CHECK(changedFields(a, b) == std::vector<std::string>{"deadline", "name", "percentComplete"});
    b = a;
    b.constraintDate = d("2026-03-11");
    CHECK(changedFields(a, b) == std::vector<std::string>{"constraint"}); // the constraint and its date are one field
    b = a;
    b.modified = a.modified + 1;
    CHECK(changedFields(a, b) == std::vector<std::string>{"modified"});
    // Nested lists count as one field; money records, links, resources.
    ChangeRequest c = p.changeRequests[0], c2 = c;
    c2.items[0].duration += DAY;
    c2.status = ChangeStatus::Rejected;
    CHECK(changedFields(c, c2) == std::vector<std::string>{"items", "status"});
    Link l = p.links[0], l2 = l;
    l2.type = LinkType::FF;
    l2.lag = 0;
    CHECK(changedFields(l, l2) == std::vector<std::string>{"lag", "type"});
    Resource r = p.resources[0], r2 = r;
    r2.daysOff.push_back(d("2026-05-01"));
    r2.billRateChanges.clear();
    CHECK(changedFields(r, r2) == std::vector<std::string>{"billRateChanges", "daysOff"});
    r2 = r;
    r2.costRate.reset();
    r2.costRateChanges[0].rate += 100;
    CHECK(changedFields(r, r2) == std::vector<std::string>{"costRate", "costRateChanges"});
    CHECK(fieldText(r, "costRate") == "5200");
    CHECK(fieldText(r2, "costRate") == ""); // none: left out of the file
    const Result<Resource> back = withFieldText(r2, "costRate", "5200");
    REQUIRE(back.ok());
    CHECK(back->costRate == 5200);
    BillingItem bi = p.billing[0], bi2 = bi;
    bi2.task = Id{};
    bi2.date = d("2026-05-01");
    CHECK(changedFields(bi, bi2) == std::vector<std::string>{"date", "task"});
    ClientInvoice ci = p.clientInvoices[0], ci2 = ci;
    ci2.paid.reset();
    CHECK(changedFields(ci, ci2) == std::vector<std::string>{"paid"});
    CHECK(recordText(p.contract) == R"({"cap":9000000,"marginTarget":2500,"monthlyFee":0,"type":"fixedFee"})");
    CHECK(*recordFromText<Contract>(recordText(p.contract)) == p.contract);
    CHECK(!recordFromText<Contract>(R"({"type":"barter"})"));
    Risk k = p.risks[0], k2 = k;
    k2.tasks.clear();
    CHECK(changedFields(k, k2) == std::vector<std::string>{"tasks"});
    Vendor v = p.vendors[0], v2 = v;
    v2.invoices[0].paid = !v2.invoices[0].paid;
    CHECK(changedFields(v, v2) == std::vector<std::string>{"invoices"});
    CostEntry e = p.costs[0], e2 = e;
    e2.note.clear();
    e2.vendor = Id{};
    CHECK(changedFields(e, e2) == std::vector<std::string>{"note", "vendor"});
}
