// JSON of the ORS/SRS ratings and goal-area changes (api.md: POST/GET
// /api/v1/enrolments/{id}/ratings, the enrolment's "rating_summary"). Points
// are numbers with one decimal (the store keeps tenths).
#pragma once
#include <vector>

#include "domain/goal_change.hpp"
#include "domain/rating_scale.hpp"
#include "http/json_codec.hpp"

namespace stegvis::http {

// Tenths as points: 235 → 23.5.
json points(int tenths);
// One rating with its flags; first_total is the first rating of its scale (for the change).
json rating_json(const Rating& r, int first_total);
// Every rating, each with its change from the first of its scale.
json ratings_json(const std::vector<Rating>& ratings);
// {"ors": {...}, "srs": {..., "alliance_flag"}, "no_improvement"}
json rating_summary_json(const RatingSummary& s);
// [{"area", "start", "exit", "change"}], one per goal area.
json goal_changes_json(const std::vector<GoalRating>& ratings);

}  // namespace stegvis::http
