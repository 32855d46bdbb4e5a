// ORS/SRS ratings per meeting and the goal-area ratings at start and exit
// (domain.md §5): entered by those who may add contacts (the unit's samordnare,
// the allocated coach or koordinator), every write and read audited. The
// scoring rules are in domain/rating_scale.hpp.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/participant.hpp"
#include "domain/rating_scale.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

struct RatingInput {
  std::string date;        // YYYY-MM-DD; "" = today
  std::string scale;       // ORS, SRS
  std::vector<int> items;  // tenths, as parse_rating_item / rating_item_from_number read them
};

struct EnrolmentRatings {
  Enrolment enrolment;
  std::vector<Rating> ratings;  // by date, then id
  RatingSummary summary;
};

struct RatingAdded {
  Rating rating;  // the stored one (the first one for a repeated request key)
  RatingSummary summary;
};

class RatingService {
 public:
  explicit RatingService(Env& env) : env_(env) {}

  Result<RatingAdded> add(const Actor& actor, Id enrolment_id, RatingInput in, const std::string& request_key);
  Result<EnrolmentRatings> list(const Actor& actor, Id enrolment_id);
  // The summaries of enrolments the actor has just listed (EnrolmentService::list audits
  // the list); any the actor may not see are left out. One query for the whole list.
  std::map<Id, RatingSummary> summaries(const Actor& actor, const std::vector<Enrolment>& listed);
  // Replaces the phase's ratings (start or exit) with these; an empty list clears the phase.
  // Returns them as stored (area codes normalised).
  Result<std::vector<GoalRating>> set_goal_ratings(const Actor& actor, Id enrolment_id, const std::string& phase,
                          std::vector<GoalRating> ratings);

 private:
  Env& env_;
};

}  // namespace stegvis::app
