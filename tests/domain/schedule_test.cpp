// Due dates on the participant's path: plan, follow-up, final document, benchmark.
#include "domain/schedule.hpp"

#include <gtest/gtest.h>

using namespace stegvis;

namespace {
const Date kStart{2024, 1, 31};
}

TEST(Schedule, PlanDueThirtyDaysAfterStart) {
  EXPECT_EQ(plan_due(kStart), (Date{2024, 3, 1}));  // through a leap February
  EXPECT_EQ(plan_due(Date{2023, 1, 31}), (Date{2023, 3, 2}));
}
TEST(Schedule, PlanDueFollowsTheRules) {
  ScheduleRules r;
  r.plan_within_days = 14;
  EXPECT_EQ(plan_due(kStart, r), (Date{2024, 2, 14}));
}
TEST(Schedule, FirstFollowUpThreeMonthsAfterStart) {
  EXPECT_EQ(follow_up_due(kStart, std::nullopt, std::nullopt), (Date{2024, 4, 30}));  // clamped to April's end
}
TEST(Schedule, FollowUpThreeMonthsAfterTheLastOne) {
  EXPECT_EQ(follow_up_due(kStart, Date{2024, 11, 15}, std::nullopt), (Date{2025, 2, 15}));
}
TEST(Schedule, EarlierPlannedFollowUpWins) {
  EXPECT_EQ(follow_up_due(kStart, std::nullopt, Date{2024, 3, 1}), (Date{2024, 3, 1}));
  EXPECT_EQ(follow_up_due(kStart, Date{2024, 4, 1}, Date{2024, 5, 1}), (Date{2024, 5, 1}));
}
TEST(Schedule, LaterPlannedFollowUpDoesNotPostponeTheRule) {
  EXPECT_EQ(follow_up_due(kStart, std::nullopt, Date{2024, 6, 1}), (Date{2024, 4, 30}));
}
TEST(Schedule, PlannedDateAlreadyMetByTheLastFollowUpIsIgnored) {
  EXPECT_EQ(follow_up_due(kStart, Date{2024, 4, 1}, Date{2024, 3, 15}), (Date{2024, 7, 1}));
  EXPECT_EQ(follow_up_due(kStart, Date{2024, 4, 1}, Date{2024, 4, 1}), (Date{2024, 7, 1}));
}
TEST(Schedule, FollowUpIntervalFollowsTheRules) {
  ScheduleRules r;
  r.follow_up_every_months = 1;
  EXPECT_EQ(follow_up_due(kStart, std::nullopt, std::nullopt, r), (Date{2024, 2, 29}));
}
TEST(Schedule, FinalReportThreeWeeksAfterExit) {
  EXPECT_EQ(final_report_due(Date{2024, 12, 20}), (Date{2025, 1, 10}));
}
TEST(Schedule, BenchmarkOneYearAfterStart) {
  EXPECT_EQ(benchmark_date(Date{2024, 2, 29}), (Date{2025, 2, 28}));
  EXPECT_EQ(benchmark_date(Date{2024, 6, 15}), (Date{2025, 6, 15}));
}
