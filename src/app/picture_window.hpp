// Project > Export chart as picture…: the Gantt as a PNG of any size or a vector SVG, as the chart
// shows it (its rows, days, critical path and baseline) or for chosen days and outline depth.
//
//   PictureWindow pictures(doc, gantt, host);
//   pictures.open();
//   every frame: pictures.draw(today, fileStem);
#pragma once
#include "core/print.hpp"
#include "frame_part.hpp"
#include "gantt_view.hpp"
#include "host.hpp"

#include <string>

namespace plotline {

class PictureWindow {
public:
    PictureWindow(Document& doc, GanttView& gantt, Host& host) : doc_(doc), gantt_(gantt), host_(host) {}
    void open();
    void draw(Date today, const std::string& fileStem) {
        if (open_) drawOpen(today, fileStem); // (called only while open: frame_part.hpp)
    }
    // The picture the window's choices give now (also for tests).
    ChartSvg picture(Date today) const;

    // PNG sizes a browser can draw (Chromium's canvas: 16,384 pixels a side, 268 million in all).
    static constexpr int kMaxPngSide = 16384;
    static constexpr double kMaxPngPixels = 268435456.0;

private:
    PLOTLINE_FRAME_PART void drawOpen(Date today, const std::string& fileStem);
    Document& doc_;
    GanttView& gantt_;
    Host& host_;
    bool open_ = false, focus_ = false;
    int what_ = 0;        // 0: as the chart shows it; 1: chosen days and depth
    char from_[16] = {}, to_[16] = {};
    int depth_ = 0;       // 0: every level
    bool table_ = true;
    int width_ = 1600;    // the picture's width in CSS pixels (SVG units)
    int scale_ = 2;       // PNG pixels per CSS pixel
    std::string error_;
};

} // namespace plotline
