// Small builders for readable tests.
#pragma once
#include "core/model.hpp"

#include <doctest/doctest.h>

namespace plotline::test {

inline Date d(const char* iso) {
    auto x = Date::parse(iso);
    REQUIRE_MESSAGE(x.has_value(), iso);
    return *x;
}

inline Task& addTask(Project& p, const char* name, int64_t minutes, Id parent = {}) {
    Task t;
    t.id = Id::random();
    t.name = name;
    t.duration = minutes;
    t.parent = parent;
    t.milestone = minutes == 0;
    p.tasks.push_back(t);
    return p.tasks.back();
}

inline Link& link(Project& p, const Task& a, const Task& b, LinkType type = LinkType::FS, int64_t lag = 0) {
    p.links.push_back({Id::random(), a.id, b.id, type, lag, 0});
    return p.links.back();
}

inline Project project(const char* start) {
    Project p;
    p.id = Id::random();
    p.name = "Test";
    p.start = d(start);
    p.tasks.reserve(64); // addTask hands out references: keep them valid in small tests
    return p;
}

constexpr int64_t DAY = 480, HOUR = 60;

} // namespace plotline::test

namespace doctest {
template <> struct StringMaker<plotline::Date> {
    static String convert(const plotline::Date& d) { return d.str().c_str(); }
};
} // namespace doctest
