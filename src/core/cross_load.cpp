#include "cross_load.hpp"

#include <algorithm>

namespace plotline {

std::string personKey(std::string_view email) {
    while (!email.empty() && (email.front() == ' ' || email.front() == '\t')) email.remove_prefix(1);
    while (!email.empty() && (email.back() == ' ' || email.back() == '\t')) email.remove_suffix(1);
    const size_t at = email.find('@');
    if (at == 0 || at == std::string_view::npos || at + 1 == email.size()) return {};
    std::string key(email);
    for (char& c : key)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return key;
}

float Booking::on(Date day) const {
    const int k = day - first;
    return k < 0 || k >= int(percent.size()) ? 0.0f : percent[size_t(k)];
}

std::vector<Booking> bookings(const Project& p, const ResourceLoad& load) {
    std::vector<Booking> out;
    if (!load.calendar) return out;
    const Calendar& cal = *load.calendar;
    for (size_t r = 0; r < p.resources.size() && r < load.days.size(); ++r) {
        std::string key = personKey(p.resources[r].email);
        const std::vector<float>& days = load.days[r];
        if (key.empty()) continue;
        size_t lo = 0, hi = days.size();
        while (lo < hi && days[lo] <= 0.0f) ++lo;
        while (hi > lo && days[hi - 1] <= 0.0f) --hi;
        if (lo == hi) continue;
        Booking b;
        b.person = std::move(key);
        b.name = p.resources[r].name;
        b.project = p.id;
        b.projectName = p.name;
        b.resource = p.resources[r].id;
        b.first = cal.workday(load.firstWorkday + int64_t(lo));
        const Date last = cal.workday(load.firstWorkday + int64_t(hi - 1));
        b.percent.assign(size_t(last - b.first) + 1, 0.0f);
        for (size_t k = lo; k < hi; ++k) b.percent[size_t(cal.workday(load.firstWorkday + int64_t(k)) - b.first)] = days[k];
        out.push_back(std::move(b));
    }
    return out;
}

float PersonLoad::on(Date day) const {
    const int k = day - first;
    return k < 0 || k >= int(total.size()) ? 0.0f : total[size_t(k)];
}

int PersonLoad::daysOver() const {
    return int(std::count_if(total.begin(), total.end(), [](float v) { return v > kOverAllocated; }));
}

bool PersonLoad::overOnlyAcross() const {
    for (size_t k = 0; k < total.size(); ++k) {
        if (total[k] <= kOverAllocated) continue;
        for (const Booking* b : parts)
            if (b->on(first + int(k)) > kOverAllocated) return false;
    }
    return overAllocated();
}

const PersonLoad* CrossLoad::find(std::string_view person) const {
    const std::string key = personKey(person);
    for (const PersonLoad& p : people)
        if (p.person == key) return &p;
    return nullptr;
}

CrossLoad crossLoad(const std::vector<const std::vector<Booking>*>& plans) {
    CrossLoad out;
    std::vector<const Booking*> all;
    for (const std::vector<Booking>* plan : plans)
        for (const Booking& b : *plan) all.push_back(&b);
    // Grouped by person, each group in the order of the plans given.
    std::stable_sort(all.begin(), all.end(), [](const Booking* a, const Booking* b) { return a->person < b->person; });
    for (size_t i = 0; i < all.size();) {
        size_t j = i;
        PersonLoad p;
        p.person = all[i]->person;
        p.name = all[i]->name;
        Date first = all[i]->first, last = all[i]->last();
        for (; j < all.size() && all[j]->person == p.person; ++j) {
            p.parts.push_back(all[j]);
            first = std::min(first, all[j]->first);
            last = std::max(last, all[j]->last());
        }
        p.first = first;
        p.total.assign(size_t(last - first) + 1, 0.0f);
        for (const Booking* b : p.parts)
            for (size_t k = 0; k < b->percent.size(); ++k) p.total[size_t(b->first - first) + k] += b->percent[k];
        p.peak = *std::max_element(p.total.begin(), p.total.end());
        // The name the first plan given uses (the plans come in a stable order: the open one first).
        out.people.push_back(std::move(p));
        i = j;
    }
    std::stable_sort(out.people.begin(), out.people.end(), [](const PersonLoad& a, const PersonLoad& b) {
        return a.name != b.name ? a.name < b.name : a.person < b.person;
    });
    return out;
}

} // namespace plotline
