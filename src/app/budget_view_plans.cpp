// The Budget view's change-request board, risk register and heat map, and the status report window.
#include "budget_view.hpp"

#include "cells.hpp"
#include "core/duration.hpp"
#include "core/files.hpp"
#include "core/report.hpp"
#include "project_windows.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace plotline {

namespace {

ImU32 statusColour(ChangeStatus s) {
    switch (s) {
        case ChangeStatus::Draft: return IM_COL32(107, 114, 128, 255);
        case ChangeStatus::Submitted: return IM_COL32(212, 136, 6, 255);
        case ChangeStatus::Approved: return IM_COL32(46, 139, 87, 255);
        case ChangeStatus::Rejected: return IM_COL32(192, 57, 43, 255);
    }
    return IM_COL32(107, 114, 128, 255);
}

// Heat-map colour of a risk score (probability × impact, 1–25).
ImU32 scoreColour(int score) {
    if (score >= 15) return IM_COL32(231, 76, 60, 255);
    if (score >= 10) return IM_COL32(243, 156, 18, 255);
    if (score >= 5) return IM_COL32(241, 196, 15, 255);
    return IM_COL32(120, 190, 120, 255);
}


} // namespace

// ---- Change requests ----------------------------------------------------------------------------

void BudgetView::changesTab(Date today) {
    const Project& p = doc_.project();
    const Currency cur = currency(p.currency);
    const float fs = ImGui::GetFontSize();
    if (ImGui::Button("New change request")) {
        ChangeRequest c;
        c.id = Id::random();
        c.number = nextChangeNumber(p);
        c.title = "New change request";
        c.raised = statusDate(today);
        selectedChange_ = c.id;
        run(putRecord(p, c, "New change request CR-" + std::to_string(c.number)));
    }
    tagItem("changes.new");
    ImGui::SameLine();
    int64_t approved = 0, pending = 0;
    for (const ChangeRequest& c : p.changeRequests) {
        if (c.status == ChangeStatus::Approved) approved += c.costImpact;
        if (c.status == ChangeStatus::Submitted) pending += c.costImpact;
    }
    ImGui::Text("Approved changes %s; awaiting a decision %s", formatMoney(approved, cur).c_str(), formatMoney(pending, cur).c_str());

    // The board: one column per status, a card per request.
    int tallest = 1;
    for (int st = 0; st < 4; ++st)
        tallest = std::max(tallest, int(std::count_if(p.changeRequests.begin(), p.changeRequests.end(), [&](auto& c) { return int(c.status) == st; })));
    const float boardHeight = std::min(fs * (3.2f * float(tallest) + 0.4f), std::max(fs * 3.6f, ImGui::GetContentRegionAvail().y * 0.4f));
    if (ImGui::BeginTable("##board", 4, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
        for (int s = 0; s < 4; ++s) {
            ImGui::TableNextColumn();
            const ChangeStatus status = ChangeStatus(s);
            int count = 0;
            for (const ChangeRequest& c : p.changeRequests) count += c.status == status;
            ImGui::PushStyleColor(ImGuiCol_Text, statusColour(status));
            ImGui::Text("%s (%d)", changeStatusLabel(status), count);
            ImGui::PopStyleColor();
            ImGui::BeginChild(s + 1, ImVec2(0, boardHeight), false);
            for (size_t i = 0; i < p.changeRequests.size(); ++i) {
                const ChangeRequest& c = p.changeRequests[i];
                if (c.status != status) continue;
                ImGui::PushID(int(i));
                const std::string label = "CR-" + std::to_string(c.number) + "  " + c.title + "\n" + formatMoney(c.costImpact, cur) +
                                          (c.requester.empty() ? "" : "  \u00b7  " + c.requester);
                const ImVec2 at = ImGui::GetCursorScreenPos();
                const float w = ImGui::GetContentRegionAvail().x;
                ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + w, at.y + fs * 2.9f), IM_COL32(246, 248, 251, 255), fs * 0.3f);
                ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + fs * 0.25f, at.y + fs * 2.9f), statusColour(status));
                ImGui::SetCursorScreenPos(ImVec2(at.x + fs * 0.5f, at.y + fs * 0.2f));
                if (ImGui::Selectable(label.c_str(), selectedChange_ == c.id, 0, ImVec2(w - fs * 0.6f, fs * 2.5f))) selectedChange_ = c.id;
                tagItem("changes.card." + std::to_string(c.number));
                ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + fs * 3.2f));
                ImGui::PopID();
            }
            ImGui::EndChild();
        }
        ImGui::EndTable();
    }
    auto it = std::find_if(p.changeRequests.begin(), p.changeRequests.end(), [&](const ChangeRequest& c) { return c.id == selectedChange_; });
    if (it == p.changeRequests.end()) // nothing picked yet: the first request waiting for a decision
        it = std::find_if(p.changeRequests.begin(), p.changeRequests.end(), [](const ChangeRequest& c) { return c.status == ChangeStatus::Submitted; });
    if (it != p.changeRequests.end()) selectedChange_ = it->id;
    ImGui::Separator();
    if (it == p.changeRequests.end()) {
        ImGui::TextDisabled("Pick a request on the board to see and decide it.");
        return;
    }
    changeDetails(*it, today);
}

void BudgetView::changeDetails(const ChangeRequest& request, Date today) {
    const Project& p = doc_.project();
    const Currency cur = currency(p.currency);
    const float fs = ImGui::GetFontSize();
    ChangeRequest c = request;
    const bool open = c.status == ChangeStatus::Draft || c.status == ChangeStatus::Submitted;
    const std::string name = "CR-" + std::to_string(c.number);
    ImGui::BeginChild("##change", ImVec2(0, 0), false);
    ImGui::PushID(c.id.str().c_str());

    // Left: what it is. Right: impact and the decision.
    if (ImGui::BeginTable("##detail", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("decide", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableNextColumn();
        std::string text;
        auto field = [&](const char* label) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(label);
            ImGui::SameLine(fs * 7);
        };
        field((name + " title").c_str());
        if (textCell("##title", c.title, text)) { c.title = text; run(putRecord(p, c, "Rename " + name)); }
        tagItem("change.title");
        field("Requested by");
        if (textCell("##requester", c.requester, text)) { c.requester = text; run(putRecord(p, c, "Change requester of " + name)); }
        field("Raised");
        Date day;
        if (dateCell("##raised", c.raised, day, error_)) { c.raised = day; run(putRecord(p, c, "Change date of " + name)); }
        ImGui::TextUnformatted("Description");
        if (textCell("##description", c.description, text, true)) { c.description = text; run(putRecord(p, c, "Describe " + name)); }

        ImGui::TextUnformatted("Impact on the plan");
        if (!open) ImGui::TextDisabled(c.status == ChangeStatus::Approved ? "Applied on approval; changes after that are made in the plan." : "Rejected: nothing applied.");
        for (size_t k = 0; k < c.items.size(); ++k) {
            ImGui::PushID(int(k));
            ChangeRequest edited = c;
            ChangeItem& item = edited.items[k];
            const float w = ImGui::GetContentRegionAvail().x;
            ImGui::BeginDisabled(!open);
            if (item.task.isNull()) {
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted("New task");
                ImGui::SameLine(fs * 5);
                if (textCell("##name", item.name, text, false, w * 0.35f)) { item.name = text; run(putRecord(p, edited, "Edit " + name)); }
                ImGui::SameLine();
                ImGui::TextUnformatted("under");
                ImGui::SameLine();
                int pick = 0;
                if (pickCell("##parent", taskNames_, taskPick(item.parent), pick, "(top level)", w * 0.28f)) {
                    item.parent = pick < 0 ? Id() : p.tasks[size_t(pick)].id;
                    run(putRecord(p, edited, "Edit " + name));
                }
            } else {
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted("Change");
                ImGui::SameLine(fs * 5);
                int pick = 0;
                if (pickCell("##task", taskNames_, taskPick(item.task), pick, nullptr, w * 0.55f) && pick >= 0) {
                    item.task = p.tasks[size_t(pick)].id;
                    run(putRecord(p, edited, "Edit " + name));
                }
                ImGui::SameLine();
                ImGui::TextUnformatted("to");
            }
            ImGui::SameLine();
            if (textCell("##duration", formatDuration(item.duration, p.calendar.minutesPerDay), text, false, fs * 4.5f)) {
                if (auto d = parseDuration(text, p.calendar.minutesPerDay)) { item.duration = *d; run(putRecord(p, edited, "Edit " + name)); }
                else error_ = "\u201c" + text + "\u201d is not a duration (5d, 4h, 1w).";
            }
            if (open) {
                ImGui::SameLine();
                if (ImGui::SmallButton("×")) {
                    edited.items.erase(edited.items.begin() + long(k));
                    run(putRecord(p, edited, "Edit " + name));
                }
            }
            ImGui::EndDisabled();
            ImGui::PopID();
        }
        if (open) {
            if (ImGui::SmallButton("+ New task")) {
                ChangeRequest edited = c;
                edited.items.push_back({{}, "New task", {}, p.calendar.minutesPerDay});
                run(putRecord(p, edited, "Edit " + name));
            }
            ImGui::SameLine();
            if (ImGui::SmallButton("+ Change a task's duration") && !p.tasks.empty()) {
                ChangeRequest edited = c;
                edited.items.push_back({p.tasks.back().id, "", {}, p.tasks.back().duration});
                run(putRecord(p, edited, "Edit " + name));
            }
        }

        ImGui::TableNextColumn();
        field("Cost impact");
        ImGui::BeginDisabled(!open);
        int64_t amount = 0;
        if (moneyCell("##cost", c.costImpact, cur, amount, error_, fs * 8)) { c.costImpact = amount; run(putRecord(p, c, "Change cost of " + name)); }
        tagItem("change.cost");
        ImGui::SameLine();
        int pick = 0;
        if (pickCell("##category", categoryNames_, int(c.category), pick, nullptr, fs * 7)) { c.category = CostCategory(pick); run(putRecord(p, c, "Change category of " + name)); }
        ImGui::EndDisabled();
        if (const int64_t labour = open ? changeLabourImpact(p, c) : 0; labour != 0) {
            field("Labour");
            ImGui::Text("%s more for the longer tasks (at current rates): %s in all", formatMoney(labour, cur).c_str(),
                        formatMoney(labour + c.costImpact, cur).c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("The people on the changed tasks work longer: the plan adds this labour when the request is approved.\n"
                                  "The cost impact above is on top of it (fees, vendors, extra work not in the plan).");
        }
        field("Status");
        ImGui::PushStyleColor(ImGuiCol_Text, statusColour(c.status));
        ImGui::TextUnformatted(changeStatusLabel(c.status));
        ImGui::PopStyleColor();
        tagText("change.status", changeStatusLabel(c.status));
        if (c.decided) {
            ImGui::SameLine();
            ImGui::TextDisabled("on %s", c.decided->str().c_str());
        }
        if (open) {
            field("Decided by");
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::InputText("##by", &decisionBy_);
            field("Note");
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::InputTextWithHint("##note", "e.g. approved by email, PO number", &decisionNote_);
            std::string why;
            auto decide = [&](ChangeStatus to) {
                CommandPtr cmd = decideChange(p, c.id, to, decisionBy_, decisionNote_, statusDate(today), host_.now(), why);
                if (!cmd) { error_ = why; return; }
                run(std::move(cmd));
                decisionNote_.clear();
                if (to == ChangeStatus::Approved)
                    flash_("Approved " + name + ": its tasks and cost are in the plan and the budget (Ctrl+Z undoes).");
            };
            if (c.status == ChangeStatus::Draft) {
                if (ImGui::Button("Submit for approval")) decide(ChangeStatus::Submitted);
                tagItem("change.submit");
            } else {
                ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(46, 139, 87, 255));
                ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
                if (ImGui::Button("Approve")) decide(ChangeStatus::Approved);
                ImGui::PopStyleColor(2);
                tagItem("change.approve");
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("Adds its tasks and duration changes to the plan and its cost to the budget, as one undo step.");
                ImGui::SameLine();
                if (ImGui::Button("Reject")) decide(ChangeStatus::Rejected);
                tagItem("change.reject");
                ImGui::SameLine();
                if (ImGui::Button("Back to draft")) decide(ChangeStatus::Draft);
            }
        }
        ImGui::Spacing();
        ImGui::TextUnformatted("Change order for sign-off");
        const auto order = [&] { return changeOrder(p, c); }; // made when a button asks for it
        const std::string stem = fileStem(p.name) + "-" + name;
        if (ImGui::SmallButton("Download Markdown")) host_.download(stem + ".md", "text/markdown", renderMarkdown(order()));
        tagItem("change.orderMd");
        ImGui::SameLine();
        if (ImGui::SmallButton("Download HTML")) host_.download(stem + ".html", "text/html", renderHtml(order()));
        tagItem("change.orderHtml");
        ImGui::SameLine();
        if (ImGui::SmallButton("Copy")) {
            host_.copyText(renderMarkdown(order()));
            flash_("Copied the change order for " + name + " as Markdown.");
        }
        tagItem("change.orderCopy");
        ImGui::Spacing();
        ImGui::TextUnformatted("Decisions");
        if (c.log.empty()) ImGui::TextDisabled("None yet.");
        for (const ChangeDecision& d : c.log) {
            ImGui::TextDisabled("%s", formatLocalTime(d.at).c_str());
            ImGui::SameLine();
            ImGui::Text("%s by %s%s%s", changeStatusLabel(d.status), d.by.empty() ? "—" : d.by.c_str(), d.note.empty() ? "" : ": ", d.note.c_str());
        }
        if (open) {
            ImGui::Spacing();
            if (ImGui::SmallButton("Delete this request")) {
                run(removeRecord<ChangeRequest>(p, c.id, "Delete " + name));
                selectedChange_ = Id();
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopID();
    ImGui::EndChild();
}

// ---- Risks --------------------------------------------------------------------------------------

void BudgetView::heatMap(float size) {
    const Project& p = doc_.project();
    const float fs = ImGui::GetFontSize();
    const float cell = size / 5;
    ImGui::BeginGroup();
    ImGui::TextUnformatted("Heat map (open risks)");
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 a(origin.x + fs * 1.6f, origin.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int prob = 5; prob >= 1; --prob)
        for (int impact = 1; impact <= 5; ++impact) {
            const ImVec2 lo(a.x + cell * float(impact - 1), a.y + cell * float(5 - prob)), hi(lo.x + cell - 2, lo.y + cell - 2);
            int count = 0;
            std::string titles;
            for (const Risk& r : p.risks)
                if (r.status != RiskStatus::Closed && r.probability == prob && r.impact == impact) {
                    ++count;
                    titles += "\u2022 " + r.title + "\n";
                }
            const bool picked = heatFilter_ == prob * 10 + impact;
            dl->AddRectFilled(lo, hi, scoreColour(prob * impact), 3.0f);
            if (picked) dl->AddRect(lo, hi, IM_COL32(20, 20, 20, 255), 3.0f, 0, 2.5f);
            if (count) {
                const std::string n = std::to_string(count);
                const ImVec2 t = ImGui::CalcTextSize(n.c_str());
                dl->AddText(ImGui::GetFont(), fs * 1.3f, ImVec2((lo.x + hi.x - t.x * 1.3f) / 2, (lo.y + hi.y - fs * 1.3f) / 2), IM_COL32(20, 20, 20, 255), n.c_str());
            }
            ImGui::SetCursorScreenPos(lo);
            ImGui::PushID(prob * 10 + impact);
            if (ImGui::InvisibleButton("##cell", ImVec2(cell - 2, cell - 2))) heatFilter_ = picked ? -1 : prob * 10 + impact;
            tagItem("risks.heat." + std::to_string(prob) + "." + std::to_string(impact));
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Probability %d × impact %d = %d\n%s%s", prob, impact, prob * impact, titles.c_str(),
                                  count ? "Click to show only these." : "");
            ImGui::PopID();
        }
    // Axis labels.
    for (int k = 1; k <= 5; ++k) {
        const std::string n = std::to_string(k);
        dl->AddText(ImVec2(origin.x + fs * 0.4f, a.y + cell * float(5 - k) + cell / 2 - fs / 2), theme::kMuted, n.c_str());
        dl->AddText(ImVec2(a.x + cell * float(k - 1) + cell / 2 - fs / 4, a.y + cell * 5 + fs * 0.1f), theme::kMuted, n.c_str());
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, a.y + cell * 5 + fs * 1.3f));
    ImGui::TextDisabled("Probability (up) × impact (across)");
    ImGui::EndGroup();
}

void BudgetView::risksTab() {
    const Project& p = doc_.project();
    const float fs = ImGui::GetFontSize();
    if (ImGui::Button("Add risk")) run(putRecord(p, Risk{{}, "New risk"}, "Add risk"));
    tagItem("risks.add");
    ImGui::SameLine();
    if (heatFilter_ >= 0) {
        ImGui::Text("Showing probability %d × impact %d.", heatFilter_ / 10, heatFilter_ % 10);
        ImGui::SameLine();
        if (ImGui::SmallButton("Show all")) heatFilter_ = -1;
    } else ImGui::TextDisabled("Highest scores first. The top five open risks go into the status report.");
    const float mapSize = fs * 13;
    const float tableWidth = ImGui::GetContentRegionAvail().x - mapSize - fs * 3;
    ImGui::BeginGroup();
    // Highest score first; closed ones last.
    std::vector<size_t> order(p.risks.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        const Risk &a = p.risks[x], &b = p.risks[y];
        if ((a.status == RiskStatus::Closed) != (b.status == RiskStatus::Closed)) return b.status == RiskStatus::Closed;
        return a.score() > b.score();
    });
    if (beginRecordTable("##risks", {{"Risk", 3}, {"P", -2.6f}, {"I", -2.6f}, {"Score", -2.8f}, {"Owner", 1.2f}, {"Status", 1.2f}, {"Mitigation", 3.2f}, {"Tasks", 1.0f}, {"", -1.6f}}, ImVec2(tableWidth, std::max(fs * 10, ImGui::GetContentRegionAvail().y - fs)))) {
        static const std::vector<std::string> levels = {"1", "2", "3", "4", "5"};
        static const std::vector<std::string> statuses = {"Open", "Mitigating", "Closed"};
        for (size_t i : order) {
            Risk r = p.risks[i];
            if (heatFilter_ >= 0 && (r.status == RiskStatus::Closed || r.probability * 10 + r.impact != heatFilter_)) continue;
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            std::string text;
            if (textCell("##title", r.title, text)) { r.title = text; run(putRecord(p, r, "Rename risk")); }
            if (ImGui::IsItemHovered() && !r.tasks.empty()) {
                std::string linked = "Linked tasks:";
                for (Id t : r.tasks)
                    if (const Task* task = p.task(t)) linked += "\n\u2022 " + task->name;
                ImGui::SetTooltip("%s", linked.c_str());
            }
            ImGui::TableNextColumn();
            int pick = 0;
            if (pickCell("##p", levels, r.probability - 1, pick)) { r.probability = pick + 1; run(putRecord(p, r, "Change risk probability")); }
            tagItem("risks.row." + std::to_string(i) + ".probability");
            ImGui::TableNextColumn();
            if (pickCell("##i", levels, r.impact - 1, pick)) { r.impact = pick + 1; run(putRecord(p, r, "Change risk impact")); }
            ImGui::TableNextColumn();
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + fs * 2.2f, at.y + ImGui::GetFrameHeight()),
                                                      r.status == RiskStatus::Closed ? IM_COL32(225, 228, 234, 255) : scoreColour(r.score()), 3.0f);
            ImGui::SetCursorScreenPos(ImVec2(at.x + fs * 0.5f, at.y + ImGui::GetStyle().FramePadding.y));
            ImGui::Text("%d", r.score());
            ImGui::TableNextColumn();
            if (textCell("##owner", r.owner, text)) { r.owner = text; run(putRecord(p, r, "Change risk owner")); }
            ImGui::TableNextColumn();
            if (pickCell("##status", statuses, int(r.status), pick)) { r.status = RiskStatus(pick); run(putRecord(p, r, "Change risk status")); }
            ImGui::TableNextColumn();
            if (textCell("##mitigation", r.mitigation, text)) { r.mitigation = text; run(putRecord(p, r, "Change risk mitigation")); }
            ImGui::TableNextColumn();
            // Linked tasks: a list to tick.
            const std::string preview = r.tasks.empty() ? "none" : std::to_string(r.tasks.size()) + (r.tasks.size() == 1 ? " task" : " tasks");
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (ImGui::BeginCombo("##tasks", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
                static std::string filter;
                if (ImGui::IsWindowAppearing()) filter.clear();
                ImGui::SetNextItemWidth(-FLT_MIN);
                ImGui::InputTextWithHint("##filter", "Type to filter", &filter);
                for (size_t t = 0; t < p.tasks.size(); ++t) {
                    const Task& task = p.tasks[t];
                    if (!filterMatches(task.name, filter)) continue;
                    const auto at = std::find(r.tasks.begin(), r.tasks.end(), task.id);
                    ImGui::PushID(int(t));
                    if (ImGui::Selectable(task.name.c_str(), at != r.tasks.end(), ImGuiSelectableFlags_DontClosePopups)) {
                        Risk edited = r;
                        if (at != r.tasks.end()) edited.tasks.erase(edited.tasks.begin() + (at - r.tasks.begin()));
                        else edited.tasks.push_back(task.id);
                        run(putRecord(p, edited, at != r.tasks.end() ? "Unlink a task from a risk" : "Link a task to a risk"));
                    }
                    ImGui::PopID();
                }
                ImGui::EndCombo();
            }
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("×")) run(removeRecord<Risk>(p, r.id, "Delete risk \u201c" + r.title + "\u201d"));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::EndGroup();
    ImGui::SameLine(0, fs * 1.5f);
    heatMap(mapSize);
}

// ---- The status report window -------------------------------------------------------------------

void BudgetView::drawWindows(Date today) {
    drawing_ = true;
    if (reportOpen_) reportWindow(today);
    runPending();
}

void BudgetView::reportWindow(Date today) {
    const Project& p = doc_.project();
    const float fs = ImGui::GetFontSize();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(fs * 52, vp->Size.x - fs * 2), std::min(fs * 40, vp->Size.y - fs * 4)), ImGuiCond_Appearing);
    if (reportFocus_) ImGui::SetNextWindowFocus();
    reportFocus_ = false;
    if (!ImGui::Begin("Status report", &reportOpen_, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    const Date day = statusDate(today);
    ImGui::RadioButton("Weekly status", &reportKind_, 0);
    tagItem("report.weekly");
    ImGui::SameLine();
    ImGui::RadioButton("Monthly summary for the client", &reportKind_, 1);
    tagItem("report.monthly");
    int y, m, d;
    day.toYmd(y, m, d);
    if (reportKind_ == 1) {
        ImGui::SameLine();
        std::vector<std::string> names;
        for (int k = 0; k < 6; ++k) {
            names.push_back(std::string(monthName(m - k)) + " " + std::to_string(y - (m - 1 - k < 0 ? 1 : 0)));
        }
        int pick = reportMonth_;
        if (pickCell("##month", names, reportMonth_, pick, nullptr, fs * 9)) reportMonth_ = pick;
    }
    // Rebuilt only when the plan, the kind or the month changes.
    int mm = m - reportMonth_, yy = y;
    while (mm < 1) { mm += 12; --yy; }
    char month[16];
    std::snprintf(month, sizeof month, "%04d-%02d", yy, mm);
    const std::string key = std::to_string(doc_.revision()) + "/" + std::to_string(reportKind_) + "/" + month + "/" + day.str();
    if (key != reportKey_) {
        reportKey_ = key;
        reportDoc_ = reportKind_ == 0 ? weeklyReport(report(today)) : monthlySummary(p, doc_.schedule(), yy, mm, day);
        reportText_ = renderMarkdown(reportDoc_);
    }
    const ReportDoc& doc = reportDoc_;
    const std::string stem = fileStem(p.name) + (reportKind_ == 0 ? "-status-" + day.str() : std::string("-summary-") + month);
    const std::string& md = reportText_;
    if (ImGui::Button("Copy Markdown")) {
        host_.copyText(md);
        flash_("Copied the report as Markdown: paste it into an email or a chat.");
    }
    tagItem("report.copy");
    ImGui::SameLine();
    if (ImGui::Button("Download .md")) host_.download(stem + ".md", "text/markdown", md);
    tagItem("report.downloadMd");
    ImGui::SameLine();
    if (ImGui::Button("Download .html")) host_.download(stem + ".html", "text/html", renderHtml(doc));
    tagItem("report.downloadHtml");
    if (reportKind_ == 0) {
        ImGui::SameLine(0, fs * 1.5f);
        if (ImGui::Button("Keep this week's numbers")) {
            const BudgetStatus& b = status(today);
            run(recordStatus(p, {day, b.ev.pv, b.ev.ev, b.ev.ac, b.percentComplete}));
            flash_("Kept the numbers of " + day.str() + ": the S-curve draws earned value through them.");
        }
        tagItem("report.record");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Stores PV, EV and AC of this status date, so the earned-value curve shows how they moved week by week.");
    }
    ImGui::Separator();
    ImGui::InputTextMultiline("##report", &reportText_, ImVec2(-FLT_MIN, -FLT_MIN), ImGuiInputTextFlags_ReadOnly);
    tagItem("report.text");
    ImGui::End();
}

} // namespace plotline
