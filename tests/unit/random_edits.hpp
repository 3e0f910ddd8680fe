// Random edits of a plan through its document, for property tests: rows inserted, deleted, indented,
// outdented and moved; links added, deleted and edited; assignments replaced; rows pasted with a link
// between them; undo and redo.
#pragma once
#include "core/commands.hpp"

#include <random>

namespace plotline::test {

// Edit `op` (0–9, 11, 12; a test makes its own 10) on the task `t` of the document's plan.
inline void randomEdit(Document& doc, std::mt19937_64& rng, int op, const Task& t) {
    const Project& p = doc.project();
    const size_t n = p.tasks.size();
    std::string why;
    switch (op) {
        case 0: {
            Task fresh;
            fresh.id = Id::random();
            fresh.name = "New";
            fresh.duration = int64_t(1 + rng() % 5) * 480;
            const size_t at = rng() % (n + 1);
            if (at < n && rng() % 2) fresh.parent = p.tasks[at].parent; // a sibling of the row below, as Insert makes it
            doc.execute(insertTask(at, fresh));
            break;
        }
        case 1: if (n > 20) doc.execute(deleteTasks({t.id})); break;
        case 2: doc.execute(indentTasks(p, {t.id}, why)); break;
        case 3: doc.execute(outdentTasks(p, {t.id}, why)); break;
        case 4: doc.execute(moveTask(p, t.id, rng() % 2 ? 1 : -1, why)); break;
        case 5: {
            const Task& other = p.tasks[rng() % n];
            doc.executeChecked(addLink(Link{Id::random(), other.id, t.id, LinkType(rng() % 4), int64_t(rng() % 3) * 240, 0}), why);
            break;
        }
        case 6: if (!p.links.empty()) doc.execute(deleteLink(p.links[rng() % p.links.size()].id)); break;
        case 7:
            if (!p.resources.empty())
                doc.execute(setTaskResources(p, t.id, {Assignment{Id::random(), t.id, p.resources[rng() % p.resources.size()].id, 100}}));
            break;
        case 8: doc.undo(); break;
        case 9: doc.redo(); break;
        case 11: { // a paste of two linked rows
            std::vector<Task> rows(2);
            for (Task& r : rows) {
                r.id = Id::random();
                r.duration = 480;
            }
            const size_t at = rng() % (n + 1);
            if (at < n) rows[0].parent = rows[1].parent = p.tasks[at].parent;
            doc.execute(insertTasks(at, rows, {Link{Id::random(), rows[0].id, rows[1].id, LinkType::FS, 0, 0}}));
            break;
        }
        case 12:
            if (!p.links.empty()) {
                Link l = p.links[rng() % p.links.size()];
                l.lag = int64_t(rng() % 3) * 240;
                doc.executeChecked(editLink(l), why);
            }
            break;
    }
}

} // namespace plotline::test
