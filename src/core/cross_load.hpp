// People across projects. The same person booked in several plans is matched by their email
// (case-insensitively; never by a name, which two people can share and one person can spell two ways).
// Each plan's load (resource_load.hpp) becomes bookings by calendar day; a person's load over all
// projects is the sum, over-allocated on a day where it passes a full day.
//
//   std::vector<Booking> mine = bookings(project, load);        // once per plan and version
//   CrossLoad all = crossLoad({&mine, &other});                 // keeps pointers into both
//   if (const PersonLoad* ana = all.find("ana@studio.example")) ana->on(day), ana->parts
#pragma once
#include "model.hpp"
#include "resource_load.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace plotline {

// The key a person is matched by: their email trimmed and in lower case; "" when it is not an address.
std::string personKey(std::string_view email);

// One person's booking in one plan, by calendar day (non-working days book 0).
struct Booking {
    std::string person;       // personKey of their email
    std::string name;         // as this plan calls them
    Id project;
    std::string projectName;
    Id resource;              // the person's id in that plan
    Date first;               // the day of percent[0]
    std::vector<float> percent; // per calendar day, from first; trimmed to the days with work
    float on(Date day) const;
    Date last() const { return first + int(percent.size()) - 1; }
};

// The bookings of a plan's people who have an email and some work, in the plan's order of people.
std::vector<Booking> bookings(const Project& project, const ResourceLoad& load);

struct PersonLoad {
    std::string person;       // the key
    std::string name;         // as the first plan that books them calls them
    Date first;               // the day of total[0]
    std::vector<float> total; // per calendar day: percent of a full day over every project
    float peak = 0;
    std::vector<const Booking*> parts; // one per plan that books them, in the order the plans were given
    float on(Date day) const;
    bool overOn(Date day) const { return on(day) > kOverAllocated; }
    bool overAllocated() const { return peak > kOverAllocated; }
    int daysOver() const;
    // Over a full day only because of several projects: no single plan books them past a day on a day
    // the sum does.
    bool overOnlyAcross() const;
    static constexpr float kOverAllocated = 100.5f;
};

struct CrossLoad {
    std::vector<PersonLoad> people; // by name, then key
    const PersonLoad* find(std::string_view person) const;
};

// The bookings of every plan given, summed per person. The result points into `plans`.
CrossLoad crossLoad(const std::vector<const std::vector<Booking>*>& plans);

} // namespace plotline
