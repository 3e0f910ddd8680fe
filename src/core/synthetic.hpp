// Deterministic synthetic plans for tests and benchmarks: N tasks nested 3–5 levels deep, about 1.5
// links per task of mixed types and lags (never a cycle), durations from an hour to two weeks, a few
// milestones, a calendar with holidays, and phases in about 16 parallel streams (a few years long at
// any size). The same (tasks, seed) always gives the same plan.
//
//   Project big = syntheticProject(100000, 42);
#pragma once
#include "model.hpp"

#include <cstdint>

namespace plotline {

Project syntheticProject(int tasks, uint64_t seed = 1);
// Adds `people` resources and assigns every plain task to one of them (most at 100 %, some at 50 %),
// so the resource load has something to show. Does not change the schedule.
void addSyntheticTeam(Project& project, int people, uint64_t seed = 1);

} // namespace plotline
