#include "domain/dashboard.hpp"

#include <algorithm>
#include <cstdio>

namespace stegvis {
namespace {

std::string month_code(const Date& d) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  return buf;
}

bool active_on(const EnrolmentFacts& f, const Date& day) { return f.start <= day && (!f.exit || *f.exit >= day); }

}  // namespace

Date dashboard_window_start(const Date& today) { return add_months(Date{today.year, today.month, 1}, -11); }

Dashboard build_dashboard(const std::vector<EnrolmentFacts>& facts, const std::vector<Target>& targets,
                          const std::map<Id, std::string>& unit_names, const std::vector<StaffCapacity>& staff,
                          const Date& today, const ScheduleRules& rules) {
  Dashboard d;
  d.today = today;
  d.from = dashboard_window_start(today);
  for (int i = 0; i < 12; ++i) {
    Date first = add_months(d.from, i);
    Date last = std::min(add_days(add_months(first, 1), -1), today);
    MonthFlow m{month_code(first)};
    for (const auto& f : facts) {
      if (started_in(f, first, last)) ++m.started;
      if (exited_in(f, first, last)) ++m.exited;
      if (active_on(f, last)) ++m.active_at_end;
    }
    d.months.push_back(m);
  }
  for (const auto& o : exit_outcomes()) d.outcomes_12m[o.code] = 0;
  std::map<Id, int> unit_load, staff_load;
  std::vector<const EnrolmentFacts*> all;
  for (const auto& f : facts) {
    all.push_back(&f);
    if (exited_in(f, d.from, today)) {
      ++d.exits_12m;
      ++d.outcomes_12m[f.outcome];
    }
    if (f.exit && *f.exit <= today && !f.final_report_sent &&
        add_days(*f.exit, rules.final_report_within_days) < today)
      ++d.overdue_final_reports;
    if (!active_on(f, today)) continue;
    ++d.active_now;
    ++unit_load[f.unit_id];
    if (f.staff_id) ++staff_load[*f.staff_id];
    Date prev = f.follow_ups.empty() ? f.start : f.follow_ups.back();
    if (add_months(prev, rules.follow_up_every_months) < today) ++d.overdue_follow_ups;
  }
  std::map<Id, double> unit_capacity;
  for (const auto& s : staff) {
    unit_capacity[s.unit_id] += s.capacity;
    int load = staff_load.count(s.staff_id) ? staff_load[s.staff_id] : 0;
    d.staff.push_back({s.staff_id, s.name, load, s.capacity, load > s.capacity});
  }
  for (const auto& [id, name] : unit_names) {
    int load = unit_load.count(id) ? unit_load[id] : 0;
    double cap = unit_capacity.count(id) ? unit_capacity[id] : 0;
    d.units.push_back({id, name, load, cap, load > cap});
  }
  std::sort(d.units.begin(), d.units.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  std::sort(d.staff.begin(), d.staff.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (const auto& t : targets) d.targets.push_back(evaluate_target(t, all, d.from, today));
  return d;
}

}  // namespace stegvis
