// Result<T>: a value or a user-facing error message. Runtime failures (bad files, bad input)
// travel as values, never as exceptions: wasm builds do not catch exceptions.
//
//   Result<Date> r = parseDate("2026-03-02");
//   if (!r) show(r.error()); else use(*r);
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <utility>

namespace plotline {

// A reader that finds many errors reports this many, then how many more (a file with 100,000 bad rows
// gets a readable answer, not 100,000 lines).
inline constexpr size_t kShownErrors = 20;

// An error message cut to about `limit` bytes (at a character boundary, ending in "…"), for messages
// that quote a value from a file: a 1 GB cell makes a readable message, not a 1 GB one.
inline std::string clipped(std::string message, size_t limit = 400) {
    if (message.size() <= limit) return message;
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
    message.resize(cut);
    return message + "…";
}

struct Error {
    std::string message;
};

template <class T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}
    Result(Error e) : error_(std::move(e.message)) {}
    explicit operator bool() const { return value_.has_value(); }
    bool ok() const { return value_.has_value(); }
    T& operator*() { return *value_; }
    const T& operator*() const { return *value_; }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    const std::string& error() const { return error_; }

private:
    std::optional<T> value_;
    std::string error_;
};

inline Error fail(std::string message) { return Error{std::move(message)}; }

} // namespace plotline
