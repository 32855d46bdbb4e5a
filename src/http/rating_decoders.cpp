// Decoders of the rating bodies under /api/v1/enrolments/{id}: ORS/SRS (POST …/ratings)
// and goal-area ratings (PUT …/goal-ratings); in request_decoders() for the fuzz target.
#include <algorithm>

#include "domain/rating_scale.hpp"
#include "http/errors.hpp"
#include "http/request_decoders.hpp"

namespace stegvis::http {

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

}  // namespace stegvis::http
