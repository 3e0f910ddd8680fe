// The Board view of a content pipeline: a column per stage (and Published), a card per deliverable
// with who holds it and for how long. Dragging a card onto the next column completes its stage in the
// plan (one undo step); clicking it opens its brief. "Add articles…" makes more stage chains.
//
//   BoardView board(doc, flash);
//   board.draw(today);   // in the main window, when the view is shown
#pragma once
#include "core/commands.hpp"
#include "core/pipeline.hpp"
#include "frame_part.hpp"

#include <functional>
#include <string>

namespace plotline {

class BoardView {
public:
    BoardView(Document& doc, std::function<void(const std::string&)> flash) : doc_(doc), flash_(std::move(flash)) {}
    PLOTLINE_FRAME_PART void draw(Date today);
    // Moves a card to the next stage as a drop does (for the keyboard and automation).
    bool advance(Id deliverable, Date today);
    std::string json(Date today) const; // columns and their cards, for automation and tests

private:
    void addDialog(Date today);
    void briefWindow();

    Document& doc_;
    std::function<void(const std::string&)> flash_;
    bool addOpen_ = false;
    int addCount_ = 10, addEvery_ = 2;
    std::string addKind_ = "Article", addFrom_;
    std::string error_;
    Id brief_;           // the deliverable whose brief is open
    Deliverable editing_;
    std::string due_, length_;
};

} // namespace plotline
