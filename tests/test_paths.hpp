#pragma once
// Where the tests find the project's files and the programs they run. These are absolute paths of
// one clone and one build, so they are compiled into a small source generated for each test program
// (add_test_paths in CMakeLists.txt), not passed to every test source: the test sources then compile
// to the same objects in any clone, and the compiler cache serves them.
namespace plotline::test_paths {
extern const char* const assets;   // the repository's assets/
extern const char* const sources;  // the repository's src/
extern const char* const fixtures; // tests/fixtures/
extern const char* const interop;  // files written by other planners (../shared/interop); "" when not found
extern const char* const cli;      // the plotline command-line program (cli_tests only)
extern const char* const fontsDir; // the fallback fonts built for the native UI tests
} // namespace plotline::test_paths

#define PLOTLINE_TEST_ASSETS ::plotline::test_paths::assets
#define PLOTLINE_TEST_SOURCES ::plotline::test_paths::sources
#define PLOTLINE_TEST_FIXTURES ::plotline::test_paths::fixtures
#define PLOTLINE_TEST_INTEROP ::plotline::test_paths::interop
#define PLOTLINE_CLI ::plotline::test_paths::cli
#define PLOTLINE_FONTS_DIR ::plotline::test_paths::fontsDir
