// Result<T>: a value or a user-facing error message. Runtime failures (bad files, bad input)
// travel as values, never as exceptions: wasm builds do not catch exceptions.
//
//   Result<Date> r = parseDate("2026-03-02");
//   if (!r) show(r.error()); else use(*r);
#pragma once
#include <optional>
#include <string>
#include <utility>

namespace plotline {

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
