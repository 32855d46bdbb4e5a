#include "http/errors.hpp"

#include <nlohmann/json.hpp>

namespace stegvis::http {

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input: return 400;
    case ErrorCode::unauthenticated: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict: return 409;
    case ErrorCode::gone: return 410;
    case ErrorCode::payload_too_large: return 413;
    case ErrorCode::unprocessable: return 422;
    case ErrorCode::too_many_requests: return 429;
    case ErrorCode::internal: return 500;
  }
  return 500;
}

Response json_error(int status, const std::string& code, const std::string& message, const std::string& field) {
  nlohmann::json err{{"code", code}, {"message", message}};
  if (!field.empty()) err["field"] = field;
  // replace: a message never fails to serialise, whatever bytes a field name held.
  return {status, "application/json", nlohmann::json{{"error", err}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), {}};
}

Response json_error(const Error& e) { return json_error(status_for(e.code), to_string(e.code), e.message, e.field); }

}  // namespace stegvis::http
