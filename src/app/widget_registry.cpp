#include "widget_registry.hpp"

#include "core/json_io.hpp"

#include <cstdio>
#include <map>

namespace plotline {

namespace {
struct Rect { float x, y, w, h; std::string text; };
std::map<std::string, Rect> building, published;
}

void beginWidgetFrame() {
    published.swap(building);
    building.clear();
}

void tagRect(const std::string& name, ImVec2 min, ImVec2 max, const std::string& text) { building[name] = {min.x, min.y, max.x - min.x, max.y - min.y, text}; }

void tagItem(const std::string& name) { tagRect(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

void hint(const char* text) {
    if (!ImGui::IsItemHovered()) return;
    ImGui::SetTooltip("%s", text);
    tagText("tooltip", text);
}

void tagText(const std::string& name, const std::string& text) {
    tagItem(name);
    building[name].text = text;
}

std::string widgetsJson() {
    // The frame being built is the most complete picture once it has been drawn; callers run between
    // frames, when `building` holds the frame just rendered.
    const auto& m = building.empty() ? published : building;
    std::string out = "{";
    char buf[160];
    for (const auto& [name, r] : m) {
        if (out.size() > 1) out += ',';
        appendJsonString(out, name);
        std::snprintf(buf, sizeof buf, ":{\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f", r.x, r.y, r.w, r.h);
        out += buf;
        if (!r.text.empty()) {
            out += ",\"text\":";
            appendJsonString(out, r.text);
        }
        out += '}';
    }
    return out + "}";
}

} // namespace plotline
