#include "actuals_csv.hpp"
#include "locale.hpp"

#include <map>

#include "csv.hpp"
#include "fields.hpp"
#include "money.hpp"

#include <algorithm>
#include <cctype>

namespace plotline {

namespace {

std::string folded(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

enum Col { kDate, kAmount, kHours, kCategory, kTask, kResource, kVendor, kNote, kCols };

int columnOf(const std::string& name) {
    static const std::pair<const char*, int> names[] = {
        {"date", kDate}, {"amount", kAmount}, {"cost", kAmount}, {"hours", kHours}, {"category", kCategory},
        {"task", kTask}, {"task name", kTask}, {"resource", kResource}, {"person", kResource},
        {"vendor", kVendor}, {"supplier", kVendor}, {"note", kNote}, {"notes", kNote}, {"description", kNote}};
    for (const auto& [n, c] : names)
        if (name == n) return c;
    return -1;
}

// "7.5", "7,5", "7:30" → minutes; -1 when unreadable.
int64_t parseHours(const std::string& s, DecimalMark mark) {
    const char decimal = mark == DecimalMark::Comma ? ',' : '.';
    if (s.empty()) return -1;
    if (auto colon = s.find(':'); colon != std::string::npos) {
        const std::string h = s.substr(0, colon), m = s.substr(colon + 1);
        if (h.empty() || m.size() != 2 || !std::all_of(h.begin(), h.end(), ::isdigit) || !std::all_of(m.begin(), m.end(), ::isdigit)) return -1;
        const int64_t mins = std::stoll(m);
        return mins < 60 && h.size() < 4 ? std::stoll(h) * 60 + mins : -1;
    }
    int64_t whole = 0, frac = 0, scale = 1;
    bool dot = false, digits = false;
    for (char c : s) {
        if (c == decimal) { // the same rule as amounts: one decimal mark ("7,5" is refused in a file that uses points)
            if (dot) return -1;
            dot = true;
        } else if (c >= '0' && c <= '9') {
            digits = true;
            if (!dot) { whole = whole * 10 + (c - '0'); if (whole > 1000) return -1; }
            else if (scale < 10000) { frac = frac * 10 + (c - '0'); scale *= 10; }
        } else return -1;
    }
    if (!digits) return -1;
    return whole * 60 + divRound(frac * 60, scale);
}

} // namespace

std::string writeActualsCsv(const Project& p) {
    const Currency cur = currency(p.currency);
    auto nameOf = [](const auto& list, Id id) -> std::string {
        if (id.isNull()) return {};
        for (const auto& x : list)
            if (x.id == id) return x.name;
        return {};
    };
    auto amount = [&](int64_t minor) {
        std::string s = formatMoney(minor, cur, false, Formats{});
        s.erase(std::remove(s.begin(), s.end(), ','), s.end());
        return s;
    };
    auto hours = [](int64_t minutes) {
        std::string h = std::to_string(minutes / 60);
        if (minutes % 60) h += ":" + std::string(minutes % 60 < 10 ? "0" : "") + std::to_string(minutes % 60);
        return h;
    };
    std::string out = writeCsvRow({"Date", "Hours", "Resource", "Amount", "Category", "Task", "Vendor", "Note"});
    for (const HoursEntry& h : p.hours)
        out += writeCsvRow({h.date.str(), hours(h.minutes), textCell(nameOf(p.resources, h.resource)), "", "", textCell(nameOf(p.tasks, h.task)), "", textCell(h.note)});
    for (const CostEntry& c : p.costs)
        out += writeCsvRow({c.date.str(), "", "", amount(c.amount), costCategoryLabel(c.category), textCell(nameOf(p.tasks, c.task)), textCell(nameOf(p.vendors, c.vendor)), textCell(c.note)});
    return out;
}

bool looksLikeActualsCsv(std::string_view text) {
    const CsvTable t = parseCsv(text.substr(0, std::min<size_t>(text.size(), 4096)));
    if (t.rows.empty()) return false;
    bool date = false, money = false;
    for (const std::string& h : t.rows[0].fields) {
        const int c = columnOf(folded(h));
        date |= c == kDate;
        money |= c == kAmount || c == kHours;
        if (folded(h) == "duration" || folded(h) == "predecessors") return false;
    }
    return date && money;
}

ActualsImport readActualsCsv(std::string_view text, const Project& p, std::optional<DecimalMark> mark) {
    ActualsImport out;
    auto error = [&](int line, const std::string& what) {
        if (out.errors.size() < kShownErrors) out.errors.push_back(clipped((line ? "line " + std::to_string(line) + ": " : std::string()) + what));
        else if (out.errors.size() == kShownErrors) out.errors.push_back("… more errors not shown");
    };
    const CsvTable t = parseCsv(text);
    if (!t.error.empty()) { error(0, t.error); return out; }
    const DecimalMark decimal = mark.value_or(t.separator == ';' ? DecimalMark::Comma : DecimalMark::Point);
    const char* hoursExample = decimal == DecimalMark::Comma ? "7,5 or 7:30" : "7.5 or 7:30";
    if (t.rows.empty()) { error(0, "the file is empty"); return out; }
    int at[kCols];
    std::fill(at, at + kCols, -1);
    for (size_t i = 0; i < t.rows[0].fields.size(); ++i)
        if (const int c = columnOf(folded(t.rows[0].fields[i])); c >= 0 && at[c] < 0) at[c] = int(i);
    if (at[kDate] < 0 || (at[kAmount] < 0 && at[kHours] < 0)) {
        error(t.rows[0].line, "the header needs a Date column and an Amount or Hours column (found: " +
                                  [&] { std::string s; for (auto& f : t.rows[0].fields) s += (s.empty() ? "" : ", ") + f; return s; }() + ")");
        return out;
    }
    // Names that more than one entity carries cannot be matched. A tree, not a hash: names come from
    // files, and no set of them makes a lookup slower than log n.
    auto byName = [](const auto& list, const auto& name) {
        std::map<std::string, Id> index; // folded name → id (null when ambiguous)
        for (const auto& x : list) {
            auto [it, fresh] = index.emplace(folded(name(x)), x.id);
            if (!fresh) it->second = Id{};
        }
        return index;
    };
    const auto tasks = byName(p.tasks, [](const Task& x) { return x.name; });
    const auto people = byName(p.resources, [](const Resource& x) { return x.name; });
    const auto vendors = byName(p.vendors, [](const Vendor& x) { return x.name; });
    auto find = [&](const auto& index, const std::string& value, const char* what, int line, Id& into) {
        if (folded(value).empty()) return true;
        auto it = index.find(folded(value));
        if (it == index.end()) { error(line, std::string("no ") + what + " named \"" + value + "\""); return false; }
        if (it->second.isNull()) { error(line, std::string("several ") + what + "s are named \"" + value + "\""); return false; }
        into = it->second;
        return true;
    };
    const Currency cur = currency(p.currency);
    for (size_t r = 1; r < t.rows.size(); ++r) {
        const CsvRow& row = t.rows[r];
        auto cell = [&](int c) { return at[c] >= 0 && size_t(at[c]) < row.fields.size() ? fromTextCell(row.fields[size_t(at[c])]) : std::string(); };
        bool blank = true;
        for (const auto& f : row.fields) blank = blank && folded(f).empty();
        if (blank) continue;
        const auto date = Date::parseLoose(folded(cell(kDate)));
        if (!date) { error(row.line, "Date \"" + cell(kDate) + "\" is not a date (YYYY-MM-DD or M/D/YYYY)"); continue; }
        const std::string hours = folded(cell(kHours)), amount = folded(cell(kAmount));
        if (!hours.empty() && !amount.empty()) { error(row.line, "give Hours or Amount, not both"); continue; }
        if (hours.empty() && amount.empty()) { error(row.line, "no Hours and no Amount"); continue; }
        if (const std::string why = textTooLong(cell(kNote), kMaxLongText); !why.empty()) { error(row.line, "Note " + why); continue; }
        Id task, vendor, person;
        bool found = find(tasks, cell(kTask), "task", row.line, task);
        if (!hours.empty()) {
            const int64_t minutes = parseHours(hours, decimal);
            if (minutes < 0 || minutes > 24 * 60) { error(row.line, "Hours \"" + cell(kHours) + "\" is not a number of hours from 0 to 24 (" + hoursExample + ")"); continue; }
            if (folded(cell(kResource)).empty()) { error(row.line, "Hours need a Resource (who worked them)"); continue; }
            found = find(people, cell(kResource), "resource", row.line, person) && found;
            if (found) out.hours.push_back({{}, *date, task, person, minutes, cell(kNote)});
            continue;
        }
        const Result<int64_t> money = parseMoney(cell(kAmount), cur, decimal);
        if (!money) { error(row.line, "Amount \"" + cell(kAmount) + "\": " + money.error()); continue; }
        found = find(vendors, cell(kVendor), "vendor", row.line, vendor) && found;
        CostCategory category = vendor.isNull() ? CostCategory::Other : CostCategory::Vendor;
        if (!folded(cell(kCategory)).empty()) {
            if (auto c = parseCostCategory(folded(cell(kCategory)))) category = *c;
            else { error(row.line, "Category \"" + cell(kCategory) + "\" is not one of labour, vendor, media, software, travel, contingency, other"); continue; }
        }
        if (found) out.costs.push_back({{}, *date, *money, category, task, vendor, cell(kNote)});
    }
    if (out.ok() && out.costs.empty() && out.hours.empty()) error(0, "the file has no rows of actuals");
    if (!out.ok()) {
        out.costs.clear();
        out.hours.clear();
    }
    return out;
}

} // namespace plotline
