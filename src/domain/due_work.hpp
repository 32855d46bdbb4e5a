// "Att göra": the due work of one person, computed from snapshots of the
// enrolments and referrals they are responsible for. Pure: today is passed in.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/organisation.hpp"
#include "domain/schedule.hpp"

namespace stegvis {

struct EnrolmentSnapshot {
  Id enrolment_id = 0;
  std::string label;  // what the list shows (pseudonymous code or name, decided by the caller)
  Date start;
  std::optional<Date> exit;
  bool has_plan = false;
  std::optional<Date> last_follow_up;
  std::optional<Date> planned_follow_up;
  std::optional<Date> final_report_sent;
};

struct ReferralSnapshot {
  Id referral_id = 0;
  std::string label;
  Date received;
};

struct StaffLoad {
  Id staff_id = 0;
  std::string name;
  int caseload = 0;
  int capacity = 0;
};

struct DueItem {
  std::string kind;  // meeting_action, referral_decision, plan_missing, follow_up, final_report, benchmark_passed, over_capacity
  Id enrolment_id = 0;  // 0 for referral_decision and over_capacity
  Id referral_id = 0;   // for referral_decision
  Id staff_id = 0;      // for over_capacity
  Id meeting_id = 0;    // for meeting_action (an open action from minutes, issue #8)
  Id programme_id = 0;  // for budget_not_approved (app/money_service.hpp)
  Id requisition_id = 0;  // for requisition_overdue
  int months = 0;         // for lasting_effect (domain/lasting_effect.hpp): 6 or 12 after exit
  std::string label;
  Date due;
  bool overdue = false;
};

// Rules:
// - referral_decision: every referral given (undecided), due received + 14 days.
// - plan_missing: active (no exit) without a plan, due plan_due(start); listed from 7 days before due.
// - follow_up: active, due follow_up_due(...); listed from 14 days before due.
// - final_report: exited and not sent, due final_report_due(exit); always listed.
// - benchmark_passed: active and today > benchmark_date(start); due = benchmark date, overdue true.
// - over_capacity: caseload > capacity; due = today, overdue true.
// overdue = today > due. Sorted by due date, then kind, then id.
std::vector<DueItem> due_work(const std::vector<EnrolmentSnapshot>& enrolments,
                              const std::vector<ReferralSnapshot>& referrals, const std::vector<StaffLoad>& staff,
                              const Date& today, const ScheduleRules& rules = {});

}  // namespace stegvis
