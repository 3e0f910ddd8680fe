#include "csv.hpp"

namespace plotline {

namespace {
char detectSeparator(std::string_view text) {
    int counts[3] = {0, 0, 0};
    const char seps[3] = {',', ';', '\t'};
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted)
            for (int k = 0; k < 3; ++k) counts[k] += c == seps[k];
    }
    int best = 0;
    for (int k = 1; k < 3; ++k)
        if (counts[k] > counts[best]) best = k;
    return seps[best];
}
} // namespace

CsvTable parseCsv(std::string_view text) {
    CsvTable table;
    if (text.size() >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB && (unsigned char)text[2] == 0xBF)
        text.remove_prefix(3);
    const char sep = table.separator = detectSeparator(text);
    int line = 1;
    size_t i = 0;
    while (i < text.size()) {
        CsvRow row;
        row.line = line;
        std::string field;
        bool rowDone = false;
        while (!rowDone) {
            field.clear();
            if (i < text.size() && text[i] == '"') {
                const int quoteLine = line;
                ++i;
                bool closed = false;
                while (i < text.size()) {
                    char c = text[i];
                    if (c == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') { field += '"'; i += 2; continue; }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\n') ++line;
                    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') { ++i; continue; } // CRLF inside quotes -> LF
                    field += c;
                    ++i;
                }
                if (!closed) {
                    table.error = "line " + std::to_string(quoteLine) + ": a quoted field is never closed";
                    return table;
                }
                // Tolerate stray characters after the closing quote: keep them.
                while (i < text.size() && text[i] != sep && text[i] != '\n' && text[i] != '\r') field += text[i++];
            } else {
                while (i < text.size() && text[i] != sep && text[i] != '\n' && text[i] != '\r') field += text[i++];
            }
            row.fields.push_back(field);
            if (i >= text.size()) rowDone = true;
            else if (text[i] == sep) ++i;
            else {
                if (text[i] == '\r') ++i;
                if (i < text.size() && text[i] == '\n') ++i;
                ++line;
                rowDone = true;
            }
        }
        bool blank = true;
        for (auto& f : row.fields)
            if (f.find_first_not_of(" \t") != std::string::npos) blank = false;
        if (!blank) table.rows.push_back(std::move(row));
    }
    return table;
}

std::string writeCsvRow(const std::vector<std::string>& fields) {
    std::string out;
    for (size_t k = 0; k < fields.size(); ++k) {
        if (k) out += ',';
        const std::string& f = fields[k];
        bool quote = f.find_first_of(",\"\r\n;") != std::string::npos || (!f.empty() && (f.front() == ' ' || f.back() == ' '));
        if (!quote) { out += f; continue; }
        out += '"';
        for (char c : f) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    }
    out += "\r\n";
    return out;
}

namespace {
bool formulaStart(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }
} // namespace

std::string textCell(std::string_view text) {
    if (!text.empty() && formulaStart(text.front())) return "'" + std::string(text);
    return std::string(text);
}

std::string fromTextCell(std::string_view cell) {
    if (cell.size() >= 2 && cell.front() == '\'' && formulaStart(cell[1])) return std::string(cell.substr(1));
    return std::string(cell);
}

} // namespace plotline
