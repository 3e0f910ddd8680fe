// Each entity's fields, described once: name in the file, kind, whether required, its default and
// range, and when it is left out of a file. The JSON reader and writer walk these descriptions, and so
// does the field-by-field comparison that a merge uses (changedFields); a new field is added here once.
//
//   describe(v, task)   calls, in the order the file lists them (by name),
//     v.date("actualFinish", task.actualFinish)  v.integer("duration", task.duration, Required, 0, 0, kMax) …
//     v.integer("costRate", resource.costRate, 0, kMax)   (an optional number: left out when none)
// for a visitor v: the JSON reader (json_io.cpp), the writer, the comparison below. `T` may be const.
//
// What a description cannot say stays with the reader: references between entities (a link's tasks, a
// parent before its children), unique ids, and rules across fields (an actual finish needs a start).
#pragma once
#include "duration.hpp"
#include "model.hpp"
#include "money.hpp"
#include "result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace plotline {

// The limits every reader applies (JSON here, CSV and actuals through the same constants):
// kMaxMinutes (duration.hpp), kMaxMoney (money.hpp), dates from 1900 to 2999 (date.hpp), files up to
// kMaxInputBytes (files.hpp), the text limits below. Totals are kept within kMaxMoney by budgetStatus().
inline constexpr int64_t kMaxRate = int64_t(1) << 50;

// Text: a name, title, role or other one-line field holds at most kMaxLineText characters (Unicode
// code points), a note or description kMaxLongText. Readers refuse more; editors hold the whole text
// and refuse to commit more, so nothing the app saves is refused when it is read back.
inline constexpr size_t kMaxLineText = 1000, kMaxLongText = 100000;
inline size_t textLength(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}
// "" when the text fits, else why ("is longer than 1,000 characters").
inline std::string textTooLong(std::string_view s, size_t limit) {
    if (s.size() <= limit || textLength(s) <= limit) return {};
    const std::string digits = std::to_string(limit);
    std::string why = "is longer than ";
    for (size_t i = 0; i < digits.size(); ++i) { // 100000 → 100,000
        if (i > 0 && (digits.size() - i) % 3 == 0) why += ',';
        why += digits[i];
    }
    why += " characters";
    return why;
}

// Text from the plan inside a message: “Build”.
inline std::string quoted(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 6);
    out.append("\u201c").append(s).append("\u201d");
    return out;
}

// For readers of other tools' files, which build a plan rather than read fields one by one: the first
// text of the plan over its limit, as a sentence ("Task 12 “Build”: its name is longer than 1,000
// characters."), or "" when every text fits.
inline std::string textLimitProblem(const Project& p) {
    auto check = [](std::string_view text, size_t limit, const std::string& what) {
        const std::string why = textTooLong(text, limit);
        return why.empty() ? why : what + " " + why + ".";
    };
    std::string why = check(p.name, kMaxLineText, "The project's name");
    if (why.empty()) why = check(p.client, kMaxLineText, "The project's client");
    if (why.empty()) why = check(p.producer, kMaxLineText, "The project's producer");
    for (size_t i = 0; i < p.tasks.size() && why.empty(); ++i) {
        const std::string task = "Task " + std::to_string(i + 1) + " " + quoted(p.tasks[i].name.substr(0, 60)) + ":";
        why = check(p.tasks[i].name, kMaxLineText, task + " its name");
        if (why.empty()) why = check(p.tasks[i].notes, kMaxLongText, task + " its note");
    }
    for (size_t i = 0; i < p.resources.size() && why.empty(); ++i) {
        why = check(p.resources[i].name, kMaxLineText, "A person's name");
        if (why.empty()) why = check(p.resources[i].role, kMaxLineText, "The role of " + quoted(p.resources[i].name));
        if (why.empty()) why = check(p.resources[i].email, kMaxLineText, "The email of " + quoted(p.resources[i].name));
    }
    for (size_t i = 0; i < p.budgetLines.size() && why.empty(); ++i) why = check(p.budgetLines[i].name, kMaxLineText, "A fixed cost's name");
    return why;
}

enum Presence : uint8_t {
    Required,   // reported as missing when absent; always written
    Optional,   // the default when absent; always written
    OmitEmpty,  // the default when absent; left out of the file when empty (null id, "", no date, [], the default number)
};

// A field of a record kept by value (an enum written by name): how to read and write its name.
template <class E> struct Names {
    const char* (*name)(E);
    std::optional<E> (*parse)(std::string_view);
    const char* expected; // "a cost category (labour, …)"
};

inline const Names<CostCategory> kCostCategoryNames{costCategoryName, parseCostCategory,
                                                 "a cost category (labour, vendor, media, software, travel, contingency, other)"};
inline const Names<ChangeStatus> kChangeStatusNames{changeStatusName, parseChangeStatus, "a status (draft, submitted, approved, rejected)"};
inline const Names<RiskStatus> kRiskStatusNames{riskStatusName, parseRiskStatus, "a risk status (open, mitigating, closed)"};
inline const Names<ContractType> kContractTypeNames{contractTypeName, parseContractType,
                                                  "a contract type (timeAndMaterials, fixedFee, retainer)"};
inline const Names<LinkType> kLinkTypeNames{linkTypeName, parseLinkType, "a link type (FS, SS, FF or SF)"};

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, Assignment> {
    v.id("id", x.id, Required);
    v.integer("modified", x.modified, Optional, 0, 0, INT64_MAX);
    v.id("resource", x.resource, Required);
    v.id("task", x.task, Required);
    v.integer("units", x.units, Optional, 100, 0, 10000);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, Link> {
    v.id("id", x.id, Required);
    v.integer("lag", x.lag, Optional, 0, -kMaxMinutes, kMaxMinutes);
    v.integer("modified", x.modified, Optional, 0, 0, INT64_MAX);
    v.id("predecessor", x.predecessor, Required);
    v.id("successor", x.successor, Required);
    v.choice("type", x.type, LinkType::FS, kLinkTypeNames);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, RateChange> {
    v.date("from", x.from, Required);
    v.integer("rate", x.rate, Required, 0, 0, kMaxRate);
}

// Schema 3 and before had one rate, "hourlyRate" with "rateChanges": it reads as the bill rate, with no
// cost rate (json_io.cpp's checkRecord).
template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, Resource> {
    v.integer("billRate", x.billRate, Optional, 0, 0, kMaxRate);
    v.list("billRateChanges", x.billRateChanges, OmitEmpty);
    v.integer("costRate", x.costRate, 0, kMaxRate);
    v.list("costRateChanges", x.costRateChanges, OmitEmpty);
    v.dates("daysOff", x.daysOff);
    v.text("email", x.email, OmitEmpty);
    v.id("id", x.id, Required);
    v.integer("modified", x.modified, Optional, 0, 0, INT64_MAX);
    v.text("name", x.name, Required);
    v.text("role", x.role, Optional);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, BaselineTask> {
    v.date("finish", x.finish, Required);
    v.date("start", x.start, Required);
    v.id("task", x.task, Required); // may name a task deleted since: kept, not shown
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, Baseline> {
    v.id("id", x.id, Required);
    v.text("name", x.name, Required);
    v.integer("saved", x.saved, Optional, 0, 0, INT64_MAX);
    v.list("tasks", x.tasks, Optional);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, BudgetLine> {
    v.integer("amount", x.amount, Required, 0, -kMaxMoney, kMaxMoney);
    v.choice("category", x.category, CostCategory::Other, kCostCategoryNames);
    v.id("changeRequest", x.changeRequest, OmitEmpty);
    v.id("id", x.id, Required);
    v.integer("modified", x.modified, Optional, 0, 0, INT64_MAX);
    v.text("name", x.name, Required);
    v.id("task", x.task, OmitEmpty);
    v.id("vendor", x.vendor, OmitEmpty);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, ChangeItem> {
    v.integer("duration", x.duration, Required, 0, 0, kMaxMinutes);
    v.text("name", x.name, OmitEmpty); // a new task needs one: checked by the reader
    v.id("parent", x.parent, OmitEmpty);
    v.id("task", x.task, OmitEmpty);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, ChangeDecision> {
    v.integer("at", x.at, Required, 0, 0, INT64_MAX);
    v.text("by", x.by, Optional);
    v.text("note", x.note, Optional, kMaxLongText);
    v.choice("status", x.status, ChangeStatus::Draft, kChangeStatusNames);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, ChangeRequest> {
    v.choice("category", x.category, CostCategory::Other, kCostCategoryNames);
    v.integer("costImpact", x.costImpact, Optional, 0, -kMaxMoney, kMaxMoney);
    v.date("decided", x.decided);
    v.text("description", x.description, Optional, kMaxLongText);
    v.integer("feeImpact", x.feeImpact, OmitEmpty, 0, -kMaxMoney, kMaxMoney);
    v.id("id", x.id, Required);
    v.list("items", x.items, OmitEmpty);
    v.list("log", x.log, OmitEmpty);
    v.integer("modified", x.modified, Optional, 0, 0, INT64_MAX);
    v.integer("number", x.number, Required, 0, 1, 1000000);
    v.date("raised", x.raised, Required);
    v.text("requester", x.requester, Optional);
    v.choice("status", x.status, ChangeStatus::Draft, kChangeStatusNames);
    v.text("title", x.title, Required);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, CostEntry> {
    v.integer("amount", x.amount, Required, 0, -kMaxMoney, kMaxMoney);
    v.choice("category", x.category, CostCategory::Other, kCostCategoryNames);
    v.date("date", x.date, Required);
    v.id("id", x.id, Required);
    v.integer("modified", x.modified, Optional, 0, 0, INT64_MAX);
    v.text("note", x.note, OmitEmpty, kMaxLongText);
    v.id("task", x.task, OmitEmpty);
    v.id("vendor", x.vendor, OmitEmpty);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, Drawdown> {
    v.integer("amount", x.amount, Required, 0, -kMaxMoney, kMaxMoney);
    v.date("date", x.date, Required);
    v.id("id", x.id, Required);
    v.integer("modified", x.modified, Optional, 0, 0, INT64_MAX);
    v.text("reason", x.reason, Optional, kMaxLongText);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, HoursEntry> {
    v.date("date", x.date, Required);
    v.id("id", x.id, Required);
    v.integer("minutes", x.minutes, Required, 0, -24 * 60, 24 * 60);
    v.integer("modified", x.modified, Optional, 0, 0, INT64_MAX);
    v.text("note", x.note, OmitEmpty, kMaxLongText);
    v.id("resource", x.resource, Required);
    v.id("task", x.task, OmitEmpty);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, Risk> {
    v.id("id", x.id, Required);
    v.integer("impact", x.impact, Optional, 3, 1, 5);
    v.text("mitigation", x.mitigation, Optional, kMaxLongText);
    v.integer("modified", x.modified, Optional, 0, 0, INT64_MAX);
    v.text("owner", x.owner, Optional);
    v.integer("probability", x.probability, Optional, 3, 1, 5);
    v.choice("status", x.status, RiskStatus::Open, kRiskStatusNames);
    v.ids("tasks", x.tasks);
    v.text("title", x.title, Required);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, StatusRecord> {
    v.integer("ac", x.ac, Optional, 0, -kMaxMoney, kMaxMoney);
    v.date("date", x.date, Required);
    v.integer("ev", x.ev, Optional, 0, -kMaxMoney, kMaxMoney);
    v.integer("percentComplete", x.percentComplete, Optional, 0, 0, 100);
    v.integer("pv", x.pv, Optional, 0, -kMaxMoney, kMaxMoney);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, PurchaseOrder> {
    v.integer("amount", x.amount, Required, 0, 0, kMaxMoney);
    v.date("date", x.date, Required);
    v.text("number", x.number, Optional);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, Invoice> {
    v.integer("amount", x.amount, Required, 0, -kMaxMoney, kMaxMoney);
    v.date("date", x.date, Required);
    v.text("number", x.number, Optional);
    v.boolean("paid", x.paid, false);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, Vendor> {
    v.text("contact", x.contact, OmitEmpty);
    v.integer("contractValue", x.contractValue, Optional, 0, 0, kMaxMoney);
    v.id("id", x.id, Required);
    v.list("invoices", x.invoices, OmitEmpty);
    v.integer("markup", x.markup, OmitEmpty, 0, 0, 1000000);
    v.integer("modified", x.modified, Optional, 0, 0, INT64_MAX);
    v.text("name", x.name, Required);
    v.list("orders", x.orders, OmitEmpty);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, Contract> {
    v.integer("cap", x.cap, 0, kMaxMoney);
    v.integer("marginTarget", x.marginTarget, -1000000, 10000);
    v.integer("monthlyFee", x.monthlyFee, Optional, 0, 0, kMaxMoney);
    v.choice("type", x.type, ContractType::TimeAndMaterials, kContractTypeNames);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, BillingItem> {
    v.integer("amount", x.amount, Required, 0, -kMaxMoney, kMaxMoney);
    v.id("changeRequest", x.changeRequest, OmitEmpty);
    v.date("date", x.date);
    v.id("id", x.id, Required);
    v.integer("modified", x.modified, Optional, 0, 0, INT64_MAX);
    v.text("name", x.name, Required);
    v.id("task", x.task, OmitEmpty);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, PipelineStage> {
    v.integer("duration", x.duration, Optional, 480, 0, kMaxMinutes);
    v.id("id", x.id, Required);
    v.integer("modified", x.modified, Optional, 0, 0, INT64_MAX);
    v.text("name", x.name, Required);
    v.text("role", x.role, OmitEmpty);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, Deliverable> {
    v.text("audience", x.audience, OmitEmpty, kMaxLongText);
    v.text("contact", x.contact, OmitEmpty);
    v.date("due", x.due);
    v.text("goal", x.goal, OmitEmpty, kMaxLongText);
    v.id("id", x.id, Required);
    v.text("kind", x.kind, Optional);
    v.integer("modified", x.modified, Optional, 0, 0, INT64_MAX);
    v.text("searchIntent", x.searchIntent, OmitEmpty);
    v.integer("targetLength", x.targetLength, OmitEmpty, 0, 0, 1000000);
    v.id("task", x.task, Required);
}

template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, ClientInvoice> {
    v.integer("amount", x.amount, Required, 0, -kMaxMoney, kMaxMoney);
    v.id("id", x.id, Required);
    v.date("issued", x.issued, Required);
    v.integer("modified", x.modified, Optional, 0, 0, INT64_MAX);
    v.date("month", x.month, Required);
    v.text("number", x.number, Optional);
    v.date("paid", x.paid);
}

// Tasks: the constraint and its date are one field pair (written together, only when constrained), and
// a schema-1 "start" becomes a start-no-earlier-than constraint; the visitor's `task` hooks handle both.
template <class V, class T> void describe(V& v, T& x) requires std::is_same_v<std::remove_const_t<T>, Task> {
    v.date("actualFinish", x.actualFinish);
    v.date("actualStart", x.actualStart);
    v.constraint(x);
    v.date("deadline", x.deadline);
    v.integer("duration", x.duration, Required, 0, 0, kMaxMinutes);
    v.id("id", x.id, Required);
    v.boolean("internal", x.internal, false, OmitEmpty);
    v.boolean("milestone", x.milestone, false);
    v.integer("modified", x.modified, Optional, 0, 0, INT64_MAX);
    v.text("name", x.name, Required);
    v.text("notes", x.notes, OmitEmpty, kMaxLongText);
    v.id("parent", x.parent, OmitEmpty);
    v.integer("percentComplete", x.percentComplete, Optional, 0, 0, 100);
}

// The project's lists of records, by their name in the file and in the file's (name) order, with
// whether the file always has them:  forEachList(p, [](const char* name, auto& list, Presence) { … });
template <class P, class F> void forEachList(P& p, F&& f) requires std::is_same_v<std::remove_const_t<P>, Project> {
    f("assignments", p.assignments, Required);
    f("baselines", p.baselines, OmitEmpty);
    f("billing", p.billing, OmitEmpty);
    f("budgetLines", p.budgetLines, OmitEmpty);
    f("changeRequests", p.changeRequests, OmitEmpty);
    f("clientInvoices", p.clientInvoices, OmitEmpty);
    f("costs", p.costs, OmitEmpty);
    f("deliverables", p.deliverables, OmitEmpty);
    f("drawdowns", p.drawdowns, OmitEmpty);
    f("hours", p.hours, OmitEmpty);
    f("links", p.links, Required);
    f("resources", p.resources, Required);
    f("risks", p.risks, OmitEmpty);
    f("stages", p.stages, OmitEmpty);
    f("statusRecords", p.statusRecords, OmitEmpty);
    f("tasks", p.tasks, Required);
    f("vendors", p.vendors, OmitEmpty);
}

// Every text of a project: its name, client and producer and each text field of every record, nested
// records included (what finds the characters a plan needs fonts for):  forEachText(p, [](std::string_view) { … });
template <class F> struct TextWalker {
    F& f;
    void id(const char*, const Id&, Presence) {}
    void text(const char*, const std::string& x, Presence, size_t = 0) { f(std::string_view(x)); }
    template <class I> void integer(const char*, const I&, Presence, int64_t, int64_t, int64_t) {}
    template <class I> void integer(const char*, const std::optional<I>&, int64_t, int64_t) {}
    void boolean(const char*, const bool&, bool, Presence = Optional) {}
    void date(const char*, const Date&, Presence) {}
    void date(const char*, const std::optional<Date>&) {}
    template <class E> void choice(const char*, const E&, E, const Names<E>&) {}
    void dates(const char*, const std::vector<Date>&) {}
    void ids(const char*, const std::vector<Id>&) {}
    template <class S> void list(const char*, const std::vector<S>& x, Presence) {
        for (const S& r : x) describe(*this, r);
    }
    void constraint(const Task&) {}
};
// forEachTextFrom walks it in parts, for a plan too big to walk in one frame: records are numbered
// across the lists in turn (0 is the project's own texts); it visits `count` of them from number
// `from` and returns the number to go on from, or 0 when it reached the end.
template <class F> size_t forEachTextFrom(const Project& p, size_t from, size_t count, F&& f) {
    const size_t end = from + count;
    if (from == 0) {
        f(std::string_view(p.name));
        f(std::string_view(p.client));
        f(std::string_view(p.producer));
    }
    size_t at = 1; // the number of each list's first record
    TextWalker<F> walker{f};
    forEachList(p, [&](const char*, const auto& list, Presence) {
        for (size_t i = from > at ? from - at : 0; i < list.size() && at + i < end; ++i) describe(walker, list[i]);
        at += list.size();
    });
    return at > end ? end : 0;
}
template <class F> void forEachText(const Project& p, F&& f) { forEachTextFrom(p, 0, SIZE_MAX, f); }

// The names of the fields that differ between two versions of a record (nested lists count as one
// field each), in the file's order: what a three-way merge compares.
template <class T> std::vector<std::string> changedFields(const T& a, const T& b);
// One field of a record as the file writes its value ("\"Build\"", "2400", "" when left out).
template <class T> std::string fieldText(const T& record, std::string_view field);
// The record with that field set from such a text (the reverse of fieldText), checked as the reader
// checks it; an error when the text does not fit the field.
template <class T> Result<T> withFieldText(T record, std::string_view field, std::string_view value);
// A whole record as one JSON object ({"type":"fixedFee",…}), and back, checked as the reader checks it.
template <class T> std::string recordText(const T& record);
template <class T> Result<T> recordFromText(std::string_view text);

} // namespace plotline
