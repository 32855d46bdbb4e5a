#include "domain/strategy.hpp"

#include "domain/validation.hpp"

namespace stegvis {

const std::vector<std::string>& strategy_statuses() {
  static const std::vector<std::string> all{"not_started", "ongoing", "done"};
  return all;
}

bool is_strategy_status(const std::string& s) {
  for (const auto& x : strategy_statuses())
    if (x == s) return true;
  return false;
}

std::string strategy_status_label(const std::string& s) {
  if (s == "ongoing") return "Pågår";
  if (s == "done") return "Klar";
  return "Ej påbörjad";
}

namespace {
void add(GoalProgress& p, const StrategyItem& i) {
  ++p.items;
  if (i.status == "done") ++p.done;
  else if (i.status == "ongoing") ++p.ongoing;
  else ++p.not_started;
}
void finish(GoalProgress& p) {
  if (p.items == 0) return;
  p.done_pct = 100.0 * p.done / p.items;
  p.ongoing_pct = 100.0 * p.ongoing / p.items;
}
}  // namespace

GoalProgress goal_progress(const StrategyGoal& g) {
  GoalProgress p;
  for (const auto& i : g.items) add(p, i);
  finish(p);
  return p;
}

GoalProgress strategy_progress(const Strategy& s) {
  GoalProgress p;
  for (const auto& g : s.goals)
    for (const auto& i : g.items) add(p, i);
  finish(p);
  return p;
}

std::optional<Error> check_item_update(const std::string& status, const std::string& responsible,
                                       const std::string& note) {
  if (!is_strategy_status(status))
    return invalid("status", "Status ska vara not_started (ej påbörjad), ongoing (pågår) eller done (klar).");
  if (auto e = check_text("responsible", responsible, 200, false)) return e;
  return check_text("note", note, 2000, false);
}

}  // namespace stegvis
