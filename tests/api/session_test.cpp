// Logging in and out over /api/v1/session: the cookie's flags, a new session id
// at every login, and 401 for a missing, unknown, logged-out or idle session.
#include <gtest/gtest.h>

#include <regex>

#include "api/server_fixture.hpp"

using namespace stegvis::test;

namespace {

bool is_hex64(const std::string& s) { return std::regex_match(s, std::regex("[0-9a-f]{64}")); }

std::string cookie_value(const std::string& cookie) { return cookie.substr(cookie.find('=') + 1); }

// A request with only this Cookie header.
Reply get_with_cookie(const std::string& path, const std::string& cookie) {
  ApiClient c(server().port);
  return c.raw("GET", path, "", "", {{"Cookie", cookie}});
}

}  // namespace

TEST(Session, LoginReturnsUserRolesAndCsrfToken) {
  ApiClient c(server().port);
  auto r = c.login("samordnare.vastra");
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_EQ(r.body["user"]["username"], "samordnare.vastra");
  EXPECT_EQ(r.body["user"]["name"], "Karin Samordnare");
  EXPECT_TRUE(r.body["user"]["id"].is_number_integer());
  EXPECT_EQ(r.body["roles"], json::array({"samordnare"}));
  EXPECT_EQ(r.body["user"]["roles"], json::array({"samordnare"}));
  EXPECT_TRUE(is_hex64(r.body.value("csrf_token", ""))) << r.text;
  // The password or its hash never comes back.
  EXPECT_EQ(r.text.find("demo-stegvis"), std::string::npos);
  EXPECT_EQ(r.text.find("argon2"), std::string::npos);
}

TEST(Session, CookieIsHttpOnlySameSiteStrictForWholeSite) {
  ApiClient c(server().port);
  auto r = c.login("admin");
  ASSERT_EQ(r.status, 200);
  std::string set = r.header("Set-Cookie");
  EXPECT_EQ(set.rfind("stegvis_session=", 0), 0u) << set;
  EXPECT_TRUE(is_hex64(cookie_value(c.cookie))) << set;
  EXPECT_NE(set.find("; HttpOnly"), std::string::npos) << set;
  EXPECT_NE(set.find("; SameSite=Strict"), std::string::npos) << set;
  EXPECT_NE(set.find("; Path=/"), std::string::npos) << set;
  // A session cookie: it lives no longer than the browser unless the server says so.
  EXPECT_EQ(set.find("Expires"), std::string::npos) << set;
  EXPECT_EQ(set.find("Max-Age"), std::string::npos) << set;
  // The session id is not the CSRF token.
  EXPECT_NE(cookie_value(c.cookie), c.csrf);
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
}

TEST(Session, GetSessionReturnsTheLoggedInUser) {
  ApiClient c = logged_in("coach.katrineholm");
  auto r = c.get("/api/v1/session");
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_EQ(r.body["user"]["username"], "coach.katrineholm");
  EXPECT_EQ(r.body["roles"], json::array({"coach"}));
  EXPECT_EQ(r.body["csrf_token"], c.csrf);
}

TEST(Session, EveryLoginGetsANewSessionIdAndCsrfToken) {
  ApiClient a = logged_in("admin"), b = logged_in("admin");
  ASSERT_FALSE(a.cookie.empty());
  EXPECT_NE(a.cookie, b.cookie);
  EXPECT_NE(a.csrf, b.csrf);
  // Both sessions are valid at once (two browsers).
  EXPECT_EQ(a.get("/api/v1/session").status, 200);
  EXPECT_EQ(b.get("/api/v1/session").status, 200);
}

TEST(Session, LoginNeverAdoptsTheSessionIdTheClientSent) {
  // Fixation: an attacker plants a cookie, the victim logs in with it.
  const std::string planted = "stegvis_session=" + std::string(64, 'a');
  ApiClient c(server().port);
  auto r = c.raw("POST", "/api/v1/session", json{{"username", "insatsansvarig"}, {"password", "demo-stegvis"}}.dump(),
                 "application/json", {{"Cookie", planted}});
  ASSERT_EQ(r.status, 200) << r.text;
  std::string set = r.header("Set-Cookie");
  std::string issued = set.substr(0, set.find(';'));
  EXPECT_NE(issued, planted);
  EXPECT_TRUE(is_hex64(cookie_value(issued)));
  EXPECT_TRUE(is_error(get_with_cookie("/api/v1/session", planted), 401, "unauthenticated"));
  EXPECT_EQ(get_with_cookie("/api/v1/session", issued).status, 200);

  // Logging in again from a logged-in browser also gives a fresh id.
  auto again = c.raw("POST", "/api/v1/session", json{{"username", "insatsansvarig"}, {"password", "demo-stegvis"}}.dump(),
                     "application/json", {{"Cookie", issued}});
  ASSERT_EQ(again.status, 200);
  std::string set2 = again.header("Set-Cookie");
  EXPECT_NE(set2.substr(0, set2.find(';')), issued);
}

TEST(Session, LogoutEndsTheSessionAndClearsTheCookie) {
  ApiClient c = logged_in("styrgrupp");
  const std::string old_cookie = c.cookie;
  auto r = c.del("/api/v1/session");
  ASSERT_EQ(r.status, 200) << r.text;
  std::string set = r.header("Set-Cookie");
  EXPECT_EQ(set.rfind("stegvis_session=;", 0), 0u) << set;
  EXPECT_NE(set.find("Max-Age=0"), std::string::npos) << set;
  // The old cookie is dead on the server, not only in the browser.
  EXPECT_TRUE(is_error(get_with_cookie("/api/v1/session", old_cookie), 401, "unauthenticated"));
  EXPECT_TRUE(is_error(get_with_cookie("/api/v1/programmes", old_cookie), 401, "unauthenticated"));
}

TEST(Session, NoCookieIs401OnEveryProtectedRoute) {
  ApiClient c(server().port);
  for (const char* path : {"/api/v1/session", "/api/v1/staff", "/api/v1/programmes", "/api/v1/parties",
                           "/api/v1/municipalities", "/api/v1/association", "/api/v1/audit", "/api/v1/tokens",
                           "/api/v1/staff/1", "/api/v1/units/1"})
    EXPECT_TRUE(is_error(c.get(path), 401, "unauthenticated")) << path;
  EXPECT_TRUE(is_error(c.post("/api/v1/parties", {{"name", unique_name("x")}, {"kind", "annan"}}), 401,
                       "unauthenticated"));
  EXPECT_TRUE(is_error(c.del("/api/v1/session"), 401, "unauthenticated"));
}

TEST(Session, GarbageCookiesAre401) {
  for (const std::string& value :
       {std::string(""), std::string("x"), std::string(64, '0'), std::string(63, 'a'), std::string(65, 'a'),
        std::string(5000, 'f'), std::string("' OR '1'='1"), std::string("%00%ff"), std::string("åäö")}) {
    auto r = get_with_cookie("/api/v1/session", "stegvis_session=" + value);
    EXPECT_TRUE(is_error(r, 401, "unauthenticated")) << value.substr(0, 20);
  }
  // A valid session id under another cookie name does not count.
  ApiClient c = logged_in("utvarderare");
  EXPECT_TRUE(is_error(get_with_cookie("/api/v1/session", "other=" + cookie_value(c.cookie)), 401, "unauthenticated"));
  EXPECT_EQ(get_with_cookie("/api/v1/session", "other=1; " + c.cookie).status, 200);
}

TEST(Session, IdleSessionExpires) {
  ApiClient fresh = logged_in("samordnare.vastra"), idle = logged_in("samordnare.vastra");
  // 29 minutes idle: still fine (limit 30).
  age_session(fresh.cookie, 29);
  EXPECT_EQ(fresh.get("/api/v1/session").status, 200);
  // 31 minutes idle: gone.
  age_session(idle.cookie, 31);
  auto r = idle.get("/api/v1/session");
  EXPECT_TRUE(is_error(r, 401, "unauthenticated"));
  EXPECT_TRUE(is_error(idle.post("/api/v1/parties", {{"name", unique_name("idle")}, {"kind", "annan"}}), 401,
                       "unauthenticated"));
}

TEST(Session, UsingTheSessionKeepsItAlive) {
  ApiClient c = logged_in("samordnare.vastra");
  // Idle 25 minutes, then one request: the clock starts again.
  age_session(c.cookie, 25);
  ASSERT_EQ(c.get("/api/v1/session").status, 200);
  age_session(c.cookie, 10);  // 10 more minutes after that request: 35 since login
  EXPECT_EQ(c.get("/api/v1/session").status, 200);
}

TEST(Session, WrongPasswordAndUnknownUserLookAlike) {
  ApiClient admin = logged_in("admin");
  const std::string user = unique_name("wrongpw");
  ASSERT_NE(create_staff(admin, user, "ett-bra-losenord", json::array({{{"role", "styrgrupp"}}})), 0);

  ApiClient c(server().port);
  auto wrong = c.login(user, "fel-losenord-1");
  auto unknown = c.login(unique_name("nobody"), "fel-losenord-1");
  EXPECT_TRUE(is_error(wrong, 401, "unauthenticated"));
  EXPECT_TRUE(is_error(unknown, 401, "unauthenticated"));
  EXPECT_EQ(wrong.body["error"]["message"], unknown.body["error"]["message"]);
  EXPECT_EQ(wrong.header("Set-Cookie"), "");
  EXPECT_EQ(unknown.header("Set-Cookie"), "");
  EXPECT_TRUE(c.cookie.empty());
  // The right password still works after one failure.
  EXPECT_EQ(c.login(user, "ett-bra-losenord").status, 200);
}

TEST(Session, LoginBodyIsChecked) {
  ApiClient c(server().port);
  auto send = [&](const std::string& body) { return c.raw("POST", "/api/v1/session", body, "application/json", {}); };
  EXPECT_TRUE(is_error(send(R"({"password":"demo-stegvis"})"), 400, "invalid_input", "username"));
  EXPECT_TRUE(is_error(send(R"({"username":"admin"})"), 400, "invalid_input", "password"));
  EXPECT_TRUE(is_error(send(R"({"username":["admin"],"password":"demo-stegvis"})"), 400, "invalid_input", "username"));
  EXPECT_TRUE(is_error(send(R"({"username":"admin","password":12345})"), 400, "invalid_input", "password"));
  EXPECT_TRUE(is_error(send(R"({"username":"","password":"demo-stegvis"})"), 400, "invalid_input", "username"));
  EXPECT_TRUE(is_error(send("username=admin&password=demo-stegvis"), 400, "invalid_input"));
  EXPECT_TRUE(is_error(send(""), 400, "invalid_input"));
}
