// A small, fast JSON document for reading Plotline files: one pass over the text into a flat array
// of nodes (no allocation per value; strings point into the text unless they hold escapes), with
// the few queries the project reader needs. Several times faster than a general DOM on big plans.
//
//   JsonDoc doc;
//   if (!doc.parse(text)) show(doc.error());         // "line 3, column 14: expected ':'"
//   JsonRef root = doc.root();
//   if (JsonRef tasks = root["tasks"]; tasks.isArray())
//       for (JsonRef t : tasks) t["name"].str();
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plotline {

class JsonDoc;

// Length of the valid UTF-8 sequence starting at s[i] (a byte of 0x80 or more), 0 when it is not
// valid (overlong forms, surrogates and code points past U+10FFFF are not).
size_t utf8SequenceLength(std::string_view s, size_t i);

enum class JsonType : uint8_t { Missing, Null, False, True, Integer, Number, String, Array, Object };

// A value in a JsonDoc (or Missing: what a lookup that finds nothing returns). Cheap to copy.
class JsonRef {
public:
    JsonRef() = default;
    JsonType type() const;
    bool missing() const { return type() == JsonType::Missing; }
    bool isNull() const { return type() == JsonType::Null || missing(); } // absent or null
    bool isBool() const { return type() == JsonType::True || type() == JsonType::False; }
    bool isInteger() const { return type() == JsonType::Integer; }           // whole numbers within int64
    bool isString() const { return type() == JsonType::String; }
    bool isArray() const { return type() == JsonType::Array; }
    bool isObject() const { return type() == JsonType::Object; }
    bool boolean() const { return type() == JsonType::True; }
    int64_t integer() const;
    std::string_view str() const;         // the unescaped text of a string ("" otherwise)
    size_t size() const;                  // elements of an array or members of an object
    JsonRef operator[](std::string_view key) const; // an object's member (Missing when absent)
    JsonRef operator[](size_t index) const;          // an array's element (linear: iterate instead)

    class Iterator {
    public:
        JsonRef operator*() const { return {doc_, node_}; }
        Iterator& operator++();
        bool operator!=(const Iterator& o) const { return node_ != o.node_; }
    private:
        friend class JsonRef;
        Iterator(const JsonDoc* d, uint32_t n) : doc_(d), node_(n) {}
        const JsonDoc* doc_;
        uint32_t node_;
    };
    Iterator begin() const;               // over an array's elements
    Iterator end() const;

private:
    friend class JsonDoc;

// Length of the valid UTF-8 sequence starting at s[i] (a byte of 0x80 or more), 0 when it is not
// valid (overlong forms, surrogates and code points past U+10FFFF are not).
size_t utf8SequenceLength(std::string_view s, size_t i);
    JsonRef(const JsonDoc* d, uint32_t n) : doc_(d), node_(n) {}
    const JsonDoc* doc_ = nullptr;
    uint32_t node_ = 0;
};

class JsonDoc {
public:
    // Parses a whole document (RFC 8259; nesting up to 256 levels; texts under 4 GB). False with
    // error() on failure; the text must outlive the document.
    bool parse(std::string_view text);
    const std::string& error() const { return error_; }
    JsonRef root() const { return nodes_.empty() ? JsonRef() : JsonRef(this, 0); }

private:
    friend class JsonRef;
    static constexpr uint32_t kNone = UINT32_MAX;
    struct Node {                 // 24 bytes: a big plan has a few hundred thousand of them
        JsonType type = JsonType::Missing;
        bool ownText = false;     // a string's text lives in unescaped_ (it had escapes)
        bool ownKey = false;      // the member name lives in unescaped_
        uint32_t next = kNone;    // next sibling
        uint32_t keyBegin = 0, keyLength = 0; // an object member's name
        uint32_t a = 0, b = 0;    // strings: begin, length; arrays and objects: first child, count;
                                  // integers: the value's low and high 32 bits
        int64_t integer() const { return int64_t(uint64_t(a) | uint64_t(b) << 32); }
    };
    bool fail(const char* what, size_t at);
    bool parseValue(size_t& i, int depth);
    // Reads a string starting at its opening quote; its text is at (begin, length) in the source or,
    // with escapes, in unescaped_ (own = true).
    bool parseString(size_t& i, uint32_t& begin, uint32_t& length, bool& own);
    void skipSpace(size_t& i) const;
    std::string_view text_;
    std::string unescaped_;
    std::vector<Node> nodes_;
    std::string error_;
};

} // namespace plotline
