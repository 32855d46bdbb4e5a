// API bearer tokens: the administrator creates one for a user, it works
// without cookie or CSRF token, acts with that user's rights, and stops
// working the moment it is revoked.
#include <gtest/gtest.h>

#include <regex>

#include "api/server_fixture.hpp"

using namespace stegvis::test;

namespace {

// A client that carries only the bearer token (no cookie, no CSRF token).
ApiClient with_bearer(const std::string& token) {
  ApiClient c(server().port);
  c.bearer = token;
  return c;
}

json token_row(ApiClient& admin, std::int64_t id) {
  for (const auto& t : json(admin.get("/api/v1/tokens").body["items"]))
    if (t.value("id", std::int64_t{0}) == id) return t;
  return nullptr;
}

}  // namespace

TEST(Tokens, CreateUseAndRevoke) {
  ApiClient admin = logged_in("admin");
  const std::string name = unique_name("integration");
  auto created = admin.post("/api/v1/tokens", {{"username", "admin"}, {"name", name}});
  ASSERT_EQ(created.status, 201) << created.text;
  const std::string token = created.body.value("token", "");
  const auto id = created.body.value("id", std::int64_t{0});
  EXPECT_TRUE(std::regex_match(token, std::regex("[0-9a-f]{64}"))) << token;

  // The token works on its own, and a state change needs no CSRF token.
  ApiClient bot = with_bearer(token);
  auto me = bot.get("/api/v1/session");
  ASSERT_EQ(me.status, 200) << me.text;
  EXPECT_EQ(me.body["user"]["username"], "admin");
  const std::string party = unique_name("Part via API-nyckel");
  auto post = bot.post("/api/v1/parties", {{"name", party}, {"kind", "annan"}});
  EXPECT_EQ(post.status, 201) << post.text;
  EXPECT_NE(party_id(admin, party), 0);

  // The list shows the token's name and owner, never the token or its hash.
  auto list = admin.get("/api/v1/tokens");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.text.find(token), std::string::npos);
  json row = token_row(admin, id);
  ASSERT_TRUE(row.is_object());
  EXPECT_EQ(row["name"], name);
  EXPECT_EQ(row["username"], "admin");
  EXPECT_TRUE(row["revoked_at"].is_null());

  // Revoked: 401 at once, and visible in the list.
  auto revoke = admin.del("/api/v1/tokens/" + std::to_string(id));
  EXPECT_EQ(revoke.status, 200) << revoke.text;
  EXPECT_TRUE(is_error(bot.get("/api/v1/session"), 401, "unauthenticated"));
  EXPECT_TRUE(is_error(bot.post("/api/v1/parties", {{"name", unique_name("efter")}, {"kind", "annan"}}), 401,
                       "unauthenticated"));
  EXPECT_TRUE(token_row(admin, id)["revoked_at"].is_string());

  // Revoking twice is a conflict; an unknown id is 404.
  EXPECT_TRUE(is_error(admin.del("/api/v1/tokens/" + std::to_string(id)), 409, "conflict"));
  EXPECT_TRUE(is_error(admin.del("/api/v1/tokens/999999999"), 404, "not_found"));
  EXPECT_TRUE(is_error(admin.del("/api/v1/tokens/abc"), 404, "not_found"));

  auto created_audit = audit_entries(admin, "action=token.create&record_id=" + std::to_string(id));
  ASSERT_EQ(created_audit.size(), 1u);
  EXPECT_EQ(audit_entries(admin, "action=token.revoke&record_id=" + std::to_string(id)).size(), 1u);
}

TEST(Tokens, ActWithTheirUsersRightsOnly) {
  ApiClient admin = logged_in("admin");
  auto created = admin.post("/api/v1/tokens", {{"username", "coach.katrineholm"}, {"name", unique_name("coach")}});
  ASSERT_EQ(created.status, 201) << created.text;
  ApiClient bot = with_bearer(created.body["token"]);
  const auto vastra = demo_unit_id(admin, "Västra"), norra = demo_unit_id(admin, "Norra");
  ASSERT_NE(vastra, 0);
  EXPECT_EQ(bot.get("/api/v1/staff?unit=" + std::to_string(vastra)).status, 200);
  EXPECT_TRUE(is_error(bot.get("/api/v1/staff?unit=" + std::to_string(norra)), 403, "forbidden"));
  EXPECT_TRUE(is_error(bot.post("/api/v1/parties", {{"name", unique_name("x")}, {"kind", "annan"}}), 403, "forbidden"));
  EXPECT_TRUE(is_error(bot.get("/api/v1/tokens"), 403, "forbidden"));
}

TEST(Tokens, StopWorkingWhenTheUserIsDisabled) {
  ApiClient admin = logged_in("admin");
  const std::string user = unique_name("tokenuser");
  auto uid = create_staff(admin, user, "ett-bra-losenord", json::array({{{"role", "insatsansvarig"}}}));
  ASSERT_NE(uid, 0);
  auto created = admin.post("/api/v1/tokens", {{"username", user}, {"name", "nattlig export"}});
  ASSERT_EQ(created.status, 201) << created.text;
  ApiClient bot = with_bearer(created.body["token"]);
  ASSERT_EQ(bot.get("/api/v1/programmes").status, 200);

  ASSERT_EQ(admin.post("/api/v1/staff/" + std::to_string(uid) + "/disable", json::object()).status, 200);
  EXPECT_TRUE(is_error(bot.get("/api/v1/programmes"), 401, "unauthenticated"));
  // A disabled account cannot get a new token either.
  EXPECT_TRUE(is_error(admin.post("/api/v1/tokens", {{"username", user}, {"name", "ny"}}), 400, "invalid_input",
                       "username"));
}

TEST(Tokens, OnlyTheAdministratorManagesTokens) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  EXPECT_TRUE(is_error(samordnare.get("/api/v1/tokens"), 403, "forbidden"));
  EXPECT_TRUE(is_error(samordnare.post("/api/v1/tokens", {{"username", "samordnare.vastra"}, {"name", "min"}}), 403,
                       "forbidden"));
  ApiClient admin = logged_in("admin");
  auto created = admin.post("/api/v1/tokens", {{"username", "styrgrupp"}, {"name", unique_name("s")}});
  ASSERT_EQ(created.status, 201);
  auto id = created.body["id"].get<std::int64_t>();
  EXPECT_TRUE(is_error(samordnare.del("/api/v1/tokens/" + std::to_string(id)), 403, "forbidden"));
  EXPECT_TRUE(token_row(admin, id)["revoked_at"].is_null());
}

TEST(Tokens, BadTokensAndBadRequestsAreRefused) {
  ApiClient admin = logged_in("admin");
  for (const std::string& t : {std::string("x"), std::string(64, '0'), std::string(64, 'g'), std::string(200, 'a')}) {
    EXPECT_TRUE(is_error(with_bearer(t).get("/api/v1/session"), 401, "unauthenticated")) << t;
  }
  EXPECT_TRUE(is_error(admin.post("/api/v1/tokens", {{"username", unique_name("nobody")}, {"name", "n"}}), 400,
                       "invalid_input", "username"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/tokens", {{"username", "admin"}}), 400, "invalid_input", "name"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/tokens", {{"username", "admin"}, {"name", "  "}}), 400, "invalid_input",
                       "name"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/tokens", {{"username", "admin"}, {"name", std::string(101, 'n')}}), 400,
                       "invalid_input", "name"));
}
