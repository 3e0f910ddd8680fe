// Windows for plan-wide settings, opened from the Project menu: baselines (save, show, delete),
// the status date, resources (name, role, email, days off) and the project's client and producer.
// Every change goes through a command.
//
//   ProjectWindows windows(doc, gantt, host);
//   windows.openBaselines();
//   every frame: windows.draw();
#pragma once
#include "core/commands.hpp"
#include "frame_part.hpp"
#include "gantt_view.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace plotline {

// A window centred on first use, with a close button and auto size; false when collapsed or closed
// (call ImGui::End() either way). showError: a wrapped red line when error is not empty.
bool beginToolWindow(const char* title, bool* open, bool focus, float widthEm);
void showError(const std::string& error);

class ProjectWindows {
public:
    using Today = std::function<Date()>;
    ProjectWindows(Document& doc, GanttView& gantt, Today today) : doc_(doc), gantt_(gantt), today_(std::move(today)) {}

    void openBaselines();
    void openStatusDate();
    void openResources();
    void openDetails(); // client and producer
    PLOTLINE_FRAME_PART void draw();
    // The people of the library's other projects who have an email (name, email), offered in the
    // Resources window to say "the same person as": set by the app from the portfolio.
    std::function<std::vector<std::pair<std::string, std::string>>()> knownPeople;

private:
    void baselines();
    void statusDate();
    void resources();
    void details();

    Document& doc_;
    GanttView& gantt_;
    Today today_;
    bool baselinesOpen_ = false, statusOpen_ = false, resourcesOpen_ = false, detailsOpen_ = false, focus_ = false;
    std::string client_, producer_;
    char baselineName_[96] = {};
    char status_[16] = {};
    std::string error_;
    // The resources window edits texts; they are re-read when the project changes underneath.
    struct ResourceRow { Id id; std::string name, role, email, daysOff; }; // whole: a long list of days off is never cut
    std::vector<ResourceRow> rows_;
    uint64_t rowsRevision_ = 0;
};

} // namespace plotline
