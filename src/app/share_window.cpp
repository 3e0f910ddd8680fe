#include "share_window.hpp"

#include "cells.hpp"
#include "core/money.hpp"
#include "project_windows.hpp"
#include "budget_style.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui.h>

#include <algorithm>

namespace plotline {

void ShareWindow::draw(Date today, const std::string& fileStem) {
    if (!open_) return;
    if (!beginToolWindow("Share with client", &open_, focus_, 46)) {
        ImGui::End();
        return;
    }
    focus_ = false;
    const float fs = ImGui::GetFontSize();
    ImGui::PushTextWrapPos(fs * 45);
    ImGui::TextWrapped("A read-only view of this plan for your client. It always holds the plan: the tasks with their dates, "
                       "links and who works when. Tick what else it holds; nothing else ever leaves.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    // Two columns of ticks: what clients usually see, and what is internal unless ticked.
    if (ImGui::BeginTable("##shareItems", 2)) {
        int n = 0;
        for (const ShareItemInfo& i : shareItems()) {
            if (n++ % 2 == 0) ImGui::TableNextRow();
            ImGui::TableNextColumn();
            bool on = options_.has(i.item);
            if (ImGui::Checkbox(i.label, &on)) options_.set(i.item, on);
            tagItem(std::string("share.") + i.name);
        }
        ImGui::EndTable();
    }
    if (ImGui::SmallButton("Defaults")) options_ = ShareOptions{};
    tagItem("share.defaults");
    ImGui::SameLine();
    ImGui::TextDisabled("progress, milestones and the status summary");

    if (!view_ || builtRevision_ != doc_.revision() || !(builtOptions_ == options_)) {
        view_ = clientView(doc_.project(), doc_.schedule(), options_, today);
        builtRevision_ = doc_.revision();
        builtOptions_ = options_;
        fileBytes_ = clientViewJson(*view_).size();
        ++viewSerial_;
    }
    ImGui::Separator();
    preview(*view_);
    ImGui::Separator();
    const std::string size = "The view is " + byteSize(fileBytes_) + ".";
    ImGui::TextDisabled("%s", size.c_str());
    tagText("share.size", size);
    if (ImGui::Button("Download client pack (.html)")) {
        host_.download(fileStem + " - client view.html", "text/html", clientPackHtml(*view_));
    }
    tagItem("share.pack");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("One page to mail or print: status, milestones, a timeline and the tasks");
    ImGui::SameLine();
    if (ImGui::Button("Download view (.json)")) host_.download(fileStem + ".view.json", "application/json", clientViewJson(*view_));
    tagItem("share.json");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The view as a file: Plotline opens it read-only");
    linkSection();
    publishSection(today);
    ImGui::End();
}

// The self-contained link: the view itself, compressed, in the link's fragment (which browsers never
// send to a server). Offered while the whole link stays within kMaxLinkChars.
void ShareWindow::linkSection() {
    if (linkFor_ != viewSerial_ && !linking_ && view_) {
        linking_ = true;
        const uint64_t serial = viewSerial_;
        host_.codec(Codec::Gzip, linkViewText(*view_), "", [this, serial](Result<std::string> gz) {
            linking_ = false;
            linkFor_ = serial;
            link_ = gz ? appAddress(host_.address()) + "#" + snapshotFragment(*gz) : "";
            linkError_ = gz ? "" : gz.error();
        });
    }
    const float fs = ImGui::GetFontSize();
    ImGui::Separator();
    ImGui::TextUnformatted("Link with the view in it");
    ImGui::PushTextWrapPos(fs * 45);
    if (linking_ || linkFor_ != viewSerial_) {
        ImGui::TextDisabled("Making the link\u2026");
    } else if (!linkError_.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), "No link: %s", linkError_.c_str());
    } else if (link_.size() > kMaxLinkChars) {
        const std::string why = "Too long for a link: " + std::to_string(link_.size()) + " characters, and mail and chat programs carry " +
                                std::to_string(kMaxLinkChars) + " safely. Leave something out, or send the client pack.";
        ImGui::TextDisabled("%s", why.c_str());
        tagText("share.linkSize", why);
    } else {
        if (ImGui::Button("Copy link")) {
            host_.copyText(link_);
            copied_ = host_.now();
        }
        tagText("share.copyLink", link_);
        ImGui::SameLine();
        const std::string size = host_.now() - copied_ < 3000 ? "Copied." : std::to_string(link_.size()) + " characters";
        ImGui::TextDisabled("%s", size.c_str());
        tagText("share.linkSize", std::to_string(link_.size()) + " characters");
        ImGui::TextDisabled("A snapshot of the view as it is now, inside the link: no server ever sees it, and it can never be revoked.");
    }
    ImGui::PopTextWrapPos();
}

// Published links: sealed here, kept on the sync server, live or as published, with an expiry, and
// revocable; the list of this plan's shares with their options and when each was last published.
void ShareWindow::publishSection(Date today) {
    if (!shares_ || !connection_) return;
    const float fs = ImGui::GetFontSize();
    ImGui::Separator();
    ImGui::TextUnformatted("Published link");
    ImGui::PushTextWrapPos(fs * 45);
    const std::optional<Connection> c = connection_();
    if (const std::string why = PublishedShares::cannotPublish(c); !why.empty()) {
        ImGui::TextDisabled("%s", why.c_str());
        tagText("share.publishWhy", why);
    } else {
        ImGui::TextDisabled("Sealed in this browser under a new key that only the link carries: your server keeps bytes it cannot read. "
                            "Revoke it any time.");
        ImGui::Checkbox("Keep it live: republished after each sync", &live_);
        tagItem("share.live");
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Expires");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(fs * 7);
        ImGui::InputTextWithHint("##expires", "YYYY-MM-DD", expires_, sizeof expires_);
        tagItem("share.expires");
        ImGui::SameLine();
        if (ImGui::Button("Publish link")) {
            std::optional<Date> until;
            publishError_.clear();
            if (expires_[0]) {
                until = Date::parseLoose(expires_);
                if (!until) publishError_ = std::string("\"") + expires_ + "\" is not a date: use YYYY-MM-DD, or leave it empty";
                else if (*until < today) publishError_ = "That day is past: a view that expired cannot be opened";
            }
            if (publishError_.empty() && view_) shares_->publish(options_, live_, until, today, *c);
        }
        tagItem("share.publish");
        if (!publishError_.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), "%s", publishError_.c_str());
    }
    const auto& list = shares_->list();
    for (size_t i = 0; i < list.size(); ++i) {
        const PublishedShare& s = list[i];
        ImGui::PushID(int(i));
        const std::string id = std::to_string(i);
        std::string state = s.busy ? "publishing\u2026" : s.published ? "published " + agoText(host_.now() - s.published) : "not published yet";
        ImGui::Bullet();
        ImGui::TextUnformatted((PublishedShares::describe(s) + "  \u00b7  " + state).c_str());
        tagText("share.list." + id, state);
        if (!s.error.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), "%s", s.error.c_str());
        ImGui::Indent();
        if (ImGui::SmallButton("Copy link")) host_.copyText(shares_->link(i));
        tagText("share.list.copy." + id, shares_->link(i));
        ImGui::SameLine();
        ImGui::BeginDisabled(s.busy || !c);
        if (ImGui::SmallButton("Revoke")) shares_->revoke(i, *c);
        ImGui::EndDisabled();
        tagItem("share.list.revoke." + id);
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Deletes it from the server: the link then says the view was withdrawn");
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
}

// Exactly what the client gets, from the view itself: its header, what it holds and the first rows.
void ShareWindow::preview(const ClientView& v) {
    const float fs = ImGui::GetFontSize();
    ImGui::TextDisabled("Preview: what the client sees");
    ImGui::BeginChild("##sharePreview", ImVec2(fs * 45, fs * 11), true);
    ImGui::TextUnformatted(v.project.name.c_str());
    std::string line = "As of " + v.asOf.str();
    if (v.options.has(Share::Progress)) line += "  \u00b7  " + std::to_string(v.percentComplete) + " % complete";
    ImGui::TextDisabled("%s", line.c_str());
    if (v.rag) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(budget_ui::ragTextColour(*v.rag)), "Status: %s", ragName(*v.rag));
        tagText("share.preview.status", ragName(*v.rag));
        for (const std::string& r : v.reasons) ImGui::BulletText("%s", r.c_str());
    }
    if (!v.nextMilestones.empty()) {
        std::string next = "Next milestones: ";
        for (size_t i = 0; i < v.nextMilestones.size() && i < 3; ++i) next += (i ? ", " : "") + v.nextMilestones[i].name + " (" + v.nextMilestones[i].date.str() + ")";
        ImGui::PushTextWrapPos(fs * 43);
        ImGui::TextWrapped("%s", next.c_str());
        ImGui::PopTextWrapPos();
    }
    for (const auto& [line, tag] : {std::pair{budgetLine(v), "share.preview.budget"}, std::pair{feesLine(v), "share.preview.fees"}})
        if (!line.empty()) {
            ImGui::TextUnformatted(line.c_str());
            tagText(tag, line);
        }
    const size_t left = doc_.project().tasks.size() - std::min(doc_.project().tasks.size(), v.project.tasks.size());
    std::string holds = std::to_string(v.project.tasks.size()) + " tasks" + (left ? " (" + std::to_string(left) + " marked internal left out)" : std::string()) + ", " + std::to_string(v.project.links.size()) + " links, " +
                        std::to_string(v.project.resources.size()) + " people (names and days off" + (v.options.has(Share::Rates) ? ", roles, rates)" : ")");
    if (!v.project.vendors.empty()) holds += ", " + std::to_string(v.project.vendors.size()) + " vendors";
    if (!v.project.risks.empty()) holds += ", " + std::to_string(v.project.risks.size()) + " risks";
    if (!v.project.changeRequests.empty()) holds += ", " + std::to_string(v.project.changeRequests.size()) + " change requests";
    if (!v.project.costs.empty() || !v.project.hours.empty()) holds += ", actuals";
    ImGui::TextUnformatted(holds.c_str());
    tagText("share.preview.holds", holds);
    std::string out;
    for (const ShareItemInfo& i : shareItems())
        if (!v.options.has(i.item)) out += (out.empty() ? "" : ", ") + std::string(i.name);
    const std::string notIn = "Not in it: " + (out.empty() ? std::string("nothing left out") : out) + "; never budget lines, contingency, weekly records, cost rates, mark-ups or margins.";
    ImGui::PushTextWrapPos(fs * 43);
    ImGui::TextDisabled("%s", notIn.c_str());
    ImGui::PopTextWrapPos();
    tagText("share.preview.out", notIn);
    ImGui::EndChild();
}

} // namespace plotline
