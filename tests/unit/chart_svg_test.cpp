// The chart as a picture: a valid standalone SVG with a bar, diamond or summary bracket per row, at
// the x its dates give, for chosen days and outline depth.
#include "core/json_io.hpp"
#include "core/print.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>


using namespace plotline;
using namespace plotline::test;

namespace {

struct Drawn {
    pugi::xml_document doc;
    std::vector<pugi::xml_node> bars, milestones, summaries, rows;
};

void parse(const std::string& svg, Drawn& d) {
    REQUIRE_MESSAGE(d.doc.load_string(svg.c_str()), "the SVG is well-formed XML");
    std::vector<pugi::xml_node> stack{d.doc.document_element()};
    while (!stack.empty()) {
        pugi::xml_node n = stack.back();
        stack.pop_back();
        const std::string cls = n.attribute("class").value();
        if (std::string(n.name()) == "rect" && (cls == "bar" || cls == "crit")) d.bars.push_back(n);
        if (std::string(n.name()) == "path" && cls == "ms") d.milestones.push_back(n);
        if (std::string(n.name()) == "rect" && cls == "sum") d.summaries.push_back(n);
        for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
    }
}

} // namespace

TEST_CASE("chart picture: every task of the sample drawn where its dates are") {
    const Project p = sampleProject();
    const Schedule s = schedule(p);
    ChartOptions o;
    o.width = 2000;
    const ChartSvg c = chartSvg(p, s, o);
    Drawn d;
    parse(c.svg, d);
    pugi::xml_node root = d.doc.document_element();
    CHECK(std::string(root.name()) == "svg");
    CHECK(std::string(root.attribute("xmlns").value()) == "http://www.w3.org/2000/svg");
    CHECK(root.attribute("width").as_double() == 2000);
    CHECK(root.attribute("height").as_double() == doctest::Approx(c.height));
    CHECK(c.rows == p.tasks.size());
    size_t leaves = 0, milestones = 0, summaries = 0;
    for (const TaskSchedule& ts : s.tasks) {
        if (ts.summary) ++summaries;
        else if (ts.start == ts.finish) ++milestones;
        else ++leaves;
    }
    CHECK(d.bars.size() == leaves);
    CHECK(d.milestones.size() == milestones);
    CHECK(d.summaries.size() == summaries);
    // Bars in row order: each starts at an x that grows with its start, and the width with its span.
    std::vector<std::pair<double, double>> xs; // (x, width) per leaf, in row order
    for (pugi::xml_node b : d.bars) xs.push_back({b.attribute("x").as_double(), b.attribute("width").as_double()});
    size_t k = 0;
    double perDay = 0;
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        if (s.tasks[i].summary || s.tasks[i].start == s.tasks[i].finish) continue;
        const BarSpan span = barSpan(p.calendar, s.tasks[i]);
        if (perDay == 0) perDay = xs[k].second / (span.end - span.start);
        CHECK(xs[k].second == doctest::Approx((span.end - span.start) * perDay).epsilon(0.02));
        ++k;
    }
    // Two bars: their x difference is their start difference at the same scale.
    size_t first = 0, last = 0;
    for (size_t i = 0, n = 0; i < p.tasks.size(); ++i)
        if (!s.tasks[i].summary && s.tasks[i].start != s.tasks[i].finish) (n == 0 ? first : last) = i, ++n;
    const double dx = xs.back().first - xs.front().first;
    CHECK(dx == doctest::Approx((barSpan(p.calendar, s.tasks[last]).start - barSpan(p.calendar, s.tasks[first]).start) * perDay).epsilon(0.02));
}

TEST_CASE("chart picture: chosen days, outline depth, no table, and names that need escaping") {
    Project p = project("2026-03-02");
    p.name = "R&D <beta> \"launch\"";
    Task& phase = addTask(p, "Phase & more", DAY);
    Task& a = addTask(p, "A <first>", 5 * DAY, phase.id);
    Task& b = addTask(p, "B", 5 * DAY, phase.id);
    link(p, a, b);
    Task& c = addTask(p, "C", 10 * DAY);
    link(p, b, c);
    const Schedule s = schedule(p);
    {
        Drawn d;
        parse(chartSvg(p, s, ChartOptions{}).svg, d); // parses: every name escaped
        CHECK(d.bars.size() == 3);
        CHECK(std::string(d.doc.document_element().child_value("title")) == "R&D <beta> \"launch\"");
    }
    {
        ChartOptions o;
        o.maxLevel = 1;
        const ChartSvg c = chartSvg(p, s, o);
        Drawn d;
        parse(c.svg, d);
        CHECK(c.rows == 2);          // the phase and C
        CHECK(d.summaries.size() == 1);
        CHECK(d.bars.size() == 1);
    }
    {
        ChartOptions o; // the second week only: A (first week) is left out
        o.from = d("2026-03-09");
        o.to = d("2026-03-13");
        o.table = false;
        const ChartSvg c = chartSvg(p, s, o);
        Drawn dr;
        parse(c.svg, dr);
        CHECK(c.rows == 2);          // the phase and B
        CHECK(c.svg.find(">Task</text>") == std::string::npos); // no table header
        REQUIRE(dr.bars.size() == 1);
        // B fills the chosen week: its bar spans the timeline's width (the scale is those five days).
        const double x = dr.bars[0].attribute("x").as_double(), w = dr.bars[0].attribute("width").as_double();
        CHECK(x == doctest::Approx(4).epsilon(0.05));
        CHECK(w == doctest::Approx(c.width - 8).epsilon(0.05));
    }
}
