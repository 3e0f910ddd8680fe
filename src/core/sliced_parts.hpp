// A file written as a list of parts, so that writing a big plan can be spread over frames: each part
// is written whole in one call except the long record lists, which write a budget of records a call.
// ProjectJsonWriter and ProjectBinaryWriter are built on it.
//
//   SlicedParts parts;
//   parts.add([&](size_t& budget) { …write, spend budget…; return wholeNow; });
//   while (!parts.step(500)) { … next frame … }
#pragma once
#include <algorithm>
#include <cstddef>
#include <functional>
#include <vector>

namespace plotline {

class SlicedParts {
public:
    // A part is called until it returns true (written whole), with the budget of records left.
    void add(std::function<bool(size_t& budget)> part) { parts_.push_back(std::move(part)); }
    // Writes about `records` more records; true once every part is written.
    bool step(size_t records) {
        size_t budget = std::max<size_t>(records, 1);
        while (next_ < parts_.size() && budget > 0) {
            if (!parts_[next_](budget)) return false;
            ++next_;
        }
        return done();
    }
    bool done() const { return next_ == parts_.size(); }

private:
    std::vector<std::function<bool(size_t&)>> parts_;
    size_t next_ = 0;
};

} // namespace plotline
