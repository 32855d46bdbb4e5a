// Intake eligibility: age range, exclusions and the coordination-parties rule.
#include "domain/eligibility.hpp"

#include <gtest/gtest.h>

using namespace stegvis;

namespace {
EligibilityInput eligible(int age = 30) {
  EligibilityInput in;
  in.age = age;
  return in;
}
std::vector<std::string> rules(const std::vector<RuleFailure>& failures) {
  std::vector<std::string> out;
  for (const auto& f : failures) out.push_back(f.rule);
  return out;
}
}  // namespace

TEST(Eligibility, EligibleGivesNoFailures) { EXPECT_TRUE(check_eligibility(eligible()).empty()); }

TEST(Eligibility, AgeRangeIsInclusive) {
  auto in = eligible();
  in.min_age = 18, in.max_age = 29;
  in.age = 18;
  EXPECT_TRUE(check_eligibility(in).empty());
  in.age = 29;
  EXPECT_TRUE(check_eligibility(in).empty());
  in.max_age = 65, in.age = 65;
  EXPECT_TRUE(check_eligibility(in).empty());
}
TEST(Eligibility, AgeOutsideRangeFails) {
  auto in = eligible();
  in.min_age = 18, in.max_age = 29;
  in.age = 17;
  EXPECT_EQ(rules(check_eligibility(in)), std::vector<std::string>{"age"});
  in.age = 30;
  EXPECT_EQ(rules(check_eligibility(in)), std::vector<std::string>{"age"});
  in.max_age = 65, in.age = 66;
  EXPECT_EQ(rules(check_eligibility(in)), std::vector<std::string>{"age"});
}
TEST(Eligibility, AgeMessageNamesAgeAndRange) {
  auto in = eligible(31);
  in.min_age = 18, in.max_age = 29;
  auto failures = check_eligibility(in);
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].message, "Åldern 31 är utanför inriktningens 18–29 år.");
}
TEST(Eligibility, SubstanceDependenceExcludes) {
  auto in = eligible();
  in.substance_dependence = true;
  EXPECT_EQ(rules(check_eligibility(in)), std::vector<std::string>{"substance_dependence"});
}
TEST(Eligibility, ThreateningBehaviourExcludes) {
  auto in = eligible();
  in.threatening_behaviour = true;
  EXPECT_EQ(rules(check_eligibility(in)), std::vector<std::string>{"threatening_behaviour"});
}
TEST(Eligibility, DeprivationOfLibertyExcludes) {
  auto in = eligible();
  in.imminent_deprivation_of_liberty = true;
  EXPECT_EQ(rules(check_eligibility(in)), std::vector<std::string>{"deprivation_of_liberty"});
}
TEST(Eligibility, IllnessExcludes) {
  auto in = eligible();
  in.illness_prevents_participation = true;
  EXPECT_EQ(rules(check_eligibility(in)), std::vector<std::string>{"illness"});
}
TEST(Eligibility, CoordinationPartiesBelowMinimumFails) {
  auto in = eligible();
  in.min_coordination_parties = 2;
  in.coordination_parties = 1;
  auto failures = check_eligibility(in);
  ASSERT_EQ(rules(failures), std::vector<std::string>{"coordination_parties"});
  EXPECT_NE(failures[0].message.find("1 part"), std::string::npos);
  EXPECT_NE(failures[0].message.find("minst 2 parter"), std::string::npos);
}
TEST(Eligibility, CoordinationPartiesAtMinimumPasses) {
  auto in = eligible();
  in.min_coordination_parties = 2;
  in.coordination_parties = 2;
  EXPECT_TRUE(check_eligibility(in).empty());
}
TEST(Eligibility, MinCoordinationPartiesZeroMeansNoRule) {
  auto in = eligible();
  in.min_coordination_parties = 0;
  in.coordination_parties = 0;
  EXPECT_TRUE(check_eligibility(in).empty());
}
TEST(Eligibility, EveryFailureIsListedInOrder) {
  auto in = eligible(70);
  in.substance_dependence = in.threatening_behaviour = true;
  in.imminent_deprivation_of_liberty = in.illness_prevents_participation = true;
  in.min_coordination_parties = 2;
  EXPECT_EQ(rules(check_eligibility(in)),
            (std::vector<std::string>{"age", "substance_dependence", "threatening_behaviour",
                                      "deprivation_of_liberty", "illness", "coordination_parties"}));
  for (const auto& f : check_eligibility(in)) EXPECT_FALSE(f.message.empty()) << f.rule;
}
