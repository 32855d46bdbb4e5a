// "Att göra": which items are listed, from when, their due dates, overdue and order.
#include "domain/due_work.hpp"

#include <gtest/gtest.h>

using namespace stegvis;

namespace {
const Date kToday{2025, 6, 15};

EnrolmentSnapshot active(Id id, Date start, bool has_plan = true) {
  EnrolmentSnapshot e;
  e.enrolment_id = id;
  e.label = "D-" + std::to_string(id);
  e.start = start;
  e.has_plan = has_plan;
  return e;
}
EnrolmentSnapshot exited(Id id, Date exit) {
  auto e = active(id, Date{2025, 1, 10});
  e.exit = exit;
  return e;
}
std::vector<DueItem> of_kind(const std::vector<DueItem>& items, const std::string& kind) {
  std::vector<DueItem> out;
  for (const auto& i : items)
    if (i.kind == kind) out.push_back(i);
  return out;
}
std::vector<DueItem> for_enrolment(const EnrolmentSnapshot& e, const std::string& kind) {
  return of_kind(due_work({e}, {}, {}, kToday), kind);
}
}  // namespace

TEST(DueWork, NothingToDoGivesEmptyList) { EXPECT_TRUE(due_work({}, {}, {}, kToday).empty()); }

TEST(DueWork, ReferralDecisionDueFourteenDaysAfterReceived) {
  auto items = due_work({}, {{7, "Remiss 7", Date{2025, 6, 10}}}, {}, kToday);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].kind, "referral_decision");
  EXPECT_EQ(items[0].referral_id, 7);
  EXPECT_EQ(items[0].enrolment_id, 0);
  EXPECT_EQ(items[0].label, "Remiss 7");
  EXPECT_EQ(items[0].due, (Date{2025, 6, 24}));
  EXPECT_FALSE(items[0].overdue);
}
TEST(DueWork, OverdueExactlyOnDueDateIsNotOverdue) {
  auto items = due_work({}, {{1, "R", Date{2025, 6, 1}}}, {}, kToday);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].due, kToday);
  EXPECT_FALSE(items[0].overdue);
}
TEST(DueWork, OverdueTheDayAfterDueDate) {
  auto items = due_work({}, {{1, "R", Date{2025, 5, 31}}}, {}, kToday);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(items[0].overdue);
}
TEST(DueWork, PlanMissingListedFromSevenDaysBeforeDue) {
  auto listed = for_enrolment(active(1, Date{2025, 5, 23}, false), "plan_missing");  // due 06-22
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].due, (Date{2025, 6, 22}));
  EXPECT_FALSE(listed[0].overdue);
  EXPECT_TRUE(for_enrolment(active(1, Date{2025, 5, 24}, false), "plan_missing").empty());  // due 06-23
}
TEST(DueWork, PlanMissingOverdueAfterThirtyDays) {
  auto on_due = for_enrolment(active(1, Date{2025, 5, 16}, false), "plan_missing");
  ASSERT_EQ(on_due.size(), 1u);
  EXPECT_FALSE(on_due[0].overdue);
  auto after_due = for_enrolment(active(1, Date{2025, 5, 15}, false), "plan_missing");
  ASSERT_EQ(after_due.size(), 1u);
  EXPECT_TRUE(after_due[0].overdue);
}
TEST(DueWork, PlanMissingNotListedWithPlan) {
  EXPECT_TRUE(for_enrolment(active(1, Date{2025, 5, 1}, true), "plan_missing").empty());
}
TEST(DueWork, FollowUpListedFromFourteenDaysBeforeDue) {
  auto listed = for_enrolment(active(1, Date{2025, 3, 29}), "follow_up");  // due 06-29
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].due, (Date{2025, 6, 29}));
  EXPECT_FALSE(listed[0].overdue);
  EXPECT_TRUE(for_enrolment(active(1, Date{2025, 3, 30}), "follow_up").empty());  // due 06-30
}
TEST(DueWork, FollowUpCountsFromTheLastFollowUp) {
  auto e = active(1, Date{2024, 12, 1});
  e.last_follow_up = Date{2025, 3, 10};  // due 06-10
  auto listed = for_enrolment(e, "follow_up");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].due, (Date{2025, 6, 10}));
  EXPECT_TRUE(listed[0].overdue);
}
TEST(DueWork, FollowUpUsesEarlierPlannedDate) {
  auto e = active(1, Date{2025, 6, 1});
  e.planned_follow_up = Date{2025, 6, 20};
  auto listed = for_enrolment(e, "follow_up");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].due, (Date{2025, 6, 20}));
}
TEST(DueWork, ExitedEnrolmentHasNoActiveItems) {
  auto e = exited(1, Date{2025, 6, 1});
  e.start = Date{2024, 1, 1};
  e.has_plan = false;
  auto items = due_work({e}, {}, {}, kToday);
  EXPECT_TRUE(of_kind(items, "plan_missing").empty());
  EXPECT_TRUE(of_kind(items, "follow_up").empty());
  EXPECT_TRUE(of_kind(items, "benchmark_passed").empty());
}
TEST(DueWork, FinalReportAlwaysListedAfterExit) {
  auto listed = for_enrolment(exited(3, Date{2025, 6, 14}), "final_report");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].due, (Date{2025, 7, 5}));
  EXPECT_EQ(listed[0].enrolment_id, 3);
  EXPECT_FALSE(listed[0].overdue);
}
TEST(DueWork, FinalReportOverdueAfterThreeWeeks) {
  auto on_due = for_enrolment(exited(3, Date{2025, 5, 25}), "final_report");
  ASSERT_EQ(on_due.size(), 1u);
  EXPECT_FALSE(on_due[0].overdue);
  auto after_due = for_enrolment(exited(3, Date{2025, 5, 24}), "final_report");
  ASSERT_EQ(after_due.size(), 1u);
  EXPECT_TRUE(after_due[0].overdue);
}
TEST(DueWork, FinalReportNotListedWhenSent) {
  auto e = exited(3, Date{2025, 5, 1});
  e.final_report_sent = Date{2025, 5, 10};
  EXPECT_TRUE(due_work({e}, {}, {}, kToday).empty());
}
TEST(DueWork, BenchmarkPassedOnlyAfterBenchmarkDate) {
  EXPECT_TRUE(for_enrolment(active(1, Date{2024, 6, 15}), "benchmark_passed").empty());  // benchmark is today
  auto listed = for_enrolment(active(1, Date{2024, 6, 14}), "benchmark_passed");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].due, (Date{2025, 6, 14}));
  EXPECT_TRUE(listed[0].overdue);
}
TEST(DueWork, OverCapacityWhenCaseloadExceedsCapacity) {
  auto items = due_work({}, {}, {{5, "Anna Coach", 21, 20}, {6, "Full men inte över", 20, 20}}, kToday);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].kind, "over_capacity");
  EXPECT_EQ(items[0].staff_id, 5);
  EXPECT_EQ(items[0].label, "Anna Coach");
  EXPECT_EQ(items[0].due, kToday);
  EXPECT_TRUE(items[0].overdue);
}
TEST(DueWork, SortedByDueThenKindThenId) {
  std::vector<ReferralSnapshot> referrals = {{9, "R9", Date{2025, 6, 1}}, {2, "R2", Date{2025, 6, 1}},
                                             {4, "R4", Date{2025, 5, 20}}};
  std::vector<EnrolmentSnapshot> enrolments = {exited(8, Date{2025, 5, 25})};  // final_report due 06-15
  std::vector<StaffLoad> staff = {{3, "S", 30, 20}};                          // over_capacity due 06-15
  auto items = due_work(enrolments, referrals, staff, kToday);
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].referral_id, 4);  // due 06-03
  EXPECT_EQ(items[1].kind, "final_report");
  EXPECT_EQ(items[2].kind, "over_capacity");
  EXPECT_EQ(items[3].referral_id, 2);
  EXPECT_EQ(items[4].referral_id, 9);
}
TEST(DueWork, RulesArePassedThrough) {
  ScheduleRules r;
  r.final_report_within_days = 7;
  auto items = due_work({exited(1, Date{2025, 6, 1})}, {}, {}, kToday, r);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].due, (Date{2025, 6, 8}));
  EXPECT_TRUE(items[0].overdue);
}
