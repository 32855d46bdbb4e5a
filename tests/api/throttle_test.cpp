// Failed-login throttling: five failures on one username lock it (429), even
// for the right password, without locking anyone else out.
//
// Budget: all tests share 127.0.0.1, which is locked after 20 failures in 15
// minutes. This file spends 5; the whole binary stays well below 20.
#include <gtest/gtest.h>

#include "api/server_fixture.hpp"

using namespace stegvis::test;

TEST(Throttling, FiveFailuresLockTheAccountEvenForTheRightPassword) {
  ApiClient admin = logged_in("admin");
  const std::string user = unique_name("throttled");
  const std::string password = "korrekt-losenord";
  ASSERT_NE(create_staff(admin, user, password, json::array({{{"role", "styrgrupp"}}})), 0);

  ApiClient c(server().port);
  for (int i = 1; i <= 5; ++i)
    EXPECT_TRUE(is_error(c.login(user, "fel-losenord-" + std::to_string(i)), 401, "unauthenticated")) << "attempt " << i;

  auto locked = c.login(user, password);
  EXPECT_TRUE(is_error(locked, 429, "too_many_requests"));
  EXPECT_EQ(locked.header("Set-Cookie"), "");
  EXPECT_TRUE(c.cookie.empty());

  // Only that username is locked: others on the same address still log in.
  ApiClient other(server().port);
  EXPECT_EQ(other.login("utvarderare").status, 200);

  // The lock is audited, and the failures before it too.
  auto throttled = audit_entries(admin, "action=login.throttled&user=" + user);
  ASSERT_EQ(throttled.size(), 1u);
  EXPECT_EQ(throttled[0]["record_id"], user);
  EXPECT_EQ(throttled[0]["address"], "127.0.0.1");
  EXPECT_EQ(audit_entries(admin, "action=login.failed&user=" + user).size(), 5u);
  EXPECT_TRUE(audit_entries(admin, "action=login&user=" + user).empty());
}
