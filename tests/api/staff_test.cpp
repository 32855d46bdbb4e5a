// Staff: creating a member of staff (who can then log in), updating, disabling
// (their open session stops at once), passwords, and caseload capacity.
#include <gtest/gtest.h>

#include "api/server_fixture.hpp"

using namespace stegvis::test;

namespace {

std::string staff_path(std::int64_t id) { return "/api/v1/staff/" + std::to_string(id); }

struct Demo {
  std::int64_t vastra = 0, norra = 0, katrineholm = 0, flen = 0, eskilstuna = 0, region = 0;
};

Demo demo(ApiClient& admin) {
  Demo d;
  d.vastra = demo_unit_id(admin, "Västra");
  d.norra = demo_unit_id(admin, "Norra");
  d.katrineholm = municipality_id(admin, "Katrineholm");
  d.flen = municipality_id(admin, "Flen");
  d.eskilstuna = municipality_id(admin, "Eskilstuna");
  d.region = party_id(admin, "Region Sörmland");
  EXPECT_TRUE(d.vastra && d.norra && d.katrineholm && d.flen && d.eskilstuna && d.region);
  return d;
}

}  // namespace

TEST(Staff, CreatedPersonCanLogInWithTheirRoles) {
  ApiClient admin = logged_in("admin");
  Demo d = demo(admin);
  const std::string user = unique_name("ny.coach");
  auto r = admin.post("/api/v1/staff",
                      {{"username", user},
                       {"password", "ett-langt-losenord"},
                       {"name", "Åsa Öberg-Ängström"},
                       {"email", user + "@example.se"},
                       {"employing_party_id", d.region},
                       {"roles", {{{"role", "coach"}, {"unit_id", d.vastra}, {"municipality_id", d.flen}, {"fte_pct", 80}}}}});
  ASSERT_EQ(r.status, 201) << r.text;
  const auto id = r.body["id"].get<std::int64_t>();

  auto got = admin.get(staff_path(id));
  ASSERT_EQ(got.status, 200) << got.text;
  EXPECT_EQ(got.body["username"], user);
  EXPECT_EQ(got.body["name"], "Åsa Öberg-Ängström");
  EXPECT_EQ(got.body["email"], user + "@example.se");
  EXPECT_EQ(got.body["employing_party_id"], d.region);
  EXPECT_EQ(got.body["disabled"], false);
  EXPECT_EQ(got.body["roles"], json::array({"coach"}));
  ASSERT_EQ(got.body["assignments"].size(), 1u);
  EXPECT_EQ(got.body["assignments"][0]["unit_id"], d.vastra);
  EXPECT_EQ(got.body["assignments"][0]["municipality_id"], d.flen);
  EXPECT_DOUBLE_EQ(got.body["fte"]["coach"].get<double>(), 80.0);
  EXPECT_EQ(got.body["capacity"], 16);  // 20 × 0.8
  EXPECT_EQ(got.text.find("ett-langt-losenord"), std::string::npos);
  EXPECT_EQ(got.text.find("password"), std::string::npos);

  // They appear in their unit's list.
  bool listed = false;
  for (const auto& s : json(admin.get("/api/v1/staff?unit=" + std::to_string(d.vastra)).body["items"]))
    listed = listed || s["id"] == id;
  EXPECT_TRUE(listed);

  ApiClient c(server().port);
  auto login = c.login(user, "ett-langt-losenord");
  ASSERT_EQ(login.status, 200) << login.text;
  EXPECT_EQ(login.body["roles"], json::array({"coach"}));
  EXPECT_EQ(c.get("/api/v1/staff?unit=" + std::to_string(d.vastra)).status, 200);
  EXPECT_TRUE(is_error(c.get("/api/v1/staff?unit=" + std::to_string(d.norra)), 403, "forbidden"));

  auto audit = audit_entries(admin, "action=staff.create&record_type=staff&record_id=" + std::to_string(id));
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0]["username"], "admin");
  EXPECT_EQ(audit[0]["detail"], user);
}

TEST(Staff, DuplicateUsernameIsAConflict) {
  ApiClient admin = logged_in("admin");
  const std::string user = unique_name("dubblett");
  ASSERT_NE(create_staff(admin, user, "forsta-losenordet", json::array({{{"role", "styrgrupp"}}})), 0);
  auto again = admin.post("/api/v1/staff", {{"username", user},
                                            {"password", "andra-losenordet"},
                                            {"name", "Någon Annan"},
                                            {"roles", {{{"role", "utvarderare"}}}}});
  EXPECT_TRUE(is_error(again, 409, "conflict", "username"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/staff", {{"username", "admin"},
                                                    {"password", "andra-losenordet"},
                                                    {"name", "Falsk admin"},
                                                    {"roles", {{{"role", "administrator"}}}}}),
                       409, "conflict", "username"));
  // The first account is untouched: its own password still works, the second one does not matter.
  ApiClient c(server().port);
  EXPECT_EQ(c.login(user, "forsta-losenordet").status, 200);
  EXPECT_EQ(staff_by_username(admin, user)["name"], "Test " + user);
}

TEST(Staff, InvalidStaffIsRefusedAndLeavesNoAccount) {
  ApiClient admin = logged_in("admin");
  Demo d = demo(admin);
  const std::string user = unique_name("ofullstandig");
  auto attempt = [&](json body, const std::string& field) {
    body["username"] = body.value("username", user);
    if (!body.contains("password")) body["password"] = "ett-langt-losenord";
    if (!body.contains("name")) body["name"] = "Test Person";
    auto r = admin.post("/api/v1/staff", body);
    EXPECT_TRUE(is_error(r, 400, "invalid_input", field)) << body.dump();
  };
  const json coach_vastra = {{"role", "coach"}, {"unit_id", d.vastra}, {"fte_pct", 50}};
  attempt({{"password", "kort"}, {"roles", {coach_vastra}}}, "password");
  attempt({{"roles", json::array()}}, "roles");
  attempt({{"roles", "coach"}}, "roles");
  attempt({{"roles", {{{"role", "chef"}}}}}, "role");
  attempt({{"roles", {{{"role", "coach"}, {"fte_pct", 50}}}}}, "unit_id");  // unit-scoped role without unit
  attempt({{"roles", {{{"role", "koordinator"}, {"unit_id", 999999999}}}}}, "unit_id");
  attempt({{"roles", {{{"role", "coach"}, {"unit_id", d.vastra}, {"municipality_id", d.eskilstuna}}}}}, "municipality_id");
  attempt({{"roles", {{{"role", "styrgrupp"}, {"municipality_id", d.katrineholm}}}}}, "municipality_id");
  attempt({{"roles", {{{"role", "coach"}, {"unit_id", d.vastra}, {"fte_pct", 200.5}}}}}, "fte_pct");
  attempt({{"roles", {{{"role", "coach"}, {"unit_id", d.vastra}, {"fte_pct", -1}}}}}, "fte_pct");
  attempt({{"roles", {{{"role", "coach"}, {"unit_id", d.vastra}, {"fte_pct", "50"}}}}}, "fte_pct");
  // The first role is fine, the second is not: nothing at all is stored.
  attempt({{"roles", {coach_vastra, {{"role", "koordinator"}, {"unit_id", d.norra}, {"municipality_id", d.flen}}}}},
          "municipality_id");
  attempt({{"email", "ingen-snabel-a"}, {"roles", {coach_vastra}}}, "email");
  attempt({{"employing_party_id", 999999999}, {"roles", {coach_vastra}}}, "employing_party_id");
  attempt({{"name", ""}, {"roles", {coach_vastra}}}, "name");
  attempt({{"username", "Stora Bokstäver"}, {"roles", {coach_vastra}}}, "username");
  attempt({{"username", "ab"}, {"roles", {coach_vastra}}}, "username");

  // None of these left an account behind: the username is free and nobody can log in with it.
  EXPECT_TRUE(staff_by_username(admin, user).is_null());
  EXPECT_EQ(create_staff(admin, user, "ett-langt-losenord", json::array({coach_vastra})) != 0, true);
  auto s = staff_by_username(admin, user);
  ASSERT_TRUE(s.is_object());
  EXPECT_EQ(s["assignments"].size(), 1u);
  EXPECT_EQ(s["capacity"], 10);
}

TEST(Staff, UpdateReplacesNameAndRolesAndTakesEffectAtOnce) {
  ApiClient admin = logged_in("admin");
  Demo d = demo(admin);
  const std::string user = unique_name("flyttas");
  auto id = create_staff(admin, user, "ett-langt-losenord",
                         json::array({{{"role", "coach"}, {"unit_id", d.vastra}, {"fte_pct", 100}}}));
  ASSERT_NE(id, 0);
  ApiClient person = logged_in(user, "ett-langt-losenord");
  ASSERT_EQ(person.get("/api/v1/staff?unit=" + std::to_string(d.vastra)).status, 200);

  auto put = admin.put(staff_path(id), {{"username", "admin"},
                                        {"name", "Flyttad Person"},
                                        {"email", "flyttad@example.se"},
                                        {"roles", {{{"role", "koordinator"}, {"unit_id", d.norra}, {"municipality_id", d.eskilstuna}, {"fte_pct", 50}},
                                                   {{"role", "coach"}, {"unit_id", d.norra}, {"fte_pct", 25}}}}});
  ASSERT_EQ(put.status, 200) << put.text;
  auto got = admin.get(staff_path(id));
  EXPECT_EQ(got.body["name"], "Flyttad Person");
  EXPECT_EQ(got.body["username"], user) << "the username cannot be changed by an update";
  EXPECT_EQ(got.body["assignments"].size(), 2u);
  EXPECT_DOUBLE_EQ(got.body["fte"]["koordinator"].get<double>(), 50.0);
  EXPECT_DOUBLE_EQ(got.body["fte"]["coach"].get<double>(), 25.0);
  EXPECT_EQ(got.body["capacity"], 15);  // 20 × 0.75

  // The open session now has the new rights: Norra yes, Västra no.
  EXPECT_EQ(person.get("/api/v1/staff?unit=" + std::to_string(d.norra)).status, 200);
  EXPECT_TRUE(is_error(person.get("/api/v1/staff?unit=" + std::to_string(d.vastra)), 403, "forbidden"));

  EXPECT_TRUE(is_error(admin.put("/api/v1/staff/999999999", {{"name", "x"}, {"roles", {{{"role", "styrgrupp"}}}}}), 404,
                       "not_found"));
  // An invalid update changes nothing.
  EXPECT_TRUE(is_error(admin.put(staff_path(id), {{"name", "Halvvägs"}, {"roles", {{{"role", "coach"}}}}}), 400,
                       "invalid_input", "unit_id"));
  EXPECT_EQ(admin.get(staff_path(id)).body["name"], "Flyttad Person");
  EXPECT_EQ(audit_entries(admin, "action=staff.update&record_id=" + std::to_string(id)).size(), 1u);
}

TEST(Staff, DisablingEndsTheOpenSessionAndBlocksLogin) {
  ApiClient admin = logged_in("admin");
  const std::string user = unique_name("avstangs");
  auto id = create_staff(admin, user, "ett-langt-losenord", json::array({{{"role", "insatsansvarig"}}}));
  ASSERT_NE(id, 0);
  ApiClient person = logged_in(user, "ett-langt-losenord");
  ASSERT_EQ(person.get("/api/v1/programmes").status, 200);

  auto r = admin.post(staff_path(id) + "/disable", json::object());
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_EQ(r.body["disabled"], true);
  EXPECT_TRUE(is_error(person.get("/api/v1/programmes"), 401, "unauthenticated"));
  EXPECT_TRUE(is_error(person.get("/api/v1/session"), 401, "unauthenticated"));
  EXPECT_EQ(admin.get(staff_path(id)).body["disabled"], true);

  ApiClient again(server().port);
  EXPECT_TRUE(is_error(again.login(user, "ett-langt-losenord"), 401, "unauthenticated"));
  auto failed = audit_entries(admin, "action=login.failed&user=" + user);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0]["detail"], "disabled");

  // Enabled again: the person can log in, but the old session stays dead.
  ASSERT_EQ(admin.post(staff_path(id) + "/enable", json::object()).status, 200);
  EXPECT_EQ(again.login(user, "ett-langt-losenord").status, 200);
  EXPECT_TRUE(is_error(person.get("/api/v1/programmes"), 401, "unauthenticated"));

  EXPECT_EQ(audit_entries(admin, "action=staff.disable&record_id=" + std::to_string(id)).size(), 1u);
  EXPECT_EQ(audit_entries(admin, "action=staff.enable&record_id=" + std::to_string(id)).size(), 1u);
  EXPECT_TRUE(is_error(admin.post("/api/v1/staff/999999999/disable", json::object()), 404, "not_found"));
}

TEST(Staff, AdministratorCannotDisableThemself) {
  ApiClient admin = logged_in("admin");
  auto me = admin.get("/api/v1/session").body["user"]["id"].get<std::int64_t>();
  EXPECT_TRUE(is_error(admin.post(staff_path(me) + "/disable", json::object()), 409, "conflict"));
  EXPECT_EQ(admin.get("/api/v1/session").status, 200);
}

TEST(Staff, PasswordChangeEndsSessionsAndTheNewPasswordWorks) {
  ApiClient admin = logged_in("admin");
  const std::string user = unique_name("nyttlosen");
  auto id = create_staff(admin, user, "gamla-losenordet", json::array({{{"role", "utvarderare"}}}));
  ASSERT_NE(id, 0);
  ApiClient person = logged_in(user, "gamla-losenordet");

  EXPECT_TRUE(is_error(admin.put(staff_path(id) + "/password", {{"password", "kort"}}), 400, "invalid_input", "password"));
  EXPECT_EQ(person.get("/api/v1/session").status, 200) << "a refused change leaves the session alone";

  ASSERT_EQ(admin.put(staff_path(id) + "/password", {{"password", "nya-losenordet"}}).status, 200);
  EXPECT_TRUE(is_error(person.get("/api/v1/session"), 401, "unauthenticated"));
  ApiClient c(server().port);
  EXPECT_EQ(c.login(user, "nya-losenordet").status, 200);

  // A person may change their own password, not someone else's.
  ASSERT_EQ(c.put(staff_path(id) + "/password", {{"password", "mitt-eget-losenord"}}).status, 200);
  ApiClient c2(server().port);
  EXPECT_EQ(c2.login(user, "mitt-eget-losenord").status, 200);
  auto coach = staff_by_username(admin, "coach.katrineholm");
  EXPECT_TRUE(is_error(c2.put(staff_path(coach["id"]) + "/password", {{"password", "kapat-losenord"}}), 403, "forbidden"));
}

TEST(Staff, CapacityOfDemoStaff) {
  ApiClient admin = logged_in("admin");
  struct Expect {
    const char* username;
    const char* role;
    double fte;
    int capacity;
  };
  for (const auto& e : {Expect{"coach.katrineholm", "coach", 100, 20}, Expect{"coach.katrineholm2", "coach", 50, 10},
                        Expect{"koordinator.katrineholm", "koordinator", 75, 15},
                        Expect{"koordinator.vingaker", "koordinator", 25, 5},
                        Expect{"koordinator.eskilstuna", "koordinator", 100, 20},
                        Expect{"samordnare.vastra", "samordnare", 100, 0}, Expect{"insatsansvarig", "insatsansvarig", 100, 0}}) {
    auto s = staff_by_username(admin, e.username);
    ASSERT_TRUE(s.is_object()) << e.username;
    EXPECT_EQ(s["roles"], json::array({e.role})) << e.username;
    EXPECT_DOUBLE_EQ(s["fte"][e.role].get<double>(), e.fte) << e.username;
    EXPECT_EQ(s["capacity"], e.capacity) << e.username;
  }
  auto a = staff_by_username(admin, "admin");
  EXPECT_EQ(a["capacity"], 0);
  EXPECT_EQ(a["roles"], json::array({"administrator"}));
}

TEST(Staff, CapacityAddsCaseloadRolesAndRoundsDown) {
  ApiClient admin = logged_in("admin");
  Demo d = demo(admin);
  const std::string user = unique_name("kapacitet");
  auto id = create_staff(admin, user, "ett-langt-losenord",
                         json::array({{{"role", "coach"}, {"unit_id", d.vastra}, {"fte_pct", 33}},
                                      {{"role", "koordinator"}, {"unit_id", d.norra}, {"fte_pct", 30}},
                                      {{"role", "samordnare"}, {"unit_id", d.vastra}, {"fte_pct", 37}}}));
  ASSERT_NE(id, 0);
  auto s = admin.get(staff_path(id)).body;
  EXPECT_EQ(s["capacity"], 12);  // 20 × 0.63 = 12.6 → 12; samordnare carries no caseload
  EXPECT_DOUBLE_EQ(s["fte"]["samordnare"].get<double>(), 37.0);
  // Listed under both units.
  for (auto unit : {d.vastra, d.norra}) {
    bool listed = false;
    for (const auto& x : json(admin.get("/api/v1/staff?unit=" + std::to_string(unit)).body["items"])) listed = listed || x["id"] == id;
    EXPECT_TRUE(listed) << unit;
  }
}

TEST(Staff, UnitListHoldsOnlyThatUnitsStaff) {
  ApiClient admin = logged_in("admin");
  Demo d = demo(admin);
  auto r = admin.get("/api/v1/staff?unit=" + std::to_string(d.vastra));
  ASSERT_EQ(r.status, 200);
  std::set<std::string> names;
  for (const auto& s : r.body["items"]) names.insert(s["username"].get<std::string>());
  EXPECT_EQ(r.body["total"], r.body["items"].size());
  for (const char* u : {"samordnare.vastra", "coach.katrineholm", "coach.flen", "koordinator.vingaker"})
    EXPECT_TRUE(names.count(u)) << u;
  for (const char* u : {"koordinator.eskilstuna", "samordnare.norra", "admin", "coach.nykoping"})
    EXPECT_FALSE(names.count(u)) << u;
  EXPECT_TRUE(is_error(admin.get("/api/v1/staff?unit=999999999"), 404, "not_found"));
  EXPECT_TRUE(is_error(admin.get("/api/v1/staff?unit=abc"), 400, "invalid_input", "unit"));
  EXPECT_TRUE(is_error(admin.get("/api/v1/staff/999999999"), 404, "not_found"));
}
