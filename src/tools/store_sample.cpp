// Writes a project file (JSON) in its stored form (binary_io.hpp): the web build ships the sample so.
// Opening it on a first visit then runs the reader every reload runs, and the JSON reader's lists stay
// out of the first download (scripts/split-wasm.mjs).
//   store_sample IN.json OUT
#include "core/binary_io.hpp"
#include "core/json_io.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: store_sample IN.json OUT\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
        std::fprintf(stderr, "%s: cannot read\n", argv[1]);
        return 1;
    }
    const plotline::Result<plotline::Project> project = plotline::readProjectJson(text.str());
    if (!project) {
        std::fprintf(stderr, "%s: %s\n", argv[1], project.error().c_str());
        return 1;
    }
    const std::string bytes = plotline::writeProjectBinary(*project);
    std::ofstream out(argv[2], std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    if (!out) {
        std::fprintf(stderr, "%s: cannot write\n", argv[2]);
        return 1;
    }
    return 0;
}
