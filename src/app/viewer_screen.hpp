// What a client sees when the app opens from a view link (viewer.hpp): the status header (name,
// status with its reasons, % complete, next milestones, as of), Print and Download client pack, and
// the plan: the read-only Gantt view on a wide screen, a compact list on a phone (each task's name
// with its bar; a tap shows its details; a drag scrolls, a sideways drag pans, a pinch zooms).
#pragma once
#include "core/commands.hpp"
#include "frame_part.hpp"
#include "gantt_view.hpp"
#include "host.hpp"
#include "viewer.hpp"

namespace plotline {

class ViewerScreen {
public:
    ViewerScreen(Viewer& viewer, Document& doc, GanttView& gantt, Host& host) : viewer_(viewer), doc_(doc), gantt_(gantt), host_(host) {}
    PLOTLINE_FRAME_PART void draw(Date today);
    // Phones: a pinch (scale > 1 spreads the fingers) about a point (x in CSS pixels).
    void pinch(float scale, float x);
    static constexpr float kPhoneWidth = 640; // narrower than this (CSS pixels): the compact layout
    bool compact() const { return compact_; }
    float zoom() const { return zoom_; }
    int expanded() const { return expanded_; }

private:
    void header(const ClientView& v, float width);
    void phoneList(const ClientView& v, Date today);
    Viewer& viewer_;
    Document& doc_;
    GanttView& gantt_;
    Host& host_;
    bool compact_ = false;
    float zoom_ = 1, pan_ = 0; // the phone list's time axis: magnification and offset (px)
    int expanded_ = -1;        // the task whose details show
    float listX_ = 0, listW_ = 0;
    uint64_t fittedVersion_ = 0;
};

} // namespace plotline
