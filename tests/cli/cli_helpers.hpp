// Helpers of the CLI tests: run the real `plotline` binary in a scratch folder, with a time and
// memory cap, and read what it printed.
#pragma once
#include "test_paths.hpp"
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace cli_test {

namespace fs = std::filesystem;

struct Run {
    int code = -1;
    std::string out, err;
};

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void spit(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

// A scratch folder per test, removed at the end.
struct Scratch {
    fs::path dir;
    Scratch() {
        static int n = 0;
        dir = fs::temp_directory_path() / ("plotline-cli-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
        fs::create_directories(dir);
    }
    ~Scratch() { fs::remove_all(dir); }
    fs::path operator/(const std::string& name) const { return dir / name; }
};

inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs `plotline ARGS` (ARGS as a shell would split them) under a cap of `seconds` and `megabytes`
// of address space: a run past either ends (exit 124 for the time, a crash for the memory) and the
// test fails instead of hanging CI or swapping the machine.
inline Run run(const std::string& args, int seconds = 60, int megabytes = 3072) {
    Scratch s;
    const std::string inner = "ulimit -v " + std::to_string(megabytes * 1024) + "; exec " + quote(PLOTLINE_CLI) + " " + args;
    const std::string cmd = "timeout -k 5 " + std::to_string(seconds) + " sh -c " + quote(inner) + " >" + quote((s / "out").string()) +
                            " 2>" + quote((s / "err").string());
    const int status = std::system(cmd.c_str());
    Run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(s / "out");
    r.err = slurp(s / "err");
    return r;
}

inline const std::string kSample = std::string(PLOTLINE_TEST_ASSETS) + "/sample-campaign.json";


} // namespace cli_test
