#include "portfolio_view.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"
#include "cells.hpp"

#include "budget_style.hpp"
#include "core/binary_io.hpp"
#include "core/json_io.hpp"
#include "core/resource_load.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace plotline {

// ---- the figures ----

void PortfolioView::compute(Entry& e, const Project& p, const Schedule& s, Date today) {
    e.today = today;
    e.row = portfolioRow(p, s, today);
    e.week = thisWeek(p, s, today);
    e.booked = s.ok() && s.tasks.size() == p.tasks.size() ? bookings(p, resourceLoad(p, s)) : std::vector<Booking>{};
    e.people.clear();
    for (const Resource& r : p.resources)
        if (!personKey(r.email).empty()) e.people.emplace_back(r.name, personKey(r.email));
    ++generation_;
}

void PortfolioView::refresh(Date today) {
    if (today != today_) today_ = today; // a new day: every row is judged again as its versions are re-read
    const std::string open = openId_();
    std::vector<Entry> kept;
    for (const ProjectEntry& pe : library_.projects()) {
        if (pe.trashed) continue;
        auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.id == pe.id; });
        kept.push_back(it != entries_.end() ? std::move(*it) : Entry{});
        kept.back().id = pe.id;
    }
    if (kept.size() != entries_.size()) ++generation_;
    entries_ = std::move(kept);
    for (Entry& e : entries_) {
        if (e.id == open || e.loading) continue;
        const ProjectEntry* pe = library_.find(e.id);
        if (!pe || (e.version == pe->version && e.today == today)) continue;
        e.loading = true;
        ++pending_;
        const std::string id = e.id;
        const uint64_t version = pe->version;
        library_.readNewest(id, [this, id, version, today](Result<std::string> body) {
            --pending_;
            auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& x) { return x.id == id; });
            if (it == entries_.end()) return;
            it->loading = false;
            it->version = version;
            it->today = today;
            Result<Project> p = body ? readProjectBody(*body) : Result<Project>(fail(body.error()));
            if (!p) {
                it->error = p.error();
                it->row = PortfolioRow{};
                it->row.name = library_.find(id) ? library_.find(id)->name : id;
                it->row.rag = Rag::Red;
                it->booked.clear();
                it->week = ThisWeek{};
                ++generation_;
                return;
            }
            it->error.clear();
            compute(*it, *p, schedule(*p), today);
        });
    }
}

void PortfolioView::updateOpen(Date today) {
    const std::string open = openId_();
    for (Entry& e : entries_) {
        if (e.id != open) continue;
        if (e.revision == doc_.revision() && e.today == today && e.version == 0) return;
        e.revision = doc_.revision();
        e.version = 0;
        e.loading = false;
        e.error.clear();
        compute(e, doc_.project(), doc_.schedule(), today);
        return;
    }
}

std::vector<const std::vector<Booking>*> PortfolioView::otherBookings() const {
    std::vector<const std::vector<Booking>*> out;
    const std::string open = openId_();
    for (const Entry& e : entries_)
        if (e.id != open && !e.loading && !e.booked.empty()) out.push_back(&e.booked);
    return out;
}

std::vector<std::pair<std::string, std::string>> PortfolioView::knownPeople() const {
    std::vector<std::pair<std::string, std::string>> out;
    std::set<std::string> seen;
    const std::string open = openId_();
    for (const Entry& e : entries_)
        if (e.id != open)
            for (const auto& p : e.people)
                if (seen.insert(p.second).second) out.push_back(p);
    std::sort(out.begin(), out.end());
    return out;
}

void PortfolioView::combine(Date today) {
    if (combined_ == generation_) return;
    combined_ = generation_;
    std::vector<const ThisWeek*> weeks;
    std::vector<const std::vector<Booking>*> plans;
    // The open project first: its people's names are the ones shown.
    const std::string open = openId_();
    std::vector<const Entry*> order;
    for (const Entry& e : entries_)
        if (e.id == open) order.insert(order.begin(), &e);
        else order.push_back(&e);
    for (const Entry* e : order) {
        if (e->loading || !e->error.empty() || e->row.name.empty()) continue;
        weeks.push_back(&e->week);
        plans.push_back(&e->booked);
    }
    week_ = weeks.empty() ? thisWeek(std::vector<const Project*>{}, {}, today) : combineWeeks(weeks);
    cross_ = crossLoad(plans);
}

std::vector<const PortfolioView::Entry*> PortfolioView::shown() const {
    std::vector<const Entry*> out;
    for (const Entry& e : entries_) {
        if (e.row.name.empty()) continue; // not read yet
        if (status_ == 1 && e.row.rag != Rag::Red) continue;
        if (status_ == 2 && e.row.rag != Rag::Amber) continue;
        if (status_ == 3 && e.row.rag != Rag::Green) continue;
        if (!client_.empty() && e.row.client != client_) continue;
        if (!producer_.empty() && e.row.producer != producer_) continue;
        out.push_back(&e);
    }
    std::stable_sort(out.begin(), out.end(), [this](const Entry* a, const Entry* b) {
        const PortfolioRow &x = a->row, &y = b->row;
        if (sort_ == 2) return x.name < y.name;
        if (sort_ == 1) return x.scheduled != y.scheduled ? x.scheduled : x.finish < y.finish;
        if (x.rag != y.rag) return int(x.rag) > int(y.rag);
        return x.scheduled != y.scheduled ? !x.scheduled : x.finish < y.finish;
    });
    return out;
}

// ---- drawing ----

namespace {

void badge(ImDrawList* dl, ImVec2 at, Rag rag, float fs) {
    const char* text = tr(ragName(rag));
    const ImVec2 size(ImGui::CalcTextSize(text).x + fs * 0.9f, fs * 1.25f);
    dl->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), budget_ui::ragColour(rag), fs * 0.6f);
    dl->AddText(ImVec2(at.x + fs * 0.45f, at.y + fs * 0.12f), theme::kOnAccent, text);
}

// A combo over "All" and the distinct values ("" is all), tagged `tag`, its items `tag`.all, `tag`.0 …
void choose(const char* label, const char* id, const std::string& tag, std::string& value, const std::set<std::string>& values, float width) {
    const std::string preview = value.empty() ? std::string(tr("All")) : value;
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo(id, preview.c_str());
    tagText(tag, preview);
    if (!open) return;
    if (ImGui::Selectable(tr("All"), value.empty())) value.clear();
    tagItem(tag + ".all");
    int k = 0;
    for (const std::string& v : values) {
        if (ImGui::Selectable(v.c_str(), v == value)) value = v;
        tagItem(tag + "." + std::to_string(k++));
    }
    ImGui::EndCombo();
}

// Month names over [first, last] drawn from x0 across width, at the cursor; moves the cursor below.
void monthScale(Date first, Date last, float x0, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fs = ImGui::GetFontSize();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float pxDay = width / float(last - first + 1);
    auto xOf = [&](Date d) { return x0 + float(d - first) * pxDay; };
    int fy = 0, fm = 0, fd = 0;
    first.toYmd(fy, fm, fd);
    for (Date m = Date::fromYmd(fy, fm, 1); m <= last;) {
        int y = 0, mo = 0, dd = 0;
        m.toYmd(y, mo, dd);
        const Date next = mo == 12 ? Date::fromYmd(y + 1, 1, 1) : Date::fromYmd(y, mo + 1, 1);
        const float a = std::max(x0, xOf(m)), b = std::min(x0 + width, xOf(next));
        if (b - a > fs * 2.5f) {
            char label[32];
            std::snprintf(label, sizeof label, "%s %d", monthShortIn(mo), y);
            dl->AddText(ImVec2(a + 3, top.y), theme::kScaleText, label);
        }
        if (m >= first) dl->AddLine(ImVec2(xOf(m), top.y), ImVec2(xOf(m), top.y + fs * 1.3f), theme::kGridLine);
        m = next;
    }
    ImGui::Dummy(ImVec2(x0 + width - top.x, fs * 1.4f));
}

std::string pct(float v) {
    char b[24];
    std::snprintf(b, sizeof b, "%.0f%%", double(v));
    return b;
}

} // namespace

void PortfolioView::filters() {
    const float fs = ImGui::GetFontSize();
    std::set<std::string> clients, producers;
    for (const Entry& e : entries_) {
        if (!e.row.client.empty()) clients.insert(e.row.client);
        if (!e.row.producer.empty()) producers.insert(e.row.producer);
    }
    if (!client_.empty() && !clients.count(client_)) client_.clear();
    if (!producer_.empty() && !producers.count(producer_)) producer_.clear();
    ImGui::TextUnformatted(tr("Status"));
    ImGui::SameLine();
    // A combo as wide as its longest choice (they are longer in some languages).
    auto comboWidth = [&](const char* const* items, int n) {
        float w = fs * 6;
        for (int i = 0; i < n; ++i) w = std::max(w, ImGui::CalcTextSize(items[i]).x + ImGui::GetFrameHeight() + fs * 0.8f);
        return w;
    };
    const char* const statusItems[] = {tr("All"), tr("Red"), tr("Amber"), tr("Green")};
    ImGui::SetNextItemWidth(comboWidth(statusItems, 4));
    ImGui::Combo("##pfStatus", &status_, statusItems, 4);
    tagItem("portfolio.status");
    ImGui::SameLine(0, fs);
    choose(tr("Client"), "##pfClient", "portfolio.client", client_, clients, fs * 10);
    ImGui::SameLine(0, fs);
    choose(tr("Producer"), "##pfProducer", "portfolio.producer", producer_, producers, fs * 10);
    ImGui::SameLine(0, fs);
    ImGui::TextUnformatted(tr("Sort by"));
    ImGui::SameLine();
    const char* const sortItems[] = {tr("Status"), tr("Finish"), tr("Name")};
    ImGui::SetNextItemWidth(comboWidth(sortItems, 3));
    ImGui::Combo("##pfSort", &sort_, sortItems, 3);
    tagItem("portfolio.sort");
    if (pending_ > 0) {
        ImGui::SameLine(0, fs);
        ImGui::TextDisabled("%s", trn("Reading {n} project…", "Reading {n} projects…", pending_).c_str());
    }
}

void PortfolioView::draw(Date today) {
    refresh(today);
    updateOpen(today);
    combine(today);
    const float fs = ImGui::GetFontSize();
    ImGui::SetCursorPosX(fs * 0.6f);
    ImGui::BeginGroup();
    filters();
    if (ImGui::BeginTabBar("##portfolioTabs")) {
        const char* names[] = {tr("Timeline"), tr("Table"), tr("This week"), tr("People")};
        const char* tags[] = {"portfolio.tab.timeline", "portfolio.tab.table", "portfolio.tab.week", "portfolio.tab.people"};
        for (int t = 0; t < 4; ++t) {
            const ImGuiTabItemFlags flags = wantTab_ == t ? ImGuiTabItemFlags_SetSelected : 0;
            const bool on = ImGui::BeginTabItem(names[t], nullptr, flags);
            tagItem(tags[t]);
            if (!on) continue;
            tab_ = Tab(t);
            ImGui::EndTabItem();
        }
        wantTab_ = -1;
        ImGui::EndTabBar();
    }
    ImGui::EndGroup();
    ImGui::BeginChild("##portfolioBody", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::SetCursorPosX(fs * 0.6f);
    ImGui::BeginGroup();
    switch (tab_) {
    case Tab::Timeline: timeline(today); break;
    case Tab::Table: table(); break;
    case Tab::Week: week(); break;
    case Tab::People: people(today); break;
    }
    ImGui::EndGroup();
    ImGui::EndChild();
}

void PortfolioView::timeline(Date today) {
    const std::vector<const Entry*> rows = shown();
    const float fs = ImGui::GetFontSize();
    if (rows.empty()) {
        ImGui::TextDisabled(entries_.empty() || pending_ ? tr("Reading your projects…") : tr("No project matches the filters."));
        return;
    }
    // The span of every project shown, a little margin each side, fitted to the width.
    Date first = today, last = today;
    for (const Entry* e : rows)
        if (e->row.scheduled) first = std::min(first, e->row.start), last = std::max(last, e->row.finish);
    first = first - 3;
    last = last + 3;
    const float nameW = fs * 22, left = ImGui::GetCursorScreenPos().x, x0 = left + nameW;
    const float width = std::max(fs * 20, ImGui::GetContentRegionAvail().x - nameW - fs);
    const float pxDay = width / float(last - first + 1);
    auto xOf = [&](Date d) { return x0 + float(d - first) * pxDay; };
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rowH = std::floor(fs * 2.0f);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    monthScale(first, last, x0, width);
    for (size_t i = 0; i < rows.size(); ++i) {
        const Entry& e = *rows[i];
        const PortfolioRow& r = e.row;
        const std::string n = std::to_string(i);
        ImGui::PushID(e.id.c_str());
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (i % 2) dl->AddRectFilled(at, ImVec2(x0 + width, at.y + rowH), theme::kShade);
        const bool isOpen = std::find(expanded_.begin(), expanded_.end(), e.id) != expanded_.end();
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + (rowH - ImGui::GetFrameHeight()) * 0.5f));
        if (ImGui::ArrowButton("##expand", isOpen ? ImGuiDir_Down : ImGuiDir_Right)) {
            if (isOpen) expanded_.erase(std::find(expanded_.begin(), expanded_.end(), e.id));
            else expanded_.push_back(e.id);
        }
        tagItem("portfolio.row." + n + ".expand");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip(isOpen ? tr("Hide its milestones") : tr("Show its milestones"));
        ImGui::SameLine();
        badge(dl, ImVec2(ImGui::GetCursorScreenPos().x, at.y + (rowH - fs * 1.25f) * 0.5f), r.rag, fs);
        tagRect("portfolio.row." + n + ".status", ImGui::GetCursorScreenPos(), ImVec2(ImGui::GetCursorScreenPos().x + fs * 4, at.y + rowH),
                ragName(r.rag));
        ImGui::SetCursorScreenPos(ImVec2(at.x + ImGui::GetFrameHeight() + fs * 4.6f, at.y + (rowH - fs) * 0.5f - 1));
        const std::string label = e.id == openId_() ? fmt(tr("{0}  (open)"), r.name) : r.name;
        ImGui::PushClipRect(ImVec2(at.x, at.y), ImVec2(x0 - fs * 0.5f, at.y + rowH), true);
        const float nameW = x0 - fs * 0.5f - ImGui::GetCursorScreenPos().x;
        if (ImGui::Selectable(fitWidth(label, nameW - ImGui::GetStyle().FramePadding.x).c_str(), false, 0, ImVec2(nameW, 0))) openProject_(e.id);
        ImGui::PopClipRect();
        tagText("portfolio.row." + n, r.name);
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(r.name.c_str());
            if (!r.client.empty() || !r.producer.empty())
                ImGui::TextDisabled("%s%s%s", r.client.c_str(), !r.client.empty() && !r.producer.empty() ? " · " : "", r.producer.c_str());
            if (!e.error.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), tr("Cannot be read: %s"), e.error.c_str());
            for (const std::string& why : r.reasons) ImGui::BulletText("%s", why.c_str());
            ImGui::TextDisabled(tr("Click to open it."));
            ImGui::EndTooltip();
        }
        // The bar: span, progress, milestones.
        if (r.scheduled) {
            const float a = xOf(r.start), b = std::max(a + 3, xOf(r.finish + 1));
            const float y0 = at.y + rowH * 0.25f, y1 = at.y + rowH * 0.75f;
            dl->AddRectFilled(ImVec2(a, y0), ImVec2(b, y1), theme::kBar, 3);
            dl->AddRectFilled(ImVec2(a, y0), ImVec2(a + (b - a) * float(r.percentComplete) / 100.0f, y1), theme::kBarProgress, 3);
            tagRect("portfolio.row." + n + ".bar", ImVec2(a, y0), ImVec2(b, y1), r.start.str() + " " + r.finish.str());
            char done[48];
            std::snprintf(done, sizeof done, "%d%%", r.percentComplete);
            dl->AddText(ImVec2(b + 4, at.y + (rowH - fs) * 0.5f), theme::kMuted, done);
            for (const PortfolioMilestone& m : r.milestones) {
                const float mx = xOf(m.date + 1), my = (y0 + y1) * 0.5f, h = (y1 - y0) * 0.7f;
                const ImU32 c = m.done ? theme::kMuted : m.date < r.statusDate ? theme::kError : theme::kMilestone;
                dl->AddQuadFilled(ImVec2(mx, my - h), ImVec2(mx + h, my), ImVec2(mx, my + h), ImVec2(mx - h, my), c);
            }
            if (ImGui::IsMouseHoveringRect(ImVec2(a, at.y), ImVec2(b, at.y + rowH)) && ImGui::IsWindowHovered()) {
                ImGui::BeginTooltip();
                ImGui::TextUnformatted(fmt(tr("{0}: {1} … {2}, {3} done"), r.name, formatDate(r.start), formatDate(r.finish), formatPercent(r.percentComplete)).c_str());
                if (r.nextMilestone)
                    ImGui::TextUnformatted(fmt(r.nextMilestone->late ? tr("Next milestone: {0} on {1} (late)") : tr("Next milestone: {0} on {1}"),
                                               r.nextMilestone->name, formatDate(r.nextMilestone->date)).c_str());
                ImGui::EndTooltip();
            }
        } else {
            dl->AddText(ImVec2(x0 + 4, at.y + (rowH - fs) * 0.5f), theme::kError, e.error.empty() ? r.error.c_str() : e.error.c_str());
        }
        ImGui::SetCursorScreenPos(at);
        ImGui::Dummy(ImVec2(nameW + width, rowH));
        if (isOpen) {
            if (r.milestones.empty()) {
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + fs * 2);
                ImGui::TextDisabled(tr("No milestones."));
            }
            for (size_t k = 0; k < r.milestones.size(); ++k) {
                const PortfolioMilestone& m = r.milestones[k];
                const ImVec2 mt = ImGui::GetCursorScreenPos();
                const bool late = !m.done && m.date < r.statusDate;
                dl->AddText(ImVec2(mt.x + fs * 2, mt.y + 2), late ? theme::kError : m.done ? theme::kMuted : theme::kBarText,
                            (m.name + "  " + formatDayMonth(m.date) + (m.done ? "  " + std::string(tr("done")) : late ? "  " + std::string(tr("late")) : "")).c_str());
                const float mx = xOf(m.date + 1), my = mt.y + fs * 0.6f, h = fs * 0.45f;
                dl->AddQuadFilled(ImVec2(mx, my - h), ImVec2(mx + h, my), ImVec2(mx, my + h), ImVec2(mx - h, my),
                                  m.done ? theme::kMuted : late ? theme::kError : theme::kMilestone);
                tagRect("portfolio.row." + n + ".milestone." + std::to_string(k), ImVec2(mt.x, mt.y), ImVec2(x0 + width, mt.y + fs * 1.3f), m.name);
                ImGui::Dummy(ImVec2(nameW + width, fs * 1.3f));
            }
        }
        ImGui::PopID();
    }
    // Today, over every row.
    if (today >= first && today <= last) {
        const float tx = xOf(today) + pxDay * 0.5f;
        dl->AddLine(ImVec2(tx, top.y), ImVec2(tx, ImGui::GetCursorScreenPos().y), theme::kToday, 1.5f);
    }
}

void PortfolioView::table() {
    const std::vector<const Entry*> rows = shown();
    const float fs = ImGui::GetFontSize();
    if (!ImGui::BeginTable("##portfolioTable", 9, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit))
        return;
    ImGui::TableSetupColumn(tr("Project"), ImGuiTableColumnFlags_WidthFixed, fs * 16);
    ImGui::TableSetupColumn(tr("Status"), ImGuiTableColumnFlags_WidthFixed, std::max(fs * 4.5f, ImGui::CalcTextSize(tr("Status")).x + fs * 0.6f));
    ImGui::TableSetupColumn(tr("Client"), ImGuiTableColumnFlags_WidthFixed, fs * 8);
    ImGui::TableSetupColumn(tr("Producer"), ImGuiTableColumnFlags_WidthFixed, fs * 7);
    ImGui::TableSetupColumn(tr("Start"));
    ImGui::TableSetupColumn(tr("Finish"));
    ImGui::TableSetupColumn(tr("Done"));
    ImGui::TableSetupColumn(tr("Next milestone"), ImGuiTableColumnFlags_WidthFixed, fs * 14);
    ImGui::TableSetupColumn(tr("Why not green"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < rows.size(); ++i) {
        const Entry& e = *rows[i];
        const PortfolioRow& r = e.row;
        const std::string n = std::to_string(i);
        ImGui::PushID(int(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Selectable(r.name.c_str())) openProject_(e.id);
        tagText("portfolio.table." + n, r.name);
        ImGui::TableNextColumn();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(budget_ui::ragTextColour(r.rag)), "%s", tr(ragName(r.rag)));
        tagText("portfolio.table." + n + ".status", ragName(r.rag));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.client.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.producer.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.scheduled ? formatDate(r.start).c_str() : "—");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.scheduled ? formatDate(r.finish).c_str() : "—");
        ImGui::TableNextColumn();
        ImGui::Text("%d%%", r.percentComplete);
        ImGui::TableNextColumn();
        if (r.nextMilestone)
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(r.nextMilestone->late ? theme::kError : theme::kBarText), "%s %s",
                               r.nextMilestone->name.c_str(), formatDate(r.nextMilestone->date).c_str());
        else ImGui::TextDisabled("—");
        ImGui::TableNextColumn();
        std::string why;
        for (const std::string& w : r.reasons) why += (why.empty() ? "" : "; ") + w;
        if (!e.error.empty()) why = fmt(tr("Cannot be read: {0}"), e.error);
        ImGui::TextWrapped("%s", why.c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void PortfolioView::week() {
    const ThisWeek& w = week_;
    const float fs = ImGui::GetFontSize();
    ImGui::TextUnformatted(fmt(tr("Week of {0} to {1}, over {2}"), formatDate(w.from), formatDate(w.to), trn("{n} project", "{n} projects", int64_t(entries_.size()))).c_str());
    auto list = [&](const char* title, const char* tag, const std::vector<WeekTask>& tasks, bool byStart) {
        ImGui::Spacing();
        ImGui::TextUnformatted(title);
        tagText(tag, std::to_string(tasks.size()));
        if (tasks.empty()) {
            ImGui::TextDisabled(tr("Nothing."));
            return;
        }
        if (!ImGui::BeginTable(tag, 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) return;
        ImGui::TableSetupColumn(tr("Project"), ImGuiTableColumnFlags_WidthFixed, fs * 14);
        ImGui::TableSetupColumn(tr("Task"), ImGuiTableColumnFlags_WidthFixed, fs * 16);
        ImGui::TableSetupColumn(byStart ? tr("Starts") : tr("Due"), ImGuiTableColumnFlags_WidthFixed, fs * 10);
        ImGui::TableSetupColumn(tr("Who"), ImGuiTableColumnFlags_WidthFixed, fs * 12);
        ImGui::TableSetupColumn(tr("Waiting on it"), ImGuiTableColumnFlags_WidthFixed, fs * 6);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < tasks.size(); ++i) {
            const WeekTask& t = tasks[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(t.projectName.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(t.name.c_str());
            tagText(std::string(tag) + "." + std::to_string(i), t.projectName + " / " + t.name);
            ImGui::TableNextColumn();
            const bool late = !byStart && t.finish < w.today;
            std::string when = formatDate(byStart ? t.start : t.finish);
            if (late) when += " (" + trn("{n} day late", "{n} days late", w.today - t.finish) + ")";
            if (late) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), "%s", when.c_str());
            else ImGui::TextUnformatted(when.c_str());
            ImGui::TableNextColumn();
            std::string who;
            for (const std::string& p : t.people) who += (who.empty() ? "" : ", ") + p;
            ImGui::TextUnformatted(who.empty() ? "—" : who.c_str());
            ImGui::TableNextColumn();
            if (t.waiting) ImGui::Text("%d", t.waiting);
        }
        ImGui::EndTable();
    };
    list(tr("Late"), "portfolio.week.late", w.late, false);
    list(tr("Due this week"), "portfolio.week.due", w.due, false);
    list(tr("Starting this week"), "portfolio.week.starting", w.starting, true);
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("Holding others up"));
    if (w.holding.empty()) ImGui::TextDisabled(tr("Nobody: no late or due task has work waiting on it."));
    for (size_t i = 0; i < w.holding.size(); ++i) {
        const HoldingUp& h = w.holding[i];
        std::string line = h.name + ": " + trn("{n} task waits on", "{n} tasks wait on", h.waiting) + " ";
        for (size_t k = 0; k < h.tasks.size(); ++k)
            line += (k ? ", " : "") + h.tasks[k].name + " (" + h.tasks[k].projectName + (h.tasks[k].finish < w.today ? tr(", late)") : ")");
        ImGui::BulletText("%s", line.c_str());
        tagText("portfolio.week.holding." + std::to_string(i), line);
    }
}

void PortfolioView::people(Date today) {
    const float fs = ImGui::GetFontSize();
    ImGui::TextWrapped(tr("People with an email in their projects' Resources, booked over every project. Orange: more than a full day "
                       "when the projects are added up. Hover a day for each project's share."));
    if (cross_.people.empty()) {
        ImGui::TextDisabled(tr("Nobody yet: give people an email in Project > Resources to see their load across projects."));
        return;
    }
    // The span of every booking, and today: the same days for everyone, under a month scale.
    Date first = today, last = today;
    for (const PersonLoad& p : cross_.people) first = std::min(first, p.first), last = std::max(last, p.first + int(p.total.size()) - 1);
    if (today - 28 <= last) first = std::max(first, today - 28); // from four weeks back, while there is work ahead
    first = first - 2;
    last = std::max(last + 2, first + 27); // at least four weeks wide, so a day is not a block
    const float nameW = fs * 16, left = ImGui::GetCursorScreenPos().x, x0 = left + nameW;
    const float width = std::max(fs * 20, ImGui::GetContentRegionAvail().x - nameW - fs);
    const float pxDay = width / float(last - first + 1);
    const float rowH = std::floor(fs * 2.4f), full = rowH * 0.55f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    monthScale(first, last, x0, width);
    for (size_t i = 0; i < cross_.people.size(); ++i) {
        const PersonLoad& p = cross_.people[i];
        const std::string n = std::to_string(i);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const bool over = p.overAllocated();
        const std::string label = p.name + " (" + trn("{n} project", "{n} projects", int64_t(p.parts.size())) + ")";
        dl->AddText(ImVec2(at.x, at.y + 2), over ? theme::kError : theme::kBarText, label.c_str());
        dl->AddText(ImVec2(at.x, at.y + fs + 4), theme::kMuted, (p.person + (over ? "  " + fmt(tr("peak {0}"), pct(p.peak)) : "")).c_str());
        tagRect("portfolio.person." + n, at, ImVec2(x0 + width, at.y + rowH), p.name);
        const float base = at.y + rowH - 3;
        dl->AddLine(ImVec2(x0, base - full), ImVec2(x0 + width, base - full), theme::kGridLine);
        dl->AddLine(ImVec2(x0, base), ImVec2(x0 + width, base), theme::kGridLine);
        bool taggedOver = false;
        for (Date d = first; d <= last; d = d + 1) {
            const float v = p.on(d);
            if (v <= 0) continue;
            const float a = x0 + float(d - first) * pxDay, b = std::max(a + 1, a + pxDay - (pxDay > 4 ? 1 : 0));
            if (a > x0 + width) break;
            const float h = std::min(v, 200.0f) / 100.0f * full;
            const bool hot = v > PersonLoad::kOverAllocated;
            dl->AddRectFilled(ImVec2(a, base - h), ImVec2(b, base), hot ? theme::kOverload : theme::kLoad);
            if (hot && !taggedOver) {
                tagRect("portfolio.person." + n + ".over", ImVec2(a, base - h), ImVec2(b, base), d.str());
                taggedOver = true;
            }
            if (ImGui::IsMouseHoveringRect(ImVec2(a, at.y), ImVec2(b, at.y + rowH)) && ImGui::IsWindowHovered()) {
                std::string text = fmt(tr("{0} on {1}: {2} of a day"), p.name, formatDate(d), pct(v));
                ImGui::BeginTooltip();
                ImGui::TextUnformatted(text.c_str());
                for (const Booking* part : p.parts)
                    if (part->on(d) > 0) {
                        ImGui::BulletText("%s: %s", part->projectName.c_str(), pct(part->on(d)).c_str());
                        text += "\n" + part->projectName + ": " + pct(part->on(d));
                    }
                if (hot) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme::kError), tr("Over-allocated across projects"));
                ImGui::EndTooltip();
                tagRect("tooltip", ImVec2(a, at.y), ImVec2(b, at.y + rowH), text);
            }
        }
        const float tx = x0 + float(today - first) * pxDay;
        if (today >= first && today <= last) dl->AddLine(ImVec2(tx, at.y), ImVec2(tx, at.y + rowH), theme::kToday);
        ImGui::Dummy(ImVec2(nameW + width, rowH));
    }
}

std::string PortfolioView::json() const {
    nlohmann::json rows = nlohmann::json::array();
    for (const Entry* e : shown()) {
        const PortfolioRow& r = e->row;
        nlohmann::json j = {{"id", e->id}, {"name", r.name}, {"status", ragName(r.rag)}, {"percentComplete", r.percentComplete},
                            {"client", r.client}, {"producer", r.producer}, {"milestones", r.milestones.size()}, {"error", e->error}};
        if (r.scheduled) j["start"] = r.start.str(), j["finish"] = r.finish.str();
        if (r.nextMilestone) j["nextMilestone"] = r.nextMilestone->name;
        rows.push_back(std::move(j));
    }
    nlohmann::json people = nlohmann::json::array();
    for (const PersonLoad& p : cross_.people) {
        nlohmann::json parts = nlohmann::json::array();
        for (const Booking* b : p.parts) parts.push_back(b->projectName);
        people.push_back({{"name", p.name}, {"email", p.person}, {"peak", int(std::lround(p.peak))}, {"daysOver", p.daysOver()},
                          {"onlyAcross", p.overOnlyAcross()}, {"projects", parts}});
    }
    auto names = [](const std::vector<WeekTask>& ts) {
        nlohmann::json a = nlohmann::json::array();
        for (const WeekTask& t : ts) a.push_back(t.projectName + " / " + t.name);
        return a;
    };
    nlohmann::json holding = nlohmann::json::array();
    for (const HoldingUp& h : week_.holding) holding.push_back({{"name", h.name}, {"waiting", h.waiting}});
    return nlohmann::json{{"rows", rows},
                          // (still loading until the next frame has combined what the last read brought:
                          // the rows come from each project, the people and the week from the combination)
                          {"loading", pending_ + (combined_ != generation_ ? 1 : 0)},
                          {"tab", int(tab_)},
                          {"people", people},
                          {"week", {{"late", names(week_.late)}, {"due", names(week_.due)}, {"starting", names(week_.starting)}, {"holding", holding}}}}
        .dump();
}

} // namespace plotline
