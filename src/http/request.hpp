// The server's own request and response: handlers see these, never the HTTP
// library, so that the library can be swapped by changing one adapter.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/actor.hpp"

namespace stegvis::http {

struct Request {
  std::string method;
  std::string path;
  std::map<std::string, std::string> params;   // from the route pattern, e.g. {id}
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names in lower case
  std::map<std::string, std::string> cookies;
  std::string body;
  std::string remote_addr;
  bool tls = false;

  // Set by the authentication step when a session or token is valid.
  std::optional<app::Actor> actor;
  std::string csrf_token;     // the session's token, for forms
  std::string session_token;  // the cookie value, for logout

  std::string header(const std::string& lower_name) const;
  std::string query_value(const std::string& name) const;
  // Fields of an application/x-www-form-urlencoded body; repeated names keep all values.
  const std::multimap<std::string, std::string>& form() const;
  std::string form_value(const std::string& name) const;
  // Fields that arrived as multipart/form-data (set by the adapter instead of parsing the body).
  void set_form(std::multimap<std::string, std::string> fields) { form_ = std::move(fields); }
  // True when the body is a form (url-encoded or multipart), not JSON or nothing.
  bool has_form_body() const;

 private:
  mutable std::optional<std::multimap<std::string, std::string>> form_;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response html(std::string body, int status = 200);
  static Response redirect(const std::string& location);
  static Response text(std::string body, int status = 200);
};

std::string url_decode(const std::string& s, bool plus_is_space = true);
std::multimap<std::string, std::string> parse_urlencoded(const std::string& body);
std::map<std::string, std::string> parse_cookies(const std::string& header);

}  // namespace stegvis::http
