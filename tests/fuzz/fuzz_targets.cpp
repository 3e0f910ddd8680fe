// libFuzzer targets, one per reader of outside bytes, built with clang, ASan and UBSan
// (scripts/fuzz.sh builds and runs them). Each reads the input and, when it is accepted, checks what a
// user relies on next: the plan schedules, writes, and its written form reads back.
// PLOTLINE_FUZZ_TARGET (set by CMake) picks the reader.
#include "core/actuals_csv.hpp"
#include "core/binary_io.hpp"
#include "core/csv_io.hpp"
#include "core/gan.hpp"
#include "core/json_io.hpp"
#include "core/mspdi.hpp"
#include "core/schedule.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

using namespace plotline;

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail = {}) {
    std::fprintf(stderr, "property broken: %s %s\n", what, detail.c_str());
    std::abort();
}

// An accepted plan must schedule (or say why) and survive its own JSON.
void accepted(const Project& p) {
    (void)schedule(p);
    const Result<Project> again = readProjectJson(writeProjectJson(p, false));
    if (!again) broken("a plan that was read does not read back from its own JSON:", again.error());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
#if PLOTLINE_FUZZ_TARGET == 1 // JSON project files
    if (Result<Project> p = readProjectJson(text)) accepted(*p);
#elif PLOTLINE_FUZZ_TARGET == 2 // CSV task tables
    CsvImport in = readTasksCsv(text, "fuzz", Date::fromYmd(2026, 1, 5));
    if (in.ok()) {
        accepted(in.project);
        CsvImport again = readTasksCsv(writeTasksCsv(in.project, schedule(in.project)), "fuzz", Date::fromYmd(2026, 1, 5));
        if (!again.ok()) broken("a CSV that was read does not read back from its own CSV:", again.errors.front());
    }
#elif PLOTLINE_FUZZ_TARGET == 3 // CSV of actuals, into a small plan
    static const Project plan = [] {
        Project p = newProject(Date::fromYmd(2026, 1, 5), "fuzz");
        Task t;
        t.id = Id::random();
        t.name = "Design";
        p.tasks.push_back(t);
        Resource r;
        r.id = Id::random();
        r.name = "Ana";
        r.billRate = 9500;
        p.resources.push_back(r);
        return p;
    }();
    (void)readActualsCsv(text, plan);
#elif PLOTLINE_FUZZ_TARGET == 4 // Microsoft Project XML
    MspdiImport in = readMspdi(text, "fuzz.xml");
    if (in.ok()) {
        accepted(in.project);
        MspdiImport again = readMspdi(writeMspdi(in.project, schedule(in.project)), "again.xml");
        if (!again.ok()) broken("an MSPDI plan that was read does not read back from its own MSPDI:", again.errors.front());
        if (again.project.tasks.size() != in.project.tasks.size()) broken("MSPDI round trip lost tasks");
    }
#elif PLOTLINE_FUZZ_TARGET == 5 // GanttProject
    GanImport in = readGan(text, "fuzz.gan");
    if (in.ok()) accepted(in.project);
#elif PLOTLINE_FUZZ_TARGET == 6 // the library's stored form (binary or JSON body)
    // The stored form does not re-check references between records (binary_io.hpp: it is only ever
    // written from a plan the app holds, and sealed with a checksum), so a plan read from it must
    // schedule and write, not pass the JSON reader's reference checks.
    if (Result<Project> p = readProjectBody(text)) {
        (void)schedule(*p);
        (void)writeProjectJson(*p, false);
        const Result<Project> again = readProjectBinary(writeProjectBinary(*p));
        if (!again) broken("a stored plan does not read back from its own stored form:", again.error());
    }
#else
#error "PLOTLINE_FUZZ_TARGET names no reader"
#endif
    return 0;
}
