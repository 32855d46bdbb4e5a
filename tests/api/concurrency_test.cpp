// Simultaneous requests for the same new name: exactly one wins with 201, the
// others get 409 conflict (never 500), on SQLite and PostgreSQL alike.
#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <thread>

#include "api/server_fixture.hpp"

using namespace stegvis::test;

namespace {

// Sends the same POST from several threads at once; returns how often each status came back.
std::map<int, int> race(ApiClient& c, const std::string& path, const json& body, int threads) {
  std::map<int, int> statuses;
  std::mutex m;
  std::vector<std::thread> ts;
  for (int i = 0; i < threads; ++i)
    ts.emplace_back([&] {
      ApiClient mine = c;  // same session, own connection
      auto r = mine.post(path, body);
      std::lock_guard<std::mutex> lock(m);
      ++statuses[r.status];
    });
  for (auto& t : ts) t.join();
  return statuses;
}

}  // namespace

TEST(Concurrency, SameNewPartyAtOnceGivesOneCreatedAndConflictsOnly) {
  ApiClient admin = logged_in("admin");
  const std::string name = unique_name("Samtidig part");
  auto statuses = race(admin, "/api/v1/parties", {{"name", name}, {"kind", "annan"}}, 6);
  EXPECT_EQ(statuses[201], 1);
  EXPECT_EQ(statuses[409], 5);
  int stored = 0;
  for (const auto& p : json(admin.get("/api/v1/parties").body["items"])) stored += p["name"] == name;
  EXPECT_EQ(stored, 1);
  EXPECT_TRUE(server_alive());
}

TEST(Concurrency, SameNewUsernameAtOnceGivesOneAccount) {
  ApiClient admin = logged_in("admin");
  const std::string user = unique_name("samtidig");
  auto statuses = race(admin, "/api/v1/staff",
                       {{"username", user}, {"password", "ett-langt-losenord"}, {"name", "Samtidig Person"},
                        {"roles", {{{"role", "styrgrupp"}}}}},
                       4);
  EXPECT_EQ(statuses[201], 1);
  EXPECT_EQ(statuses[409], 3);
  EXPECT_TRUE(staff_by_username(admin, user).is_object());
  // The audit chain stays whole under concurrent writers.
  std::string out;
  EXPECT_EQ(run_stegvis({"audit", "verify", "--db", server().db_url}, &out), 0) << out;
}
