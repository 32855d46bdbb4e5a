// Result<T>: the value of an expected failure (validation, access, conflict,
// not found) travels as a value with a code, a Swedish message and the field.
// Exceptions are kept for the unexpected (I/O failure, bug).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace stegvis {

enum class ErrorCode {
  invalid_input,      // 400
  unauthenticated,    // 401
  forbidden,          // 403
  not_found,          // 404
  conflict,           // 409
  gone,               // 410 (a used or expired one-time link)
  payload_too_large,  // 413
  unprocessable,      // 422 (a rule failed)
  too_many_requests,  // 429
  internal,           // 500
};

const char* to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;  // Swedish, shown to the user
  std::string field;    // the input field at fault, if any
};

inline Error invalid(std::string field, std::string message) {
  return {ErrorCode::invalid_input, std::move(message), std::move(field)};
}
inline Error not_found(std::string message) { return {ErrorCode::not_found, std::move(message), {}}; }
inline Error forbidden(std::string message) { return {ErrorCode::forbidden, std::move(message), {}}; }
// A rule failed on a well-formed request (422), e.g. a rating item with two decimals.
inline Error unprocessable(std::string field, std::string message) {
  return {ErrorCode::unprocessable, std::move(message), std::move(field)};
}
inline Error conflict(std::string message, std::string field = {}) {
  return {ErrorCode::conflict, std::move(message), std::move(field)};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT: implicit by design
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// For operations that return nothing on success.
struct Done {};
using Status = Result<Done>;
inline Status done() { return Done{}; }

}  // namespace stegvis
