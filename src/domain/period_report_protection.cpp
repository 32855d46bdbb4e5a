// Secondary suppression of a period report (domain/small_cells.hpp): every figure that the
// report shows as part of a published sum is registered with the sums it is in, and those
// that protect_sums hides besides the small ones are set to kWithheld.
#include <functional>
#include <string>

#include "domain/period_report.hpp"
#include "domain/small_cells.hpp"

namespace stegvis {
namespace {

class Figures {
 public:
  std::size_t add(int& value) {
    refs_.push_back(&value);
    hidden_.push_back(is_small_cell(value));
    return refs_.size() - 1;
  }
  void sum(SumGroup group) {
    if (group.size() > 1) sums_.push_back(std::move(group));
  }
  // Two figures that are the same count, so hiding one must hide the other (when they are
  // equal here; a coincidence only withholds one figure more than needed).
  void same(std::size_t a, std::size_t b) {
    if (*refs_[a] == *refs_[b]) sum({a, b});
  }
  void withhold() {
    std::vector<int> values;
    for (const int* v : refs_) values.push_back(*v);
    auto hidden = protect_sums(values, hidden_, sums_);
    for (std::size_t i = 0; i < refs_.size(); ++i)
      if (hidden[i] && !hidden_[i]) *refs_[i] = kWithheld;
  }

 private:
  std::vector<int*> refs_;
  std::vector<bool> hidden_;
  std::vector<SumGroup> sums_;
};

using Pick = std::function<int&(GroupFigures&)>;

// The figures of one group, by name, registered once each.
struct GroupIds {
  std::map<std::string, std::size_t> ids;
};

}  // namespace

void protect_small_cells(PeriodReport& r) {
  Figures f;
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
  for (auto [name, scale] : {std::pair{"ors", &GroupFigures::ors}, std::pair{"srs", &GroupFigures::srs}}) {
    std::string n = name;
    picks.push_back({n + ".rated", [scale](GroupFigures& g) -> int& { return (g.*scale).rated; }});
    picks.push_back({n + ".ri.n", [scale](GroupFigures& g) -> int& { return (g.*scale).reliable_improvement.numerator; }});
    picks.push_back({n + ".ri.d", [scale](GroupFigures& g) -> int& { return (g.*scale).reliable_improvement.denominator; }});
    picks.push_back({n + ".bc.n", [scale](GroupFigures& g) -> int& { return (g.*scale).below_cutoff_first.numerator; }});
    picks.push_back({n + ".bc.d", [scale](GroupFigures& g) -> int& { return (g.*scale).below_cutoff_first.denominator; }});
  }
  for (const auto& [code, _] : r.total.exits_by_outcome)
    picks.push_back({"outcome." + code, [code](GroupFigures& g) -> int& { return g.exits_by_outcome[code]; }});
  for (const auto& [code, _] : r.total.income_before)
    picks.push_back({"before." + code, [code](GroupFigures& g) -> int& { return g.income_before[code]; }});
  for (const auto& [code, _] : r.total.income_after)
    picks.push_back({"after." + code, [code](GroupFigures& g) -> int& { return g.income_after[code]; }});
  for (const auto& [area, _] : r.total.goals) {
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
      ids[row].ids[name] = f.add(pick(*rows[row]));
    }
  // Each column: the groups add up to the total (every enrolment is in exactly one group).
  for (auto& [name, pick] : picks) {
    SumGroup column;
    for (std::size_t row = 0; row < rows.size(); ++row)
      if (auto it = ids[row].ids.find(name); it != ids[row].ids.end()) column.push_back(it->second);
    if (column.size() == rows.size()) f.sum(column);
  }
  // Each group: start + started − exited = end, the outcomes add up to the exits, and the
  // counts that the shares are taken of are the same as the ones shown beside them.
  for (auto& g : ids) {
    auto& id = g.ids;
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
    // A target over all starts or all exits has them as its denominator.
    for (std::size_t t = 0; t < r.total.targets.size(); ++t)
      if (auto it = id.find("target.d." + std::to_string(t)); it != id.end()) {
        f.same(it->second, id["started"]);
        f.same(it->second, id["exited"]);
      }
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
  f.withhold();
}

}  // namespace stegvis
