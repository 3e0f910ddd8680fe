#include "json_dom.hpp"

#include <cstring>

namespace plotline {

// ---- JsonRef -------------------------------------------------------------------------------------

JsonType JsonRef::type() const { return doc_ ? doc_->nodes_[node_].type : JsonType::Missing; }

int64_t JsonRef::integer() const { return isInteger() ? doc_->nodes_[node_].integer() : 0; }

std::string_view JsonRef::str() const {
    if (!isString()) return {};
    const auto& n = doc_->nodes_[node_];
    const std::string_view base = n.ownText ? std::string_view(doc_->unescaped_) : doc_->text_;
    return base.substr(n.a, n.b);
}

size_t JsonRef::size() const { return isArray() || isObject() ? doc_->nodes_[node_].b : 0; }

JsonRef JsonRef::operator[](std::string_view key) const {
    if (!isObject()) return {};
    for (uint32_t c = doc_->nodes_[node_].a; c != JsonDoc::kNone; c = doc_->nodes_[c].next) {
        const auto& n = doc_->nodes_[c];
        const std::string_view base = n.ownKey ? std::string_view(doc_->unescaped_) : doc_->text_;
        if (base.substr(n.keyBegin, n.keyLength) == key) return {doc_, c};
    }
    return {};
}

JsonRef JsonRef::operator[](size_t index) const {
    if (!isArray()) return {};
    uint32_t c = doc_->nodes_[node_].a;
    for (size_t k = 0; k < index && c != JsonDoc::kNone; ++k) c = doc_->nodes_[c].next;
    return c == JsonDoc::kNone ? JsonRef() : JsonRef(doc_, c);
}

JsonRef::Iterator& JsonRef::Iterator::operator++() {
    node_ = doc_->nodes_[node_].next;
    return *this;
}

JsonRef::Iterator JsonRef::begin() const { return {doc_, isArray() && doc_->nodes_[node_].b ? doc_->nodes_[node_].a : JsonDoc::kNone}; }
JsonRef::Iterator JsonRef::end() const { return {doc_, JsonDoc::kNone}; }

// ---- JsonDoc -------------------------------------------------------------------------------------

bool JsonDoc::fail(const char* what, size_t at) {
    size_t line = 1, column = 1;
    for (size_t k = 0; k < at && k < text_.size(); ++k) {
        if (text_[k] == '\n') { ++line; column = 1; }
        else ++column;
    }
    error_ = "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + what;
    return false;
}

void JsonDoc::skipSpace(size_t& i) const {
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\n' || text_[i] == '\r' || text_[i] == '\t')) ++i;
}

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) { out += char(0xE0 | (cp >> 12)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F)); }
    else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

} // namespace

size_t utf8SequenceLength(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    const unsigned c = b(i);
    auto cont = [&](size_t k) { return (b(k) & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned c1 = b(i + 1);
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) return 0; // overlong, surrogates
        return cont(i + 1) && cont(i + 2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned c1 = b(i + 1);
        if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) return 0;
        return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    return 0;
}

bool JsonDoc::parseString(size_t& i, uint32_t& begin, uint32_t& length, bool& own) {
    const size_t start = ++i; // after the opening quote
    // Fast path: plain text up to the closing quote.
    while (i < text_.size()) {
        const unsigned char c = static_cast<unsigned char>(text_[i]);
        if (c == '"') {
            begin = uint32_t(start);
            length = uint32_t(i - start);
            own = false;
            ++i;
            return true;
        }
        if (c == '\\') break;
        if (c < 0x20) return fail("control character in a string", i);
        if (c >= 0x80) {
            const size_t n = utf8SequenceLength(text_, i);
            if (!n) return fail("invalid UTF-8 in a string", i);
            i += n;
        } else ++i;
    }
    if (i >= text_.size()) return fail("unterminated string", start - 1);
    // Escapes: copy into unescaped_.
    own = true;
    begin = uint32_t(unescaped_.size());
    unescaped_.append(text_.substr(start, i - start));
    while (i < text_.size()) {
        const unsigned char c = static_cast<unsigned char>(text_[i]);
        if (c == '"') {
            length = uint32_t(unescaped_.size() - begin);
            ++i;
            return true;
        }
        if (c < 0x20) return fail("control character in a string", i);
        if (c >= 0x80) {
            const size_t n = utf8SequenceLength(text_, i);
            if (!n) return fail("invalid UTF-8 in a string", i);
            unescaped_.append(text_.substr(i, n));
            i += n;
            continue;
        }
        if (c != '\\') { unescaped_ += char(c); ++i; continue; }
        if (++i >= text_.size()) break;
        switch (text_[i]) {
            case '"': unescaped_ += '"'; break;
            case '\\': unescaped_ += '\\'; break;
            case '/': unescaped_ += '/'; break;
            case 'b': unescaped_ += '\b'; break;
            case 'f': unescaped_ += '\f'; break;
            case 'n': unescaped_ += '\n'; break;
            case 'r': unescaped_ += '\r'; break;
            case 't': unescaped_ += '\t'; break;
            case 'u': {
                auto hex4 = [&](size_t at, uint32_t& out) {
                    if (at + 4 > text_.size()) return false;
                    out = 0;
                    for (size_t k = at; k < at + 4; ++k) {
                        const int h = hexValue(text_[k]);
                        if (h < 0) return false;
                        out = out * 16 + uint32_t(h);
                    }
                    return true;
                };
                uint32_t cp;
                if (!hex4(i + 1, cp)) return fail("bad \\u escape", i);
                i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF) { // a surrogate pair
                    uint32_t low;
                    if (i + 2 >= text_.size() || text_[i + 1] != '\\' || text_[i + 2] != 'u' || !hex4(i + 3, low) || low < 0xDC00 ||
                        low > 0xDFFF)
                        return fail("unpaired surrogate in a \\u escape", i);
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    i += 6;
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) return fail("unpaired surrogate in a \\u escape", i);
                appendUtf8(unescaped_, cp);
                break;
            }
            default: return fail("bad escape in a string", i);
        }
        ++i;
    }
    return fail("unterminated string", start - 1);
}

bool JsonDoc::parseValue(size_t& i, int depth) {
    if (depth > 256) return fail("nested too deeply", i);
    skipSpace(i);
    if (i >= text_.size()) return fail("unexpected end of the document", i);
    const uint32_t self = uint32_t(nodes_.size());
    nodes_.push_back(Node{});
    const char c = text_[i];
    auto literal = [&](const char* word, JsonType t) {
        const size_t n = std::strlen(word);
        if (text_.substr(i, n) != word) return fail("unexpected character", i);
        nodes_[self].type = t;
        i += n;
        return true;
    };
    switch (c) {
        case 'n': return literal("null", JsonType::Null);
        case 't': return literal("true", JsonType::True);
        case 'f': return literal("false", JsonType::False);
        case '"': {
            nodes_[self].type = JsonType::String;
            uint32_t b, l;
            bool own;
            if (!parseString(i, b, l, own)) return false;
            nodes_[self].a = b;
            nodes_[self].b = l;
            nodes_[self].ownText = own;
            return true;
        }
        case '[':
        case '{': {
            const bool object = c == '{';
            nodes_[self].type = object ? JsonType::Object : JsonType::Array;
            ++i;
            skipSpace(i);
            const char close = object ? '}' : ']';
            if (i < text_.size() && text_[i] == close) { ++i; return true; }
            uint32_t last = kNone, count = 0;
            for (;;) {
                uint32_t kb = 0, kl = 0;
                bool ownKey = false;
                if (object) {
                    skipSpace(i);
                    if (i >= text_.size() || text_[i] != '"') return fail("expected a member name in quotes", i);
                    if (!parseString(i, kb, kl, ownKey)) return false;
                    skipSpace(i);
                    if (i >= text_.size() || text_[i] != ':') return fail("expected ':'", i);
                    ++i;
                }
                const uint32_t child = uint32_t(nodes_.size());
                if (!parseValue(i, depth + 1)) return false;
                Node& n = nodes_[child];
                n.keyBegin = kb;
                n.keyLength = kl;
                n.ownKey = ownKey;
                if (last == kNone) nodes_[self].a = child;
                else nodes_[last].next = child;
                last = child;
                ++count;
                skipSpace(i);
                if (i < text_.size() && text_[i] == ',') { ++i; continue; }
                if (i < text_.size() && text_[i] == close) { ++i; break; }
                return fail(object ? "expected ',' or '}'" : "expected ',' or ']'", i);
            }
            nodes_[self].b = count;
            return true;
        }
        default: break;
    }
    // A number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    const size_t start = i;
    const bool negative = c == '-';
    if (negative) ++i;
    if (i >= text_.size() || text_[i] < '0' || text_[i] > '9') return fail("unexpected character", start);
    uint64_t value = 0;
    bool overflow = false;
    if (text_[i] == '0') ++i;
    else
        while (i < text_.size() && text_[i] >= '0' && text_[i] <= '9') {
            const uint64_t d = uint64_t(text_[i] - '0');
            if (value > (UINT64_MAX - d) / 10) overflow = true;
            else value = value * 10 + d;
            ++i;
        }
    bool whole = true;
    if (i < text_.size() && text_[i] == '.') {
        whole = false;
        ++i;
        if (i >= text_.size() || text_[i] < '0' || text_[i] > '9') return fail("expected a digit after '.'", i);
        while (i < text_.size() && text_[i] >= '0' && text_[i] <= '9') ++i;
    }
    if (i < text_.size() && (text_[i] == 'e' || text_[i] == 'E')) {
        whole = false;
        ++i;
        if (i < text_.size() && (text_[i] == '+' || text_[i] == '-')) ++i;
        if (i >= text_.size() || text_[i] < '0' || text_[i] > '9') return fail("expected a digit in the exponent", i);
        while (i < text_.size() && text_[i] >= '0' && text_[i] <= '9') ++i;
    }
    Node& n = nodes_[self];
    // Whole numbers that fit in 64 bits are integers; positive ones past INT64_MAX read as INT64_MAX
    // (callers range-check them); anything else is a number that is not a whole one.
    if (whole && !overflow && (!negative || value <= uint64_t(INT64_MAX) + 1)) {
        n.type = JsonType::Integer;
        const uint64_t v = negative ? uint64_t(0) - value : (value > uint64_t(INT64_MAX) ? uint64_t(INT64_MAX) : value);
        n.a = uint32_t(v);
        n.b = uint32_t(v >> 32);
    } else n.type = JsonType::Number;
    return true;
}

bool JsonDoc::parse(std::string_view text) {
    text_ = text;
    nodes_.clear();
    unescaped_.clear();
    error_.clear();
    if (text.size() >= UINT32_MAX) return fail("the document is larger than 4 GB", 0);
    nodes_.reserve(text.size() / 16 + 16);
    size_t i = 0;
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") i = 3; // a byte-order mark
    if (!parseValue(i, 0)) {
        nodes_.clear();
        return false;
    }
    skipSpace(i);
    if (i != text_.size()) {
        nodes_.clear();
        return fail("unexpected text after the document", i);
    }
    return true;
}

} // namespace plotline
