#include "http/rating_json.hpp"

#include <map>

namespace stegvis::http {
namespace {

json opt_int(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

json scale_json(const ScaleSummary& s, bool with_alliance) {
  bool any = s.count > 0;
  json j{{"count", s.count},
         {"first", any ? points(s.first.total) : json(nullptr)},
         {"first_date", any ? json(s.first.date) : json(nullptr)},
         {"latest", any ? points(s.latest.total) : json(nullptr)},
         {"latest_date", any ? json(s.latest.date) : json(nullptr)},
         {"change", any ? points(s.change()) : json(nullptr)},
         {"reliable_change", to_code(s.reliable)},
         {"below_cutoff", s.below_cutoff}};
  if (with_alliance) j["alliance_flag"] = s.alliance_flag;
  return j;
}

}  // namespace

json points(int tenths) {
  if (tenths % 10 == 0) return tenths / 10;  // 25, not 25.0
  return tenths / 10.0;
}

json rating_json(const Rating& r, int first_total) {
  const RatingScale* scale = find_rating_scale(r.scale);
  json items = json::array();
  for (int v : r.items) items.push_back(points(v));
  json j{{"id", r.id},
         {"date", r.date},
         {"scale", r.scale},
         {"items", items},
         {"total", points(r.total)},
         {"staff_id", r.staff_id ? json(*r.staff_id) : json(nullptr)}};
  if (!scale) return j;
  j["change_from_first"] = points(r.total - first_total);
  j["reliable_change"] = to_code(reliable_change(*scale, first_total, r.total));
  j["below_cutoff"] = below_cutoff(*scale, r.total);
  if (scale->item_flag) j["alliance_flag"] = alliance_flag(*scale, r.items);
  return j;
}

json ratings_json(const std::vector<Rating>& ratings) {
  std::map<std::string, int> first;  // the store gives them by date, then id
  json out = json::array();
  for (const auto& r : ratings) {
    auto it = first.emplace(r.scale, r.total).first;
    out.push_back(rating_json(r, it->second));
  }
  return out;
}

json rating_summary_json(const RatingSummary& s) {
  return {{"ors", scale_json(s.ors, false)}, {"srs", scale_json(s.srs, true)}, {"no_improvement", s.no_improvement}};
}

json goal_changes_json(const std::vector<GoalRating>& ratings) {
  json out = json::array();
  for (const auto& c : goal_changes(ratings))
    out.push_back({{"area", c.area}, {"start", opt_int(c.start)}, {"exit", opt_int(c.exit)}, {"change", opt_int(c.change())}});
  return out;
}

}  // namespace stegvis::http
