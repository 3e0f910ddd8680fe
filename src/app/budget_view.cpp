#include "budget_view.hpp"

#include "cells.hpp"
#include "core/actuals_csv.hpp"
#include "core/csv.hpp"
#include "core/files.hpp"
#include "core/report.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace plotline {

namespace {

constexpr ImU32 kPv = IM_COL32(66, 110, 200, 255), kEv = IM_COL32(46, 139, 87, 255), kAc = IM_COL32(214, 96, 40, 255);
constexpr ImU32 kGood = IM_COL32(46, 139, 87, 255), kWarn = IM_COL32(190, 120, 0, 255), kBad = IM_COL32(192, 57, 43, 255);
constexpr ImU32 kCard = IM_COL32(246, 248, 251, 255), kCardEdge = IM_COL32(218, 223, 232, 255);

ImU32 ragColour(Rag r) { return r == Rag::Green ? kGood : r == Rag::Amber ? IM_COL32(212, 136, 6, 255) : kBad; }

// Colour of a performance index: green from 0.95, amber from 0.85, red below.
ImU32 indexColour(const std::optional<double>& v) {
    if (!v) return theme::kMuted;
    return *v >= 0.95 ? kGood : *v >= 0.85 ? kWarn : kBad;
}

// A table row's delete button: a small ×, with a tooltip.
bool deleteButton(const char* what) {
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    const bool hit = ImGui::SmallButton("×");
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this %s", what);
    return hit;
}

void sectionTitle(const char* text) {
    ImGui::Spacing();
    ImGui::TextUnformatted(text);
    ImGui::Separator();
}


} // namespace

BudgetView::BudgetView(Document& doc, Host& host, Notify notify, Flash flash, Action pickStatusDate)
    : doc_(doc), host_(host), notify_(std::move(notify)), flash_(std::move(flash)), pickStatusDate_(std::move(pickStatusDate)) {
    for (int c = 0; c < kCostCategories; ++c) categoryNames_.push_back(costCategoryLabel(CostCategory(c)));
}

const StatusReport& BudgetView::report(Date today) {
    const Date day = statusDate(today);
    if (statusRevision_ != doc_.revision() || statusFor_ != day) {
        report_ = statusReport(doc_.project(), doc_.schedule(), day);
        statusRevision_ = doc_.revision();
        statusFor_ = day;
    }
    return report_;
}

void BudgetView::run(CommandPtr c) {
    if (!c) return;
    if (doc_.readOnly()) { flash_("This project is read-only here: nothing was changed."); return; }
    if (drawing_) { pending_.push_back(std::move(c)); return; }
    if (doc_.execute(std::move(c))) error_.clear();
}

void BudgetView::runPending() {
    drawing_ = false;
    auto commands = std::move(pending_);
    pending_.clear();
    for (CommandPtr& c : commands) run(std::move(c));
}

void BudgetView::refreshNames() {
    if (namesRevision_ == doc_.revision()) return;
    namesRevision_ = doc_.revision();
    const Project& p = doc_.project();
    taskNames_.clear();
    for (const Task& t : p.tasks) taskNames_.push_back(t.name);
    resourceNames_.clear();
    for (const Resource& r : p.resources) resourceNames_.push_back(r.name);
    vendorNames_.clear();
    for (const Vendor& v : p.vendors) vendorNames_.push_back(v.name);
}

int BudgetView::taskPick(Id id) const { return id.isNull() ? -1 : doc_.project().taskIndex(id); }
int BudgetView::resourcePick(Id id) const { return id.isNull() ? -1 : doc_.project().resourceIndex(id); }
bool BudgetView::taskCell(Id current, Id& out) {
    int pick = 0;
    if (!pickCell("##task", taskNames_, taskPick(current), pick, "(no task)")) return false;
    out = pick < 0 ? Id() : doc_.project().tasks[size_t(pick)].id;
    return true;
}

bool BudgetView::vendorCell(Id current, Id& out) {
    int pick = 0;
    if (!pickCell("##vendor", vendorNames_, vendorPick(current), pick, "(none)")) return false;
    out = pick < 0 ? Id() : doc_.project().vendors[size_t(pick)].id;
    return true;
}

int BudgetView::vendorPick(Id id) const {
    const auto& vs = doc_.project().vendors;
    for (size_t i = 0; i < vs.size(); ++i)
        if (vs[i].id == id) return int(i);
    return -1;
}

void BudgetView::draw(Date today) {
    refreshNames();
    drawing_ = true;
    const float fs = ImGui::GetFontSize();
    ImGui::SetCursorPosX(fs * 0.6f);
    if (ImGui::BeginTabBar("##budgetTabs")) {
        static const char* names[kTabs] = {"Dashboard", "Budget", "Actuals", "Vendors", "Change requests", "Risks"};
        for (int t = 0; t < kTabs; ++t) {
            const bool select = requested_ == t;
            if (ImGui::BeginTabItem(names[t], nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) {
                tab_ = Tab(t);
                ImGui::EndTabItem();
            }
            tagItem(std::string("budget.tab.") + names[t]);
        }
        requested_ = -1;
        ImGui::EndTabBar();
    }
    ImGui::BeginChild("##budgetBody", ImVec2(0, 0), false, ImGuiWindowFlags_None);
    ImGui::SetCursorPos(ImVec2(fs * 0.6f, fs * 0.3f));
    ImGui::BeginGroup();
    if (!error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kError);
        ImGui::TextWrapped("%s", error_.c_str());
        ImGui::PopStyleColor();
        tagItem("budget.error");
    }
    // A read-only project (open in another tab, or from a newer Plotline) shows its tables greyed.
    const bool locked = doc_.readOnly() && tab_ != Dashboard;
    if (locked) ImGui::BeginDisabled();
    switch (tab_) {
        case Dashboard: dashboard(today); break;
        case Budget: budgetTab(today); break;
        case Actuals: actualsTab(today); break;
        case Vendors: vendorsTab(today); break;
        case Changes: changesTab(today); break;
        case Risks: risksTab(); break;
        default: break;
    }
    if (locked) ImGui::EndDisabled();
    ImGui::EndGroup();
    ImGui::EndChild();
    runPending();
}

// ---- Dashboard ----------------------------------------------------------------------------------

void BudgetView::dashboard(Date today) {
    const Project& p = doc_.project();
    const StatusReport& r = report(today);
    const BudgetStatus& b = r.budget;
    const float fs = ImGui::GetFontSize();
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // The overall status, as the report says it.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const char* rag = ragName(r.rag);
    const ImVec2 badge(ImGui::CalcTextSize(rag).x + fs * 1.2f, fs * 1.5f);
    dl->AddRectFilled(at, ImVec2(at.x + badge.x, at.y + badge.y), ragColour(r.rag), fs * 0.75f);
    dl->AddText(ImVec2(at.x + fs * 0.6f, at.y + fs * 0.25f), IM_COL32_WHITE, rag);
    ImGui::Dummy(badge);
    tagText("dashboard.rag", rag);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Status as of %s", statusDate(today).str().c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(p.statusDate ? "Change status date" : "Set status date")) pickStatusDate_();
    tagItem("dashboard.statusDate");
    ImGui::SameLine(0, fs * 1.5f);
    if (ImGui::Button("Status report…")) openReport();
    tagItem("dashboard.report");
    if (!r.reasons.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kMuted);
        std::string why = r.reasons[0];
        if (r.reasons.size() > 1) why += "  (+" + std::to_string(r.reasons.size() - 1) + " more: see the report)";
        ImGui::TextUnformatted(why.c_str());
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered() && r.reasons.size() > 1) {
            std::string all;
            for (const auto& x : r.reasons) all += "\u2022 " + x + "\n";
            ImGui::SetTooltip("%s", all.c_str());
        }
    } else ImGui::TextDisabled("On schedule and on budget; no high risks open.");
    ImGui::Spacing();

    cards(b);
    ImGui::Spacing();
    const float width = ImGui::GetContentRegionAvail().x - fs * 0.6f;
    const float height = std::clamp(ImGui::GetContentRegionAvail().y * 0.55f, fs * 12, fs * 20);
    sCurve(b, std::floor(width * 0.58f), height);
    ImGui::SameLine(0, fs);
    burnChart(b, std::floor(width * 0.42f - fs), height);
    ImGui::Spacing();
    categoryTable(b);
}

void BudgetView::cards(const BudgetStatus& b) {
    const Currency cur = currency(doc_.project().currency);
    const EvResult& ev = b.ev;
    auto money = [&](int64_t v) { return formatMoney(v, cur); };
    struct Card {
        const char* key;
        const char* label;
        std::string value, detail;
        ImU32 colour;
        const char* help;
    };
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const std::vector<Card> cards = {
        {"approved", "Approved budget", money(b.approved()), "base " + formatMoneyShort(b.base, cur) + " + contingency " + formatMoneyShort(b.contingency, cur), text,
         "Labour + budget lines (the base, BAC) + contingency. Approved change requests add their lines."},
        {"ac", "Spent to date (AC)", money(ev.ac),
         (b.approved() > 0 ? std::to_string(divRound(ev.ac * 100, b.approved())) + " % of the approved budget" : std::string()), text,
         "Cost entries and hours worked up to the status date."},
        {"eac", "Forecast cost (EAC)", ev.eac ? money(*ev.eac) : "—", ev.vac() ? "VAC " + money(*ev.vac()) : "needs earned value and actuals",
         !ev.eac ? theme::kMuted : *ev.eac > b.approved() ? kBad : *ev.eac > b.base ? kWarn : kGood,
         "BAC / CPI: where the cost lands if the cost performance so far continues. VAC = BAC - EAC."},
        {"cpi", "Cost performance (CPI)", formatRatio(ev.cpi()), "CV " + money(ev.cv()), indexColour(ev.cpi()),
         "EV / AC: value earned per unit spent. Below 1: over budget for the work done."},
        {"spi", "Schedule performance (SPI)", formatRatio(ev.spi()), "SV " + money(ev.sv()), indexColour(ev.spi()),
         "EV / PV: work done against work planned by now. Below 1: behind."},
        {"ev", "Earned value (EV)", money(ev.ev), "PV " + money(ev.pv), text, "Budget of the work done: each task's budget × its % complete."},
        {"complete", "Complete", std::to_string(b.percentComplete) + " %", "TCPI " + formatRatio(ev.tcpi()), text,
         "Duration-weighted % complete of the tasks. TCPI: the cost performance the rest of the work needs to finish on budget."},
        {"finish", "Forecast finish", b.forecastFinish.str(), "planned " + b.plannedFinish.str(),
         b.forecastFinish > b.plannedFinish ? kWarn : kGood, "The working time left at the schedule performance so far (SPI)."},
        {"burn", "Weekly burn", money(b.weeklyBurn), "average of the last 4 weeks", text, "Actual cost of the 4 weeks to the status date, divided by 4."},
        {"contingency", "Contingency left", money(b.contingencyLeft()), "of " + money(b.contingency), b.contingencyLeft() < 0 ? kBad : text,
         "Contingency minus its drawdowns (Budget tab)."},
    };
    const float fs = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x - fs * 0.6f;
    const int perRow = 5;
    const float gap = fs * 0.6f, w = std::floor((avail - gap * (perRow - 1)) / perRow), h = fs * 3.9f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    for (size_t i = 0; i < cards.size(); ++i) {
        const Card& c = cards[i];
        if (i % perRow) ImGui::SameLine(0, gap);
        const ImVec2 a = ImGui::GetCursorScreenPos(), z(a.x + w, a.y + h);
        dl->AddRectFilled(a, z, kCard, fs * 0.3f);
        dl->AddRect(a, z, kCardEdge, fs * 0.3f);
        dl->PushClipRect(a, z, true);
        dl->AddText(ImVec2(a.x + fs * 0.6f, a.y + fs * 0.35f), theme::kMuted, c.label);
        dl->AddText(font, fs * 1.45f, ImVec2(a.x + fs * 0.6f, a.y + fs * 1.3f), c.colour, c.value.c_str());
        dl->AddText(ImVec2(a.x + fs * 0.6f, a.y + fs * 2.75f), theme::kMuted, c.detail.c_str());
        dl->PopClipRect();
        ImGui::Dummy(ImVec2(w, h));
        tagText(std::string("dashboard.") + c.key, c.value);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.help);
    }
}

void BudgetView::sCurve(const BudgetStatus& b, float width, float height) {
    const Currency cur = currency(doc_.project().currency);
    const float fs = ImGui::GetFontSize();
    ImGui::BeginGroup();
    ImGui::TextUnformatted("Cumulative cost");
    for (auto [name, col] : {std::pair{"PV planned", kPv}, std::pair{"EV earned", kEv}, std::pair{"AC actual", kAc}, std::pair{"EAC forecast (dashed)", kAc}}) {
        ImGui::SameLine(0, fs * 1.2f);
        ImGui::PushStyleColor(ImGuiCol_Text, col);
        ImGui::TextUnformatted("\u2014");
        ImGui::PopStyleColor();
        ImGui::SameLine(0, fs * 0.3f);
        ImGui::TextUnformatted(name);
    }
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##scurve", ImVec2(std::max(width, fs * 10), std::max(height, fs * 8)));
    tagItem("dashboard.scurve");
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 z = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, z, IM_COL32_WHITE);
    dl->AddRect(a, z, kCardEdge);
    const size_t n = b.weeks.size();
    if (n < 2) {
        dl->AddText(ImVec2(a.x + fs, a.y + fs), theme::kMuted, "No weeks to show yet.");
        ImGui::EndGroup();
        return;
    }
    int64_t top = std::max(b.approved(), int64_t(1));
    for (const WeekPoint& w : b.weeks) top = std::max({top, w.pv, w.ac, w.ev.value_or(0)});
    if (b.ev.eac) top = std::max(top, *b.ev.eac);
    const float left = a.x + fs * 3.6f, right = z.x - fs * 0.8f, upper = a.y + fs * 0.8f, lower = z.y - fs * 1.6f;
    auto x = [&](size_t i) { return left + (right - left) * float(i) / float(n - 1); };
    auto y = [&](int64_t v) { return lower - (lower - upper) * float(double(v) / double(top)); };
    // Grid: four money levels, month labels.
    for (int k = 0; k <= 4; ++k) {
        const int64_t v = top * k / 4;
        dl->AddLine(ImVec2(left, y(v)), ImVec2(right, y(v)), theme::kGridLine);
        const std::string label = formatMoneyShort(v, cur);
        dl->AddText(ImVec2(left - ImGui::CalcTextSize(label.c_str()).x - fs * 0.3f, y(v) - fs * 0.5f), theme::kMuted, label.c_str());
    }
    int lastMonth = -1;
    float lastLabel = -1e9f;
    for (size_t i = 0; i < n; ++i) {
        int yy, mm, dd;
        (b.weeks[i].end - 6).toYmd(yy, mm, dd);
        if (mm == lastMonth) continue;
        lastMonth = mm;
        if (x(i) - lastLabel < fs * 2.5f) continue;
        lastLabel = x(i);
        dl->AddText(ImVec2(x(i), lower + fs * 0.2f), theme::kMuted, monthShortName(mm));
    }
    // Budget lines: BAC and the approved budget with contingency.
    dl->AddLine(ImVec2(left, y(b.base)), ImVec2(right, y(b.base)), IM_COL32(120, 120, 120, 200), 1.0f);
    const float labelX = right - ImGui::CalcTextSize("BAC + contingency").x - fs * 0.3f;
    dl->AddText(ImVec2(labelX, y(b.base) + fs * 0.1f), theme::kMuted, "BAC");
    if (b.contingency) {
        dl->AddLine(ImVec2(left, y(b.approved())), ImVec2(right, y(b.approved())), IM_COL32(150, 150, 150, 140), 1.0f);
        dl->AddText(ImVec2(labelX, y(b.approved()) - fs * 1.1f), theme::kMuted, "BAC + contingency");
    }
    // The status date.
    const size_t statusWeek = b.statusWeek;
    dl->AddLine(ImVec2(x(statusWeek), upper), ImVec2(x(statusWeek), lower), theme::kStatusLine, 1.5f);
    // PV everywhere; AC up to the status date; EV through the weeks it is known in.
    for (size_t i = 1; i < n; ++i) dl->AddLine(ImVec2(x(i - 1), y(b.weeks[i - 1].pv)), ImVec2(x(i), y(b.weeks[i].pv)), kPv, 2.0f);
    for (size_t i = 1; i <= statusWeek; ++i) dl->AddLine(ImVec2(x(i - 1), y(b.weeks[i - 1].ac)), ImVec2(x(i), y(b.weeks[i].ac)), kAc, 2.0f);
    std::optional<size_t> prev;
    for (size_t i = 0; i < n; ++i) {
        if (!b.weeks[i].ev) continue;
        const ImVec2 pt(x(i), y(*b.weeks[i].ev));
        if (prev) dl->AddLine(ImVec2(x(*prev), y(*b.weeks[*prev].ev)), pt, kEv, 2.0f);
        dl->AddCircleFilled(pt, 3.0f, kEv);
        prev = i;
    }
    // EAC: where AC heads.
    if (b.ev.eac && statusWeek + 1 < n) {
        const ImVec2 from(x(statusWeek), y(b.weeks[statusWeek].ac)), to(x(n - 1), y(*b.ev.eac));
        for (float t = 0; t < 1; t += 0.08f)
            dl->AddLine(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t),
                        ImVec2(from.x + (to.x - from.x) * (t + 0.04f), from.y + (to.y - from.y) * (t + 0.04f)), kAc, 1.5f);
    }
    if (hovered) {
        const float mx = ImGui::GetIO().MousePos.x;
        const size_t i = size_t(std::clamp(std::lround((mx - left) / (right - left) * float(n - 1)), 0L, long(n - 1)));
        dl->AddLine(ImVec2(x(i), upper), ImVec2(x(i), lower), IM_COL32(0, 0, 0, 60));
        const WeekPoint& w = b.weeks[i];
        std::string tip = "Week ending " + w.end.str() + "\nPV " + formatMoney(w.pv, cur);
        if (w.ev) tip += "\nEV " + formatMoney(*w.ev, cur);
        if (i <= statusWeek) tip += "\nAC " + formatMoney(w.ac, cur) + "\nSpent that week " + formatMoney(w.spent, cur);
        ImGui::SetTooltip("%s", tip.c_str());
        tagRect("dashboard.scurve.tip", ImVec2(x(i), upper), ImVec2(x(i) + 1, lower), tip);
    }
    ImGui::EndGroup();
}

void BudgetView::burnChart(const BudgetStatus& b, float width, float height) {
    const Currency cur = currency(doc_.project().currency);
    const float fs = ImGui::GetFontSize();
    ImGui::BeginGroup();
    ImGui::TextUnformatted("Budget left: actual vs planned; weekly spend");
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##burn", ImVec2(std::max(width, fs * 10), std::max(height, fs * 8)));
    tagItem("dashboard.burn");
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 z = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, z, IM_COL32_WHITE);
    dl->AddRect(a, z, kCardEdge);
    const size_t n = b.weeks.size();
    if (n < 2) { ImGui::EndGroup(); return; }
    const int64_t total = std::max<int64_t>(b.approved(), 1);
    int64_t maxSpent = 1;
    for (const WeekPoint& w : b.weeks) maxSpent = std::max(maxSpent, w.spent);
    const float left = a.x + fs * 3.6f, right = z.x - fs * 0.8f, upper = a.y + fs * 0.8f, lower = z.y - fs * 1.6f;
    const float step = (right - left) / float(n);
    auto x = [&](size_t i) { return left + step * (float(i) + 0.5f); };
    auto y = [&](int64_t v) { return lower - (lower - upper) * float(double(std::max<int64_t>(v, 0)) / double(total)); };
    for (int k = 0; k <= 4; ++k) {
        const int64_t v = total * k / 4;
        dl->AddLine(ImVec2(left, y(v)), ImVec2(right, y(v)), theme::kGridLine);
        const std::string label = formatMoneyShort(v, cur);
        dl->AddText(ImVec2(left - ImGui::CalcTextSize(label.c_str()).x - fs * 0.3f, y(v) - fs * 0.5f), theme::kMuted, label.c_str());
    }
    const size_t statusWeek = b.statusWeek;
    // Weekly spend as bars against their own scale (a quarter of the height at most).
    const float barTop = (lower - upper) * 0.3f;
    for (size_t i = 0; i <= statusWeek; ++i) {
        const float h = barTop * float(double(b.weeks[i].spent) / double(maxSpent));
        dl->AddRectFilled(ImVec2(x(i) - step * 0.35f, lower - h), ImVec2(x(i) + step * 0.35f, lower), IM_COL32(214, 96, 40, 90));
    }
    for (size_t i = 1; i < n; ++i)
        dl->AddLine(ImVec2(x(i - 1), y(total - b.weeks[i - 1].pv)), ImVec2(x(i), y(total - b.weeks[i].pv)), kPv, 2.0f);
    for (size_t i = 1; i <= statusWeek; ++i)
        dl->AddLine(ImVec2(x(i - 1), y(total - b.weeks[i - 1].ac)), ImVec2(x(i), y(total - b.weeks[i].ac)), kAc, 2.0f);
    dl->AddLine(ImVec2(x(statusWeek), upper), ImVec2(x(statusWeek), lower), theme::kStatusLine, 1.5f);
    float lx = right - fs * 12;
    for (auto [name, col] : {std::pair{"Planned", kPv}, std::pair{"Actual", kAc}}) {
        dl->AddLine(ImVec2(lx, upper + fs * 0.6f), ImVec2(lx + fs, upper + fs * 0.6f), col, 2.5f);
        dl->AddText(ImVec2(lx + fs * 1.2f, upper + fs * 0.05f), theme::kScaleText, name);
        lx += fs * 5.5f;
    }
    if (hovered) {
        const float mx = ImGui::GetIO().MousePos.x;
        const size_t i = size_t(std::clamp(long((mx - left) / step), 0L, long(n - 1)));
        const WeekPoint& w = b.weeks[i];
        std::string tip = "Week ending " + w.end.str() + "\nPlanned left " + formatMoney(total - w.pv, cur);
        if (i <= statusWeek) tip += "\nActually left " + formatMoney(total - w.ac, cur) + "\nSpent that week " + formatMoney(w.spent, cur);
        ImGui::SetTooltip("%s", tip.c_str());
        tagRect("dashboard.burn.tip", ImVec2(mx, upper), ImVec2(mx + 1, lower), tip);
    }
    ImGui::EndGroup();
}

void BudgetView::categoryTable(const BudgetStatus& b) {
    const Currency cur = currency(doc_.project().currency);
    ImGui::TextUnformatted("Budget against actual, by category");
    if (!ImGui::BeginTable("##categories", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter))
        return;
    ImGui::TableSetupColumn("Category");
    ImGui::TableSetupColumn("Budget");
    ImGui::TableSetupColumn("Actual");
    ImGui::TableSetupColumn("Variance");
    ImGui::TableSetupColumn("Spent");
    ImGui::TableHeadersRow();
    int64_t budget = 0, actual = 0;
    auto row = [&](const char* name, int64_t bud, int64_t act, const std::string& tag) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(name);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(formatMoney(bud, cur).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(formatMoney(act, cur).c_str());
        tagText("dashboard.category." + tag + ".actual", formatMoney(act, cur));
        ImGui::TableNextColumn();
        const int64_t var = bud - act;
        ImGui::PushStyleColor(ImGuiCol_Text, var < 0 ? kBad : ImGui::GetColorU32(ImGuiCol_Text));
        ImGui::TextUnformatted(formatMoney(var, cur).c_str());
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        // A bar: the share of the budget spent (red past 100 %).
        const ImVec2 p0 = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetTextLineHeight();
        const float share = bud > 0 ? float(std::min(double(act) / double(bud), 1.5)) : (act > 0 ? 1.5f : 0.0f);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), IM_COL32(230, 233, 240, 255));
        dl->AddRectFilled(p0, ImVec2(p0.x + w * std::min(share, 1.0f), p0.y + h), share > 1 ? kBad : kEv); // red: over budget
        ImGui::Dummy(ImVec2(w, h));
        if (ImGui::IsItemHovered() && bud > 0) ImGui::SetTooltip("%lld %% of the budget spent", static_cast<long long>(divRound(act * 100, bud)));
    };
    for (int c = 0; c < kCostCategories; ++c) {
        const int64_t bud = b.budgetByCategory[size_t(c)], act = b.actualByCategory[size_t(c)];
        if (bud == 0 && act == 0) continue;
        budget += bud;
        actual += act;
        row(costCategoryLabel(CostCategory(c)), bud, act, costCategoryName(CostCategory(c)));
    }
    row("Total", budget, actual, "total");
    ImGui::EndTable();
}

// ---- Budget -------------------------------------------------------------------------------------

void BudgetView::budgetTab(Date today) {
    const Project& p = doc_.project();
    const Currency cur = currency(p.currency);
    const BudgetStatus& b = status(today);
    const float fs = ImGui::GetFontSize();

    ImGui::Text("Base budget %s = labour %s + lines %s.   Contingency %s (%s left).   Approved budget %s.",
                formatMoney(b.base, cur).c_str(), formatMoney(b.labour, cur).c_str(), formatMoney(b.lines, cur).c_str(),
                formatMoney(b.contingency, cur).c_str(), formatMoney(b.contingencyLeft(), cur).c_str(), formatMoney(b.approved(), cur).c_str());
    tagText("budget.summary", formatMoney(b.approved(), cur));

    // Budget lines.
    sectionTitle("Budget lines: fixed costs of tasks, vendors' fees, media, software, travel");
    if (ImGui::Button("Add line")) {
        run(putRecord(p, BudgetLine{{}, "New line", CostCategory::Other, 0}, "Add budget line"));
    }
    tagItem("budget.lines.add");
    ImGui::SameLine();
    ImGui::TextDisabled("Paste rows from a spreadsheet (Name, Category, Amount, Task) with Ctrl+V.");
    const float linesHeight = std::min(fs * 1.9f * float(p.budgetLines.size() + 1) + fs, fs * 16);
    if (beginRecordTable("##lines", {{"Name", 3}, {"Category", 1.3f}, {("Amount (" + std::string(cur.code) + ")"), 1.4f}, {"Task", 2.4f}, {"Vendor", 1.8f}, {"", -1.6f}}, ImVec2(0, linesHeight))) {
        ImGuiListClipper clip;
        clip.Begin(int(p.budgetLines.size()));
        while (clip.Step())
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
                BudgetLine line = p.budgetLines[size_t(i)];
                ImGui::PushID(i);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                std::string text;
                if (textCell("##name", line.name, text)) { line.name = text; run(putRecord(p, line, "Rename budget line")); }
                tagItem("budget.line." + std::to_string(i) + ".name");
                if (!line.changeRequest.isNull() && ImGui::IsItemHovered()) ImGui::SetTooltip("Added by an approved change request");
                ImGui::TableNextColumn();
                int pick = 0;
                if (pickCell("##cat", categoryNames_, int(line.category), pick)) { line.category = CostCategory(pick); run(putRecord(p, line, "Change budget line category")); }
                ImGui::TableNextColumn();
                int64_t amount = 0;
                if (moneyCell("##amount", line.amount, cur, amount, error_)) { line.amount = amount; run(putRecord(p, line, "Change budget line amount")); }
                tagItem("budget.line." + std::to_string(i) + ".amount");
                ImGui::TableNextColumn();
                if (Id picked; taskCell(line.task, picked)) {
                    line.task = picked;
                    run(putRecord(p, line, "Move budget line to a task"));
                }
                ImGui::TableNextColumn();
                if (Id picked; vendorCell(line.vendor, picked)) {
                    line.vendor = picked;
                    run(putRecord(p, line, "Change budget line vendor"));
                }
                ImGui::TableNextColumn();
                if (deleteButton("budget line")) run(removeRecord<BudgetLine>(p, line.id, "Delete budget line \u201c" + line.name + "\u201d"));
                tagItem("budget.line." + std::to_string(i) + ".delete");
                ImGui::PopID();
            }
        ImGui::EndTable();
    }

    // Contingency.
    sectionTitle("Contingency");
    Contingency c = p.contingency;
    int mode = c.percent ? 1 : 0;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Set aside");
    ImGui::SameLine();
    if (ImGui::RadioButton("an amount", &mode, 0) && c.percent) { c.percent = false; c.amount = b.contingency; run(setContingency(c)); }
    ImGui::SameLine();
    if (ImGui::RadioButton("a share of the base budget", &mode, 1) && !c.percent) { c.percent = true; run(setContingency(c)); }
    ImGui::SameLine();
    ImGui::PushID("contingency");
    if (c.percent) {
        // Percent with up to two decimals: stored in basis points.
        int64_t bp = 0;
        const Currency percentFormat{"", 2, ""};
        if (moneyCell("##percent", c.basisPoints, percentFormat, bp, error_, fs * 6)) {
            if (bp < 0 || bp > 100000) error_ = "Contingency is a share from 0 to 1000 %.";
            else { c.basisPoints = int(bp); run(setContingency(c)); }
        }
        tagItem("budget.contingency.value");
        ImGui::SameLine();
        ImGui::Text("%% = %s", formatMoney(b.contingency, cur).c_str());
    } else {
        int64_t amount = 0;
        if (moneyCell("##amount", c.amount, cur, amount, error_, fs * 8)) { c.amount = amount; run(setContingency(c)); }
        tagItem("budget.contingency.value");
    }
    ImGui::PopID();
    ImGui::SameLine(0, fs * 2);
    ImGui::Text("Drawn %s, left %s", formatMoney(b.drawn, cur).c_str(), formatMoney(b.contingencyLeft(), cur).c_str());
    if (ImGui::Button("Record a drawdown")) run(putRecord(p, Drawdown{{}, statusDate(today), 0, "Reason"}, "Record contingency drawdown"));
    tagItem("budget.drawdown.add");
    if (!p.drawdowns.empty() && beginRecordTable("##drawdowns", {{"Date", 1}, {"Amount", 1}, {"Reason", 4}, {"", -1.6f}})) {
        for (size_t i = 0; i < p.drawdowns.size(); ++i) {
            Drawdown d = p.drawdowns[i];
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            Date day;
            if (dateCell("##date", d.date, day, error_)) { d.date = day; run(putRecord(p, d, "Change drawdown date")); }
            ImGui::TableNextColumn();
            int64_t amount = 0;
            if (moneyCell("##amount", d.amount, cur, amount, error_)) { d.amount = amount; run(putRecord(p, d, "Change drawdown amount")); }
            ImGui::TableNextColumn();
            std::string text;
            if (textCell("##reason", d.reason, text)) { d.reason = text; run(putRecord(p, d, "Change drawdown reason")); }
            ImGui::TableNextColumn();
            if (deleteButton("drawdown")) run(removeRecord<Drawdown>(p, d.id, "Delete drawdown"));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    // Labour: people, rates, planned and booked work.
    sectionTitle("Labour: planned from the Gantt assignments at each person's rate");
    if (beginRecordTable("##labour", {{"Person", 2}, {"Role", 2}, {("Rate / h (" + std::string(cur.code) + ")"), 1.2f}, {"From (date) → rate", 2.6f}, {"Planned", 1.8f}, {"Booked", 1.8f}, {"", -5.5f}})) {
        for (size_t i = 0; i < p.resources.size(); ++i) {
            Resource r = p.resources[i];
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(r.name.c_str());
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(r.role.c_str());
            ImGui::TableNextColumn();
            int64_t rate = 0;
            if (moneyCell("##rate", r.hourlyRate, cur, rate, error_)) {
                if (rate < 0) error_ = "A rate cannot be negative.";
                else { r.hourlyRate = rate; run(editResource(p, r)); }
            }
            tagItem("budget.rate." + std::to_string(i));
            ImGui::TableNextColumn();
            // Each change on a line of its own: from (date), the rate, ×.
            for (size_t k = 0; k < r.rateChanges.size(); ++k) {
                ImGui::PushID(int(k));
                Resource edited = r;
                Date day;
                if (dateCell("##from", r.rateChanges[k].from, day, error_, fs * 6)) {
                    edited.rateChanges[k].from = day;
                    std::sort(edited.rateChanges.begin(), edited.rateChanges.end(), [](auto& x, auto& y) { return x.from < y.from; });
                    bool repeated = false;
                    for (size_t j = 1; j < edited.rateChanges.size(); ++j) repeated |= edited.rateChanges[j].from == edited.rateChanges[j - 1].from;
                    if (repeated) error_ = "One rate change per date.";
                    else run(editResource(p, edited));
                }
                tagItem("budget.rate." + std::to_string(i) + ".change." + std::to_string(k) + ".from");
                ImGui::SameLine(0, fs * 0.3f);
                int64_t changed = 0;
                if (moneyCell("##rate", r.rateChanges[k].hourlyRate, cur, changed, error_, fs * 5)) {
                    if (changed < 0) error_ = "A rate cannot be negative.";
                    else { edited.rateChanges[k].hourlyRate = changed; run(editResource(p, edited)); }
                }
                tagItem("budget.rate." + std::to_string(i) + ".change." + std::to_string(k) + ".rate");
                ImGui::SameLine(0, fs * 0.2f);
                if (deleteButton("rate change")) {
                    edited.rateChanges.erase(edited.rateChanges.begin() + long(k));
                    run(editResource(p, edited));
                }
                ImGui::PopID();
            }
            if (r.rateChanges.empty()) ImGui::TextDisabled("none");
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%s h  %s", hoursText(b.resourceMinutes[i]).c_str(), formatMoney(b.resourceLabour[i], cur).c_str());
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%s h  %s", hoursText(b.resourceActualMinutes[i]).c_str(), formatMoney(b.resourceActualCost[i], cur).c_str());
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("+ rate")) {
                // A new rate from the first of next month, at the current rate: then edit both.
                int y, m, d;
                statusDate(today).toYmd(y, m, d);
                Date from = m == 12 ? Date::fromYmd(y + 1, 1, 1) : Date::fromYmd(y, m + 1, 1);
                while (std::any_of(r.rateChanges.begin(), r.rateChanges.end(), [&](auto& x) { return x.from == from; })) from = from + 1;
                r.rateChanges.push_back({from, r.rateOn(from)});
                std::sort(r.rateChanges.begin(), r.rateChanges.end(), [](auto& x, auto& y2) { return x.from < y2.from; });
                run(editResource(p, r));
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("A new rate from a date (a raise, a new contract year)");
            tagItem("budget.rate." + std::to_string(i) + ".add");
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
}

// ---- Actuals ------------------------------------------------------------------------------------

void BudgetView::actualsTab(Date today) {
    const Project& p = doc_.project();
    const Currency cur = currency(p.currency);
    const BudgetStatus& b = status(today);
    const float fs = ImGui::GetFontSize();
    const Date day = statusDate(today);
    if (ImGui::Button("Add cost")) {
        run(putRecord(p, CostEntry{{}, day, 0, CostCategory::Other}, "Add cost entry"));
        pasteInto_ = PasteInto::Costs;
    }
    tagItem("actuals.addCost");
    ImGui::SameLine();
    if (ImGui::Button("Add hours")) {
        if (p.resources.empty()) error_ = "Add people first (Project > Resources…): hours are booked by a person.";
        else {
            run(putRecord(p, HoursEntry{{}, day, {}, p.resources[0].id, 480}, "Add hours"));
            pasteInto_ = PasteInto::Hours;
        }
    }
    tagItem("actuals.addHours");
    ImGui::SameLine();
    if (ImGui::Button("Import CSV…")) host_.pickFile();
    tagItem("actuals.import");
    ImGui::SameLine();
    if (ImGui::Button("Export CSV")) {
        host_.download(fileStem(p.name) + "-actuals.csv", "text/csv", writeActualsCsv(p));
        flash_("Exported " + std::to_string(p.hours.size()) + " hours entries and " + std::to_string(p.costs.size()) + " costs.");
    }
    tagItem("actuals.export");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Every hours entry and cost as a CSV (the same columns Import reads)");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("A CSV with a header row: Date, Hours, Resource, Amount, Category, Task, Vendor, Note.\n"
                          "Rows with Hours are time worked; rows with an Amount are money spent.\nYou can also drop the file on the page.");
    ImGui::SameLine();
    ImGui::TextDisabled("Ctrl+V pastes spreadsheet rows into the table you last edited.");
    ImGui::Text("Spent to %s: %s (labour %s for %s h, other costs %s)", day.str().c_str(), formatMoney(b.ev.ac, cur).c_str(),
                formatMoney(b.actualByCategory[0], cur).c_str(), hoursText(b.actualLabourMinutes).c_str(),
                formatMoney(b.ev.ac - b.actualByCategory[0], cur).c_str());

    const float half = std::max(fs * 8, (ImGui::GetContentRegionAvail().y - fs * 4) * 0.5f);
    sectionTitle("Costs");
    if (beginRecordTable("##costs", {{"Date", 1.1f}, {("Amount (" + std::string(cur.code) + ")"), 1.2f}, {"Category", 1.2f}, {"Task", 2.4f}, {"Vendor", 1.6f}, {"Note", 2.6f}, {"", -1.6f}}, ImVec2(0, half))) {
        ImGuiListClipper clip;
        clip.Begin(int(p.costs.size()));
        while (clip.Step())
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
                CostEntry c = p.costs[size_t(i)];
                ImGui::PushID(i);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                Date d;
                if (dateCell("##date", c.date, d, error_)) { c.date = d; run(putRecord(p, c, "Change cost date")); }
                if (ImGui::IsItemActivated()) pasteInto_ = PasteInto::Costs;
                ImGui::TableNextColumn();
                int64_t amount = 0;
                if (moneyCell("##amount", c.amount, cur, amount, error_)) { c.amount = amount; run(putRecord(p, c, "Change cost amount")); }
                if (ImGui::IsItemActivated()) pasteInto_ = PasteInto::Costs;
                tagItem("actuals.cost." + std::to_string(i) + ".amount");
                ImGui::TableNextColumn();
                int pick = 0;
                if (pickCell("##cat", categoryNames_, int(c.category), pick)) { c.category = CostCategory(pick); run(putRecord(p, c, "Change cost category")); }
                ImGui::TableNextColumn();
                if (Id picked; taskCell(c.task, picked)) {
                    c.task = picked;
                    run(putRecord(p, c, "Change cost task"));
                }
                ImGui::TableNextColumn();
                if (Id picked; vendorCell(c.vendor, picked)) {
                    c.vendor = picked;
                    run(putRecord(p, c, "Change cost vendor"));
                }
                ImGui::TableNextColumn();
                std::string text;
                if (textCell("##note", c.note, text)) { c.note = text; run(putRecord(p, c, "Change cost note")); }
                ImGui::TableNextColumn();
                if (deleteButton("cost entry")) run(removeRecord<CostEntry>(p, c.id, "Delete cost entry"));
                ImGui::PopID();
            }
        ImGui::EndTable();
    }
    sectionTitle("Hours worked");
    if (beginRecordTable("##hours", {{"Date", 1.1f}, {"Person", 1.8f}, {"Task", 2.4f}, {"Hours", 0.8f}, {"Cost", 1.1f}, {"Note", 2.4f}, {"", -1.6f}},
                         ImVec2(0, std::max(fs * 8, ImGui::GetContentRegionAvail().y - fs * 0.5f)))) {
        ImGuiListClipper clip;
        clip.Begin(int(p.hours.size()));
        while (clip.Step())
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
                HoursEntry h = p.hours[size_t(i)];
                ImGui::PushID(i);
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                Date d;
                if (dateCell("##date", h.date, d, error_)) { h.date = d; run(putRecord(p, h, "Change hours date")); }
                if (ImGui::IsItemActivated()) pasteInto_ = PasteInto::Hours;
                ImGui::TableNextColumn();
                int pick = 0;
                const int who = resourcePick(h.resource);
                if (pickCell("##who", resourceNames_, who, pick)) { h.resource = p.resources[size_t(pick)].id; run(putRecord(p, h, "Change who worked")); }
                ImGui::TableNextColumn();
                if (Id picked; taskCell(h.task, picked)) {
                    h.task = picked;
                    run(putRecord(p, h, "Change hours task"));
                }
                ImGui::TableNextColumn();
                int64_t minutes = 0;
                if (hoursCell("##hours", h.minutes, minutes, error_)) { h.minutes = minutes; run(putRecord(p, h, "Change hours")); }
                if (ImGui::IsItemActivated()) pasteInto_ = PasteInto::Hours;
                tagItem("actuals.hours." + std::to_string(i) + ".hours");
                ImGui::TableNextColumn();
                if (who >= 0) ImGui::TextUnformatted(formatMoney(labourCost(p.resources[size_t(who)].rateOn(h.date), h.minutes), cur).c_str());
                ImGui::TableNextColumn();
                std::string text;
                if (textCell("##note", h.note, text)) { h.note = text; run(putRecord(p, h, "Change hours note")); }
                ImGui::TableNextColumn();
                if (deleteButton("hours entry")) run(removeRecord<HoursEntry>(p, h.id, "Delete hours entry"));
                ImGui::PopID();
            }
        ImGui::EndTable();
    }
}

void BudgetView::importActuals(const std::string& filename, const std::string& text) {
    ActualsImport a = readActualsCsv(text, doc_.project());
    if (!a.ok()) {
        std::string msg;
        for (const auto& e : a.errors) msg += e + "\n";
        notify_("Could not import " + filename, msg + "\nNothing was changed.");
        return;
    }
    const size_t costs = a.costs.size(), hours = a.hours.size();
    run(addActuals(doc_.project(), std::move(a.costs), std::move(a.hours), "Import actuals from " + filename));
    showTab(Actuals);
    flash_("Added " + std::to_string(hours) + " hours entries and " + std::to_string(costs) + " costs from " + filename + " (Ctrl+Z undoes).");
}

bool BudgetView::paste(const std::string& text) {
    const Project& p = doc_.project();
    if (tab_ == Actuals) {
        // With a header row the columns are named; without, they follow the table's order.
        std::string csv = text;
        if (!looksLikeActualsCsv(text)) {
            const char sep = text.find('\t') != std::string::npos ? '\t' : ',';
            const std::string header = pasteInto_ == PasteInto::Hours ? "Date|Resource|Task|Hours|Note" : "Date|Amount|Category|Task|Vendor|Note";
            std::string line;
            for (char c : header) line += c == '|' ? sep : c;
            csv = line + "\n" + text;
        }
        importActuals("the pasted rows", csv);
        return true;
    }
    if (tab_ == Budget) {
        const CsvTable t = parseCsv(text);
        const Currency cur = currency(p.currency);
        std::vector<BudgetLine> lines;
        std::string errors;
        for (const CsvRow& row : t.rows) {
            auto cell = [&](size_t i) { return i < row.fields.size() ? row.fields[i] : std::string(); };
            if (row.fields.empty() || (row.fields.size() == 1 && row.fields[0].empty())) continue;
            if (&row == &t.rows[0] && (cell(0) == "Name" || cell(2) == "Amount")) continue; // a header row
            BudgetLine line;
            line.name = cell(0);
            if (auto c = parseCostCategory(cell(1))) line.category = *c;
            else if (!cell(1).empty()) { errors += "row " + std::to_string(row.line) + ": \u201c" + cell(1) + "\u201d is not a category\n"; continue; }
            const Result<int64_t> amount = parseMoney(cell(2), cur);
            if (!amount) { errors += "row " + std::to_string(row.line) + ": " + amount.error() + "\n"; continue; }
            line.amount = *amount;
            if (const std::string task = cell(3); !task.empty()) {
                auto it = std::find(taskNames_.begin(), taskNames_.end(), task);
                if (it == taskNames_.end()) { errors += "row " + std::to_string(row.line) + ": no task named \u201c" + task + "\u201d\n"; continue; }
                line.task = p.tasks[size_t(it - taskNames_.begin())].id;
            }
            lines.push_back(line);
        }
        if (!errors.empty()) {
            notify_("Could not paste the budget lines", errors + "\nColumns: Name, Category, Amount, Task. Nothing was changed.");
            return true;
        }
        run(putRecords(p, lines, "Paste budget lines"));
        flash_("Pasted " + std::to_string(lines.size()) + " budget lines (Ctrl+Z undoes).");
        return true;
    }
    return false;
}

// ---- Vendors ------------------------------------------------------------------------------------

void BudgetView::vendorsTab(Date today) {
    const Project& p = doc_.project();
    const Currency cur = currency(p.currency);
    const BudgetStatus& b = status(today);
    const float fs = ImGui::GetFontSize();
    if (ImGui::Button("Add vendor")) {
        Vendor v;
        v.id = Id::random();
        v.name = "New vendor";
        selectedVendor_ = v.id;
        run(putRecord(p, v, "Add vendor"));
    }
    tagItem("vendors.add");
    ImGui::SameLine();
    ImGui::Text("Committed (purchase orders) %s, invoiced %s, unpaid %s", formatMoney(b.committed, cur).c_str(),
                formatMoney(b.invoiced, cur).c_str(), formatMoney(b.unpaid, cur).c_str());
    if (beginRecordTable("##vendors", {{"", -1.4f}, {"Vendor", 2.2f}, {"Contact", 2.6f}, {"Contract", 1.3f}, {"Ordered", 1.3f}, {"Invoiced", 1.3f}, {"Unpaid", 1.3f}, {"", -1.6f}})) {
        for (size_t i = 0; i < p.vendors.size(); ++i) {
            Vendor v = p.vendors[i];
            int64_t ordered = 0, invoiced = 0, unpaid = 0;
            for (const auto& o : v.orders) ordered += o.amount;
            for (const auto& in : v.invoices) { invoiced += in.amount; if (!in.paid) unpaid += in.amount; }
            ImGui::PushID(int(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::RadioButton("##pick", selectedVendor_ == v.id)) selectedVendor_ = v.id;
            tagItem("vendors.pick." + std::to_string(i));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show this vendor's orders and invoices");
            ImGui::TableNextColumn();
            std::string text;
            if (textCell("##name", v.name, text)) { v.name = text; run(putRecord(p, v, "Rename vendor")); }
            ImGui::TableNextColumn();
            if (textCell("##contact", v.contact, text)) { v.contact = text; run(putRecord(p, v, "Change vendor contact")); }
            ImGui::TableNextColumn();
            int64_t amount = 0;
            if (moneyCell("##contract", v.contractValue, cur, amount, error_)) { v.contractValue = amount; run(putRecord(p, v, "Change contract value")); }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatMoney(ordered, cur).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatMoney(invoiced, cur).c_str());
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, unpaid ? kWarn : ImGui::GetColorU32(ImGuiCol_Text));
            ImGui::TextUnformatted(formatMoney(unpaid, cur).c_str());
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            if (deleteButton("vendor")) run(removeRecord<Vendor>(p, v.id, "Delete vendor \u201c" + v.name + "\u201d"));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    const int at = vendorPick(selectedVendor_);
    if (at < 0) {
        ImGui::TextDisabled("Pick a vendor (the round button) to see its purchase orders and invoices.");
        return;
    }
    Vendor v = p.vendors[size_t(at)];
    sectionTitle(("Purchase orders and invoices: " + v.name).c_str());
    if (ImGui::Button("Add purchase order")) {
        v.orders.push_back({"PO-", statusDate(today), 0});
        run(putRecord(p, v, "Add purchase order"));
    }
    ImGui::SameLine();
    if (ImGui::Button("Add invoice")) {
        v.invoices.push_back({"", statusDate(today), 0, false});
        run(putRecord(p, v, "Add invoice"));
    }
    tagItem("vendors.addInvoice");
    auto docTable = [&](const char* id, bool invoices) {
        const size_t n = invoices ? v.invoices.size() : v.orders.size();
        if (n == 0) return;
        std::vector<TableColumn> columns = {{invoices ? "Invoice" : "Order", 1.5f}, {"Date", 1.2f}, {"Amount", 1.3f}};
        if (invoices) columns.insert(columns.end(), {{"Paid", -3}, {"", -8}});
        columns.push_back({"", -1.6f});
        if (!beginRecordTable(id, columns)) return;
        for (size_t k = 0; k < n; ++k) {
            Vendor edited = v;
            std::string& number = invoices ? edited.invoices[k].number : edited.orders[k].number;
            Date& date = invoices ? edited.invoices[k].date : edited.orders[k].date;
            int64_t& amount = invoices ? edited.invoices[k].amount : edited.orders[k].amount;
            ImGui::PushID(int(k));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            std::string text;
            if (textCell("##number", number, text)) { number = text; run(putRecord(p, edited, "Change document number")); }
            ImGui::TableNextColumn();
            Date d;
            if (dateCell("##date", date, d, error_)) { date = d; run(putRecord(p, edited, "Change document date")); }
            ImGui::TableNextColumn();
            int64_t value = 0;
            if (moneyCell("##amount", amount, cur, value, error_)) { amount = value; run(putRecord(p, edited, "Change document amount")); }
            const std::string tag = std::string(invoices ? "vendors.invoice." : "vendors.order.") + std::to_string(k);
            tagItem(tag + ".amount");
            if (invoices) {
                ImGui::TableNextColumn();
                bool paid = edited.invoices[k].paid;
                if (ImGui::Checkbox("##paid", &paid)) { edited.invoices[k].paid = paid; run(putRecord(p, edited, paid ? "Mark invoice paid" : "Mark invoice unpaid")); }
                ImGui::TableNextColumn();
                const Invoice& in = v.invoices[k];
                const bool booked = std::any_of(p.costs.begin(), p.costs.end(), [&](const CostEntry& c) {
                    return c.vendor == v.id && c.amount == in.amount && c.date == in.date;
                });
                if (booked) ImGui::TextDisabled("booked");
                else if (ImGui::SmallButton("Book as cost")) {
                    run(putRecord(p, CostEntry{{}, in.date, in.amount, CostCategory::Vendor, {}, v.id, in.number}, "Book invoice " + in.number));
                    flash_("Booked invoice " + in.number + " as an actual cost (Actuals tab).");
                }
                tagItem(tag + (booked ? ".booked" : ".book"));
                if (ImGui::IsItemHovered() && !booked) ImGui::SetTooltip("Record this invoice as money spent (an actual cost)");
            }
            ImGui::TableNextColumn();
            if (deleteButton(invoices ? "invoice" : "order")) {
                if (invoices) edited.invoices.erase(edited.invoices.begin() + long(k));
                else edited.orders.erase(edited.orders.begin() + long(k));
                run(putRecord(p, edited, invoices ? "Delete invoice" : "Delete purchase order"));
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    };
    docTable("##orders", false);
    docTable("##invoices", true);
}

} // namespace plotline
