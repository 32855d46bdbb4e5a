#include <gtest/gtest.h>

#include "app/demo.hpp"
#include "app/services_test_support.hpp"

using namespace stegvis;

namespace {
struct StaffRules : ::testing::Test {
  test::AppFixture f;
  Id unit = 0, other_unit = 0, katrineholm = 0, nykoping = 0;
  void SetUp() override {
    ASSERT_TRUE(app::load_demo(f.env()));
    auto tx = f.t->db->begin(false);
    for (const auto& u : tx->organisation().units()) {
      if (u.name == "Västra") unit = u.id;
      if (u.name == "Södra") other_unit = u.id;
    }
    katrineholm = tx->organisation().municipality_by_name("Katrineholm")->id;
    nykoping = tx->organisation().municipality_by_name("Nyköping")->id;
  }
  Staff coach(const std::string& username) {
    Staff s;
    s.username = username;
    s.name = "Ny Coach";
    s.roles = {{Role::coach, unit, katrineholm, 100}};
    return s;
  }
};
}  // namespace

TEST_F(StaffRules, AnAdministratorAddsACoachWhoCanLogIn) {
  auto id = f.services->staff.create(f.admin, coach("ny.coach"), "ett-bra-lösenord");
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_TRUE(f.services->auth.login("ny.coach", "ett-bra-lösenord", "x"));
}

TEST_F(StaffRules, AUnitRoleNeedsAUnit) {
  Staff s = coach("utan.enhet");
  s.roles[0].unit_id.reset();
  s.roles[0].municipality_id.reset();
  auto r = f.services->staff.create(f.admin, s, "ett-bra-lösenord");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "unit_id");
}

TEST_F(StaffRules, TheMunicipalityMustBelongToTheUnit) {
  Staff s = coach("fel.kommun");
  s.roles[0].municipality_id = nykoping;
  auto r = f.services->staff.create(f.admin, s, "ett-bra-lösenord");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "municipality_id");
}

TEST_F(StaffRules, UsernamesAreUnique) {
  auto r = f.services->staff.create(f.admin, coach("coach.katrineholm"), "ett-bra-lösenord");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
}

TEST_F(StaffRules, FteMustBeBetweenZeroAndTwoHundred) {
  Staff s = coach("for.mycket");
  s.roles[0].fte_pct = 250;
  EXPECT_EQ(f.services->staff.create(f.admin, s, "ett-bra-lösenord").error().field, "fte_pct");
}

TEST_F(StaffRules, ACoachCannotAddStaff) {
  app::Actor c;
  c.user_id = 99;
  c.username = "coach";
  c.roles = {{Role::coach, unit, katrineholm, 100}};
  auto r = f.services->staff.create(c, coach("x.y"), "ett-bra-lösenord");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::forbidden);
}

TEST_F(StaffRules, ACoachSeesColleaguesInTheUnitButNotOthers) {
  app::Actor c;
  c.user_id = 99;
  c.username = "coach";
  c.roles = {{Role::coach, unit, katrineholm, 100}};
  auto mine = f.services->staff.list(c, unit);
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->size(), 8u);  // Västra: 4 coaches, 3 koordinatorer, 1 samordnare in the demo
  EXPECT_EQ(f.services->staff.list(c, other_unit).error().code, ErrorCode::forbidden);
}

TEST_F(StaffRules, NobodyDisablesTheirOwnAccount) {
  auto tx = f.t->db->begin(false);
  auto admin = tx->staff().by_username("admin");
  tx.reset();
  app::Actor a = f.admin;
  a.user_id = admin->id;
  EXPECT_EQ(f.services->staff.set_disabled(a, admin->id, true).error().code, ErrorCode::conflict);
}
