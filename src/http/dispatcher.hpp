// Everything a request goes through, independent of the HTTP library: route
// matching, authentication (session cookie or bearer token), CSRF, error
// shapes, security headers and the request log.
#pragma once
#include <string>

#include "app/services.hpp"
#include "http/page_renderer.hpp"
#include "http/router.hpp"

namespace stegvis::http {

struct DispatchConfig {
  bool secure_cookies = false;  // set when served behind TLS
};

class Dispatcher {
 public:
  Dispatcher(app::Services& services, PageRenderer& pages, DispatchConfig config);
  Response handle(Request& req);
  // A response for errors the HTTP library detects itself (oversize body, bad request line).
  Response library_error(int status, const std::string& path);
  Router& router() { return router_; }

 private:
  Response dispatch(Request& req);
  bool authenticate(Request& req, std::string* failure);
  void add_security_headers(Response& res, bool is_api) const;

  app::Services& services_;
  PageRenderer& pages_;
  DispatchConfig config_;
  Router router_;
};

constexpr const char* kSessionCookie = "stegvis_session";

}  // namespace stegvis::http
