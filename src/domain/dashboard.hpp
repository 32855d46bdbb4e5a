// The steering group's dashboard (issue #4): current volume, inflow and
// outflow per month, caseload against capacity per unit and staff member,
// outcomes and targets of the last twelve months, and what needs attention.
// Aggregates only; pure: today and the staff's capacities are passed in.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "domain/report_facts.hpp"
#include "domain/schedule.hpp"
#include "domain/target.hpp"

namespace stegvis {

struct MonthFlow {
  std::string month;  // YYYY-MM
  int started = 0;
  int exited = 0;
  int active_at_end = 0;  // enrolled on the month's last day (or today for the current month)
};

struct StaffCapacity {
  Id staff_id = 0;
  std::string name;
  Id unit_id = 0;
  double capacity = 0;  // participants (20 per full-time post)
};

struct CapacityRow {
  Id id = 0;
  std::string name;
  int caseload = 0;
  double capacity = 0;
  bool over = false;  // caseload above capacity
};

struct Dashboard {
  Date today;
  Date from;  // first day of the twelve-month window
  int active_now = 0;
  std::vector<MonthFlow> months;  // the twelve months up to and including today's
  std::vector<CapacityRow> units, staff;
  int exits_12m = 0;
  std::map<std::string, int> outcomes_12m;  // every outcome code
  std::vector<TargetResult> targets;        // over the twelve months
  int overdue_follow_ups = 0;     // active now, follow-up due before today and not held
  int overdue_final_reports = 0;  // exited, document not sent, 21 days passed
};

// facts: the enrolments active on some day of the window (see dashboard_window).
Dashboard build_dashboard(const std::vector<EnrolmentFacts>& facts, const std::vector<Target>& targets,
                          const std::map<Id, std::string>& unit_names, const std::vector<StaffCapacity>& staff,
                          const Date& today, const ScheduleRules& rules = {});

// For readers who see aggregates only: withholds (kWithheld) the figures that would give a
// hidden small count back from a shown sum: month to month, the exits and outcomes of the
// twelve months, the units' and the staff's caseloads and the volume (domain/small_cells.hpp).
void protect_small_cells(Dashboard& d);

// The first day of the month eleven months before today's (twelve months in all).
Date dashboard_window_start(const Date& today);

}  // namespace stegvis
