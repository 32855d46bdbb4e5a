// Goal-area ratings (domain.md §5): each of the five areas rated 1–5 at start
// and at exit, and the change per area that the participant page and the
// reports show.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/participant.hpp"
#include "domain/result.hpp"

namespace stegvis {

constexpr int kGoalRatingMin = 1, kGoalRatingMax = 5;

struct GoalChange {
  std::string area;  // code, in the order of goal_areas()
  std::optional<int> start, exit;
  std::optional<int> change() const {
    if (!start || !exit) return std::nullopt;
    return *exit - *start;
  }
};

// One row per goal area, whether rated or not.
std::vector<GoalChange> goal_changes(const std::vector<GoalRating>& ratings);

// A phase's ratings as entered: known phase (start, exit), known areas (codes or Swedish
// spelling, normalised in place), each once, 1–5. Errors are 422 naming the field.
std::optional<Error> check_goal_ratings(const std::string& phase, std::vector<GoalRating>& ratings);

}  // namespace stegvis
