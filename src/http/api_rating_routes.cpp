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

namespace stegvis::http {
namespace {

Error unprocessable(const std::string& field, std::string message) {
  return {ErrorCode::unprocessable, std::move(message), field};
}

std::optional<Error> decode_rating(const json& j, app::RatingInput& in) {
  auto date = j.find("date");
  if (date != j.end() && !date->is_null()) {
    if (!date->is_string()) return unprocessable("date", "Ange datumet som text ÅÅÅÅ-MM-DD.");
    in.date = date->get<std::string>();
  }
  auto scale = j.find("scale");
  if (scale == j.end() || !scale->is_string()) return unprocessable("scale", "Välj skala: ORS eller SRS.");
  in.scale = scale->get<std::string>();
  auto items = j.find("items");
  if (items == j.end() || !items->is_array() || items->size() != 4)
    return unprocessable("items", "Skattningen har fyra frågor: ange fyra värden i en lista.");
  for (const auto& x : *items) {
    Result<int> v = x.is_number() ? rating_item_from_number(x.get<double>(), "items")
                    : x.is_string() ? parse_rating_item(x.get<std::string>(), "items")
                                    : Result<int>(unprocessable("items", "Varje värde ska vara ett tal 0–10."));
    if (!v) return v.error();
    in.items.push_back(*v);
  }
  return std::nullopt;
}

std::optional<Error> decode_goal_ratings(const json& j, std::string& phase, std::vector<GoalRating>& out) {
  auto p = j.find("phase");
  if (p == j.end() || !p->is_string()) return unprocessable("phase", "Ange \"phase\": start eller exit.");
  phase = p->get<std::string>();
  auto r = j.find("ratings");
  if (r == j.end() || !r->is_object())
    return unprocessable("ratings", "Ange \"ratings\" som ett objekt med målområde och skattning 1–5.");
  for (const auto& [area, value] : r->items()) {
    if (!value.is_number_integer())
      return unprocessable("ratings", "Skattningen av \"" + area.substr(0, 40) + "\" ska vara ett heltal 1–5.");
    out.push_back({phase, area, static_cast<int>(std::clamp<std::int64_t>(value.get<std::int64_t>(), -1, 99))});
  }
  return std::nullopt;
}

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
