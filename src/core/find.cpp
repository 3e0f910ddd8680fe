#include "find.hpp"
#include "i18n.hpp"
#include "id_index.hpp"

#include <algorithm>
#include <string>

namespace plotline {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

bool contains(std::string_view hay, std::string_view needle) {
    if (needle.size() > hay.size()) return false;
    return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) { return lower(a) == lower(b); }) != hay.end();
}

// For each task row, the names of its people joined by a newline (no name holds one).
std::vector<std::string> peopleByRow(const Project& p) {
    std::vector<std::string> people(p.tasks.size());
    const IdIndex taskAt = indexById(p.tasks), personAt = indexById(p.resources);
    for (const Assignment& a : p.assignments) {
        const int row = taskAt.find(a.task), who = personAt.find(a.resource);
        if (row < 0 || who < 0) continue;
        people[size_t(row)] += p.resources[size_t(who)].name + "\n";
    }
    return people;
}

} // namespace

std::vector<int> findTasks(const Project& p, std::string_view text) {
    const std::string_view needle = trimmed(text);
    std::vector<int> rows;
    if (needle.empty()) return rows;
    const std::vector<std::string> people = peopleByRow(p);
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        const Task& t = p.tasks[i];
        if (contains(t.name, needle) || contains(t.notes, needle) || contains(people[i], needle)) rows.push_back(int(i));
    }
    return rows;
}

const char* whereFound(const Project& p, int row, std::string_view text) {
    const std::string_view needle = trimmed(text);
    if (row < 0 || size_t(row) >= p.tasks.size() || needle.empty()) return "";
    const Task& t = p.tasks[size_t(row)];
    if (contains(t.name, needle)) return N_("name");
    if (contains(t.notes, needle)) return N_("notes");
    return N_("people");
}

} // namespace plotline
