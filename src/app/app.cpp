#include "app.hpp"
#include "keys.hpp"

#include "core/csv_io.hpp"
#include "core/json_io.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace plotline {

App::App(Host& host)
    : host_(host), doc_(Project{}, [&host] { return host.now(); }), save_(doc_, host.storage(), kProjectKey),
      gantt_(doc_, [this](const std::string& m) { flash(m); }), load_(doc_), windows_(doc_, gantt_, [&host] { return host.today(); }) {}

std::optional<Project> App::loadSample() {
    auto text = host_.readAsset("assets/sample-campaign.json");
    if (!text) return std::nullopt;
    Result<Project> p = readProjectJson(*text);
    if (!p) return std::nullopt;
    return *p;
}

void App::storageReady(const std::string& error) {
    Storage& st = host_.storage();
    std::string problem = error;
    bool loaded = false;
    if (error.empty()) {
        if (auto text = st.read(kProjectKey)) {
            host_.mark("plan-read");
            Result<Project> p = readProjectJson(*text);
            host_.mark("plan-parsed");
            if (p) {
                doc_.load(std::move(*p));
                (void)doc_.schedule();
                host_.mark("plan-scheduled");
                loaded = true;
            } else {
                // Keep the unreadable copy for recovery; never overwrite it.
                const std::string aside = "project.unreadable-" + std::to_string(host_.now()) + ".json";
                st.write(aside, *text);
                problem = "The saved plan could not be read (" + p.error().substr(0, p.error().find('\n')) +
                          "). A copy was kept as " + aside + "; the sample project is open instead.";
            }
        }
    } else {
        problem = "Browser storage is not available (" + error + "). You can work, but changes will not be saved.";
    }
    if (!loaded) {
        if (auto sample = loadSample()) doc_.load(std::move(*sample));
        else doc_.load(plotline::newProject(host_.today()));
    }
    ready_ = true;
    save_.setEnabled(error.empty());
    if (!problem.empty()) notify("Storage", problem);
    else if (!loaded) flash("Welcome! This is a sample plan: edit it freely, or start a new one from the Project menu.");
}

void App::newProject() {
    doc_.execute(replaceProject(plotline::newProject(host_.today()), "New project"));
    flash("New project. Undo brings the previous plan back.");
}

void App::openSample() {
    if (auto s = loadSample()) {
        doc_.execute(replaceProject(std::move(*s), "Open sample"));
        gantt_.fitProject();
    } else notify("Open sample", "The sample project is missing from this build.");
}

void App::importFile(const std::string& filename, const std::string& text) {
    auto endsWith = [&](const char* ext) {
        const std::string e(ext);
        if (filename.size() < e.size()) return false;
        for (size_t i = 0; i < e.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(filename[filename.size() - e.size() + i])) != e[i]) return false;
        return true;
    };
    if (endsWith(".csv")) {
        std::string name = filename.substr(0, filename.size() - 4);
        CsvImport in = readTasksCsv(text, name, host_.today());
        if (!in.ok()) {
            std::string msg;
            for (size_t i = 0; i < in.errors.size() && i < 12; ++i) msg += in.errors[i] + "\n";
            if (in.errors.size() > 12) msg += "… and " + std::to_string(in.errors.size() - 12) + " more\n";
            notify("Could not import " + filename, msg + "\nNothing was changed.");
            return;
        }
        doc_.execute(replaceProject(std::move(in.project), "Import " + filename));
        gantt_.fitProject();
        if (!in.warnings.empty()) {
            std::string msg;
            for (size_t i = 0; i < in.warnings.size() && i < 12; ++i) msg += in.warnings[i] + "\n";
            notify("Imported " + filename + " with warnings", msg);
        } else flash("Imported " + filename + ". Undo brings the previous plan back.");
        return;
    }
    if (!endsWith(".json")) {
        notify("Could not import " + filename, "Plotline opens .json project files and .csv task tables.\nNothing was changed.");
        return;
    }
    Result<Project> p = readProjectJson(text);
    if (!p) {
        notify("Could not import " + filename, p.error() + "\n\nNothing was changed.");
        return;
    }
    doc_.execute(replaceProject(std::move(*p), "Import " + filename));
    gantt_.fitProject();
    flash("Imported " + filename + ". Undo brings the previous plan back.");
}

std::string App::fileStem() const {
    std::string s;
    for (char c : doc_.project().name) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) s += c;
        else if (!s.empty() && s.back() != '-') s += '-';
    }
    while (!s.empty() && s.back() == '-') s.pop_back();
    return s.empty() ? "plan" : s;
}

void App::exportJson() {
    host_.download(fileStem() + ".plotline.json", "application/json", writeProjectJson(doc_.project()));
    flash("Exported " + fileStem() + ".plotline.json");
}

void App::exportCsv() {
    host_.download(fileStem() + ".csv", "text/csv", writeTasksCsv(doc_.project(), doc_.schedule()));
    flash("Exported " + fileStem() + ".csv");
}

void App::pageHidden() { save_.saveNow(host_.now()); }

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
    return std::string("{\"ready\":") + (ready_ ? "true" : "false") + ",\"save\":" + str(save_.stateText()) +
           ",\"saveError\":" + str(save_.error()) + ",\"message\":" + str(message_) + ",\"dialog\":" + str(dialogTitle_) + "," + buf +
           selected + "}";
}

void App::shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || !io.KeyCtrl) return;
    const bool z = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z)), y = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y));
    if (z && !io.KeyShift) doc_.undo();
    else if (y || (z && io.KeyShift)) doc_.redo();
    if (ImGui::IsKeyPressed(keys::S)) save_.saveNow(host_.now());
}

void App::menuBar() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("Project")) {
        if (ImGui::MenuItem("New")) newProject();
        tagItem("menu.Project.New");
        if (ImGui::MenuItem("Open sample")) openSample();
        tagItem("menu.Project.Open sample");
        ImGui::Separator();
        if (ImGui::MenuItem("Import…", nullptr)) host_.pickFile();
        tagItem("menu.Project.Import");
        if (ImGui::MenuItem("Export JSON")) exportJson();
        tagItem("menu.Project.Export JSON");
        if (ImGui::MenuItem("Export CSV")) exportCsv();
        tagItem("menu.Project.Export CSV");
        ImGui::Separator();
        if (ImGui::MenuItem("Baselines…")) windows_.openBaselines();
        tagItem("menu.Project.Baselines");
        if (ImGui::MenuItem("Status date…")) windows_.openStatusDate();
        tagItem("menu.Project.Status date");
        if (ImGui::MenuItem("Resources…")) windows_.openResources();
        tagItem("menu.Project.Resources");
        ImGui::EndMenu();
    }
    tagItem("menu.Project");
    if (ImGui::BeginMenu("Edit")) {
        const std::string u = doc_.canUndo() ? "Undo " + doc_.undoLabel() : "Undo";
        const std::string r = doc_.canRedo() ? "Redo " + doc_.redoLabel() : "Redo";
        if (ImGui::MenuItem(u.c_str(), "Ctrl+Z", false, doc_.canUndo())) doc_.undo();
        tagItem("menu.Edit.Undo");
        if (ImGui::MenuItem(r.c_str(), "Ctrl+Y", false, doc_.canRedo())) doc_.redo();
        tagItem("menu.Edit.Redo");
        ImGui::Separator();
        if (ImGui::MenuItem("Add task", "Insert")) gantt_.insertTaskBelowSelection();
        tagItem("menu.Edit.Add task");
        if (ImGui::MenuItem("Delete task", "Delete", false, gantt_.selectedRow() >= 0)) gantt_.deleteSelection();
        tagItem("menu.Edit.Delete task");
        if (ImGui::MenuItem("Edit task…", "Double-click", false, gantt_.selectedRow() >= 0)) gantt_.openEditor(gantt_.selectedRow());
        tagItem("menu.Edit.Edit task");
        ImGui::Separator();
        if (ImGui::MenuItem("Indent", "Tab", false, gantt_.selectedRow() >= 0)) gantt_.indentSelection(false);
        tagItem("menu.Edit.Indent");
        if (ImGui::MenuItem("Outdent", "Shift+Tab", false, gantt_.selectedRow() >= 0)) gantt_.indentSelection(true);
        tagItem("menu.Edit.Outdent");
        if (ImGui::MenuItem("Move up", "Alt+Up", false, gantt_.selectedRow() >= 0)) gantt_.moveSelection(-1);
        if (ImGui::MenuItem("Move down", "Alt+Down", false, gantt_.selectedRow() >= 0)) gantt_.moveSelection(+1);
        ImGui::Separator();
        ImGui::TextDisabled("Copy and paste rows with Ctrl+C and Ctrl+V");
        ImGui::EndMenu();
    }
    tagItem("menu.Edit");
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Zoom in", "Ctrl+Wheel")) gantt_.zoom(1.5f);
        tagItem("menu.View.Zoom in");
        if (ImGui::MenuItem("Zoom out")) gantt_.zoom(1 / 1.5f);
        tagItem("menu.View.Zoom out");
        if (ImGui::MenuItem("Fit project")) gantt_.fitProject();
        tagItem("menu.View.Fit project");
        if (ImGui::MenuItem("Go to today")) gantt_.goTo(host_.today());
        tagItem("menu.View.Go to today");
        ImGui::Separator();
        ImGui::MenuItem("Critical path", nullptr, &gantt_.showCritical);
        tagItem("menu.View.Critical path");
        ImGui::MenuItem("Resource load", nullptr, &showLoad);
        tagItem("menu.View.Resource load");
        if (ImGui::BeginMenu("Columns")) {
            for (int c = 0; c < GanttView::columnCount(); ++c) {
                if (!GanttView::columnOptional(c)) continue;
                const std::string name = GanttView::columnName(c);
                if (ImGui::MenuItem(name.c_str(), nullptr, gantt_.columnShown(c))) gantt_.showColumn(c, !gantt_.columnShown(c));
                tagItem("menu.View.Columns." + name);
            }
            ImGui::Separator();
            ImGui::TextDisabled("Or right-click the column titles");
            ImGui::EndMenu();
        }
        tagItem("menu.View.Columns");
        ImGui::EndMenu();
    }
    tagItem("menu.View");
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
    const ImU32 color = st == AutoSave::State::Failed ? theme::kError : st == AutoSave::State::Saved ? theme::kOk : theme::kMuted;
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    if (!ready_) ImGui::TextUnformatted("Opening…");
    else if (st == AutoSave::State::Failed) ImGui::Text("Not saved: %s", save_.error().c_str());
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
        ImGui::TextDisabled("%zu tasks  ·  %s → %s", doc_.project().tasks.size(), s.start.str().c_str(), s.finish.str().c_str());
    }
    if (!message_.empty() && host_.now() - messageAt_ < 8000) {
        ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
        ImGui::TextUnformatted(message_.c_str());
        tagItem("status.message");
    }
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
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
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 38);
        ImGui::TextUnformatted(dialogText_.c_str());
        ImGui::PopTextWrapPos();
        tagItem("dialog.text");
        ImGui::Spacing();
        if (ImGui::Button("OK", ImVec2(ImGui::GetFontSize() * 6, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            dialogTitle_.clear();
            ImGui::CloseCurrentPopup();
        }
        tagItem("dialog.ok");
        ImGui::EndPopup();
    }
}

// Above the chart: the text filter and the view buttons people reach for most.
void App::toolbar() {
    const float fs = ImGui::GetFontSize();
    ImGui::SetCursorPos(ImVec2(fs * 0.6f, fs * 0.35f));
    ImGui::SetNextItemWidth(fs * 14);
    ImGui::InputTextWithHint("##filter", "Filter tasks by name", gantt_.filter, sizeof gantt_.filter);
    tagItem("toolbar.filter");
    ImGui::SameLine();
    if (gantt_.filter[0] && ImGui::SmallButton("Clear")) gantt_.filter[0] = 0;
    ImGui::SameLine(0, fs * 1.5f);
    if (ImGui::Button("-")) gantt_.zoom(1 / 1.5f);
    tagItem("toolbar.zoomOut");
    ImGui::SameLine();
    if (ImGui::Button("+")) gantt_.zoom(1.5f);
    tagItem("toolbar.zoomIn");
    ImGui::SameLine();
    if (ImGui::Button("Fit")) gantt_.fitProject();
    tagItem("toolbar.fit");
    ImGui::SameLine();
    if (ImGui::Button("Today")) gantt_.goTo(host_.today());
    tagItem("toolbar.today");
    ImGui::SameLine(0, fs * 1.5f);
    ImGui::Checkbox("Critical path", &gantt_.showCritical);
    tagItem("toolbar.critical");
    ImGui::SameLine(0, fs * 1.5f);
    ImGui::Checkbox("Resource load", &showLoad);
    tagItem("toolbar.load");
    // Which baseline to compare against.
    const Project& p = doc_.project();
    ImGui::SameLine(0, fs * 1.5f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Baseline");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 10);
    const Id shown = gantt_.shownBaseline();
    std::string current = "None";
    for (const Baseline& b : p.baselines)
        if (b.id == shown) current = b.name;
    if (ImGui::BeginCombo("##baseline", current.c_str())) {
        if (ImGui::Selectable("None", shown.isNull())) gantt_.showBaseline(Id());
        for (size_t i = 0; i < p.baselines.size(); ++i) {
            ImGui::PushID(int(i));
            if (ImGui::Selectable(p.baselines[i].name.c_str(), p.baselines[i].id == shown)) gantt_.showBaseline(p.baselines[i].id);
            tagItem("toolbar.baseline." + std::to_string(i));
            ImGui::PopID();
        }
        ImGui::Separator();
        if (ImGui::Selectable("Save or manage baselines…")) windows_.openBaselines();
        ImGui::EndCombo();
    }
    tagItem("toolbar.baseline");
    ImGui::SameLine(0, fs * 1.5f);
    if (p.statusDate) {
        if (ImGui::SmallButton(("Status " + p.statusDate->str()).c_str())) windows_.openStatusDate();
    } else if (ImGui::SmallButton("Set status date")) windows_.openStatusDate();
    tagItem("toolbar.status");
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fs * 0.2f);
}

std::string App::copyText() const { return ready_ && !gantt_.editing() ? gantt_.copySelection() : std::string(); }

void App::pasteText(const std::string& text) {
    if (!ready_) return;
    if (ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput) {
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str()); // into the text field being edited
        return;
    }
    gantt_.paste(text);
}

void App::frame() {
    beginWidgetFrame();
    save_.tick(host_.now());
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
            loadHeight = std::floor(std::min(ImGui::GetContentRegionAvail().y * 0.45f, ImGui::GetFontSize() * (2.2f * rows + 2.6f)));
        }
        gantt_.draw(host_.today(), showLoad ? ImGui::GetContentRegionAvail().y - loadHeight : 0);
        if (showLoad) load_.draw(gantt_.timeline(), loadHeight);
    }
    else {
        ImGui::SetCursorPos(ImVec2(ImGui::GetFontSize() * 2, ImGui::GetFontSize() * 2));
        ImGui::TextDisabled("Opening your plans…");
    }
    ImGui::End();
    statusBar(statusHeight);
    if (ready_) windows_.draw();
    dialogs();
}

} // namespace plotline
