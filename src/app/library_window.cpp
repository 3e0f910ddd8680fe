#include "library_window.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"

#include "app.hpp"
#include "cells.hpp"
#include "core/commands.hpp"
#include "core/json_io.hpp"
#include "project_windows.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace plotline {

namespace {

// A window of a fixed size (in em), centred when it appears. Not auto-resized: its buttons must not
// move under the pointer while its tables settle.
bool beginFixedWindow(const char* title, bool* open, bool focus, float widthEm, float heightEm) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float fs = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(fs * widthEm, vp->WorkSize.x - 20), std::min(fs * heightEm, vp->WorkSize.y - 20)), ImGuiCond_Appearing);
    if (focus) ImGui::SetNextWindowFocus();
    return ImGui::Begin(title, open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
}

} // namespace

void LibraryWindow::openProjects() {
    projectsOpen_ = focus_ = true;
    error_.clear();
    renaming_.clear();
}

void LibraryWindow::openHistory() {
    historyOpen_ = focus_ = true;
    historyLoading_ = true;
    historyError_.clear();
    snapshots_.clear();
    app_.library().history(app_.openId(), [this](Result<std::vector<Snapshot>> list) {
        historyLoading_ = false;
        if (!list) historyError_ = list.error();
        else snapshots_ = std::move(*list);
    });
}

void LibraryWindow::draw() {
    if (projectsOpen_) projects();
    if (historyOpen_) history();
    focus_ = false;
}

void LibraryWindow::rename(const ProjectEntry& e) {
    renaming_ = e.id;
    focusRename_ = true;
    std::snprintf(name_, sizeof name_, "%s", e.name.c_str());
}

void LibraryWindow::projects() {
    if (!beginFixedWindow(tr("Projects"), &projectsOpen_, focus_, 58, 24)) {
        ImGui::End();
        return;
    }
    tagItem("projects.window");
    const float fs = ImGui::GetFontSize();
    ProjectLibrary& lib = app_.library();
    if (ImGui::Button(tr("New project"))) app_.newProject();
    tagItem("projects.new");
    ImGui::SameLine();
    if (ImGui::Button(tr("Import…"))) app_.host().pickFile();
    tagItem("projects.import");
    ImGui::SameLine();
    if (ImGui::Button(tr("Copy of the sample"))) app_.openSample();
    tagItem("projects.sample");
    // What the browser lets this site keep.
    const Storage::Usage u = app_.host().storage().usage();
    if (u.quota) {
        // Beside the buttons when it fits, else on its own line, wrapped: never cut off.
        const std::string usage = fmt(u.persistent ? tr("Storage: {0} of {1} in use \u00b7 kept by the browser")
                                                   : tr("Storage: {0} of {1} in use \u00b7 the browser may clear it when space is short"),
                                      byteSize(u.used), byteSize(u.quota));
        ImGui::SameLine(0, fs * 2);
        if (ImGui::CalcTextSize(usage.c_str()).x > ImGui::GetContentRegionAvail().x) ImGui::NewLine();
        ImGui::AlignTextToFramePadding();
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", usage.c_str());
        ImGui::PopTextWrapPos();
        tagText("projects.usage", usage);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", u.persistent ? tr("The browser promised not to clear Plotline's storage to make room.")
                                                 : tr("The browser did not promise to keep this site's data. Export important plans now and then."));
    }
    ImGui::Spacing();

    std::function<void()> later; // the action clicked this frame
    std::vector<const ProjectEntry*> live, trashed;
    for (const ProjectEntry& e : lib.projects()) (e.trashed ? trashed : live).push_back(&e);
    std::sort(live.begin(), live.end(), [](auto* a, auto* b) { return a->modified > b->modified; });
    std::sort(trashed.begin(), trashed.end(), [](auto* a, auto* b) { return a->trashed > b->trashed; });

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    // The table takes the room the trash leaves (its header, or its open list, at the bottom).
    const float trashRoom = trashed.empty() ? 0 : ImGui::GetFrameHeightWithSpacing() * (trashOpen_ ? float(trashed.size()) + 3.5f : 1.5f);
    const float tableHeight = std::max(fs * 6, ImGui::GetContentRegionAvail().y - trashRoom - fs * (error_.empty() ? 0.5f : 2.5f));
    if (ImGui::BeginTable("##projects", 5, flags, ImVec2(0, tableHeight))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("Project"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr("Last changed"));
        ImGui::TableSetupColumn(tr("Tasks"));
        ImGui::TableSetupColumn(tr("Size"));
        ImGui::TableSetupColumn("##actions");
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < live.size(); ++i) {
            const ProjectEntry& e = *live[i];
            const bool isOpen = e.id == app_.openId();
            ImGui::PushID(e.id.c_str());
            ImGui::TableNextRow(ImGuiTableRowFlags_None, fs * 1.9f);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            if (renaming_ == e.id) {
                ImGui::SetNextItemWidth(-1);
                if (focusRename_) ImGui::SetKeyboardFocusHere();
                focusRename_ = false;
                const bool done = ImGui::InputText("##name", name_, sizeof name_, ImGuiInputTextFlags_EnterReturnsTrue);
                tagItem("projects.renameField");
                if (done && name_[0]) {
                    renaming_.clear();
                    later = [this, id = e.id, name = std::string(name_)] { app_.renameProject(id, name); };
                } else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) renaming_.clear();
            } else {
                // A long name is cut with "…" to leave room for "(open)"; hovering shows all of it.
                const float openW = isOpen ? ImGui::CalcTextSize(tr("(open)")).x + ImGui::GetStyle().ItemSpacing.x : 0;
                const std::string shown = fitWidth(e.name, ImGui::GetContentRegionAvail().x - openW);
                if (ImGui::Selectable((shown + "##name").c_str(), isOpen, ImGuiSelectableFlags_AllowDoubleClick | ImGuiSelectableFlags_AllowItemOverlap,
                                      ImVec2(ImGui::CalcTextSize(shown.c_str()).x, 0)) &&
                    ImGui::IsMouseDoubleClicked(0) && !isOpen) {
                    later = [this, id = e.id] { app_.openProject(id); };
                    projectsOpen_ = false;
                }
                tagText("projects.name." + e.name, shown);
                if (shown != e.name) hint(e.name.c_str());
                if (isOpen) {
                    ImGui::SameLine();
                    ImGui::TextDisabled(tr("(open)"));
                }
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatLocalTime(e.modified).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatInteger(int64_t(e.tasks)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(byteSize(e.bytes).c_str());
            ImGui::TableNextColumn();
            ImGui::BeginDisabled(isOpen);
            if (ImGui::SmallButton(tr("Open"))) {
                later = [this, id = e.id] { app_.openProject(id); };
                projectsOpen_ = false;
            }
            ImGui::EndDisabled();
            tagItem("projects.open." + e.name);
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("Duplicate"))) later = [this, id = e.id] { app_.duplicateProject(id); };
            tagItem("projects.duplicate." + e.name);
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("Rename"))) rename(e);
            tagItem("projects.rename." + e.name);
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("Move to trash"))) later = [this, id = e.id] { app_.trashProject(id); };
            tagItem("projects.trash." + e.name);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    if (!trashed.empty()) {
        ImGui::Spacing();
        trashOpen_ = ImGui::CollapsingHeader((fmt(tr("Trash ({0})"), trashed.size()) + "###trash").c_str());
        if (trashOpen_) {
            ImGui::TextDisabled(tr("Projects in the trash are deleted for good 30 days after they were put there."));
            if (ImGui::BeginTable("##trash", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
                ImGui::TableSetupColumn(tr("Project"), ImGuiTableColumnFlags_WidthStretch);
                ImGui::TableSetupColumn(tr("Deleted"));
                ImGui::TableSetupColumn("##actions");
                const Stamp now = app_.host().now();
                for (const ProjectEntry* e : trashed) {
                    ImGui::PushID(e->id.c_str());
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::AlignTextToFramePadding();
                    const std::string shown = fitWidth(e->name, ImGui::GetContentRegionAvail().x);
                    ImGui::TextUnformatted(shown.c_str());
                    if (shown != e->name) hint(e->name.c_str());
                    ImGui::TableNextColumn();
                    const long days = long(std::max<Stamp>(0, ProjectLibrary::kTrashKeepMs - (now - e->trashed)) / 86400000);
                    ImGui::TextUnformatted(fmt(tr("{0}  (gone in {1})"), formatLocalTime(e->trashed), trn("{n} day", "{n} days", days)).c_str());
                    ImGui::TableNextColumn();
                    if (ImGui::SmallButton(tr("Restore")))
                        later = [this, &lib, id = e->id] { lib.restore(id, [this](const std::string& err) { error_ = err; }); };
                    tagItem("projects.restore." + e->name);
                    ImGui::SameLine();
                    if (ImGui::SmallButton(tr("Delete now")))
                        later = [this, &lib, id = e->id] { lib.destroy(id, [this](const std::string& err) { error_ = err; }); };
                    tagItem("projects.destroy." + e->name);
                    ImGui::PopID();
                }
                ImGui::EndTable();
            }
        }
        tagItem("projects.trashHeader");
    }
    showError(error_);
    ImGui::End();
    if (later) later(); // after the loops over the list, which the action may change
}

void LibraryWindow::history() {
    const ProjectEntry* e = app_.library().find(app_.openId());
    const std::string title = (e ? fmt(tr("History of {0}"), e->name) : std::string(tr("History of the project"))) + "###history";
    if (!beginFixedWindow(title.c_str(), &historyOpen_, focus_, 36, 22)) {
        ImGui::End();
        return;
    }
    tagItem("history.window");
    const float fs = ImGui::GetFontSize();
    ImGui::PushTextWrapPos(fs * 32);
    ImGui::TextDisabled(tr("Plotline keeps the version you started from each time you open a project, and one version per "
                        "10 minutes of work. Restoring one is a single step you can undo."));
    ImGui::PopTextWrapPos();
    if (e) ImGui::TextUnformatted(fmt(tr("Now: version {0}, saved {1}, {2}"), std::to_string(e->version), formatLocalTime(e->modified),
                               trn("{n} task", "{n} tasks", int64_t(e->tasks))).c_str());
    ImGui::Spacing();
    if (historyLoading_) ImGui::TextDisabled(tr("Reading the history…"));
    else if (!historyError_.empty()) showError(historyError_);
    else if (snapshots_.empty()) ImGui::TextDisabled(tr("No earlier versions yet."));
    else if (ImGui::BeginTable("##history", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY,
                               ImVec2(0, std::min(fs * 1.8f * float(snapshots_.size()) + fs * 0.4f, fs * 20)))) {
        ImGui::TableSetupColumn(tr("Saved"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr("Tasks"));
        ImGui::TableSetupColumn("##restore");
        for (size_t i = 0; i < snapshots_.size(); ++i) {
            const Snapshot& s = snapshots_[i];
            ImGui::PushID(int(i));
            ImGui::TableNextRow(ImGuiTableRowFlags_None, fs * 1.8f);
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            const std::string when = s.info.savedAt ? formatLocalTime(s.info.savedAt) : std::string(tr("unknown time"));
            if (s.damaged)
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), tr("%s  version %llu: damaged, set aside (kept)"), when.c_str(),
                                   (unsigned long long)s.info.number);
            else ImGui::Text(tr("%s  (version %llu)"), when.c_str(), (unsigned long long)s.info.number);
            ImGui::TableNextColumn();
            if (!s.damaged) ImGui::TextUnformatted(formatInteger(int64_t(s.info.tasks)).c_str());
            ImGui::TableNextColumn();
            if (!s.damaged) {
                ImGui::BeginDisabled(app_.readOnly());
                if (ImGui::SmallButton(tr("Restore"))) {
                    app_.restoreSnapshot(s.file, when);
                    historyOpen_ = false;
                }
                ImGui::EndDisabled();
                tagItem("history.restore." + std::to_string(i));
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

} // namespace plotline
