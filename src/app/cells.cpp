#include "cells.hpp"
#include "core/i18n.hpp"
#include "core/locale.hpp"

#include "core/fields.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cctype>
#include <cmath>
#include <cstdio>

namespace plotline {

namespace {

ImGuiID editing = 0;     // the text cell being edited
std::string pending;     // its text so far
bool focusNext = false;  // focusNextCell() was called

// The shared edit cycle: `shown` is the value as text; returns true with `out` set on commit.
bool editText(const char* id, const std::string& shown, std::string& out, bool multiline, float width) {
    const ImGuiID me = ImGui::GetID(id);
    std::string buffer = editing == me ? pending : shown;
    ImGuiInputTextFlags flags = 0;
    if (focusNext) {
        focusNext = false;
        ImGui::SetScrollHereY(0.5f);
        ImGui::SetKeyboardFocusHere();
        flags |= ImGuiInputTextFlags_AutoSelectAll;
    }
    ImGui::SetNextItemWidth(width);
    flags |= ImGuiInputTextFlags_CallbackEdit;
    void* limit = const_cast<size_t*>(multiline ? &kMaxLongText : &kMaxLineText);
    const bool changed = multiline ? ImGui::InputTextMultiline(id, &buffer, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 4), flags, keepWithin, limit)
                                   : ImGui::InputText(id, &buffer, flags, keepWithin, limit);
    if (ImGui::IsItemActivated()) {
        editing = me;
        pending = shown;
    }
    if (changed && editing == me) pending = buffer;
    if (ImGui::IsItemDeactivated() && editing == me) {
        editing = 0;
        if (ImGui::IsItemDeactivatedAfterEdit() && pending != shown) {
            out = pending;
            return true;
        }
    }
    return false;
}

} // namespace

void focusNextCell() { focusNext = true; }

int keepWithin(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit || !data->UserData) return 0;
    const size_t limit = *static_cast<const size_t*>(data->UserData);
    size_t chars = 0;
    for (int i = 0; i < data->BufTextLen; ++i) {
        if ((static_cast<unsigned char>(data->Buf[i]) & 0xC0) == 0x80) continue;
        if (++chars > limit) {
            data->DeleteChars(i, data->BufTextLen - i); // the cursor moves back within the text
            break;
        }
    }
    return 0;
}

bool beginRecordTable(const char* id, const std::vector<TableColumn>& columns, ImVec2 size) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                            ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (size.y > 0) flags |= ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable(id, int(columns.size()), flags, size)) return false;
    if (size.y > 0) ImGui::TableSetupScrollFreeze(0, 1);
    // Every title fits its column (titles in another language are longer): a fixed column is at least
    // as wide as its title, and a stretch column's weight grows until its share of the width holds it.
    const float pad = ImGui::GetStyle().CellPadding.x * 2 + ImGui::GetStyle().ItemSpacing.x, fs = ImGui::GetFontSize();
    std::vector<float> width(columns.size()), weight(columns.size());
    float fixedTotal = 0;
    for (size_t i = 0; i < columns.size(); ++i) {
        const float title = ImGui::CalcTextSize(columns[i].name.c_str(), nullptr, true).x + pad;
        if (columns[i].weight < 0) fixedTotal += width[i] = std::max(-columns[i].weight * fs, title);
        else weight[i] = columns[i].weight;
    }
    const float room = (size.x > 0 ? size.x : ImGui::GetContentRegionAvail().x) - fixedTotal -
                       float(columns.size()) * (ImGui::GetStyle().CellPadding.x * 2 + 1);
    for (int pass = 0; pass < 10 && room > 0; ++pass) {
        float sum = 0;
        for (float w : weight) sum += w;
        if (sum <= 0) break;
        for (size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].weight < 0) continue;
            const float need = ImGui::CalcTextSize(columns[i].name.c_str(), nullptr, true).x + pad;
            if (weight[i] / sum * room < need) weight[i] = need / room * sum;
        }
    }
    for (size_t i = 0; i < columns.size(); ++i)
        ImGui::TableSetupColumn(columns[i].name.c_str(), columns[i].weight < 0 ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch,
                                columns[i].weight < 0 ? width[i] : weight[i]);
    ImGui::TableHeadersRow();
    return true;
}

bool filterMatches(const std::string& name, const std::string& filter) {
    if (filter.empty()) return true;
    auto lower = [](std::string s) {
        for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    return lower(name).find(lower(filter)) != std::string::npos;
}

std::string fitWidth(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    const float room = width - ImGui::CalcTextSize("\u2026").x;
    size_t lo = 0, hi = text.size(); // the longest prefix that fits, by bisection over byte lengths
    while (lo < hi) {
        const size_t mid = (lo + hi + 1) / 2;
        if (ImGui::CalcTextSize(text.c_str(), text.c_str() + mid).x <= room) lo = mid;
        else hi = mid - 1;
    }
    while (lo > 0 && (static_cast<unsigned char>(text[lo]) & 0xC0) == 0x80) --lo; // not inside a character
    return text.substr(0, lo) + "\u2026";
}

std::string hoursText(int64_t minutes) {
    char buf[32];
    if (minutes % 60 == 0) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(minutes / 60));
    else std::snprintf(buf, sizeof buf, "%.2f", double(minutes) / 60.0);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

bool textCell(const char* id, const std::string& value, std::string& out, bool multiline, float width) {
    return editText(id, value, out, multiline, width);
}

bool moneyCell(const char* id, int64_t value, const Currency& c, int64_t& out, std::string& error, float width) {
    std::string text;
    if (!editText(id, formatMoney(value, c, false), text, false, width)) return false;
    const Result<int64_t> v = parseMoney(text, c);
    if (!v) { error = "\u201c" + text + "\u201d: " + v.error(); return false; }
    out = *v;
    return *v != value;
}

bool optionalMoneyCell(const char* id, const std::optional<int64_t>& value, const Currency& c, std::optional<int64_t>& out, std::string& error,
                       float width) {
    std::string text;
    if (!editText(id, value ? formatMoney(*value, c, false) : std::string(), text, false, width)) return false;
    if (text.find_first_not_of(" ") == std::string::npos) {
        out.reset();
        return value.has_value();
    }
    const Result<int64_t> v = parseMoney(text, c);
    if (!v) { error = "\u201c" + text + "\u201d: " + v.error(); return false; }
    out = *v;
    return out != value;
}

bool percentCell(const char* id, const std::optional<int>& bp, std::optional<int>& out, std::string& error, float width) {
    char shown[32] = "";
    if (bp) std::snprintf(shown, sizeof shown, "%g", *bp / 100.0);
    std::string text;
    if (!editText(id, shown, text, false, width)) return false;
    if (text.find_first_not_of(" %") == std::string::npos) {
        out.reset();
        return bp.has_value();
    }
    double v = 0;
    char extra = 0;
    if (std::sscanf(text.c_str(), "%lf %c", &v, &extra) < 1 || (extra && extra != '%') || v < -10000 || v > 100) {
        error = fmt(tr("\u201c{0}\u201d is not a percentage up to 100 (25 or 12.5)"), text);
        return false;
    }
    out = int(std::lround(v * 100));
    return out != bp;
}

bool dateCell(const char* id, Date value, Date& out, std::string& error, float width) {
    std::string text;
    if (!editText(id, formatDate(value), text, false, width)) return false;
    const auto d = readDate(text);
    if (!d) { error = fmt(tr("\u201c{0}\u201d is not a date ({1})"), text, dateHint()); return false; }
    out = *d;
    return *d != value;
}

bool hoursCell(const char* id, int64_t minutes, int64_t& out, std::string& error, float width) {
    std::string text;
    if (!editText(id, hoursText(minutes), text, false, width)) return false;
    int h = 0, m = 0;
    char extra = 0;
    double v = 0;
    if (std::sscanf(text.c_str(), "%d:%d%c", &h, &m, &extra) == 2 && h >= 0 && m >= 0 && m < 60) out = h * 60 + m;
    else if (std::sscanf(text.c_str(), "%lf%c", &v, &extra) == 1 && v >= 0 && v <= 24) out = int64_t(v * 60 + 0.5);
    else { error = fmt(tr("\u201c{0}\u201d is not a number of hours from 0 to 24 (7.5 or 7:30)"), text); return false; }
    if (out > 24 * 60) { error = fmt(tr("\u201c{0}\u201d is more than 24 hours"), text); return false; }
    return out != minutes;
}

bool pickCell(const char* id, const std::vector<std::string>& names, int current, int& out, const char* none, float width) {
    const std::string shown = current >= 0 && size_t(current) < names.size() ? names[size_t(current)] : none ? none : "";
    ImGui::SetNextItemWidth(width);
    bool picked = false;
    if (ImGui::BeginCombo(id, shown.c_str(), ImGuiComboFlags_HeightLarge)) {
        static std::string filter;
        if (ImGui::IsWindowAppearing()) filter.clear();
        if (names.size() > 12) {
            if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::InputTextWithHint("##filter", tr("Type to filter"), &filter);
        }
        if (none && ImGui::Selectable(none, current < 0)) { out = -1; picked = current >= 0; }
        for (size_t i = 0; i < names.size(); ++i) {
            if (!filterMatches(names[i], filter)) continue;
            ImGui::PushID(int(i));
            if (ImGui::Selectable(names[i].c_str(), int(i) == current)) { out = int(i); picked = int(i) != current; }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return picked;
}

std::string byteSize(uint64_t bytes) {
    char buf[32];
    if (bytes < 1024) std::snprintf(buf, sizeof buf, "%llu B", (unsigned long long)bytes);
    else if (bytes < (1u << 20)) std::snprintf(buf, sizeof buf, "%.0f KB", double(bytes) / 1024);
    else if (bytes < (1ull << 30)) std::snprintf(buf, sizeof buf, "%.1f MB", double(bytes) / (1 << 20));
    else std::snprintf(buf, sizeof buf, "%.1f GB", double(bytes) / (1ull << 30));
    return buf;
}

} // namespace plotline
