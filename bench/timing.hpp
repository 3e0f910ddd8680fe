// Timing for the native and wasm benchmarks: the median of a few runs, in milliseconds.
#pragma once
#include <algorithm>
#include <chrono>
#include <vector>

namespace plotline::bench {

inline double ms(std::chrono::steady_clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

template <class F> double medianMs(int runs, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        f();
        t.push_back(ms(std::chrono::steady_clock::now() - a));
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

} // namespace plotline::bench
