#include "domain/economy.hpp"

#include <algorithm>

namespace stegvis {
namespace {

constexpr int kSmallCell = 5;
constexpr double kDaysPerMonth = 365.25 / 12.0;

std::optional<Ore> per(Ore cost, double denominator) {
  if (denominator < kSmallCell) return std::nullopt;
  return static_cast<Ore>(static_cast<double>(cost) / denominator + (cost >= 0 ? 0.5 : -0.5));
}

void finish_row(EconomyRow& r, int observed) {
  r.forecast = forecast(r.actual, observed, r.has_budget ? r.budget : 0);
  r.over = r.has_budget && over_budget(r.forecast, r.budget);
}

struct Volume {
  int started = 0, exits = 0, exits_work_studies = 0;
  double months = 0;
};

Volume volume_of(const std::vector<const EnrolmentFacts*>& list, int year) {
  const Date from{year, 1, 1}, to{year, 12, 31};
  Volume v;
  for (const auto* f : list) {
    if (started_in(*f, from, to)) ++v.started;
    if (exited_in(*f, from, to)) {
      ++v.exits;
      if (is_work_or_studies(f->outcome)) ++v.exits_work_studies;
    }
    if (!active_in(*f, from, to)) continue;
    Date a = std::max(f->start, from), b = f->exit ? std::min(*f->exit, to) : to;
    v.months += (days_between(a, b) + 1) / kDaysPerMonth;
  }
  return v;
}

CostPerParticipant cost_row(const std::string& group, Ore cost, const Volume& v) {
  CostPerParticipant c;
  c.group = group;
  c.cost = cost;
  c.started = v.started;
  c.exits = v.exits;
  c.exits_work_studies = v.exits_work_studies;
  c.participant_months = v.months;
  c.per_started = per(cost, v.started);
  c.per_participant_month = per(cost, v.months);
  c.per_exit = per(cost, v.exits);
  c.per_exit_work_studies = per(cost, v.exits_work_studies);
  return c;
}

}  // namespace

bool is_work_or_studies(const std::string& outcome) {
  return outcome == "arbete" || outcome == "arbete_med_stod" || outcome == "studier";
}

Ore forecast(Ore actual, int observed_months, Ore budget) {
  if (observed_months <= 0) return std::max(actual, budget);
  if (observed_months >= 12) return actual;
  // Integer arithmetic in öre: actual + actual / observed × remaining, rounded.
  const Ore remaining = 12 - observed_months;
  return actual + (actual * remaining + observed_months / 2) / observed_months;
}

int observed_months(int year, const Date& today, const std::vector<CostTotal>& costs) {
  if (year < today.year) return 12;
  if (year > today.year) return 0;
  int last = 0;
  for (const auto& c : costs) {
    if (c.month.size() != 7 || c.month.compare(0, 4, std::to_string(year)) != 0) continue;
    last = std::max(last, std::stoi(c.month.substr(5, 2)));
  }
  return std::min(last, today.month);
}

bool over_budget(Ore forecast_value, Ore budget) {
  if (budget <= 0) return forecast_value > 0;
  // forecast > budget × 1.05, exactly in integers
  return forecast_value * 100 > budget * 105;
}

Economy build_economy(const EconomyInput& in) {
  Economy e;
  e.year = in.year;
  e.observed_months = observed_months(in.year, in.today, in.costs);
  e.monthly_actual.assign(12, 0);
  std::map<std::string, Ore> by_line;
  std::map<Id, Ore> by_unit;
  for (const auto& c : in.costs) {
    int m = std::stoi(c.month.substr(5, 2));
    if (m >= 1 && m <= 12) e.monthly_actual[m - 1] += c.amount;
    by_line[c.line] += c.amount;
    by_unit[c.unit_id] += c.amount;
  }
  const bool has_line_budget = !in.line_budget.empty();
  for (const auto& l : in.lines) {
    EconomyRow r{l.code, l.name, 0, has_line_budget, by_line[l.code], 0, false};
    if (auto it = in.line_budget.find(l.code); it != in.line_budget.end()) r.budget = it->second;
    finish_row(r, e.observed_months);
    e.lines.push_back(r);
  }
  for (const auto& [id, name] : in.unit_names) {
    EconomyRow r{std::to_string(id), name, 0, false, by_unit[id], 0, false};
    if (auto it = in.unit_budget.find(id); it != in.unit_budget.end()) {
      r.budget = it->second;
      r.has_budget = true;
    }
    finish_row(r, e.observed_months);
    e.units.push_back(r);
  }
  if (by_unit[0] != 0) {
    EconomyRow r{"0", "Gemensamt (ingen länsdel)", 0, false, by_unit[0], 0, false};
    finish_row(r, e.observed_months);
    e.units.push_back(r);
  }
  EconomyRow& t = e.totals;
  t.key = "total";
  t.name = "Totalt";
  t.has_budget = has_line_budget;
  for (const auto& r : e.lines) {
    t.budget += r.budget;
    t.actual += r.actual;
  }
  finish_row(t, e.observed_months);

  Ore running = 0;
  for (int m = 0; m < 12; ++m) {
    running += e.monthly_actual[m];
    if (m < e.observed_months) e.cumulative_actual.push_back(running);
  }

  // Cost per participant: the whole programme, each unit with its own costs, each
  // track with the costs shared by its participant-months (costs carry no track).
  std::vector<const EnrolmentFacts*> all;
  for (const auto& f : in.enrolments) all.push_back(&f);
  const Volume total = volume_of(all, in.year);
  e.cost_per_participant.push_back(cost_row("Hela insatsen", t.actual, total));
  for (const auto& [id, name] : in.unit_names) {
    std::vector<const EnrolmentFacts*> list;
    for (const auto* f : all)
      if (f->unit_id == id) list.push_back(f);
    e.cost_per_participant.push_back(cost_row(name, by_unit[id], volume_of(list, in.year)));
  }
  for (const auto& [code, name] : in.track_names) {
    std::vector<const EnrolmentFacts*> list;
    for (const auto* f : all)
      if (f->track == code) list.push_back(f);
    Volume v = volume_of(list, in.year);
    Ore share = total.months > 0 ? static_cast<Ore>(static_cast<double>(t.actual) * v.months / total.months) : 0;
    e.cost_per_participant.push_back(cost_row("Inriktning " + name, share, v));
  }
  return e;
}

}  // namespace stegvis
