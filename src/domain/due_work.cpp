// "Att göra": the due work of one person from snapshots of their enrolments,
// referrals and staff loads. Pure: today is passed in; the rules are in due_work.hpp.
#include "domain/due_work.hpp"

#include <algorithm>
#include <tuple>

namespace stegvis {

namespace {

constexpr int kReferralDecisionDays = 14;
constexpr int kPlanListedDaysBefore = 7;
constexpr int kFollowUpListedDaysBefore = 14;

DueItem enrolment_item(const char* kind, const EnrolmentSnapshot& e, const Date& due, const Date& today) {
  DueItem item;
  item.kind = kind;
  item.enrolment_id = e.enrolment_id;
  item.label = e.label;
  item.due = due;
  item.overdue = today > due;
  return item;
}

// Listed from `days_before` the due date on (and after it).
bool within(const Date& due, const Date& today, int days_before) { return days_between(today, due) <= days_before; }

void add_active(const EnrolmentSnapshot& e, const Date& today, const ScheduleRules& rules,
                std::vector<DueItem>& out) {
  const Date plan = plan_due(e.start, rules);
  if (!e.has_plan && within(plan, today, kPlanListedDaysBefore))
    out.push_back(enrolment_item("plan_missing", e, plan, today));
  const Date follow_up = follow_up_due(e.start, e.last_follow_up, e.planned_follow_up, rules);
  if (within(follow_up, today, kFollowUpListedDaysBefore))
    out.push_back(enrolment_item("follow_up", e, follow_up, today));
  const Date benchmark = benchmark_date(e.start, rules);
  if (today > benchmark) out.push_back(enrolment_item("benchmark_passed", e, benchmark, today));
}

void add_enrolment(const EnrolmentSnapshot& e, const Date& today, const ScheduleRules& rules,
                   std::vector<DueItem>& out) {
  if (!e.exit) {
    add_active(e, today, rules, out);
    return;
  }
  if (!e.final_report_sent) out.push_back(enrolment_item("final_report", e, final_report_due(*e.exit, rules), today));
}

DueItem referral_item(const ReferralSnapshot& r, const Date& today) {
  DueItem item;
  item.kind = "referral_decision";
  item.referral_id = r.referral_id;
  item.label = r.label;
  item.due = add_days(r.received, kReferralDecisionDays);
  item.overdue = today > item.due;
  return item;
}

DueItem capacity_item(const StaffLoad& s, const Date& today) {
  DueItem item;
  item.kind = "over_capacity";
  item.staff_id = s.staff_id;
  item.label = s.name;
  item.due = today;
  item.overdue = true;
  return item;
}

bool before(const DueItem& a, const DueItem& b) {
  // Only one of the three ids is set for a given kind, so comparing all three is comparing "the id".
  return std::tie(a.due, a.kind, a.enrolment_id, a.referral_id, a.staff_id) <
         std::tie(b.due, b.kind, b.enrolment_id, b.referral_id, b.staff_id);
}

}  // namespace

std::vector<DueItem> due_work(const std::vector<EnrolmentSnapshot>& enrolments,
                              const std::vector<ReferralSnapshot>& referrals, const std::vector<StaffLoad>& staff,
                              const Date& today, const ScheduleRules& rules) {
  std::vector<DueItem> items;
  for (const auto& r : referrals) items.push_back(referral_item(r, today));
  for (const auto& e : enrolments) add_enrolment(e, today, rules, items);
  for (const auto& s : staff)
    if (s.caseload > s.capacity) items.push_back(capacity_item(s, today));
  std::sort(items.begin(), items.end(), before);
  return items;
}

}  // namespace stegvis
