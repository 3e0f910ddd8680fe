#include "model.hpp"
#include "core/i18n.hpp"
#include "i18n.hpp"

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
        case Constraint::ASAP: return tr("As soon as possible");
        case Constraint::SNET: return tr("Start no earlier than");
        case Constraint::FNLT: return tr("Finish no later than");
        case Constraint::MSO: return tr("Must start on");
    }
    return tr("As soon as possible");
}

std::optional<Constraint> parseConstraint(std::string_view s) {
    for (Constraint c : {Constraint::ASAP, Constraint::SNET, Constraint::FNLT, Constraint::MSO}) {
        std::string_view n = constraintName(c);
        if (s.size() == n.size() && std::equal(s.begin(), s.end(), n.begin(), [](char a, char b) { return (a & ~0x20) == b; }))
            return c;
    }
    return std::nullopt;
}

namespace {

bool sameLetters(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        return (x >= 'A' && x <= 'Z' ? x | 0x20 : x) == (y >= 'A' && y <= 'Z' ? y | 0x20 : y);
    });
}

// Finds the enum value whose stored name or label is `s` (any case); values are 0..count-1.
template <class E, class Name, class Label>
std::optional<E> parseEnum(std::string_view s, int count, Name name, Label label) {
    for (int i = 0; i < count; ++i)
        if (sameLetters(s, name(E(i))) || sameLetters(s, label(E(i)))) return E(i);
    return std::nullopt;
}

} // namespace

const char* costCategoryName(CostCategory c) {
    static const char* names[] = {"labour", "vendor", "media", "software", "travel", "contingency", "other"};
    return names[int(c) < kCostCategories ? int(c) : kCostCategories - 1];
}

const char* costCategoryLabel(CostCategory c) {
    static const char* const labels[] = {N_("Labour"), N_("Vendor"), N_("Media"), N_("Software"), N_("Travel"), N_("Contingency"), N_("Other")};
    return labels[int(c) < kCostCategories ? int(c) : kCostCategories - 1];
}

std::optional<CostCategory> parseCostCategory(std::string_view s) {
    if (sameLetters(s, "labor")) return CostCategory::Labour;
    return parseEnum<CostCategory>(s, kCostCategories, costCategoryName, costCategoryLabel);
}

const char* changeStatusName(ChangeStatus s) {
    static const char* names[] = {"draft", "submitted", "approved", "rejected"};
    return names[int(s) & 3];
}

const char* changeStatusLabel(ChangeStatus s) {
    static const char* const labels[] = {N_("Draft"), N_("Submitted"), N_("Approved"), N_("Rejected")}; // tr() where shown
    return labels[int(s) & 3];
}

std::optional<ChangeStatus> parseChangeStatus(std::string_view s) {
    return parseEnum<ChangeStatus>(s, 4, changeStatusName, changeStatusLabel);
}

const char* riskStatusName(RiskStatus s) {
    static const char* names[] = {"open", "mitigating", "closed"};
    return names[int(s) < 3 ? int(s) : 0];
}

const char* riskStatusLabel(RiskStatus s) {
    static const char* const labels[] = {N_("Open"), N_("Mitigating"), N_("Closed")};
    return labels[int(s) < 3 ? int(s) : 0];
}

std::optional<RiskStatus> parseRiskStatus(std::string_view s) { return parseEnum<RiskStatus>(s, 3, riskStatusName, riskStatusLabel); }

int64_t Resource::rateOn(Date day) const {
    int64_t rate = billRate;
    for (const RateChange& c : billRateChanges) {
        if (day < c.from) break;
        rate = c.rate;
    }
    return rate;
}

std::optional<int64_t> Resource::costRateOn(Date day) const {
    std::optional<int64_t> rate = costRate;
    for (const RateChange& c : costRateChanges) {
        if (day < c.from) break;
        rate = c.rate;
    }
    return rate;
}

const char* contractTypeName(ContractType t) {
    static const char* names[] = {"timeAndMaterials", "fixedFee", "retainer"};
    return names[int(t) < 3 ? int(t) : 0];
}

const char* contractTypeLabel(ContractType t) {
    static const char* const labels[] = {N_("Time and materials"), N_("Fixed fee"), N_("Retainer")};
    return labels[int(t) < 3 ? int(t) : 0];
}

std::optional<ContractType> parseContractType(std::string_view s) {
    return parseEnum<ContractType>(s, 3, contractTypeName, contractTypeLabel);
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
    return subtreeEndOf(tasks.size(), i, [&](size_t r) -> const Task& { return tasks[r]; });
}

Project newProject(Date start, std::string name) {
    Project p;
    p.id = Id::random();
    p.name = std::move(name);
    p.start = p.calendar.nextWorkingDay(start); // as an imported plan without dates starts from today
    return p;
}

} // namespace plotline
