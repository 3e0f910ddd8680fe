// The Portfolio view (beside Plan and Budget): every live project of the library on one timeline, one
// row each with its span, progress, next milestone and status, expandable to its milestones; the same
// numbers as a table; the week's late, due and starting work over all projects; and the people booked
// in several projects with their summed load.
//
// Each project's figures are computed once per stored version (read from the library, decoded,
// scheduled, then the plan itself is let go) and kept: opening the view again, or an edit of the open
// project, recomputes only what changed. The open project is taken live from the document.
//
//   PortfolioView portfolio(library, doc, openId, openProject);
//   portfolio.draw(today);                       // in the main window, when the view is shown
//   portfolio.refresh(today);                    // reads what changed in the library (and at draw)
//   load.setAcross(portfolio.otherBookings(openId)); // the load pane's "All projects"
#pragma once
#include "core/commands.hpp"
#include "core/cross_load.hpp"
#include "core/portfolio.hpp"
#include "frame_part.hpp"
#include "library.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace plotline {

class PortfolioView {
public:
    PortfolioView(ProjectLibrary& library, const Document& doc, std::function<std::string()> openId,
                  std::function<void(const std::string&)> openProject)
        : library_(library), doc_(doc), openId_(std::move(openId)), openProject_(std::move(openProject)) {}

    PLOTLINE_FRAME_PART void draw(Date today);
    // Reads the projects whose stored version changed since they were last read (asynchronously).
    void refresh(Date today);
    bool loading() const { return pending_ > 0; }

    // The bookings of every project but the open one (for the load pane), and a number that changes
    // whenever they do.
    std::vector<const std::vector<Booking>*> otherBookings() const;
    uint64_t generation() const { return generation_; }
    // People of the other projects who have an email: (name, email), each address once.
    std::vector<std::pair<std::string, std::string>> knownPeople() const;

    std::string json() const; // rows, this week and people, for automation and tests

    enum class Tab { Timeline, Table, Week, People };
    void showTab(Tab t) { wantTab_ = int(t); }

private:
    struct Entry {
        std::string id;
        uint64_t version = 0;      // the stored version these figures are of (0: the open project, live)
        uint64_t revision = 0;     // the document revision, for the open project
        Date today;
        bool loading = false;
        std::string error;         // could not be read
        PortfolioRow row;
        ThisWeek week;
        std::vector<Booking> booked;
        std::vector<std::pair<std::string, std::string>> people; // (name, email) of those with one
    };
    void compute(Entry& e, const Project& p, const Schedule& s, Date today);
    void updateOpen(Date today);
    void combine(Date today);
    std::vector<const Entry*> shown() const; // filtered and sorted
    void timeline(Date today);
    void table();
    void week();
    void people(Date today);
    void filters();

    ProjectLibrary& library_;
    const Document& doc_;
    std::function<std::string()> openId_;
    std::function<void(const std::string&)> openProject_;
    std::vector<Entry> entries_;
    int pending_ = 0;
    uint64_t generation_ = 1, combined_ = 0;
    Date today_;
    // Across every project: the week and the people.
    ThisWeek week_;
    CrossLoad cross_;
    // Filters and order.
    int status_ = 0; // 0 all, 1 red, 2 amber, 3 green
    std::string client_, producer_;
    int sort_ = 0;   // 0 status, 1 finish, 2 name
    std::vector<std::string> expanded_;
    Tab tab_ = Tab::Timeline;
    int wantTab_ = -1;
};

} // namespace plotline
