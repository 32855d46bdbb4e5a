#include "domain/goal_change.hpp"

#include <set>

#include "domain/vocabulary.hpp"

namespace stegvis {

std::vector<GoalChange> goal_changes(const std::vector<GoalRating>& ratings) {
  std::vector<GoalChange> out;
  for (const auto& area : goal_areas()) {
    GoalChange c{area.code, std::nullopt, std::nullopt};
    for (const auto& r : ratings) {
      if (r.area != area.code) continue;
      if (r.phase == "start") c.start = r.rating;
      if (r.phase == "exit") c.exit = r.rating;
    }
    out.push_back(c);
  }
  return out;
}

std::optional<Error> check_goal_ratings(const std::string& phase, std::vector<GoalRating>& ratings) {
  if (phase != "start" && phase != "exit")
    return Error{ErrorCode::unprocessable, "Skattningen gäller start eller exit (vid avslut).", "phase"};
  std::set<std::string> seen;
  for (auto& r : ratings) {
    auto area = normalise_code(goal_areas(), r.area);
    if (!area)
      return Error{ErrorCode::unprocessable, "Okänt målområde \"" + r.area.substr(0, 40) + "\".", "ratings"};
    if (!seen.insert(*area).second)
      return Error{ErrorCode::unprocessable, "Målområdet " + label_of(goal_areas(), *area) + " finns två gånger.",
                   "ratings"};
    r.area = *area;
    r.phase = phase;
    if (r.rating < kGoalRatingMin || r.rating > kGoalRatingMax)
      return Error{ErrorCode::unprocessable,
                   "Skattningen av " + label_of(goal_areas(), *area) + " ska vara ett heltal 1–5.", "ratings"};
  }
  return std::nullopt;
}

}  // namespace stegvis
