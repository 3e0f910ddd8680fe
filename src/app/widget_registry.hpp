// Named widgets of the last frame, for automation (window.plotline.widgets() in the browser):
// browser tests find "task.name.3" or "menu.Edit" here and click the real pixels.
//
//   ImGui::Button("Export");  tagItem("toolbar.export");      // the last item's rectangle
//   tagRect("gantt.bar.3", min, max);                          // any rectangle
#pragma once
#include <imgui.h>

#include <string>

namespace plotline {

void beginWidgetFrame();                 // clears the registry; call once per frame before drawing
void tagItem(const std::string& name);   // the last ImGui item
void tagRect(const std::string& name, ImVec2 min, ImVec2 max, const std::string& text = {});
void tagText(const std::string& name, const std::string& text); // the last item, with the text it shows
// A tooltip for the last item while it is hovered; automation reads it as the widget "tooltip".
void hint(const char* text);
std::string widgetsJson();               // {"name": {"x":…, "y":…, "w":…, "h":…, "text"?:…}, …} of the last frame

} // namespace plotline
