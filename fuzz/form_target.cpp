// Our own request parsing: url-encoded forms, url decoding, cookies, and the
// router's path matching (multipart bodies are parsed by cpp-httplib itself).
#include "http/router.hpp"
#include "domain/validation.hpp"
#include "targets.hpp"

namespace stegvis::fuzz {

std::string form(std::string_view input) {
  const std::string s(input);
  auto fields = http::parse_urlencoded(s);
  // Every field came from one '&'-separated pair: never more fields than pairs.
  std::size_t pairs = 1;
  for (char c : s) pairs += c == '&';
  if (fields.size() > pairs) return "more form fields than pairs";
  if (http::url_decode(s).size() > s.size()) return "url_decode grew the text";
  for (const auto& [k, v] : http::parse_cookies(s))
    if (k.find(';') != std::string::npos || v.find(';') != std::string::npos) return "cookie kept a ';'";

  static http::Router router = [] {
    http::Router r;
    for (const char* p : {"/api/v1/enrolments/{id}", "/api/v1/enrolments/{id}/contacts", "/static/{file}",
                          "/api/v1/programmes/{id}/tracks/{track_id}", "/"})
      r.add("GET", p, http::Auth::session, true, [](http::Request&) { return http::Response{}; });
    return r;
  }();
  std::map<std::string, std::string> params;
  bool known = false;
  const std::string path = "/" + s;
  if (const auto* route = router.match("GET", path, params, &known)) {
    if (!known) return "matched but the path is not known";
    for (const auto& [name, value] : params)
      if (name == "file" && value.find('/') != std::string::npos && s.find("%2") == std::string::npos)
        return "a file parameter holds a '/' that was not encoded";
    (void)route;
  }
  for (const auto& segment : http::split_path(path))
    if (segment.empty() || segment.find('/') != std::string::npos) return "split_path gave an empty or nested segment";
  return "";
}

}  // namespace stegvis::fuzz
