// Reading and writing project files: a synthetic plan with a team, written with writeProjectJson
// (compact) and read back with readProjectJson, the same in the stored form the library keeps
// (binary_io.hpp), and as Microsoft Project XML (mspdi.hpp: the import parses, builds the plan and
// schedules it to compare with the file's dates), at 10k and 100k tasks.
//   build/native/bench_json [--json]       node build/web/bench_json_wasm.js [--json]
#include "timing.hpp"
#include "core/binary_io.hpp"
#include "core/json_io.hpp"
#include "core/mspdi.hpp"
#include "core/schedule.hpp"
#include "core/sealed.hpp"
#include "core/synthetic.hpp"

#include <cstdio>
#include <string>

using namespace plotline;

int main(int argc, char** argv) {
    const bool json = argc > 1 && std::string(argv[1]) == "--json"; // one line of JSON for bench/report.mjs
#ifdef __EMSCRIPTEN__
    const char* where = "wasm (node)";
#else
    const char* where = "native";
#endif
    if (!json) std::printf("Project files, %s; median of runs, milliseconds\n\n%9s %12s %12s %12s %12s %14s %14s %14s %12s %12s %12s\n", where, "tasks", "bytes/task", "write", "read", "seal check",
                          "stored B/task", "stored write", "stored read", "xml B/task", "xml write", "xml import");
    std::string rows;
    for (int n : {10000, 100000}) {
        Project p = syntheticProject(n, 7);
        addSyntheticTeam(p, 12, 7);
        std::string text;
        const int runs = n > 20000 ? 3 : 7;
        const double write = bench::medianMs(runs, [&] { text = writeProjectJson(p, false); });
        bool ok = true;
        const double read = bench::medianMs(runs, [&] { ok = ok && readProjectJson(text).ok(); });
        // Opening a stored version checks its length and CRC-32 before parsing it.
        const std::string sealed = seal(text, VersionInfo{1, 0, "plan", uint64_t(n), 0});
        const double check = bench::medianMs(runs, [&] { ok = ok && unseal(sealed).ok(); });
        std::string stored;
        const double storedWrite = bench::medianMs(runs, [&] { stored = writeProjectBinary(p); });
        const double storedRead = bench::medianMs(runs, [&] { ok = ok && readProjectBinary(stored).ok(); });
        std::string xml;
        const Schedule sched = schedule(p);
        const double xmlWrite = bench::medianMs(runs, [&] { xml = writeMspdi(p, sched); });
        const double xmlRead = bench::medianMs(n > 20000 ? 1 : 3, [&] { ok = ok && readMspdi(xml, "plan.xml").ok(); });
        if (!ok) { std::fprintf(stderr, "the written plan did not read back\n"); return 1; }
        if (!json)
            std::printf("%9d %12.0f %12.2f %12.2f %12.2f %14.0f %14.2f %14.2f %12.0f %12.2f %12.2f\n", n, double(text.size()) / n, write, read, check, double(stored.size()) / n,
                        storedWrite, storedRead, double(xml.size()) / n, xmlWrite, xmlRead);
        char row[420];
        std::snprintf(row, sizeof row,
                      "%s{\"tasks\":%d,\"bytesPerTask\":%.0f,\"writeMs\":%.3f,\"readMs\":%.3f,\"checkMs\":%.3f,\"storedBytesPerTask\":%.0f,\"storedWriteMs\":%.3f,"
                      "\"storedReadMs\":%.3f,\"mspdiBytesPerTask\":%.0f,\"mspdiWriteMs\":%.3f,\"mspdiImportMs\":%.3f}",
                      rows.empty() ? "" : ",", n, double(text.size()) / n, write, read, check, double(stored.size()) / n, storedWrite, storedRead,
                      double(xml.size()) / n, xmlWrite, xmlRead);
        rows += row;
    }
    if (json) std::printf("{\"where\":\"%s\",\"rows\":[%s]}\n", where, rows.c_str());
    return 0;
}
