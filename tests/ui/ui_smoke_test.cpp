// Windowless UI tests: the real App and views run frames over the sample and over a 10,000-task
// plan, with simulated mouse and keys, under AddressSanitizer and UBSan. Dear ImGui needs no
// renderer for this: frames are built and "rendered" into draw lists that nobody uploads.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "app/app.hpp"
#include "app/draw_hash.hpp"
#include "app/theme.hpp"
#include "app/widget_registry.hpp"
#include "core/budget.hpp"
#include "core/profit.hpp"
#include "core/json_io.hpp"
#include "core/money.hpp"
#include "platform/native/native_host.hpp"
#include "ui_harness.hpp"
#include "core/commands.hpp"
#include "core/synthetic.hpp"
#include "core/schedule_store.hpp"

#include <imgui.h>

#include <filesystem>
#include <nlohmann/json.hpp>

using namespace plotline;
using namespace plotline::ui_test;

namespace {

// Storage that fails on demand, as a full disk or a blocked IndexedDB would.
class FaultyStorage final : public FileStorage {
public:
    using FileStorage::FileStorage;
    void persist(const std::string& area, Done done) override {
        if (failing) done("QuotaExceededError (injected)");
        else FileStorage::persist(area, done);
    }
    bool failing = true;
};

Project bigPlan(int n) {
    Project p;
    p.id = Id::random();
    p.name = "Ten thousand";
    p.start = Date::fromYmd(2026, 1, 5);
    Id phase;
    for (int i = 0; i < n; ++i) {
        Task t;
        t.id = Id::random();
        t.name = "Task " + std::to_string(i + 1);
        if (i % 50 == 0) { phase = t.id; t.duration = 480; }
        else t.parent = phase;
        t.duration = 480 * (1 + i % 5);
        t.percentComplete = (i * 7) % 101;
        p.tasks.push_back(t);
        if (i % 50 > 1) p.links.push_back({Id::random(), p.tasks[size_t(i - 1)].id, t.id, LinkType::FS, (i % 3) * 240, 0});
    }
    return p;
}

// Starts on the sample, renames its second task and lets autosave store that; the project's id.
std::string startAndSaveAnEdit(Harness& h) {
    h.start();
    h.click(h.widget("task.name.1").centre(), true);
    h.replaceText("Kick-off, edited");
    h.host.fakeNow += 1000;
    h.frames(2);
    REQUIRE(h.app->autosave().state() == AutoSave::State::Saved);
    return h.app->openId();
}


// A generated plan of 20k tasks imported, and saved: a plan big enough for its save to take frames.
void importBigPlan(Harness& h, uint64_t seed) {
    Project big = syntheticProject(20000, seed);
    addSyntheticTeam(big, 200, seed);
    h.app->importFile("big.json", writeProjectJson(big, false));
    for (int i = 0; i < 400 && !(h.project().tasks.size() == 20000 && h.app->autosave().idle()); ++i) h.frames(1);
    REQUIRE(h.app->autosave().idle());
}

// A task's name changed through the document; its id.
Id rename(Document& doc, size_t row, std::string name) {
    Task t = doc.project().tasks[row];
    t.name = std::move(name);
    doc.execute(editTask(t));
    return t.id;
}

} // namespace

TEST_CASE("the sample opens on first start and shows its tasks, bars and scale") {
    Harness h("sample");
    h.start();
    CHECK(h.app->ready());
    CHECK(h.project().tasks.size() >= 35);
    CHECK(h.has("task.name.0"));
    CHECK(h.has("gantt.bar.1"));
    CHECK(h.has("gantt.scale"));
    CHECK(h.has("menu.Project"));
    CHECK(h.widget("task.name.0").w > 100);
}

// The web host skips drawing a frame whose picture is the one on screen (draw_hash.hpp): idle frames
// must fingerprint the same, and anything that changes a pixel (a hover, an edit) must not.
TEST_CASE("a frame that shows the same picture fingerprints the same; a hover or an edit changes it") {
    Harness h("draw-hash");
    h.start();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(-1, -1);
    h.frames(3);
    const uint64_t idle = drawDataHash(*ImGui::GetDrawData());
    h.frames(1);
    CHECK(drawDataHash(*ImGui::GetDrawData()) == idle);
    h.frames(5);
    CHECK(drawDataHash(*ImGui::GetDrawData()) == idle);
    // One vertex one shade off (a colour-only change, as a hover often is) is another picture.
    ImDrawVert& v = ImGui::GetDrawData()->CmdLists[ImGui::GetDrawData()->CmdListsCount - 1]->VtxBuffer.back();
    v.col ^= 1;
    CHECK(drawDataHash(*ImGui::GetDrawData()) != idle);
    v.col ^= 1;
    // Any one bit of the first vertices and indices, wherever it falls in the hash's four lanes.
    ImDrawList& list = *ImGui::GetDrawData()->CmdLists[0];
    REQUIRE(list.VtxBuffer.Size >= 64);
    REQUIRE(list.IdxBuffer.Size >= 128);
    int same = 0;
    for (auto* bytes : {reinterpret_cast<unsigned char*>(list.VtxBuffer.Data), reinterpret_cast<unsigned char*>(list.IdxBuffer.Data)})
        for (size_t i = 0; i < 64 * sizeof(ImDrawIdx) * 2; ++i) {
            bytes[i] ^= 0x10;
            same += drawDataHash(*ImGui::GetDrawData()) == idle;
            bytes[i] ^= 0x10;
        }
    CHECK(same == 0);
    CHECK(drawDataHash(*ImGui::GetDrawData()) == idle);

    io.MousePos = h.widget("view.budget").centre(); // the button lights up under the mouse
    h.frames(2);
    const uint64_t hovered = drawDataHash(*ImGui::GetDrawData());
    CHECK(hovered != idle);
    io.MousePos = ImVec2(-1, -1);
    h.frames(2);
    CHECK(drawDataHash(*ImGui::GetDrawData()) == idle); // back as it was: nothing new to draw

    Task t = h.project().tasks[1];
    t.name = "Kick-off, renamed";
    REQUIRE(h.app->document().execute(editTask(t)));
    h.frames(2);
    CHECK(drawDataHash(*ImGui::GetDrawData()) != idle);
}

TEST_CASE("Insert on a summary adds its sibling below its whole subtree") {
    Harness h("insert-summary");
    h.start();
    const Schedule& s = h.app->document().schedule();
    size_t phase = 0;
    while (phase < s.tasks.size() && !s.tasks[phase].summary) ++phase;
    REQUIRE(phase < s.tasks.size());
    size_t end = phase + 1;
    while (end < s.tasks.size() && s.tasks[end].level > s.tasks[phase].level) ++end;
    REQUIRE(end > phase + 1);
    const Task summary = h.project().tasks[phase];
    h.app->gantt().selectRow(int(phase));
    h.frames(2);
    h.key(ImGuiKey_Insert);
    h.frames(2);
    REQUIRE(h.project().tasks.size() > end);
    CHECK(h.project().tasks[end].name == "New task");
    CHECK(h.project().tasks[end].parent == summary.parent);
    CHECK(h.project().tasks[phase].id == summary.id);
}

TEST_CASE("Ctrl+click selects several tasks; Delete removes every one of them, and undo brings them back") {
    Harness h("select-several");
    h.start();
    const Schedule& s = h.app->document().schedule();
    std::vector<int> leaves; // three tasks without children, apart from each other
    for (size_t r = 1; r < s.tasks.size() && leaves.size() < 3; ++r)
        if (!s.tasks[r].summary && (leaves.empty() || int(r) > leaves.back() + 1)) leaves.push_back(int(r));
    REQUIRE(leaves.size() == 3);
    std::vector<Id> ids;
    for (int r : leaves) ids.push_back(h.project().tasks[size_t(r)].id);
    const size_t before = h.project().tasks.size();
    auto rowAt = [&](int r) {
        const auto w = h.widget("task.row." + std::to_string(r));
        return ImVec2(w.x + 6, w.y + w.h / 2);
    };
    h.click(rowAt(leaves[0]));
    ImGui::GetIO().KeyCtrl = true;
    h.click(rowAt(leaves[1]));
    h.click(rowAt(leaves[2]));
    ImGui::GetIO().KeyCtrl = false;
    REQUIRE(h.app->gantt().selectionSize() == 3);
    h.key(ImGuiKey_Delete);
    h.frames(2);
    CHECK(h.project().tasks.size() == before - 3);
    for (Id id : ids) CHECK(h.project().taskIndex(id) < 0);
    h.key(ImGuiKey_Z, true);
    h.frames(2);
    REQUIRE(h.project().tasks.size() == before);
    for (size_t k = 0; k < ids.size(); ++k) CHECK(h.project().taskIndex(ids[k]) == leaves[k]);
}

TEST_CASE("Insert on the last row scrolls the new task into view and edits its name") {
    Harness h("insert-last");
    h.start();
    const int last = int(h.project().tasks.size()) - 1;
    h.app->gantt().selectRow(last);
    h.app->gantt().scrollToTask(last);
    h.frames(3);
    h.key(ImGuiKey_Insert);
    h.frames(3);
    REQUIRE(h.project().tasks.size() == size_t(last) + 2);
    CHECK(h.project().tasks.back().name == "New task");
    CHECK(h.has("task.edit")); // the name's field is on screen, taking what is typed
    CHECK(ImGui::GetIO().WantTextInput);
    h.type("Client review");
    h.key(ImGuiKey_Enter);
    CHECK(h.project().tasks.back().name == "Client review");
}

TEST_CASE("renaming a task in place, undo and redo, and autosave writes it") {
    Harness h("rename");
    h.start();
    const Id id = h.project().tasks[1].id;
    h.click(h.widget("task.name.1").centre(), true);
    REQUIRE(h.has("task.edit"));
    h.replaceText("Kick-off with Aurora");
    CHECK(h.project().tasks[1].name == "Kick-off with Aurora");
    CHECK(h.project().tasks[1].id == id);
    h.host.fakeNow += 1000;
    h.frames(2);
    CHECK(h.app->autosave().state() == AutoSave::State::Saved);
    CHECK(h.saved().tasks[1].name == "Kick-off with Aurora");

    h.key(ImGuiKey_Z, true);
    CHECK(h.project().tasks[1].name == "Kick-off workshop with client");
    h.key(ImGuiKey_Y, true);
    CHECK(h.project().tasks[1].name == "Kick-off with Aurora");

    // A second start over the same storage reopens the edited plan.
    h.app = std::make_unique<App>(h.host);
    h.app->start();
    h.frames(2);
    CHECK(h.project().tasks[1].name == "Kick-off with Aurora");
}

TEST_CASE("a failed save says so, keeps the edit and succeeds on a later retry") {
    Harness h("faulty");
    auto faulty = std::make_unique<FaultyStorage>(h.dir_.string());
    FaultyStorage* storage = faulty.get();
    h.host.storage_ = std::move(faulty);
    storage->failing = false;
    h.start();
    storage->failing = true; // the disk fills up while the user works
    h.click(h.widget("task.name.1").centre(), true);
    h.replaceText("Kick-off, moved");
    h.host.fakeNow += 1000;
    h.frames(2);
    CHECK(h.app->autosave().state() == AutoSave::State::Failed);
    CHECK(h.app->statusJson().find("QuotaExceededError") != std::string::npos);
    CHECK(h.project().tasks[1].name == "Kick-off, moved");
    storage->failing = false;
    h.host.fakeNow += AutoSave::kRetryMs + 100;
    h.frames(2);
    CHECK(h.app->autosave().state() == AutoSave::State::Saved);
    CHECK(h.saved().tasks[1].name == "Kick-off, moved");
}

TEST_CASE("a big plan is saved a slice per frame; an edit during the save is in the version it stores; hiding the page saves at once") {
    Harness h("spread-save");
    h.start();
    importBigPlan(h, 9);
    Document& doc = h.app->document();
    auto savedName = [&](Id id) { const Project saved = h.saved(); return saved.task(id) ? saved.task(id)->name : "(gone)"; };
    const Id hero = rename(doc, 5, "Hero film edit");
    h.frames(1);            // the debounce starts
    h.host.fakeNow += 1000; // and passes
    h.frames(1);
    REQUIRE(h.app->autosave().state() == AutoSave::State::Saving);
    int frames = 1;
    // The save under way starts again from the new plan: deleting a task drops its assignments,
    // which the file holds first (already written when the save began).
    const Id gone = doc.project().assignments.front().task;
    doc.execute(deleteTasks({gone}));
    const Id renamed = rename(doc, 6, "Renamed while saving");
    for (; frames < 400 && h.app->autosave().state() == AutoSave::State::Saving; ++frames) h.frames(1);
    CHECK(frames > 2); // spread over frames (a 20k-task file takes far longer than one slice)
    // Done in one save: the one that was under way covers the edits made meanwhile.
    REQUIRE(h.app->autosave().idle());
    CHECK(savedName(hero) == "Hero film edit");
    CHECK(savedName(renamed) == "Renamed while saving");
    CHECK(savedName(gone) == "(gone)");
    CHECK(h.saved() == h.project());

    const Id last = rename(doc, 7, "Saved as the tab closes");
    h.frames(1);
    h.host.fakeNow += 1000;
    h.frames(1);
    REQUIRE(h.app->autosave().state() == AutoSave::State::Saving);
    h.app->pageHidden(); // no frame may follow
    CHECK(h.app->autosave().idle());
    CHECK(savedName(last) == "Saved as the tab closes");
}

// Edits on every frame (a key held down, a run of quick edits) used to start a big plan's save again
// each time, until after 3 s it was finished in one go: a frame of a fifth of a second at 100k. The
// save now follows such edits into the body it is writing and completes in slices meanwhile.
TEST_CASE("a big plan's save follows the edits made on every frame and completes while they go on") {
    Harness h("steady-save");
    h.start();
    importBigPlan(h, 11);
    Document& doc = h.app->document();
    rename(doc, 5, "First");
    h.frames(1);
    h.host.fakeNow += 1000;
    h.frames(1);
    REQUIRE(h.app->autosave().state() == AutoSave::State::Saving);
    const Stamp began = h.host.fakeNow;
    // Every frame an edit, 40 ms apart: renames all over the plan, and now and then a task moved
    // down, a summary deleted and brought back, rows pasted.
    std::optional<Stamp> firstSaved;
    Id renamedDuringSave;
    std::string why;
    for (int frame = 0; frame < 60; ++frame) {
        const size_t row = size_t(frame) * 331 % 19000 + 10;
        if (frame % 7 == 3) doc.execute(moveTask(doc.project(), doc.project().tasks[row].id, 1, why));
        else if (frame % 7 == 5) {
            doc.execute(deleteTasks({doc.project().tasks[row].id}));
            if (frame % 2) doc.undo();
        } else if (frame % 7 == 6) {
            std::vector<Task> rows(3);
            for (Task& r : rows) r.id = Id::random(), r.name = "Pasted", r.duration = 480;
            doc.execute(insertTasks(row, rows, {Link{Id::random(), rows[0].id, rows[2].id, LinkType::FS, 0, 0}}));
        } else {
            const Id id = rename(doc, row, "Edit " + std::to_string(frame));
            if (frame == 1) renamedDuringSave = id;
        }
        h.host.fakeNow += 40;
        h.frames(1);
        if (!firstSaved && h.app->autosave().state() != AutoSave::State::Saving) firstSaved = h.host.fakeNow;
    }
    REQUIRE(firstSaved);
    CHECK(*firstSaved - began < 3000); // not the save forced after 3 s of edits
    const Project saved = h.saved();
    REQUIRE(saved.task(renamedDuringSave));
    CHECK(saved.task(renamedDuringSave)->name.rfind("Edit ", 0) == 0); // an edit made while it was being written
    for (int i = 0; i < 400 && !h.app->autosave().idle(); ++i) {
        h.host.fakeNow += 500;
        h.frames(1);
    }
    REQUIRE(h.app->autosave().idle());
    CHECK(h.saved() == h.project());
}

TEST_CASE("the save's last stage waits for a frame with room for it, a few frames at most") {
    // (the stage cannot be cut: sealing, writing and handing the version to storage, ~13 ms at 100k)
    CHECK(App::finalSaveStageNow(8, 1, 13, 0));        // an idle frame: it goes now
    CHECK_FALSE(App::finalSaveStageNow(3, 6, 13, 0));  // the frame of an edit or of the dashboard's figures: it waits
    CHECK_FALSE(App::finalSaveStageNow(3, 6, 13, App::kFinalWaitFrames - 1));
    CHECK(App::finalSaveStageNow(3, 6, 13, App::kFinalWaitFrames)); // but not for ever
    CHECK(App::finalSaveStageNow(3, 6, 2, 0));         // a small plan's fits beside the frame's work
    CHECK(App::finalSaveStageNow(App::kFinishNowMs, 40, 13, 0)); // the page hides, or something waits for the save
}

TEST_CASE("a bad date typed in a cell is refused with a message and changes nothing") {
    Harness h("baddate");
    h.start();
    const Project before = h.project();
    h.click(h.widget("task.start.2").centre(), true);
    h.replaceText("2026-02-30");
    CHECK(h.project() == before);
    CHECK(h.app->lastMessage().find("not a date") != std::string::npos);
}

TEST_CASE("a damaged saved version is set aside, the newest good one opens and the user is told") {
    Harness h("damaged");
    const std::string id = startAndSaveAnEdit(h);
    // Damage the newest version on disk (one byte of its body), then start again.
    std::vector<std::string> versions;
    for (const std::string& f : h.host.storage().list(projectArea(id)))
        if (f.starts_with("v")) versions.push_back(f);
    REQUIRE(versions.size() == 1);
    const std::string path = projectArea(id) + "/" + versions[0];
    std::string text = *h.host.storage().read(path);
    text[text.size() / 2] ^= 0x20;
    h.host.storage().write(path, text);
    h.app = std::make_unique<App>(h.host);
    h.app->start();
    h.frames(2);
    CHECK(h.app->openId() == id);
    CHECK(h.project().tasks[1].name == "Kick-off workshop with client"); // the version before the edit, from the history
    CHECK(h.app->statusJson().find("\"dialog\":\"Recovered") != std::string::npos);
    // The recovered version is the project's newest again; the damaged one is kept in the history.
    REQUIRE(h.host.storage().list(projectArea(id)).size() == 1);
    CHECK(h.saved().tasks[1].name == "Kick-off workshop with client");
    bool keptAside = false;
    for (const std::string& f : h.host.storage().list(historyArea(id))) keptAside |= f.starts_with("damaged-");
    CHECK(keptAside);
}

TEST_CASE("a plan reopens with the schedule saved beside it, confirmed by the scheduler a few frames later") {
    Harness h("stored-schedule");
    const std::string id = startAndSaveAnEdit(h);
    const Schedule before = h.app->document().schedule();
    REQUIRE(h.host.storage().read(projectArea(id) + "/schedule.bin"));

    auto reopen = [&] {
        h.host.marks.clear();
        h.app = std::make_unique<App>(h.host);
        h.app->start();
        h.frames(1);
        REQUIRE(h.app->openId() == id);
    };
    reopen();
    CHECK(std::count(h.host.marks.begin(), h.host.marks.end(), "schedule-read") == 1);
    CHECK(std::count(h.host.marks.begin(), h.host.marks.end(), "plan-scheduled") == 0);
    CHECK(h.app->document().scheduleIsStored());
    CHECK(sameSchedule(h.app->document().schedule(), before));
    CHECK(h.widget("task.name.1").w > 0); // drawn from it
    h.frames(3); // App::kCheckScheduleAfterFrames: the check starts, a part of the scheduler's run a frame
    CHECK(h.app->document().scheduleIsStored());
    h.frames(7);
    CHECK(std::count(h.host.marks.begin(), h.host.marks.end(), "schedule-checked") == 1);
    CHECK_FALSE(h.app->document().scheduleIsStored());
    CHECK(sameSchedule(h.app->document().schedule(), before));

    // A damaged stored schedule is not used: the plan is scheduled as before.
    const std::string path = projectArea(id) + "/schedule.bin";
    std::string text = *h.host.storage().read(path);
    text[text.size() / 2] ^= 0x01;
    h.host.storage().write(path, text);
    reopen();
    CHECK(std::count(h.host.marks.begin(), h.host.marks.end(), "plan-scheduled") == 1);
    CHECK_FALSE(h.app->document().scheduleIsStored());
    CHECK(sameSchedule(h.app->document().schedule(), before));
}

TEST_CASE("importing: a bad file changes nothing, a CSV opens as a new project and the previous one stays in the library") {
    Harness h("import");
    h.start();
    const Project before = h.project();
    h.app->importFile("broken.json", "{not json");
    h.frames(2);
    CHECK(h.project() == before);
    CHECK(h.has("dialog.ok"));
    h.click(h.widget("dialog.ok").centre());
    // As a spreadsheet saves it: a byte-order mark before the header (the browser hands files over as bytes).
    h.app->importFile("plan.csv", "\xEF\xBB\xBFName,Duration,Predecessors\nOne,2d,\nTwo,3d,1\n");
    h.frames(2);
    REQUIRE(h.project().tasks.size() == 2);
    CHECK(h.project().tasks[0].name == "One");
    // "Two" follows "One" (its predecessor 1): it starts on the first working day after One's finish.
    const Schedule& sched = h.app->document().schedule();
    Date next = sched.tasks[0].finishDate + 1;
    while (!h.project().calendar.isWorkingDay(next)) next = next + 1;
    CHECK(sched.tasks[1].startDate == next);
    REQUIRE(h.app->library().projects().size() == 2);
    const std::string imported = h.app->openId();
    for (const ProjectEntry& e : h.app->library().projects())
        if (e.id != imported) h.app->openProject(e.id);
    h.frames(2);
    CHECK(h.project() == before);
}

TEST_CASE("a new project shows the empty state; the first task is added and named") {
    Harness h("empty");
    h.start();
    h.app->newProject();
    h.frames(2);
    h.click(h.widget("newProject.create").centre());
    h.frames(2);
    REQUIRE(h.has("gantt.addFirst"));
    h.click(h.widget("gantt.addFirst").centre());
    REQUIRE(h.project().tasks.size() == 1);
    REQUIRE(h.has("task.edit")); // the new task's name is open for typing
    h.frames(2);
    h.type("Brief");
    h.key(ImGuiKey_Enter);
    CHECK(h.project().tasks[0].name == "Brief");
}

TEST_CASE("export writes JSON and CSV downloads") {
    Harness h("export");
    h.start();
    h.app->exportJson();
    h.app->exportCsv();
    REQUIRE(h.host.downloads.size() == 2);
    CHECK(h.host.downloads[0].first.find(".plotline.json") != std::string::npos);
    CHECK(*readProjectJson(h.host.downloads[0].second) == h.project());
    CHECK(h.host.downloads[1].second.rfind("ID,Name,Duration", 0) == 0);
}

TEST_CASE("Export chart as picture: the window shows the sizes and downloads the chart as SVG") {
    Harness h("picture");
    h.start();
    h.app->pictureWindow().open();
    h.frames(3);
    REQUIRE(h.has("picture.svg"));
    REQUIRE(h.has("picture.size"));
    h.click(h.widget("picture.choose").centre()); // the whole plan, every level
    h.frames(2);
    REQUIRE(h.has("picture.depth"));
    h.click(h.widget("picture.svg").centre());
    h.frames(2);
    REQUIRE(h.host.downloads.size() == 1);
    CHECK(h.host.downloads[0].first.size() > 4);
    CHECK(h.host.downloads[0].first.substr(h.host.downloads[0].first.size() - 4) == ".svg");
    const std::string& svg = h.host.downloads[0].second;
    CHECK(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
    size_t bars = 0;
    for (size_t at = svg.find("class=\"bar\""); at != std::string::npos; at = svg.find("class=\"bar\"", at + 1)) ++bars;
    CHECK(bars > 20);
    h.click(h.widget("picture.close").centre());
    h.frames(2);
    CHECK_FALSE(h.has("picture.svg"));
}

TEST_CASE("Shift+Tab in a 10,000-task plan outdents the task and draws only the links on screen") {
    Harness h("big");
    h.start();
    h.app->document().execute(replaceProject(bigPlan(10000), "big"));
    h.frames(3);
    const Id moved = h.project().tasks[3].id;
    h.click(h.widget("task.name.3").centre());
    REQUIRE(h.app->gantt().selectedRow() == 3);
    // ImGui's own keyboard navigation takes Shift+Tab too, and asks the table for its last row.
    ImGuiIO& io = ImGui::GetIO();
    io.KeyShift = true;
    io.KeysDown[ImGuiKey_Tab] = true;
    h.frames(1);
    const auto widgets = nlohmann::json::parse(widgetsJson());
    io.KeyShift = false;
    h.frames(2);
    CHECK(h.project().tasks[3].id == moved);
    CHECK(h.project().tasks[3].parent.isNull()); // outdented
    // The links drawn in that frame are those of the rows on screen (the first few dozen), not every
    // link down to the last row.
    int links = 0, far = 0;
    for (const auto& [name, rect] : widgets.items()) {
        int from = 0, to = 0;
        if (std::sscanf(name.c_str(), "gantt.link.%d.%d", &from, &to) != 2) continue;
        ++links;
        far += std::min(from, to) > 200;
    }
    CHECK(links > 10);
    CHECK(links < 100);
    CHECK(far == 0);
}

TEST_CASE("a 10,000-task plan draws, scrolls and zooms") {
    Harness h("big");
    h.start();
    h.app->document().execute(replaceProject(bigPlan(10000), "big"));
    h.frames(3);
    CHECK(h.has("task.name.0"));
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = h.widget("gantt.timeline").centre();
    for (int i = 0; i < 40; ++i) {
        io.MouseWheel = -30;
        h.frames(1);
    }
    CHECK_FALSE(h.has("task.name.0")); // scrolled away: only visible rows are submitted
    int visibleRows = 0;
    for (int r = 0; r < 10000; ++r) visibleRows += h.has("task.name." + std::to_string(r));
    CHECK(visibleRows > 10);
    CHECK(visibleRows < 80);
    GanttView& g = h.app->gantt();
    const float before = g.pixelsPerDay();
    io.KeyCtrl = true;
    io.MouseWheel = 3;
    h.frames(1);
    io.KeyCtrl = false;
    CHECK(g.pixelsPerDay() > before);
    // Zooming is clamped between decades and single hours, and still draws rows at both ends.
    g.zoom(0.0001f);
    h.frames(2);
    CHECK(g.pixelsPerDay() == GanttView::kMinPxPerDay);
    g.zoom(2.0f);
    h.frames(2);
    CHECK(g.pixelsPerDay() == doctest::Approx(2 * GanttView::kMinPxPerDay));
    g.zoom(1e6f);
    h.frames(2);
    CHECK(g.pixelsPerDay() == GanttView::kMaxPxPerDay);
    CHECK(h.has("gantt.scale"));
    // Fit: the whole project, first day to last, lies inside the timeline.
    g.fitProject();
    h.frames(2);
    const Schedule& s = h.app->document().schedule();
    const GanttView::Timeline tl = g.timeline();
    const double firstX = tl.x + (s.start.days - tl.originDay) * tl.pxPerDay;
    const double lastX = tl.x + (s.finish.days + 1 - tl.originDay) * tl.pxPerDay;
    CHECK(firstX > tl.x);
    CHECK(lastX < tl.x + tl.width);
    CHECK(lastX - firstX > tl.width / 2); // and fills most of it
}

TEST_CASE("the warm-up's edits run on a plan of their own: the open plan, its revision and its undo history are untouched") {
    Harness h("warm-up");
    h.start();
    const Project before = h.project();
    const uint64_t revision = h.app->document().revision();
    CHECK_FALSE(h.app->document().canUndo());
    h.frames(20);
    CHECK(h.app->warmedUp());
    CHECK(h.project() == before);
    CHECK(h.app->document().revision() == revision);
    CHECK_FALSE(h.app->document().canUndo());
    CHECK_FALSE(h.app->document().canRedo());
}

// The web app's second part (Host::allCodeHere) arrives once the plan is on screen: on a first visit,
// storing the sample and the warm-up wait for it, so their code need not be in the first download.
TEST_CASE("a first visit stores the sample once all of the program's code is here, and warms up then") {
    Harness h("code-here");
    h.host.codeHere = false;
    h.start();
    CHECK(h.project().tasks.size() > 20); // the sample, on screen at once
    h.frames(40);
    CHECK(h.app->autosave().state() == AutoSave::State::Pending);
    std::optional<Result<std::string>> stored;
    h.app->library().readNewest(h.app->openId(), [&](Result<std::string> text) { stored = std::move(text); });
    CHECK_FALSE((stored && *stored)); // no version yet
    CHECK_FALSE(h.app->warmedUp());
    h.host.codeHere = true;
    h.frames(20);
    CHECK(h.app->autosave().state() == AutoSave::State::Saved);
    CHECK(h.saved() == h.project());
    CHECK(h.app->warmedUp());
}

TEST_CASE("an edit made before all of the program's code is here is stored at once, as any edit is") {
    Harness h("code-here-edit");
    h.host.codeHere = false;
    h.start();
    h.frames(5);
    Task t = h.project().tasks[1];
    t.name = "Kick-off, renamed";
    REQUIRE(h.app->document().execute(editTask(t)));
    h.frames(5);
    CHECK(h.app->autosave().state() == AutoSave::State::Saved);
    CHECK(h.saved().tasks[1].name == "Kick-off, renamed");
}

TEST_CASE("View > Critical path turns the highlight on and off without touching the plan") {
    Harness h("critical");
    h.start();
    const uint64_t revision = h.app->document().revision();
    CHECK_FALSE(h.app->gantt().showCritical);
    h.click(h.widget("menu.View").centre());
    h.click(h.widget("menu.View.Critical path").centre());
    CHECK(h.app->gantt().showCritical);
    h.click(h.widget("menu.View").centre());
    h.click(h.widget("menu.View.Critical path").centre());
    CHECK_FALSE(h.app->gantt().showCritical);
    CHECK(h.app->document().revision() == revision);
}

TEST_CASE("the Projects window: duplicate, rename, move to the trash (another project opens) and restore") {
    Harness h("projects");
    h.start();
    const std::string sample = h.app->openId();
    const std::string name = h.project().name;
    const uint64_t version = h.app->library().find(sample)->version;
    h.app->libraryWindow().openProjects();
    h.frames(2);
    REQUIRE(h.has("projects.window"));
    h.click(h.widget("projects.duplicate." + name).centre());
    h.frames(2);
    REQUIRE(h.app->library().projects().size() == 2);
    const std::string copy = h.app->openId();
    CHECK(copy != sample);
    CHECK(h.project().name == name + " (copy)");
    CHECK(h.project().tasks.size() == h.saved().tasks.size());

    // Rename the copy (open) in place: an undoable edit of the plan, saved like any other.
    h.click(h.widget("projects.rename." + name + " (copy)").centre());
    h.frames(2);
    REQUIRE(h.has("projects.renameField"));
    h.replaceText("Aurora — phase 2");
    h.host.fakeNow += 1000;
    h.frames(3);
    CHECK(h.project().name == "Aurora — phase 2");
    CHECK(h.app->library().find(copy)->name == "Aurora — phase 2");

    // Trash the open one: the other project opens; it can be restored.
    h.click(h.widget("projects.trash.Aurora — phase 2").centre());
    h.frames(3);
    CHECK(h.app->openId() == sample);
    CHECK(h.app->library().find(copy)->trashed != 0);
    h.host.fakeNow += 1000;
    h.frames(2);
    CHECK(h.app->library().find(sample)->version == version); // opening is not an edit: nothing saved
    h.click(h.widget("projects.trashHeader").centre());
    h.frames(2);
    REQUIRE(h.has("projects.restore.Aurora — phase 2"));
    h.click(h.widget("projects.restore.Aurora — phase 2").centre());
    h.frames(2);
    CHECK(h.app->library().find(copy)->trashed == 0);
    h.click(h.widget("projects.open.Aurora — phase 2").centre());
    h.frames(3);
    CHECK(h.app->openId() == copy);
    CHECK(h.project().name == "Aurora — phase 2");
}

TEST_CASE("History: the version a session started from is restored as one undoable step") {
    Harness h("history");
    h.start();
    const std::string original = h.project().tasks[1].name;
    h.click(h.widget("task.name.1").centre(), true);
    h.replaceText("Renamed");
    h.host.fakeNow += 1000;
    h.frames(3);
    REQUIRE(h.app->autosave().state() == AutoSave::State::Saved);
    h.app->libraryWindow().openHistory();
    h.frames(2);
    REQUIRE(h.has("history.restore.0"));
    h.click(h.widget("history.restore.0").centre());
    h.frames(2);
    CHECK(h.project().tasks[1].name == original);
    h.key(ImGuiKey_Z, true);
    CHECK(h.project().tasks[1].name == "Renamed");
}

TEST_CASE("the Budget view: every tab draws; a cost line edited by keyboard moves the dashboard; undo") {
    Harness h("budget");
    h.start();
    h.click(h.widget("view.budget").centre());
    CHECK(h.app->view() == App::View::Budget);
    const Currency eur = currency("EUR");
    auto shown = [&](const std::string& name) { return nlohmann::json::parse(widgetsJson())[name].value("text", std::string()); };
    const BudgetStatus before = budgetStatus(h.project(), h.app->document().schedule(), *h.project().statusDate);
    CHECK(shown("dashboard.approved") == formatMoney(before.approved(), eur));
    CHECK(shown("dashboard.ac") == formatMoney(before.ev.ac, eur));
    CHECK(shown("dashboard.rag") == "Red");
    const std::pair<const char*, BudgetView::Tab> tabs[] = {{"Budget", BudgetView::Budget},   {"Actuals", BudgetView::Actuals},
                                                             {"Vendors", BudgetView::Vendors}, {"Change requests", BudgetView::Changes},
                                                             {"Risks", BudgetView::Risks},     {"Dashboard", BudgetView::Dashboard}};
    for (auto [tab, shownTab] : tabs) {
        CAPTURE(tab);
        h.click(h.widget(std::string("budget.tab.") + tab).centre());
        CHECK(h.app->budget().tab() == shownTab);
    }

    // Budget tab: the paid social line (25,000.00) becomes 20,000.00, typed.
    h.click(h.widget("budget.tab.Budget").centre());
    const auto& lines = h.project().budgetLines;
    const size_t media = size_t(std::find_if(lines.begin(), lines.end(), [](auto& l) { return l.category == CostCategory::Media; }) - lines.begin());
    REQUIRE(media < lines.size());
    h.click(h.widget("budget.line." + std::to_string(media) + ".amount").centre());
    h.replaceText("20,000");
    CHECK(h.project().budgetLines[media].amount == 2000000);
    CHECK(h.app->document().undoLabel() == "Change budget line amount");
    h.click(h.widget("budget.tab.Dashboard").centre());
    CHECK(shown("dashboard.approved") == formatMoney(before.approved() - 550000, eur)); // 5,000.00 + its 10 % contingency
    h.key(ImGuiKey_Z, true);
    h.frames(2);
    CHECK(shown("dashboard.approved") == formatMoney(before.approved(), eur));

    // A typo is refused with a message and changes nothing.
    h.click(h.widget("budget.tab.Budget").centre());
    h.click(h.widget("budget.line." + std::to_string(media) + ".amount").centre());
    h.replaceText("12.345");
    CHECK(h.project().budgetLines[media].amount == 2500000);
    CHECK(h.has("budget.error"));

    // Deleting the first line while the table draws the rest below it (checked by ASan here).
    const size_t count = h.project().budgetLines.size();
    const std::string second = h.project().budgetLines[1].name;
    h.click(h.widget("budget.line.0.delete").centre());
    REQUIRE(h.project().budgetLines.size() == count - 1);
    CHECK(h.project().budgetLines[0].name == second);
    CHECK(h.app->document().undoLabel().rfind("Delete budget line", 0) == 0);
}

TEST_CASE("the dashboard's figures follow an edit in the two frames after its own; a plan imported shows its own at once") {
    Harness h("dashboard-frames");
    h.start();
    h.click(h.widget("view.budget").centre());
    const Currency eur = currency("EUR");
    auto shown = [&](const std::string& name) { return nlohmann::json::parse(widgetsJson())[name].value("text", std::string()); };
    auto approved = [&] {
        const Project& p = h.project();
        return formatMoney(budgetStatus(p, h.app->document().schedule(), *p.statusDate).approved(), eur);
    };
    const std::string before = approved();
    REQUIRE(shown("dashboard.approved") == before);

    // Every budget line 1,000.00 higher, as one step; Ctrl+Z takes it back in a frame of its own.
    std::vector<BudgetLine> higher = h.project().budgetLines;
    for (BudgetLine& l : higher) l.amount += 100000;
    REQUIRE(h.app->document().execute(putRecords(h.project(), higher, "Raise every line")));
    h.frames(3);
    const std::string raised = approved();
    REQUIRE(raised != before);
    CHECK(shown("dashboard.approved") == raised);
    h.key(ImGuiKey_Z, true); // the undo's frame and the next
    h.frames(1);             // and the one after
    CHECK(shown("dashboard.approved") == before);
    CHECK(shown("dashboard.approved") == approved());

    // A person added while the Budget tab shows a row per person: no frame reads figures without one.
    h.click(h.widget("budget.tab.Budget").centre());
    const size_t people = h.project().resources.size();
    REQUIRE(h.app->document().execute(addResources(h.project(), {Resource{Id::random(), "Noor", "Animator", 9000}})));
    h.frames(3);
    REQUIRE(h.project().resources.size() == people + 1);
    CHECK(h.app->budget().status(h.host.today()).resourceMinutes.size() == people + 1);
    h.click(h.widget("budget.tab.Dashboard").centre());

    // Another plan, imported: its first frame shows its own figures, never the last plan's.
    Project other = h.project();
    other.id = Id::random();
    other.name = "Other budget";
    for (BudgetLine& l : other.budgetLines) l.amount *= 3;
    h.app->importFile("other.json", writeProjectJson(other));
    for (int i = 0; i < 50 && h.project().name != "Other budget"; ++i) h.frames(1);
    REQUIRE(h.project().name == "Other budget");
    CHECK(shown("dashboard.approved") == approved());
    CHECK(shown("dashboard.approved") != before);
}

TEST_CASE("the change-request board approves CR-1 into the plan and the budget; one undo takes it back") {
    Harness h("changes");
    h.start();
    h.click(h.widget("view.budget").centre());
    h.click(h.widget("budget.tab.Change requests").centre());
    const size_t tasks = h.project().tasks.size(), lines = h.project().budgetLines.size();
    // The request waiting for a decision is shown first.
    CHECK(nlohmann::json::parse(widgetsJson())["change.status"]["text"] == "Submitted");
    h.click(h.widget("change.approve").centre());
    const ChangeRequest& cr1 = h.project().changeRequests[0];
    CHECK(cr1.status == ChangeStatus::Approved);
    CHECK(cr1.log.back().by == "Producer");
    CHECK(h.project().tasks.size() == tasks + 1);
    CHECK(h.project().budgetLines.size() == lines + 1);
    CHECK(h.project().budgetLines.back().amount == 980000);
    CHECK(h.app->lastMessage().find("Approved CR-1") != std::string::npos);
    h.key(ImGuiKey_Z, true);
    CHECK(h.project().changeRequests[0].status == ChangeStatus::Submitted);
    CHECK(h.project().tasks.size() == tasks);
    CHECK(h.project().budgetLines.size() == lines);
}

TEST_CASE("actuals come in from a CSV (import or drop) and from pasted spreadsheet rows, each one undo step") {
    Harness h("actuals");
    h.start();
    const size_t hours = h.project().hours.size(), costs = h.project().costs.size();
    h.app->importFile("timesheet.csv", "Date,Resource,Task,Hours\n2026-11-23,Copywriter,Copy deck,7.5\n2026-11-24,Copywriter,Copy deck,8\n");
    h.frames(2);
    CHECK(h.app->view() == App::View::Budget);
    CHECK(h.app->budget().tab() == BudgetView::Actuals);
    CHECK(h.project().hours.size() == hours + 2);
    CHECK(h.project().tasks.size() == 43); // added to the open project, not opened as a new one
    // Rows copied from a spreadsheet without a header go into the table last worked in (costs first).
    h.app->pasteText("2026-11-24\t350.00\tTravel\t\t\tCourier\n2026-11-25\t120.00\tSoftware\t\t\tFonts\n");
    CHECK(h.project().costs.size() == costs + 2);
    CHECK(h.project().costs.back().note == "Fonts");
    h.key(ImGuiKey_Z, true);
    CHECK(h.project().costs.size() == costs);
    // A bad file changes nothing and says which line is wrong.
    h.app->importFile("bad.csv", "Date,Resource,Hours\n2026-11-23,Nobody,8\n");
    CHECK(h.project().hours.size() == hours + 2);
    h.frames(2);
    CHECK(nlohmann::json::parse(h.app->statusJson())["dialog"] == "Could not import bad.csv");
}

TEST_CASE("the Gantt table's Cost and Actual cost columns: each task's budget and spend, summaries adding up") {
    Harness h("costcolumns");
    h.start();
    // As View > Columns does: by name.
    for (int c = 0; c < 16; ++c)
        if (std::string(GanttView::columnName(c)) == "Cost" || std::string(GanttView::columnName(c)) == "Actual cost") h.app->gantt().showColumn(c, true);
    h.frames(3);
    const Project& p = h.project();
    const BudgetStatus b = budgetStatus(p, h.app->document().schedule(), *p.statusDate);
    const Currency eur = currency("EUR");
    auto text = [&](const std::string& name) { return nlohmann::json::parse(widgetsJson())[name].value("text", std::string("?")); };
    // Row 18 is "Hero video shoot (vendor)": its vendor and travel lines (the vendor's hours cost nothing).
    REQUIRE(p.tasks[18].name == "Hero video shoot (vendor)");
    CHECK(text("task.cost.18") == formatMoney(b.tasks[18].total(), eur, false));
    CHECK(text("task.cost.18") == "19,800.00");
    CHECK(text("task.actual.18") == "9,640.00"); // the deposit and the recce trip
    // "Content" (row 16) adds up its tasks.
    int64_t content = 0;
    for (size_t i = 17; i <= 21; ++i) content += b.tasks[i].total();
    CHECK(text("task.cost.16") == formatMoney(content, eur, false));
}

TEST_CASE("a rate change from a date, typed in the Budget tab, raises the planned labour after it") {
    Harness h("rates");
    h.start();
    h.click(h.widget("view.budget").centre());
    h.click(h.widget("budget.tab.Budget").centre());
    const auto labour = [&] { return budgetStatus(h.project(), h.app->document().schedule(), *h.project().statusDate).resourceLabour[0]; };
    const int64_t before = labour();
    h.click(h.widget("budget.rate.0.add").centre());
    REQUIRE(h.project().resources[0].billRateChanges.size() == 1);
    CHECK(h.project().resources[0].billRateChanges[0].from == Date::fromYmd(2026, 12, 1)); // the next month after the status date
    CHECK(h.project().resources[0].billRateChanges[0].rate == 9500);                  // as before, to be edited
    CHECK(labour() == before);
    h.click(h.widget("budget.rate.0.change.0.rate").centre());
    h.replaceText("105");
    CHECK(h.project().resources[0].billRateChanges[0].rate == 10500);
    // The producer's December-on work: everything planned after 1 Dec at 10.00 more an hour.
    const Project& p = h.project();
    const Schedule& s = h.app->document().schedule();
    int64_t lateMinutes = 0;
    for (const Assignment& a : p.assignments) {
        if (a.resource != p.resources[0].id) continue;
        const int t = p.taskIndex(a.task);
        const int64_t from = std::max(s.tasks[size_t(t)].start, p.calendar.instantAt(Date::fromYmd(2026, 12, 1)));
        if (s.tasks[size_t(t)].finish > from) lateMinutes += (s.tasks[size_t(t)].finish - from) * a.units / 100;
    }
    REQUIRE(lateMinutes > 0);
    CHECK(std::llabs(labour() - before - lateMinutes * 1000 / 60) <= 2); // rounding per assignment
    h.key(ImGuiKey_Z, true);
    CHECK(h.project().resources[0].billRateChanges[0].rate == 9500);
}

TEST_CASE("a dated cost rate in the Budget tab raises the planned cost after it, not the budget; the Billing tab adds an instalment and invoices a month") {
    Harness h("costrates");
    h.start();
    h.click(h.widget("view.budget").centre());
    h.click(h.widget("budget.tab.Budget").centre());
    const Date status = *h.project().statusDate;
    const auto planned = [&](RateKind k) { return budgetStatus(h.project(), h.app->document().schedule(), status, k).resourceLabour[0]; };
    const int64_t bill = planned(RateKind::Bill), cost = planned(RateKind::Cost);
    h.click(h.widget("budget.rate.0.addCost").centre());
    REQUIRE(h.project().resources[0].costRateChanges.size() == 1);
    CHECK(h.project().resources[0].costRateChanges[0].rate == *h.project().resources[0].costRate); // as before, to be edited
    h.click(h.widget("budget.rate.0.costChange.0.rate").centre());
    h.replaceText("62");
    CHECK(h.project().resources[0].costRateChanges[0].rate == 6200);
    CHECK(planned(RateKind::Bill) == bill); // the client's budget does not move
    CHECK(planned(RateKind::Cost) > cost);
    h.key(ImGuiKey_Z, true);
    CHECK(h.project().resources[0].costRateChanges[0].rate == *h.project().resources[0].costRate);

    // A fourth instalment of 1,000.00 on a date already passed: the fee and November's billable grow.
    h.click(h.widget("budget.tab.Billing & margin").centre());
    const size_t items = h.project().billing.size();
    const int64_t before = profitStatus(h.project(), h.app->document().schedule(), status).billableIn(Date::fromYmd(2026, 11, 1));
    h.click(h.widget("billing.add").centre());
    REQUIRE(h.project().billing.size() == items + 1);
    h.click(h.widget("billing.item." + std::to_string(items) + ".amount").centre());
    h.replaceText("1000");
    CHECK(h.project().billing[items].amount == 100000);
    CHECK(h.project().billing[items].date == status);
    const ProfitStatus m = profitStatus(h.project(), h.app->document().schedule(), status);
    CHECK(m.billableIn(Date::fromYmd(2026, 11, 1)) == before + 100000);
    // November: the rest invoiced in one click (the instalment invoiced before stays as it was).
    const size_t invoices = h.project().clientInvoices.size();
    h.click(h.widget("billing.month.2026-11.invoice").centre());
    REQUIRE(h.project().clientInvoices.size() == invoices + 1);
    CHECK(h.project().clientInvoices.back().amount == before + 100000 - h.project().clientInvoices[0].amount);
    CHECK(h.project().clientInvoices.back().number == "INV-2026-11-2");
    CHECK(textOf("billing.month.2026-11").ends_with("all invoiced"));
}

TEST_CASE("a read-only project's Budget view shows everything and changes nothing") {
    Harness h("budgetreadonly");
    h.start();
    h.app->setOwner(h.app->openId(), false); // another tab holds the project
    h.frames(2);
    REQUIRE(h.app->readOnly());
    h.click(h.widget("view.budget").centre());
    CHECK(h.has("dashboard.approved")); // the numbers are all there
    h.click(h.widget("budget.tab.Budget").centre());
    const Project before = h.project();
    h.click(h.widget("budget.lines.add").centre());
    h.click(h.widget("budget.line.0.amount").centre());
    h.type("9");
    h.key(ImGuiKey_Enter);
    h.app->pasteText("2026-11-24\t350.00\tTravel\t\t\tCourier\n");
    h.app->importFile("week.csv", "Date,Resource,Hours\n2026-11-23,Copywriter,8\n");
    h.frames(2);
    CHECK(h.project() == before);
}

TEST_CASE("tasks linked to open risks carry a dot after their name; closing the risk removes it") {
    Harness h("riskdots");
    h.start();
    h.frames(2);
    // The sample links "Hero video shoot (vendor)" (row 18) to the rain risk, and the closed social
    // budget risk to nothing.
    CHECK(h.has("task.risk.18"));
    CHECK(!h.has("task.risk.17"));
    Risk rain = h.project().risks[0];
    REQUIRE(rain.title == "Rain on the outdoor hero shoot");
    rain.status = RiskStatus::Closed;
    h.app->document().execute(putRecord(h.project(), rain, "Close risk"));
    h.frames(2);
    CHECK(!h.has("task.risk.18"));
}

TEST_CASE("Project > New asks for a name and a start, which is today as for an import; a bad date is refused") {
    Harness h("newproject");
    h.start();
    const size_t before = h.app->library().projects().size();
    h.app->newProject();
    h.frames(2);
    REQUIRE(h.has("newProject.name"));
    h.type("Spring microsite"); // the name field has the keyboard, its text selected
    h.click(h.widget("newProject.start").centre());
    h.replaceText("next week"); // Enter creates
    CHECK(h.has("newProject.create")); // still open: the date did not read
    CHECK(h.app->library().projects().size() == before);
    h.click(h.widget("newProject.start").centre());
    h.replaceText(h.host.today().str().c_str());
    h.frames(3);
    CHECK_FALSE(h.has("newProject.create"));
    CHECK(h.project().name == "Spring microsite");
    CHECK(h.project().start == h.project().calendar.nextWorkingDay(h.host.today()));
    CHECK(h.app->library().projects().size() == before + 1);
}

TEST_CASE("a new, empty project's Budget view: zeros and dashes, no charts to draw, every tab usable") {
    Harness h("budgetempty");
    h.start();
    h.app->newProject();
    h.frames(2);
    h.click(h.widget("newProject.create").centre());
    h.frames(3);
    h.click(h.widget("view.budget").centre());
    auto text = [&](const std::string& name) { return nlohmann::json::parse(widgetsJson())[name].value("text", std::string("?")); };
    CHECK(text("dashboard.approved") == "€0.00");
    CHECK(text("dashboard.cpi") == "—");
    CHECK(text("dashboard.eac") == "—");
    const std::pair<const char*, BudgetView::Tab> tabs[] = {
        {"Budget", BudgetView::Budget}, {"Actuals", BudgetView::Actuals}, {"Vendors", BudgetView::Vendors}, {"Change requests", BudgetView::Changes}, {"Risks", BudgetView::Risks}};
    for (auto [tab, shownTab] : tabs) {
        CAPTURE(tab);
        h.click(h.widget(std::string("budget.tab.") + tab).centre());
        CHECK(h.app->budget().tab() == shownTab);
    }
    // Hours need a person first: the button says so instead of adding a broken entry.
    h.click(h.widget("budget.tab.Actuals").centre());
    h.click(h.widget("actuals.addHours").centre());
    CHECK(h.project().hours.empty());
    CHECK(h.has("budget.error"));
    h.click(h.widget("actuals.addCost").centre());
    CHECK(h.project().costs.size() == 1);
    h.click(h.widget("budget.tab.Change requests").centre());
    h.click(h.widget("changes.new").centre());
    REQUIRE(h.project().changeRequests.size() == 1);
    CHECK(h.project().changeRequests[0].number == 1);
    h.click(h.widget("change.submit").centre());
    CHECK(h.project().changeRequests[0].status == ChangeStatus::Submitted);
    h.click(h.widget("budget.tab.Dashboard").centre());
    CHECK(text("dashboard.ac") == "€0.00"); // the new cost line is empty until an amount is typed
    CHECK(text("dashboard.approved") == "€0.00");
}

TEST_CASE("right-clicking a task row or a bar opens the context menu; its Insert adds a task below") {
    Harness h("context");
    h.start();
    h.rightClick(h.widget("gantt.bar.4").centre());
    REQUIRE(h.has("context.edit"));
    CHECK(h.app->gantt().selectedRow() == 4);
    h.click(h.widget("context.edit").centre());
    CHECK(h.app->gantt().editorOpen());
    h.click(h.widget("editor.cancel").centre());
    CHECK_FALSE(h.app->gantt().editorOpen());

    const size_t tasks = h.project().tasks.size();
    h.rightClick(h.widget("task.name.3").centre());
    REQUIRE(h.has("context.insert"));
    CHECK(h.app->gantt().selectedRow() == 3);
    h.click(h.widget("context.insert").centre());
    CHECK(h.project().tasks.size() == tasks + 1);
    CHECK(h.project().tasks[4].parent == h.project().tasks[3].parent);
    CHECK_FALSE(h.has("context.insert"));
    h.key(ImGuiKey_Escape); // the new task's name was open for typing
    h.frames(2);
    h.app->document().undo();
    CHECK(h.project().tasks.size() == tasks);
}

TEST_CASE("a link that would close a loop is refused; Ctrl+Y afterwards does not put it back") {
    Harness h("loop");
    h.start();
    const Project& p = h.project();
    // A link of the sample, drawn the other way round: from its successor's end onto its predecessor.
    const Link existing = p.links[0];
    const int from = p.taskIndex(existing.successor), to = p.taskIndex(existing.predecessor);
    const Project before = h.project();
    const Rect target = h.widget("gantt.bar." + std::to_string(to));
    h.drag(h.widget("gantt.bar." + std::to_string(from) + ".linkEnd").centre(), ImVec2(target.x + 3, target.y + target.h / 2));
    CHECK(h.project() == before);
    CHECK(h.app->lastMessage().find("Not linked: it would make a loop") != std::string::npos);
    CHECK_FALSE(h.app->document().canRedo());
    h.key(ImGuiKey_Y, true);
    CHECK(h.project() == before);
    CHECK(h.project().links.size() == before.links.size());
}

TEST_CASE("a read-only plan draws no edit affordance: no handles or link dots, no inline editing, no edit items") {
    Harness h("readonlygantt");
    h.start();
    // Editable: hovering a bar shows its handles.
    h.frames(1);
    ImGui::GetIO().MousePos = h.widget("gantt.bar.3").centre();
    h.frames(2);
    CHECK(h.has("gantt.bar.3.linkEnd"));
    CHECK(h.has("gantt.bar.3.progress"));

    h.app->setOwner(h.app->openId(), false); // another tab holds the project
    h.frames(2);
    REQUIRE(h.app->readOnly());
    CHECK_FALSE(h.app->document().capabilities().edit);
    const Project before = h.project();
    ImGui::GetIO().MousePos = h.widget("gantt.bar.3").centre();
    h.frames(2);
    CHECK_FALSE(h.has("gantt.bar.3.linkEnd"));
    CHECK_FALSE(h.has("gantt.bar.3.progress"));
    CHECK_FALSE(h.has("gantt.bar.3.end"));
    // A drag of the bar moves nothing and previews nothing.
    const Rect bar = h.widget("gantt.bar.3");
    h.drag(bar.centre(), ImVec2(bar.x + bar.w / 2 + 100, bar.y + bar.h / 2));
    CHECK(h.project() == before);
    // Double-clicking a name opens no editor; the context menu has no edit items; the task editor reads only.
    h.click(h.widget("task.name.3").centre(), true);
    CHECK_FALSE(h.has("task.edit"));
    h.rightClick(h.widget("task.name.3").centre());
    REQUIRE(h.has("context.edit"));
    CHECK_FALSE(h.has("context.insert"));
    CHECK_FALSE(h.has("context.delete"));
    h.click(h.widget("context.edit").centre());
    REQUIRE(h.app->gantt().editorOpen());
    CHECK_FALSE(h.has("editor.ok"));
    h.click(h.widget("editor.cancel").centre());
    CHECK_FALSE(h.app->gantt().editorOpen());
    h.key(ImGuiKey_Delete);
    CHECK(h.project() == before);
}

TEST_CASE("Tab while editing a cell keeps the text and edits the next cell of the row; Shift+Tab goes back") {
    Harness h("tabcells");
    h.start();
    h.click(h.widget("task.name.2").centre(), true);
    REQUIRE(h.has("task.edit"));
    h.key(ImGuiKey_A, true);
    h.type("Interviews with the client team");
    h.key(ImGuiKey_Tab);
    CHECK(h.project().tasks[2].name == "Interviews with the client team");
    REQUIRE(h.has("task.edit"));
    CHECK(std::abs(h.widget("task.edit").x - h.widget("task.start.1").x) < 12); // the Start cell
    ImGui::GetIO().KeyShift = true;
    h.key(ImGuiKey_Tab);
    ImGui::GetIO().KeyShift = false;
    REQUIRE(h.has("task.edit"));
    CHECK(std::abs(h.widget("task.edit").x - h.widget("task.name.1").x) < 40); // back on the name
    h.frames(2);
    h.key(ImGuiKey_Escape);
    CHECK_FALSE(h.has("task.edit"));
    CHECK(h.project().tasks[2].name == "Interviews with the client team");
}
