// The audit log: what this test does shows up when searched, the filters work,
// only the administrator may search, and the hash chain verifies with the CLI.
#include <gtest/gtest.h>

#include <regex>

#include "api/server_fixture.hpp"

using namespace stegvis::test;

TEST(Audit, FindsTheEntriesThisTestCaused) {
  ApiClient admin = logged_in("admin");
  const std::string user = unique_name("granskad");
  const auto uid = create_staff(admin, user, "ett-langt-losenord", json::array({{{"role", "styrgrupp"}}}));
  ASSERT_NE(uid, 0);
  ApiClient person = logged_in(user, "ett-langt-losenord");
  ASSERT_EQ(person.del("/api/v1/session").status, 200);
  auto party = admin.post("/api/v1/parties", {{"name", unique_name("Granskad part")}, {"kind", "annan"}});
  ASSERT_EQ(party.status, 201);
  const auto pid = party.body["id"].get<std::int64_t>();

  // By user: the person's login and logout, newest first.
  auto mine = audit_entries(admin, "user=" + user);
  ASSERT_EQ(mine.size(), 2u) << mine.dump();
  EXPECT_EQ(mine[0]["action"], "logout");
  EXPECT_EQ(mine[1]["action"], "login");
  EXPECT_GT(mine[0]["id"].get<std::int64_t>(), mine[1]["id"].get<std::int64_t>());
  for (const auto& e : mine) {
    EXPECT_EQ(e["user_id"], uid);
    EXPECT_EQ(e["username"], user);
    EXPECT_EQ(e["record_type"], "user");
    EXPECT_EQ(e["record_id"], std::to_string(uid));
    EXPECT_EQ(e["address"], "127.0.0.1");
    EXPECT_TRUE(std::regex_match(e["hash"].get<std::string>(), std::regex("[0-9a-f]{64}")));
    EXPECT_TRUE(std::regex_match(e["at"].get<std::string>(),
                                 std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00)")));
  }

  // By record: the staff creation and the party creation, by admin.
  auto created = audit_entries(admin, "record_type=staff&record_id=" + std::to_string(uid));
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(created[0]["action"], "staff.create");
  EXPECT_EQ(created[0]["username"], "admin");
  auto p = audit_entries(admin, "action=party.create&record_type=party&record_id=" + std::to_string(pid));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0]["username"], "admin");
  // Filters combine: the wrong action finds nothing.
  EXPECT_TRUE(audit_entries(admin, "action=party.update&record_type=party&record_id=" + std::to_string(pid)).empty());
}

TEST(Audit, FailedLoginIsRecordedWithoutThePassword) {
  ApiClient admin = logged_in("admin");
  const std::string nobody = unique_name("okand");
  ApiClient c(server().port);
  ASSERT_EQ(c.login(nobody, "hemligt-felaktigt-losenord").status, 401);
  auto r = admin.get("/api/v1/audit?action=login.failed&user=" + nobody);
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.body["items"].size(), 1u);
  EXPECT_EQ(r.body["total"], 1);
  EXPECT_TRUE(r.body["items"][0]["user_id"].is_null());
  EXPECT_EQ(r.body["items"][0]["record_id"], nobody);
  EXPECT_EQ(r.text.find("hemligt-felaktigt-losenord"), std::string::npos);
}

TEST(Audit, DateLimitAndOffsetFilters) {
  ApiClient admin = logged_in("admin");
  const std::string user = unique_name("datum");
  ASSERT_NE(create_staff(admin, user, "ett-langt-losenord", json::array({{{"role", "styrgrupp"}}})), 0);
  for (int i = 0; i < 3; ++i) ASSERT_EQ(logged_in(user, "ett-langt-losenord").cookie.empty(), false);

  auto all = audit_entries(admin, "action=login&user=" + user);
  ASSERT_EQ(all.size(), 3u);
  // From the day of the first to the day of the last (the same day unless run at midnight UTC).
  const std::string first = all[2]["at"].get<std::string>().substr(0, 10);
  const std::string last = all[0]["at"].get<std::string>().substr(0, 10);
  EXPECT_EQ(audit_entries(admin, "action=login&user=" + user + "&from=" + first + "&to=" + last).size(), 3u);
  EXPECT_EQ(audit_entries(admin, "action=login&user=" + user + "&from=" + first).size(), 3u);
  EXPECT_TRUE(audit_entries(admin, "action=login&user=" + user + "&to=2000-01-01").empty());
  EXPECT_TRUE(audit_entries(admin, "action=login&user=" + user + "&from=2199-01-01").empty());

  auto page = admin.get("/api/v1/audit?action=login&user=" + user + "&limit=2");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body["items"].size(), 2u);
  EXPECT_EQ(page.body["total"], 3) << "total counts all matches, not the page";
  auto rest = admin.get("/api/v1/audit?action=login&user=" + user + "&limit=2&offset=2");
  ASSERT_EQ(rest.body["items"].size(), 1u);
  EXPECT_EQ(rest.body["items"][0]["id"], all[2]["id"]);

  // Paging outside its bounds is refused with the bound, not silently clamped.
  for (const char* q : {"limit=0", "limit=501", "limit=abc", "limit=-5"})
    EXPECT_TRUE(is_error(admin.get(std::string("/api/v1/audit?") + q), 400, "invalid_input", "limit")) << q;
  EXPECT_TRUE(is_error(admin.get("/api/v1/audit?offset=-1"), 400, "invalid_input", "offset"));
  EXPECT_EQ(admin.get("/api/v1/audit?limit=500&offset=0").status, 200);
  EXPECT_TRUE(is_error(admin.get("/api/v1/audit?from=2024-13-01"), 400, "invalid_input", "from"));
  EXPECT_TRUE(is_error(admin.get("/api/v1/audit?to=yesterday"), 400, "invalid_input", "to"));
  EXPECT_TRUE(is_error(admin.get("/api/v1/audit?from=2024-05-02&to=2024-05-01"), 400, "invalid_input", "to"));
  EXPECT_TRUE(is_error(admin.get("/api/v1/audit?user=" + std::string(101, 'u')), 400, "invalid_input"));
  // Injection in a filter is only a string that matches nothing.
  auto inj = admin.get("/api/v1/audit?user=%27%20OR%20%271%27%3D%271");
  ASSERT_EQ(inj.status, 200);
  EXPECT_EQ(inj.body["total"], 0);
}

TEST(Audit, OnlyTheAdministratorMaySearchAndRefusalsAreLogged) {
  ApiClient admin = logged_in("admin");
  for (const char* who : {"insatsansvarig", "samordnare.vastra", "utvarderare"}) {
    ApiClient c = logged_in(who);
    const auto before = audit_entries(admin, std::string("action=access.denied&record_id=view_audit&user=") + who).size();
    EXPECT_TRUE(is_error(c.get("/api/v1/audit"), 403, "forbidden")) << who;
    EXPECT_EQ(audit_entries(admin, std::string("action=access.denied&record_id=view_audit&user=") + who).size(), before + 1)
        << who;
  }
}

TEST(Audit, SearchingIsItselfAudited) {
  ApiClient admin = logged_in("admin");
  const std::string marker = unique_name("sokt");
  ASSERT_EQ(admin.get("/api/v1/audit?user=" + marker).status, 200);
  auto searches = audit_entries(admin, "action=audit.search&user=admin&limit=5");
  bool found = false;
  for (const auto& e : searches) found = found || e["detail"] == "user " + marker;
  EXPECT_TRUE(found) << searches.dump();
}

TEST(Audit, ChainVerifiesWithTheCli) {
  ApiClient admin = logged_in("admin");
  // Some fresh entries first, so there is something of this test in the chain.
  ASSERT_EQ(admin.post("/api/v1/parties", {{"name", unique_name("Kedja")}, {"kind", "annan"}}).status, 201);
  auto total = admin.get("/api/v1/audit?limit=1").body["total"].get<long>();
  std::string out;
  int rc = run_stegvis({"audit", "verify", "--db", server().db_url}, &out);
  EXPECT_EQ(rc, 0) << out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(out, m, std::regex(R"(audit log ok: (\d+) entries)"))) << out;
  EXPECT_GE(std::stol(m[1].str()), total);
}
