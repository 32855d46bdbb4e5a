// /api/v1/health, /session, /tokens, /audit.
#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_routes.hpp"
#include "http/request_decoders.hpp"

namespace stegvis::http {

std::string session_cookie(const std::string& token, bool secure, bool clear) {
  std::string c = std::string(kSessionCookie) + "=" + (clear ? "" : token) + "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) c += "; Secure";
  if (clear) c += "; Max-Age=0";
  return c;
}

void end_previous_session(app::Services& services, const Request& req) {
  auto it = req.cookies.find(kSessionCookie);
  if (it == req.cookies.end()) return;
  if (auto previous = services.auth.session(it->second, req.remote_addr)) services.auth.logout(it->second, previous->actor);
}

namespace {

json user_json(const app::Actor& a) {
  json roles = json::array();
  for (const auto& r : a.roles) roles.push_back(std::string(to_code(r.role)));
  return {{"id", a.user_id}, {"username", a.username}, {"name", a.name}, {"roles", roles}};
}

}  // namespace

void add_session_routes(Router& router, app::Services& services, const DispatchConfig& config) {
  router.add("GET", "/api/v1/health", Auth::none, true, [](Request&) { return json_response({{"status", "ok"}}); });

  router.add("POST", "/api/v1/session", Auth::none, true, [&services, config](Request& req) {
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    Credentials c;
    if (auto e = decode_credentials(*body, c)) return json_error(*e);
    auto r = services.auth.login(c.username, c.password, req.remote_addr);
    if (!r) return json_error(r.error());
    end_previous_session(services, req);
    json out = user_json(r->actor);
    Response res = json_response({{"user", out}, {"roles", out["roles"]}, {"csrf_token", r->csrf_token}});
    res.headers.emplace_back("Set-Cookie", session_cookie(r->session_token, config.secure_cookies, false));
    return res;
  });

  router.add("GET", "/api/v1/session", Auth::session, true, [](Request& req) {
    json out = user_json(*req.actor);
    return json_response({{"user", out}, {"roles", out["roles"]}, {"csrf_token", req.csrf_token}});
  });

  router.add("DELETE", "/api/v1/session", Auth::session, true, [&services, config](Request& req) {
    if (!req.session_token.empty()) services.auth.logout(req.session_token, *req.actor);
    Response res = json_response({{"status", "logged_out"}});
    res.headers.emplace_back("Set-Cookie", session_cookie("", config.secure_cookies, true));
    return res;
  });

  router.add("GET", "/api/v1/tokens", Auth::session, true, [&services](Request& req) {
    auto r = services.auth.tokens(*req.actor);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& t : *r) items.push_back(to_json(t));
    return json_list(items, r->size());
  });

  router.add("POST", "/api/v1/tokens", Auth::session, true, [&services](Request& req) {
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    TokenInput t;
    if (auto e = decode_token(*body, t)) return json_error(*e);
    auto r = services.auth.create_token(*req.actor, t.username, t.name);
    if (!r) return json_error(r.error());
    return json_response({{"id", r->id}, {"token", r->token}}, 201);
  });

  router.add("DELETE", "/api/v1/tokens/{id}", Auth::session, true, [&services](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("API-nyckeln finns inte."));
    auto r = services.auth.revoke_token(*req.actor, *id);
    if (!r) return json_error(r.error());
    return json_response({{"status", "revoked"}});
  });

  router.add("GET", "/api/v1/audit", Auth::session, true, [&services](Request& req) {
    store::AuditFilter f;
    f.username = req.query_value("user");
    f.record_type = req.query_value("record_type");
    f.record_id = req.query_value("record_id");
    f.action = req.query_value("action");
    if (auto from = req.query_value("from"); !from.empty()) {
      f.from = unix_day(from, 0);
      if (!f.from) return json_error(invalid("from", "Ogiltigt datum, skriv ÅÅÅÅ-MM-DD."));
    }
    if (auto to = req.query_value("to"); !to.empty()) {
      f.to = unix_day(to, 1);  // the whole last day counts
      if (!f.to) return json_error(invalid("to", "Ogiltigt datum, skriv ÅÅÅÅ-MM-DD."));
    }
    if (auto l = req.query_value("limit"); !l.empty()) {
      auto n = parse_id(l);
      f.limit = n && *n <= 100000 ? static_cast<int>(*n) : -1;  // the service names the bound
    }
    if (auto o = req.query_value("offset"); !o.empty()) {
      auto n = o == "0" ? std::optional<Id>(0) : parse_id(o);
      f.offset = n && *n <= 100000000 ? static_cast<int>(*n) : -1;
    }
    auto r = services.audit.search(*req.actor, f);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& e : r->items) items.push_back(to_json(e));
    return json_list(items, static_cast<std::size_t>(r->total));
  });
}

}  // namespace stegvis::http
