#include <gtest/gtest.h>

#include "app/services_test_support.hpp"

using namespace stegvis;

namespace {
struct Auth : ::testing::Test {
  test::AppFixture f;
  Id user = 0;
  void SetUp() override {
    ASSERT_TRUE(f.services->organisation.save_association(f.admin, {0, "Förbundet", ""}));
    Staff s;
    s.username = "anna";
    s.name = "Anna";
    s.roles = {{Role::administrator, std::nullopt, std::nullopt, 0}};
    auto r = f.services->staff.create(f.admin, s, "rätt-lösenord-1");
    ASSERT_TRUE(r) << r.error().message;
    user = *r;
  }
};
}  // namespace

TEST_F(Auth, LoginWithTheRightPasswordGivesASessionAndCsrfToken) {
  auto r = f.services->auth.login("anna", "rätt-lösenord-1", "10.0.0.1");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->session_token.size(), 64u);
  EXPECT_EQ(r->csrf_token.size(), 64u);
  auto s = f.services->auth.session(r->session_token, "10.0.0.1");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->actor.username, "anna");
  EXPECT_EQ(s->csrf_token, r->csrf_token);
}

TEST_F(Auth, EachLoginGetsANewSessionId) {
  auto a = f.services->auth.login("anna", "rätt-lösenord-1", "x");
  auto b = f.services->auth.login("anna", "rätt-lösenord-1", "x");
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->session_token, b->session_token);
}

TEST_F(Auth, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  auto a = f.services->auth.login("anna", "fel-lösenord", "x");
  auto b = f.services->auth.login("ingen", "fel-lösenord", "x");
  ASSERT_FALSE(a);
  ASSERT_FALSE(b);
  EXPECT_EQ(a.error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(a.error().message, b.error().message);
}

TEST_F(Auth, FiveFailuresLockTheAccountForTheWindow) {
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(f.services->auth.login("anna", "fel", "a" + std::to_string(i)));
  auto locked = f.services->auth.login("anna", "rätt-lösenord-1", "other");
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, ErrorCode::too_many_requests);
  f.clock += 16 * 60;  // the window has passed
  EXPECT_TRUE(f.services->auth.login("anna", "rätt-lösenord-1", "other"));
}

TEST_F(Auth, TwentyFailuresFromOneAddressLockThatAddress) {
  for (int i = 0; i < 20; ++i) (void)f.services->auth.login("nobody" + std::to_string(i), "fel", "6.6.6.6");
  auto r = f.services->auth.login("anna", "rätt-lösenord-1", "6.6.6.6");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::too_many_requests);
  EXPECT_TRUE(f.services->auth.login("anna", "rätt-lösenord-1", "7.7.7.7"));
}

TEST_F(Auth, IdleSessionsExpire) {
  auto r = f.services->auth.login("anna", "rätt-lösenord-1", "x");
  ASSERT_TRUE(r);
  f.clock += 29 * 60;
  EXPECT_TRUE(f.services->auth.session(r->session_token, "x"));  // touches it
  f.clock += 29 * 60;
  EXPECT_TRUE(f.services->auth.session(r->session_token, "x"));
  f.clock += 31 * 60;
  auto expired = f.services->auth.session(r->session_token, "x");
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code, ErrorCode::unauthenticated);
}

TEST_F(Auth, LogoutEndsTheSession) {
  auto r = f.services->auth.login("anna", "rätt-lösenord-1", "x");
  ASSERT_TRUE(r);
  f.services->auth.logout(r->session_token, r->actor);
  EXPECT_FALSE(f.services->auth.session(r->session_token, "x"));
}

TEST_F(Auth, DisablingAnAccountEndsItsSessionsAndBlocksLogin) {
  auto r = f.services->auth.login("anna", "rätt-lösenord-1", "x");
  ASSERT_TRUE(r);
  ASSERT_TRUE(f.services->staff.set_disabled(f.admin, user, true));
  EXPECT_FALSE(f.services->auth.session(r->session_token, "x"));
  EXPECT_FALSE(f.services->auth.login("anna", "rätt-lösenord-1", "x"));
}

TEST_F(Auth, BearerTokensWorkUntilRevoked) {
  auto t = f.services->auth.create_token(f.admin, "anna", "Kommunens system");
  ASSERT_TRUE(t) << t.error().message;
  auto b = f.services->auth.bearer(t->token, "x");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->actor.username, "anna");
  EXPECT_TRUE(b->csrf_token.empty());
  ASSERT_TRUE(f.services->auth.revoke_token(f.admin, t->id));
  EXPECT_FALSE(f.services->auth.bearer(t->token, "x"));
  EXPECT_EQ(f.services->auth.revoke_token(f.admin, t->id).error().code, ErrorCode::conflict);
}

TEST_F(Auth, GarbageTokensAreRefused) {
  EXPECT_FALSE(f.services->auth.session("", "x"));
  EXPECT_FALSE(f.services->auth.session(std::string(64, 'a'), "x"));
  EXPECT_FALSE(f.services->auth.bearer("short", "x"));
}
