#include "share_window.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"

#include "cells.hpp"
#include "core/money.hpp"
#include "project_windows.hpp"
#include "budget_style.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui.h>

#include <algorithm>

namespace plotline {

void ShareWindow::drawOpen(Date today, const std::string& fileStem) {
    if (!beginToolWindow(tr("Share with client"), &open_, focus_, 46)) {
        ImGui::End();
        return;
    }
    focus_ = false;
    const float fs = ImGui::GetFontSize();
    ImGui::PushTextWrapPos(fs * 45);
    ImGui::TextWrapped(tr("A read-only view of this plan for your client. It always holds the plan: the tasks with their dates, "
                       "links and who works when. Tick what else it holds; nothing else ever leaves."));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    // Two columns of ticks: what clients usually see, and what is internal unless ticked.
    if (ImGui::BeginTable("##shareItems", 2)) {
        int n = 0;
        for (const ShareItemInfo& i : shareItems()) {
            if (n++ % 2 == 0) ImGui::TableNextRow();
            ImGui::TableNextColumn();
            bool on = options_.has(i.item);
            if (ImGui::Checkbox(tr(i.label), &on)) options_.set(i.item, on);
            tagItem(std::string("share.") + i.name);
        }
        ImGui::EndTable();
    }
    if (ImGui::SmallButton(tr("Defaults"))) options_ = ShareOptions{};
    tagItem("share.defaults");
    ImGui::SameLine();
    ImGui::TextDisabled(tr("progress, milestones and the status summary"));

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
    const std::string size = fmt(tr("The view is {0}."), byteSize(fileBytes_));
    ImGui::TextDisabled("%s", size.c_str());
    tagText("share.size", size);
    if (ImGui::Button(tr("Download client pack (.html)"))) {
        host_.download(fileStem + " - client view.html", "text/html", clientPackHtml(*view_));
    }
    tagItem("share.pack");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("One page to mail or print: status, milestones, a timeline and the tasks"));
    ImGui::SameLine();
    if (ImGui::Button(tr("Download view (.json)"))) host_.download(fileStem + ".view.json", "application/json", clientViewJson(*view_));
    tagItem("share.json");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("The view as a file: Plotline opens it read-only"));
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
    ImGui::TextUnformatted(tr("Link with the view in it"));
    ImGui::PushTextWrapPos(fs * 45);
    if (linking_ || linkFor_ != viewSerial_) {
        ImGui::TextDisabled(tr("Making the link\u2026"));
    } else if (!linkError_.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), tr("No link: %s"), linkError_.c_str());
    } else if (link_.size() > kMaxLinkChars) {
        const std::string why = fmt(tr("Too long for a link: {0} characters, and mail and chat programs carry {1} safely. Leave something out, or send the client pack."), link_.size(), kMaxLinkChars);
        ImGui::TextDisabled("%s", why.c_str());
        tagText("share.linkSize", why);
    } else {
        if (ImGui::Button(tr("Copy link"))) {
            host_.copyText(link_);
            copied_ = host_.now();
        }
        tagText("share.copyLink", link_);
        ImGui::SameLine();
        const std::string size = host_.now() - copied_ < 3000 ? tr("Copied.") : trn("{n} character", "{n} characters", int64_t(link_.size()));
        ImGui::TextDisabled("%s", size.c_str());
        tagText("share.linkSize", std::to_string(link_.size()) + " characters");
        ImGui::TextDisabled(tr("A snapshot of the view as it is now, inside the link: no server ever sees it, and it can never be revoked."));
    }
    ImGui::PopTextWrapPos();
}

// Published links: sealed here, kept on the sync server, live or as published, with an expiry, and
// revocable; the list of this plan's shares with their options and when each was last published.
void ShareWindow::publishSection(Date today) {
    if (!shares_ || !connection_) return;
    const float fs = ImGui::GetFontSize();
    ImGui::Separator();
    ImGui::TextUnformatted(tr("Published link"));
    ImGui::PushTextWrapPos(fs * 45);
    const std::optional<Connection> c = connection_();
    if (const std::string why = PublishedShares::cannotPublish(c); !why.empty()) {
        ImGui::TextDisabled("%s", why.c_str());
        tagText("share.publishWhy", why);
    } else {
        ImGui::TextDisabled(tr("Sealed in this browser under a new key that only the link carries: your server keeps bytes it cannot read. "
                            "Revoke it any time."));
        ImGui::Checkbox(tr("Keep it live: republished after each sync"), &live_);
        tagItem("share.live");
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr("Expires"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(fs * 7);
        ImGui::InputTextWithHint("##expires", dateHint().c_str(), expires_, sizeof expires_);
        tagItem("share.expires");
        ImGui::SameLine();
        if (ImGui::Button(tr("Publish link"))) {
            std::optional<Date> until;
            publishError_.clear();
            if (expires_[0]) {
                until = readDate(expires_);
                if (!until) publishError_ = fmt(tr("\"{0}\" is not a date: use {1}, or leave it empty"), expires_, dateHint());
                else if (*until < today) publishError_ = tr("That day is past: a view that expired cannot be opened");
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
        std::string state = s.busy ? tr("publishing\u2026") : s.published ? fmt(tr("published {0}"), agoText(host_.now() - s.published)) : std::string(tr("not published yet"));
        ImGui::Bullet();
        ImGui::TextUnformatted((PublishedShares::describe(s) + "  \u00b7  " + state).c_str());
        tagText("share.list." + id, state);
        if (!s.error.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), "%s", s.error.c_str());
        ImGui::Indent();
        if (ImGui::SmallButton(tr("Copy link"))) host_.copyText(shares_->link(i));
        tagText("share.list.copy." + id, shares_->link(i));
        ImGui::SameLine();
        ImGui::BeginDisabled(s.busy || !c);
        if (ImGui::SmallButton(tr("Revoke"))) shares_->revoke(i, *c);
        ImGui::EndDisabled();
        tagItem("share.list.revoke." + id);
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip(tr("Deletes it from the server: the link then says the view was withdrawn"));
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
}

// Exactly what the client gets, from the view itself: its header, what it holds and the first rows.
void ShareWindow::preview(const ClientView& v) {
    const float fs = ImGui::GetFontSize();
    ImGui::TextDisabled(tr("Preview: what the client sees"));
    ImGui::BeginChild("##sharePreview", ImVec2(fs * 45, fs * 11), true);
    ImGui::TextUnformatted(v.project.name.c_str());
    std::string line = fmt(tr("As of {0}"), formatDate(v.asOf));
    if (v.options.has(Share::Progress)) line += "  \u00b7  " + fmt(tr("{0} complete"), formatPercent(v.percentComplete));
    ImGui::TextDisabled("%s", line.c_str());
    if (v.rag) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(budget_ui::ragTextColour(*v.rag)), tr("Status: %s"), tr(ragName(*v.rag)));
        tagText("share.preview.status", ragName(*v.rag));
        for (const std::string& r : v.reasons) ImGui::BulletText("%s", r.c_str());
    }
    if (!v.nextMilestones.empty()) {
        std::string next = std::string(tr("Next milestones:")) + " ";
        for (size_t i = 0; i < v.nextMilestones.size() && i < 3; ++i) next += (i ? ", " : "") + v.nextMilestones[i].name + " (" + formatDate(v.nextMilestones[i].date) + ")";
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
    std::string holds = trn("{n} task", "{n} tasks", int64_t(v.project.tasks.size())) +
                        (left ? " (" + trn("{n} marked internal left out", "{n} marked internal left out", int64_t(left)) + ")" : std::string()) + ", " +
                        trn("{n} link", "{n} links", int64_t(v.project.links.size())) + ", " +
                        fmt(v.options.has(Share::Rates) ? tr("{0} (names and days off, roles, rates)") : tr("{0} (names and days off)"),
                            trn("{n} person", "{n} people", int64_t(v.project.resources.size())));
    if (!v.project.vendors.empty()) holds += ", " + trn("{n} vendor", "{n} vendors", int64_t(v.project.vendors.size()));
    if (!v.project.risks.empty()) holds += ", " + trn("{n} risk", "{n} risks", int64_t(v.project.risks.size()));
    if (!v.project.changeRequests.empty()) holds += ", " + trn("{n} change request", "{n} change requests", int64_t(v.project.changeRequests.size()));
    if (!v.project.costs.empty() || !v.project.hours.empty()) holds += tr(", actuals");
    ImGui::TextUnformatted(holds.c_str());
    tagText("share.preview.holds", holds);
    std::string out;
    for (const ShareItemInfo& i : shareItems())
        if (!v.options.has(i.item)) out += (out.empty() ? "" : ", ") + std::string(i.name);
    const std::string notIn = fmt(tr("Not in it: {0}; never budget lines, contingency, weekly records, cost rates, mark-ups or margins."), (out.empty() ? std::string(tr("nothing left out")) : out));
    ImGui::PushTextWrapPos(fs * 43);
    ImGui::TextDisabled("%s", notIn.c_str());
    ImGui::PopTextWrapPos();
    tagText("share.preview.out", notIn);
    ImGui::EndChild();
}

} // namespace plotline
