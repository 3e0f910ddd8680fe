#include "app.hpp"
#include "core/schedule_store.hpp"
#include "core/i18n.hpp"
#include "core/locale.hpp"
#include "keys.hpp"

#include "core/actuals_csv.hpp"
#include "core/csv_io.hpp"
#include "core/fields.hpp"
#include "core/files.hpp"
#include "core/binary_io.hpp"
#include "core/templates.hpp"
#include "core/json_io.hpp"
#include "core/mspdi.hpp"
#include "core/gan.hpp"
#include "core/ical.hpp"
#include "core/print.hpp"
#include "core/synthetic.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace plotline {

namespace {
// Milliseconds since t0, by the steady clock (the frame's and the save's own budgets).
double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
} // namespace

App::App(Host& host)
    : host_(host), doc_(Project{}, [&host] { return host.now(); }), library_(host.storage(), [&host] { return host.now(); }),
      save_(doc_, [this](const Project&, AutoSave::Done done) { saveOpenProject(std::move(done)); }),
      libraryWindow_(*this), sync_(host, library_, doc_),
      syncWindow_(sync_, {[this](const RemotePlan& p) { openRemote(p); }, [this](const std::string& id) { return library_.find(id) != nullptr; },
                          [this] { return open_.id(); }}),
      gantt_(doc_, [this](const std::string& m) { flash(m); }), load_(doc_),
      windows_(doc_, gantt_, [&host] { return host.today(); }),
      budget_(doc_, host, [this](const std::string& t, const std::string& m) { notify(t, m); }, [this](const std::string& m) { flash(m); },
              [this] { windows_.openStatusDate(); }) {
    library_.onListWritten = [this] { host_.announceSaved(""); };
    doc_.subscribe([this](const Document& d) { followInSave(d); });
    shareWindow_.setPublishing(&shares_, [this] { return sync_.connection(); });
    windows_.knownPeople = [this] {
        portfolio_.refresh(host_.today());
        return portfolio_.knownPeople();
    };
    load_.others = [this] {
        portfolio_.refresh(host_.today());
        return std::make_pair(portfolio_.otherBookings(), portfolio_.generation());
    };
}

App::~App() = default;

std::optional<Project> App::loadSample() {
    // The web build ships it in its stored form, made from the JSON when it is built
    // (src/tools/store_sample.cpp): a first visit then runs the reader a reload runs.
    auto text = host_.readAsset("assets/sample-campaign.stored");
    if (!text) text = host_.readAsset("assets/sample-campaign.json");
    if (!text) return std::nullopt;
    Result<Project> p = readProjectBody(*text);
    if (!p) return std::nullopt;
    return *p;
}

void App::start() {
    // This device's language and formats before the first message (the look waits for the first frame).
    languageChoice_ = host_.preference("language");
    formatsChoice_ = host_.preference("formats");
    applyLocale();
    sync_.start();
    library_.start([this](const std::string& error, const std::string& notice) {
        host_.mark("library-read");
        if (!error.empty()) {
            // Work goes on in memory; nothing can be saved, and the user knows.
            if (auto sample = loadSample()) doc_.load(std::move(*sample));
            else doc_.load(plotline::newProject(host_.today()));
            ready_ = true;
            open_.storageUnavailable();
            applyCapabilities();
            notify(tr("Storage"), fmt(tr("Plotline cannot use this browser's storage: {0}.\nYou can work, but nothing will be saved: use Project > Export JSON to keep a copy."), error));
            return;
        }
        if (!notice.empty()) notify(tr("Projects"), notice);
        // The last project opened, else the most recently changed one, else the sample as a new project.
        std::string id = library_.mostRecent();
        if (const ProjectEntry* e = library_.find(library_.lastOpened()); e && !e->trashed) id = e->id;
        if (!id.empty()) return openProject(id);
        Project first;
        if (auto sample = loadSample()) first = std::move(*sample);
        else first = plotline::newProject(host_.today());
        addProject(std::move(first), tr("Welcome! This is a sample plan: edit it freely. Project > Projects… lists your plans."));
    });
}

void App::prefetch(const std::string& id) {
    if (!viewer_ && !ready_ && !open_.isOpen()) library_.prefetch(id); // a client view opens no project
}

void App::afterSave(std::function<void()> then) {
    if (!ready_ || !open_.isOpen() || readOnly() || save_.idle()) return then();
    if (save_.state() == AutoSave::State::Failed) {
        notify(tr("Not saved yet"), fmt(tr("The changes to \u201c{0}\u201d could not be saved ({1}).\nThey are kept in this tab. Export a copy (Project > Export JSON) or free some space, then try again."), doc_.project().name, save_.error()));
        return;
    }
    save_.saveNow();
    finishSave(); // what comes next (another project, a copy) waits for it: no reason to spread it
    open_.waitForSave(std::move(then));
}

void App::show(Project p, const std::string& id, int schema, bool owner, std::optional<Schedule> stored) {
    if (open_.isOpen() && !open_.is(id)) host_.releaseProject(open_.id());
    open_.opened(id, schema, owner);
    save_.setEnabled(false); // loading is not an edit: nothing to save
    const bool fromStore = stored.has_value();
    doc_.load(std::move(p), std::move(stored));
    framesSinceShown_ = 0;
    host_.mark("plan-loaded");
    sync_.projectOpened(id);
    shares_.setProject(id);
    host_.mark("sync-opened");
    (void)doc_.schedule(); // the stored one (checked a few frames later, checkStoredSchedule), else computed
    host_.mark(fromStore ? "schedule-read" : "plan-scheduled");
    applyCapabilities();
    ready_ = true;
}

void App::startViewer(const std::string& address) {
    viewer_ = std::make_unique<Viewer>(host_);
    viewerScreen_ = std::make_unique<ViewerScreen>(*viewer_, doc_, gantt_, host_);
    // Nothing may change, be saved, cost anything or manage projects: the core refuses every command.
    doc_.setCapabilities(Capabilities{false, false, false, false});
    save_.setEnabled(false);
    viewer_->open(address, [this] {
        // A view withdrawn, expired or damaged after it showed leaves nothing on screen.
        const Project& shown = viewer_->view() ? viewer_->view()->project : Project{};
        if (shown != doc_.project()) doc_.load(shown);
        if (viewer_->state() != Viewer::State::Opening && !ready_) {
            ready_ = true;
            host_.mark("view-shown");
        }
    });
}

void App::applyCapabilities() {
    doc_.setCapabilities(open_.capabilities());
    save_.setEnabled(open_.capabilities().persists);
}

// Reads a version's body into *out; the library sets aside what this refuses.
// (mark: a start-up moment for the benchmark, once the version is read from storage and checked.)
static ProjectLibrary::Accept acceptInto(std::shared_ptr<std::optional<Project>> out, std::shared_ptr<int> schema,
                                         std::function<void(const char*)> mark = {}) {
    return [out, schema, mark](std::string_view body, const VersionInfo&) -> std::string {
        if (mark) mark("version-read");
        Result<Project> p = readProjectBody(body, true, schema.get());
        if (!p) return p.error().substr(0, p.error().find('\n'));
        *out = std::move(*p);
        return "";
    };
}

void App::openProject(const std::string& id) {
    afterSave([this, id] {
        auto parsed = std::make_shared<std::optional<Project>>();
        auto schema = std::make_shared<int>(0);
        host_.mark("open-begin");
        // Whether this tab may write the project is settled before it is read, so a version saved
        // by another tab just before it let go is never shown (and then overwritten) here.
        host_.claimProject(id, [this, id, parsed, schema](bool owner) {
        host_.mark("project-claimed");
        library_.open(id, acceptInto(parsed, schema, [this](const char* m) { host_.mark(m); }), [this, id, parsed, schema, owner](Result<Opened> r) {
            if (!r) {
                if (!open_.is(id)) host_.releaseProject(id);
                const ProjectEntry* e = library_.find(id);
                notify(fmt(tr("Could not open {0}"), (e ? "\u201c" + e->name + "\u201d" : std::string(tr("the project")))), r.error());
                if (!ready_) addProject(plotline::newProject(host_.today()), ""); // something to work in
                return;
            }
            host_.mark("plan-parsed");
            const bool switched = ready_ && !open_.is(id); // the first plan of a session keeps the default view
            std::optional<Schedule> stored = readStoredSchedule(r->schedule, {r->info.bytes, r->info.crc}, **parsed);
            show(std::move(**parsed), id, *schema, owner, std::move(stored));
            if (switched) gantt_.fitProject();
            if (!r->notice.empty()) notify(fmt(tr("Recovered \u201c{0}\u201d"), doc_.project().name), r->notice);
            else if (open_.newerSchema()) notify(tr("Opened read-only"), open_.reason());
        }, !owner);
        });
    });
}

void App::addProject(Project p, const std::string& message) {
    // (the plan is moved along, never copied: an imported 100k-task plan is ~30 MB)
    auto plan = std::make_shared<Project>(std::move(p));
    afterSave([this, plan, message] {
        // Shown at once, stored meanwhile: an edit made before the first version is durable waits for it.
        const std::string id = ProjectLibrary::newId();
        const bool first = !ready_; // the first plan of a session keeps the default view
        host_.claimProject(id, [](bool) {}); // a new project: nobody else has it
        show(std::move(*plan), id, kSchemaVersion, true);
        if (!first) gantt_.fitProject();
        if (!message.empty()) flash(message);
        // Its first version is stored by autosave, which shows the state and retries on failure; on a
        // first visit, once the rest of the program is here (frame()).
        save_.markUnsaved();
        if (host_.allCodeHere()) save_.saveNow();
        else storeWhenCodeHere_ = doc_.revision();
    });
}

struct App::SaveJob {
    std::string id;
    uint64_t revision = 0; // the revision of the plan the body holds (an edit followed moves it on)
    std::unique_ptr<ProjectBinaryWriter> writer; // the stored form (binary_io.hpp)
    uint32_t crc = 0;     // of writer->text() up to `summed`
    size_t summed = 0;
    Stamp began = 0;
    AutoSave::Done done;
    // Stages, each in a frame of its own when the one before filled the frame's budget: formatting
    // (in slices), its checksum (in pieces), the schedule encoded to go beside the version, the
    // version sealed and written.
    bool formatted = false;
    std::optional<std::string> schedule;
    VersionInfo info; // the body's name and task count, once formatted
    int waited = 0; // frames the last stage has waited for room
    void restart(const Document& d) {
        revision = d.revision();
        writer = std::make_unique<ProjectBinaryWriter>(d.project());
        crc = 0;
        summed = 0;
        formatted = false;
        schedule.reset();
    }
    // The plan changed while its body is being formatted: an edit that says which tasks, links and
    // assignments it took out and put in is followed by the body (ProjectBinaryWriter::follow), at
    // the cost of those records and a copy of the bytes after the first; any other change leaves
    // `revision` behind, and stepSave starts again. A formatted body is of its revision and stays.
    void follow(const Document& d) {
        const RecordEdits* edits = d.lastRecordEdits();
        if (formatted || d.revision() != revision + 1 || !edits) return;
        if (!writer->follow(*edits)) return restart(d);
        revision = d.revision();
    }
    // The checksum of the formatted body, a piece at a time until `spent`; true once complete.
    template <class Spent> bool sum(Spent spent) {
        constexpr size_t kPiece = 256 * 1024;
        const std::string_view t = writer->text();
        while (summed < t.size()) {
            const size_t n = std::min(kPiece, t.size() - summed);
            crc = crc32(t.substr(summed, n), crc);
            summed += n;
            if (summed < t.size() && spent()) return false;
        }
        return true;
    }
    // A formatted body no longer changes, so its checksum is complete once it covers every byte.
    bool summedAll() const { return formatted && summed == writer->text().size(); }
};

void App::followInSave(const Document& d) {
    if (saveJob_) saveJob_->follow(d);
}

// AutoSave's saver (one save at a time): a new version of the open project, or its first.
void App::saveOpenProject(AutoSave::Done done) {
    if (!open_.isOpen()) return done("no project is open");
    host_.mark("save-begin");
    saveJob_ = std::make_unique<SaveJob>();
    saveJob_->id = open_.id();
    saveJob_->began = host_.now();
    saveJob_->done = std::move(done);
    saveJob_->restart(doc_); // the frame steps it (a small plan is saved in the frame that starts it)
    if (const ProjectEntry* e = library_.find(open_.id())) host_.storage().expectWrite(e->bytes); // (about the last version's size)
}

void App::stepSave(double budgetMs, double frameSpentMs) {
    SaveJob& job = *saveJob_;
    if (!open_.is(job.id)) { // (switching projects waits for the save, so this is a guard)
        auto done = std::move(job.done);
        saveJob_.reset();
        return done("another project was opened before this one was saved");
    }
    const auto t0 = std::chrono::steady_clock::now();
    auto spent = [&] { return msSince(t0) >= budgetMs; };
    // The plan changed in a way the body could not follow (SaveJob::follow), or must be saved as it is
    // now (finishing now) when the body is of an earlier revision.
    if (job.revision != doc_.revision() && (!job.formatted || budgetMs >= kFinishNowMs)) {
        job.restart(doc_);
        if (host_.now() - job.began >= kSaveRestartMs) budgetMs = kFinishNowMs; // edits keep coming: save what there is now
    }
    if (!job.formatted) {
        while (!job.writer->step(256))
            if (spent()) return;
        job.formatted = true;
        job.info.name = doc_.project().name; // (of the body's revision: the document's now)
        job.info.tasks = doc_.project().tasks.size();
        host_.mark("save-formatted");
        if (spent()) return;
    }
    if (!job.summedAll()) {
        if (!job.sum(spent)) return;
        if (spent()) return;
    }
    if (!job.schedule) {
        // The schedule goes beside the version, so the next open shows it without computing it; an
        // edit made after the body was formatted is not in the body, nor then its schedule.
        const Schedule* schedule = job.revision == doc_.revision() ? &doc_.schedule() : nullptr;
        job.schedule = schedule && schedule->ok() ? writeStoredSchedule(*schedule, {job.writer->text().size(), job.crc}) : "";
        host_.mark("save-schedule");
        if (spent()) return;
    }
    const double sofar = msSince(t0);
    if (!finalSaveStageNow(budgetMs - sofar, frameSpentMs + sofar, lastFinalSaveMs_, job.waited)) {
        ++job.waited;
        return;
    }
    const auto finalBegan = std::chrono::steady_clock::now();
    std::unique_ptr<SaveJob> finished = std::move(saveJob_);
    const VersionInfo info = finished->info;
    AutoSave::Done done = std::move(finished->done);
    save_.wrote(finished->revision);
    std::string scheduleText = std::move(*finished->schedule);
    if (!library_.find(finished->id)) // added to the library now: its first version
        return library_.create(finished->writer->take(), info, [done](const std::string&, const std::string& err) { done(err); }, finished->id,
                               std::move(scheduleText));
    library_.save(finished->id, finished->writer->take(), info, [this, id = finished->id, done](const std::string& err) {
        host_.mark("save-durable");
        done(err);
        if (err.empty()) host_.announceSaved(id);
    }, finished->crc, std::move(scheduleText));
    host_.mark("save-written");
    lastFinalSaveMs_ = msSince(finalBegan);
}

// Project > New asks for a name and a start (today, as an imported plan without dates starts).
void App::openRemote(const RemotePlan& plan) {
    if (library_.find(plan.id)) return openProject(plan.id); // on this device already: opening syncs it
    afterSave([this, plan] {
        flash(fmt(tr("Opening \u201c{0}\u201d from the server\u2026"), plan.name));
        sync_.fetchRemote(plan.id, [this, plan](Result<SyncController::RemoteCopy> copy) {
            if (!copy) return notify(tr("Sync"), fmt(tr("\u201c{0}\u201d could not be opened: {1}"), plan.name, copy.error()));
            if (library_.find(plan.id)) return openProject(plan.id);
            host_.claimProject(plan.id, [](bool) {});
            show(std::move(copy->project), plan.id, kSchemaVersion, true);
            sync_.projectOpened(plan.id, std::move(copy->base));
            gantt_.fitProject();
            flash(fmt(tr("Opened \u201c{0}\u201d from the server"), plan.name));
            save_.markUnsaved(); // its first version on this device
            save_.saveNow();
        });
    });
}

void App::newProject() {
    newOpen_ = true;
    newError_.clear();
    newTemplate_ = 0;
    templates_.load([] {});
    std::snprintf(newName_, sizeof newName_, "%s", tr("Untitled project"));
    std::snprintf(newStart_, sizeof newStart_, "%s", formatDate(host_.today()).c_str());
}

void App::saveAsTemplate() {
    Project t = makeTemplate(doc_.project());
    const std::string name = t.name;
    templates_.add(std::move(t), host_.now(), [this, name](const std::string& err) {
        if (!err.empty()) notify(tr("Could not save the template"), err + "\n\n" + tr("The project itself is unchanged."));
        else flash(fmt(tr("Saved \u201c{0}\u201d as a template: Project > New… starts a project from it (people became roles, progress and actuals were left out)."), name));
    });
}

void App::newProjectDialog() {
    if (newOpen_ && !ImGui::IsPopupOpen(tr("New project"))) ImGui::OpenPopup(tr("New project"));
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0));
    if (!ImGui::BeginPopupModal(tr("New project"), &newOpen_, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const float fs = ImGui::GetFontSize(), labelW = fs * 6;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Name"));
    ImGui::SameLine(labelW);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputText("##name", newName_, sizeof newName_, ImGuiInputTextFlags_AutoSelectAll);
    tagItem("newProject.name");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Starts"));
    ImGui::SameLine(labelW);
    ImGui::SetNextItemWidth(fs * 8);
    ImGui::InputTextWithHint("##start", dateHint().c_str(), newStart_, sizeof newStart_);
    tagItem("newProject.start");
    ImGui::SameLine();
    ImGui::TextDisabled(tr("(or the first working day after)"));
    // From a template: Plotline's own, then the user's.
    const auto& builtins = builtinTemplates();
    const auto& mine = templates_.items();
    const int count = 1 + int(builtins.size() + mine.size());
    if (newTemplate_ >= count) newTemplate_ = 0;
    auto templateName = [&](int k) -> std::string {
        if (k == 0) return tr("Blank");
        if (k <= int(builtins.size())) return builtins[size_t(k - 1)].name;
        return fmt(tr("{0} (yours)"), mine[size_t(k - 1 - int(builtins.size()))].project.name);
    };
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Template"));
    ImGui::SameLine(labelW);
    ImGui::SetNextItemWidth(fs * 14);
    if (ImGui::BeginCombo("##template", templateName(newTemplate_).c_str())) {
        for (int k = 0; k < count; ++k) {
            if (ImGui::Selectable(templateName(k).c_str(), k == newTemplate_)) newTemplate_ = k;
            tagItem("newProject.template." + std::to_string(k));
        }
        ImGui::EndCombo();
    }
    tagText("newProject.template", templateName(newTemplate_));
    const TemplateShelf::Item* own = newTemplate_ > int(builtins.size()) ? &mine[size_t(newTemplate_ - 1 - int(builtins.size()))] : nullptr;
    if (own) {
        ImGui::SetCursorPosX(labelW);
        const size_t tasks = own->project.tasks.size(), roles = own->project.resources.size();
        ImGui::TextDisabled("%s", (trn("{n} task", "{n} tasks", int64_t(tasks)) + ", " + trn("{n} role", "{n} roles", int64_t(roles))).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Export"))) {
            host_.download(plotline::fileStem(own->project.name) + ".template.plotline.json", "application/json", writeProjectJson(own->project));
            flash(fmt(tr("Exported the template “{0}”"), own->project.name));
        }
        tagItem("newProject.template.export");
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Delete"))) {
            const std::string name = own->project.name;
            templates_.remove(own->file, [this, name](const std::string& err) {
                flash(err.empty() ? fmt(tr("Deleted the template “{0}”"), name) : fmt(tr("The template could not be deleted: {0}"), err));
            });
            newTemplate_ = 0;
            own = nullptr;
        }
        tagItem("newProject.template.delete");
    }
    if (newTemplate_ > 0 && newTemplate_ <= int(builtins.size())) {
        ImGui::SetCursorPosX(labelW);
        ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x);
        ImGui::TextDisabled("%s", builtins[size_t(newTemplate_ - 1)].description.c_str());
        ImGui::PopTextWrapPos();
    }
    for (const std::string& problem : templates_.problems()) showError(problem);
    showError(newError_);
    ImGui::Separator();
    const float buttonW = std::max(fs * 6, std::max(ImGui::CalcTextSize(tr("Create")).x, ImGui::CalcTextSize(tr("Cancel")).x) + fs);
    const bool create = ImGui::Button(tr("Create"), ImVec2(buttonW, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
    tagItem("newProject.create");
    ImGui::SameLine();
    const bool cancel = ImGui::Button(tr("Cancel"), ImVec2(buttonW, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (create) {
        std::string name = newName_;
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        const auto start = readDate(newStart_);
        if (name.empty()) newError_ = tr("Give the project a name.");
        else if (!start) newError_ = fmt(tr("\u201c{0}\u201d is not a date: use {1}."), newStart_, dateHint());
        else {
            newOpen_ = false;
            ImGui::CloseCurrentPopup();
            const Project* tmpl = newTemplate_ == 0 ? nullptr
                                  : newTemplate_ <= int(builtins.size()) ? &builtins[size_t(newTemplate_ - 1)].project
                                                                         : &own->project;
            if (!tmpl) addProject(plotline::newProject(*start, name), fmt(tr("New project \u201c{0}\u201d. Your other plans are in Project > Projects…"), name));
            else
                addProject(projectFromTemplate(*tmpl, *start, name), fmt(tr("New project \u201c{0}\u201d from the template \u201c{1}\u201d: its people are roles until you name them (Project > Resources)."), name, tmpl->name));
        }
    } else if (cancel) {
        newOpen_ = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void App::openSample() {
    if (auto s = loadSample()) addProject(std::move(*s), tr("A fresh copy of the sample project."));
    else notify(tr("Open sample"), tr("The sample project is missing from this build."));
}

void App::duplicateProject(const std::string& id) {
    auto copyOf = [this](Project p) {
        p.id = Id::random();
        p.name = fmt(tr("{0} (copy)"), p.name);
        addProject(p, fmt(tr("Duplicated as \u201c{0}\u201d."), p.name));
    };
    if (open_.is(id)) return copyOf(doc_.project());
    library_.readNewest(id, [this, copyOf](Result<std::string> text) {
        Result<Project> p = text ? readProjectBody(*text) : Result<Project>(fail(text.error()));
        if (!p) return notify(tr("Could not duplicate"), p.error());
        copyOf(std::move(*p));
    });
}

void App::renameProject(const std::string& id, const std::string& name) {
    if (open_.is(id)) {
        if (readOnly()) return notify(tr("Read-only"), open_.reason());
        const Project& p = doc_.project();
        doc_.execute(editProjectSettings(name, p.currency, p.start, p.calendar));
        return;
    }
    library_.readNewest(id, [this, id, name](Result<std::string> text) {
        Result<Project> p = text ? readProjectBody(*text) : Result<Project>(fail(text.error()));
        if (!p) return notify(tr("Could not rename"), p.error());
        p->name = name;
        VersionInfo info;
        info.name = name;
        info.tasks = p->tasks.size();
        library_.save(id, writeProjectBinary(*p), info, [this](const std::string& err) {
            if (!err.empty()) notify(tr("Could not rename"), err);
        });
    });
}

void App::trashProject(const std::string& id) {
    afterSave([this, id] {
        library_.trash(id, [this, id](const std::string& err) {
            if (!err.empty()) return notify(tr("Could not move to the trash"), err);
            const ProjectEntry* e = library_.find(id);
            flash(fmt(tr("Moved \u201c{0}\u201d to the trash. Restore it from Project > Projects… within 30 days."), (e ? e->name : std::string())));
            if (!open_.is(id)) return;
            if (const std::string next = library_.mostRecent(); !next.empty()) openProject(next);
            else addProject(plotline::newProject(host_.today()), "");
        });
    });
}

void App::restoreSnapshot(const std::string& file, const std::string& label) {
    if (readOnly()) return notify(tr("Read-only"), open_.reason());
    library_.readSnapshot(open_.id(), file, [this, label](Result<std::string> text) {
        Result<Project> p = text ? readProjectBody(*text) : Result<Project>(fail(text.error()));
        if (!p) return notify(tr("Could not restore"), p.error());
        doc_.applyExternal(std::move(*p), fmt(tr("Restore {0}"), label)); // an earlier version, with its own stamps
        gantt_.fitProject();
        flash(fmt(tr("Restored the version of {0}. Undo brings back what you had."), label));
    });
}

void App::follow() {
    if (!open_.isOpen()) return;
    const std::string id = open_.id();
    auto parsed = std::make_shared<std::optional<Project>>();
    auto schema = std::make_shared<int>(0);
    library_.refresh([this, id, parsed, schema](const std::string&) {
        library_.open(
            id, acceptInto(parsed, schema),
            [this, id, parsed, schema](Result<Opened> r) {
                if (r && open_.is(id)) show(std::move(**parsed), id, *schema, open_.owner());
            },
            !open_.owner());
    });
}

void App::changedElsewhere(const std::string& projectId) {
    if (!ready_) return;
    if (open_.is(projectId) && open_.follows()) follow();
    else library_.refresh([](const std::string&) {});
}

void App::setOwner(const std::string& projectId, bool owner) {
    if (!open_.is(projectId) || !open_.setOwner(owner)) return;
    if (owner) {
        follow(); // the newest saved version, then editable
        flash(tr("The other tab closed this project: you can edit it here now."));
    } else {
        applyCapabilities(); // the same plan, read-only
    }
}

void App::importFile(const std::string& filename, std::string_view text) {
    auto endsWith = [&](const char* ext) {
        const std::string e(ext);
        if (filename.size() < e.size()) return false;
        for (size_t i = 0; i < e.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(filename[filename.size() - e.size() + i])) != e[i]) return false;
        return true;
    };
    if (endsWith(".csv") && looksLikeActualsCsv(text)) {
        // Actuals belong to the open project: added to it as one undoable step.
        if (!ready_ || readOnly()) {
            notify(fmt(tr("Could not import {0}"), filename), fmt(tr("A CSV of actuals is added to the open project, and none can be changed here now.{0}"), std::string(readOnly() ? "\n" + open_.reason() : std::string())));
            return;
        }
        budget_.importActuals(filename, std::string(text));
        view_ = View::Budget;
        return;
    }
    if (endsWith(".csv")) {
        std::string name = filename.substr(0, filename.size() - 4);
        CsvImport in = readTasksCsv(text, name, host_.today());
        if (!in.ok()) {
            std::string msg;
            for (size_t i = 0; i < in.errors.size() && i < 12; ++i) msg += in.errors[i] + "\n";
            if (in.errors.size() > 12) msg += fmt(tr("… and {0} more"), in.errors.size() - 12) + "\n";
            notify(fmt(tr("Could not import {0}"), filename), msg + "\n" + tr("Nothing was changed."));
            return;
        }
        if (!in.warnings.empty()) {
            std::string msg;
            for (size_t i = 0; i < in.warnings.size() && i < 12; ++i) msg += in.warnings[i] + "\n";
            notify(fmt(tr("Imported {0} with warnings"), filename), msg);
        }
        addProject(std::move(in.project), fmt(tr("Imported {0} as a new project. Your other plans are in Project > Projects…"), filename));
        return;
    }
    if (endsWith(".xml") || endsWith(".gan")) {
        FileImport in = endsWith(".gan") ? readGan(text, filename) : readMspdi(text, filename);
        if (!in.ok()) {
            std::string msg;
            for (const std::string& e : in.errors) msg += e + "\n";
            notify(fmt(tr("Could not import {0}"), filename), msg + "\n" + tr("Nothing was changed."));
            return;
        }
        if (!in.notes.empty()) {
            // Every approximation, per task: the producer checks these against MS Project.
            std::string msg = std::string(tr("Plotline imported the plan as a new project; check these against the file:")) + "\n\n";
            for (const std::string& n : in.notes) msg += "\u2022 " + n + "\n";
            notify(fmt(tr("Imported {0}: {1}"), filename, trn("{n} thing to check", "{n} things to check", int64_t(in.notes.size()))), msg);
        }
        addProject(std::move(in.project), fmt(tr("Imported {0} as a new project. Your other plans are in Project > Projects…"), filename));
        return;
    }
    if (!endsWith(".json")) {
        notify(fmt(tr("Could not import {0}"), filename),
               tr("Plotline opens .json project files, Microsoft Project .xml files, GanttProject .gan files and .csv task\ntables.\nNothing was changed."));
        return;
    }
    Result<Project> p = readProjectJson(text);
    if (!p) {
        notify(fmt(tr("Could not import {0}"), filename), p.error() + "\n\n" + tr("Nothing was changed."));
        return;
    }
    if (p->isTemplate) {
        // A template file goes among the user's templates, to start projects from.
        const std::string name = p->name;
        templates_.add(std::move(*p), host_.now(), [this, name, filename](const std::string& err) {
            if (!err.empty()) notify(fmt(tr("Could not import {0}"), filename), fmt(tr("The template could not be stored: {0}"), err));
            else flash(fmt(tr("Added the template \u201c{0}\u201d: Project > New… starts a project from it."), name));
        });
        return;
    }
    addProject(std::move(*p), fmt(tr("Imported {0} as a new project. Your other plans are in Project > Projects…"), filename));
}

std::string App::fileStem() const { return plotline::fileStem(doc_.project().name); }

void App::exportJson() {
    host_.download(fileStem() + ".plotline.json", "application/json", writeProjectJson(doc_.project()));
    flash(fmt(tr("Exported {0}.plotline.json"), fileStem()));
}

void App::exportMspdi() {
    host_.download(fileStem() + ".xml", "application/xml", writeMspdi(doc_.project(), doc_.schedule()));
    flash(fmt(tr("Exported {0}.xml for Microsoft Project (File > Open, choose XML)"), fileStem()));
}

void App::exportCalendar() {
    ICalendarCount n;
    const std::string ics = writeICalendar(doc_.project(), doc_.schedule(), host_.now(), false, &n);
    if (n.milestones + n.deadlines == 0) {
        notify(tr("Nothing to put in a calendar"), n.internalLeftOut ? tr("This plan has no milestones or deadlines outside the team's internal work. Mark a task as a milestone (duration 0) or give it a deadline.")
                                                                   : tr("This plan has no milestones or deadlines. Mark a task as a milestone (duration 0) or give it a deadline."));
        return;
    }
    host_.download(fileStem() + ".ics", "text/calendar", ics);
    flash(fmt(tr("Exported {0}.ics: {1} and {2}{3}. Importing a newer export updates the same events."), fileStem(),
              trn("{n} milestone", "{n} milestones", n.milestones), trn("{n} deadline", "{n} deadlines", n.deadlines),
              n.internalLeftOut ? " (" + trn("{n} internal left out", "{n} internal left out", n.internalLeftOut) + ")" : std::string()));
}

void App::exportCsv() {
    host_.download(fileStem() + ".csv", "text/csv", writeTasksCsv(doc_.project(), doc_.schedule()));
    flash(fmt(tr("Exported {0}.csv"), fileStem()));
}

// Ctrl+P: the plan as the chart shows it (rows, critical path, baseline), fitted to the paper.
void App::printPlan() {
    PrintOptions o;
    if (view_ == View::Plan && !gantt_.visibleRows().empty()) o.rows = gantt_.visibleRows();
    o.critical = gantt_.showCritical;
    o.baseline = gantt_.shownBaseline();
    o.today = host_.today();
    o.printedOn = formatLocalTime(host_.now());
    host_.print(printPage(doc_.project(), doc_.schedule(), o));
    const int pages = printPages(o.rows.empty() ? doc_.project().tasks.size() : o.rows.size());
    flash(fmt(tr("Printing \u201c{0}\u201d: {1}, landscape (choose Save as PDF in the print dialog for a file)."), doc_.project().name,
              trn("{n} page", "{n} pages", int64_t(pages))));
}

void App::pageHidden() {
    if (!save_.enabled()) return;
    save_.saveNow();
    finishSave(); // the tab may be gone before the next frame
}

void App::notify(const std::string& title, const std::string& text) {
    dialogTitle_ = title;
    dialogText_ = text;
    dialogOpen_ = true;
    message_ = title;
    messageAt_ = host_.now();
}

void App::flash(const std::string& text) {
    message_ = text;
    messageAt_ = host_.now();
    host_.announce(text);
}

std::string App::statusJson() const {
    auto str = [](std::string_view s) {
        std::string o;
        appendJsonString(o, s);
        return o;
    };
    char buf[192];
    std::snprintf(buf, sizeof buf, "\"revision\":%llu,\"canUndo\":%s,\"canRedo\":%s,\"pixelsPerDay\":%.3f,\"selected\":%d,\"editor\":%s,\"tasks\":%zu",
                  (unsigned long long)doc_.revision(), doc_.canUndo() ? "true" : "false", doc_.canRedo() ? "true" : "false",
                  double(gantt_.pixelsPerDay()), gantt_.selectedRow(), gantt_.editorOpen() ? "true" : "false",
                  doc_.project().tasks.size());
    // The selected task as the chart shows it, so automation can check an edit without the whole plan.
    std::string selected;
    const int row = gantt_.selectedRow();
    if (ready_ && row >= 0 && size_t(row) < doc_.project().tasks.size() && doc_.schedule().ok()) {
        const Task& t = doc_.project().tasks[size_t(row)];
        const TaskSchedule& ts = doc_.schedule().tasks[size_t(row)];
        const Calendar& cal = doc_.project().calendar;
        selected = ",\"selectedTask\":{\"name\":" + str(t.name) + ",\"start\":\"" + cal.startText(ts.start) + "\",\"finish\":\"" +
                   cal.finishText(ts.finish) + "\",\"constraint\":\"" + constraintName(t.constraint) + "\"}";
    }
    return std::string("{\"ready\":") + (ready_ ? "true" : "false") + ",\"save\":" + str(save_.stateName()) +
           ",\"project\":" + str(open_.id()) + ",\"projectName\":" + str(doc_.project().name) + ",\"readOnly\":" + str(open_.reason()) +
           ",\"projects\":" + std::to_string(library_.projects().size()) +
           ",\"view\":" + str(view_ == View::Budget ? "budget" : view_ == View::Portfolio ? "portfolio" : view_ == View::Board ? "board" : "plan") + ",\"budgetTab\":" + std::to_string(int(budget_.tab())) +
           ",\"look\":" + str(theme::lookName(theme::current())) + ",\"uiScale\":" + std::to_string(uiScale_) + ",\"language\":" + str(i18n::language()) + ",\"formats\":" + str(formats().tag) + ",\"fonts\":" + fonts_.json() +
           ",\"saveError\":" + str(save_.error()) + ",\"message\":" + str(message_) + ",\"dialog\":" + str(dialogTitle_) + ",\"dialogText\":" + str(dialogText_) + "," + buf +
           selected + ",\"undo\":" + str(doc_.undoLabel()) + ",\"sync\":" + sync_.statusJson() + ",\"shares\":" + shares_.statusJson() +
           (view_ == View::Portfolio ? ",\"portfolio\":" + portfolio_.json() : std::string()) +
           (view_ == View::Board ? ",\"board\":" + board_.json(host_.today()) : std::string()) + viewerJson() + "}";
}

// The viewer's state for automation: ,"viewer":{...} when the app shows a client view, else "".
std::string App::viewerJson() const {
    if (!viewer_) return "";
    std::string o = ",\"viewer\":{\"state\":\"";
    o += viewer_->state() == Viewer::State::Opening ? "opening" : viewer_->state() == Viewer::State::Shown ? "shown" : "failed";
    o += "\",\"error\":";
    appendJsonString(o, viewer_->error());
    o += ",\"published\":" + std::string(viewer_->published() ? "true" : "false") + ",\"version\":" + std::to_string(viewer_->version()) +
         ",\"compact\":" + (viewerScreen_->compact() ? "true" : "false") + ",\"zoom\":" + std::to_string(viewerScreen_->zoom()) +
         ",\"expanded\":" + std::to_string(viewerScreen_->expanded()) + ",\"stale\":";
    appendJsonString(o, viewer_->stale());
    if (viewer_->view()) {
        o += ",\"holds\":[";
        bool first = true;
        for (const ShareItemInfo& i : shareItems())
            if (viewer_->view()->options.has(i.item)) {
                o += first ? "\"" : ",\"";
                o += i.name;
                o += "\"";
                first = false;
            }
        o += "],\"asOf\":\"" + viewer_->view()->asOf.str() + "\"";
    }
    return o + "}";
}

// Escape closes the drop-down or menu on top (a dialog answers Escape itself) and is then spent, so
// the dialog or text field under it keeps what it had, and the next click does what it says.
void App::escapeClosesPopup() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const int escape = ImGui::GetKeyIndex(ImGuiKey_Escape);
    if (g.OpenPopupStack.empty() || !ImGui::IsKeyPressed(escape, false)) return;
    const ImGuiPopupData& top = g.OpenPopupStack.back();
    if (top.Window && (top.Window->Flags & ImGuiWindowFlags_Modal)) return;
    ImGui::ClosePopupToLevel(g.OpenPopupStack.Size - 1, true);
    g.IO.KeysDownDuration[escape] = 0.1f; // held, no longer "just pressed" this frame
}

void App::shortcuts() {
    escapeClosesPopup();
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(keys::F1, false)) help_.open();
    if (!io.WantTextInput && !io.KeyCtrl)
        for (ImWchar c : io.InputQueueCharacters)
            if (c == '?') help_.open();
    // Find and Print are the app's own: the browser's would find nothing in a canvas and print a
    // screenshot of one page.
    if (io.KeyCtrl && ImGui::IsKeyPressed(keys::F, false) && ready_ && (!io.WantTextInput || gantt_.findOpen())) {
        view_ = View::Plan;
        gantt_.openFind();
    }
    if (io.KeyCtrl && ImGui::IsKeyPressed(keys::P, false) && ready_) printPlan();
    if (io.WantTextInput || !io.KeyCtrl) return;
    const bool z = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z)), y = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y));
    if (z && !io.KeyShift) undo();
    else if (y || (z && io.KeyShift)) redo();
    if (ImGui::IsKeyPressed(keys::S)) save_.saveNow();
    if (ImGui::IsKeyPressed(keys::O)) libraryWindow_.openProjects();
    if (ImGui::IsKeyPressed(keys::One)) view_ = View::Plan;
    if (ImGui::IsKeyPressed(keys::Two)) view_ = View::Budget;
    if (ImGui::IsKeyPressed(keys::Three)) view_ = View::Portfolio;
    if (ImGui::IsKeyPressed(keys::Four)) view_ = View::Board;
}

void App::menuBar() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(tr("Project"))) {
        const bool manage = open_.capabilities().manageProjects; // the library needs this browser's storage
        if (ImGui::MenuItem(tr("Projects…"), "Ctrl+O", false, manage)) libraryWindow_.openProjects();
        tagItem("menu.Project.Projects");
        if (ImGui::MenuItem(tr("New…"))) newProject();
        tagItem("menu.Project.New");
        if (ImGui::MenuItem(tr("Copy of the sample"))) openSample();
        tagItem("menu.Project.Open sample");
        if (ImGui::MenuItem(tr("Save as template\u2026"), nullptr, false, open_.isOpen())) saveAsTemplate();
        tagItem("menu.Project.Save as template");
        if (ImGui::MenuItem(tr("History…"), nullptr, false, open_.isOpen() && manage)) libraryWindow_.openHistory();
        tagItem("menu.Project.History");
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Import…"), nullptr)) host_.pickFile();
        tagItem("menu.Project.Import");
        if (ImGui::MenuItem(tr("Export JSON"))) exportJson();
        tagItem("menu.Project.Export JSON");
        if (ImGui::MenuItem(tr("Export MS Project XML"))) exportMspdi();
        tagItem("menu.Project.Export MS Project XML");
        if (ImGui::MenuItem(tr("Export CSV"))) exportCsv();
        tagItem("menu.Project.Export CSV");
        if (ImGui::MenuItem(tr("Export milestones to calendar (.ics)"))) exportCalendar();
        tagItem("menu.Project.Export calendar");
        if (ImGui::MenuItem(tr("Export chart as picture\u2026"))) pictureWindow_.open();
        tagItem("menu.Project.Export picture");
        if (ImGui::MenuItem(tr("Print…"), "Ctrl+P")) printPlan();
        tagItem("menu.Project.Print");
        if (ImGui::MenuItem(tr("Share with client…"))) shareWindow_.open();
        tagItem("menu.Project.Share");
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Status report…"))) { view_ = View::Budget; budget_.openReport(); }
        tagItem("menu.Project.Status report");
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Baselines…"))) windows_.openBaselines();
        tagItem("menu.Project.Baselines");
        if (ImGui::MenuItem(tr("Status date…"))) windows_.openStatusDate();
        tagItem("menu.Project.Status date");
        if (ImGui::MenuItem(tr("Resources…"))) windows_.openResources();
        tagItem("menu.Project.Resources");
        if (ImGui::MenuItem(tr("Client and producer…"))) windows_.openDetails();
        tagItem("menu.Project.Details");
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Sync…"), nullptr, false, manage)) syncWindow_.open();
        tagItem("menu.Project.Sync");
        const std::string conflicts = sync_.conflicts().empty() ? std::string(tr("Sync conflicts"))
                                                                 : fmt(tr("Sync conflicts ({0})"), sync_.conflicts().size());
        if (ImGui::MenuItem(conflicts.c_str(), nullptr, false, sync_.connected())) syncWindow_.openConflicts();
        tagItem("menu.Project.Sync conflicts");
        ImGui::EndMenu();
    }
    tagItem("menu.Project");
    if (ImGui::BeginMenu(tr("Edit"))) {
        const std::string u = doc_.canUndo() ? fmt(tr("Undo {0}"), doc_.undoLabel()) : std::string(tr("Undo"));
        const std::string r = doc_.canRedo() ? fmt(tr("Redo {0}"), doc_.redoLabel()) : std::string(tr("Redo"));
        if (ImGui::MenuItem(u.c_str(), "Ctrl+Z", false, doc_.canUndo())) undo();
        tagItem("menu.Edit.Undo");
        if (ImGui::MenuItem(r.c_str(), "Ctrl+Y", false, doc_.canRedo())) redo();
        tagItem("menu.Edit.Redo");
        ImGui::Separator();
        const bool edit = doc_.capabilities().edit, row = gantt_.selectedRow() >= 0; // a read-only plan: greyed
        if (ImGui::MenuItem(tr("Add task"), "Insert", false, edit)) gantt_.insertTaskBelowSelection();
        tagItem("menu.Edit.Add task");
        if (ImGui::MenuItem(tr("Delete task"), "Delete", false, edit && row)) gantt_.deleteSelection();
        tagItem("menu.Edit.Delete task");
        if (ImGui::MenuItem(edit ? tr("Edit task…") : tr("Task details…"), tr("Double-click"), false, row)) gantt_.openEditor(gantt_.selectedRow());
        tagItem("menu.Edit.Edit task");
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Indent"), "Tab", false, edit && row)) gantt_.indentSelection(false);
        tagItem("menu.Edit.Indent");
        if (ImGui::MenuItem(tr("Outdent"), "Shift+Tab", false, edit && row)) gantt_.indentSelection(true);
        tagItem("menu.Edit.Outdent");
        if (ImGui::MenuItem(tr("Move up"), "Alt+Up", false, edit && row)) gantt_.moveSelection(-1);
        if (ImGui::MenuItem(tr("Move down"), "Alt+Down", false, edit && row)) gantt_.moveSelection(+1);
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Find…"), "Ctrl+F")) { view_ = View::Plan; gantt_.openFind(); }
        tagItem("menu.Edit.Find");
        ImGui::TextDisabled(tr("Copy and paste rows with Ctrl+C and Ctrl+V"));
        ImGui::EndMenu();
    }
    tagItem("menu.Edit");
    if (ImGui::BeginMenu(tr("View"))) {
        if (ImGui::MenuItem(tr("Plan (Gantt)"), "Ctrl+1", view_ == View::Plan)) view_ = View::Plan;
        tagItem("menu.View.Plan");
        if (ImGui::MenuItem(tr("Budget"), "Ctrl+2", view_ == View::Budget)) view_ = View::Budget;
        tagItem("menu.View.Budget");
        if (ImGui::MenuItem(tr("Portfolio (all projects)"), "Ctrl+3", view_ == View::Portfolio)) view_ = View::Portfolio;
        tagItem("menu.View.Portfolio");
        if (ImGui::MenuItem(tr("Board (content pipeline)"), "Ctrl+4", view_ == View::Board)) view_ = View::Board;
        tagItem("menu.View.Board");
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Zoom in"), "Ctrl+Wheel")) gantt_.zoom(1.5f);
        tagItem("menu.View.Zoom in");
        if (ImGui::MenuItem(tr("Zoom out"))) gantt_.zoom(1 / 1.5f);
        tagItem("menu.View.Zoom out");
        if (ImGui::MenuItem(tr("Fit project"))) gantt_.fitProject();
        tagItem("menu.View.Fit project");
        if (ImGui::MenuItem(tr("Go to today"))) gantt_.goTo(host_.today());
        tagItem("menu.View.Go to today");
        ImGui::Separator();
        ImGui::MenuItem(tr("Critical path"), nullptr, &gantt_.showCritical);
        tagItem("menu.View.Critical path");
        ImGui::MenuItem(tr("Resource load"), nullptr, &showLoad);
        tagItem("menu.View.Resource load");
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Preferences\u2026"))) preferencesOpen_ = true;
        tagItem("menu.View.Preferences");
        if (ImGui::BeginMenu(tr("Columns"))) {
            for (int c = 0; c < GanttView::columnCount(); ++c) {
                if (!GanttView::columnOptional(c)) continue;
                const std::string name = GanttView::columnName(c);
                if (ImGui::MenuItem(tr(GanttView::columnName(c)), nullptr, gantt_.columnShown(c))) gantt_.showColumn(c, !gantt_.columnShown(c));
                tagItem("menu.View.Columns." + name);
            }
            ImGui::Separator();
            ImGui::TextDisabled(tr("Or right-click the column titles"));
            ImGui::EndMenu();
        }
        tagItem("menu.View.Columns");
        ImGui::EndMenu();
    }
    tagItem("menu.View");
    if (ImGui::BeginMenu(tr("Help"))) {
        if (ImGui::MenuItem(tr("Keyboard shortcuts"), "F1")) help_.open(HelpWindow::Shortcuts);
        tagItem("menu.Help.Shortcuts");
        if (ImGui::MenuItem(tr("How do I…"))) help_.open(HelpWindow::HowDoI);
        tagItem("menu.Help.How");
        ImGui::EndMenu();
    }
    tagItem("menu.Help");
    // The project's name, centred-ish after the menus.
    const std::string& name = doc_.project().name;
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::TextUnformatted(name.c_str());
    tagItem("header.projectName");
    ImGui::EndMainMenuBar();
}

void App::statusBar(float height) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - height));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetFontSize() * 0.8f, (height - ImGui::GetFontSize()) * 0.5f));
    ImGui::Begin("##status", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                          ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus);
    const AutoSave::State st = save_.state();
    const ImU32 color = readOnly() ? theme::kWarnText
                        : st == AutoSave::State::Failed ? theme::kError
                        : st == AutoSave::State::Saved  ? theme::kOk
                                                        : theme::kMuted;
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    if (!ready_) ImGui::TextUnformatted(tr("Opening…"));
    else if (readOnly()) ImGui::TextUnformatted(tr("Read-only"));
    else if (st == AutoSave::State::Failed) ImGui::Text(tr("Not saved: %s"), save_.error().c_str());
    else ImGui::TextUnformatted(save_.stateText());
    ImGui::PopStyleColor();
    tagItem("status.save");
    const Schedule& s = doc_.schedule();
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    if (!s.ok()) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kError);
        ImGui::TextUnformatted(s.error.c_str());
        ImGui::PopStyleColor();
        tagItem("status.schedule");
    } else {
        const size_t n = doc_.project().tasks.size();
        const std::string text = trn("{n} task", "{n} tasks", int64_t(n)) + "  \u00b7  " + formatDate(s.start) + " \u2192 " + formatDate(s.finish);
        ImGui::TextDisabled("%s", text.c_str());
        tagText("status.schedule", text);
    }
    if (const std::string sync = ready_ ? sync_.sentence(host_.now()) : std::string(); !sync.empty()) {
        ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
        const SyncController::Tone tone = sync_.tone();
        const ImU32 c = tone == SyncController::Tone::Error ? theme::kError
                        : tone == SyncController::Tone::Warn ? theme::kWarnText
                        : tone == SyncController::Tone::Ok   ? theme::kOk
                                                             : theme::kMuted;
        ImGui::PushStyleColor(ImGuiCol_Text, c);
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetFontSize() * 0.3f, 0));
        const std::string label = (tone == SyncController::Tone::Ok ? "\u2713 " : tone == SyncController::Tone::Busy ? "" : "\u26a0 ") + sync + "##sync";
        if (ImGui::SmallButton(label.c_str())) {
            if (!sync_.conflicts().empty()) syncWindow_.openConflicts();
            else syncWindow_.open();
        }
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(2);
        tagText("status.sync", sync);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", !sync_.conflicts().empty() ? tr("Review the conflicts") : tr("Sync settings and the plans on the server"));
    }
    if (!message_.empty() && host_.now() - messageAt_ < 8000) {
        ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
        // A message longer than the bar ends in "…" and shows whole on hover (the screen reader heard
        // it whole already).
        const float room = ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX() - ImGui::GetFontSize() * 0.5f;
        if (ImGui::CalcTextSize(message_.c_str()).x <= room) {
            ImGui::TextUnformatted(message_.c_str());
            tagText("status.message", message_);
        } else {
            const float ellipsis = ImGui::CalcTextSize("\u2026").x;
            const char* end = message_.c_str();
            ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), std::max(0.0f, room - ellipsis), 0.0f, message_.c_str(), nullptr, &end);
            while (end > message_.c_str() && (static_cast<unsigned char>(*end) & 0xC0) == 0x80) --end; // not inside a character
            ImGui::TextUnformatted((std::string(message_.c_str(), end) + "\u2026").c_str());
            tagText("status.message", message_);
            if (ImGui::IsItemHovered()) {
                tagText("tooltip", message_);
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 35);
                ImGui::TextUnformatted(message_.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
    }
    if (ready_ && view_ == View::Plan) legend();
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

// What the chart's lines and marks mean, at the right of the status bar: each sample as drawn on the
// chart, and a tooltip that says more.
void App::legend() {
    enum class Mark { Line, Diamond, Bar, ThinBar };
    struct Item { const char* tag; Mark mark; ImU32 colour; std::string text; const char* tip; };
    const Project& p = doc_.project();
    std::vector<Item> items{{"legend.today", Mark::Line, theme::kToday, tr("Today"), tr("The red line: today")}};
    if (p.statusDate)
        items.push_back({"legend.status", Mark::Line, theme::kStatusLine, tr("Status date"),
                         tr("The violet line: the status date (progress as of). Its zigzag, the progress line, bends left "
                            "for tasks behind and right for tasks ahead")});
    items.push_back({"legend.milestone", Mark::Diamond, theme::kMilestone, tr("Milestone"), tr("A milestone: a moment, 0 days long")});
    if (gantt_.showCritical) items.push_back({"legend.critical", Mark::Bar, theme::kCritical, tr("Critical"), tr("Critical tasks (striped): no float, a slip moves the finish")});
    if (!gantt_.shownBaseline().isNull()) items.push_back({"legend.baseline", Mark::ThinBar, theme::kBaseline, tr("Baseline"), tr("The baseline's dates, under the live bars")});
    const float fs = ImGui::GetFontSize(), mark = fs * 1.1f, gap = fs * 1.2f;
    float width = 0;
    for (const Item& it : items) width += mark + fs * 0.35f + ImGui::CalcTextSize(it.text.c_str()).x + gap;
    const float right = ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine(0, 0);
    if (ImGui::GetCursorPosX() + fs + width > right) return; // too narrow a window: the tooltips on the lines say it
    ImGui::SetCursorPosX(right - width + gap);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const Item& it : items) {
        ImGui::BeginGroup();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float cy = std::floor(at.y + fs * 0.5f) + 0.5f, cx = std::floor(at.x + mark * 0.5f) + 0.5f;
        switch (it.mark) {
            case Mark::Line: dl->AddLine(ImVec2(cx, at.y - 1), ImVec2(cx, at.y + fs + 1), it.colour, 2.0f); break;
            case Mark::Diamond: {
                const float r = std::floor(fs * 0.42f);
                dl->AddQuadFilled(ImVec2(cx, cy - r), ImVec2(cx + r, cy), ImVec2(cx, cy + r), ImVec2(cx - r, cy), it.colour);
                break;
            }
            case Mark::Bar:
                dl->AddRectFilled(ImVec2(at.x, cy - fs * 0.3f), ImVec2(at.x + mark, cy + fs * 0.3f), it.colour, 2.0f);
                if (it.colour == theme::kCritical)
                    theme::hatch(dl, ImVec2(at.x, cy - fs * 0.3f), ImVec2(at.x + mark, cy + fs * 0.3f), theme::kCriticalHatch);
                break;
            case Mark::ThinBar: dl->AddRectFilled(ImVec2(at.x, cy - 2), ImVec2(at.x + mark, cy + 2), it.colour); break;
        }
        ImGui::Dummy(ImVec2(mark, fs));
        ImGui::SameLine(0, fs * 0.35f);
        ImGui::TextDisabled("%s", it.text.c_str());
        ImGui::EndGroup();
        tagText(it.tag, it.text);
        hint(it.tip);
        ImGui::SameLine(0, gap);
    }
    ImGui::NewLine();
}

void App::dialogs() {
    if (dialogOpen_) {
        ImGui::OpenPopup("##dialog");
        dialogOpen_ = false;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(ImGui::GetFontSize() * 22, 0), ImVec2(ImGui::GetFontSize() * 40, vp->WorkSize.y * 0.8f));
    if (ImGui::BeginPopupModal("##dialog", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        ImGui::TextUnformatted(dialogTitle_.c_str());
        tagItem("dialog.title");
        ImGui::Separator();
        // A long text (an import's list of things to check) scrolls inside the dialog.
        const float wrap = ImGui::GetFontSize() * 38;
        const float tall = ImGui::CalcTextSize(dialogText_.c_str(), nullptr, false, wrap).y;
        const bool scrolls = tall > vp->WorkSize.y * 0.6f;
        if (scrolls) ImGui::BeginChild("##dialogText", ImVec2(wrap + ImGui::GetStyle().ScrollbarSize + 8, vp->WorkSize.y * 0.6f), true);
        ImGui::PushTextWrapPos(scrolls ? 0.0f : wrap);
        ImGui::TextUnformatted(dialogText_.c_str());
        ImGui::PopTextWrapPos();
        tagItem("dialog.text");
        if (scrolls) ImGui::EndChild();
        ImGui::Spacing();
        if (ImGui::Button(tr("OK"), ImVec2(ImGui::GetFontSize() * 6, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            dialogTitle_.clear();
            dialogText_.clear();
            ImGui::CloseCurrentPopup();
        }
        tagItem("dialog.ok");
        ImGui::EndPopup();
    }
}

// Above the chart: the text filter and the view buttons people reach for most.
void App::toolbar() {
    const float fs = ImGui::GetFontSize();
    float top = fs * 0.35f;
    if (readOnly()) { // a coloured strip above the tools, so nobody edits in vain
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float h = fs * 1.9f;
        ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + ImGui::GetWindowWidth(), at.y + h), theme::kBannerBg);
        ImGui::SetCursorPos(ImVec2(fs * 0.6f, (h - fs) * 0.5f));
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kBannerText);
        ImGui::TextUnformatted(tr("Read-only:"));
        ImGui::SameLine();
        ImGui::TextUnformatted(open_.reason().c_str());
        ImGui::PopStyleColor();
        tagItem("banner.readOnly");
        top += h;
    }
    ImGui::SetCursorPos(ImVec2(fs * 0.6f, top));
    // The status date, in both views' toolbars.
    const std::optional<Date>& statusDate = doc_.project().statusDate;
    const std::string statusLabel = statusDate ? fmt(tr("Status {0}"), formatDate(*statusDate)) : std::string(tr("Set status date"));
    auto statusButton = [&](const std::string& label) {
        if (ImGui::SmallButton(label.c_str())) windows_.openStatusDate();
        tagItem("toolbar.status");
        hint(tr("Progress as of this date: the violet line, and the progress line through started tasks"));
    };
    // Plan, Budget or Portfolio: three parts of one switch.
    // The Board only for a content pipeline (and while it is shown).
    const bool pipeline = !doc_.project().stages.empty() || view_ == View::Board;
    for (View v : {View::Plan, View::Budget, View::Portfolio, View::Board}) {
        if (v == View::Board && !pipeline) continue;
        const bool on = view_ == v;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? theme::kAccent : ImGui::GetColorU32(ImGuiCol_FrameBg));
        ImGui::PushStyleColor(ImGuiCol_Text, on ? theme::kOnAccent : ImGui::GetColorU32(ImGuiCol_Text));
        static const char* const names[] = {N_("Plan"), N_("Budget"), N_("Portfolio"), N_("Board")};
        static const char* const tags[] = {"view.plan", "view.budget", "view.portfolio", "view.board"};
        static const char* const tips[] = {N_("The Gantt chart (Ctrl+1)"), N_("Costs, actuals, change requests, risks and reports (Ctrl+2)"),
                                           N_("Every project: status, timeline, this week, people across projects (Ctrl+3)"),
                                           N_("The content pipeline: each deliverable by stage; drag a card to the next stage (Ctrl+4)")};
        if (ImGui::Button(tr(names[int(v)]))) view_ = v;
        ImGui::PopStyleColor(2);
        tagItem(tags[int(v)]);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(tips[int(v)]));
        ImGui::SameLine(0, 2);
    }
    if (view_ == View::Portfolio || view_ == View::Board) {
        ImGui::NewLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fs * 0.2f);
        return;
    }
    if (view_ == View::Budget) {
        ImGui::SameLine(0, fs * 1.5f);
        statusButton(statusLabel);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fs * 0.2f);
        return;
    }
    // The tools flow like words: a group that would run past the window's right edge starts a new
    // line, so every control stays on screen however narrow the window (1024 px puts them on two).
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - fs * 0.6f;
    auto button = [&](const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + style.FramePadding.x * 2; };
    auto flow = [&](float width, float gap) {
        ImGui::SameLine(0, gap);
        if (ImGui::GetCursorScreenPos().x + width > right) {
            ImGui::NewLine();
            ImGui::SetCursorPosX(fs * 0.6f);
        }
    };
    flow(fs * 14 + (gantt_.filter[0] ? button(tr("Clear")) + style.ItemSpacing.x : 0), fs * 1.5f);
    ImGui::SetNextItemWidth(fs * 14);
    ImGui::InputTextWithHint("##filter", tr("Filter tasks by name"), gantt_.filter, sizeof gantt_.filter);
    tagItem("toolbar.filter");
    hint(tr("Show only the tasks whose name holds this text (Ctrl+F finds a task in names, notes and people)"));
    if (gantt_.filter[0]) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Clear"))) gantt_.filter[0] = 0;
        tagItem("toolbar.filterClear");
    }
    flow(button("-") + button("+") + button(tr("Fit")) + button(tr("Today")) + style.ItemSpacing.x * 3, fs * 1.5f);
    if (ImGui::Button("-")) gantt_.zoom(1 / 1.5f);
    tagItem("toolbar.zoomOut");
    hint(tr("Zoom out (Ctrl + mouse wheel)"));
    ImGui::SameLine();
    if (ImGui::Button("+")) gantt_.zoom(1.5f);
    tagItem("toolbar.zoomIn");
    hint(tr("Zoom in, down to the hours of a day (Ctrl + mouse wheel)"));
    ImGui::SameLine();
    if (ImGui::Button(tr("Fit"))) gantt_.fitProject();
    tagItem("toolbar.fit");
    hint(tr("Show the whole project, first task to last"));
    ImGui::SameLine();
    if (ImGui::Button(tr("Today"))) gantt_.goTo(host_.today());
    tagItem("toolbar.today");
    hint(tr("Scroll to today (the red line)"));
    const float box = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x;
    flow(box + ImGui::CalcTextSize(tr("Critical path")).x, fs * 1.5f);
    ImGui::Checkbox(tr("Critical path"), &gantt_.showCritical);
    tagItem("toolbar.critical");
    hint(tr("Highlight the tasks that move the finish date if they slip (no float)"));
    flow(box + ImGui::CalcTextSize(tr("Resource load")).x, fs * 1.5f);
    ImGui::Checkbox(tr("Resource load"), &showLoad);
    tagItem("toolbar.load");
    hint(tr("Each person's booked share of their day under the chart; orange: over a full day"));
    // Which baseline to compare against.
    const Project& p = doc_.project();
    flow(ImGui::CalcTextSize(tr("Baseline")).x + style.ItemSpacing.x + fs * 10, fs * 1.5f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Baseline"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 10);
    const Id shown = gantt_.shownBaseline();
    std::string current = tr("None");
    for (const Baseline& b : p.baselines)
        if (b.id == shown) current = b.name;
    if (ImGui::BeginCombo("##baseline", current.c_str())) {
        if (ImGui::Selectable(tr("None"), shown.isNull())) gantt_.showBaseline(Id());
        for (size_t i = 0; i < p.baselines.size(); ++i) {
            ImGui::PushID(int(i));
            if (ImGui::Selectable(p.baselines[i].name.c_str(), p.baselines[i].id == shown)) gantt_.showBaseline(p.baselines[i].id);
            tagItem("toolbar.baseline." + std::to_string(i));
            ImGui::PopID();
        }
        ImGui::Separator();
        if (ImGui::Selectable(tr("Save or manage baselines…"))) windows_.openBaselines();
        ImGui::EndCombo();
    }
    tagItem("toolbar.baseline");
    hint(tr("Show a saved baseline as thin grey bars under the live ones"));
    flow(button(statusLabel.c_str()), fs * 1.5f);
    statusButton(statusLabel);
    flow(button(tr("Share\u2026")), fs * 0.6f);
    if (ImGui::SmallButton(tr("Share\u2026"))) shareWindow_.open();
    tagItem("toolbar.share");
    hint(tr("A read-only view of this plan for your client: choose what it holds (Project > Share with client…)"));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fs * 0.2f);
}

std::string App::copyText() const {
    return ready_ && view_ == View::Plan && !gantt_.editing() ? gantt_.copySelection() : std::string();
}

void App::pasteText(const std::string& text) {
    if (!ready_) return;
    if (ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput) {
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str()); // into the text field being edited
        return;
    }
    if (view_ == View::Budget) {
        if (readOnly()) flash(tr("This project is read-only here: nothing was pasted."));
        else if (!budget_.paste(text)) flash(tr("Paste rows into the Budget or Actuals tab (or switch to the plan)."));
        return;
    }
    gantt_.paste(text);
}

// Finds the characters shown that the UI font lacks, asks for their fonts, and says what is not laid
// out. The plan's texts are read again only after a change (all of them: a few milliseconds at 100,000
// tasks); typed characters (an input method's too) as they come, so a name shows while it is typed.
void App::fontsFrame() {
    const auto t0 = std::chrono::steady_clock::now();
    for (ImWchar c : ImGui::GetIO().InputQueueCharacters) fonts_.scanChar(c);
    auto scan = [this](std::string_view text) { fonts_.scan(text); };
    if (viewer_) {
        if (viewer_->version() != fontsViewerVersion_ && viewer_->view()) {
            fontsViewerVersion_ = viewer_->version();
            forEachText(viewer_->view()->project, scan);
        }
    } else {
        // The plan's texts after each change, a few thousand records a frame: an edit of a 100k-task
        // plan does not walk every field of every task in its frame (typed characters are found above,
        // and a font found missing arrives frames later anyway).
        if (doc_.revision() != fontsRevision_) {
            fontsRevision_ = doc_.revision();
            fontsNext_ = 0;
            fontsWalking_ = true;
        }
        if (fontsWalking_) {
            fontsNext_ = forEachTextFrom(doc_.project(), fontsNext_, kFontRecordsPerFrame, scan);
            fontsWalking_ = fontsNext_ != 0;
        }
        for (const ProjectEntry& e : library_.projects()) fonts_.scan(e.name);
    }
    if (textGeneration() != fontsTextGeneration_) { // the formats' month and weekday names (ja-JP: 月, 火…)
        fontsTextGeneration_ = textGeneration();
        fonts_.scan(formatLongDate(host_.today()));
        fonts_.scan(formatWeekdayDate(host_.today()));
        for (int m = 1; m <= 12; ++m) fonts_.scan(monthShortIn(m));
    }
    for (int f : fonts_.takeRequests(double(host_.now()))) {
        host_.fetchFont(fonts::fallbacks()[size_t(f)].file, [this, f](Result<std::string> r) {
            if (r) return fonts_.received(f, std::move(*r), double(host_.now()));
            if (fonts_.failed(f, r.error(), double(host_.now()))) // retried every 30 s: said once
                flash(fmt(tr("The font for {0} could not be fetched ({1}): its characters show as ? until it arrives."),
                          tr(fonts::fallbacks()[size_t(f)].what), r.error()));
        });
    }
    std::string notLaidOut;
    for (const std::string& sentence : fonts_.takeNotLaidOut()) notLaidOut += (notLaidOut.empty() ? "" : " ") + sentence;
    if (!notLaidOut.empty()) flash(notLaidOut);
    fontsMs_ = msSince(t0);
}

// A browser compiles a WebAssembly function when it is first called, with a quick compiler, and
// compiles it again optimised only once it has run for a while: so the first insert, delete or undo
// in a big plan ran the code of structural edits unoptimised (a 22 ms frame at 100k tasks in
// bench/render.mjs, 14 ms for the next ones). These edits and their undos run here first, on a small
// plan of their own, one round a frame (under a millisecond each natively), a few frames after the
// first plan is up; the user's plan is not touched.
void App::warmUpStep() {
    if (!warmUp_) warmUp_ = std::make_unique<Document>(syntheticProject(600, 7), [] { return Stamp(0); });
    Document& d = *warmUp_;
    std::string why;
    auto step = [&](CommandPtr c) {
        if (!c) return;
        d.execute(std::move(c));
        (void)d.schedule();
        d.undo();
        (void)d.schedule();
        d.redo();
        (void)d.schedule();
    };
    (void)d.schedule();
    const size_t row = 100 + size_t(warmUpRounds_) * 97;
    Task t;
    t.id = Id::random();
    t.name = "Warm-up";
    t.parent = d.project().tasks[row].parent;
    step(insertTask(row, t));
    step(deleteTasks({d.project().tasks[row + 20].id}));
    step(indentTasks(d.project(), {d.project().tasks[row + 30].id}, why));
    step(outdentTasks(d.project(), {d.project().tasks[row + 30].id}, why));
    step(moveTask(d.project(), d.project().tasks[row + 40].id, 1, why));
    if (warmUpRounds_ + 1 == kWarmUpRounds) { // and what an autosave runs before it writes: the first save then compiles none of it
        ProjectBinaryWriter w(d.project());
        while (!w.step(256)) {}
        const uint32_t crc = crc32(w.text());
        if (d.schedule().ok()) (void)writeStoredSchedule(d.schedule(), {w.text().size(), crc});
        (void)seal(w.take(), VersionInfo{}, crc);
    }
    if (++warmUpRounds_ == kWarmUpRounds) warmUp_.reset();
}

void App::frame() {
    const auto began = std::chrono::steady_clock::now();
    beginWidgetFrame();
    fontsFrame();
    if (lookChoice_.empty() || (lookChoice_ == "system" && host_.now() - lookCheckedAt_ >= 1000)) {
        lookCheckedAt_ = host_.now();
        applyLook();
    }
    if (viewer_) {
        viewer_->tick(host_.now());
        viewerScreen_->draw(host_.today());
        publishMirror();
        return;
    }
    // A plan opened with its stored schedule: the scheduler confirms it once the first frames are up,
    // a part of its run a frame (a whole run at 100k tasks took one frame of 50-85 ms in Chromium).
    if (doc_.scheduleIsStored() && ++framesSinceShown_ >= kCheckScheduleAfterFrames)
        if (const std::optional<bool> same = doc_.checkStoredScheduleStep()) {
            host_.mark("schedule-checked");
            if (!*same && open_.isOpen() && !readOnly()) { // stale (another Plotline scheduled it): keep the right one
                save_.markUnsaved();
                save_.saveNow();
            }
        }
    const bool codeHere = host_.allCodeHere();
    if (warmUpRounds_ < kWarmUpRounds && ready_ && codeHere && !doc_.scheduleIsStored() && ++warmUpFrames_ >= kWarmUpAfterFrames) warmUpStep();
    if (storeWhenCodeHere_ && (codeHere || doc_.revision() != *storeWhenCodeHere_)) { // (an edit: stored as any other)
        storeWhenCodeHere_.reset();
        save_.saveNow();
    }
    if (!storeWhenCodeHere_) save_.tick(host_.now());
    // The first failure of a run of failed saves gets a dialog that says what to do; retries are quiet.
    const bool failed = save_.state() == AutoSave::State::Failed;
    if (failed && !saveFailureShown_) {
        saveFailureShown_ = true;
        notify(tr("Not saved"), fmt(tr("Your latest changes to \u201c{0}\u201d could not be saved: {1}.\n\nThey are kept in this tab, and Plotline tries again every few seconds. The version saved "
                                   "before is safe.\nTo make room, delete projects you no longer need (Project > Projects…, then "
                                   "Trash > Delete now), or keep a copy with Project > Export JSON."), doc_.project().name, save_.error()));
    } else if (save_.idle()) saveFailureShown_ = false;
    if (open_.waiting() && (save_.idle() || save_.state() == AutoSave::State::Failed)) {
        auto then = open_.takeWaiting();
        afterSave(std::move(then)); // runs it, or says why it cannot
    }
    // Sync runs beside editing: only a tab that may write the project syncs it.
    sync_.setCanWrite(ready_ && open_.isOpen() && !readOnly() && save_.state() != AutoSave::State::Failed);
    sync_.tick(host_.now());
    // Published links follow the syncs: live ones republished when their view changed, expired ones deleted.
    if (const Stamp synced = sync_.stats().lastSynced; synced != sharesSyncedAt_ && sync_.connection() && !readOnly()) {
        sharesSyncedAt_ = synced;
        shares_.afterSync(host_.today(), *sync_.connection());
    }
    if (sync_.newerSchema() && !open_.isServerNewer()) {
        open_.serverNewer();
        applyCapabilities();
        notify(tr("Read-only"), open_.reason());
    }
    shortcuts();
    menuBar();
    const float statusHeight = std::floor(ImGui::GetFontSize() * 2.0f);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Below the menu bar. (The viewport's work area only learns of the menu bar a frame later, so the
    // very first frame would put the toolbar under it.)
    const float menuHeight = ImGui::GetFrameHeight();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + menuHeight));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, vp->Size.y - menuHeight - statusHeight));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##main", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();
    if (ready_) {
        toolbar();
        float loadHeight = 0;
        if (showLoad) {
            const float rows = std::clamp(float(doc_.project().resources.size()), 1.0f, 6.0f);
            loadHeight = std::floor(std::min(ImGui::GetContentRegionAvail().y * 0.45f, ImGui::GetFontSize() * (2.2f * rows + 3.4f)));
        }
        if (view_ == View::Budget) budget_.draw(host_.today());
        else if (view_ == View::Portfolio) portfolio_.draw(host_.today());
        else if (view_ == View::Board) board_.draw(host_.today());
        else {
            gantt_.draw(host_.today(), showLoad ? ImGui::GetContentRegionAvail().y - loadHeight : 0);
            if (showLoad) load_.draw(gantt_.timeline(), loadHeight);
        }
    }
    else {
        ImGui::SetCursorPos(ImVec2(ImGui::GetFontSize() * 2, ImGui::GetFontSize() * 2));
        ImGui::TextDisabled(tr("Opening your plans…"));
    }
    ImGui::End();
    statusBar(statusHeight);
    if (ready_) {
        windows_.draw();
        budget_.drawWindows(host_.today());
        libraryWindow_.draw();
        syncWindow_.draw(host_.now());
        shareWindow_.draw(host_.today(), fileStem());
        pictureWindow_.draw(host_.today(), fileStem());
    }
    help_.draw();
    if (preferencesOpen_) preferencesWindow(); // (called only while open: frame_part.hpp)
    if (newOpen_) newProjectDialog();
    dialogs();
    publishMirror();
    // The save's slice takes what this frame's own work (an edit, the scheduler, the dashboard's
    // figures) left of kFrameWorkMs: the two never add up past a frame.
    if (saveJob_) {
        const double spent = msSince(began);
        stepSave(std::max(kMinSaveSliceMs, kFrameWorkMs - spent), spent);
    }
}

} // namespace plotline
