#include "model.hpp"

#include <algorithm>

namespace plotline {

const char* linkTypeName(LinkType t) {
    switch (t) {
        case LinkType::FS: return "FS";
        case LinkType::SS: return "SS";
        case LinkType::FF: return "FF";
        case LinkType::SF: return "SF";
    }
    return "FS";
}

std::optional<LinkType> parseLinkType(std::string_view s) {
    auto eq = [&](const char* t) {
        return s.size() == 2 && (s[0] | 0x20) == (t[0] | 0x20) && (s[1] | 0x20) == (t[1] | 0x20);
    };
    if (eq("FS")) return LinkType::FS;
    if (eq("SS")) return LinkType::SS;
    if (eq("FF")) return LinkType::FF;
    if (eq("SF")) return LinkType::SF;
    return std::nullopt;
}

const char* constraintName(Constraint c) {
    switch (c) {
        case Constraint::ASAP: return "ASAP";
        case Constraint::SNET: return "SNET";
        case Constraint::FNLT: return "FNLT";
        case Constraint::MSO: return "MSO";
    }
    return "ASAP";
}

const char* constraintLabel(Constraint c) {
    switch (c) {
        case Constraint::ASAP: return "As soon as possible";
        case Constraint::SNET: return "Start no earlier than";
        case Constraint::FNLT: return "Finish no later than";
        case Constraint::MSO: return "Must start on";
    }
    return "As soon as possible";
}

std::optional<Constraint> parseConstraint(std::string_view s) {
    for (Constraint c : {Constraint::ASAP, Constraint::SNET, Constraint::FNLT, Constraint::MSO}) {
        std::string_view n = constraintName(c);
        if (s.size() == n.size() && std::equal(s.begin(), s.end(), n.begin(), [](char a, char b) { return (a & ~0x20) == b; }))
            return c;
    }
    return std::nullopt;
}

int Project::taskIndex(Id id) const {
    for (size_t i = 0; i < tasks.size(); ++i)
        if (tasks[i].id == id) return int(i);
    return -1;
}

int Project::resourceIndex(Id id) const {
    for (size_t i = 0; i < resources.size(); ++i)
        if (resources[i].id == id) return int(i);
    return -1;
}

bool Project::hasChildren(size_t i) const { return i + 1 < tasks.size() && tasks[i + 1].parent == tasks[i].id; }

int Project::outlineLevel(size_t i) const {
    int level = 1;
    Id p = tasks[i].parent;
    // Walk up through earlier rows: a parent always precedes its children.
    for (size_t j = i; !p.isNull() && j-- > 0;)
        if (tasks[j].id == p) {
            ++level;
            p = tasks[j].parent;
        }
    return level;
}

size_t Project::subtreeEnd(size_t i) const {
    // Pre-order: a row is inside the subtree while its parent is one of the subtree's open rows.
    std::vector<Id> open{tasks[i].id};
    size_t j = i + 1;
    for (; j < tasks.size(); ++j) {
        while (!open.empty() && open.back() != tasks[j].parent) open.pop_back();
        if (open.empty()) break;
        open.push_back(tasks[j].id);
    }
    return j;
}

Project newProject(Date today, std::string name) {
    Project p;
    p.id = Id::random();
    p.name = std::move(name);
    int w = today.weekday();
    p.start = w == 0 ? today : today + (7 - w);
    return p;
}

} // namespace plotline
