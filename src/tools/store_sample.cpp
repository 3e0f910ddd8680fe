// Writes a project file (JSON) in its stored form (binary_io.hpp): the web build ships the sample so.
// Opening it on a first visit then runs the reader every reload runs, and the JSON reader's lists stay
// out of the first download (scripts/split-wasm.mjs).
//   store_sample IN.json OUT
#include "core/binary_io.hpp"
#include "core/files.hpp"
#include "core/json_io.hpp"

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: store_sample IN.json OUT\n");
        return 2;
    }
    const plotline::Result<std::string> text = plotline::readInputFile(argv[1]);
    if (!text) {
        std::fprintf(stderr, "%s\n", text.error().c_str());
        return 1;
    }
    const plotline::Result<plotline::Project> project = plotline::readProjectJson(*text);
    if (!project) {
        std::fprintf(stderr, "%s: %s\n", argv[1], project.error().c_str());
        return 1;
    }
    if (const std::string error = plotline::writeFileAtomically(argv[2], plotline::writeProjectBinary(*project)); !error.empty()) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    return 0;
}
