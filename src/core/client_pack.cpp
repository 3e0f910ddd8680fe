// The client pack: a client view as one standalone HTML page (client_view.hpp).
#include "client_view.hpp"
#include "i18n.hpp"

#include "duration.hpp"
#include "money.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace plotline {

namespace {

const char* kStyle = R"(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:0 auto;max-width:1100px;padding:16px}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.2em;margin:1.4em 0 .5em;border-bottom:1px solid #d5d9e0;padding-bottom:.2em}
.asof{color:#4a5263}.rag{display:inline-block;padding:.15em .7em;border-radius:1em;font-weight:600;border:1px solid}
.rag-green{background:#e6f4ea;color:#1b5e20;border-color:#1b5e20}.rag-amber{background:#fff4e0;color:#7a4300;border-color:#7a4300}
.rag-red{background:#fdecea;color:#a4161a;border-color:#a4161a}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3em .5em;border-bottom:1px solid #e3e6eb;vertical-align:top}
th{background:#f2f4f7}tbody th{background:none}td.n,th.n{text-align:right;white-space:nowrap}td.d{white-space:nowrap}.sum{font-weight:600}
.late{color:#a4161a;font-weight:600}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{color:#4a5263}dd{margin:0;font-weight:600}
.timeline{overflow-x:auto}svg text{font:11px system-ui,sans-serif;fill:#1d2330}
@media (max-width:600px){body{padding:8px;font-size:14px}.opt{display:none}th,td{padding:.25em .25em}table{font-size:13px}th[scope=row]{overflow-wrap:anywhere}.timeline svg{min-width:780px}}
@media print{body{max-width:none;padding:0;font-size:11pt}h2{break-after:avoid}tr,svg{break-inside:avoid}.timeline{overflow:visible}}
@page{margin:12mm}
)";

std::string ragClass(Rag r) { return r == Rag::Red ? "rag-red" : r == Rag::Amber ? "rag-amber" : "rag-green"; }

void milestoneRows(std::string& out, const std::vector<MilestoneLine>& list, const char* state) {
    for (const MilestoneLine& m : list) {
        out += "<tr><td>" + escapeHtml(m.name) + "</td><td class=\"d\">" + m.date.str() + "</td><td" + (m.late ? " class=\"late\"" : "") + ">" +
               (m.done ? std::string("Reached") : m.late ? std::string("Late") : std::string(state)) + "</td></tr>\n";
    }
}

// A timeline of every task: bars (summaries dark, milestones diamonds), one row each, with a title
// each (read by screen readers and shown on hover); the whole as an image with its own label.
std::string timelineSvg(const Project& p, const Schedule& s) {
    if (!s.ok() || p.tasks.empty()) return "";
    double lo = 1e18, hi = -1e18;
    std::vector<BarSpan> spans(p.tasks.size());
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        spans[i] = barSpan(p.calendar, s.tasks[i]);
        lo = std::min(lo, spans[i].start);
        hi = std::max(hi, spans[i].end);
    }
    hi = std::max(hi, lo + 1);
    const double labelW = 260, width = 1000, rowH = 18, chartW = width - labelW - 10;
    const double height = rowH * double(p.tasks.size()) + 24;
    auto x = [&](double day) { return labelW + (day - lo) / (hi - lo) * chartW; };
    char buf[256];
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1000 " + std::to_string(int(height)) + "\" width=\"100%\" role=\"img\" aria-label=\"" +
                      escapeHtml("Timeline of " + std::to_string(p.tasks.size()) + " tasks from " + s.start.str() + " to " + s.finish.str()) + "\">\n";
    // Month ticks.
    Date d{int32_t(std::floor(lo))};
    for (int guard = 0; guard < 1200 && double(d.days) <= hi; ++guard) {
        int y, m, day;
        d.toYmd(y, m, day);
        if (day == 1 || guard == 0) {
            std::snprintf(buf, sizeof buf, "<line x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e6eb\"/><text x=\"%.1f\" y=\"11\">%04d-%02d</text>\n",
                          x(double(d.days)), x(double(d.days)), height, x(double(d.days)) + 2, y, m);
            out += buf;
        }
        d = d + 1;
    }
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const Task& t = p.tasks[i];
        const TaskSchedule& ts = s.tasks[i];
        const double top = 20 + rowH * double(i);
        const std::string title = escapeHtml(t.name + ": " + ts.startDate.str() + " to " + ts.finishDate.str());
        std::string name = t.name.size() > 40 ? t.name.substr(0, 38) + "\u2026" : t.name;
        std::snprintf(buf, sizeof buf, "<g><title>%s</title><text x=\"%.1f\" y=\"%.1f\">", title.c_str(), 4.0 + 10.0 * (ts.level - 1), top + 12);
        out += buf + escapeHtml(name) + "</text>";
        const double a = x(spans[i].start), b = x(spans[i].end);
        if (t.milestone) {
            std::snprintf(buf, sizeof buf, "<path d=\"M%.1f %.1f l6 6 l-6 6 l-6 -6z\" fill=\"#c0661a\"/>", a, top + 2);
        } else if (ts.summary) {
            std::snprintf(buf, sizeof buf, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"6\" fill=\"#2b3340\"/>", a, top + 5, std::max(1.0, b - a));
        } else {
            std::snprintf(buf, sizeof buf, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"12\" rx=\"2\" fill=\"#8fb0ec\"/><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"12\" rx=\"2\" fill=\"#2f5fc4\"/>",
                          a, top + 2, std::max(1.0, b - a), a, top + 2, std::max(0.0, (b - a) * ts.percentComplete / 100.0));
        }
        out += buf;
        out += "</g>\n";
    }
    return out + "</svg>";
}

} // namespace

std::string clientPackHtml(const ClientView& v) {
    const Project& p = v.project;
    const Schedule s = schedule(p);
    const Currency cur = currency(p.currency);
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + i18n::htmlLanguage() + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                      "<meta name=\"generator\" content=\"Plotline\"><title>" +
                      escapeHtml(p.name) + " \u2014 project view</title><style>" + kStyle + "</style></head>\n<body>\n<header>\n<h1>" + escapeHtml(p.name) + "</h1>\n";
    out += "<p class=\"asof\">As of " + v.asOf.str();
    if (s.ok()) out += " \u00b7 " + s.start.str() + " to " + s.finish.str();
    if (v.options.has(Share::Progress)) out += " \u00b7 " + std::to_string(v.percentComplete) + " % complete";
    out += "</p>\n";
    if (v.rag) {
        out += "<p>Status: <span class=\"rag " + ragClass(*v.rag) + "\">" + ragName(*v.rag) + "</span></p>\n";
        if (!v.reasons.empty()) {
            out += "<ul>";
            for (const std::string& r : v.reasons) out += "<li>" + escapeHtml(r) + "</li>";
            out += "</ul>\n";
        }
    }
    out += "</header>\n<main>\n";
    if (v.options.has(Share::Milestones) && (!v.nextMilestones.empty() || !v.reachedMilestones.empty())) {
        out += "<section aria-labelledby=\"ms\"><h2 id=\"ms\">Milestones</h2>\n<table><thead><tr><th scope=\"col\">Milestone</th><th scope=\"col\">Date</th>"
               "<th scope=\"col\">State</th></tr></thead><tbody>\n";
        milestoneRows(out, v.nextMilestones, "Next");
        milestoneRows(out, v.reachedMilestones, "Reached");
        out += "</tbody></table></section>\n";
    }
    if (v.budget) {
        out += "<section aria-labelledby=\"bu\"><h2 id=\"bu\">Budget</h2><dl><dt>Approved</dt><dd>" + formatMoney(v.budget->approved, cur) + "</dd><dt>Spent</dt><dd>" +
               formatMoney(v.budget->spent, cur) + "</dd>";
        if (v.budget->forecast) out += "<dt>Forecast at completion</dt><dd>" + formatMoney(*v.budget->forecast, cur) + "</dd>";
        out += "</dl></section>\n";
    }
    if (v.options.has(Share::Billing)) {
        // What the client pays: the contract's terms, the billing schedule and the invoices sent.
        const Contract& c = p.contract;
        const auto [fee, invoiced, paid] = feeTotals(p);
        out += "<section aria-labelledby=\"fe\"><h2 id=\"fe\">Fees and invoices</h2><dl><dt>Contract</dt><dd>" + std::string(contractTypeLabel(c.type)) + "</dd>";
        if (c.type == ContractType::TimeAndMaterials && c.cap) out += "<dt>Capped at</dt><dd>" + formatMoney(*c.cap, cur) + "</dd>";
        if (c.type == ContractType::Retainer) out += "<dt>Monthly fee</dt><dd>" + formatMoney(c.monthlyFee, cur) + "</dd>";
        if (!p.billing.empty()) out += std::string("<dt>") + (c.type == ContractType::FixedFee ? "Fee" : "Other charges") + "</dt><dd>" + formatMoney(fee, cur) + "</dd>";
        out += "<dt>Invoiced</dt><dd>" + formatMoney(invoiced, cur) + "</dd><dt>Paid</dt><dd>" + formatMoney(paid, cur) + "</dd></dl>\n";
        if (!p.billing.empty()) {
            out += "<table><caption>Billing schedule</caption><thead><tr><th scope=\"col\">Item</th><th scope=\"col\">When</th><th scope=\"col\" class=\"n\">Amount</th>"
                   "</tr></thead><tbody>\n";
            for (const BillingItem& b : p.billing) {
                const Task* t = p.task(b.task);
                const std::string when = t ? escapeHtml(t->name) + " complete" : b.date ? b.date->str() : "on completion";
                out += "<tr><th scope=\"row\" style=\"font-weight:inherit\">" + escapeHtml(b.name) + "</th><td>" + when + "</td><td class=\"n\">" +
                       formatMoney(b.amount, cur) + "</td></tr>\n";
            }
            out += "</tbody></table>\n";
        }
        if (!p.clientInvoices.empty()) {
            out += "<table><caption>Invoices</caption><thead><tr><th scope=\"col\">Invoice</th><th scope=\"col\">For</th><th scope=\"col\">Sent</th>"
                   "<th scope=\"col\" class=\"n\">Amount</th><th scope=\"col\">Paid</th></tr></thead><tbody>\n";
            for (const ClientInvoice& in : p.clientInvoices)
                out += "<tr><th scope=\"row\" style=\"font-weight:inherit\">" + escapeHtml(in.number) + "</th><td>" + monthTitle(in.month) + "</td><td>" +
                       in.issued.str() + "</td><td class=\"n\">" + formatMoney(in.amount, cur) + "</td><td>" + (in.paid ? in.paid->str() : "not yet") + "</td></tr>\n";
            out += "</tbody></table>\n";
        }
        out += "</section>\n";
    }
    if (const std::string svg = timelineSvg(p, s); !svg.empty())
        out += "<section aria-labelledby=\"tl\"><h2 id=\"tl\">Timeline</h2><div class=\"timeline\">" + svg + "</div></section>\n";
    out += "<section aria-labelledby=\"ta\"><h2 id=\"ta\">Tasks</h2>\n<table><thead><tr><th scope=\"col\" class=\"n opt\">#</th><th scope=\"col\">Task</th>"
           "<th scope=\"col\">Start</th><th scope=\"col\">Finish</th><th scope=\"col\" class=\"n opt\">Duration</th>";
    if (v.options.has(Share::Progress)) out += "<th scope=\"col\" class=\"n\">Done</th>";
    if (v.options.has(Share::Notes)) out += "<th scope=\"col\">Notes</th>";
    out += "</tr></thead><tbody>\n";
    const bool scheduled = s.ok() && s.tasks.size() == p.tasks.size();
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const Task& t = p.tasks[i];
        const TaskSchedule* ts = scheduled ? &s.tasks[i] : nullptr;
        const int level = ts ? ts->level : 1;
        out += std::string("<tr") + (ts && ts->summary ? " class=\"sum\"" : "") + "><td class=\"n opt\">" + std::to_string(i + 1) +
               "</td><th scope=\"row\" style=\"padding-left:" + std::to_string(0.5 + 1.2 * (level - 1)).substr(0, 4) + "em;font-weight:inherit\">" +
               escapeHtml(t.name) + (t.milestone ? " \u25c6" : "") + "</th><td class=\"d\">" + (ts ? ts->startDate.str() : "") + "</td><td class=\"d\">" +
               (ts ? ts->finishDate.str() : "") + "</td><td class=\"n opt\">" + formatDuration(t.duration, p.calendar.minutesPerDay) + "</td>";
        if (v.options.has(Share::Progress)) out += "<td class=\"n\">" + std::to_string(ts ? ts->percentComplete : t.percentComplete) + " %</td>";
        if (v.options.has(Share::Notes)) out += "<td>" + escapeHtml(t.notes) + "</td>";
        out += "</tr>\n";
    }
    out += "</tbody></table></section>\n</main>\n<footer><p class=\"asof\">Made with Plotline. A snapshot as of " + v.asOf.str() + ".</p></footer>\n</body></html>\n";
    return out;
}

} // namespace plotline
