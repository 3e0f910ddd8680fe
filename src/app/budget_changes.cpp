// The Budget view's change-request board: requests by status, details, decisions, change orders.
#include "budget_view.hpp"
#include "core/i18n.hpp"
#include "budget_style.hpp"

#include "cells.hpp"
#include "core/duration.hpp"
#include "core/fields.hpp"
#include "core/files.hpp"
#include "core/report.hpp"
#include "widget_registry.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_stdlib.h>

namespace plotline {

using namespace budget_ui;

// ---- Change requests ----------------------------------------------------------------------------

void BudgetView::changesTab(Date today) {
    const Project& p = doc_.project();
    const Currency cur = currency(p.currency);
    const float fs = ImGui::GetFontSize();
    if (ImGui::Button(tr("New change request"))) {
        ChangeRequest c;
        c.id = Id::random();
        c.number = nextChangeNumber(p);
        c.title = tr("New change request");
        c.raised = statusDate(today);
        selectedChange_ = c.id;
        run(putRecord(p, c, fmt(tr("New change request CR-{0}"), std::to_string(c.number))));
    }
    tagItem("changes.new");
    ImGui::SameLine();
    int64_t approved = 0, pending = 0;
    for (const ChangeRequest& c : p.changeRequests) {
        if (c.status == ChangeStatus::Approved) approved += c.costImpact;
        if (c.status == ChangeStatus::Submitted) pending += c.costImpact;
    }
    ImGui::Text(tr("Approved changes %s; awaiting a decision %s"), formatMoney(approved, cur).c_str(), formatMoney(pending, cur).c_str());

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
            ImGui::Text("%s (%d)", tr(changeStatusLabel(status)), count);
            ImGui::PopStyleColor();
            ImGui::BeginChild(s + 1, ImVec2(0, boardHeight), false);
            for (size_t i = 0; i < p.changeRequests.size(); ++i) {
                const ChangeRequest& c = p.changeRequests[i];
                if (c.status != status) continue;
                ImGui::PushID(int(i));
                const std::string label = fmt(tr("CR-{0}  {1}\n{2}{3}"), std::to_string(c.number), c.title, formatMoney(c.costImpact, cur), (c.requester.empty() ? "" : "  \u00b7  " + c.requester));
                const ImVec2 at = ImGui::GetCursorScreenPos();
                const float w = ImGui::GetContentRegionAvail().x;
                ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + w, at.y + fs * 2.9f), theme::kPanel, fs * 0.3f);
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
        ImGui::TextDisabled(tr("Pick a request on the board to see and decide it."));
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
        field(fmt(tr("{0} title"), name).c_str());
        if (textCell("##title", c.title, text)) { c.title = text; run(putRecord(p, c, fmt(tr("Rename {0}"), name))); }
        tagItem("change.title");
        field(tr("Requested by"));
        if (textCell("##requester", c.requester, text)) { c.requester = text; run(putRecord(p, c, fmt(tr("Change requester of {0}"), name))); }
        field(tr("Raised"));
        Date day;
        if (dateCell("##raised", c.raised, day, error_)) { c.raised = day; run(putRecord(p, c, fmt(tr("Change date of {0}"), name))); }
        ImGui::TextUnformatted(tr("Description"));
        if (textCell("##description", c.description, text, true)) { c.description = text; run(putRecord(p, c, fmt(tr("Describe {0}"), name))); }

        ImGui::TextUnformatted(tr("Impact on the plan"));
        if (!open) ImGui::TextDisabled(c.status == ChangeStatus::Approved ? tr("Applied on approval; changes after that are made in the plan.") : tr("Rejected: nothing applied."));
        for (size_t k = 0; k < c.items.size(); ++k) {
            ImGui::PushID(int(k));
            ChangeRequest edited = c;
            ChangeItem& item = edited.items[k];
            const float w = ImGui::GetContentRegionAvail().x;
            ImGui::BeginDisabled(!open);
            if (item.task.isNull()) {
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(tr("New task"));
                ImGui::SameLine(fs * 5);
                if (textCell("##name", item.name, text, false, w * 0.35f)) { item.name = text; run(putRecord(p, edited, fmt(tr("Edit {0}"), name))); }
                ImGui::SameLine();
                ImGui::TextUnformatted("under");
                ImGui::SameLine();
                int pick = 0;
                if (pickCell("##parent", taskNames(), taskPick(item.parent), pick, tr("(top level)"), w * 0.28f)) {
                    item.parent = pick < 0 ? Id() : p.tasks[size_t(pick)].id;
                    run(putRecord(p, edited, fmt(tr("Edit {0}"), name)));
                }
            } else {
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(tr("Change"));
                ImGui::SameLine(fs * 5);
                int pick = 0;
                if (pickCell("##task", taskNames(), taskPick(item.task), pick, nullptr, w * 0.55f) && pick >= 0) {
                    item.task = p.tasks[size_t(pick)].id;
                    run(putRecord(p, edited, fmt(tr("Edit {0}"), name)));
                }
                ImGui::SameLine();
                ImGui::TextUnformatted("to");
            }
            ImGui::SameLine();
            if (textCell("##duration", formatDuration(item.duration, p.calendar.minutesPerDay), text, false, fs * 4.5f)) {
                if (auto d = parseDuration(text, p.calendar.minutesPerDay)) { item.duration = *d; run(putRecord(p, edited, fmt(tr("Edit {0}"), name))); }
                else error_ = fmt(tr("\u201c{0}\u201d is not a duration (5d, 4h, 1w)."), text);
            }
            if (open) {
                ImGui::SameLine();
                if (ImGui::SmallButton("×")) {
                    edited.items.erase(edited.items.begin() + long(k));
                    run(putRecord(p, edited, fmt(tr("Edit {0}"), name)));
                }
            }
            ImGui::EndDisabled();
            ImGui::PopID();
        }
        if (open) {
            if (ImGui::SmallButton(tr("+ New task"))) {
                ChangeRequest edited = c;
                edited.items.push_back({{}, tr("New task"), {}, p.calendar.minutesPerDay});
                run(putRecord(p, edited, fmt(tr("Edit {0}"), name)));
            }
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("+ Change a task's duration")) && !p.tasks.empty()) {
                ChangeRequest edited = c;
                edited.items.push_back({p.tasks.back().id, "", {}, p.tasks.back().duration});
                run(putRecord(p, edited, fmt(tr("Edit {0}"), name)));
            }
        }

        ImGui::TableNextColumn();
        field(tr("Cost impact"));
        ImGui::BeginDisabled(!open);
        int64_t amount = 0;
        if (moneyCell("##cost", c.costImpact, cur, amount, error_, fs * 8)) { c.costImpact = amount; run(putRecord(p, c, fmt(tr("Change cost of {0}"), name))); }
        tagItem("change.cost");
        ImGui::SameLine();
        int pick = 0;
        float categoryW = fs * 7; // as wide as the longest category name in this language
        for (const std::string& n : categoryNames_) categoryW = std::max(categoryW, ImGui::CalcTextSize(n.c_str()).x + ImGui::GetFrameHeight() + fs);
        if (pickCell("##category", categoryNames_, int(c.category), pick, nullptr, categoryW)) { c.category = CostCategory(pick); run(putRecord(p, c, fmt(tr("Change category of {0}"), name))); }
        ImGui::EndDisabled();
        if (const std::optional<int64_t> labour = open ? changeLabourImpact(p, c) : 0; !labour || *labour != 0) {
            field(tr("Labour"));
            if (labour)
                ImGui::Text(tr("%s more for the longer tasks (at current rates): %s in all"), formatMoney(*labour, cur).c_str(),
                            formatMoney(*labour + c.costImpact, cur).c_str());
            else
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kBad), tr("More than %s for the longer tasks: too large to total"), formatMoney(kMaxMoney, cur).c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip(tr("The people on the changed tasks work longer: the plan adds this labour when the request is approved.\n"
                                  "The cost impact above is on top of it (fees, vendors, extra work not in the plan)."));
        }
        field(tr("Fee impact"));
        ImGui::BeginDisabled(!open);
        if (moneyCell("##fee", c.feeImpact, cur, amount, error_, fs * 8)) { c.feeImpact = amount; run(putRecord(p, c, fmt(tr("Change fee of {0}"), name))); }
        tagItem("change.fee");
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("What the client pays for the change: billed from the day it is approved."));
        if (const std::optional<ChangeEffect> e = changeEffect(p, c)) {
            ImGui::SameLine(0, fs);
            const std::string margin = e->costMissing ? tr("margin unknown (cost rates missing)") : fmt(tr("margin {0}"), formatMoney(e->margin(), cur));
            const std::string text = fmt(tr("fee {0} \u00b7 cost {1} \u00b7 {2}"), formatMoney(e->fee, cur), formatMoney(e->cost, cur), margin);
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(!e->costMissing && e->margin() < 0 ? kBad : theme::kMuted), "%s", text.c_str());
            tagText("change.effect", text);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip(tr("What approving it does to the money: the fee (its fee impact%s), the cost (the longer tasks at cost rates and the cost "
                                  "impact) and so the margin."),
                                  p.contract.type == ContractType::TimeAndMaterials ? tr(", and under time and materials the extra hours at bill rates and the cost impact re-billed") : "");
        }
        field(tr("Status"));
        ImGui::PushStyleColor(ImGuiCol_Text, statusColour(c.status));
        ImGui::TextUnformatted(tr(changeStatusLabel(c.status)));
        ImGui::PopStyleColor();
        tagText("change.status", changeStatusLabel(c.status));
        if (c.decided) {
            ImGui::SameLine();
            ImGui::TextDisabled(tr("on %s"), c.decided->str().c_str());
        }
        if (open) {
            field(tr("Decided by"));
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::InputText("##by", &decisionBy_, ImGuiInputTextFlags_CallbackEdit, keepWithin, const_cast<size_t*>(&kMaxLineText));
            field(tr("Note"));
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::InputTextWithHint("##note", tr("e.g. approved by email, PO number"), &decisionNote_, ImGuiInputTextFlags_CallbackEdit, keepWithin,
                                     const_cast<size_t*>(&kMaxLongText));
            std::string why;
            auto decide = [&](ChangeStatus to) {
                CommandPtr cmd = decideChange(p, c.id, to, decisionBy_, decisionNote_, statusDate(today), host_.now(), why);
                if (!cmd) { error_ = why; return; }
                run(std::move(cmd));
                decisionNote_.clear();
                if (to == ChangeStatus::Approved)
                    flash_(fmt(tr("Approved {0}: its tasks and cost are in the plan and the budget (Ctrl+Z undoes)."), name));
            };
            if (c.status == ChangeStatus::Draft) {
                if (ImGui::Button(tr("Submit for approval"))) decide(ChangeStatus::Submitted);
                tagItem("change.submit");
            } else {
                ImGui::PushStyleColor(ImGuiCol_Button, theme::kApprove);
                ImGui::PushStyleColor(ImGuiCol_Text, theme::kOnAccent);
                if (ImGui::Button(tr("Approve"))) decide(ChangeStatus::Approved);
                ImGui::PopStyleColor(2);
                tagItem("change.approve");
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip(tr("Adds its tasks and duration changes to the plan and its cost to the budget, as one undo step."));
                ImGui::SameLine();
                if (ImGui::Button(tr("Reject"))) decide(ChangeStatus::Rejected);
                tagItem("change.reject");
                ImGui::SameLine();
                if (ImGui::Button(tr("Back to draft"))) decide(ChangeStatus::Draft);
            }
        }
        ImGui::Spacing();
        ImGui::TextUnformatted(tr("Change order for sign-off"));
        const auto order = [&] { return changeOrder(p, c); }; // made when a button asks for it
        const std::string stem = fileStem(p.name) + "-" + name;
        if (ImGui::SmallButton(tr("Download Markdown"))) host_.download(stem + ".md", "text/markdown", renderMarkdown(order()));
        tagItem("change.orderMd");
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Download HTML"))) host_.download(stem + ".html", "text/html", renderHtml(order()));
        tagItem("change.orderHtml");
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Copy"))) {
            host_.copyText(renderMarkdown(order()));
            flash_(fmt(tr("Copied the change order for {0} as Markdown."), name));
        }
        tagItem("change.orderCopy");
        ImGui::Spacing();
        ImGui::TextUnformatted(tr("Decisions"));
        if (c.log.empty()) ImGui::TextDisabled(tr("None yet."));
        for (const ChangeDecision& d : c.log) {
            ImGui::TextDisabled("%s", formatLocalTime(d.at).c_str());
            ImGui::SameLine();
            ImGui::TextUnformatted((fmt(tr("{0} by {1}"), tr(changeStatusLabel(d.status)), d.by.empty() ? "—" : d.by) + (d.note.empty() ? "" : ": " + d.note)).c_str());
        }
        if (open) {
            ImGui::Spacing();
            if (ImGui::SmallButton(tr("Delete this request"))) {
                run(removeRecord<ChangeRequest>(p, c.id, fmt(tr("Delete {0}"), name)));
                selectedChange_ = Id();
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopID();
    ImGui::EndChild();
}

} // namespace plotline
