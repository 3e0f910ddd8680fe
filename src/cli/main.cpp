// plotline: the command-line tool over the same core as the web app.
//
//   plotline validate FILE             check a project (.json or .csv); exit 1 with the errors
//   plotline schedule FILE [--json]    computed start and finish of every task
//   plotline convert IN OUT            JSON <-> MS Project XML <-> CSV, chosen by the extensions
//   plotline generate N OUT            a synthetic plan of N tasks (for trying Plotline at scale)
//   plotline report FILE [--status-date D] [--format md|html|json] [--month YYYY-MM] [--change-order N]
//   plotline actuals FILE CSV          add actuals (hours, costs) from a CSV to a project
//
// Exit codes: 0 success, 1 invalid input (message on stderr), 2 usage error.
#include "core/client_view.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"
#include "core/view_link.hpp"
#include "platform/native/codec.hpp"
#include "core/actuals_csv.hpp"
#include "core/commands.hpp"
#include "core/csv_io.hpp"
#include "core/report.hpp"
#include "core/duration.hpp"
#include "core/files.hpp"
#include "core/json_io.hpp"
#include "core/mspdi.hpp"
#include "core/gan.hpp"
#include "core/ical.hpp"
#include "core/portfolio.hpp"
#include "core/templates.hpp"
#include "core/pipeline.hpp"
#include "core/print.hpp"
#include "core/merge.hpp"
#include "core/schedule.hpp"
#include "core/synthetic.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace plotline;

namespace {

// Text from a file shown on a terminal: control characters (escape sequences that move the cursor,
// recolour, retitle the window or worse; C1 controls too) become '?', and line breaks a space.
std::string shown(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '\n' || c == '\r' || c == '\t') out += ' ';
        else if (c < 0x20 || c == 0x7F) out += '?';
        else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 && static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
            out += '?';
            ++i;
        } else out += char(c);
    }
    return out;
}

// A whole number from lo to hi, written in digits only ("3", not "3x", "+3", " 3" or "1e3").
std::optional<long long> wholeNumber(const std::string& text, long long lo, long long hi) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const long long v = std::stoll(text);
    if (v < lo || v > hi) return std::nullopt;
    return v;
}

// Everything written to stderr goes through this: a message may quote a name, a cell or a path
// from a file, and none of their control characters reaches the terminal (line breaks and tabs of
// the messages themselves stay).
class SafeTerminal : public std::streambuf {
public:
    explicit SafeTerminal(std::streambuf* to) : to_(to) {}

protected:
    int overflow(int ch) override {
        if (ch == traits_type::eof()) return ch;
        const unsigned char c = static_cast<unsigned char>(ch);
        if (pendingC2_) {
            pendingC2_ = false;
            if (c >= 0x80 && c <= 0x9F) return to_->sputc('?') == traits_type::eof() ? traits_type::eof() : ch;
            if (to_->sputc(char(0xC2)) == traits_type::eof()) return traits_type::eof();
        }
        if (c == 0xC2) { pendingC2_ = true; return ch; }
        const char out = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F ? '?' : char(c);
        return to_->sputc(out) == traits_type::eof() ? traits_type::eof() : ch;
    }
    int sync() override {
        if (pendingC2_) { to_->sputc(char(0xC2)); pendingC2_ = false; }
        return to_->pubsync();
    }

public:
    std::streambuf* to() const { return to_; }

private:
    std::streambuf* to_;
    bool pendingC2_ = false;
};

const char* kUsage =
    "usage: plotline <command> [options]\n"
    "\n"
    "commands:\n"
    "  validate FILE            check a project file (.json or .csv)\n"
    "  schedule FILE [--json]   print every task's computed start and finish\n"
    "  convert IN OUT           convert between .json, .xml (MS Project), .gan (read), .ics, .svg and .csv\n"
    "  generate N OUT           write a synthetic plan of N tasks (.json or .csv)\n"
    "  report FILE              the weekly status report (or monthly summary, change order)\n"
    "  portfolio FILE…          every project's status, span, progress and next milestone; the week's late,\n"
    "                           due and starting work; people booked past a full day across projects\n"
    "  actuals FILE CSV         add actual hours and costs from a CSV to a project\n"
    "  merge BASE OURS THEIRS   three-way merge of two edited copies of a plan\n"
    "  share FILE -o OUT        what a client may see: a view (.json) or a client pack (.html)\n"
    "  template FILE -o OUT     save a project as a template (dates as offsets, people as roles)\n"
    "  new [TEMPLATE] -o OUT    a new project, blank or from a template (a file or a built-in one)\n"
    "  pipeline FILE            a content pipeline's board; --add N articles with their stage chains\n"
    "\n"
    "Every command takes --lang de|fr|es|en (before or after it) for the language of what it writes\n"
    "for people (reports, messages) and --locale TAG (en-US, en-GB, de-DE, fr-FR, es-ES, ja-JP) for its\n"
    "dates, numbers and money; files keep ISO dates and plain numbers. Default: English, ISO dates.\n"
    "\n"
    "Run 'plotline <command> --help' for more. Exit codes: 0 ok, 1 invalid input, 2 usage error\n"
    "(merge: 3 when it decided conflicts for review).\n";

const char* kTemplateHelp =
    "usage: plotline template FILE -o OUT\n"
    "       plotline template --list\n"
    "\n"
    "Saves a project as a template: the outline, durations, links, constraints and deadlines (as\n"
    "working days from the start), the calendar, roles with rates and assignments, budget lines,\n"
    "vendors, the contract and open risks. People become their roles; progress, actual dates,\n"
    "baselines, hours, costs, change requests, billing and the client are left out. --list prints\n"
    "the templates Plotline comes with.\n";

const char* kNewHelp =
    "usage: plotline new [TEMPLATE] --start YYYY-MM-DD [--name NAME] -o OUT\n"
    "\n"
    "Writes a new project starting on --start (or the first working day after): blank, or from\n"
    "TEMPLATE, a template file (plotline template) or a built-in one (plotline template --list).\n"
    "Everything gets new ids; dates are placed from the start.\n";

const char* kPipelineHelp =
    "usage: plotline pipeline FILE [--status-date YYYY-MM-DD]\n"
    "       plotline pipeline FILE --add N [--kind Article] [--from YYYY-MM-DD] [--every DAYS] -o OUT\n"
    "\n"
    "Prints the board of a content pipeline: each stage with the deliverables in it, who holds each\n"
    "and for how many days (as of --status-date, else the project's status date, else today).\n"
    "--add makes N deliverables (\"Article 4\", …) from the pipeline's stages, each stage linked to\n"
    "the next and assigned to its role; the first starts --from (default: the project's start), each\n"
    "next --every working days later (default 2). A project without stages gets the usual five\n"
    "(write, QA, edit, design, publish).\n";

const char* kMergeHelp =
    "usage: plotline merge BASE OURS THEIRS [-o OUT]\n"
    "\n"
    "Merges two copies of a plan (OURS, THEIRS) edited apart since BASE, the version both had, entity\n"
    "by entity and field by field: edits of different fields all survive, an entity deleted on one\n"
    "side and edited on the other is kept, links that would close a cycle or join a deleted task are\n"
    "dropped. The same field changed both ways is a conflict: the later edit wins and it is listed.\n"
    "Writes the merged plan (.json) to OUT, or to stdout; lists conflicts and what else it decided on\n"
    "stderr. Exit 0 when nothing conflicted, 3 when conflicts were decided (the plan is written: review\n"
    "the list), 1 when a file cannot be read. As a git merge driver for plan files:\n"
    "  git config merge.plotline.driver 'plotline merge %O %A %B -o %A'\n"
    "  echo '*.plotline.json merge=plotline' >> .gitattributes\n"
    "git then takes a clean merge as merged, and exit 3 as a conflict whose file already holds the\n"
    "merged plan (git add it once the listed choices are right).\n";

const char* kValidateHelp =
    "usage: plotline validate FILE\n"
    "\n"
    "Reads a Plotline project (.json) or a CSV task table (.csv), checks every field, reference and\n"
    "dependency, and prints a one-line summary. Errors go to stderr with their place in the file\n"
    "(tasks[12].start: not a date; line 7: ...), and the exit code is 1.\n";

const char* kScheduleHelp =
    "usage: plotline schedule FILE [--json]\n"
    "\n"
    "Schedules the project on its working calendar and prints, for every task in outline order,\n"
    "its ID (row number), name, start, finish (inclusive), duration, total float and whether it is\n"
    "critical (no float: it delays the project finish if it slips). Dates carry a clock time where\n"
    "a task starts or ends within a day (\"2026-03-02T13:00\"). Missed constraints and deadlines are\n"
    "listed after the table (\"! 12 QA: Misses its deadline 2026-03-09 by 1d.\"). With --json, prints\n"
    "{\"project\":…, \"start\":…, \"finish\":…, \"tasks\":[{\"id\",\"uid\",\"name\",\"start\",\"finish\",\"duration\",\"summary\",\"milestone\",\n"
    "\"earlyStart\",\"earlyFinish\",\"lateStart\",\"lateFinish\",\"totalFloat\",\"freeFloat\",\"critical\",\"percentComplete\",\n"
    "\"warning\"?}]} (floats as working time, e.g. \"2d 4h\", negative when a deadline cannot be met).\n"
    "A dependency cycle is an error naming the tasks in it (exit 1).\n";

const char* kPortfolioHelp =
    "usage: plotline portfolio FILE… [--status-date YYYY-MM-DD] [--format md|html|json] [-o OUT]\n"
    "\n"
    "One row per project (Plotline JSON, MS Project XML, GanttProject or CSV files): green, amber or\n"
    "red by the weekly report's rule with the reasons, its span, % done, next milestone and task count;\n"
    "red first, then amber, then green, each by finish. Each project is judged as of its own status\n"
    "date, else --status-date, else today. A file that cannot be read stops the command (exit 1).\n"
    "\n"
    "Then the week of that day (Monday to Sunday) over every project: what is late, due and starting,\n"
    "and who holds others up (their late or due tasks have successors not started). Last, the people\n"
    "booked past a full day when their projects are added up, matched by the email in each plan's\n"
    "Resources (never by name), with each project's part on their first day over.\n";

const char* kGenerateHelp =
    "usage: plotline generate N OUT [--seed S] [--people P]\n"
    "\n"
    "Writes a synthetic plan of N tasks (1 to 1,000,000) to OUT (.json or .csv): phases nested 3-5\n"
    "levels deep, about 1.5 links per task of every type with lags, durations from an hour to two\n"
    "weeks, milestones, a calendar with holidays, and a team of P people (default N/100, at least 5)\n"
    "assigned to the tasks. The same N and seed always give the same plan: use it to try Plotline\n"
    "at scale or to benchmark.\n";

const char* kConvertHelp =
    "usage: plotline convert IN OUT\n"
    "\n"
    "Converts a project between Plotline JSON (.json), Microsoft Project XML (.xml, MSPDI) and a CSV\n"
    "task table (.csv); the formats are chosen by the extensions. Reading MS Project XML notes, per\n"
    "task, what Plotline approximated (elapsed durations, task calendars, manual tasks, …) and every\n"
    "task whose dates differ from those the file states. GanttProject files (.gan) are read as IN.\n"
    "OUT .ics writes the milestones and deadlines as all-day events for a calendar (stable UIDs: a\n"
    "newer export updates the events); tasks marked internal are left out. OUT .svg draws the chart\n"
    "(every task, the table at the left) as a vector picture.\n"
    "CSV columns: ID, Name, Duration, Start, Finish, Predecessors,\n"
    "Outline Level, Resource Names, % Complete, Milestone, Notes, Plotline ID.\n"
    "A CSV table holds no calendar: holidays are not kept (a warning says so).\n"
    "Nothing is written when IN is invalid.\n";

const char* kReportHelp =
    "usage: plotline report FILE [--status-date YYYY-MM-DD] [--format md|html|json] [--internal] [-o OUT]\n"
    "       plotline report FILE --month YYYY-MM [--billing] [--format md|html] [-o OUT]\n"
    "       plotline report FILE --change-order N [--format md|html] [-o OUT]\n"
    "\n"
    "The weekly status report of a project at a status date (default: the project's status date, else\n"
    "today): overall RAG status and why, % complete, planned and forecast finish, milestones done and\n"
    "next, earned value (BAC, PV, EV, AC, SV, CV, SPI, CPI, EAC, ETC, VAC, TCPI), budget burn by\n"
    "category, contingency, top risks and open change requests. The same numbers as the Budget view.\n"
    "JSON gives amounts in minor units of the project currency (cents) and ratios as numbers, and a\n"
    "\"margin\" member: revenue by the contract's rule, cost at cost rates and the margin, to date and\n"
    "forecast at completion, by month, phase and person (cost and margin null while a cost rate is\n"
    "missing). --internal adds that margin section to the Markdown or HTML report: for the agency only.\n"
    "--month gives the client's monthly summary of work completed (--billing adds what the month bills\n"
    "and the invoices sent for it); --change-order N the change order of CR-N for sign-off. Written to\n"
    "stdout, or to OUT.\n";

const char* kShareHelp =
    "usage: plotline share FILE (-o OUT | --link APP_URL) [--include ITEM,ITEM…] [--status-date YYYY-MM-DD]\n"
    "\n"
    "What a client may see of a project, as of its status date (else today). OUT ending in .json is the\n"
    "view's file (a project file that any Plotline opens, with a \"view\" member); .html is the client\n"
    "pack, one standalone page to mail or print. A view always holds the plan (tasks, dates, links, who\n"
    "works when) and by default progress, milestones and the status summary. --include adds:\n"
    "  budget (approved, spent, forecast), rates (people's rates and roles), vendors, notes, risks,\n"
    "  changes (change requests), actuals (costs and hours), baseline\n"
    "  internal (tasks marked internal, which are left out otherwise)\n"
    "  billing (the contract's fee terms, the billing schedule and the invoices sent to the client)\n"
    "and nothing else ever leaves: no budget lines, contingency or weekly records, and never cost\n"
    "rates, vendors' mark-ups, the margin target or any margin.\n"
    "--link APP_URL writes the self-contained link instead: APP_URL#view=… with the view compressed in it\n"
    "(a snapshot that no server sees); exit 1 when it is longer than mail and chat carry (8000 characters).\n";

const char* kActualsHelp =
    "usage: plotline actuals FILE CSV [-o OUT] [--decimal point|comma]\n"
    "\n"
    "Adds the actuals in CSV to the project FILE (.json), written back to FILE (or to OUT). Columns,\n"
    "by header name in any order: Date, Hours, Resource, Amount, Category, Task, Vendor, Note. A row\n"
    "with Hours is time a resource worked; a row with an Amount is money spent. Names are matched\n"
    "to the project's tasks, resources and vendors. Amounts and hours share one decimal mark: a\n"
    "comma in a file separated by semicolons (1.250,50 and 7,5, as spreadsheets save CSV in those\n"
    "locales), else a point (1,250.50 and 7.5); --decimal sets it. Nothing is written when a row is\n"
    "wrong: every error names its line (exit 1).\n";

bool endsWith(const std::string& s, const std::string& suffix) {
    if (s.size() < suffix.size()) return false;
    for (size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
    return true;
}

bool wantsHelp(const std::vector<std::string>& args) {
    for (auto& a : args)
        if (a == "--help" || a == "-h") return true;
    return false;
}

int usageError(const std::string& msg, const char* help) {
    std::cerr << "plotline: " << msg << "\n\n" << help;
    return 2;
}

struct Loaded {
    bool ok = false;
    Project project;
    std::vector<std::string> warnings;
};

Loaded load(const std::string& path) {
    Loaded out;
    const Result<std::string> read = readInputFile(path);
    if (!read) {
        std::cerr << "plotline: " << read.error() << "\n";
        return out;
    }
    const std::string& text = *read;
    if (endsWith(path, ".csv")) {
        std::string name = path.substr(path.find_last_of('/') + 1);
        name = name.substr(0, name.size() - 4);
        // An undated table starts today, as it would when imported in the app.
        CsvImport r = readTasksCsv(text, name, localToday());
        for (auto& w : r.warnings) std::cerr << path << ": warning: " << w << "\n";
        if (!r.ok()) {
            for (auto& e : r.errors) std::cerr << path << ": " << e << "\n";
            return out;
        }
        out.project = std::move(r.project);
    } else if (endsWith(path, ".gan") || endsWith(path, ".xml")) {
        FileImport r = endsWith(path, ".gan") ? readGan(text, path) : readMspdi(text, path);
        if (!r.ok()) {
            for (auto& e : r.errors) std::cerr << path << ": " << e << "\n";
            return out;
        }
        for (auto& n : r.notes) std::cerr << path << ": note: " << n << "\n";
        out.project = std::move(r.project);
    } else {
        Result<Project> r = readProjectJson(text);
        if (!r) {
            std::istringstream lines(r.error());
            for (std::string line; std::getline(lines, line);) std::cerr << path << ": " << line << "\n";
            return out;
        }
        out.project = std::move(*r);
    }
    out.ok = true;
    return out;
}

int cmdValidate(const std::vector<std::string>& args) {
    if (wantsHelp(args)) { std::cout << kValidateHelp; return 0; }
    if (args.size() != 1) return usageError("validate takes one FILE", kValidateHelp);
    Loaded l = load(args[0]);
    if (!l.ok) return 1;
    Schedule s = schedule(l.project);
    if (!s.ok()) {
        std::cerr << args[0] << ": " << s.error << "\n";
        return 1;
    }
    std::cout << args[0] << ": valid — \"" << shown(l.project.name) << "\", " << l.project.tasks.size() << " tasks, "
              << l.project.links.size() << " links, " << l.project.resources.size() << " resources, "
              << s.start.str() << " to " << s.finish.str() << "\n";
    return 0;
}

int cmdSchedule(const std::vector<std::string>& args) {
    if (wantsHelp(args)) { std::cout << kScheduleHelp; return 0; }
    bool asJson = false;
    std::vector<std::string> files;
    for (auto& a : args) {
        if (a == "--json") asJson = true;
        else if (!a.empty() && a[0] == '-') return usageError("unknown option " + a, kScheduleHelp);
        else files.push_back(a);
    }
    if (files.size() != 1) return usageError("schedule takes one FILE", kScheduleHelp);
    Loaded l = load(files[0]);
    if (!l.ok) return 1;
    const Project& p = l.project;
    Schedule s = schedule(p);
    if (!s.ok()) {
        std::cerr << files[0] << ": " << s.error << "\n";
        return 1;
    }
    const int mpd = p.calendar.minutesPerDay;
    auto dur = [&](size_t i) { return formatDuration(s.tasks[i].summary ? s.tasks[i].finish - s.tasks[i].start : (p.tasks[i].milestone ? 0 : p.tasks[i].duration), mpd); };
    // Dates, with the clock time where an instant is not on a day boundary.
    const Calendar& cal = p.calendar;
    auto startAt = [&](int64_t at, Date shown) { return at % mpd == 0 ? shown.str() : cal.startText(at); };
    auto finishAt = [&](int64_t at, Date shown) { return at % mpd == 0 ? shown.str() : cal.finishText(at); };
    if (asJson) {
        nlohmann::json out = {{"project", p.name}, {"start", s.start.str()}, {"finish", s.finish.str()}};
        nlohmann::json tasks = nlohmann::json::array();
        for (size_t i = 0; i < p.tasks.size(); ++i) {
            const TaskSchedule& ts = s.tasks[i];
            nlohmann::json tj = {{"id", i + 1}, {"uid", p.tasks[i].id.str()}, {"name", p.tasks[i].name},
                                 {"start", startAt(ts.start, ts.startDate)}, {"finish", finishAt(ts.finish, ts.finishDate)},
                                 {"duration", dur(i)}, {"summary", ts.summary}, {"milestone", p.tasks[i].milestone},
                                 {"earlyStart", startAt(ts.start, ts.startDate)}, {"earlyFinish", finishAt(ts.finish, ts.finishDate)},
                                 {"lateStart", startAt(ts.lateStart, ts.lateStartDate)},
                                 {"lateFinish", finishAt(ts.lateFinish, ts.lateFinishDate)},
                                 {"totalFloat", formatDuration(ts.totalFloat, mpd)},
                                 {"freeFloat", formatDuration(ts.freeFloat, mpd)}, {"critical", ts.critical},
                                 {"percentComplete", ts.percentComplete}};
            if (std::string w = scheduleWarning(p, s, i); !w.empty()) tj["warning"] = w;
            tasks.push_back(std::move(tj));
        }
        out["tasks"] = tasks;
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    std::printf("%-5s %-44s %-16s  %-16s  %-9s %-9s %s\n", "ID", "Name", "Start", "Finish", "Duration", "Float", "Critical");
    for (size_t i = 0; i < p.tasks.size(); ++i) {
        std::string name = std::string(size_t(2 * (s.tasks[i].level - 1)), ' ') + shown(p.tasks[i].name);
        std::printf("%-5zu %-44s %-16s  %-16s  %-9s %-9s %s\n", i + 1, name.c_str(),
                    startAt(s.tasks[i].start, s.tasks[i].startDate).c_str(), finishAt(s.tasks[i].finish, s.tasks[i].finishDate).c_str(),
                    dur(i).c_str(), formatDuration(s.tasks[i].totalFloat, mpd).c_str(), s.tasks[i].critical ? "yes" : "");
    }
    std::printf("Project: %s to %s\n", s.start.str().c_str(), s.finish.str().c_str());
    for (size_t i = 0; i < p.tasks.size(); ++i)
        if (std::string w = scheduleWarning(p, s, i); !w.empty()) std::printf("! %zu %s: %s\n", i + 1, shown(p.tasks[i].name).c_str(), shown(w).c_str());
    return 0;
}

bool writeAtomically(const std::string& out, const std::string& text);

int cmdConvert(const std::vector<std::string>& args) {
    if (wantsHelp(args)) { std::cout << kConvertHelp; return 0; }
    if (args.size() != 2) return usageError("convert takes IN and OUT", kConvertHelp);
    const std::string& out = args[1];
    const bool toCsv = endsWith(out, ".csv"), toJson = endsWith(out, ".json"), toXml = endsWith(out, ".xml"), toIcs = endsWith(out, ".ics"), toSvg = endsWith(out, ".svg");
    if (!toCsv && !toJson && !toXml && !toIcs && !toSvg) return usageError("OUT must end in .json, .xml, .ics, .svg or .csv", kConvertHelp);
    if (!endsWith(args[0], ".csv") && !endsWith(args[0], ".json") && !endsWith(args[0], ".xml") && !endsWith(args[0], ".gan"))
        return usageError("IN must end in .json, .xml, .gan or .csv", kConvertHelp);
    Loaded l = load(args[0]);
    if (!l.ok) return 1;
    if (toCsv && !l.project.calendar.holidays().empty())
        std::cerr << "plotline: warning: a CSV task table has no calendar; the project's "
                  << l.project.calendar.holidays().size() << " holidays are not kept in " << out << "\n";
    ICalendarCount events;
    const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    std::string text = toCsv   ? writeTasksCsv(l.project, schedule(l.project))
                       : toXml ? writeMspdi(l.project, schedule(l.project))
                       : toIcs ? writeICalendar(l.project, schedule(l.project), now, false, &events)
                       : toSvg ? chartSvg(l.project, schedule(l.project), ChartOptions{}).svg
                               : writeProjectJson(l.project);
    if (!writeAtomically(out, text)) return 1;
    if (toIcs)
        std::cout << "wrote " << out << " (" << events.milestones << " milestones, " << events.deadlines << " deadlines"
                  << (events.internalLeftOut ? ", " + std::to_string(events.internalLeftOut) + " internal left out" : std::string()) << ")\n";
    else std::cout << "wrote " << out << " (" << l.project.tasks.size() << " tasks)\n";
    return 0;
}

int cmdGenerate(const std::vector<std::string>& args) {
    if (wantsHelp(args)) { std::cout << kGenerateHelp; return 0; }
    std::vector<std::string> pos;
    long long seed = 42, people = -1;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--seed" && i + 1 < args.size()) {
            const auto v = wholeNumber(args[i + 1], 0, 999999999999999999LL);
            if (!v) return usageError("--seed takes a whole number from 0", kGenerateHelp);
            seed = *v;
            ++i;
        } else if (args[i] == "--people" && i + 1 < args.size()) {
            const auto v = wholeNumber(args[i + 1], 0, 100000);
            if (!v) return usageError("--people takes a whole number from 0 to 100000", kGenerateHelp);
            people = *v;
            ++i;
        } else pos.push_back(args[i]);
    }
    if (pos.size() != 2) return usageError("generate takes N and OUT", kGenerateHelp);
    const auto parsed = wholeNumber(pos[0], 1, 1000000);
    if (!parsed) return usageError("N must be a whole number from 1 to 1000000", kGenerateHelp);
    const long long n = *parsed;
    const std::string& out = pos[1];
    if (!endsWith(out, ".csv") && !endsWith(out, ".json")) return usageError("OUT must end in .json or .csv", kGenerateHelp);
    Project p = syntheticProject(int(n), uint64_t(seed));
    addSyntheticTeam(p, int(people >= 0 ? people : std::max<long long>(5, n / 100)), uint64_t(seed));
    const std::string text = endsWith(out, ".csv") ? writeTasksCsv(p, schedule(p)) : writeProjectJson(p);
    if (!writeAtomically(out, text)) return 1;
    std::cout << "wrote " << out << " (" << p.tasks.size() << " tasks, " << p.links.size() << " links, " << p.resources.size()
              << " people)\n";
    return 0;
}

// Options of the form --name VALUE; the rest are positional.
// Options named in `names` take a value; those in `flags` stand alone (given as {flag, ""}).
bool splitOptions(const std::vector<std::string>& args, const std::vector<std::string>& names,
                  std::vector<std::pair<std::string, std::string>>& options, std::vector<std::string>& positional, std::string& bad,
                  const std::vector<std::string>& flags = {}) {
    for (size_t i = 0; i < args.size(); ++i) {
        if (std::find(flags.begin(), flags.end(), args[i]) != flags.end()) {
            options.push_back({args[i], ""});
            continue;
        }
        if (args[i].size() > 1 && args[i][0] == '-') {
            if (std::find(names.begin(), names.end(), args[i]) == names.end()) { bad = "unknown option " + args[i]; return false; }
            if (i + 1 >= args.size()) { bad = args[i] + " needs a value"; return false; }
            options.push_back({args[i], args[i + 1]});
            ++i;
        } else positional.push_back(args[i]);
    }
    return true;
}

int emit(const std::string& out, const std::string& text) {
    if (out.empty()) { std::cout << text; return 0; }
    if (!writeAtomically(out, text)) return 1;
    std::cerr << "wrote " << out << "\n";
    return 0;
}

int cmdPortfolio(const std::vector<std::string>& args) {
    if (wantsHelp(args)) { std::cout << kPortfolioHelp; return 0; }
    std::vector<std::pair<std::string, std::string>> opts;
    std::vector<std::string> files;
    std::string bad;
    if (!splitOptions(args, {"--status-date", "--format", "-o"}, opts, files, bad)) return usageError(bad, kPortfolioHelp);
    if (files.empty()) return usageError("portfolio takes one FILE or more", kPortfolioHelp);
    std::optional<Date> statusDate;
    std::string format = "md", out;
    for (auto& [k, v] : opts) {
        if (k == "--status-date") {
            statusDate = Date::parse(v);
            if (!statusDate) return usageError("--status-date \"" + v + "\" is not a date (YYYY-MM-DD)", kPortfolioHelp);
        } else if (k == "--format") {
            if (v != "md" && v != "html" && v != "json") return usageError("--format is md, html or json", kPortfolioHelp);
            format = v;
        } else out = v;
    }
    std::vector<Project> projects;
    projects.reserve(files.size());
    for (const std::string& f : files) {
        Loaded l = load(f);
        if (!l.ok) return 1;
        projects.push_back(std::move(l.project));
    }
    std::vector<const Project*> list;
    for (const Project& p : projects) list.push_back(&p);
    const Date day = statusDate ? *statusDate : localToday();
    std::vector<Schedule> schedules;
    schedules.reserve(projects.size());
    std::vector<const Schedule*> scheduled;
    std::vector<std::vector<Booking>> booked;
    booked.reserve(projects.size());
    std::vector<const std::vector<Booking>*> plans;
    std::vector<PortfolioRow> rows;
    for (const Project& p : projects) {
        schedules.push_back(schedule(p));
        scheduled.push_back(&schedules.back());
        rows.push_back(portfolioRow(p, schedules.back(), day));
        booked.push_back(schedules.back().ok() ? bookings(p, resourceLoad(p, schedules.back())) : std::vector<Booking>{});
        plans.push_back(&booked.back());
    }
    sortPortfolio(rows);
    const ThisWeek week = thisWeek(list, scheduled, day);
    const CrossLoad people = crossLoad(plans);
    if (format == "json") return emit(out, portfolioJson(rows, day, &week, &people));
    ReportDoc doc = portfolioDoc(rows, day);
    appendThisWeek(doc, week);
    appendOverbooked(doc, people);
    return emit(out, format == "html" ? renderHtml(doc) : renderMarkdown(doc));
}

int cmdTemplate(const std::vector<std::string>& args) {
    if (wantsHelp(args)) { std::cout << kTemplateHelp; return 0; }
    if (args.size() == 1 && args[0] == "--list") {
        for (const BuiltinTemplate& b : builtinTemplates())
            std::cout << b.key << std::string(b.key.size() < 14 ? 14 - b.key.size() : 1, ' ') << b.name << ": " << b.description << " ("
                      << b.project.tasks.size() << " tasks)\n";
        return 0;
    }
    std::vector<std::pair<std::string, std::string>> opts;
    std::vector<std::string> files;
    std::string bad;
    if (!splitOptions(args, {"-o"}, opts, files, bad)) return usageError(bad, kTemplateHelp);
    if (files.size() != 1 || opts.empty()) return usageError("template takes FILE and -o OUT", kTemplateHelp);
    const std::string& out = opts.back().second;
    if (!endsWith(out, ".json")) return usageError("OUT must end in .json", kTemplateHelp);
    Loaded l = load(files[0]);
    if (!l.ok) return 1;
    const Project t = makeTemplate(l.project);
    if (!writeAtomically(out, writeProjectJson(t))) return 1;
    std::cout << "wrote " << out << " (template \"" << shown(t.name) << "\": " << t.tasks.size() << " tasks, " << t.resources.size() << " roles)\n";
    return 0;
}

int cmdNew(const std::vector<std::string>& args) {
    if (wantsHelp(args)) { std::cout << kNewHelp; return 0; }
    std::vector<std::pair<std::string, std::string>> opts;
    std::vector<std::string> files;
    std::string bad;
    if (!splitOptions(args, {"-o", "--start", "--name"}, opts, files, bad)) return usageError(bad, kNewHelp);
    if (files.size() > 1) return usageError("new takes at most one TEMPLATE", kNewHelp);
    std::string out, name;
    std::optional<Date> start;
    for (auto& [k, v] : opts) {
        if (k == "-o") out = v;
        else if (k == "--name") name = v;
        else if (!(start = Date::parse(v))) return usageError("--start \"" + v + "\" is not a date (YYYY-MM-DD)", kNewHelp);
    }
    if (out.empty() || !endsWith(out, ".json")) return usageError("-o OUT (.json) is needed", kNewHelp);
    if (!start) return usageError("--start YYYY-MM-DD is needed", kNewHelp);
    Project p;
    if (files.empty()) p = newProject(*start, name.empty() ? "Untitled project" : name);
    else {
        const BuiltinTemplate* builtin = nullptr;
        for (const BuiltinTemplate& b : builtinTemplates())
            if (b.key == files[0]) builtin = &b;
        Project tmpl;
        if (builtin) tmpl = builtin->project;
        else if (!std::filesystem::exists(files[0])) {
            std::string keys;
            for (const BuiltinTemplate& b : builtinTemplates()) keys += (keys.empty() ? "" : ", ") + b.key;
            std::cerr << "plotline: " << shown(files[0]) << " is neither a template file nor a built-in template (" << keys << ")\n";
            return 1;
        } else {
            Loaded l = load(files[0]);
            if (!l.ok) return 1;
            if (!l.project.isTemplate)
                std::cerr << "plotline: note: " << shown(files[0]) << " is a project, not a template: its shape is used (as 'plotline template' would keep it)\n";
            tmpl = l.project.isTemplate ? std::move(l.project) : makeTemplate(l.project);
        }
        p = projectFromTemplate(tmpl, *start, name.empty() ? tmpl.name : name);
    }
    if (!writeAtomically(out, writeProjectJson(p))) return 1;
    std::cout << "wrote " << out << " (\"" << shown(p.name) << "\", " << p.tasks.size() << " tasks, starting " << p.start.str() << ")\n";
    return 0;
}

int cmdPipeline(const std::vector<std::string>& args) {
    if (wantsHelp(args)) { std::cout << kPipelineHelp; return 0; }
    std::vector<std::pair<std::string, std::string>> opts;
    std::vector<std::string> files;
    std::string bad;
    if (!splitOptions(args, {"--add", "--kind", "--from", "--every", "--status-date", "-o"}, opts, files, bad)) return usageError(bad, kPipelineHelp);
    if (files.size() != 1) return usageError("pipeline takes one FILE", kPipelineHelp);
    int add = 0, every = 2;
    std::string kind = "Article", out;
    std::optional<Date> from, status;
    for (auto& [k, v] : opts) {
        auto whole = [&](int& x, int lo, int hi) {
            char* end = nullptr;
            const long n = std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end || n < lo || n > hi) return false;
            x = int(n);
            return true;
        };
        if (k == "--add" && !whole(add, 1, 1000)) return usageError("--add takes a number from 1 to 1000", kPipelineHelp);
        if (k == "--every" && !whole(every, 0, 365)) return usageError("--every takes a number of working days (0 to 365)", kPipelineHelp);
        if (k == "--kind") kind = v;
        if (k == "-o") out = v;
        if ((k == "--from" && !(from = Date::parse(v))) || (k == "--status-date" && !(status = Date::parse(v))))
            return usageError(k + " \"" + v + "\" is not a date (YYYY-MM-DD)", kPipelineHelp);
    }
    if (kind.empty() || kind.size() > 60) return usageError("--kind is a short name (Article, Page, Video…)", kPipelineHelp);
    Loaded l = load(files[0]);
    if (!l.ok) return 1;
    Document doc(std::move(l.project));
    if (add > 0) {
        if (out.empty() || !endsWith(out, ".json")) return usageError("--add writes the plan to -o OUT (.json)", kPipelineHelp);
        if (doc.project().stages.empty()) doc.execute(setUpPipeline(defaultStages()));
        std::string why;
        CommandPtr c = addDeliverables(doc.project(), {add, kind, from.value_or(doc.project().start), every}, why);
        if (!c || !doc.execute(std::move(c))) {
            std::cerr << "plotline: " << (why.empty() ? "the deliverables could not be added" : why) << "\n";
            return 1;
        }
        if (!writeAtomically(out, writeProjectJson(doc.project()))) return 1;
        std::cout << "wrote " << out << " (" << add << " × " << shown(kind) << ", " << doc.project().stages.size() << " stages each)\n";
        return 0;
    }
    if (doc.project().stages.empty()) {
        std::cerr << "plotline: " << shown(files[0]) << " is not a content pipeline (it has no stages); --add sets one up\n";
        return 1;
    }
    const Date day = status ? *status : doc.project().statusDate.value_or(localToday());
    const PipelineBoard b = pipelineBoard(doc.project(), doc.schedule(), day);
    std::cout << "# " << shown(doc.project().name) << ": board as of " << day.str() << "\n";
    for (size_t c = 0; c < b.columns.size(); ++c) {
        std::cout << "\n## " << shown(b.columns[c]) << " (" << b.cards[c].size() << ")\n";
        for (const PipelineCard& card : b.cards[c]) {
            std::string who;
            for (const std::string& h : card.holders) who += (who.empty() ? "" : ", ") + h;
            std::cout << "- " << shown(card.name);
            if (card.published) std::cout << ": published " << card.published->str();
            else {
                if (!who.empty()) std::cout << ": " << shown(who);
                std::cout << (card.started ? ", " + std::to_string(card.days) + (card.days == 1 ? " day" : " days") : std::string(", not started"));
                if (card.late) std::cout << " (late)";
            }
            std::cout << "\n";
        }
    }
    for (const std::string& p : b.problems) std::cerr << "plotline: " << shown(p) << "\n";
    return 0;
}

int cmdReport(const std::vector<std::string>& args) {
    if (wantsHelp(args)) { std::cout << kReportHelp; return 0; }
    std::vector<std::pair<std::string, std::string>> opts;
    std::vector<std::string> files;
    std::string bad;
    if (!splitOptions(args, {"--status-date", "--format", "--month", "--change-order", "-o"}, opts, files, bad, {"--internal", "--billing"}))
        return usageError(bad, kReportHelp);
    if (files.size() != 1) return usageError("report takes one FILE", kReportHelp);
    std::optional<Date> statusDate;
    std::string format = "md", out, month;
    int changeNumber = 0;
    bool internal = false, billing = false;
    for (auto& [k, v] : opts) {
        if (k == "--internal") internal = true;
        else if (k == "--billing") billing = true;
        else if (k == "--status-date") {
            statusDate = Date::parse(v);
            if (!statusDate) return usageError("--status-date \"" + v + "\" is not a date (YYYY-MM-DD)", kReportHelp);
        } else if (k == "--format") {
            if (v != "md" && v != "html" && v != "json") return usageError("--format is md, html or json", kReportHelp);
            format = v;
        } else if (k == "--month") {
            month = v;
            if (!Date::parse(v + "-01")) return usageError("--month \"" + v + "\" is not a month (YYYY-MM)", kReportHelp);
        } else if (k == "--change-order") {
            const auto number = wholeNumber(v, 1, 1000000000);
            if (!number) return usageError("--change-order takes a request number from 1 (3 for CR-3)", kReportHelp);
            changeNumber = int(*number);
        } else out = v;
    }
    if (format == "json" && (!month.empty() || changeNumber)) return usageError("JSON is for the status report only", kReportHelp);
    if (internal && (!month.empty() || changeNumber)) return usageError("--internal is for the status report (a monthly summary goes to the client)", kReportHelp);
    if (billing && month.empty()) return usageError("--billing is for the monthly summary (--month)", kReportHelp);
    Loaded l = load(files[0]);
    if (!l.ok) return 1;
    const Project& p = l.project;
    const Schedule s = schedule(p);
    if (!s.ok()) {
        std::cerr << files[0] << ": " << s.error << "\n";
        return 1;
    }
    const Date day = statusDate ? *statusDate : p.statusDate ? *p.statusDate : localToday();
    ReportDoc doc;
    if (changeNumber) {
        auto c = std::find_if(p.changeRequests.begin(), p.changeRequests.end(), [&](const ChangeRequest& x) { return x.number == changeNumber; });
        if (c == p.changeRequests.end()) {
            std::cerr << files[0] << ": no change request CR-" << changeNumber << "\n";
            return 1;
        }
        doc = changeOrder(p, *c);
    } else if (!month.empty()) {
        int y, m, d;
        Date::parse(month + "-01")->toYmd(y, m, d);
        doc = monthlySummary(p, s, y, m, day, billing);
    } else {
        const StatusReport r = statusReport(p, s, day, format == "json" || internal);
        if (!r.budget.tooLarge.empty()) std::cerr << "plotline: warning: " << shown(r.budget.tooLarge) << "\n";
        if (r.profit && !r.profit->missingCostRates.empty() && (internal || format == "json"))
            std::cerr << "plotline: note: " << r.profit->missingText() << "\n";
        if (format == "json") return emit(out, statusReportJson(r));
        doc = weeklyReport(r, internal);
    }
    return emit(out, format == "html" ? renderHtml(doc) : renderMarkdown(doc));
}

int cmdShare(const std::vector<std::string>& args) {
    if (wantsHelp(args)) { std::cout << kShareHelp; return 0; }
    std::vector<std::pair<std::string, std::string>> opts;
    std::vector<std::string> files;
    std::string bad;
    if (!splitOptions(args, {"--include", "--status-date", "-o", "--link"}, opts, files, bad)) return usageError(bad, kShareHelp);
    if (files.size() != 1) return usageError("share takes one FILE", kShareHelp);
    ShareOptions options;
    std::optional<Date> statusDate;
    std::string out, app;
    for (auto& [k, v] : opts) {
        if (k == "--include") {
            Result<ShareOptions> o = withShareItems(options, v);
            if (!o) return usageError(o.error(), kShareHelp);
            options = *o;
        } else if (k == "--status-date") {
            statusDate = Date::parse(v);
            if (!statusDate) return usageError("--status-date \"" + v + "\" is not a date (YYYY-MM-DD)", kShareHelp);
        } else if (k == "--link") {
            if (v.rfind("https://", 0) != 0 && v.rfind("http://", 0) != 0) return usageError("--link needs the app's address (https://…)", kShareHelp);
            app = v;
        } else out = v;
    }
    if (app.empty() && (out.empty() || (!endsWith(out, ".json") && !endsWith(out, ".html"))))
        return usageError("share needs -o OUT ending in .json (the view) or .html (the client pack)", kShareHelp);
    Loaded l = load(files[0]);
    if (!l.ok) return 1;
    Project p = std::move(l.project);
    if (statusDate) p.statusDate = statusDate;
    const Schedule s = schedule(p);
    if (!s.ok()) {
        std::cerr << files[0] << ": " << s.error << "\n";
        return 1;
    }
    const ClientView v = clientView(p, s, options, localToday());
    if (!app.empty()) {
        Result<std::string> gz = runCodec(Codec::Gzip, linkViewText(v), "");
        if (!gz) {
            std::cerr << files[0] << ": " << gz.error() << "\n";
            return 1;
        }
        const std::string link = appAddress(app) + "#" + snapshotFragment(*gz);
        std::cerr << link.size() << " characters\n";
        if (link.size() > kMaxLinkChars) {
            std::cerr << files[0] << ": the link would be " << link.size() << " characters, longer than mail and chat carry (" << kMaxLinkChars
                      << "): leave something out, or send the client pack (-o view.html)\n";
            return 1;
        }
        return emit(out, link + "\n");
    }
    return emit(out, endsWith(out, ".json") ? clientViewJson(v) : clientPackHtml(v));
}

int cmdActuals(const std::vector<std::string>& args) {
    if (wantsHelp(args)) { std::cout << kActualsHelp; return 0; }
    std::vector<std::pair<std::string, std::string>> opts;
    std::vector<std::string> files;
    std::string bad;
    if (!splitOptions(args, {"-o", "--decimal"}, opts, files, bad)) return usageError(bad, kActualsHelp);
    if (files.size() != 2) return usageError("actuals takes FILE and CSV", kActualsHelp);
    if (!endsWith(files[0], ".json")) return usageError("FILE must be a Plotline project (.json)", kActualsHelp);
    std::string out = files[0];
    std::optional<DecimalMark> mark;
    for (const auto& [name, value] : opts) {
        if (name == "-o") out = value;
        else if (value == "point") mark = DecimalMark::Point;
        else if (value == "comma") mark = DecimalMark::Comma;
        else return usageError("--decimal is point or comma, not \"" + value + "\"", kActualsHelp);
    }
    Loaded l = load(files[0]);
    if (!l.ok) return 1;
    const Result<std::string> csv = readInputFile(files[1]);
    if (!csv) {
        std::cerr << "plotline: " << csv.error() << "\n";
        return 1;
    }
    ActualsImport a = readActualsCsv(*csv, l.project, mark);
    if (!a.ok()) {
        for (auto& e : a.errors) std::cerr << files[1] << ": " << e << "\n";
        return 1;
    }
    const size_t costs = a.costs.size(), hours = a.hours.size();
    Document doc(std::move(l.project));
    doc.execute(addActuals(doc.project(), std::move(a.costs), std::move(a.hours), "Import actuals"));
    if (!writeAtomically(out, writeProjectJson(doc.project()))) return 1;
    std::cout << "added " << hours << " hours entries and " << costs << " cost entries to " << out << "\n";
    return 0;
}

// Replaces the file safely (core/files.hpp), saying so when it cannot.
int cmdMerge(const std::vector<std::string>& args) {
    if (wantsHelp(args)) { std::cout << kMergeHelp; return 0; }
    std::vector<std::pair<std::string, std::string>> opts;
    std::vector<std::string> files;
    std::string bad;
    if (!splitOptions(args, {"-o"}, opts, files, bad)) return usageError(bad, kMergeHelp);
    if (files.size() != 3) return usageError("merge takes BASE, OURS and THEIRS", kMergeHelp);
    const std::string out = opts.empty() ? "" : opts[0].second;
    if (!out.empty() && endsWith(out, ".csv")) return usageError("OUT is a Plotline project (.json)", kMergeHelp);
    Loaded base = load(files[0]), ours = load(files[1]), theirs = load(files[2]);
    if (!base.ok || !ours.ok || !theirs.ok) return 1;
    const MergeResult m = mergeProjects(base.project, ours.project, theirs.project);
    for (const MergeConflict& k : m.conflicts) {
        auto value = [](const std::string& v) { return v.empty() ? std::string("(none)") : shown(v); };
        std::cerr << "conflict: " << k.entity << " \u201c" << shown(k.name) << "\u201d " << k.field << ": ours " << value(k.ours) << ", theirs "
                  << value(k.theirs) << " \u2192 kept " << (k.tookOurs ? "ours" : "theirs") << " (the later edit)\n";
    }
    for (const std::string& n : m.notes) std::cerr << "note: " << shown(n) << "\n";
    if (out.empty()) std::cout << writeProjectJson(m.project, true);
    else if (!writeAtomically(out, writeProjectJson(m.project, true))) return 1;
    else std::cerr << "wrote " << out << " (" << m.conflicts.size() << (m.conflicts.size() == 1 ? " conflict" : " conflicts") << ", "
                   << m.notes.size() << (m.notes.size() == 1 ? " note" : " notes") << ")\n";
    return m.conflicts.empty() ? 0 : 3;
}

bool writeAtomically(const std::string& out, const std::string& text) {
    const std::string error = writeFileAtomically(out, text);
    if (error.empty()) return true;
    std::cerr << "plotline: " << error << "\n";
    return false;
}

} // namespace

int main(int argc, char** argv) {
    SafeTerminal safeErrors(std::cerr.rdbuf());
    std::cerr.rdbuf(&safeErrors);
    struct Restore { std::streambuf* b; ~Restore() { std::cerr.flush(); std::cerr.rdbuf(b); } } restore{safeErrors.to()};
    std::vector<std::string> args(argv + 1, argv + argc);
    // --lang and --locale, before or after the command: the language and formats of what is written for people.
    for (size_t i = 0; i < args.size();) {
        if ((args[i] == "--lang" || args[i] == "--locale") && i + 1 < args.size()) {
            const std::string value = args[i + 1];
            if (args[i] == "--lang") {
                const auto& l = i18n::languages();
                if (std::find(l.begin(), l.end(), value) == l.end()) return usageError("--lang: one of en, de, fr, es, pseudo", kUsage);
                i18n::setLanguage(value);
            } else {
                if (formatsFor(value).tag == "iso" && value != "iso") return usageError("--locale: a tag such as en-US, de-DE, fr-FR, es-ES, ja-JP or iso", kUsage);
                setFormats(formatsFor(value));
            }
            args.erase(args.begin() + long(i), args.begin() + long(i) + 2);
        } else ++i;
    }
    if (args.empty()) { std::cerr << kUsage; return 2; }
    const std::string cmd = args[0];
    args.erase(args.begin());
    if (cmd == "--help" || cmd == "-h" || cmd == "help") { std::cout << kUsage; return 0; }
    if (cmd == "validate") return cmdValidate(args);
    if (cmd == "schedule") return cmdSchedule(args);
    if (cmd == "convert") return cmdConvert(args);
    if (cmd == "portfolio") return cmdPortfolio(args);
    if (cmd == "template") return cmdTemplate(args);
    if (cmd == "new") return cmdNew(args);
    if (cmd == "pipeline") return cmdPipeline(args);
    if (cmd == "generate") return cmdGenerate(args);
    if (cmd == "report") return cmdReport(args);
    if (cmd == "actuals") return cmdActuals(args);
    if (cmd == "merge") return cmdMerge(args);
    if (cmd == "share") return cmdShare(args);
    std::cerr << "plotline: unknown command '" << cmd << "'\n\n" << kUsage;
    return 2;
}
