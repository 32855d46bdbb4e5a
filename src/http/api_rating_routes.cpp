// ORS/SRS ratings and goal-area ratings under /api/v1/enrolments/{id}
// (api.md "Participant path"):
// - POST …/ratings {"date", "scale": "ORS"|"SRS", "items": [n, n, n, n]} → 201 the
//   stored rating with its flags, "no_improvement" and the enrolment's "summary".
//   Every bad value (item count, range, a second decimal, date, scale) is 422
//   naming the field. An Idempotency-Key header works as for contacts: a repeat
//   answers 201 with the rating stored the first time.
// - GET …/ratings → {"items", "total", "summary"}.
// - PUT …/goal-ratings {"phase": "start"|"exit", "ratings": {"<area>": 1..5}}
//   replaces that phase's ratings → {"phase", "ratings", "changes"}.
#include <algorithm>

#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/rating_json.hpp"
#include "http/request_decoders.hpp"

namespace stegvis::http {
namespace {

Error not_found_enrolment() { return not_found("Inskrivningen finns inte."); }

}  // namespace

void add_rating_routes(Router& router, app::Services& services) {
  auto& ratings = services.ratings;

  router.add("POST", "/api/v1/enrolments/{id}/ratings", Auth::session, true, [&ratings](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found_enrolment());
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    app::RatingInput in;
    if (auto e = decode_rating(*body, in)) return json_error(*e);
    auto r = ratings.add(*req.actor, *id, in, req.header("idempotency-key"));
    if (!r) return json_error(r.error());
    const auto& s = r->rating.scale == "ORS" ? r->summary.ors : r->summary.srs;
    json out = rating_json(r->rating, s.first.total);
    out["no_improvement"] = r->summary.no_improvement;
    out["summary"] = rating_summary_json(r->summary);
    return json_response(out, 201);
  });

  router.add("GET", "/api/v1/enrolments/{id}/ratings", Auth::session, true, [&ratings](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found_enrolment());
    auto r = ratings.list(*req.actor, *id);
    if (!r) return json_error(r.error());
    return json_response(
        {{"items", ratings_json(r->ratings)}, {"total", r->ratings.size()}, {"summary", rating_summary_json(r->summary)}});
  });

  router.add("PUT", "/api/v1/enrolments/{id}/goal-ratings", Auth::session, true, [&ratings](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found_enrolment());
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    std::string phase;
    std::vector<GoalRating> in;
    if (auto e = decode_goal_ratings(*body, phase, in)) return json_error(*e);
    auto r = ratings.set_goal_ratings(*req.actor, *id, phase, in);
    if (!r) return json_error(r.error());
    json stored = json::object();
    for (const auto& g : *r) stored[g.area] = g.rating;
    return json_response({{"id", *id}, {"phase", phase}, {"ratings", stored}});
  });
}

}  // namespace stegvis::http
