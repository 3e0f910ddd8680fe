// Templates: a project's shape to start the next one from.
//
// Saving as a template keeps the outline, durations, links, constraints and deadlines, the calendar,
// roles with their rates and assignments, budget lines, vendors (without orders and invoices), the
// contract's terms and open risks. Dates become offsets: every date is moved so the template starts
// on kTemplateAnchor, keeping its distance from the start in working days. People become their roles
// ("Ana Ruiz", Designer → "Designer"; a second designer → "Designer 2") without emails or days off.
// Actuals, progress, baselines, the status date, status records, change requests, costs, hours,
// drawdowns, billing and invoices are dropped, as are the client and producer.
//
// A project from a template gets new ids for everything (two projects from one template are never
// the same records to sync or merge), its name, and every date placed from its start.
//
//   Project t = makeTemplate(project);                    // t.isTemplate, t.start == anchor
//   Project next = projectFromTemplate(t, start, "Spring campaign");
//   for (const BuiltinTemplate& b : builtinTemplates()) …  // digital campaign, microsite, app release
#pragma once
#include "model.hpp"

#include <string>
#include <vector>

namespace plotline {

// The Monday every template starts on (its dates are offsets from it).
inline const Date kTemplateAnchor = Date::fromYmd(2001, 1, 1);

Project makeTemplate(const Project& project);
Project projectFromTemplate(const Project& tmpl, Date start, std::string name);

struct BuiltinTemplate {
    std::string key;          // "campaign", "microsite", "app-release"
    std::string name;         // "Digital campaign"
    std::string description;  // one line
    Project project;          // a template (isTemplate)
};
const std::vector<BuiltinTemplate>& builtinTemplates();

} // namespace plotline
