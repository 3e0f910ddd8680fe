#include "project_windows.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"

#include "cells.hpp"
#include "core/cross_load.hpp"
#include "core/fields.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <imgui_stdlib.h>

#include <cstdio>

namespace plotline {

// A window centred on first use with a close button; false when closed.
bool beginToolWindow(const char* title, bool* open, bool focus, float width) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * width, 0), ImGuiCond_Appearing);
    // Never taller than the screen: what does not fit scrolls inside the window.
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, std::max(ImGui::GetFontSize() * 10, vp->WorkSize.y - ImGui::GetFontSize() * 2)));
    if (focus) ImGui::SetNextWindowFocus();
    return ImGui::Begin(title, open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
}

void showError(const std::string& error) {
    if (error.empty()) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), "%s", error.c_str());
    ImGui::PopTextWrapPos();
}

namespace {

std::string savedText(Stamp ms) { return ms > 0 ? formatLocalTime(ms) : std::string(); } // the user's local time

} // namespace

void ProjectWindows::openBaselines() {
    baselinesOpen_ = focus_ = true;
    error_.clear();
    std::snprintf(baselineName_, sizeof baselineName_, "%s", fmt(tr("Baseline {0}"), doc_.project().baselines.size() + 1).c_str());
}

void ProjectWindows::openStatusDate() {
    statusOpen_ = focus_ = true;
    error_.clear();
    const auto& d = doc_.project().statusDate;
    std::snprintf(status_, sizeof status_, "%s", formatDate(d ? *d : today_()).c_str());
}

void ProjectWindows::openResources() {
    resourcesOpen_ = focus_ = true;
    error_.clear();
    rowsRevision_ = 0;
}

void ProjectWindows::openDetails() {
    detailsOpen_ = focus_ = true;
    error_.clear();
    client_ = doc_.project().client;
    producer_ = doc_.project().producer;
}

void ProjectWindows::draw() {
    if (detailsOpen_) details();
    if (baselinesOpen_) baselines();
    if (statusOpen_) statusDate();
    if (resourcesOpen_) resources();
    focus_ = false;
}

void ProjectWindows::baselines() {
    if (!beginToolWindow(tr("Baselines"), &baselinesOpen_, focus_, 30)) { ImGui::End(); return; }
    const Project& p = doc_.project();
    ImGui::TextWrapped(tr("A baseline keeps today's planned dates so you can see later what slipped: it shows as thin grey bars "
                       "under the live ones, and in the Start var. and Finish var. columns."));
    ImGui::Spacing();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputText("##baselineName", baselineName_, sizeof baselineName_);
    tagItem("baselines.name");
    ImGui::SameLine();
    if (ImGui::Button(tr("Save current plan"))) {
        std::string name = baselineName_;
        while (!name.empty() && name.back() == ' ') name.pop_back();
        if (name.empty()) error_ = tr("Give the baseline a name");
        else if (CommandPtr c = saveBaseline(p, doc_.schedule(), name)) {
            doc_.execute(std::move(c));
            error_.clear();
            for (const Baseline& b : doc_.project().baselines)
                if (b.name == name) gantt_.showBaseline(b.id);
            std::snprintf(baselineName_, sizeof baselineName_, "%s", fmt(tr("Baseline {0}"), doc_.project().baselines.size() + 1).c_str());
        } else error_ = tr("The plan cannot be saved as a baseline while it has a scheduling error");
    }
    tagItem("baselines.save");
    showError(error_);
    ImGui::Separator();
    if (p.baselines.empty()) ImGui::TextDisabled(tr("No baselines yet."));
    Id remove;
    for (size_t i = 0; i < p.baselines.size(); ++i) {
        const Baseline& b = p.baselines[i];
        ImGui::PushID(int(i));
        bool shown = gantt_.shownBaseline() == b.id;
        if (ImGui::Checkbox("##show", &shown)) gantt_.showBaseline(shown ? b.id : Id());
        tagItem("baselines.show." + std::to_string(i));
        ImGui::SameLine();
        ImGui::TextUnformatted(b.name.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%s", savedText(b.saved).c_str());
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(tr("Delete")).x - ImGui::GetStyle().FramePadding.x * 2);
        if (ImGui::SmallButton(tr("Delete"))) remove = b.id;
        tagItem("baselines.delete." + std::to_string(i));
        ImGui::PopID();
    }
    if (!remove.isNull()) doc_.execute(deleteBaseline(p, remove));
    ImGui::TextDisabled(tr("Saving under an existing name replaces that baseline. Ctrl+Z undoes."));
    ImGui::End();
}

void ProjectWindows::statusDate() {
    if (!beginToolWindow(tr("Status date"), &statusOpen_, focus_, 26)) { ImGui::End(); return; }
    ImGui::TextWrapped(tr("Progress as of this day. The chart draws it as a violet line, and a progress line that bends left "
                       "for tasks behind schedule and right for tasks ahead."));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputTextWithHint("##statusDate", dateHint().c_str(), status_, sizeof status_);
    tagItem("status.date");
    ImGui::SameLine();
    if (ImGui::Button(tr("Today"))) std::snprintf(status_, sizeof status_, "%s", formatDate(today_()).c_str());
    ImGui::SameLine();
    if (ImGui::Button(tr("Apply"))) {
        if (auto d = readDate(status_)) {
            if (doc_.project().statusDate != d) doc_.execute(setStatusDate(*d));
            error_.clear();
            statusOpen_ = false;
        } else error_ = fmt(tr("\"{0}\" is not a date — use {1}"), status_, dateHint());
    }
    tagItem("status.apply");
    ImGui::SameLine();
    if (ImGui::Button(tr("Clear"))) {
        if (doc_.project().statusDate) doc_.execute(setStatusDate(std::nullopt));
        statusOpen_ = false;
    }
    tagItem("status.clear");
    showError(error_);
    ImGui::End();
}

void ProjectWindows::resources() {
    if (!beginToolWindow(tr("Resources"), &resourcesOpen_, focus_, 44)) { ImGui::End(); return; }
    const Project& p = doc_.project();
    if (rowsRevision_ != doc_.revision()) {
        rowsRevision_ = doc_.revision();
        rows_.assign(p.resources.size(), ResourceRow{});
        for (size_t i = 0; i < p.resources.size(); ++i) {
            const Resource& r = p.resources[i];
            rows_[i].id = r.id;
            rows_[i].name = r.name;
            rows_[i].role = r.role;
            rows_[i].email = r.email;
            rows_[i].daysOff = formatDateList(r.daysOff);
        }
    }
    ImGui::TextWrapped(tr("Days off: leave and part-time days, as dates or ranges (2026-12-21..2026-12-23). A task stops on the "
                       "days any of its people are off. Email: the same address in several projects makes them one person, "
                       "whose bookings add up in the load pane (All projects) and the Portfolio. Changes apply when you leave a field."));
    if (p.resources.empty()) ImGui::TextDisabled(tr("This plan has no resources yet."));
    const float fs = ImGui::GetFontSize();
    if (!p.resources.empty() &&
        ImGui::BeginTable("##resources", 4, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit,
                          ImVec2(0, std::min(12.0f, float(p.resources.size()) + 1.5f) * ImGui::GetFrameHeightWithSpacing()))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("Name"), ImGuiTableColumnFlags_WidthFixed, fs * 10);
        ImGui::TableSetupColumn(tr("Role"), ImGuiTableColumnFlags_WidthFixed, fs * 10);
        ImGui::TableSetupColumn(tr("Email"), ImGuiTableColumnFlags_WidthFixed, fs * 13);
        ImGui::TableSetupColumn(tr("Days off"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < rows_.size() && i < p.resources.size(); ++i) {
            ResourceRow& row = rows_[i];
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            bool commit = false;
            ImGui::TableSetColumnIndex(0);
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::InputText("##name", &row.name, ImGuiInputTextFlags_CallbackEdit, keepWithin, const_cast<size_t*>(&kMaxLineText));
            tagItem("resources.name." + std::to_string(i));
            commit |= ImGui::IsItemDeactivatedAfterEdit();
            ImGui::TableSetColumnIndex(1);
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::InputText("##role", &row.role, ImGuiInputTextFlags_CallbackEdit, keepWithin, const_cast<size_t*>(&kMaxLineText));
            tagItem("resources.role." + std::to_string(i));
            commit |= ImGui::IsItemDeactivatedAfterEdit();
            ImGui::TableSetColumnIndex(2);
            ImGui::SetNextItemWidth(-ImGui::GetFrameHeight() - ImGui::GetStyle().ItemSpacing.x);
            ImGui::InputTextWithHint("##email", "none", &row.email, ImGuiInputTextFlags_CallbackEdit, keepWithin, const_cast<size_t*>(&kMaxLineText));
            tagItem("resources.email." + std::to_string(i));
            commit |= ImGui::IsItemDeactivatedAfterEdit();
            ImGui::SameLine();
            // The same person in another project: pick them rather than retype their address.
            if (ImGui::ArrowButton("##same", ImGuiDir_Down)) ImGui::OpenPopup("same");
            tagItem("resources.same." + std::to_string(i));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("The same person as someone in another project"));
            if (ImGui::BeginPopup("same")) {
                const auto people = knownPeople ? knownPeople() : std::vector<std::pair<std::string, std::string>>{};
                if (people.empty()) ImGui::TextDisabled(tr("Nobody in your other projects has an email yet."));
                for (size_t k = 0; k < people.size(); ++k) {
                    const std::string label = people[k].first + "  <" + people[k].second + ">";
                    if (ImGui::Selectable(label.c_str())) {
                        row.email = people[k].second;
                        commit = true;
                    }
                    tagItem("resources.same." + std::to_string(i) + "." + std::to_string(k));
                }
                ImGui::EndPopup();
            }
            ImGui::TableSetColumnIndex(3);
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::InputTextWithHint("##daysOff", "none", &row.daysOff);
            tagItem("resources.daysOff." + std::to_string(i));
            commit |= ImGui::IsItemDeactivatedAfterEdit();
            ImGui::PopID();
            if (!commit) continue;
            Result<std::vector<Date>> off = parseDateList(row.daysOff);
            if (!off) { error_ = row.name + ": " + off.error(); continue; }
            std::string email = row.email;
            while (!email.empty() && email.back() == ' ') email.pop_back();
            while (!email.empty() && email.front() == ' ') email.erase(0, 1);
            if (!email.empty() && personKey(email).empty()) { error_ = fmt(tr("{0}: \"{1}\" is not an email address"), row.name, email); continue; }
            error_.clear();
            Resource r = p.resources[i];
            r.name = row.name;
            r.role = row.role;
            r.email = email;
            r.daysOff = *off;
            if (!(r == p.resources[i])) doc_.execute(editResource(p, r));
            break; // the project changed: the rows are re-read next frame
        }
        ImGui::EndTable();
    }
    showError(error_);
    ImGui::End();
}

void ProjectWindows::details() {
    if (!beginToolWindow(tr("Client and producer"), &detailsOpen_, focus_, 26)) { ImGui::End(); return; }
    const Project& p = doc_.project();
    ImGui::TextWrapped(tr("Who the project is for and who runs it. The Portfolio filters your projects by them."));
    bool commit = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputTextWithHint(tr("Client"), tr("none"), &client_, ImGuiInputTextFlags_CallbackEdit, keepWithin, const_cast<size_t*>(&kMaxLineText));
    tagItem("details.client");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputTextWithHint(tr("Producer"), tr("none"), &producer_, ImGuiInputTextFlags_CallbackEdit, keepWithin, const_cast<size_t*>(&kMaxLineText));
    tagItem("details.producer");
    commit |= ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGuiKey_Enter);
    // Both fields apply together, as one step (Enter in the last field, or Done).
    if (ImGui::Button(tr("Done"))) commit = true, detailsOpen_ = false;
    tagItem("details.done");
    if (commit)
        if (CommandPtr c = setProjectOwners(p, client_, producer_)) doc_.execute(std::move(c));
    ImGui::End();
}

} // namespace plotline
