// The Budget view's dashboard: status badge, key-number cards, S-curve, burn chart, budget by category.
#include "budget_view.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"
#include "cells.hpp"
#include "budget_style.hpp"

#include "core/report.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

#include <algorithm>
#include <cmath>
#include <imgui.h>

namespace plotline {

using namespace budget_ui;

namespace {

// A chart's title with its legend (a coloured dash before each name), then its white framed area: an
// invisible button of the given size, tagged for tests, whose hover shows values.
struct ChartArea {
    ImVec2 a, z;
    bool hovered = false;
    ImDrawList* dl = nullptr;
};
ChartArea chartArea(const char* title, std::initializer_list<std::pair<const char*, ImU32>> legend, const char* id, const char* tag, float width,
                    float height) {
    const float fs = ImGui::GetFontSize();
    ImGui::TextUnformatted(title);
    for (auto [name, col] : legend) {
        ImGui::SameLine(0, fs * 1.2f);
        ImGui::PushStyleColor(ImGuiCol_Text, col);
        ImGui::TextUnformatted("\u2014");
        ImGui::PopStyleColor();
        ImGui::SameLine(0, fs * 0.3f);
        ImGui::TextUnformatted(name);
    }
    ChartArea c;
    c.a = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, ImVec2(std::max(width, fs * 10), std::max(height, fs * 8)));
    tagItem(tag);
    c.hovered = ImGui::IsItemHovered();
    c.z = ImGui::GetItemRectMax();
    c.dl = ImGui::GetWindowDrawList();
    c.dl->AddRectFilled(c.a, c.z, theme::kCard);
    c.dl->AddRect(c.a, c.z, kCardEdge);
    return c;
}

// Four money levels from 0 to `top`, labelled at the left.
template <class Y> void moneyGrid(ImDrawList* dl, float left, float right, int64_t top, Y y, const Currency& cur) {
    const float fs = ImGui::GetFontSize();
    for (int k = 0; k <= 4; ++k) {
        const int64_t v = top * k / 4;
        dl->AddLine(ImVec2(left, y(v)), ImVec2(right, y(v)), theme::kGridLine);
        const std::string label = formatMoneyShort(v, cur);
        dl->AddText(ImVec2(left - ImGui::CalcTextSize(label.c_str()).x - fs * 0.3f, y(v) - fs * 0.5f), theme::kMuted, label.c_str());
    }
}

// A dashed line: dashes of `dash` of its length, as far apart.
void dashedLine(ImDrawList* dl, ImVec2 from, ImVec2 to, ImU32 colour, float dash) {
    for (float t = 0; t < 1; t += dash * 2)
        dl->AddLine(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t),
                    ImVec2(from.x + (to.x - from.x) * (t + dash), from.y + (to.y - from.y) * (t + dash)), colour, 1.5f);
}

} // namespace

// ---- Dashboard ----------------------------------------------------------------------------------

void BudgetView::dashboard(Date today) {
    const Project& p = doc_.project();
    const StatusReport& r = report(today);
    const BudgetStatus& b = r.budget;
    const float fs = ImGui::GetFontSize();
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // The overall status, as the report says it.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const char* rag = tr(ragName(r.rag));
    const ImVec2 badge(ImGui::CalcTextSize(rag).x + fs * 1.2f, fs * 1.5f);
    dl->AddRectFilled(at, ImVec2(at.x + badge.x, at.y + badge.y), ragColour(r.rag), fs * 0.75f);
    dl->AddText(ImVec2(at.x + fs * 0.6f, at.y + fs * 0.25f), theme::kOnAccent, rag);
    ImGui::Dummy(badge);
    tagText("dashboard.rag", rag);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text(tr("Status as of %s"), formatDate(statusDate(today)).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(p.statusDate ? tr("Change status date") : tr("Set status date"))) pickStatusDate_();
    tagItem("dashboard.statusDate");
    ImGui::SameLine(0, fs * 1.5f);
    if (ImGui::Button(tr("Status report…"))) openReport();
    tagItem("dashboard.report");
    if (!r.reasons.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::kMuted);
        std::string why = r.reasons[0];
        if (r.reasons.size() > 1) why += "  " + fmt(tr("(+{0} more: see the report)"), r.reasons.size() - 1);
        ImGui::TextUnformatted(why.c_str());
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered() && r.reasons.size() > 1) {
            std::string all;
            for (const auto& x : r.reasons) all += "\u2022 " + x + "\n";
            ImGui::SetTooltip("%s", all.c_str());
        }
    } else ImGui::TextDisabled(tr("On schedule and on budget; no high risks open."));
    ImGui::Spacing();

    const ProfitStatus& m = profit(today);
    cards(b, m);
    ImGui::Spacing();
    const float width = ImGui::GetContentRegionAvail().x - fs * 0.6f;
    const float height = std::clamp(ImGui::GetContentRegionAvail().y * 0.55f, fs * 12, fs * 20);
    sCurve(b, std::floor(width * 0.58f), height);
    ImGui::SameLine(0, fs);
    burnChart(b, std::floor(width * 0.42f - fs), height);
    ImGui::Spacing();
    revenueChart(m, std::floor(width * 0.58f), height * 0.8f);
    ImGui::SameLine(0, fs);
    ImGui::BeginGroup();
    categoryTable(b);
    ImGui::EndGroup();
}

void BudgetView::cards(const BudgetStatus& b, const ProfitStatus& m) {
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
    // The margin: forecast at completion, red under the producer's target; unknown while cost rates are.
    auto marginCard = [&](const ProfitStatus& x, const Currency& c) -> Card {
        const char* help = tr("Revenue by the contract's rule minus cost at cost rates, forecast at completion (the plan's remaining work at cost "
                           "rates and the cost performance so far). Internal: never in a client's view. Billing & margin tab for the detail.");
        if (!x.tooLarge.empty()) return {"margin", tr("Margin at completion"), "\u2014", tr("too large to total"), theme::kMuted, help};
        if (!x.known()) return {"margin", tr("Margin at completion"), tr("cost rates missing"),
                                trn("{n} person without a cost rate", "{n} people without a cost rate", int64_t(x.missingCostRates.size())),
                                kWarn, help};
        std::string detail = formatMarginPercent(x.marginPercentAtCompletion());
        if (x.marginTarget) detail += fmt(tr(" (target {0})"), formatMarginPercent(x.marginTarget));
        detail += fmt(tr(" \u00b7 to date {0}"), formatMoneyShort(x.marginToDate(), c));
        return {"margin", tr("Margin at completion"), formatMoney(x.marginAtCompletion(), c), detail, x.belowTarget() || x.marginAtCompletion() < 0 ? kBad : kGood, help};
    };
    const std::vector<Card> cards = {
        {"approved", tr("Approved budget"), money(b.approved()), fmt(tr("base {0} + contingency {1}"), formatMoneyShort(b.base, cur), formatMoneyShort(b.contingency, cur)), text,
         tr("Labour + budget lines (the base, BAC) + contingency. Approved change requests add their lines.")},
        {"ac", tr("Spent to date (AC)"), money(ev.ac),
         (b.approved() > 0 ? fmt(tr("{0} of the approved budget"), formatPercent(divRound(ev.ac * 100, b.approved()))) : std::string()), text,
         tr("Cost entries and hours worked up to the status date.")},
        {"eac", tr("Forecast cost (EAC)"), ev.eac ? money(*ev.eac) : "—", ev.vac() ? fmt(tr("VAC {0}"), money(*ev.vac())) : std::string(tr("needs earned value and actuals")),
         !ev.eac ? theme::kMuted : *ev.eac > b.approved() ? kBad : *ev.eac > b.base ? kWarn : kGood,
         tr("BAC / CPI: where the cost lands if the cost performance so far continues. VAC = BAC - EAC.")},
        {"cpi", tr("Cost performance (CPI)"), formatRatio(ev.cpi()), fmt(tr("CV {0}"), money(ev.cv())), indexColour(ev.cpi()),
         tr("EV / AC: value earned per unit spent. Below 1: over budget for the work done.")},
        {"spi", tr("Schedule performance (SPI)"), formatRatio(ev.spi()), fmt(tr("SV {0}"), money(ev.sv())), indexColour(ev.spi()),
         tr("EV / PV: work done against work planned by now. Below 1: behind.")},
        {"ev", tr("Earned value (EV)"), money(ev.ev), fmt(tr("PV {0}"), money(ev.pv)), text, tr("Budget of the work done: each task's budget × its % complete.")},
        {"complete", tr("Complete"), formatPercent(b.percentComplete), fmt(tr("TCPI {0}"), formatRatio(ev.tcpi())), text,
         tr("Duration-weighted % complete of the tasks. TCPI: the cost performance the rest of the work needs to finish on budget.")},
        {"finish", tr("Forecast finish"), formatDate(b.forecastFinish), fmt(tr("planned {0}"), formatDate(b.plannedFinish)),
         b.forecastFinish > b.plannedFinish ? kWarn : kGood, tr("The working time left at the schedule performance so far (SPI).")},
        {"burn", tr("Weekly burn"), money(b.weeklyBurn), tr("average of the last 4 weeks"), text, tr("Actual cost of the 4 weeks to the status date, divided by 4.")},
        {"contingency", tr("Contingency left"), money(b.contingencyLeft()), fmt(tr("of {0}"), money(b.contingency)), b.contingencyLeft() < 0 ? kBad : text,
         tr("Contingency minus its drawdowns (Budget tab).")},
        marginCard(m, cur),
    };
    const float fs = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x - fs * 0.6f;
    ImFont* font = ImGui::GetFont();
    // As many cards a row as fit their widest text (five at most): a narrow window gets more rows,
    // never a clipped figure or subtitle.
    float need = 0;
    for (const Card& c : cards) {
        need = std::max({need, ImGui::CalcTextSize(c.label).x, ImGui::CalcTextSize(c.detail.c_str()).x,
                         font->CalcTextSizeA(fs * 1.45f, FLT_MAX, 0, c.value.c_str()).x});
    }
    need += fs * 1.2f;
    const float gap = fs * 0.6f;
    const int perRow = std::clamp(int((avail + gap) / (need + gap)), 1, 5);
    const float w = std::floor((avail - gap * float(perRow - 1)) / float(perRow)), h = fs * 3.9f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < cards.size(); ++i) {
        const Card& c = cards[i];
        if (i % size_t(perRow)) ImGui::SameLine(0, gap);
        const ImVec2 a = ImGui::GetCursorScreenPos(), z(a.x + w, a.y + h);
        dl->AddRectFilled(a, z, kCard, fs * 0.3f);
        dl->AddRect(a, z, kCardEdge, fs * 0.3f);
        dl->PushClipRect(a, z, true);
        dl->AddText(ImVec2(a.x + fs * 0.6f, a.y + fs * 0.35f), theme::kMuted, c.label);
        dl->AddText(font, fs * 1.45f, ImVec2(a.x + fs * 0.6f, a.y + fs * 1.3f), c.colour, c.value.c_str());
        const ImVec2 detailAt(a.x + fs * 0.6f, a.y + fs * 2.75f), detailSize = ImGui::CalcTextSize(c.detail.c_str());
        dl->AddText(detailAt, theme::kMuted, c.detail.c_str());
        dl->PopClipRect();
        ImGui::Dummy(ImVec2(w, h));
        tagText(std::string("dashboard.") + c.key, c.value);
        tagRect(std::string("dashboard.card.") + c.key, a, z);
        tagRect(std::string("dashboard.") + c.key + ".detail", detailAt, ImVec2(detailAt.x + detailSize.x, detailAt.y + detailSize.y), c.detail);
        hint(c.help);
    }
}

void BudgetView::sCurve(const BudgetStatus& b, float width, float height) {
    const Currency cur = currency(doc_.project().currency);
    const float fs = ImGui::GetFontSize();
    ImGui::BeginGroup();
    const ChartArea area = chartArea(tr("Cumulative cost"), {{tr("PV planned"), kPv}, {tr("EV earned"), kEv}, {tr("AC actual"), kAc}, {tr("EAC forecast (dashed)"), kAc}},
                                     "##scurve", "dashboard.scurve", width, height);
    const ImVec2 a = area.a, z = area.z;
    const bool hovered = area.hovered;
    ImDrawList* dl = area.dl;
    const size_t n = b.weeks.size();
    if (n < 2) {
        dl->AddText(ImVec2(a.x + fs, a.y + fs), theme::kMuted, tr("No weeks to show yet."));
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
    moneyGrid(dl, left, right, top, y, cur);
    int lastMonth = -1;
    float lastLabel = -1e9f;
    for (size_t i = 0; i < n; ++i) {
        int yy, mm, dd;
        (b.weeks[i].end - 6).toYmd(yy, mm, dd);
        if (mm == lastMonth) continue;
        lastMonth = mm;
        if (x(i) - lastLabel < fs * 2.5f) continue;
        lastLabel = x(i);
        dl->AddText(ImVec2(x(i), lower + fs * 0.2f), theme::kMuted, monthShortIn(mm));
    }
    // Budget lines: BAC and the approved budget with contingency.
    dl->AddLine(ImVec2(left, y(b.base)), ImVec2(right, y(b.base)), IM_COL32(120, 120, 120, 200), 1.0f);
    const float labelX = right - ImGui::CalcTextSize(tr("BAC + contingency")).x - fs * 0.3f;
    dl->AddText(ImVec2(labelX, y(b.base) + fs * 0.1f), theme::kMuted, tr("BAC"));
    if (b.contingency) {
        dl->AddLine(ImVec2(left, y(b.approved())), ImVec2(right, y(b.approved())), IM_COL32(150, 150, 150, 140), 1.0f);
        dl->AddText(ImVec2(labelX, y(b.approved()) - fs * 1.1f), theme::kMuted, tr("BAC + contingency"));
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
        dashedLine(dl, ImVec2(x(statusWeek), y(b.weeks[statusWeek].ac)), ImVec2(x(n - 1), y(*b.ev.eac)), kAc, 0.04f);
    }
    if (hovered) {
        const float mx = ImGui::GetIO().MousePos.x;
        const size_t i = size_t(std::clamp(std::lround((mx - left) / (right - left) * float(n - 1)), 0L, long(n - 1)));
        dl->AddLine(ImVec2(x(i), upper), ImVec2(x(i), lower), IM_COL32(0, 0, 0, 60));
        const WeekPoint& w = b.weeks[i];
        std::string tip = fmt(tr("Week ending {0}\nPV {1}"), formatDate(w.end), formatMoney(w.pv, cur));
        if (w.ev) tip += fmt(tr("\nEV {0}"), formatMoney(*w.ev, cur));
        if (i <= statusWeek) tip += fmt(tr("\nAC {0}\nSpent that week {1}"), formatMoney(w.ac, cur), formatMoney(w.spent, cur));
        ImGui::SetTooltip("%s", tip.c_str());
        tagRect("dashboard.scurve.tip", ImVec2(x(i), upper), ImVec2(x(i) + 1, lower), tip);
    }
    ImGui::EndGroup();
}

void BudgetView::revenueChart(const ProfitStatus& m, float width, float height) {
    const Currency cur = currency(doc_.project().currency);
    const float fs = ImGui::GetFontSize();
    const ImU32 kRevenue = kEv, kCost = kAc;
    ImGui::BeginGroup();
    const ChartArea area = chartArea(tr("Revenue and cost by month"), {{tr("Revenue"), kRevenue}, {tr("Cost"), kCost}, {tr("forecast dashed"), theme::kMuted}},
                                     "##revenue", "dashboard.revenue", width, height);
    const ImVec2 a = area.a, z = area.z;
    const bool hovered = area.hovered;
    ImDrawList* dl = area.dl;
    const size_t n = m.months.size();
    if (n < 1 || !m.tooLarge.empty()) {
        dl->AddText(ImVec2(a.x + fs, a.y + fs), theme::kMuted, n < 1 ? tr("No months to show yet.") : tr("Too large to total."));
        ImGui::EndGroup();
        return;
    }
    // Cumulative, one point at the end of each month.
    std::vector<int64_t> revenue(n + 1, 0), cost(n + 1, 0);
    int64_t top = 1;
    size_t actual = 0; // points up to here are actual
    for (size_t i = 0; i < n; ++i) {
        revenue[i + 1] = revenue[i] + m.months[i].revenue;
        cost[i + 1] = cost[i] + m.months[i].cost;
        top = std::max({top, revenue[i + 1], m.known() ? cost[i + 1] : 0});
        if (!m.months[i].forecast) actual = i + 1;
    }
    const float left = a.x + fs * 3.6f, right = z.x - fs * 0.8f, upper = a.y + fs * 0.8f, lower = z.y - fs * 1.6f;
    auto x = [&](size_t i) { return left + (right - left) * float(i) / float(n); };
    auto y = [&](int64_t v) { return lower - (lower - upper) * float(double(std::max<int64_t>(v, 0)) / double(top)); };
    moneyGrid(dl, left, right, top, y, cur);
    for (size_t i = 0; i < n; ++i) {
        int yy, mm, dd;
        m.months[i].month.toYmd(yy, mm, dd);
        if (right - left > float(n) * fs * 2.2f || i % 2 == 0) dl->AddText(ImVec2(x(i) + fs * 0.2f, lower + fs * 0.2f), theme::kMuted, monthShortIn(mm));
    }
    dl->AddLine(ImVec2(x(actual), upper), ImVec2(x(actual), lower), theme::kStatusLine, 1.5f);
    auto line = [&](const std::vector<int64_t>& v, ImU32 colour) {
        for (size_t i = 1; i <= n; ++i) {
            const ImVec2 from(x(i - 1), y(v[i - 1])), to(x(i), y(v[i]));
            if (i <= actual) dl->AddLine(from, to, colour, 2.0f);
            else dashedLine(dl, from, to, colour, 0.08f);
        }
    };
    line(revenue, kRevenue);
    if (m.known()) line(cost, kCost);
    else dl->AddText(ImVec2(left + fs * 0.5f, upper), kWarn, tr("Cost rates missing: no cost line"));
    if (hovered) {
        const float mx = ImGui::GetIO().MousePos.x;
        const size_t i = size_t(std::clamp(long((mx - left) / (right - left) * float(n)), 0L, long(n - 1)));
        const MonthProfit& mp = m.months[i];
        std::string tip = (mp.forecast ? fmt(tr("{0} (forecast)"), monthTitle(mp.month)) : monthTitle(mp.month)) + "\n" + fmt(tr("Revenue {0}"), formatMoney(mp.revenue, cur));
        if (m.known()) tip += fmt(tr("\nCost {0}\nMargin {1}"), formatMoney(mp.cost, cur), formatMoney(mp.revenue - mp.cost, cur));
        ImGui::SetTooltip("%s", tip.c_str());
    }
    ImGui::EndGroup();
}

void BudgetView::burnChart(const BudgetStatus& b, float width, float height) {
    const Currency cur = currency(doc_.project().currency);
    const float fs = ImGui::GetFontSize();
    ImGui::BeginGroup();
    const ChartArea area = chartArea(tr("Budget left: actual vs planned; weekly spend"), {}, "##burn", "dashboard.burn", width, height);
    const ImVec2 a = area.a, z = area.z;
    const bool hovered = area.hovered;
    ImDrawList* dl = area.dl;
    const size_t n = b.weeks.size();
    if (n < 2) { ImGui::EndGroup(); return; }
    const int64_t total = std::max<int64_t>(b.approved(), 1);
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
    // Weekly spend as bars on the same axis as the lines, so each reads against the amounts shown.
    tagRect("dashboard.burn.axis", ImVec2(left, upper), ImVec2(right, lower), formatMoney(total, cur));
    for (size_t i = 0; i <= statusWeek; ++i) {
        const ImVec2 lo(x(i) - step * 0.35f, y(b.weeks[i].spent)), hi(x(i) + step * 0.35f, lower);
        dl->AddRectFilled(lo, hi, IM_COL32(214, 96, 40, 90));
        tagRect("dashboard.burn.bar." + std::to_string(i), lo, hi, formatMoney(b.weeks[i].spent, cur));
    }
    for (size_t i = 1; i < n; ++i)
        dl->AddLine(ImVec2(x(i - 1), y(total - b.weeks[i - 1].pv)), ImVec2(x(i), y(total - b.weeks[i].pv)), kPv, 2.0f);
    for (size_t i = 1; i <= statusWeek; ++i)
        dl->AddLine(ImVec2(x(i - 1), y(total - b.weeks[i - 1].ac)), ImVec2(x(i), y(total - b.weeks[i].ac)), kAc, 2.0f);
    dl->AddLine(ImVec2(x(statusWeek), upper), ImVec2(x(statusWeek), lower), theme::kStatusLine, 1.5f);
    float lx = right - fs * 12;
    for (auto [name, col] : {std::pair{tr("Planned"), kPv}, std::pair{tr("Actual"), kAc}}) {
        dl->AddLine(ImVec2(lx, upper + fs * 0.6f), ImVec2(lx + fs, upper + fs * 0.6f), col, 2.5f);
        dl->AddText(ImVec2(lx + fs * 1.2f, upper + fs * 0.05f), theme::kScaleText, name);
        lx += fs * 5.5f;
    }
    if (hovered) {
        const float mx = ImGui::GetIO().MousePos.x;
        const size_t i = size_t(std::clamp(long((mx - left) / step), 0L, long(n - 1)));
        const WeekPoint& w = b.weeks[i];
        std::string tip = fmt(tr("Week ending {0}\nPlanned left {1}"), formatDate(w.end), formatMoney(total - w.pv, cur));
        if (i <= statusWeek) tip += fmt(tr("\nActually left {0}\nSpent that week {1}"), formatMoney(total - w.ac, cur), formatMoney(w.spent, cur));
        ImGui::SetTooltip("%s", tip.c_str());
        tagRect("dashboard.burn.tip", ImVec2(mx, upper), ImVec2(mx + 1, lower), tip);
    }
    ImGui::EndGroup();
}

void BudgetView::categoryTable(const BudgetStatus& b) {
    const Currency cur = currency(doc_.project().currency);
    ImGui::TextUnformatted(tr("Budget against actual, by category"));
    if (!beginRecordTable("##categories", {{tr("Category"), 1.3f}, {tr("Budget"), 1}, {tr("Actual"), 1}, {tr("Variance"), 1}, {tr("Spent"), 1.4f}}))
        return;
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
        dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), theme::kTrack);
        dl->AddRectFilled(p0, ImVec2(p0.x + w * std::min(share, 1.0f), p0.y + h), share > 1 ? kBad : kEv); // red: over budget
        ImGui::Dummy(ImVec2(w, h));
        if (ImGui::IsItemHovered() && bud > 0) ImGui::SetTooltip(tr("%lld %% of the budget spent"), static_cast<long long>(divRound(act * 100, bud)));
    };
    for (int c = 0; c < kCostCategories; ++c) {
        const int64_t bud = b.budgetByCategory[size_t(c)], act = b.actualByCategory[size_t(c)];
        if (bud == 0 && act == 0) continue;
        budget += bud;
        actual += act;
        row(tr(costCategoryLabel(CostCategory(c))), bud, act, costCategoryName(CostCategory(c)));
    }
    row(tr("Total"), budget, actual, "total");
    ImGui::EndTable();
}

} // namespace plotline
