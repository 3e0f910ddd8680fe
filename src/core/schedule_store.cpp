#include "schedule_store.hpp"
#include "sealed.hpp"
#include "varint.hpp"

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace plotline {

namespace {

constexpr std::string_view kMagic = "PLSC";
constexpr uint64_t kFormat = 1; // raise when the layout, or what the scheduler computes, changes
const TaskSchedule kNoTask{};  // above the first task

// A task's numbers in one order for writing and reading: f(field, the same field of the task above).
template <class T, class F> void numbers(T& t, const TaskSchedule& above, F&& f) {
    f(t.start, above.start);
    f(t.finish, above.finish);
    f(t.lateStart, above.lateStart);
    f(t.lateFinish, above.lateFinish);
    f(t.totalFloat, above.totalFloat);
    f(t.freeFloat, above.freeFloat);
    f(t.linkStart, above.linkStart);
    f(t.startDate.days, above.startDate.days);
    f(t.finishDate.days, above.finishDate.days);
    f(t.lateStartDate.days, above.lateStartDate.days);
    f(t.lateFinishDate.days, above.lateFinishDate.days);
}

// Varints written through a pointer into room made ahead (a string append per number is several
// times slower in wasm).
struct Writer {
    std::string s;
    char* q = nullptr;
    // Room for `numbers` more varints.
    void room(size_t numbers) {
        const size_t at = q ? size_t(q - s.data()) : s.size();
        if (at + numbers * 10 > s.size()) s.resize(std::max(s.size() * 2, at + numbers * 10));
        q = s.data() + at;
    }
    void u(uint64_t v) { q = putVarint(q, v); }
    void i(int64_t v) { u(zigzag(v)); }
    std::string take() {
        s.resize(size_t(q - s.data()));
        return std::move(s);
    }
};

void rows(Writer& o, const std::vector<int>& v) {
    int64_t prev = 0;
    for (int r : v) {
        o.room(1);
        o.i(int64_t(r) - prev);
        prev = r;
    }
}

bool rows(VarintIn& in, std::vector<int>& v, size_t n, size_t tasks) {
    v.resize(n);
    int64_t prev = 0;
    for (int& r : v) {
        prev += in.i();
        if (prev < -1 || prev >= int64_t(tasks)) return false;
        r = int(prev);
    }
    return !in.bad;
}

} // namespace

std::string writeStoredSchedule(const Schedule& s, const ScheduleKey& key) {
    Writer o;
    o.s.resize(64 + s.tasks.size() * 24 + (s.linkFrom.size() * 2 + s.assignmentRow.size()) * 2);
    std::memcpy(o.s.data(), kMagic.data(), kMagic.size());
    o.q = o.s.data() + kMagic.size();
    o.room(8);
    o.u(kFormat);
    o.u(key.bytes);
    o.u(key.crc);
    o.u(s.tasks.size());
    o.u(s.linkFrom.size());
    o.u(s.assignmentRow.size());
    o.i(s.start.days);
    o.i(s.finish.days);
    const TaskSchedule* above = &kNoTask;
    for (const TaskSchedule& t : s.tasks) {
        o.room(14);
        numbers(t, *above, [&](const auto& v, const auto& a) { o.i(int64_t(v) - int64_t(a)); });
        o.u(uint64_t(t.level));
        o.u(uint64_t(t.percentComplete));
        o.u(uint64_t(t.flags) << 2 | (t.summary ? 2u : 0u) | (t.critical ? 1u : 0u));
        above = &t;
    }
    rows(o, s.linkFrom);
    rows(o, s.linkTo);
    rows(o, s.assignmentRow);
    std::string out = o.take();
    const uint32_t sum = crc32(out);
    for (int k = 0; k < 4; ++k) out += char(uint8_t(sum >> (8 * k)));
    return out;
}

std::optional<Schedule> readStoredSchedule(std::string_view text, const ScheduleKey& key, const Project& p) {
    if (text.size() < kMagic.size() + 4 || text.substr(0, kMagic.size()) != kMagic) return std::nullopt;
    const std::string_view covered = text.substr(0, text.size() - 4);
    uint32_t sum = 0;
    for (int k = 0; k < 4; ++k) sum |= uint32_t(uint8_t(text[covered.size() + size_t(k)])) << (8 * k);
    if (crc32(covered) != sum) return std::nullopt;
    VarintIn in{reinterpret_cast<const uint8_t*>(covered.data()) + kMagic.size(), reinterpret_cast<const uint8_t*>(covered.data() + covered.size())};
    if (in.u() != kFormat || in.u() != key.bytes || in.u() != key.crc) return std::nullopt;
    const size_t n = p.tasks.size(), links = p.links.size(), assignments = p.assignments.size();
    if (in.u() != n || in.u() != links || in.u() != assignments || in.bad) return std::nullopt;
    Schedule s;
    s.start.days = int32_t(in.i());
    s.finish.days = int32_t(in.i());
    s.tasks.resize(n);
    const TaskSchedule* above = &kNoTask;
    for (TaskSchedule& t : s.tasks) {
        if (in.left() < 14) return std::nullopt; // a byte a number at least: no huge list from a bad count
        numbers(t, *above, [&](auto& v, const auto& a) { v = std::remove_reference_t<decltype(v)>(int64_t(a) + in.i()); });
        t.level = int(in.u());
        t.percentComplete = int(in.u());
        const uint64_t bits = in.u();
        t.critical = bits & 1;
        t.summary = bits & 2;
        t.flags = uint8_t(bits >> 2);
        above = &t;
    }
    if (in.bad || !rows(in, s.linkFrom, links, n) || !rows(in, s.linkTo, links, n) || !rows(in, s.assignmentRow, assignments, n) || in.left())
        return std::nullopt;
    s.parentRow = outlineParentRows(s);
    return s;
}

bool sameSchedule(const Schedule& a, const Schedule& b) {
    return a.tasks == b.tasks && a.start == b.start && a.finish == b.finish && a.error == b.error && a.cycle == b.cycle &&
           a.linkFrom == b.linkFrom && a.linkTo == b.linkTo && a.assignmentRow == b.assignmentRow && a.parentRow == b.parentRow;
}

} // namespace plotline
