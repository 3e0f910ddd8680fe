// Content pipelines: deliverables (articles, pages, videos) that each run through the same stages
// (write → QA → edit → design → publish), every stage held by a role. A deliverable is a summary task
// whose subtasks are its stages in the pipeline's order, linked finish-to-start, each assigned to the
// stage's role; its brief (goal, audience, target length, search intent, customer contact, due date)
// is a Deliverable record. Its stage is the first subtask not complete; completing that subtask
// (percent 100, with its actual dates) moves it on, and the last one is its publication.
//
//   doc.execute(setUpPipeline(defaultStages()));
//   doc.execute(addDeliverables(p, {10, "Article", start, 2}));    // one undo step
//   PipelineBoard b = pipelineBoard(p, schedule, today);           // cards by stage
//   doc.execute(advanceDeliverable(p, schedule, card.deliverable, today, why));
#pragma once
#include "commands.hpp"
#include "model.hpp"
#include "report.hpp"
#include "schedule.hpp"

#include <string>
#include <vector>

namespace plotline {

// Write (Writer, 3 days), QA (QA, 1), Edit (Editor, 1), Design (Designer, 2), Publish (Producer, 1).
std::vector<PipelineStage> defaultStages();
// Makes the project a pipeline with these stages (replacing its stage list), as one step.
CommandPtr setUpPipeline(std::vector<PipelineStage> stages);

struct NewDeliverables {
    int count = 10;
    std::string kind = "Article";  // also their names: "Article 1", "Article 2" … (numbered after those there are)
    Date firstStart;               // the first one's first stage starts no earlier than this
    int cadenceDays = 2;           // each next one starts this many working days later (0: all at once)
};
// Their stage chains from the pipeline's stages, at the end of the plan, with the roles assigned (a role
// missing from Resources is added), as one undo step. nullptr with `why` when the project has no stages.
CommandPtr addDeliverables(const Project& p, const NewDeliverables& n, std::string& why);

struct PipelineCard {
    Id deliverable, task;          // the record and its summary task
    std::string name, kind;
    int stage = 0;                 // index into the stages; stages.size(): published
    Id stageTask;                  // the subtask of that stage (null when published)
    std::vector<std::string> holders; // who is assigned to that stage
    int days = 0;                  // days it has been in that stage (0 when it has not started)
    bool started = false;          // its stage has begun (by its actual start, the stage before finishing, or the schedule)
    bool late = false;             // the stage should have finished before today
    std::optional<Date> due, published;
};

struct PipelineBoard {
    std::vector<std::string> columns;          // the stages' names, then "Published"
    std::vector<std::vector<PipelineCard>> cards; // per column
    std::vector<std::string> problems;         // deliverables whose tasks do not match the stages
};

PipelineBoard pipelineBoard(const Project& p, const Schedule& s, Date today);

// Completes the deliverable's current stage as of `today` (its subtask at 100 %, actual start kept or
// set to its scheduled start, actual finish today): the card moves to the next stage. nullptr with
// `why` when it is published already or not found.
CommandPtr advanceDeliverable(const Project& p, const Schedule& s, Id deliverable, Date today, std::string& why);

// Deliverables published (their last stage finished) from `first` to `last`, in date order: the
// monthly customer summary's section.
ReportSection publishedSection(const Project& p, Date first, Date last);

} // namespace plotline
