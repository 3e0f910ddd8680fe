#include "resource_load.hpp"

#include "id_index.hpp"

#include <algorithm>
#include <cstdint>

namespace plotline {

float ResourceLoad::percentAtWorkday(size_t resource, int64_t workday) const {
    const std::vector<float>& d = days[resource];
    const int64_t k = workday - firstWorkday;
    return k < 0 || k >= int64_t(d.size()) ? 0.0f : d[size_t(k)];
}

float ResourceLoad::percent(size_t resource, Date day) const {
    if (!calendar || !calendar->isWorkingDay(day)) return 0.0f;
    return percentAtWorkday(resource, calendar->workdayIndex(day));
}

ResourceLoad resourceLoad(const Project& p, const Schedule& s) {
    ResourceLoad load;
    load.calendar = &p.calendar;
    const size_t nr = p.resources.size();
    load.days.assign(nr, {});
    load.peak.assign(nr, 0.0f);
    if (!s.ok() || s.tasks.size() != p.tasks.size() || nr == 0 || p.tasks.empty()) return load;
    const Calendar& cal = p.calendar;
    const int64_t mpd = cal.minutesPerDay;

    IdIndex taskAt(p.tasks.size()), resAt(nr);
    for (size_t i = 0; i < p.tasks.size(); ++i) taskAt.insert(p.tasks[i].id, int(i));
    for (size_t r = 0; r < nr; ++r) resAt.insert(p.resources[r].id, int(r));

    // The project's span in workdays.
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (const TaskSchedule& t : s.tasks) {
        lo = std::min(lo, floorDiv(t.start, mpd));
        hi = std::max(hi, floorDiv(t.finish - 1, mpd));
    }
    if (hi < lo) return load;
    load.firstWorkday = lo;
    for (auto& d : load.days) d.assign(size_t(hi - lo + 1), 0.0f);

    // Days off (as workday indices) of every resource on each task: the task does not work then.
    std::vector<std::vector<int64_t>> off(nr);
    for (size_t r = 0; r < nr; ++r)
        for (Date d : p.resources[r].daysOff)
            if (cal.isWorkingDay(d)) off[r].push_back(cal.workdayIndex(d));
    struct Booking { int task, resource, units; bool operator<(const Booking& o) const { return task < o.task; } };
    std::vector<Booking> bookings; // every usable assignment, grouped by task
    bookings.reserve(p.assignments.size());
    for (const Assignment& a : p.assignments) {
        const int t = taskAt.find(a.task), r = resAt.find(a.resource);
        if (t < 0 || r < 0 || a.units <= 0) continue;
        const TaskSchedule& ts = s.tasks[size_t(t)];
        if (!ts.summary && ts.finish > ts.start) bookings.push_back({t, r, a.units});
    }
    std::stable_sort(bookings.begin(), bookings.end());
    std::vector<int64_t> taskOff;
    for (size_t g = 0; g < bookings.size();) {
        size_t end = g;
        taskOff.clear();
        for (; end < bookings.size() && bookings[end].task == bookings[g].task; ++end)
            taskOff.insert(taskOff.end(), off[size_t(bookings[end].resource)].begin(), off[size_t(bookings[end].resource)].end());
        std::sort(taskOff.begin(), taskOff.end());
        const TaskSchedule& ts = s.tasks[size_t(bookings[g].task)];
        for (int64_t w = floorDiv(ts.start, mpd); w * mpd < ts.finish; ++w) {
            const int64_t from = std::max(ts.start, w * mpd), to = std::min(ts.finish, (w + 1) * mpd);
            if (to <= from || (!taskOff.empty() && std::binary_search(taskOff.begin(), taskOff.end(), w))) continue;
            const float share = float(to - from) / float(mpd);
            for (size_t k = g; k < end; ++k) load.days[size_t(bookings[k].resource)][size_t(w - lo)] += float(bookings[k].units) * share;
        }
        g = end;
    }
    for (size_t r = 0; r < nr; ++r)
        for (float v : load.days[r]) load.peak[r] = std::max(load.peak[r], v);
    return load;
}

} // namespace plotline
