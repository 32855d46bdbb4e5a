// ORS/SRS ratings and start goal ratings for the demo's participants: realistic
// trajectories (most improve, some stay flat, a few get worse; now and then a
// session whose alliance should be discussed), deterministic from a seed of
// their own so that the rest of the demo's draws stay as they were.
#pragma once
#include <cstdint>
#include <vector>

#include "domain/participant.hpp"
#include "domain/rating_scale.hpp"

namespace stegvis::app {

// ORS and SRS at most of the meetings (kind meeting or digital) among contacts;
// likely_better tilts the trajectory (e.g. an exit to work or studies).
std::vector<Rating> draft_meeting_ratings(std::uint32_t seed, const std::vector<Contact>& contacts, bool likely_better);

// Start ratings 1–5 of the plan's goal areas (or well-being and self-belief without a plan).
std::vector<GoalRating> draft_start_goal_ratings(std::uint32_t seed, const std::vector<Goal>& goals);

}  // namespace stegvis::app
