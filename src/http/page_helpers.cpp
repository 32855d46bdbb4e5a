#include "http/page_helpers.hpp"

#include "http/errors.hpp"
#include "http/json_codec.hpp"

namespace stegvis::http {

Response error_response(PageRenderer& pages, const Request& req, const Error& e) {
  return pages.error_page(req, status_for(e.code), e.message);
}

std::optional<Id> form_id(const std::string& value) { return parse_id(value); }

bool is_local_path(const std::string& path) {
  return path.size() > 1 && path[0] == '/' && path[1] != '/' &&
         path.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789/-_.") == std::string::npos;
}

}  // namespace stegvis::http
