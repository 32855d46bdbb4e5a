// Due dates on the participant's path (domain.md §3): the plan within 30 days,
// follow-ups at least every third month, the final document within three weeks
// of exit, and the one-year benchmark.
#pragma once
#include <optional>

#include "domain/date.hpp"

namespace stegvis {

struct ScheduleRules {
  int plan_within_days = 30;
  int follow_up_every_months = 3;
  int final_report_within_days = 21;
  int benchmark_months = 12;
};

Date plan_due(const Date& start, const ScheduleRules& r = {});
// The next follow-up is due every N months after the last one, or after the start when none yet.
// An explicitly planned next date earlier than that wins (a plan may set a closer date).
Date follow_up_due(const Date& start, const std::optional<Date>& last_follow_up,
                   const std::optional<Date>& planned_next, const ScheduleRules& r = {});
Date final_report_due(const Date& exit, const ScheduleRules& r = {});
Date benchmark_date(const Date& start, const ScheduleRules& r = {});

}  // namespace stegvis
