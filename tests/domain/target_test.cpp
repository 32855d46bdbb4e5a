// Programme targets: validation of the fixed conditions and their evaluation.
#include "domain/target.hpp"

#include <gtest/gtest.h>

using namespace stegvis;

namespace {
const Date kFrom{2024, 1, 1}, kTo{2024, 12, 31};
const std::vector<std::string> kTracks{"arbetsmarknad", "unga"};

Target make(std::string condition, std::string parameter, int pct = 50) {
  Target t;
  t.name = "Mål";
  t.population = "exits";
  t.condition = std::move(condition);
  t.parameter = std::move(parameter);
  t.threshold_pct = pct;
  return t;
}

EnrolmentFacts exit_with(std::string outcome, Date start = {2024, 1, 10}, Date exit = {2024, 6, 1}) {
  EnrolmentFacts f;
  f.start = start;
  f.exit = exit;
  f.outcome = std::move(outcome);
  f.gender = "female";
  f.track = "unga";
  return f;
}
}  // namespace

TEST(TargetRules, OutcomeCodesAreCheckedSortedAndFolded) {
  auto t = make("outcome_in", "studier, Arbete,studier");
  ASSERT_FALSE(normalise_target(t, kTracks));
  EXPECT_EQ(t.parameter, "arbete,studier");
  auto bad = make("outcome_in", "arbete,semester");
  auto e = normalise_target(bad, kTracks);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "parameter");
}

TEST(TargetRules, EveryConditionValidatesItsParameter) {
  auto g = make("gender", "kvinna");
  EXPECT_TRUE(normalise_target(g, kTracks));
  auto tr = make("track", "okänd");
  EXPECT_TRUE(normalise_target(tr, kTracks));
  auto m = make("time_in_programme_max_months", "12 månader");
  EXPECT_TRUE(normalise_target(m, kTracks));
  auto ok = make("time_in_programme_max_months", "12");
  EXPECT_FALSE(normalise_target(ok, kTracks));
  auto goal = make("goal_improvement", "");
  ASSERT_FALSE(normalise_target(goal, kTracks));
  EXPECT_EQ(goal.parameter, "any");
  auto pct = make("gender", "female", 101);
  EXPECT_TRUE(normalise_target(pct, kTracks));
  auto cond = make("happiness", "");
  EXPECT_EQ(normalise_target(cond, kTracks)->field, "condition");
}

TEST(TargetEvaluation, ThresholdComparedExactlyAtLeastAndAtMost) {
  std::vector<EnrolmentFacts> facts = {exit_with("arbete"), exit_with("arbete"), exit_with("arbete"),
                                       exit_with("avbrott"), exit_with("avbrott")};
  std::vector<const EnrolmentFacts*> ptrs;
  for (const auto& f : facts) ptrs.push_back(&f);
  auto t = make("outcome_in", "arbete", 60);
  auto r = evaluate_target(t, ptrs, kFrom, kTo);
  EXPECT_EQ(r.numerator, 3);
  EXPECT_EQ(r.denominator, 5);
  EXPECT_EQ(r.state, TargetState::met);  // 60 % exactly
  t.threshold_pct = 61;
  EXPECT_EQ(evaluate_target(t, ptrs, kFrom, kTo).state, TargetState::not_met);
  t.comparison = "at_most";
  EXPECT_EQ(evaluate_target(t, ptrs, kFrom, kTo).state, TargetState::met);
}

TEST(TargetEvaluation, NoMembersMeansNoData) {
  auto r = evaluate_target(make("gender", "female"), {}, kFrom, kTo);
  EXPECT_EQ(r.state, TargetState::no_data);
  EXPECT_FALSE(r.actual_pct);
}

TEST(TargetEvaluation, TimeInProgrammeUsesExitOrPeriodEnd) {
  auto quick = exit_with("arbete", {2024, 1, 10}, {2024, 7, 10});  // exactly 6 months
  auto slow = exit_with("arbete", {2024, 1, 10}, {2024, 7, 11});
  auto t = make("time_in_programme_max_months", "6");
  auto r = evaluate_target(t, {&quick, &slow}, kFrom, kTo);
  EXPECT_EQ(r.numerator, 1);
  EXPECT_EQ(r.denominator, 2);
}

TEST(TargetEvaluation, PopulationStartsAndActive) {
  EnrolmentFacts old = exit_with("arbete", {2023, 5, 1}, {2024, 2, 1});
  EnrolmentFacts fresh;
  fresh.start = {2024, 3, 1};
  fresh.gender = "male";
  auto t = make("gender", "male");
  t.population = "starts";
  auto r = evaluate_target(t, {&old, &fresh}, kFrom, kTo);
  EXPECT_EQ(r.denominator, 1);
  EXPECT_EQ(r.numerator, 1);
  t.population = "active";
  r = evaluate_target(t, {&old, &fresh}, kFrom, kTo);
  EXPECT_EQ(r.denominator, 2);
}

TEST(TargetDescription, NamesPopulationConditionAndThreshold) {
  auto t = make("outcome_in", "arbete,studier", 60);
  EXPECT_EQ(describe_target(t), "Avslutade i perioden: avslut till Arbete (utan stöd), Studier ≥ 60 %");
}
