#include "sync_window.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"

#include "cells.hpp"
#include "core/json_dom.hpp"
#include "core/fields.hpp"
#include "project_windows.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace plotline {

namespace {

void wrapped(const std::string& text, ImU32 colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void field(const char* label, const char* tag, std::string& value, ImGuiInputTextFlags flags = 0) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(ImGui::GetFontSize() * 7);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    ImGui::InputText((std::string("##") + tag).c_str(), &value, flags | ImGuiInputTextFlags_CallbackEdit, keepWithin, (void*)&kMaxLineText);
    tagItem(tag);
}

// A value as the file writes it, for reading: a text without its quotes and escapes.
std::string shown(const std::string& v) {
    JsonDoc doc;
    if (v.empty() || v.front() != '"' || !doc.parse(v) || !doc.root().isString()) return v;
    return std::string(doc.root().str());
}

// Cut to the cell being drawn (less room for a mark before it).
std::string shortValue(const std::string& v, float mark = 0) {
    return v.empty() ? tr("(empty)") : fitWidth(v, ImGui::GetContentRegionAvail().x - mark);
}

} // namespace

void SyncWindow::open() {
    open_ = focus_ = true;
    if (const auto& c = sync_.connection()) {
        kind_ = c->kind == RemoteKind::CouchDb ? 1 : 0;
        base_ = c->base;
        token_ = c->auth.token;
        user_ = c->auth.user;
        password_ = c->auth.password;
        signIn_ = !token_.empty() ? 1 : !user_.empty() ? 2 : 0;
        refresh();
    }
}

void SyncWindow::refresh() {
    listing_ = true;
    listedAt_ = sync_.libraryWrites();
    listError_.clear();
    sync_.listRemote([this](Result<std::vector<RemotePlan>> r) {
        listing_ = false;
        if (!r) {
            listError_ = r.error();
            return;
        }
        plans_ = std::move(*r);
        std::sort(plans_.begin(), plans_.end(), [](const RemotePlan& a, const RemotePlan& b) { return a.modified > b.modified; });
    });
}

void SyncWindow::draw(Stamp now) {
    if (open_) {
        if (beginToolWindow(tr("Sync"), &open_, focus_, 36)) {
            connection();
            if (sync_.connected()) {
                if (!listing_ && listedAt_ != sync_.libraryWrites()) refresh(); // a sync changed the list
                remotePlans(now);
            }
            if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::IsAnyItemActive() && ImGui::IsKeyPressed(ImGuiKey_Escape))
                open_ = false;
        }
        ImGui::End();
        focus_ = false;
    }
    if (conflictsOpen_) conflicts();
}

void SyncWindow::connection() {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34);
    ImGui::TextWrapped(tr("Keep this browser's plans on a server your company runs, so they follow you to other devices and "
                       "other people's edits merge with yours. Edits are always saved here first; sync runs in the background."));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Server"));
    ImGui::SameLine(ImGui::GetFontSize() * 7);
    ImGui::RadioButton(tr("WebDAV or HTTP folder"), &kind_, 0);
    tagItem("sync.kind.webdav");
    ImGui::SameLine();
    ImGui::RadioButton(tr("CouchDB database"), &kind_, 1);
    tagItem("sync.kind.couchdb");
    field(tr("Address"), "sync.address", base_);
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(kind_ ? tr("The database's address, e.g. https://couch.example.com/plans/") : tr("The folder's address, e.g. https://dav.example.com/plans/"));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Sign-in"));
    ImGui::SameLine(ImGui::GetFontSize() * 7);
    ImGui::RadioButton(tr("None"), &signIn_, 0);
    tagItem("sync.signin.none");
    ImGui::SameLine();
    ImGui::RadioButton(tr("Token"), &signIn_, 1);
    tagItem("sync.signin.token");
    ImGui::SameLine();
    ImGui::RadioButton(tr("User and password"), &signIn_, 2);
    tagItem("sync.signin.user");
    if (signIn_ == 1) field(tr("Token"), "sync.token", token_, ImGuiInputTextFlags_Password);
    if (signIn_ == 2) {
        field(tr("User"), "sync.user", user_);
        field(tr("Password"), "sync.password", password_, ImGuiInputTextFlags_Password);
    }
    ImGui::TextDisabled(tr("The address and sign-in stay in this browser: never in plan files, exports or reports."));
    ImGui::Spacing();
    ImGui::BeginDisabled(sync_.probing());
    if (ImGui::Button(sync_.probing() ? tr("Connecting\u2026") : sync_.connected() ? tr("Connect again") : tr("Connect"))) {
        Connection c;
        c.kind = kind_ ? RemoteKind::CouchDb : RemoteKind::WebDav;
        c.base = base_;
        if (signIn_ == 1) c.auth.token = token_;
        if (signIn_ == 2) c.auth = {"", user_, password_};
        verdict_ = tr("Connecting\u2026");
        verdictOk_ = true;
        sync_.connect(c, [this](bool ok, const std::string& verdict) {
            verdict_ = verdict;
            verdictOk_ = ok;
            if (ok) refresh();
        });
    }
    tagItem("sync.connect");
    ImGui::EndDisabled();
    if (sync_.connected()) {
        ImGui::SameLine();
        if (ImGui::Button(tr("Sync now"))) sync_.syncNow();
        tagItem("sync.now");
        ImGui::SameLine();
        if (ImGui::Button(tr("Disconnect"))) {
            sync_.disconnect();
            verdict_ = tr("Disconnected: plans stay on this device and on the server");
            verdictOk_ = true;
            plans_.clear();
        }
        tagItem("sync.disconnect");
    }
    if (!verdict_.empty()) {
        wrapped(verdict_, verdictOk_ ? theme::kOk : theme::kError);
        tagText("sync.verdict", verdict_);
    } else if (const auto& c = sync_.connection()) {
        const std::string text = fmt(tr("Connected to {0} ({1})"), c->base, kindName(c->kind));
        wrapped(text, theme::kOk);
        tagText("sync.verdict", text);
    }
}

void SyncWindow::remotePlans(Stamp now) {
    ImGui::Separator();
    ImGui::TextUnformatted(tr("Plans on the server"));
    ImGui::SameLine();
    ImGui::BeginDisabled(listing_);
    if (ImGui::SmallButton(listing_ ? tr("Reading\u2026") : tr("Refresh"))) refresh();
    tagItem("sync.refresh");
    ImGui::EndDisabled();
    if (!listError_.empty()) {
        wrapped(listError_, theme::kError);
        tagText("sync.listError", listError_);
        return;
    }
    if (plans_.empty() && !listing_) {
        ImGui::TextDisabled(tr("None yet: the plan you have open goes there with its first sync."));
        return;
    }
    if (!beginRecordTable("##remotePlans", {{tr("Plan"), 3}, {tr("Tasks"), 0.7f}, {tr("Changed"), 1.6f}, {"", -5.5f}},
                          ImVec2(ImGui::GetFontSize() * 34, std::min(ImGui::GetFontSize() * 1.9f * float(plans_.size() + 1), ImGui::GetFontSize() * 16))))
        return;
    const std::string openId = actions_.openId();
    for (size_t i = 0; i < plans_.size(); ++i) {
        const RemotePlan& p = plans_[i];
        ImGui::PushID(int(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(p.name.empty() ? tr("(no name)") : p.name.c_str());
        tagText("sync.plan." + std::to_string(i), p.name);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(formatInteger(int64_t(p.tasks)).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.modified > 0 ? formatLocalTime(p.modified).c_str() : "");
        ImGui::TableNextColumn();
        if (p.id == openId) ImGui::TextDisabled("open");
        else {
            if (ImGui::SmallButton(actions_.isLocal(p.id) ? tr("Open") : tr("Open here"))) {
                actions_.openRemote(p);
                open_ = false;
            }
            tagItem("sync.plan." + std::to_string(i) + ".open");
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
    (void)now;
}

void SyncWindow::conflicts() {
    if (!beginToolWindow(tr("Sync conflicts"), &conflictsOpen_, focusConflicts_, 58)) {
        ImGui::End();
        return;
    }
    focusConflicts_ = false;
    const auto& list = sync_.conflicts();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 57);
    ImGui::TextWrapped(tr("You and someone else changed the same field. The merge kept the later edit; check each one, and use "
                       "the other value where it was right. Either way, the plan syncs as usual."));
    ImGui::PopTextWrapPos();
    if (list.empty()) {
        ImGui::TextDisabled(tr("No conflicts to review."));
        tagText("conflicts.none", "No conflicts to review.");
    } else if (beginRecordTable("##conflicts", {{tr("What"), 2.6f}, {tr("Field"), 1.0f}, {tr("Mine"), 2.0f}, {tr("Theirs"), 2.0f}, {tr("Edited"), 1.5f}, {"", -10.5f}})) {
        std::optional<std::pair<size_t, bool>> act; // row, flip (else keep)
        for (size_t i = 0; i < list.size(); ++i) {
            const MergeConflict& k = list[i];
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            const std::string what = k.entity + (k.name.empty() ? "" : " \u201c" + k.name + "\u201d");
            ImGui::TextUnformatted(fitWidth(what, ImGui::GetContentRegionAvail().x).c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", what.c_str());
            const std::string ours = shown(k.ours), theirs = shown(k.theirs);
            tagText("conflicts." + std::to_string(i), what + " / " + k.field + " / mine: " + ours + " / theirs: " + theirs +
                                                          (k.tookOurs ? " / kept mine" : " / kept theirs"));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k.field.c_str());
            for (bool mine : {true, false}) {
                ImGui::TableNextColumn();
                const bool kept = k.tookOurs == mine;
                const std::string& v = mine ? ours : theirs;
                const Stamp at = mine ? k.oursAt : k.theirsAt;
                if (kept) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kOk), "\u2713 %s", shortValue(v, ImGui::CalcTextSize("\u2713 ").x).c_str());
                else ImGui::TextUnformatted(shortValue(v).c_str());
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s\n%s%s", v.c_str(), at ? (fmt(tr("edited {0}"), formatLocalTime(at))).c_str() : "", kept ? tr("\n(kept)") : "");
            }
            ImGui::TableNextColumn();
            auto clock = [](Stamp at) { const std::string t = at ? formatLocalTime(at) : std::string("?"); return t.size() > 5 ? t.substr(t.size() - 5) : t; };
            ImGui::TextDisabled("%s / %s", clock(k.oursAt).c_str(), clock(k.theirsAt).c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip(tr("Edited, mine: %s\ntheirs: %s"), k.oursAt ? formatLocalTime(k.oursAt).c_str() : "?", k.theirsAt ? formatLocalTime(k.theirsAt).c_str() : "?");
            ImGui::TableNextColumn();
            if (ImGui::SmallButton(tr("Use the other"))) act = {i, true};
            tagItem("conflicts." + std::to_string(i) + ".flip");
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("Keep"))) act = {i, false};
            tagItem("conflicts." + std::to_string(i) + ".keep");
            ImGui::PopID();
        }
        ImGui::EndTable();
        if (act) act->second ? sync_.flip(act->first) : sync_.dismiss(act->first);
    }
    for (const std::string& n : sync_.notes()) ImGui::TextDisabled("%s", n.c_str());
    ImGui::End();
}

} // namespace plotline
