// CSV reading and writing (RFC 4180 as spreadsheets write it): quoted fields with commas, quotes and
// newlines, CRLF or LF, an optional UTF-8 byte-order mark, `,` or `;` or tab as separator.
//
//   CsvTable t = parseCsv(text);       // t.rows[i].line is the 1-based line where row i starts
//   std::string out = writeCsvRow({"ID", "Name"});
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace plotline {

struct CsvRow {
    int line = 0;
    std::vector<std::string> fields;
};

struct CsvTable {
    std::vector<CsvRow> rows;
    std::string error; // an unterminated quote, with its line
    char separator = ','; // as detected: ';' is what spreadsheets write where the decimal mark is a comma
};

// The separator is detected from the first line: the most frequent of , ; and tab outside quotes.
CsvTable parseCsv(std::string_view text);
std::string writeCsvRow(const std::vector<std::string>& fields);

// A user's text as a spreadsheet cell that stays text: one that starts with = + - @, a tab or a
// carriage return (which spreadsheets run as a formula: OWASP's "CSV injection") gets a leading
// apostrophe, which spreadsheets show as nothing. Writers use it for names, notes and other free text,
// never for numbers they format themselves.
std::string textCell(std::string_view text);
// The reverse, for readers: an apostrophe before one of those characters is dropped, so a plan that
// went through export and import keeps its names exactly.
std::string fromTextCell(std::string_view cell);

} // namespace plotline
