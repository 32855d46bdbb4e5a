// Strategy action programmes (issue #9 §7, seed 000): a strategy has numbered
// goals, each with focus areas naming the proposed actors and initiators. Every
// item carries a status, a responsible and follow-up notes (its history); a
// goal's progress is the share of its items done and ongoing.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/organisation.hpp"
#include "domain/result.hpp"

namespace stegvis {

struct StrategyNote {
  Id id = 0;
  std::string date, status, text, by;  // by: the writer's name
};

struct StrategyItem {
  Id id = 0;
  Id goal_id = 0;
  int position = 0;
  std::string focus_area, actors, initiators;
  std::string status = "not_started";  // not_started, ongoing, done
  std::string responsible;
  std::vector<StrategyNote> notes;  // oldest first
};

struct StrategyGoal {
  Id id = 0;
  int number = 0;
  std::string title;
  std::vector<StrategyItem> items;
};

struct Strategy {
  Id id = 0;
  std::string name, owner, period_start, period_end;
  std::vector<StrategyGoal> goals;  // by number
};

struct GoalProgress {
  int items = 0, done = 0, ongoing = 0, not_started = 0;
  double done_pct = 0, ongoing_pct = 0;  // of items, 0 when there are none
};

bool is_strategy_status(const std::string& s);
std::string strategy_status_label(const std::string& s);  // "Ej påbörjad", "Pågår", "Klar"
const std::vector<std::string>& strategy_statuses();
GoalProgress goal_progress(const StrategyGoal& g);
GoalProgress strategy_progress(const Strategy& s);  // over every item

// A status change or note: the status is required, responsible ≤ 200, note ≤ 2000.
std::optional<Error> check_item_update(const std::string& status, const std::string& responsible,
                                       const std::string& note);

}  // namespace stegvis
