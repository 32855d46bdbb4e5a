#include "domain/rating_scale.hpp"

#include <algorithm>
#include <cmath>

namespace stegvis {
namespace {

constexpr const char* kLicence =
    "ORS och SRS © Scott D. Miller och Barry L. Duncan. Elektronisk användning kräver insatsens licens; "
    "frågorna får inte ändras.";

Error bad_item(const std::string& field) {
  return {ErrorCode::unprocessable, "Ange ett värde från 0 till 10 med högst en decimal, t.ex. 7,5.", field};
}

}  // namespace

const RatingScale& ors_scale() {
  static const RatingScale s{"ORS", "Skattning av mående (ORS)",
                             {"Individuellt", "Relationer", "Socialt", "Övergripande"}, 100, 250, std::nullopt, 50,
                             kLicence};
  return s;
}

const RatingScale& srs_scale() {
  static const RatingScale s{"SRS", "Skattning av samtalet (SRS)",
                             {"Relation", "Mål och ämnen", "Tillvägagångssätt", "Övergripande"}, 100, 360, 90, 50,
                             kLicence};
  return s;
}

const RatingScale* find_rating_scale(std::string_view code) {
  if (code == "ORS") return &ors_scale();
  if (code == "SRS") return &srs_scale();
  return nullptr;
}

// Strict text: digits, then optionally one decimal after "." or ",". No sign, no exponent, no spaces inside.
Result<int> parse_rating_item(std::string_view text, const std::string& field) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return Error{ErrorCode::unprocessable, "Värdet saknas. Ange 0–10.", field};
  int whole = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (i >= 2) return bad_item(field);
    whole = whole * 10 + (text[i] - '0');
  }
  if (i == 0) return bad_item(field);
  int tenth = 0;
  if (i < text.size()) {
    if (text[i] != '.' && text[i] != ',') return bad_item(field);
    if (text.size() != i + 2 || text[i + 1] < '0' || text[i + 1] > '9') return bad_item(field);
    tenth = text[i + 1] - '0';
  }
  int tenths = whole * 10 + tenth;
  if (tenths > 100) return bad_item(field);
  return tenths;
}

Result<int> rating_item_from_number(double value, const std::string& field) {
  if (!std::isfinite(value) || value < 0 || value > 10) return bad_item(field);
  double scaled = value * 10;
  double rounded = std::round(scaled);
  // 7.3 * 10 is 72.99999…: allow float noise, refuse a real second decimal (7.25).
  if (std::fabs(scaled - rounded) > 1e-6) return bad_item(field);
  return static_cast<int>(rounded);
}

int rating_total(const std::array<int, 4>& items) { return items[0] + items[1] + items[2] + items[3]; }

const char* to_code(ReliableChange c) {
  switch (c) {
    case ReliableChange::improvement: return "improvement";
    case ReliableChange::deterioration: return "deterioration";
    case ReliableChange::none: break;
  }
  return "none";
}

bool below_cutoff(const RatingScale& scale, int total) { return total < scale.cutoff; }

ReliableChange reliable_change(const RatingScale& scale, int first_total, int total) {
  if (total - first_total >= scale.reliable_change) return ReliableChange::improvement;
  if (first_total - total >= scale.reliable_change) return ReliableChange::deterioration;
  return ReliableChange::none;
}

bool alliance_flag(const RatingScale& scale, const std::array<int, 4>& items) {
  if (!scale.item_flag) return false;
  if (rating_total(items) < scale.cutoff) return true;
  return std::any_of(items.begin(), items.end(), [&](int v) { return v < *scale.item_flag; });
}

ScaleSummary summarise_scale(const RatingScale& scale, int count, const Rating& first, const Rating& latest) {
  ScaleSummary s;
  s.count = count;
  if (count <= 0) return s;
  s.first = first;
  s.latest = latest;
  s.reliable = reliable_change(scale, first.total, latest.total);
  s.below_cutoff = below_cutoff(scale, latest.total);
  s.alliance_flag = alliance_flag(scale, latest.items);
  return s;
}

bool no_improvement(const ScaleSummary& ors) {
  return ors.count >= kNoImprovementAfter && ors.reliable != ReliableChange::improvement;
}

RatingSummary summarise_ratings(const std::vector<Rating>& ratings) {
  std::vector<const Rating*> sorted;
  for (const auto& r : ratings) sorted.push_back(&r);
  std::sort(sorted.begin(), sorted.end(), [](const Rating* a, const Rating* b) {
    return a->date != b->date ? a->date < b->date : a->id < b->id;
  });
  RatingSummary out;
  for (const RatingScale* scale : {&ors_scale(), &srs_scale()}) {
    const Rating *first = nullptr, *latest = nullptr;
    int count = 0;
    for (const Rating* r : sorted) {
      if (r->scale != scale->code) continue;
      if (!first) first = r;
      latest = r;
      ++count;
    }
    if (count) (scale == &ors_scale() ? out.ors : out.srs) = summarise_scale(*scale, count, *first, *latest);
  }
  out.no_improvement = no_improvement(out.ors);
  return out;
}

}  // namespace stegvis
