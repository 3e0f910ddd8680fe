#include "widget_registry.hpp"

#include "core/json_io.hpp"

#include <cstdio>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

namespace plotline {

namespace {
struct Rect { float x, y, w, h; std::string text; };
// A frame's tags in the order drawn. The entries are reused from frame to frame (their strings keep
// their buffers): a frame tags a few hundred widgets, and a map rebuilt each frame cost a node and a
// name's allocation for every one of them.
struct Tags {
    std::vector<std::pair<std::string, Rect>> items;
    size_t used = 0;
};
Tags building, published;
}

void beginWidgetFrame() {
    std::swap(published, building);
    building.used = 0;
}

void tagRect(const std::string& name, ImVec2 min, ImVec2 max, const std::string& text) {
    if (building.used == building.items.size()) building.items.emplace_back();
    auto& [n, r] = building.items[building.used++];
    n.assign(name);
    r.x = min.x;
    r.y = min.y;
    r.w = max.x - min.x;
    r.h = max.y - min.y;
    r.text.assign(text);
}

void tagItem(const std::string& name) { tagRect(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

void hint(const char* text) {
    if (!ImGui::IsItemHovered()) return;
    ImGui::SetTooltip("%s", text);
    tagText("tooltip", text);
}

void tagText(const std::string& name, const std::string& text) {
    tagItem(name);
    building.items[building.used - 1].second.text.assign(text);
}

std::string widgetsJson() {
    // The frame being built is the most complete picture once it has been drawn; callers run between
    // frames, when `building` holds the frame just rendered.
    const Tags& tags = building.used == 0 ? published : building;
    // By name; a name tagged twice in a frame is where it was tagged last.
    std::map<std::string_view, const Rect*> m;
    for (size_t k = 0; k < tags.used; ++k) m[tags.items[k].first] = &tags.items[k].second;
    std::string out = "{";
    char buf[160];
    for (const auto& [name, rect] : m) {
        const Rect& r = *rect;
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
