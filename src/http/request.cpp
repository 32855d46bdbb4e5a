#include "http/request.hpp"

namespace stegvis::http {

std::string Request::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

std::string Request::query_value(const std::string& name) const {
  auto it = query.find(name);
  return it == query.end() ? std::string() : it->second;
}

const std::multimap<std::string, std::string>& Request::form() const {
  if (!form_) form_ = parse_urlencoded(body);
  return *form_;
}

bool Request::has_form_body() const {
  return form_.has_value() || header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0;
}

std::string Request::form_value(const std::string& name) const {
  auto it = form().find(name);
  return it == form().end() ? std::string() : it->second;
}

Response Response::html(std::string body, int status) {
  return {status, "text/html; charset=utf-8", std::move(body), {}};
}

Response Response::redirect(const std::string& location) {
  // 303: after a POST the browser follows with a GET.
  return {303, "text/plain; charset=utf-8", "", {{"Location", location}}};
}

Response Response::text(std::string body, int status) {
  return {status, "text/plain; charset=utf-8", std::move(body), {}};
}

namespace {
int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string url_decode(const std::string& s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::multimap<std::string, std::string> parse_urlencoded(const std::string& body) {
  std::multimap<std::string, std::string> out;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('&', start);
    if (end == std::string::npos) end = body.size();
    std::string pair = body.substr(start, end - start);
    if (!pair.empty()) {
      auto eq = pair.find('=');
      if (eq == std::string::npos) out.emplace(url_decode(pair), "");
      else out.emplace(url_decode(pair.substr(0, eq)), url_decode(pair.substr(eq + 1)));
    }
    start = end + 1;
  }
  return out;
}

std::map<std::string, std::string> parse_cookies(const std::string& header) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t end = header.find(';', start);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(start, end - start);
    auto b = part.find_first_not_of(' ');
    if (b != std::string::npos) part = part.substr(b);
    auto eq = part.find('=');
    if (eq != std::string::npos) out.emplace(part.substr(0, eq), part.substr(eq + 1));
    start = end + 1;
  }
  return out;
}

}  // namespace stegvis::http
