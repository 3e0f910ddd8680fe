#include "board_view.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"

#include "cells.hpp"
#include "core/fields.hpp"
#include "project_windows.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cfloat>
#include <cstdio>

namespace plotline {

bool BoardView::advance(Id deliverable, Date today) {
    std::string why;
    CommandPtr c = advanceDeliverable(doc_.project(), doc_.schedule(), deliverable, today, why);
    if (!c) {
        flash_(why);
        return false;
    }
    const std::string label = c->label();
    if (!doc_.execute(std::move(c))) {
        flash_(tr("That stage cannot be completed here now."));
        return false;
    }
    flash_(fmt(tr("{0} (Ctrl+Z undoes)"), label));
    return true;
}

void BoardView::draw(Date today) {
    const float fs = ImGui::GetFontSize();
    const Project& p = doc_.project();
    ImGui::SetCursorPosX(fs * 0.6f);
    ImGui::BeginGroup();
    if (p.stages.empty()) {
        ImGui::TextWrapped(tr("This project is not a content pipeline yet. A pipeline runs each deliverable (an article, a page, a "
                           "video) through the same stages, each held by a role."));
        if (ImGui::Button(tr("Set up write \u2192 QA \u2192 edit \u2192 design \u2192 publish"))) doc_.execute(setUpPipeline(defaultStages()));
        tagItem("board.setup");
        ImGui::EndGroup();
        return;
    }
    if (ImGui::Button(tr("Add articles\u2026"))) {
        addOpen_ = true;
        error_.clear();
        addFrom_ = formatDate(std::max(today, p.start));
    }
    tagItem("board.add");
    ImGui::SameLine();
    ImGui::TextDisabled(tr("Drag a card to the next stage when its current one is done. Click a card for its brief."));
    const PipelineBoard b = pipelineBoard(p, doc_.schedule(), today);
    for (const std::string& problem : b.problems) showError(problem);
    ImGui::EndGroup();

    const size_t n = b.columns.size();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = fs * 0.5f, colW = std::max(fs * 10, (avail.x - fs * 1.2f - gap * float(n - 1)) / float(n));
    ImGui::SetCursorPosX(fs * 0.6f);
    for (size_t c = 0; c < n; ++c) {
        if (c) ImGui::SameLine(0, gap);
        ImGui::PushID(int(c));
        ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::kShade);
        ImGui::BeginChild("##column", ImVec2(colW, avail.y - fs * 0.5f), true);
        ImGui::PopStyleColor();
        char head[96];
        std::snprintf(head, sizeof head, tr("%s  (%zu)"), b.columns[c].c_str(), b.cards[c].size());
        ImGui::TextUnformatted(head);
        if (c < p.stages.size() && !p.stages[c].role.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", p.stages[c].role.c_str());
        }
        ImGui::Separator();
        for (size_t i = 0; i < b.cards[c].size(); ++i) {
            const PipelineCard& card = b.cards[c][i];
            ImGui::PushID(int(i));
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float w = ImGui::GetContentRegionAvail().x, h = fs * 3.3f;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            if (ImGui::InvisibleButton("##card", ImVec2(w, h))) {
                brief_ = card.deliverable;
                for (const Deliverable& d : p.deliverables)
                    if (d.id == card.deliverable) editing_ = d;
                due_ = editing_.due ? editing_.due->str() : "";
                length_ = editing_.targetLength ? std::to_string(editing_.targetLength) : "";
                error_.clear();
            }
            const bool hovered = ImGui::IsItemHovered();
            tagText("board.card." + std::to_string(c) + "." + std::to_string(i), card.name);
            if (c < p.stages.size() && ImGui::BeginDragDropSource()) {
                ImGui::SetDragDropPayload("PLOTLINE_CARD", &card.deliverable, sizeof(Id));
                ImGui::Text("%s \u2192 %s", card.name.c_str(), b.columns[c + 1].c_str());
                ImGui::EndDragDropSource();
            }
            dl->AddRectFilled(at, ImVec2(at.x + w, at.y + h), hovered ? theme::kCardHover : theme::kCard, fs * 0.3f);
            dl->AddRect(at, ImVec2(at.x + w, at.y + h), card.late ? theme::kError : theme::kGridLine, fs * 0.3f, 0, card.late ? 2.0f : 1.0f);
            dl->AddText(ImVec2(at.x + fs * 0.4f, at.y + fs * 0.25f), theme::kBarText, card.name.c_str());
            std::string line;
            if (card.published) line = fmt(tr("published {0}"), formatDate(*card.published));
            else {
                for (const std::string& who : card.holders) line += (line.empty() ? "" : ", ") + who;
                if (line.empty()) line = tr("nobody");
                line += " \u00B7 " + (card.started ? trn("{n} day", "{n} days", card.days) : std::string(tr("not started")));
                if (card.late) line += std::string(" \u00B7 ") + tr("late");
            }
            dl->AddText(ImVec2(at.x + fs * 0.4f, at.y + fs * 1.3f), card.late ? theme::kError : theme::kMuted, line.c_str());
            if (card.due) dl->AddText(ImVec2(at.x + fs * 0.4f, at.y + fs * 2.25f), theme::kMuted, (fmt(tr("due {0}"), card.due->str())).c_str());
            ImGui::Dummy(ImVec2(w, fs * 0.3f));
            ImGui::PopID();
        }
        ImGui::EndChild();
        tagRect("board.column." + std::to_string(c), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), b.columns[c]);
        // A card dropped on the column after its own completes its stage; anywhere else, it says how.
        if (ImGui::BeginDragDropTarget()) {
            if (const ImGuiPayload* pl = ImGui::AcceptDragDropPayload("PLOTLINE_CARD")) {
                Id id;
                std::memcpy(&id, pl->Data, sizeof(Id));
                int from = -1;
                for (size_t k = 0; k < n; ++k)
                    for (const PipelineCard& x : b.cards[k])
                        if (x.deliverable == id) from = int(k);
                if (from >= 0 && size_t(from) + 1 == c) advance(id, today);
                else if (from >= 0 && size_t(from) != c)
                    flash_(fmt(tr("A card moves one stage at a time: drop it on {0} when {1} is done."), b.columns[size_t(from) + 1], b.columns[size_t(from)]));
            }
            ImGui::EndDragDropTarget();
        }
        ImGui::PopID();
    }
    addDialog(today);
    briefWindow();
}

void BoardView::addDialog(Date today) {
    if (!addOpen_) return;
    if (!beginToolWindow(tr("Add deliverables"), &addOpen_, false, 24)) { ImGui::End(); return; }
    const float fs = ImGui::GetFontSize();
    ImGui::TextWrapped(tr("Each gets its stages from the pipeline, linked in order and held by their roles."));
    ImGui::SetNextItemWidth(fs * 6);
    ImGui::InputInt(tr("How many"), &addCount_);
    tagItem("board.add.count");
    ImGui::SetNextItemWidth(fs * 10);
    ImGui::InputText(tr("Kind"), &addKind_, ImGuiInputTextFlags_CallbackEdit, keepWithin, const_cast<size_t*>(&kMaxLineText));
    ImGui::SetNextItemWidth(fs * 8);
    ImGui::InputTextWithHint(tr("First starts"), dateHint().c_str(), &addFrom_);
    ImGui::SetNextItemWidth(fs * 6);
    ImGui::InputInt(tr("Then one every (working days)"), &addEvery_);
    showError(error_);
    if (ImGui::Button(tr("Add"))) {
        const auto from = readDate(addFrom_);
        std::string why;
        if (!from) error_ = fmt(tr("\u201c{0}\u201d is not a date: use {1}."), addFrom_, dateHint());
        else if (CommandPtr c = addDeliverables(doc_.project(), {addCount_, addKind_.empty() ? tr("Article") : addKind_, *from, std::max(0, addEvery_)}, why)) {
            doc_.execute(std::move(c));
            addOpen_ = false;
        } else error_ = why;
    }
    tagItem("board.add.ok");
    (void)today;
    ImGui::End();
}

void BoardView::briefWindow() {
    if (brief_.isNull()) return;
    bool open = true;
    const std::string title = tr("Brief###brief");
    if (!beginToolWindow(title.c_str(), &open, false, 28)) { ImGui::End(); if (!open) brief_ = Id{}; return; }
    const float fs = ImGui::GetFontSize();
    ImGui::TextUnformatted(doc_.project().tasks[size_t(std::max(0, doc_.project().taskIndex(editing_.task)))].name.c_str());
    auto field = [&](const char* label, std::string& text, const char* tag, bool longText) {
        ImGui::SetNextItemWidth(fs * 18);
        size_t* limit = const_cast<size_t*>(longText ? &kMaxLongText : &kMaxLineText);
        ImGui::InputText(label, &text, ImGuiInputTextFlags_CallbackEdit, keepWithin, limit);
        tagItem(tag);
    };
    field(tr("Goal"), editing_.goal, "brief.goal", true);
    field(tr("Audience"), editing_.audience, "brief.audience", true);
    field(tr("Search intent"), editing_.searchIntent, "brief.intent", false);
    field(tr("Customer contact"), editing_.contact, "brief.contact", false);
    field(tr("Target length (words)"), length_, "brief.length", false);
    field(tr("Due"), due_, "brief.due", false);
    showError(error_);
    if (ImGui::Button(tr("Save"))) {
        Deliverable d = editing_;
        d.due.reset();
        d.targetLength = 0;
        if (!due_.empty() && !(d.due = readDate(due_))) error_ = fmt(tr("\u201c{0}\u201d is not a date: use {1}."), due_, dateHint());
        else if (!length_.empty() && (std::strtol(length_.c_str(), nullptr, 10) <= 0 || length_.find_first_not_of("0123456789") != std::string::npos))
            error_ = tr("The target length is a number of words.");
        else {
            if (!length_.empty()) d.targetLength = int(std::min(1000000L, std::strtol(length_.c_str(), nullptr, 10)));
            if (CommandPtr c = putRecord(doc_.project(), d, fmt(tr("Edit the brief of {0}"), doc_.project().tasks[size_t(std::max(0, doc_.project().taskIndex(d.task)))].name)))
                doc_.execute(std::move(c));
            brief_ = Id{};
        }
    }
    tagItem("brief.save");
    ImGui::End();
    if (!open) brief_ = Id{};
}

std::string BoardView::json(Date today) const {
    const PipelineBoard b = pipelineBoard(doc_.project(), doc_.schedule(), today);
    nlohmann::json cols = nlohmann::json::array();
    for (size_t c = 0; c < b.columns.size(); ++c) {
        nlohmann::json cards = nlohmann::json::array();
        for (const PipelineCard& x : b.cards[c]) cards.push_back({{"name", x.name}, {"holders", x.holders}, {"days", x.days}, {"late", x.late}});
        cols.push_back({{"name", b.columns[c]}, {"cards", cards}});
    }
    return cols.dump();
}

} // namespace plotline
