// Small helpers for walking a pugixml tree of a file from another tool (mspdi.cpp, gan.cpp): element
// names without their namespace prefix, trimmed values, numbers that are checked rather than assumed.
#pragma once
#include "i18n.hpp"

#include <pugixml.hpp>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace plotline::xml {

inline std::string_view localName(const char* n) {
    const char* colon = std::strrchr(n, ':');
    return colon ? colon + 1 : n;
}

inline std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// An element's text (its first text or CDATA child), trimmed; empty for a missing element.
inline std::string_view valueOf(pugi::xml_node n) { return n ? trimmed(n.child_value()) : std::string_view(); }

// The first child element with this local name.
inline pugi::xml_node child(pugi::xml_node n, std::string_view name) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && localName(c.name()) == name) return c;
    return {};
}

inline bool isElement(pugi::xml_node n, std::string_view name) { return n.type() == pugi::node_element && localName(n.name()) == name; }

inline std::optional<long long> integer(std::string_view s) {
    s = trimmed(s);
    long long v = 0;
    if (s.empty()) return std::nullopt;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

inline std::optional<double> decimal(std::string_view s) {
    s = trimmed(s);
    if (s.empty() || s.size() > 40) return std::nullopt;
    char buf[48];
    std::memcpy(buf, s.data(), s.size());
    buf[s.size()] = 0;
    char* end = nullptr;
    const double v = std::strtod(buf, &end);
    if (end != buf + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

// Where a parse failed, as "line L, column C".
inline std::string placeOf(std::string_view text, ptrdiff_t offset) {
    size_t line = 1, column = 1;
    const size_t at = offset < 0 ? 0 : std::min(size_t(offset), text.size());
    for (size_t i = 0; i < at; ++i) {
        if (text[i] == '\n') ++line, column = 1;
        else ++column;
    }
    return fmt(tr("line {0}, column {1}"), std::to_string(line), std::to_string(column));
}

// A name from the file inside a note: "Build", cut to 60 characters (never inside one) with an ellipsis.
inline std::string shortQuoted(std::string_view s) {
    std::string out(1, '"');
    if (s.size() <= 60) out.append(s);
    else {
        size_t cut = 57;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut; // not inside a character
        out.append(s.substr(0, cut));
        out += "\u2026";
    }
    out += '"';
    return out;
}

// The deepest outline a file may have (a plan is a few levels deep; a deeper file is damaged or hostile).
inline constexpr int kMaxOutlineDepth = 256;

// A file's name without folders and extension ("plans/launch.xml" → "launch"): the plan's name when
// the file has none.
inline std::string fileStem(std::string_view fileName) {
    const size_t slash = fileName.find_last_of("/\\");
    if (slash != std::string_view::npos) fileName.remove_prefix(slash + 1);
    const size_t dot = fileName.rfind('.');
    if (dot != std::string_view::npos && dot > 0) fileName = fileName.substr(0, dot);
    return std::string(fileName);
}

// Parses a file from another tool: its root element when it is XML of at most maxBytes whose root has
// this local name, else a null node and one sentence in `error` ("… at line 3, column 7.").
inline pugi::xml_node parseRoot(pugi::xml_document& doc, std::string_view text, size_t maxBytes, std::string_view rootName,
                                std::string_view toolName, std::string& error) {
    if (text.size() > maxBytes) {
        error = fmt(tr("The file is larger than {0} MB."), std::to_string(maxBytes >> 20));
        return {};
    }
    const pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_auto);
    if (!parsed) {
        error = fmt(tr("Not a readable XML file: {0} at {1}."), std::string(parsed.description()), placeOf(text, parsed.offset));
        return {};
    }
    pugi::xml_node root = doc.document_element();
    if (!root || localName(root.name()) != rootName) {
        error = fmt(tr("Not a {0} file: its first element is <{1}>, not <{2}>."), std::string(toolName), std::string(root ? root.name() : ""),
                    std::string(rootName));
        return {};
    }
    return root;
}

} // namespace plotline::xml
