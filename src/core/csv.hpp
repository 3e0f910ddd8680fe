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
};

// The separator is detected from the first line: the most frequent of , ; and tab outside quotes.
CsvTable parseCsv(std::string_view text);
std::string writeCsvRow(const std::vector<std::string>& fields);

} // namespace plotline
