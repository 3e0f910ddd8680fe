#include "picture_window.hpp"
#include "core/locale.hpp"
#include "core/i18n.hpp"

#include "project_windows.hpp"
#include "widget_registry.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace plotline {

void PictureWindow::open() {
    open_ = true;
    focus_ = true;
    error_.clear();
    const Schedule& s = doc_.schedule();
    const Date from = s.ok() && !doc_.project().tasks.empty() ? s.start : doc_.project().start;
    const Date to = s.ok() && !doc_.project().tasks.empty() ? s.finish : from + 30;
    if (!from_[0]) std::snprintf(from_, sizeof from_, "%s", formatDate(from).c_str());
    if (!to_[0]) std::snprintf(to_, sizeof to_, "%s", formatDate(to).c_str());
}

ChartSvg PictureWindow::picture(Date today) const {
    ChartOptions o;
    o.width = width_;
    o.table = table_;
    o.today = today;
    if (what_ == 0) { // as shown: the chart's rows, days, critical path and baseline
        o.rows = gantt_.visibleRows();
        if (o.rows.empty()) o.rows = {-1}; // nothing shown: nothing drawn (empty means every row)
        const auto [first, last] = gantt_.shownDays();
        o.from = Date{int32_t(std::floor(first))};
        o.to = Date{int32_t(std::ceil(last)) - 1};
        o.critical = gantt_.showCritical;
        o.baseline = gantt_.shownBaseline();
    } else {
        o.from = readDate(from_);
        o.to = readDate(to_);
        o.maxLevel = depth_;
    }
    return chartSvg(doc_.project(), doc_.schedule(), o);
}

void PictureWindow::drawOpen(Date today, const std::string& fileStem) {
    if (!beginToolWindow(tr("Export chart as picture"), &open_, focus_, 32)) {
        ImGui::End();
        return;
    }
    focus_ = false;
    const float fs = ImGui::GetFontSize();
    ImGui::TextWrapped(tr("The Gantt chart as a picture for decks, statements of work and print: PNG of any size, or SVG, "
                       "which stays sharp at any zoom."));
    ImGui::Spacing();
    ImGui::RadioButton(tr("As the chart shows it now"), &what_, 0);
    tagItem("picture.asShown");
    ImGui::SameLine();
    ImGui::RadioButton(tr("Choose days and depth"), &what_, 1);
    tagItem("picture.choose");
    if (what_ == 1) {
        ImGui::SetNextItemWidth(fs * 7);
        ImGui::InputText(tr("From"), from_, sizeof from_);
        tagItem("picture.from");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(fs * 7);
        ImGui::InputText(tr("To"), to_, sizeof to_);
        tagItem("picture.to");
        int deepest = 1;
        for (const TaskSchedule& ts : doc_.schedule().tasks) deepest = std::max(deepest, ts.level);
        std::string label = depth_ == 0 ? std::string(tr("Every level")) : fmt(tr("Down to level {0}"), depth_);
        ImGui::SetNextItemWidth(fs * 10);
        if (ImGui::BeginCombo(tr("Outline depth"), label.c_str())) {
            if (ImGui::Selectable(tr("Every level"), depth_ == 0)) depth_ = 0;
            for (int l = 1; l <= deepest; ++l)
                if (ImGui::Selectable((fmt(tr("Down to level {0}"), l)).c_str(), depth_ == l)) depth_ = l;
            ImGui::EndCombo();
        }
        tagItem("picture.depth");
    } else
        ImGui::TextDisabled(tr("The rows shown (collapsed and filtered ones left out), the days in view, critical path and baseline as shown."));
    ImGui::Checkbox(tr("Table columns at the left"), &table_);
    tagItem("picture.table");
    ImGui::SetNextItemWidth(fs * 7);
    ImGui::InputInt(tr("Width (pixels)"), &width_, 100, 400);
    tagItem("picture.width");
    width_ = std::clamp(width_, 480, 20000);
    ImGui::SetNextItemWidth(fs * 7);
    ImGui::SliderInt(tr("PNG resolution"), &scale_, 1, 4, "%d\xc3\x97");
    tagItem("picture.scale");

    error_.clear();
    if (what_ == 1) {
        const auto from = readDate(from_), to = readDate(to_);
        if (!from || !to) error_ = fmt(tr("From and To are dates ({0})."), dateHint());
        else if (*to < *from) error_ = tr("To comes before From.");
    }
    ChartSvg pic;
    if (error_.empty()) pic = picture(today);
    const double pngW = pic.width * scale_, pngH = pic.height * scale_;
    const bool pngFits = pngW <= kMaxPngSide && pngH <= kMaxPngSide && pngW * pngH <= kMaxPngPixels;
    if (error_.empty()) {
        char size[160];
        std::snprintf(size, sizeof size, tr("%zu rows \u00b7 SVG %.0f \u00d7 %.0f \u00b7 PNG %.0f \u00d7 %.0f pixels"), pic.rows, pic.width, pic.height, pngW, pngH);
        ImGui::TextUnformatted(size);
        tagItem("picture.size");
        if (!pngFits)
            ImGui::TextWrapped(tr("Too large for a PNG in this browser (16,384 pixels a side at most): lower the resolution, choose "
                               "fewer rows or days, or take the SVG."));
    }
    showError(error_);
    ImGui::Spacing();
    ImGui::BeginDisabled(!error_.empty() || !pngFits || pic.rows == 0);
    if (ImGui::Button(tr("Download PNG"))) {
        host_.downloadPng(fileStem + ".png", pic.svg, int(std::lround(pngW)), int(std::lround(pngH)));
    }
    tagItem("picture.png");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!error_.empty() || pic.rows == 0);
    if (ImGui::Button(tr("Download SVG"))) host_.download(fileStem + ".svg", "image/svg+xml", pic.svg);
    tagItem("picture.svg");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("Close"))) open_ = false;
    tagItem("picture.close");
    ImGui::End();
}

} // namespace plotline
