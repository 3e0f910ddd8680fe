#include "print.hpp"
#include "i18n.hpp"

#include "duration.hpp"
#include "id_index.hpp"
#include "report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace plotline {

namespace {

// The sheet, in SVG units: 1000 wide; its height follows the paper's printable area (landscape,
// 10 mm margins, a line of title above), so `width: 100%` fills the width and never overflows the height.
constexpr double kWidth = 1000, kRowH = 17, kScaleH = 34, kTop = 0;
constexpr double kIdW = 28, kNameW = 262, kStartW = 64, kFinishW = 64, kDurW = 46;
constexpr double kTableW = kIdW + kNameW + kStartW + kFinishW + kDurW; // 464
constexpr double kChartX = kTableW + 6, kChartW = kWidth - kChartX - 4;

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

std::string esc(const std::string& s) { return escapeHtml(s); }

// Roughly what fits in `width` units at a font size of 9 (0.52 em a character); the clip path cuts
// the rest, this only puts an ellipsis where it is cut.
std::string fitText(const std::string& s, double width, double size = 9) {
    const size_t most = size_t(std::max(3.0, width / (size * 0.52)));
    size_t chars = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (chars == most) break;
            ++chars;
        }
    }
    if (i >= s.size()) return s;
    size_t cut = i;
    do --cut;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80);
    return s.substr(0, cut) + "\u2026";
}

// The drawing's classes, shared by the printed page and the exported picture.
constexpr const char* kSheetStyle =
    "text { font-size: 9px; fill: #2d3748; } .head { font-weight: 600; fill: #4a5568; } .summary { font-weight: 700; }\n"
    ".scale { fill: #f4f6f9; } .scaleText { fill: #4a5568; } .small { font-size: 8px; } .muted { fill: #8792a2; }\n"
    ".grid { stroke: #e3e7ed; stroke-width: 0.6; } .strong { stroke: #cdd3dc; }\n"
    ".bar { fill: #5b8def; } .done { fill: #2a5fc9; } .crit { fill: #e5676b; } .critDone { fill: #b83237; }\n"
    ".sum { fill: #2f3b4c; } .ms { fill: #d9822b; } .base { fill: #a3afc0; } .link { stroke: #8a94a6; stroke-width: 0.8; fill: none; }\n"
    ".alt { fill: #f7f9fb; } .today { stroke: #e5484d; stroke-width: 1.2; } .status { stroke: #7c3aed; stroke-width: 1.2; }\n"
    ".rule { stroke: #cdd3dc; stroke-width: 0.6; }\n"
    ".label { paint-order: stroke; stroke: #fff; stroke-width: 2.4px; stroke-linejoin: round; }\n";

struct Scale {
    double from = 0, to = 1;                  // days
    double chartX = kChartX, chartW = kChartW; // where the timeline is drawn
    double x(double day) const { return chartX + (day - from) / (to - from) * chartW; }
};

void scaleSvg(std::string& o, const Scale& sc, double height) {
    const double kChartX = sc.chartX, kChartW = sc.chartW;
    const double span = sc.to - sc.from;
    o += "<rect x=\"" + num(kChartX) + "\" y=\"0\" width=\"" + num(kChartW) + "\" height=\"" + num(kScaleH) + "\" class=\"scale\"/>";
    // Months on the top tier; weeks (or quarters of a long plan: months) below, with grid lines.
    Date d{int32_t(std::floor(sc.from))};
    int y, m, dd;
    d.toYmd(y, m, dd);
    for (Date month = Date::fromYmd(y, m, 1); month.days < sc.to;) {
        int yy, mm, d2;
        month.toYmd(yy, mm, d2);
        const Date next = mm == 12 ? Date::fromYmd(yy + 1, 1, 1) : Date::fromYmd(yy, mm + 1, 1);
        const double x0 = std::max(kChartX, sc.x(month.days)), x1 = std::min(kChartX + kChartW, sc.x(next.days));
        if (x1 - x0 > 24) {
            char label[32];
            std::snprintf(label, sizeof label, x1 - x0 > 70 ? "%s %d" : "%.3s", monthName(mm), yy);
            o += "<text x=\"" + num(x0 + 3) + "\" y=\"13\" class=\"scaleText\">" + label + "</text>";
        }
        if (month.days > sc.from) o += "<line x1=\"" + num(sc.x(month.days)) + "\" y1=\"0\" x2=\"" + num(sc.x(month.days)) + "\" y2=\"" + num(height) + "\" class=\"grid strong\"/>";
        month = next;
    }
    if (span <= 200) {
        const double perWeek = kChartW / span * 7;
        for (Date w = d - d.weekday(); w.days < sc.to; w = w + 7) {
            if (w.days < sc.from) continue;
            const double x = sc.x(w.days);
            o += "<line x1=\"" + num(x) + "\" y1=\"17\" x2=\"" + num(x) + "\" y2=\"" + num(height) + "\" class=\"grid\"/>";
            int wy, wm, wd;
            w.toYmd(wy, wm, wd);
            if (perWeek > 16 && x + 14 < kChartX + kChartW) o += "<text x=\"" + num(x + 2) + "\" y=\"29\" class=\"scaleText small\">" + std::to_string(wd) + "</text>";
        }
    }
    o += "<line x1=\"" + num(kChartX) + "\" y1=\"17\" x2=\"" + num(kChartX + kChartW) + "\" y2=\"17\" class=\"grid\"/>";
}

// The days the rows' bars cover with 2 % (at least a day) of room either side; unchanged when no row.
void fitRows(Scale& sc, const std::vector<int>& rows, const std::vector<BarSpan>& bars) {
    double lo = 1e18, hi = -1e18;
    for (int r : rows) lo = std::min(lo, bars[size_t(r)].start), hi = std::max(hi, bars[size_t(r)].end);
    if (lo > hi) return;
    const double pad = std::max(1.0, (hi - lo) * 0.02);
    sc.from = std::floor(lo - pad);
    sc.to = std::ceil(hi + pad);
}

// A baseline's bars by row (none for a null id or a task it does not hold).
std::vector<std::optional<BarSpan>> baselineBars(const Project& p, const IdIndex& at, Id baseline) {
    std::vector<std::optional<BarSpan>> base(p.tasks.size());
    if (baseline.isNull()) return base;
    for (const Baseline& b : p.baselines)
        if (b.id == baseline)
            for (const BaselineTask& bt : b.tasks)
                if (const int i = at.find(bt.task); i >= 0) base[size_t(i)] = BarSpan{double(bt.start.days), bt.finish.days + 1.0};
    return base;
}

// What one sheet shows: rows [first, last) of `rows` under the timeline, the table at the left when asked.
struct Sheet {
    const Project& p;
    const Schedule& s;
    const std::vector<int>& rows;
    const std::vector<BarSpan>& bars;
    const std::vector<std::optional<BarSpan>>& base;
    const IdIndex& at;
    const std::vector<int>& pageOf;
    const std::vector<int>& lineOf;
    Scale sc;
    double width;
    bool table, critical;
    std::optional<Date> today;
};

void drawSheet(std::string& o, const Sheet& sh, int page, size_t first, size_t last) {
    const Project& p = sh.p;
    const Schedule& s = sh.s;
    const std::vector<int>& rows = sh.rows;
    const std::vector<BarSpan>& bars = sh.bars;
    const auto& base = sh.base;
    const IdIndex& at = sh.at;
    const std::vector<int>& pageOf = sh.pageOf;
    const std::vector<int>& lineOf = sh.lineOf;
    const Scale& sc = sh.sc;
    const double sheetH = kScaleH + double(last - first) * kRowH + 4;
    o += "<defs><clipPath id=\"name" + std::to_string(page) + "\"><rect x=\"" + num(kIdW) + "\" y=\"0\" width=\"" + num(kNameW - 4) + "\" height=\"" + num(sheetH) +
         "\"/></clipPath><clipPath id=\"chart" + std::to_string(page) + "\"><rect x=\"" + num(sc.chartX) + "\" y=\"0\" width=\"" + num(sc.chartW) + "\" height=\"" + num(sheetH) + "\"/></clipPath></defs>\n";
    const double bodyH = kScaleH + double(last - first) * kRowH;
    // Row stripes, then the table's header.
    for (size_t k = first; k < last; ++k)
        if ((k - first) % 2) o += "<rect x=\"0\" y=\"" + num(kScaleH + double(k - first) * kRowH) + "\" width=\"" + num(sh.width) + "\" height=\"" + num(kRowH) + "\" class=\"alt\"/>";
    const double hy = 26;
    if (sh.table) o += "<text x=\"2\" y=\"" + num(hy) + "\" class=\"head\">#</text><text x=\"" + num(kIdW) + "\" y=\"" + num(hy) + "\" class=\"head\">Task</text>"
         "<text x=\"" + num(kIdW + kNameW) + "\" y=\"" + num(hy) + "\" class=\"head\">Start</text><text x=\"" + num(kIdW + kNameW + kStartW) + "\" y=\"" + num(hy) +
         "\" class=\"head\">Finish</text><text x=\"" + num(kTableW - 3) + "\" y=\"" + num(hy) + "\" class=\"head\" text-anchor=\"end\">Dur.</text>\n";
    o += "<line x1=\"0\" y1=\"" + num(kScaleH) + "\" x2=\"" + num(sh.width) + "\" y2=\"" + num(kScaleH) + "\" class=\"rule\"/>";
    if (sh.table) o += "<line x1=\"" + num(kTableW + 2) + "\" y1=\"0\" x2=\"" + num(kTableW + 2) + "\" y2=\"" + num(bodyH) + "\" class=\"rule\"/>\n";
    scaleSvg(o, sc, bodyH);
    o += "<g clip-path=\"url(#chart" + std::to_string(page) + ")\">\n";
    // Today and the status date.
    if (sh.today && sh.today->days + 0.5 > sc.from && sh.today->days + 0.5 < sc.to) {
        const double x = sc.x(sh.today->days + 0.5);
        o += "<line x1=\"" + num(x) + "\" y1=\"" + num(kScaleH) + "\" x2=\"" + num(x) + "\" y2=\"" + num(bodyH) + "\" class=\"today\"/>";
    }
    if (p.statusDate && p.statusDate->days + 1.0 > sc.from && p.statusDate->days + 1.0 < sc.to) {
        const double x = sc.x(p.statusDate->days + 1.0);
        o += "<line x1=\"" + num(x) + "\" y1=\"" + num(kScaleH) + "\" x2=\"" + num(x) + "\" y2=\"" + num(bodyH) + "\" class=\"status\"/>";
    }
    // Links between rows of this sheet (one that leaves the sheet is cut at its edge).
    for (const Link& l : p.links) {
        const int a = at.find(l.predecessor), b = at.find(l.successor);
        if (a < 0 || b < 0 || pageOf[size_t(a)] != page || pageOf[size_t(b)] != page) continue;
        const bool fromEnd = l.type == LinkType::FS || l.type == LinkType::FF, toStart = l.type == LinkType::FS || l.type == LinkType::SS;
        const double fx = sc.x(fromEnd ? bars[size_t(a)].end : bars[size_t(a)].start), tx = sc.x(toStart ? bars[size_t(b)].start : bars[size_t(b)].end);
        const double fy = kScaleH + lineOf[size_t(a)] * kRowH + kRowH / 2, ty = kScaleH + lineOf[size_t(b)] * kRowH + kRowH / 2;
        const double out = fromEnd ? fx + 4 : fx - 4, in = toStart ? tx - 4 : tx + 4;
        std::string path = "M" + num(fx) + "," + num(fy) + " H" + num(out);
        const double midY = ty > fy ? fy + kRowH / 2 : fy - kRowH / 2;
        if ((toStart && out <= in) || (!toStart && out >= in)) path += " V" + num(ty) + " H" + num(tx);
        else path += " V" + num(midY) + " H" + num(in) + " V" + num(ty) + " H" + num(tx);
        o += "<path d=\"" + path + "\" class=\"link\"/>";
        const double head = 2.6, dir = toStart ? -1 : 1;
        o += "<path d=\"M" + num(tx) + "," + num(ty) + " l" + num(dir * head) + "," + num(-head) + " v" + num(2 * head) + " z\" class=\"link\" style=\"fill:#8a94a6\"/>";
    }
    o += "\n";
    std::string cells; // the table's, outside the chart's clip
    for (size_t k = first; k < last; ++k) {
        const size_t r = size_t(rows[k]);
        const Task& t = p.tasks[r];
        const TaskSchedule& ts = s.tasks[r];
        const double top = kScaleH + double(k - first) * kRowH, cy = top + kRowH / 2;
        const BarSpan& bar = bars[r];
        const double x0 = sc.x(bar.start), x1 = std::max(x0 + 0.8, sc.x(bar.end));
        if (base[r]) {
            const double bx0 = sc.x(base[r]->start), bx1 = std::max(bx0 + 0.8, sc.x(base[r]->end));
            o += "<rect x=\"" + num(bx0) + "\" y=\"" + num(cy + 4) + "\" width=\"" + num(bx1 - bx0) + "\" height=\"2\" class=\"base\"/>";
        }
        if (ts.summary) {
            o += "<rect x=\"" + num(x0) + "\" y=\"" + num(cy - 2.5) + "\" width=\"" + num(x1 - x0) + "\" height=\"4\" class=\"sum\"/>";
            o += "<path d=\"M" + num(x0) + "," + num(cy + 1.5) + " h4 l-4,4 z M" + num(x1) + "," + num(cy + 1.5) + " h-4 l4,4 z\" class=\"sum\"/>";
        } else if (ts.finish == ts.start) {
            o += "<path d=\"M" + num(x0) + "," + num(cy - 5) + " l5,5 l-5,5 l-5,-5 z\" class=\"ms\"/>";
        } else {
            const bool crit = sh.critical && ts.critical;
            o += "<rect x=\"" + num(x0) + "\" y=\"" + num(cy - 4.5) + "\" width=\"" + num(x1 - x0) + "\" height=\"9\" rx=\"1.5\" class=\"" + (crit ? "crit" : "bar") + "\"/>";
            if (ts.percentComplete > 0)
                o += "<rect x=\"" + num(x0) + "\" y=\"" + num(cy - 4.5) + "\" width=\"" + num((x1 - x0) * ts.percentComplete / 100.0) + "\" height=\"9\" rx=\"1.5\" class=\"" +
                     (crit ? "critDone" : "done") + "\"/>";
        }
        // The name after the bar when there is room, as on screen.
        const double after = (ts.finish == ts.start ? x0 + 7 : x1 + 4);
        if (after + 40 < sc.chartX + sc.chartW)
            o += "<text x=\"" + num(after) + "\" y=\"" + num(cy + 3) + "\" class=\"muted small label\">" + esc(fitText(t.name, sc.chartX + sc.chartW - after, 8)) + "</text>";
        // The table's cells.
        const double indent = (std::max(1, ts.level) - 1) * 9.0;
        const int mpd = p.calendar.minutesPerDay;
        const std::string dur = formatDuration(ts.summary ? ts.finish - ts.start : (t.milestone ? 0 : t.duration), mpd);
        cells += "<text x=\"2\" y=\"" + num(cy + 3) + "\" class=\"muted\">" + std::to_string(r + 1) + "</text>";
        cells += "<text x=\"" + num(kIdW + indent) + "\" y=\"" + num(cy + 3) + "\" clip-path=\"url(#name" + std::to_string(page) + ")\"" +
             (ts.summary ? " class=\"summary\"" : "") + ">" + esc(fitText(t.name, kNameW - 6 - indent)) + "</text>";
        cells += "<text x=\"" + num(kIdW + kNameW) + "\" y=\"" + num(cy + 3) + "\">" + ts.startDate.str() + "</text>";
        cells += "<text x=\"" + num(kIdW + kNameW + kStartW) + "\" y=\"" + num(cy + 3) + "\">" + ts.finishDate.str() + "</text>";
        cells += "<text x=\"" + num(kTableW - 3) + "\" y=\"" + num(cy + 3) + "\" text-anchor=\"end\">" + esc(dur) + "</text>\n";
    }
    o += "</g>\n";
    if (sh.table) o += cells;
}

} // namespace

std::string printPage(const Project& p, const Schedule& s, const PrintOptions& opt) {
    std::vector<int> rows = opt.rows;
    if (rows.empty())
        for (size_t i = 0; i < p.tasks.size(); ++i) rows.push_back(int(i));
    const bool scheduled = s.ok() && s.tasks.size() == p.tasks.size();
    if (!scheduled) rows.clear();
    std::vector<BarSpan> bars(p.tasks.size());
    for (int r : rows) bars[size_t(r)] = barSpan(p.calendar, s.tasks[size_t(r)]); // none unless scheduled
    Scale sc{double(p.start.days), p.start.days + 7.0};
    fitRows(sc, rows, bars);
    const IdIndex at = indexById(p.tasks);
    const std::vector<std::optional<BarSpan>> base = baselineBars(p, at, opt.baseline);
    std::vector<int> pageOf(p.tasks.size(), -1), lineOf(p.tasks.size(), -1);
    for (size_t k = 0; k < rows.size(); ++k) {
        pageOf[size_t(rows[k])] = int(k / kPrintRowsPerPage);
        lineOf[size_t(rows[k])] = int(k % kPrintRowsPerPage);
    }
    const int pages = printPages(rows.size());
    const double sheetH = kTop + kScaleH + kPrintRowsPerPage * kRowH + 4;
    const std::string paper = opt.letter ? "letter landscape" : "A4 landscape";
    // Printable area in mm (10 mm margins): A4 277 × 190, Letter 259.4 × 195.9; 12 mm go to the title.
    const double areaW = opt.letter ? 259.4 : 277, areaH = (opt.letter ? 195.9 : 190) - 12;
    const double sheetW = std::min(areaW, areaH * kWidth / sheetH); // mm, keeping the aspect

    std::string o;
    o.reserve(4096 + rows.size() * 700);
    o += "<!DOCTYPE html>\n<html lang=\"" + i18n::htmlLanguage() + "\"><head><meta charset=\"utf-8\"><title>" + esc(p.name) + "</title>\n<style>\n";
    o += "@page { size: " + paper + "; margin: 10mm; }\n";
    o += "html, body { margin: 0; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2733; }\n"
         "* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
         ".sheet { break-after: page; page-break-after: always; }\n.sheet:last-child { break-after: auto; page-break-after: auto; }\n"
         "h1 { font-size: 4.2mm; margin: 0 0 1mm; height: 6mm; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }\n"
         ".meta { font-size: 2.8mm; color: #5b6472; height: 4mm; margin-bottom: 1mm; display: flex; justify-content: space-between; }\n"
         "svg { display: block; width: " + num(sheetW) + "mm; height: auto; }\n"
         + std::string(kSheetStyle) +
         "@media screen { body { padding: 10mm; background: #e9edf2; } .sheet { background: #fff; padding: 4mm; margin-bottom: 6mm; width: max-content; } }\n";
    o += "</style></head><body>\n";
    const std::string span = scheduled ? s.start.str() + " \u2192 " + s.finish.str() : std::string("not scheduled: ") + s.error;
    for (int page = 0; page < pages; ++page) {
        o += "<section class=\"sheet\">\n<h1>" + esc(p.name) + "</h1>\n<div class=\"meta\"><span>" + esc(span) + "  \u00b7  " +
             std::to_string(rows.size()) + (rows.size() == 1 ? " task" : " tasks");
        if (p.statusDate) o += "  \u00b7  status date " + p.statusDate->str();
        o += "</span><span>";
        if (!opt.printedOn.empty()) o += "Printed " + esc(opt.printedOn) + "  \u00b7  ";
        o += "page " + std::to_string(page + 1) + " of " + std::to_string(pages) + "</span></div>\n";
        o += "<svg viewBox=\"0 0 " + num(kWidth) + " " + num(sheetH) + "\" xmlns=\"http://www.w3.org/2000/svg\">\n";
        const size_t first = size_t(page) * kPrintRowsPerPage, last = std::min(rows.size(), first + kPrintRowsPerPage);
        const Sheet sheet{p, s, rows, bars, base, at, pageOf, lineOf, sc, kWidth, true, opt.critical, opt.today};
        drawSheet(o, sheet, page, first, last);
        o += "</svg>\n</section>\n";
    }
    o += "</body></html>\n";
    return o;
}

ChartSvg chartSvg(const Project& p, const Schedule& s, const ChartOptions& opt) {
    ChartSvg out;
    const bool scheduled = s.ok() && s.tasks.size() == p.tasks.size();
    std::vector<int> rows;
    if (scheduled) {
        if (opt.rows.empty())
            for (size_t i = 0; i < p.tasks.size(); ++i) rows.push_back(int(i));
        else
            for (int r : opt.rows)
                if (r >= 0 && size_t(r) < p.tasks.size()) rows.push_back(r);
    }
    std::vector<BarSpan> bars(p.tasks.size());
    for (int r : rows) bars[size_t(r)] = barSpan(p.calendar, s.tasks[size_t(r)]);
    // The span: the chosen days, or the rows' own with a little room.
    const double from = opt.from ? double(opt.from->days) : -1e18, to = opt.to ? opt.to->days + 1.0 : 1e18;
    std::vector<int> shown;
    for (int r : rows) {
        const BarSpan& b = bars[size_t(r)];
        if (opt.maxLevel > 0 && s.tasks[size_t(r)].level > opt.maxLevel) continue;
        if (b.end < from || b.start > to) continue; // wholly outside the chosen days
        shown.push_back(r);
    }
    const double width = std::clamp(opt.width, 480.0, 20000.0);
    const double chartX = opt.table ? kChartX : 4, chartW = width - chartX - 4;
    Scale sc{double(p.start.days), p.start.days + 7.0, chartX, chartW};
    fitRows(sc, shown, bars);
    if (opt.from) sc.from = from;
    if (opt.to) sc.to = to;
    if (sc.to <= sc.from) sc.to = sc.from + 1;
    const IdIndex at = indexById(p.tasks);
    const std::vector<std::optional<BarSpan>> base = baselineBars(p, at, opt.baseline);
    std::vector<int> pageOf(p.tasks.size(), -1), lineOf(p.tasks.size(), -1);
    for (size_t k = 0; k < shown.size(); ++k) pageOf[size_t(shown[k])] = 0, lineOf[size_t(shown[k])] = int(k);
    constexpr double kTitleH = 26;
    const double height = kTitleH + kScaleH + double(shown.size()) * kRowH + 4;
    out.width = width;
    out.height = height;
    out.rows = shown.size();
    std::string& o = out.svg;
    o.reserve(4096 + shown.size() * 700);
    o += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" + num(height) +
         "\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\">\n<title>" + esc(p.name) + "</title>\n<style>\n"
         "svg { font-family: 'DejaVu Sans', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }\n.title { font-size: 13px; font-weight: 700; fill: #1f2733; }\n"
         ".meta { font-size: 9px; fill: #5b6472; }\n" + std::string(kSheetStyle) + "</style>\n";
    o += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    std::string span = scheduled ? Date{int32_t(std::floor(sc.from))}.str() + " \u2192 " + Date{int32_t(std::ceil(sc.to) - 1)}.str()
                                 : std::string("not scheduled: ") + s.error;
    span += "  \u00b7  " + std::to_string(shown.size()) + (shown.size() == 1 ? " task" : " tasks");
    if (opt.maxLevel > 0) span += " to level " + std::to_string(opt.maxLevel);
    if (p.statusDate) span += "  \u00b7  status date " + p.statusDate->str();
    o += "<text x=\"4\" y=\"15\" class=\"title\">" + esc(fitText(p.name, width * 0.55, 13)) + "</text>";
    o += "<text x=\"" + num(width - 4) + "\" y=\"15\" class=\"meta\" text-anchor=\"end\">" + esc(span) + "</text>\n";
    o += "<g transform=\"translate(0," + num(kTitleH) + ")\">\n";
    const Sheet sheet{p, s, shown, bars, base, at, pageOf, lineOf, sc, width, opt.table, opt.critical, opt.today};
    drawSheet(o, sheet, 0, 0, shown.size());
    o += "</g>\n</svg>\n";
    return out;
}

} // namespace plotline
