#include "model.hpp"

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
    int level = outlineLevel(i);
    size_t j = i + 1;
    while (j < tasks.size() && outlineLevel(j) > level) ++j;
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
