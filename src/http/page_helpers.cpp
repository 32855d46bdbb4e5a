#include "http/page_helpers.hpp"

#include "http/errors.hpp"
#include "http/json_codec.hpp"

namespace stegvis::http {

Response error_response(PageRenderer& pages, const Request& req, const Error& e) {
  return pages.error_page(req, status_for(e.code), e.message);
}

std::optional<Id> form_id(const std::string& value) { return parse_id(value); }

}  // namespace stegvis::http
