#include <gtest/gtest.h>

#include "api/server_fixture.hpp"

using namespace stegvis::test;

TEST(Health, AnswersOkWithoutLogin) {
  ApiClient c(server().port);
  auto r = c.get("/api/v1/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body["status"], "ok");
}

TEST(Health, CarriesSecurityHeaders) {
  ApiClient c(server().port);
  auto r = c.get("/api/v1/health");
  EXPECT_NE(r.header("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.header("Referrer-Policy"), "no-referrer");
}
