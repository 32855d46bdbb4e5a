// The one mapping from an error code to an HTTP status and the JSON error body
// {"error": {"code", "message", "field"?}}.
#pragma once
#include "domain/result.hpp"
#include "http/request.hpp"

namespace stegvis::http {

int status_for(ErrorCode code);
Response json_error(const Error& e);
Response json_error(int status, const std::string& code, const std::string& message, const std::string& field = {});

}  // namespace stegvis::http
