// Secondary suppression of the period report and the steering dashboard
// (domain/small_cells.hpp): every figure shown as part of a published sum is
// registered with the sums it is in; those hidden besides the small ones are
// set to kWithheld.
#include <functional>
#include <string>

#include "domain/dashboard.hpp"
#include "domain/period_report.hpp"
#include "domain/small_cells.hpp"

namespace stegvis {
namespace {

using Pick = std::function<int&(GroupFigures&)>;

// The figures of one group, by name, registered once each.
using GroupIds = std::map<std::string, std::size_t>;

// Parts and their total, as a sum to protect when the parts add up to it here.
void sum_if_it_holds(FigureGuard& f, std::vector<int*> parts, int& total) {
  long long sum = 0;
  for (const int* p : parts) sum += *p;
  if (sum != total) return;
  SumGroup g;
  for (int* p : parts) g.push_back(f.add(*p));
  g.push_back(f.add(total));
  f.sum(std::move(g));
}

}  // namespace

void protect_small_cells(PeriodReport& r) {
  FigureGuard f;
  std::vector<GroupFigures*> rows;
  for (auto& g : r.groups) rows.push_back(&g);
  rows.push_back(&r.total);  // last: the total of each column

  // Every additive figure, by a name and how to reach it in a group.
  std::vector<std::pair<std::string, Pick>> picks = {
      {"active_at_start", [](GroupFigures& g) -> int& { return g.active_at_start; }},
      {"started", [](GroupFigures& g) -> int& { return g.started; }},
      {"exited", [](GroupFigures& g) -> int& { return g.exited; }},
      {"active_at_end", [](GroupFigures& g) -> int& { return g.active_at_end; }},
      {"plan.n", [](GroupFigures& g) -> int& { return g.plan_within_30.numerator; }},
      {"plan.d", [](GroupFigures& g) -> int& { return g.plan_within_30.denominator; }},
      {"follow.n", [](GroupFigures& g) -> int& { return g.follow_ups_on_time.numerator; }},
      {"follow.d", [](GroupFigures& g) -> int& { return g.follow_ups_on_time.denominator; }},
      {"final.n", [](GroupFigures& g) -> int& { return g.final_report_within_21.numerator; }},
      {"final.d", [](GroupFigures& g) -> int& { return g.final_report_within_21.denominator; }},
  };
  for (const auto& named : {std::pair{"ors", &GroupFigures::ors}, std::pair{"srs", &GroupFigures::srs}}) {
    const std::string n = named.first;
    const auto scale = named.second;
    picks.push_back({n + ".rated", [scale](GroupFigures& g) -> int& { return (g.*scale).rated; }});
    picks.push_back({n + ".ri.n", [scale](GroupFigures& g) -> int& { return (g.*scale).reliable_improvement.numerator; }});
    picks.push_back({n + ".ri.d", [scale](GroupFigures& g) -> int& { return (g.*scale).reliable_improvement.denominator; }});
    picks.push_back({n + ".bc.n", [scale](GroupFigures& g) -> int& { return (g.*scale).below_cutoff_first.numerator; }});
    picks.push_back({n + ".bc.d", [scale](GroupFigures& g) -> int& { return (g.*scale).below_cutoff_first.denominator; }});
  }
  // Keys copied out of the maps: clang 14 cannot capture a structured binding in a lambda.
  for (const auto& entry : r.total.exits_by_outcome) {
    const std::string code = entry.first;
    picks.push_back({"outcome." + code, [code](GroupFigures& g) -> int& { return g.exits_by_outcome[code]; }});
  }
  for (const auto& entry : r.total.income_before) {
    const std::string code = entry.first;
    picks.push_back({"before." + code, [code](GroupFigures& g) -> int& { return g.income_before[code]; }});
  }
  for (const auto& entry : r.total.income_after) {
    const std::string code = entry.first;
    picks.push_back({"after." + code, [code](GroupFigures& g) -> int& { return g.income_after[code]; }});
  }
  for (const auto& entry : r.total.goals) {
    const std::string area = entry.first;
    picks.push_back({"goal.rated." + area, [area](GroupFigures& g) -> int& { return g.goals[area].rated; }});
    picks.push_back({"goal.n." + area, [area](GroupFigures& g) -> int& { return g.goals[area].improved.numerator; }});
    picks.push_back({"goal.d." + area, [area](GroupFigures& g) -> int& { return g.goals[area].improved.denominator; }});
  }
  for (std::size_t t = 0; t < r.total.targets.size(); ++t) {
    auto i = std::to_string(t);
    picks.push_back({"target.n." + i, [t](GroupFigures& g) -> int& { return g.targets.at(t).numerator; }});
    picks.push_back({"target.d." + i, [t](GroupFigures& g) -> int& { return g.targets.at(t).denominator; }});
  }

  std::vector<GroupIds> ids(rows.size());
  for (std::size_t row = 0; row < rows.size(); ++row)
    for (auto& [name, pick] : picks) {
      if (name.rfind("target.", 0) == 0 && rows[row]->targets.size() != r.total.targets.size()) continue;
      ids[row][name] = f.add(pick(*rows[row]));
    }
  // Each column: the groups add up to the total (every enrolment is in exactly one group).
  for (auto& [name, pick] : picks) {
    SumGroup column;
    for (std::size_t row = 0; row < rows.size(); ++row)
      if (auto it = ids[row].find(name); it != ids[row].end()) column.push_back(it->second);
    if (column.size() == rows.size()) f.sum(column);
  }
  // Each group: start + started − exited = end, the outcomes add up to the exits, and the
  // counts that the shares are taken of are the same as the ones shown beside them.
  for (auto& id : ids) {
    f.sum({id["active_at_start"], id["started"], id["exited"], id["active_at_end"]});
    SumGroup outcomes;
    for (const auto& [code, _] : r.total.exits_by_outcome) outcomes.push_back(id["outcome." + code]);
    outcomes.push_back(id["exited"]);
    f.sum(outcomes);
    f.same(id["plan.d"], id["started"]);
    f.same(id["final.d"], id["exited"]);
    for (const std::string s : {"ors", "srs"}) {
      f.same(id[s + ".bc.d"], id[s + ".rated"]);
      f.same(id[s + ".rated"], id["exited"]);
    }
    for (const auto& [area, _] : r.total.goals) f.same(id["goal.d." + area], id["goal.rated." + area]);
  }
  // Lasting effect: the genders add up to the total row (last).
  if (!r.lasting.empty()) {
    std::size_t cells = r.lasting.back().cells.size();
    for (std::size_t c = 0; c < cells; ++c) {
      SumGroup num, den, not_reached;
      for (auto& row : r.lasting) {
        if (c >= row.cells.size()) continue;
        num.push_back(f.add(row.cells[c].work_or_studies.numerator));
        den.push_back(f.add(row.cells[c].work_or_studies.denominator));
        not_reached.push_back(f.add(row.cells[c].not_reached));
      }
      if (num.size() == r.lasting.size()) {
        f.sum(num);
        f.sum(den);
        f.sum(not_reached);
      }
    }
  }
  // A target counts the persons of its population that meet its condition, which may be a
  // figure shown elsewhere under another name (women among the starts are the women's starts,
  // a target over all exits has them as its denominator): each of its counts goes with every
  // figure of the same value.
  for (const auto& row : ids)
    for (std::size_t t = 0; t < r.total.targets.size(); ++t)
      for (const char* part : {"target.n.", "target.d."})
        if (auto it = row.find(part + std::to_string(t)); it != row.end())
          for (std::size_t other = 0; other < f.size(); ++other)
            if (other != it->second) f.same(it->second, other);
  f.withhold();
}

void protect_small_cells(Dashboard& d) {
  FigureGuard f;
  // Month by month: the end of one month, plus the next month's starts, less its exits, is its end.
  std::vector<std::size_t> end_of;
  for (std::size_t i = 0; i < d.months.size(); ++i) {
    auto& m = d.months[i];
    auto started = f.add(m.started), exited = f.add(m.exited), end = f.add(m.active_at_end);
    if (i > 0 && d.months[i - 1].active_at_end + m.started - m.exited == m.active_at_end)
      f.sum({end_of.back(), started, exited, end});
    end_of.push_back(end);
  }
  auto now = f.add(d.active_now);
  if (!d.months.empty()) f.same(end_of.back(), now);
  std::vector<int*> exits, outcomes, units, staff;
  for (auto& m : d.months) exits.push_back(&m.exited);
  for (auto& [code, n] : d.outcomes_12m) outcomes.push_back(&n);
  for (auto& u : d.units) units.push_back(&u.caseload);
  for (auto& s : d.staff) staff.push_back(&s.caseload);
  sum_if_it_holds(f, exits, d.exits_12m);
  sum_if_it_holds(f, outcomes, d.exits_12m);
  sum_if_it_holds(f, units, d.active_now);
  sum_if_it_holds(f, staff, d.active_now);
  auto exits_12m = f.add(d.exits_12m);
  for (auto& t : d.targets) f.same(f.add(t.denominator), exits_12m);
  f.withhold();
}

}  // namespace stegvis
