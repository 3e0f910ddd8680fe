// Editable table cells for the budget tables: each shows its value and returns true with the new
// value once an edit is committed (Enter, Tab or a click elsewhere); Escape puts the old value back.
// Tab and Shift+Tab move along the row and on to the next, so a table is edited from the keyboard.
// A value that does not read (a date, an amount) sets `error` and changes nothing.
//
//   if (moneyCell("##amount", line.amount, cur, amount, error)) { line.amount = amount; doc.execute(…); }
#pragma once
#include "core/date.hpp"
#include "core/money.hpp"

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plotline {

// width: of the field (-FLT_MIN fills the cell).
bool textCell(const char* id, const std::string& value, std::string& out, bool multiline = false, float width = -1.0e-30f);
bool moneyCell(const char* id, int64_t value, const Currency& c, int64_t& out, std::string& error, float width = -1.0e-30f);
bool dateCell(const char* id, Date value, Date& out, std::string& error, float width = -1.0e-30f);
// An amount that may be unknown: shown empty, and cleared by emptying it (out = none).
bool optionalMoneyCell(const char* id, const std::optional<int64_t>& value, const Currency& c, std::optional<int64_t>& out, std::string& error,
                       float width = -1.0e-30f);
// A percentage kept in basis points ("12.5" → 1250); empty for none when `optional`.
bool percentCell(const char* id, const std::optional<int>& basisPoints, std::optional<int>& out, std::string& error, float width = -1.0e-30f);
bool hoursCell(const char* id, int64_t minutes, int64_t& out, std::string& error, float width = -1.0e-30f); // "7.5" or "7:30"
// A choice among names (index -1: none, shown as `none`). With many names the list has a filter.
bool pickCell(const char* id, const std::vector<std::string>& names, int current, int& out, const char* none = nullptr, float width = -1.0e-30f);

// Text fields hold at most the core's text limits (core/fields.hpp: kMaxLineText for a one-line
// field, kMaxLongText for a note), as a browser's maxlength does: typing or pasting stops there, so
// nothing typed is refused when the plan is read back. Use with ImGuiInputTextFlags_CallbackEdit:
//   ImGui::InputText("##name", &name, ImGuiInputTextFlags_CallbackEdit, keepWithin, (void*)&kMaxLineText);
// (Other events, or no UserData, pass through untouched.)
int keepWithin(ImGuiInputTextCallbackData* data);

// The next text, money, date or hours cell drawn takes the keyboard with its text selected, and is
// scrolled into view (a row just added is typed into at once).
void focusNextCell();

// A table of records: a header row of named columns, each with a weight of the width left (or, below
// zero, a fixed width in font sizes: -1.6 for a delete button). With a height, the rows scroll under
// a frozen header. Call ImGui::EndTable() when it returns true.
struct TableColumn {
    std::string name;
    float weight;
};
bool beginRecordTable(const char* id, const std::vector<TableColumn>& columns, ImVec2 size = ImVec2(0, 0));

// Whether a name contains what was typed into a list's filter, ignoring case (an empty filter: all).
bool filterMatches(const std::string& name, const std::string& filter);

// The text cut to fit `width` pixels in the current font, with "…" where it was cut (whole UTF-8
// characters); the text itself when it fits.
std::string fitWidth(const std::string& text, float width);

// "18 KB", "4.5 MB": a size for people.
std::string byteSize(uint64_t bytes);

// "7.5" for 450 minutes, "8" for 480.
std::string hoursText(int64_t minutes);

} // namespace plotline
