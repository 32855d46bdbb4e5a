// CSRF: every state-changing call that rides on the session cookie must carry
// the session's own X-CSRF-Token; without it the call is refused with 403
// "csrf" and nothing is stored.
#include <gtest/gtest.h>
#include <unistd.h>

#include "api/server_fixture.hpp"

using namespace stegvis::test;

namespace {

// The cookie only, with these extra headers.
httplib::Headers with_cookie(const ApiClient& c, httplib::Headers extra = {}) {
  extra.emplace("Cookie", c.cookie);
  return extra;
}

// The same token with its first character changed.
std::string flipped(std::string token) {
  token[0] = token[0] == 'a' ? 'b' : 'a';
  return token;
}

}  // namespace

TEST(Csrf, PostWithoutTokenIsRefusedAndNothingIsStored) {
  ApiClient admin = logged_in("admin");
  const std::string name = unique_name("Csrf part utan token");
  auto r = admin.raw("POST", "/api/v1/parties", json{{"name", name}, {"kind", "annan"}}.dump(), "application/json",
                     with_cookie(admin));
  EXPECT_TRUE(is_error(r, 403, "csrf"));
  EXPECT_EQ(party_id(admin, name), 0) << "the party was stored despite the CSRF refusal";
}

TEST(Csrf, WrongTokenIsRefusedAndNothingIsStored) {
  ApiClient admin = logged_in("admin"), other = logged_in("admin");
  const std::string name = unique_name("Csrf part fel token");
  const std::string body = json{{"name", name}, {"kind", "annan"}}.dump();
  for (const std::string& token : {other.csrf, std::string("x"), admin.csrf.substr(0, 63),
                                   admin.csrf + "0", std::string(64, '0'), flipped(admin.csrf)}) {
    auto r = admin.raw("POST", "/api/v1/parties", body, "application/json", with_cookie(admin, {{"X-CSRF-Token", token}}));
    EXPECT_TRUE(is_error(r, 403, "csrf")) << token;
  }
  // The token in a form field or the query string does not count for the API.
  auto form = admin.raw("POST", "/api/v1/parties?csrf_token=" + admin.csrf, body, "application/json",
                        with_cookie(admin));
  EXPECT_TRUE(is_error(form, 403, "csrf"));
  EXPECT_EQ(party_id(admin, name), 0);

  // Control: the session's own token works.
  auto ok = admin.raw("POST", "/api/v1/parties", body, "application/json",
                      with_cookie(admin, {{"X-CSRF-Token", admin.csrf}}));
  EXPECT_EQ(ok.status, 201) << ok.text;
  EXPECT_NE(party_id(admin, name), 0);
}

TEST(Csrf, PutAndDeleteNeedTheTokenToo) {
  ApiClient admin = logged_in("admin");
  const std::string user = unique_name("csrfput");
  auto id = create_staff(admin, user, "ett-bra-losenord", json::array({{{"role", "styrgrupp"}}}));
  ASSERT_NE(id, 0);
  const std::string path = "/api/v1/staff/" + std::to_string(id);

  auto put = admin.raw("PUT", path, json{{"name", "Ändrad Utan Token"}, {"roles", {{{"role", "styrgrupp"}}}}}.dump(),
                       "application/json", with_cookie(admin));
  EXPECT_TRUE(is_error(put, 403, "csrf"));
  EXPECT_EQ(admin.get(path).body["name"], "Test " + user);

  auto disable = admin.raw("POST", path + "/disable", "", "application/json", with_cookie(admin));
  EXPECT_TRUE(is_error(disable, 403, "csrf"));
  EXPECT_EQ(admin.get(path).body["disabled"], false);

  // Logging out is a state change as well: without the token the session survives.
  auto logout = admin.raw("DELETE", "/api/v1/session", "", "application/json", with_cookie(admin));
  EXPECT_TRUE(is_error(logout, 403, "csrf"));
  EXPECT_EQ(admin.get("/api/v1/session").status, 200);
}

TEST(Csrf, ReadsNeedNoToken) {
  ApiClient admin = logged_in("admin");
  auto r = admin.raw("GET", "/api/v1/parties", "", "", with_cookie(admin));
  EXPECT_EQ(r.status, 200);
}

TEST(Csrf, RefusalIsAudited) {
  ApiClient coach = logged_in("coach.katrineholm");
  ApiClient admin = logged_in("admin");
  // A path with its own number, to find exactly this refusal.
  const std::string path = "/api/v1/staff/" + std::to_string(900000000 + getpid()) + "/disable";
  auto r = coach.raw("POST", path, "", "application/json", with_cookie(coach));
  EXPECT_TRUE(is_error(r, 403, "csrf"));
  auto entries = audit_entries(admin, "action=access.denied&record_type=csrf&record_id=" + path);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["username"], "coach.katrineholm");
  EXPECT_EQ(entries[0]["address"], "127.0.0.1");
}
