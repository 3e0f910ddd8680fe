// IdIndex: id → row, an open-addressing hash table built once per pass, on the keyed id hash. Several times faster than
// std::unordered_map for the scheduler's lookups (one allocation, linear probing, no nodes).
//
//   IdIndex at(project.tasks.size());
//   for (size_t i = 0; i < tasks.size(); ++i) at.insert(tasks[i].id, int(i));
//   int row = at.find(link.predecessor);   // -1 when absent
//   const IdIndex taskAt = indexById(project.tasks);   // the same, for any list of records with ids
#pragma once
#include "id.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace plotline {

class IdIndex {
public:
    explicit IdIndex(size_t capacity) {
        size_t size = 16;
        while (size < capacity * 2) size <<= 1;
        mask_ = size - 1;
        slots_.assign(size, 0);
        keys_.reserve(capacity);
        rows_.reserve(capacity);
    }
    // Keeps the first row inserted for an id; false when the id was there already.
    bool insert(Id id, int row) {
        for (size_t i = hash(id);; i = (i + 1) & mask_) {
            uint32_t& s = slots_[i];
            if (s == 0) {
                keys_.push_back(id);
                rows_.push_back(row);
                s = uint32_t(keys_.size());
                return true;
            }
            if (keys_[s - 1] == id) return false;
        }
    }
    int find(Id id) const {
        for (size_t i = hash(id);; i = (i + 1) & mask_) {
            const uint32_t s = slots_[i];
            if (s == 0) return -1;
            if (keys_[s - 1] == id) return rows_[s - 1];
        }
    }

private:
    // The table holds only entry numbers (4 bytes a slot, a quarter of what id and row took), and the
    // ids sit in insertion order: a 100k-task plan's table fits the processor's cache.
    size_t hash(Id id) const { return size_t(hashIdWith(id, key_)) & mask_; }
    std::vector<uint32_t> slots_; // 0: empty, else 1 + the entry's number
    std::vector<Id> keys_;
    std::vector<int> rows_;
    size_t mask_;
    uint64_t key_ = idHashSeed(); // keyed (id.hpp): no crafted collisions
};

// id → row of a list of records with ids (tasks, resources, …), the first row for an id.
template <class List> IdIndex indexById(const List& list) {
    IdIndex at(list.size());
    for (size_t i = 0; i < list.size(); ++i) at.insert(list[i].id, int(i));
    return at;
}

// The same, built the first time an id is looked up: code that may look nothing up (a plan whose
// budget lines name no task) hashes nothing.
template <class List> class LazyIndex {
public:
    explicit LazyIndex(const List& list) : list_(list) {}
    int find(Id id) const {
        if (id.isNull()) return -1;
        if (!index_) index_.emplace(indexById(list_));
        return index_->find(id);
    }
    bool built() const { return index_.has_value(); } // something was looked up

private:
    const List& list_;
    mutable std::optional<IdIndex> index_;
};

} // namespace plotline
