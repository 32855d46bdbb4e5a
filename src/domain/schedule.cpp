// Due dates on the participant's path (domain.md §3): plan, follow-ups,
// final document and the one-year benchmark, from the programme's rules.
#include "domain/schedule.hpp"

namespace stegvis {

Date plan_due(const Date& start, const ScheduleRules& r) { return add_days(start, r.plan_within_days); }

Date follow_up_due(const Date& start, const std::optional<Date>& last_follow_up,
                   const std::optional<Date>& planned_next, const ScheduleRules& r) {
  const Date from = last_follow_up.value_or(start);
  const Date by_rule = add_months(from, r.follow_up_every_months);
  if (!planned_next) return by_rule;
  // A planned date on or before the last follow-up was met by that follow-up; it no longer counts.
  if (last_follow_up && *planned_next <= *last_follow_up) return by_rule;
  return *planned_next < by_rule ? *planned_next : by_rule;
}

Date final_report_due(const Date& exit, const ScheduleRules& r) { return add_days(exit, r.final_report_within_days); }

Date benchmark_date(const Date& start, const ScheduleRules& r) { return add_months(start, r.benchmark_months); }

}  // namespace stegvis
