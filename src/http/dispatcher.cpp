#include "http/dispatcher.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "crypto/crypto.hpp"
#include "app/audit.hpp"
#include "domain/validation.hpp"
#include "http/errors.hpp"

namespace stegvis::http {
namespace {

bool is_api_path(const std::string& path) { return path.rfind("/api/", 0) == 0; }
bool changes_state(const std::string& method) { return method != "GET" && method != "HEAD"; }

// Query parameters and form fields are text: bytes that are not UTF-8 are
// refused here, before a handler can store them or echo them into a page.
bool all_utf8(const Request& req) {
  for (const auto& [k, v] : req.query)
    if (!is_valid_utf8(k) || !is_valid_utf8(v)) return false;
  if (!req.has_form_body()) return true;
  for (const auto& [k, v] : req.form())
    if (!is_valid_utf8(k) || !is_valid_utf8(v)) return false;
  return true;
}

}  // namespace

Dispatcher::Dispatcher(app::Services& services, PageRenderer& pages, DispatchConfig config)
    : services_(services), pages_(pages), config_(config) {}

Response Dispatcher::handle(Request& req) {
  auto started = std::chrono::steady_clock::now();
  Response res;
  try {
    res = dispatch(req);
  } catch (const std::exception& e) {
    spdlog::error("unhandled error on {} {}: {}", req.method, req.path, e.what());
    res = is_api_path(req.path) ? json_error(500, "internal", "Ett oväntat fel inträffade. Försök igen.")
                                : pages_.error_page(req, 500, "Ett oväntat fel inträffade. Försök igen.");
  }
  add_security_headers(res, is_api_path(req.path));
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  // The path holds only ids; queries and bodies may hold personal data and are never logged.
  // A one-time answer link's token is left out too: with the time it would date an anonymous answer.
  std::string logged = req.path;
  if (auto t = req.params.find("token"); t != req.params.end() && !t->second.empty())
    if (auto at = logged.find(t->second); at != std::string::npos) logged.replace(at, t->second.size(), "…");
  spdlog::info("{} {} {} {:.1f}ms", req.method, logged, res.status, ms);
  return res;
}

Response Dispatcher::library_error(int status, const std::string& path) {
  Response res = status == 413 ? json_error(413, "payload_too_large", "Förfrågan är för stor.")
                 : status == 431 ? json_error(431, "invalid_input", "Förfrågan har för många eller för stora rubriker.")
                 : status >= 500 ? json_error(status, "internal", "Ett oväntat fel inträffade.")
                                 : json_error(status, "invalid_input", "Förfrågan kunde inte tolkas.");
  add_security_headers(res, is_api_path(path));
  return res;
}

bool Dispatcher::authenticate(Request& req, std::string* failure) {
  std::string auth = req.header("authorization");
  if (auth.rfind("Bearer ", 0) == 0) {
    auto r = services_.auth.bearer(auth.substr(7), req.remote_addr);
    if (!r) { *failure = r.error().message; return false; }
    req.actor = r->actor;
    return true;
  }
  auto it = req.cookies.find(kSessionCookie);
  if (it == req.cookies.end()) { *failure = "Du är inte inloggad."; return false; }
  auto r = services_.auth.session(it->second, req.remote_addr);
  if (!r) { *failure = r.error().message; return false; }
  req.actor = r->actor;
  req.csrf_token = r->csrf_token;
  req.session_token = it->second;
  return true;
}

Response Dispatcher::dispatch(Request& req) {
  bool path_known = false;
  const Route* route = router_.match(req.method, req.path, req.params, &path_known);
  const bool api = is_api_path(req.path);
  if (!route) {
    if (path_known)
      return api ? json_error(405, "method_not_allowed", "Metoden stöds inte för den här adressen.")
                 : pages_.error_page(req, 405, "Metoden stöds inte för den här adressen.");
    return api ? json_error(404, "not_found", "Adressen finns inte.")
               : pages_.error_page(req, 404, "Sidan finns inte.");
  }
  if (!all_utf8(req)) {
    const char* message = "Förfrågan innehåller tecken som inte är giltig UTF-8.";
    return api ? json_error(400, "invalid_input", message) : pages_.error_page(req, 400, message);
  }
  if (route->auth == Auth::none) return route->handler(req);
  if (route->auth == Auth::optional) {
    // Credentials that fail (an expired session) make a visitor, not an error: the handler decides.
    std::string ignored;
    bool has_credentials = !req.header("authorization").empty() || req.cookies.count(kSessionCookie);
    if (has_credentials && !authenticate(req, &ignored)) req.actor.reset();
    return route->handler(req);
  }

  std::string failure;
  if (!authenticate(req, &failure)) {
    if (api) return json_error(401, "unauthenticated", failure);
    // Only a plain path goes into ?next=, so the Location header can carry nothing else.
    bool plain = req.path.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789/-_.") == std::string::npos;
    if (req.method == "GET" && plain) return Response::redirect("/login?next=" + req.path);
    return Response::redirect("/login");
  }
  // CSRF: a state-changing call that rides on the cookie must carry the session's token.
  if (changes_state(req.method) && !req.session_token.empty()) {
    std::string sent = req.header("x-csrf-token");
    if (sent.empty() && !api) sent = req.form_value("csrf_token");
    if (!crypto::equal_constant_time(sent, req.csrf_token)) {
      app::record_standalone(services_.env, *req.actor, "access.denied", "csrf", req.path);
      return api ? json_error(403, "csrf", "CSRF-token saknas eller är fel. Ladda om sidan och försök igen.")
                 : pages_.error_page(req, 403, "Formuläret har gått ut. Ladda om sidan och försök igen.");
    }
  }
  return route->handler(req);
}

void Dispatcher::add_security_headers(Response& res, bool is_api) const {
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("Referrer-Policy", "no-referrer");
  res.headers.emplace_back("X-Frame-Options", "DENY");
  res.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  bool has_cache_control = false;
  for (const auto& h : res.headers) has_cache_control = has_cache_control || h.first == "Cache-Control";
  if (!has_cache_control) res.headers.emplace_back("Cache-Control", is_api ? "no-store" : "no-store, private");
  if (config_.secure_cookies) res.headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
}

}  // namespace stegvis::http
