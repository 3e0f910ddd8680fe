// IdIndex: id → row, an open-addressing hash table built once per pass, on the keyed id hash. Several times faster than
// std::unordered_map for the scheduler's lookups (one allocation, linear probing, no nodes).
//
//   IdIndex at(project.tasks.size());
//   for (size_t i = 0; i < tasks.size(); ++i) at.insert(tasks[i].id, int(i));
//   int row = at.find(link.predecessor);   // -1 when absent
//   const IdIndex taskAt = indexById(project.tasks);   // the same, for any list of records with ids
#pragma once
#include "id.hpp"

#include <vector>

namespace plotline {

class IdIndex {
public:
    explicit IdIndex(size_t capacity) {
        size_t size = 16;
        while (size < capacity * 2) size <<= 1;
        mask_ = size - 1;
        slots_.assign(size, Slot{});
    }
    // Keeps the first row inserted for an id; false when the id was there already.
    bool insert(Id id, int row) {
        for (size_t i = hash(id);; i = (i + 1) & mask_) {
            Slot& s = slots_[i];
            if (s.row < 0) { s = {id, row}; return true; }
            if (s.id == id) return false;
        }
    }
    int find(Id id) const {
        for (size_t i = hash(id);; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (s.row < 0) return -1;
            if (s.id == id) return s.row;
        }
    }

private:
    struct Slot { Id id; int row = -1; };
    size_t hash(Id id) const { return size_t(hashId(id)) & mask_; } // keyed (id.hpp): no crafted collisions
    std::vector<Slot> slots_;
    size_t mask_;
};

// id → row of a list of records with ids (tasks, resources, …), the first row for an id.
template <class List> IdIndex indexById(const List& list) {
    IdIndex at(list.size());
    for (size_t i = 0; i < list.size(); ++i) at.insert(list[i].id, int(i));
    return at;
}

} // namespace plotline
