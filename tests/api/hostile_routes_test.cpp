// Hostile input on every route the server has (read from `stegvis routes`, so
// a route added later is attacked without editing this file): hostile ids in
// the path, hostile bodies on every write, CSRF on every state-changing call.
// After each batch the server still answers and no table gained or lost a row
// through a refused request.
#include <gtest/gtest.h>

#include "api/hostile_support.hpp"
#include "api/participant_support.hpp"

using namespace stegvis::test;

namespace {

const char* kScript = "<script>alert(1)</script>";

// The session of a client as raw headers: cookie, and the CSRF token when asked.
std::vector<std::pair<std::string, std::string>> auth(const ApiClient& c, bool csrf, const std::string& type = "") {
  std::vector<std::pair<std::string, std::string>> h;
  if (!c.cookie.empty()) h.emplace_back("Cookie", c.cookie);
  if (csrf && !c.csrf.empty()) h.emplace_back("X-CSRF-Token", c.csrf);
  if (!type.empty()) h.emplace_back("Content-Type", type);
  return h;
}

// Real records for every kind of id a route may take, owned by this test.
struct Ids {
  std::map<std::string, std::string> by_collection;  // "enrolments" -> "17"
  std::string value(const std::string& param, const std::string& collection) const {
    if (param == "file") return "style.css";
    if (param == "code") return "sv";
    auto it = by_collection.find(collection);
    return it == by_collection.end() ? "1" : it->second;
  }
};

Ids make_ids(ApiClient& admin, ApiClient& samordnare) {
  Ids ids;
  auto& m = ids.by_collection;
  m["enrolments"] = std::to_string(create_enrolment(samordnare, programme_id()));
  m["referrals"] = std::to_string(create_referral(samordnare, programme_id()));
  m["programmes"] = std::to_string(programme_id());
  m["units"] = std::to_string(demo_unit_id(admin, "Västra"));
  const std::string user = unique_name("hostile");
  m["staff"] = std::to_string(create_staff(admin, user, "ett-langt-losenord", json::array({{{"role", "styrgrupp"}}})));
  m["parties"] = std::to_string(admin.post("/api/v1/parties", {{"name", unique_name("Fientlig part")}, {"kind", "annan"}})
                                    .body.value("id", std::int64_t{0}));
  m["municipalities"] = std::to_string(municipality_id(admin, "Katrineholm"));
  m["tokens"] = std::to_string(admin.post("/api/v1/tokens", {{"username", user}, {"name", "fientlig"}})
                                   .body.value("id", std::int64_t{0}));
  auto programme = admin.get("/api/v1/programmes/" + m["programmes"]);
  m["tracks"] = std::to_string(programme.body["tracks"][0].value("id", std::int64_t{0}));
  return ids;
}

// A reply is clean: an answer, no server error, never a script tag echoed raw,
// and on the API the one error shape.
::testing::AssertionResult clean(const RawReply& r, const RouteInfo& route) {
  if (r.status == 0) return ::testing::AssertionFailure() << "no answer";
  if (r.status >= 500) return ::testing::AssertionFailure() << "server error " << r.status << ": " << r.body.substr(0, 300);
  if (r.body.find(kScript) != std::string::npos) return ::testing::AssertionFailure() << "script tag echoed raw";
  if (route.is_api && r.status >= 400) {
    auto j = json::parse(r.body, nullptr, false);
    if (!j.is_object() || !j.contains("error") || !j["error"].value("code", "").size())
      return ::testing::AssertionFailure() << "not the error shape: " << r.body.substr(0, 200);
  }
  return ::testing::AssertionSuccess();
}

// The client logged in again if the request just ended its session (logout routes).
void keep_logged_in(ApiClient& c, const std::string& user, const RawReply& r) {
  if (r.header("Set-Cookie").find("Max-Age=0") != std::string::npos) c = logged_in(user);
}

std::string nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

}  // namespace

TEST(HostileRoutes, TheRouteTableListsTheWholeServer) {
  const auto& routes = server_routes();
  ASSERT_GT(routes.size(), 40u);
  auto has = [&](const std::string& method, const std::string& pattern) {
    for (const auto& r : routes)
      if (r.method == method && r.pattern == pattern) return true;
    return false;
  };
  EXPECT_TRUE(has("GET", "/api/v1/health"));
  EXPECT_TRUE(has("POST", "/api/v1/enrolments/{id}/contacts"));
  EXPECT_TRUE(has("GET", "/static/{file}"));
  EXPECT_TRUE(has("POST", "/login"));
  for (const auto& r : routes) EXPECT_EQ(r.is_api, r.pattern.rfind("/api/", 0) == 0) << r.pattern;
}

TEST(HostileRoutes, HostileIdsInEveryPathAreRefusedCleanly) {
  ApiClient admin = logged_in("admin");
  ApiClient samordnare = logged_in("samordnare.vastra");
  ApiClient anon(server().port);
  const std::vector<std::string> values{"1;DROP%20TABLE%20enrolment", "1'%20OR%20'1'='1",
                                        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd", "-1",
                                        "99999999999999999999", "1e3", "%00", "%FF%FE", "1%0d%0aX:%20y"};
  const auto before = row_counts();
  int sent = 0;
  for (const auto& route : server_routes()) {
    if (route.params.empty()) continue;
    for (const auto& v : values) {
      const std::string path = route.fill([&](const std::string&, const std::string&) { return v; });
      for (auto [client, user] : {std::pair{&admin, "admin"}, std::pair{&samordnare, "samordnare.vastra"},
                                  std::pair{&anon, ""}}) {
        if (!*user && !route.is_public) continue;  // without a login every other route is a plain 401
        auto r = send_raw(route.method, path, auth(*client, true, "application/json"), route.changes_state() ? "{}" : "");
        ++sent;
        EXPECT_TRUE(clean(r, route)) << route.method << " " << path << " as " << user;
        // Only the static file and the language code take text; every other parameter is an id.
        const bool text_param = route.params == std::vector<std::string>{"file"} ||
                                route.params == std::vector<std::string>{"code"};
        if (!text_param) {
          EXPECT_FALSE(r.status >= 200 && r.status < 300) << route.method << " " << path << " as " << user;
        }
        if (route.params == std::vector<std::string>{"file"}) {
          EXPECT_EQ(r.status, 404) << path;
        }
        if (*user) keep_logged_in(*client, user, r);
      }
    }
  }
  EXPECT_GT(sent, 100);
  EXPECT_EQ(count_changes(before, row_counts()), "");
  EXPECT_TRUE(server_alive());
}

TEST(HostileRoutes, HostileBodiesOnEveryWriteStoreNothingHalfWay) {
  ApiClient admin = logged_in("admin");
  ApiClient samordnare = logged_in("samordnare.vastra");
  const Ids ids = make_ids(admin, samordnare);
  // Every field any decoder knows, each with a value of the wrong type holding SQL and markup.
  const json sql_and_script = json::array({"1'); DROP TABLE enrolment;--", kScript, "' OR 1=1 --"});
  json wrong_types = json::object();
  for (const char* f : {"name", "kind", "date", "note", "minutes", "reason", "decision", "problem", "goals", "activities",
                        "parties", "given", "staff_id", "outcome", "programme_id", "track", "municipality", "person",
                        "username", "password", "roles", "population", "start_date", "end_date", "code", "min_age",
                        "with_referrer", "to", "personal_number", "items", "scale", "text", "status"})
    wrong_types[f] = sql_and_script;
  const std::string bad_utf8 = "{\"name\":\"x\xff\xfe\",\"note\":\"\xc0\xaf\",\"date\":\"2024-01-01\xed\xa0\x80\","
                               "\"reason\":\"\xe2\x82\",\"kind\":\"annan\",\"password\":\"\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\"}";
  const std::string bad_form = "name=x%FF%FE&note=%C0%AF&reason=%E2%82&date=2024-01-01%ED%A0%80&problem=%80&text=%FF"
                               "&kind=annan&username=a%FFb&password=%80%80%80%80%80%80%80%80%80%80";
  struct Body {
    std::string text, type;
  };
  int writes = 0;
  auto before = row_counts();
  for (const auto& route : server_routes()) {
    if (!route.changes_state()) continue;
    const std::string path = route.fill([&](const std::string& p, const std::string& c) { return ids.value(p, c); });
    for (auto [client, user] : {std::pair{&admin, "admin"}, std::pair{&samordnare, "samordnare.vastra"}}) {
      std::vector<Body> bodies{{bad_utf8, "application/json"},
                               {nested(100000), "application/json"},
                               {"{\"a\":" + nested(5000) + "}", "application/json"},
                               {wrong_types.dump(), "application/json"}};
      if (!route.is_api) {
        bodies.push_back({"csrf_token=" + client->csrf + "&" + bad_form, "application/x-www-form-urlencoded"});
        bodies.push_back({"--b\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + client->csrf +
                              "\r\n--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n\xff\xfe\r\n--b--\r\n",
                          "multipart/form-data; boundary=b"});
      }
      for (const auto& b : bodies) {
        auto r = send_raw(route.method, path, auth(*client, true, b.type), b.text);
        ++writes;
        SCOPED_TRACE(route.method + " " + path + " as " + user + " with " + b.text.substr(0, 60));
        EXPECT_TRUE(clean(r, route));
        // A refused write leaves every table as it was; an accepted one moves the baseline.
        auto after = row_counts();
        if (r.status >= 400) {
          EXPECT_EQ(count_changes(before, after), "");
        }
        before = after;
        keep_logged_in(*client, user, r);
      }
    }
  }
  EXPECT_GT(writes, 40);
  EXPECT_EQ(invalid_utf8_cells(), std::vector<std::string>{});
  EXPECT_TRUE(server_alive());
}

TEST(HostileRoutes, EveryStateChangingCallNeedsTheSessionsOwnCsrfToken) {
  ApiClient admin = logged_in("admin");
  ApiClient samordnare = logged_in("samordnare.vastra");
  ApiClient other = logged_in("admin");  // another session of the same user: its token is no good here
  const Ids ids = make_ids(admin, samordnare);
  const auto before = row_counts();
  auto csrf_denials = [&admin] {
    return admin.get("/api/v1/audit?action=access.denied&record_type=csrf&limit=1").body.value("total", std::int64_t{0});
  };
  const auto denied_before = csrf_denials();
  int refused = 0;
  for (const auto& route : server_routes()) {
    if (!route.changes_state() || route.is_public) continue;
    const std::string path = route.fill([&](const std::string& p, const std::string& c) { return ids.value(p, c); });
    const std::string body = route.is_api ? "{}" : "";
    const std::string type = route.is_api ? "application/json" : "application/x-www-form-urlencoded";
    for (const std::string& token : {std::string(), std::string("x"), other.csrf, admin.csrf + "0"}) {
      auto h = auth(admin, false, type);
      if (!token.empty()) h.emplace_back("X-CSRF-Token", token);
      auto r = send_raw(route.method, path, h, body);
      EXPECT_EQ(r.status, 403) << route.method << " " << path << " token '" << token << "'";
      ++refused;
    }
    if (!route.is_api) {  // a form's hidden field is checked the same way
      auto r = send_raw(route.method, path, auth(admin, false, type), "csrf_token=" + other.csrf);
      EXPECT_EQ(r.status, 403) << route.method << " " << path << " (form field)";
      ++refused;
    }
  }
  EXPECT_GT(refused, 40);
  EXPECT_EQ(count_changes(before, row_counts()), "");
  // Every refusal is audited.
  EXPECT_EQ(csrf_denials(), denied_before + refused);
  EXPECT_EQ(admin.get("/api/v1/session").status, 200) << "the session survived";
  EXPECT_TRUE(server_alive());
}
