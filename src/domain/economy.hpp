// Budget against actual for one programme and year (issue #7, scope 3 and 7):
// per budget line and per unit, a forecast for the year, the over-budget
// warning, the cumulative chart's series and the cost per participant. Pure:
// the caller passes the budgets, the month totals of the costs and the
// enrolments' facts.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/money.hpp"
#include "domain/organisation.hpp"
#include "domain/report_facts.hpp"

namespace stegvis {

// The stored costs summed per month, line and unit (unit 0: none).
struct CostTotal {
  std::string month;  // YYYY-MM
  std::string line;
  Id unit_id = 0;
  Ore amount = 0;
};

// The forecast's method, also named on the page: what is booked so far plus the
// remaining months at the average monthly cost of the observed months. With no
// month observed the budget stands as the forecast; a closed year's is its actual.
Ore forecast(Ore actual, int observed_months, Ore budget);
// Months of the year that count as observed: 12 for a past year, 0 for a future
// one, else up to the last month with costs booked (never after today's month).
int observed_months(int year, const Date& today, const std::vector<CostTotal>& costs);
// More than 5 % over the budget (any cost over a zero budget counts).
bool over_budget(Ore forecast, Ore budget);

struct EconomyRow {
  std::string key;   // line code or unit id
  std::string name;
  Ore budget = 0;
  bool has_budget = false;
  Ore actual = 0;
  Ore forecast = 0;
  bool over = false;
};

// Cost per participant for a group (the whole programme, a unit or a track).
struct CostPerParticipant {
  std::string group;  // "Hela insatsen", a unit's or a track's name
  Ore cost = 0;
  int started = 0, exits = 0, exits_work_studies = 0;
  double participant_months = 0;
  // nothing when the denominator is under 5 (a small cell, domain.md §8) or zero
  std::optional<Ore> per_started, per_participant_month, per_exit, per_exit_work_studies;
};

struct EconomyInput {
  int year = 0;
  Date today;
  std::vector<BudgetLineDef> lines;          // in display order
  std::map<std::string, Ore> line_budget;    // the programme budget's lines (empty: none)
  std::map<Id, Ore> unit_budget;             // units with a budget of their own
  std::map<Id, std::string> unit_names;      // the programme's units, in id order
  std::map<std::string, std::string> track_names;  // code → name
  std::vector<CostTotal> costs;              // of the year
  std::vector<EnrolmentFacts> enrolments;    // active some day of the year
};

struct Economy {
  int year = 0;
  int observed_months = 0;
  std::vector<EconomyRow> lines, units;
  EconomyRow totals;
  std::vector<Ore> monthly_actual;      // 12 months
  std::vector<Ore> cumulative_actual;   // 12 months, empty after the observed ones
  std::vector<CostPerParticipant> cost_per_participant;  // total, units, tracks
};

Economy build_economy(const EconomyInput& in);

// Uppföljning Finsam (domain.md §8): per programme and year, participants by
// gender (anonymous enrolments counted), the budget and the costs.
struct NationalRow {
  Id programme_id = 0;
  std::string name;
  // gender (female, male, other, total) → new, ongoing, exited
  struct Counts {
    int new_in_year = 0, ongoing = 0, exited = 0;
  };
  std::map<std::string, Counts> participants;
  std::optional<Ore> budget;
  Ore costs = 0;
};
struct NationalReport {
  int year = 0;
  std::vector<NationalRow> programmes;
};

// Outcomes that count as "exit to work or studies".
bool is_work_or_studies(const std::string& outcome);

}  // namespace stegvis
