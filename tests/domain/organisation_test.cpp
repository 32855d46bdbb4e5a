#include "domain/organisation.hpp"

#include <gtest/gtest.h>

using namespace stegvis;

TEST(Capacity, TwentyParticipantsPerFullTimePost) {
  Staff s;
  s.roles.push_back({Role::coach, 1, 1, 100});
  EXPECT_EQ(capacity(s), 20);
}
TEST(Capacity, FollowsTheFteShare) {
  Staff s;
  s.roles.push_back({Role::koordinator, 1, 1, 75});
  EXPECT_EQ(capacity(s), 15);
}
TEST(Capacity, OnlyCaseloadRolesCount) {
  Staff s;
  s.roles.push_back({Role::samordnare, 1, std::nullopt, 100});
  s.roles.push_back({Role::coach, 1, 1, 50});
  EXPECT_EQ(capacity(s), 10);
}
TEST(Capacity, CoachAndKoordinatorInOnePersonAddUp) {
  // In small municipalities one person is both koordinator and coach (domain.md §2).
  Staff s;
  s.roles.push_back({Role::coach, 1, 1, 50});
  s.roles.push_back({Role::koordinator, 1, 1, 25});
  EXPECT_EQ(capacity(s), 15);
}
TEST(Capacity, ConfigurablePerFullTime) {
  Staff s;
  s.roles.push_back({Role::coach, 1, 1, 50});
  EXPECT_EQ(capacity(s, 16), 8);
}
TEST(Roles, CodesRoundTrip) {
  for (Role r : all_roles()) EXPECT_EQ(role_from_code(to_code(r)), r);
  EXPECT_FALSE(role_from_code("superuser"));
}
TEST(Roles, AssociationLevelRolesSeeAggregatesOnly) {
  EXPECT_TRUE(sees_aggregates_only(Role::forbundschef));
  EXPECT_TRUE(sees_aggregates_only(Role::styrgrupp));
  EXPECT_TRUE(sees_aggregates_only(Role::insatsansvarig));
  EXPECT_FALSE(sees_aggregates_only(Role::samordnare));
}
