// Access control: who sees which unit's staff, who may manage staff, and that
// every refusal is written to the audit log.
#include <gtest/gtest.h>

#include <set>

#include "api/server_fixture.hpp"

using namespace stegvis::test;

namespace {

std::string unit_query(std::int64_t unit) { return "/api/v1/staff?unit=" + std::to_string(unit); }

std::set<std::string> usernames(const json& items) {
  std::set<std::string> out;
  for (const auto& s : items) out.insert(s["username"].get<std::string>());
  return out;
}

// Denials by this user with this detail, newest first.
std::size_t denials(ApiClient& admin, const std::string& username, const std::string& detail) {
  std::size_t n = 0;
  for (const auto& e : audit_entries(admin, "action=access.denied&limit=500&user=" + username))
    if (e["detail"] == detail) ++n;
  return n;
}

}  // namespace

TEST(Access, CoachAskingForAnotherUnitsStaffIsRefusedAndAudited) {
  ApiClient admin = logged_in("admin");
  const auto norra = demo_unit_id(admin, "Norra");
  ASSERT_NE(norra, 0);
  const std::string detail = "unit " + std::to_string(norra);
  const auto before = denials(admin, "coach.katrineholm", detail);

  ApiClient coach = logged_in("coach.katrineholm");
  auto r = coach.get(unit_query(norra));
  EXPECT_TRUE(is_error(r, 403, "forbidden"));
  EXPECT_FALSE(r.text.find("eskilstuna") != std::string::npos) << "no staff data in the refusal";

  EXPECT_EQ(denials(admin, "coach.katrineholm", detail), before + 1);
  auto latest = audit_entries(admin, "action=access.denied&user=coach.katrineholm&limit=1");
  ASSERT_EQ(latest.size(), 1u);
  EXPECT_EQ(latest[0]["record_type"], "permission");
  EXPECT_EQ(latest[0]["record_id"], "view_staff");
  EXPECT_EQ(latest[0]["detail"], detail);
  EXPECT_EQ(latest[0]["address"], "127.0.0.1");
  EXPECT_EQ(latest[0]["user_id"], staff_by_username(admin, "coach.katrineholm")["id"]);
}

TEST(Access, CoachSeesOwnUnitAndColleaguesButNotOthers) {
  ApiClient admin = logged_in("admin");
  const auto vastra = demo_unit_id(admin, "Västra");
  ApiClient coach = logged_in("coach.katrineholm");
  auto own = coach.get(unit_query(vastra));
  ASSERT_EQ(own.status, 200) << own.text;
  auto names = usernames(own.body["items"]);
  EXPECT_TRUE(names.count("coach.katrineholm"));
  EXPECT_TRUE(names.count("samordnare.vastra"));
  EXPECT_FALSE(names.count("koordinator.eskilstuna"));

  // Without a unit the coach would see everyone: refused.
  EXPECT_TRUE(is_error(coach.get("/api/v1/staff"), 403, "forbidden"));
  // One person: self and colleagues yes, people of other units no.
  auto self = staff_by_username(admin, "coach.katrineholm");
  auto colleague = staff_by_username(admin, "koordinator.flen");
  auto stranger = staff_by_username(admin, "koordinator.eskilstuna");
  auto administrator = staff_by_username(admin, "admin");
  EXPECT_EQ(coach.get("/api/v1/staff/" + std::to_string(self["id"].get<std::int64_t>())).status, 200);
  EXPECT_EQ(coach.get("/api/v1/staff/" + std::to_string(colleague["id"].get<std::int64_t>())).status, 200);
  EXPECT_TRUE(is_error(coach.get("/api/v1/staff/" + std::to_string(stranger["id"].get<std::int64_t>())), 403, "forbidden"));
  EXPECT_TRUE(is_error(coach.get("/api/v1/staff/" + std::to_string(administrator["id"].get<std::int64_t>())), 403, "forbidden"));
}

TEST(Access, KoordinatorInNorraCannotSeeVastra) {
  ApiClient admin = logged_in("admin");
  const auto vastra = demo_unit_id(admin, "Västra"), norra = demo_unit_id(admin, "Norra");
  ApiClient k = logged_in("koordinator.eskilstuna");
  EXPECT_EQ(k.get(unit_query(norra)).status, 200);
  EXPECT_TRUE(is_error(k.get(unit_query(vastra)), 403, "forbidden"));
}

TEST(Access, SamordnareSeesOnlyTheirUnit) {
  ApiClient admin = logged_in("admin");
  ApiClient s = logged_in("samordnare.vastra");
  EXPECT_EQ(s.get(unit_query(demo_unit_id(admin, "Västra"))).status, 200);
  EXPECT_TRUE(is_error(s.get(unit_query(demo_unit_id(admin, "Södra"))), 403, "forbidden"));
  EXPECT_TRUE(is_error(s.get(unit_query(demo_unit_id(admin, "Norra"))), 403, "forbidden"));
}

TEST(Access, StyrgruppAndInsatsansvarigSeeAllUnits) {
  ApiClient admin = logged_in("admin");
  for (const char* who : {"styrgrupp", "insatsansvarig"}) {
    ApiClient c = logged_in(who);
    for (const char* unit : {"Västra", "Södra", "Norra"}) {
      auto r = c.get(unit_query(demo_unit_id(admin, unit)));
      EXPECT_EQ(r.status, 200) << who << " " << unit;
      EXPECT_FALSE(r.body["items"].empty()) << who << " " << unit;
    }
    auto all = c.get("/api/v1/staff");
    ASSERT_EQ(all.status, 200) << who;
    auto names = usernames(all.body["items"]);
    EXPECT_TRUE(names.count("coach.katrineholm") && names.count("koordinator.eskilstuna") && names.count("admin")) << who;
    auto other = staff_by_username(admin, "koordinator.eskilstuna");
    EXPECT_EQ(c.get("/api/v1/staff/" + std::to_string(other["id"].get<std::int64_t>())).status, 200) << who;
    // Seeing is not managing.
    EXPECT_TRUE(is_error(c.post("/api/v1/staff", {{"username", unique_name("x")}, {"password", "ett-langt-losenord"},
                                                  {"name", "X"}, {"roles", {{{"role", "styrgrupp"}}}}}),
                         403, "forbidden"))
        << who;
    EXPECT_TRUE(is_error(c.get("/api/v1/audit"), 403, "forbidden")) << who;
  }
}

TEST(Access, UtvarderareSeesNoStaff) {
  ApiClient admin = logged_in("admin");
  ApiClient u = logged_in("utvarderare");
  EXPECT_TRUE(is_error(u.get("/api/v1/staff"), 403, "forbidden"));
  for (const char* unit : {"Västra", "Södra", "Norra"})
    EXPECT_TRUE(is_error(u.get(unit_query(demo_unit_id(admin, unit))), 403, "forbidden")) << unit;
  auto someone = staff_by_username(admin, "coach.katrineholm");
  EXPECT_TRUE(is_error(u.get("/api/v1/staff/" + std::to_string(someone["id"].get<std::int64_t>())), 403, "forbidden"));
  // The organisation itself is readable.
  EXPECT_EQ(u.get("/api/v1/programmes").status, 200);
  EXPECT_FALSE(audit_entries(admin, "action=access.denied&user=utvarderare").empty());
}

TEST(Access, CoachCannotManageStaffNorRaiseTheirOwnRights) {
  ApiClient admin = logged_in("admin");
  const auto vastra = demo_unit_id(admin, "Västra");
  const auto denied_before = denials(admin, "coach.katrineholm", "");
  ApiClient coach = logged_in("coach.katrineholm");
  const std::string user = unique_name("smuggel");
  auto r = coach.post("/api/v1/staff", {{"username", user},
                                        {"password", "ett-langt-losenord"},
                                        {"name", "Smugglad Admin"},
                                        {"roles", {{{"role", "administrator"}}}}});
  EXPECT_TRUE(is_error(r, 403, "forbidden"));
  EXPECT_TRUE(staff_by_username(admin, user).is_null());
  ApiClient nobody(server().port);
  EXPECT_EQ(nobody.login(user, "ett-langt-losenord").status, 401);

  auto self = staff_by_username(admin, "coach.katrineholm");
  const std::string me = "/api/v1/staff/" + std::to_string(self["id"].get<std::int64_t>());
  auto put = coach.put(me, {{"name", self["name"]}, {"roles", {{{"role", "administrator"}}}}});
  EXPECT_TRUE(is_error(put, 403, "forbidden"));
  EXPECT_EQ(admin.get(me).body["roles"], json::array({"coach"}));
  EXPECT_EQ(coach.get("/api/v1/session").body["roles"], json::array({"coach"}));

  auto colleague = staff_by_username(admin, "coach.flen");
  const std::string other = "/api/v1/staff/" + std::to_string(colleague["id"].get<std::int64_t>());
  EXPECT_TRUE(is_error(coach.post(other + "/disable", json::object()), 403, "forbidden"));
  EXPECT_EQ(admin.get(other).body["disabled"], false);
  EXPECT_TRUE(is_error(coach.get("/api/v1/audit"), 403, "forbidden"));
  EXPECT_TRUE(is_error(coach.post("/api/v1/programmes/" + std::to_string(demo_programme_id(admin)) + "/units",
                                  {{"name", unique_name("Egen")}}),
                       403, "forbidden"));
  EXPECT_EQ(coach.get(unit_query(vastra)).status, 200);
  // Five refusals above (create, update, disable, audit, unit), each one audited.
  EXPECT_EQ(denials(admin, "coach.katrineholm", ""), denied_before + 5);
}
