// Deterministic synthetic plans for tests and benchmarks: N tasks nested 3–5 levels deep, about 1.5
// links per task of mixed types and lags (never a cycle), durations from an hour to two weeks, a few
// milestones, and a calendar with holidays. The same (tasks, seed) always gives the same plan.
//
//   Project big = syntheticProject(100000, 42);
#pragma once
#include "model.hpp"

#include <cstdint>

namespace plotline {

Project syntheticProject(int tasks, uint64_t seed = 1);

} // namespace plotline
