#include "app/rating_service.hpp"

#include <algorithm>

#include "app/audit.hpp"
#include "app/participant_access.hpp"
#include "app/referral_service.hpp"
#include "domain/goal_change.hpp"
#include "domain/validation.hpp"

namespace stegvis::app {
namespace {

Error unprocessable(const std::string& field, std::string message) {
  return {ErrorCode::unprocessable, std::move(message), field};
}

std::optional<Error> check_rating(const Env& env, RatingInput& in, const Enrolment& e) {
  const std::string today = today_string(env);
  if (in.date.empty()) in.date = today;
  if (check_date("date", in.date)) return unprocessable("date", "Ange datumet som ÅÅÅÅ-MM-DD.");
  if (in.date > today) return unprocessable("date", "Datumet kan inte ligga i framtiden.");
  if (in.date < e.start_date)
    return unprocessable("date", "Datumet kan inte ligga före inskrivningen (" + e.start_date + ").");
  return std::nullopt;
}

}  // namespace

Result<RatingAdded> RatingService::add(const Actor& actor, Id enrolment_id, RatingInput in,
                                       const std::string& request_key) {
  const RatingScale* scale = find_rating_scale(in.scale);
  if (!scale) return unprocessable("scale", "Välj skala: ORS eller SRS.");
  if (in.items.size() != 4) return unprocessable("items", "Skattningen har fyra frågor: ange fyra värden.");
  for (int v : in.items)
    if (v < 0 || v > scale->item_max) return unprocessable("items", "Varje värde ska vara 0–10 med högst en decimal.");
  if (request_key.size() > 100) return invalid("request_key", "För lång nyckel.");
  auto tx = env_.db.begin(true);
  auto& p = tx->participants();
  auto e = p.enrolment(enrolment_id);
  if (!e) return not_found("Inskrivningen finns inte.");
  if (!may_see_enrolment(actor, *e)) {
    tx.reset();
    return deny_participant_access(env_, actor, "enrolment", enrolment_id);
  }
  if (!e->active())
    return conflict("Inskrivningen avslutades " + e->exit_date + "; skattningar görs under deltagandet.");
  if (auto err = check_rating(env_, in, *e)) return *err;
  Rating r;
  r.date = in.date;
  r.scale = scale->code;
  std::copy(in.items.begin(), in.items.end(), r.items.begin());
  r.total = rating_total(r.items);
  r.staff_id = actor.user_id;
  // Keys are per enrolment, as for contacts: the same key on another enrolment is another rating.
  std::string key = request_key.empty() ? "" : std::to_string(enrolment_id) + ":" + request_key;
  Id id = p.add_rating(enrolment_id, r, key, env_.now());
  auto all = p.ratings(enrolment_id);
  for (const auto& x : all)
    if (x.id == id) r = x;
  record(*tx, env_.now(), actor, "rating.add", "enrolment", std::to_string(enrolment_id),
         "rating " + std::to_string(id) + " " + r.scale);
  tx->commit();
  return RatingAdded{r, summarise_ratings(all)};
}

Result<EnrolmentRatings> RatingService::list(const Actor& actor, Id enrolment_id) {
  EnrolmentRatings out;
  {
    auto tx = env_.db.begin(false);
    auto e = tx->participants().enrolment(enrolment_id);
    if (!e) return not_found("Inskrivningen finns inte.");
    if (!may_see_enrolment(actor, *e)) {
      tx.reset();
      return deny_participant_access(env_, actor, "enrolment", enrolment_id);
    }
    out.enrolment = *e;
    out.ratings = tx->participants().ratings(enrolment_id);
  }
  out.summary = summarise_ratings(out.ratings);
  record_standalone(env_, actor, "rating.read", "enrolment", std::to_string(enrolment_id));
  return out;
}

std::map<Id, RatingSummary> RatingService::summaries(const Actor& actor, const std::vector<Enrolment>& listed) {
  std::vector<Id> ids;
  for (const auto& e : listed)
    if (may_see_enrolment(actor, e)) ids.push_back(e.id);
  if (ids.empty()) return {};
  auto tx = env_.db.begin(false);
  return tx->participants().rating_summaries(ids);
}

Result<std::vector<GoalRating>> RatingService::set_goal_ratings(const Actor& actor, Id enrolment_id, const std::string& phase,
                                       std::vector<GoalRating> ratings) {
  if (auto err = check_goal_ratings(phase, ratings)) return *err;
  auto tx = env_.db.begin(true);
  auto& p = tx->participants();
  auto e = p.enrolment(enrolment_id);
  if (!e) return not_found("Inskrivningen finns inte.");
  if (!may_see_enrolment(actor, *e)) {
    tx.reset();
    return deny_participant_access(env_, actor, "enrolment", enrolment_id);
  }
  p.delete_goal_ratings(enrolment_id, phase);
  p.set_goal_ratings(enrolment_id, ratings);
  record(*tx, env_.now(), actor, "goal_rating.save", "enrolment", std::to_string(enrolment_id),
         phase + " " + std::to_string(ratings.size()) + " areas");
  tx->commit();
  return ratings;
}

}  // namespace stegvis::app
