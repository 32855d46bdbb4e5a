#include "app/demo_ratings.hpp"

#include <algorithm>
#include <cmath>
#include <random>

namespace stegvis::app {
namespace {

class Draw {
 public:
  explicit Draw(std::uint32_t seed) : rng_(seed) {}
  // Own arithmetic instead of std distributions: the same draws on every standard library.
  double unit() { return static_cast<double>(rng_()) / 4294967296.0; }
  double between(double lo, double hi) { return lo + (hi - lo) * unit(); }
  bool chance(double p) { return unit() < p; }

 private:
  std::mt19937 rng_;
};

// Four items around total/4, each 0–10 in tenths; the total is their sum.
Rating spread(Draw& draw, const std::string& date, const char* scale, double total, double jitter) {
  Rating r;
  r.date = date;
  r.scale = scale;
  for (int& item : r.items) {
    double v = total / 4 + draw.between(-jitter, jitter);
    item = std::clamp(static_cast<int>(std::lround(v * 10)), 0, 100);
  }
  r.total = rating_total(r.items);
  return r;
}

}  // namespace

std::vector<Rating> draft_meeting_ratings(std::uint32_t seed, const std::vector<Contact>& contacts,
                                          bool likely_better) {
  Draw draw(seed);
  std::vector<Rating> out;
  // The path's shape: the gain reached after many meetings, and how fast it comes.
  double roll = draw.unit(), gain;
  if (roll < (likely_better ? 0.85 : 0.7))
    gain = draw.between(7.5, 15);
  else if (roll < (likely_better ? 0.96 : 0.9))
    gain = draw.between(-2, 3.5);
  else
    gain = draw.between(-9, -3);
  const double start = draw.chance(0.8) ? draw.between(10, 24) : draw.between(25, 31);
  const double pace = draw.between(3, 8);
  // Most rate the session high; some start lower and get there, or not.
  const double srs_start = draw.chance(0.8) ? draw.between(37.6, 39.6) : draw.between(33, 37);
  const bool strained = draw.chance(0.15);  // one session where the alliance needs talking about
  int meeting = 0;
  for (const auto& c : contacts) {
    if (c.kind != "meeting" && c.kind != "digital") continue;
    if (!draw.chance(0.85)) continue;
    double ors = start + gain * (1 - std::exp(-meeting / pace)) + draw.between(-1.5, 1.5);
    out.push_back(spread(draw, c.date, "ORS", std::clamp(ors, 2.0, 39.0), 1.2));
    double srs = std::min(39.8, srs_start + meeting * 0.15 + draw.between(-0.4, 0.4));
    if (strained && meeting == 2) srs -= draw.between(3, 6);
    out.push_back(spread(draw, c.date, "SRS", srs, 0.25));
    ++meeting;
  }
  return out;
}

std::vector<GoalRating> draft_start_goal_ratings(std::uint32_t seed, const std::vector<Goal>& goals) {
  Draw draw(seed);
  std::vector<GoalRating> out;
  for (const auto& g : goals.empty() ? std::vector<Goal>{{"maende", ""}, {"tilltro", ""}} : goals)
    out.push_back({"start", g.area, 1 + static_cast<int>(draw.unit() * 3)});  // 1–3: why they came
  return out;
}

}  // namespace stegvis::app
