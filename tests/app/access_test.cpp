#include "app/access.hpp"

#include <gtest/gtest.h>

#include "app/services_test_support.hpp"

using namespace stegvis;
using app::Permission;

namespace {
app::Actor actor(Role r, std::optional<Id> unit = std::nullopt) {
  app::Actor a;
  a.user_id = 42;
  a.username = "u";
  a.roles.push_back({r, unit, std::nullopt, 100});
  return a;
}
}  // namespace

TEST(Access, OnlyAdministratorsManageOrganisationStaffAuditAndTokens) {
  for (Permission p : {Permission::manage_organisation, Permission::manage_staff, Permission::view_audit,
                       Permission::manage_tokens}) {
    EXPECT_TRUE(app::allowed(actor(Role::administrator), p));
    for (Role r : {Role::forbundschef, Role::insatsansvarig, Role::styrgrupp, Role::samordnare, Role::coach,
                   Role::koordinator, Role::samverkansteam, Role::utvarderare})
      EXPECT_FALSE(app::allowed(actor(r, 1), p)) << to_code(r);
  }
}

TEST(Access, EveryRoleSeesTheOrganisation) {
  for (Role r : all_roles()) EXPECT_TRUE(app::allowed(actor(r, 1), Permission::view_organisation));
  app::Actor nobody;
  EXPECT_FALSE(app::allowed(nobody, Permission::view_organisation));
}

TEST(Access, UnitRolesSeeOnlyTheirOwnUnitsStaff) {
  for (Role r : {Role::samordnare, Role::coach, Role::koordinator, Role::samverkansteam}) {
    EXPECT_TRUE(app::allowed(actor(r, 1), Permission::view_staff, 1)) << to_code(r);
    EXPECT_FALSE(app::allowed(actor(r, 1), Permission::view_staff, 2)) << to_code(r);
    EXPECT_FALSE(app::allowed(actor(r, 1), Permission::view_staff)) << "all units: " << to_code(r);
  }
}

TEST(Access, AssociationRolesSeeStaffOfEveryUnit) {
  for (Role r : {Role::administrator, Role::forbundschef, Role::insatsansvarig, Role::styrgrupp}) {
    EXPECT_TRUE(app::allowed(actor(r), Permission::view_staff, 2));
    EXPECT_TRUE(app::allowed(actor(r), Permission::view_staff));
  }
}

TEST(Access, EvaluatorsSeeNoStaff) {
  EXPECT_FALSE(app::allowed(actor(Role::utvarderare), Permission::view_staff));
  EXPECT_FALSE(app::allowed(actor(Role::utvarderare), Permission::view_staff, 1));
}

TEST(Access, ADenialIsAuditedAndAnswersForbiddenInSwedish) {
  test::AppFixture f;
  auto coach = actor(Role::coach, 1);
  auto s = app::authorize(f.env(), coach, Permission::manage_staff);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::forbidden);
  EXPECT_NE(s.error().message.find("behörighet"), std::string::npos);
  auto tx = f.t->db->begin(false);
  store::AuditFilter filter;
  filter.action = "access.denied";
  int total = 0;
  auto rows = tx->audit().search(filter, &total);
  ASSERT_EQ(total, 1);
  EXPECT_EQ(rows[0].record_id, "manage_staff");
  EXPECT_EQ(rows[0].user_id, 42);
}
