// Reading and writing project files: a synthetic plan with a team, written with writeProjectJson
// (compact, as stored) and read back with readProjectJson, at 10k and 100k tasks.
//   build/native/bench_json [--json]       node build/web/bench_json_wasm.js [--json]
#include "timing.hpp"
#include "core/json_io.hpp"
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
    if (!json) std::printf("Project files, %s; median of runs, milliseconds\n\n%9s %12s %12s %12s %12s\n", where, "tasks", "bytes/task", "write", "read", "seal check");
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
        if (!ok) { std::fprintf(stderr, "the written plan did not read back\n"); return 1; }
        if (!json) std::printf("%9d %12.0f %12.2f %12.2f %12.2f\n", n, double(text.size()) / n, write, read, check);
        char row[200];
        std::snprintf(row, sizeof row, "%s{\"tasks\":%d,\"bytesPerTask\":%.0f,\"writeMs\":%.3f,\"readMs\":%.3f,\"checkMs\":%.3f}", rows.empty() ? "" : ",", n,
                      double(text.size()) / n, write, read, check);
        rows += row;
    }
    if (json) std::printf("{\"where\":\"%s\",\"rows\":[%s]}\n", where, rows.c_str());
    return 0;
}
