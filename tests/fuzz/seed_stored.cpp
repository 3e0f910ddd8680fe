// Writes the library's stored (binary) form of each JSON plan given, as seeds for fuzz_stored.
//   fuzz_seed_stored OUT_DIR plan.json…
#include "core/binary_io.hpp"
#include "core/json_io.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    if (argc < 3) return 2;
    for (int i = 2; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        auto p = plotline::readProjectJson(ss.str());
        if (!p) continue;
        std::ofstream(std::string(argv[1]) + "/stored-" + std::to_string(i) + ".bin", std::ios::binary) << plotline::writeProjectBinary(*p);
    }
    return 0;
}
