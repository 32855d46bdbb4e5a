#include "http/report_json.hpp"

#include <cmath>

#include "domain/small_cells.hpp"

namespace stegvis::http {
namespace {

using nlohmann::json;

json round1(const std::optional<double>& v) {
  if (!v) return nullptr;
  return std::round(*v * 10) / 10;
}

// "<5" for a hidden small count, ".." for one withheld so that it cannot be worked out from a sum.
json count(int n, bool s) { return is_withheld(n) ? json("..") : s && is_small_cell(n) ? json("<5") : json(n); }

json share(const Share& sh, bool s) {
  bool hidden = share_hidden(sh.numerator, sh.denominator, s);
  json j{{"numerator", count(sh.numerator, s)}, {"denominator", count(sh.denominator, s)},
         {"pct", hidden ? json(nullptr) : round1(sh.pct())}};
  if (hidden) j["hidden"] = true;
  return j;
}

json mean(const std::optional<double>& v, int n, bool s) { return s && is_small_cell(n) ? json(nullptr) : round1(v); }

json counts(const std::map<std::string, int>& m, bool s) {
  json j = json::object();
  for (const auto& [k, v] : m) j[k] = count(v, s);
  return j;
}

json ratings(const RatingAggregate& a, bool s) {
  return {{"rated", count(a.rated, s)},
          {"mean_first", mean(a.mean_first, a.rated, s)},
          {"mean_latest", mean(a.mean_latest, a.rated, s)},
          {"reliable_improvement", share(a.reliable_improvement, s)},
          {"below_cutoff_first", share(a.below_cutoff_first, s)}};
}

json target_result(const TargetResult& t, bool s) {
  bool hidden = share_hidden(t.numerator, t.denominator, s);
  return {{"id", t.target_id},
          {"name", t.name},
          {"numerator", count(t.numerator, s)},
          {"denominator", count(t.denominator, s)},
          {"actual_pct", hidden ? json(nullptr) : round1(t.actual_pct)},
          {"state", hidden ? "hidden" : to_code(t.state)}};
}

json group(const GroupFigures& g, bool s) {
  json goals = json::object();
  for (const auto& [area, a] : g.goals)
    goals[area] = {{"rated", count(a.rated, s)},
                   {"mean_start", mean(a.mean_start, a.rated, s)},
                   {"mean_exit", mean(a.mean_exit, a.rated, s)},
                   {"improved", share(a.improved, s)}};
  json targets = json::array();
  for (const auto& t : g.targets) targets.push_back(target_result(t, s));
  return {{"key", g.key},
          {"label", g.label},
          {"active_at_start", count(g.active_at_start, s)},
          {"started", count(g.started, s)},
          {"exited", count(g.exited, s)},
          {"active_at_end", count(g.active_at_end, s)},
          {"exits_by_outcome", counts(g.exits_by_outcome, s)},
          {"income_sources_before", counts(g.income_before, s)},
          {"income_sources_after", counts(g.income_after, s)},
          {"time_in_programme",
           {{"median_days", mean(g.median_days, g.exited, s)},
            {"mean_days", mean(g.mean_days, g.exited, s)},
            {"median_months", mean(g.median_months, g.exited, s)},
            {"mean_months", mean(g.mean_months, g.exited, s)}}},
          {"plan_within_30_days", share(g.plan_within_30, s)},
          {"follow_ups_on_time", share(g.follow_ups_on_time, s)},
          {"final_report_within_21_days", share(g.final_report_within_21, s)},
          {"ors", ratings(g.ors, s)},
          {"srs", ratings(g.srs, s)},
          {"goal_areas", goals},
          {"targets", targets}};
}

}  // namespace

json to_json(const Target& t) {
  return {{"id", t.id},
          {"programme_id", t.programme_id},
          {"name", t.name},
          {"population", t.population},
          {"condition", t.condition},
          {"parameter", t.parameter},
          {"comparison", t.comparison},
          {"threshold_pct", t.threshold_pct},
          {"position", t.position},
          {"description", describe_target(t)}};
}

json period_report_json(const app::PeriodReportResult& r) {
  const bool s = r.suppressed;
  const auto& rep = r.report;
  json groups = json::array();
  for (const auto& g : rep.groups) groups.push_back(group(g, s));
  json targets = json::array();
  for (std::size_t i = 0; i < r.targets.size() && i < rep.total.targets.size(); ++i) {
    json t = to_json(r.targets[i]);
    t.update(target_result(rep.total.targets[i], s));
    targets.push_back(t);
  }
  json j{{"programme_id", r.programme.id},
         {"programme", r.programme.name},
         {"from", to_string(rep.from)},
         {"to", to_string(rep.to)},
         {"group_by", rep.group_by},
         {"suppressed", s},
         {"groups", groups},
         {"total", group(rep.total, s)},
         {"targets", targets},
         {"definitions", report_definitions()}};
  if (r.unit) j["unit"] = {{"id", r.unit->id}, {"name", r.unit->name}};
  json lasting = json::array();
  for (const auto& row : rep.lasting) {
    json cells = json::array();
    for (const auto& c : row.cells)
      cells.push_back({{"months", c.months}, {"work_or_studies", share(c.work_or_studies, s)},
                       {"not_reached", count(c.not_reached, s)}});
    lasting.push_back({{"key", row.key}, {"label", row.label}, {"after_exit", cells}});
  }
  j["lasting_effect"] = lasting;
  return j;
}

json dashboard_json(const app::DashboardResult& r) {
  const bool s = r.suppressed;
  const auto& d = r.dashboard;
  json months = json::array();
  for (const auto& m : d.months)
    months.push_back({{"month", m.month}, {"started", count(m.started, s)}, {"exited", count(m.exited, s)},
                      {"active_at_end", count(m.active_at_end, s)}});
  auto rows = [s](const std::vector<CapacityRow>& v) {
    json out = json::array();
    for (const auto& c : v)
      out.push_back({{"id", c.id}, {"name", c.name}, {"caseload", count(c.caseload, s)},
                     {"capacity", std::round(c.capacity * 10) / 10}, {"over_capacity", c.over}});
    return out;
  };
  json targets = json::array();
  for (std::size_t i = 0; i < r.targets.size() && i < d.targets.size(); ++i) {
    json t = to_json(r.targets[i]);
    t.update(target_result(d.targets[i], s));
    targets.push_back(t);
  }
  return {{"programme_id", r.programme.id},
          {"programme", r.programme.name},
          {"today", to_string(d.today)},
          {"from", to_string(d.from)},
          {"suppressed", s},
          {"active_now", count(d.active_now, s)},
          {"months", months},
          {"units", rows(d.units)},
          {"staff", rows(d.staff)},
          {"exits_12m", count(d.exits_12m, s)},
          {"outcomes_12m", counts(d.outcomes_12m, s)},
          {"targets", targets},
          {"attention",
           {{"overdue_follow_ups", count(d.overdue_follow_ups, s)},
            {"overdue_final_reports", count(d.overdue_final_reports, s)}}}};
}

}  // namespace stegvis::http
