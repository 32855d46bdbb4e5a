// Rating scales taken at meetings (domain.md §5): a configurable instrument of
// four items read off a 10 cm line (0–10, one decimal), with ORS (well-being)
// and SRS (working alliance) as the defaults. Values are kept in tenths so
// that totals and changes are exact integers (the rating table stores tenths).
// The rules: ORS below the adult clinical cut-off, reliable change from the
// first rating, the SRS alliance flag, and "no improvement after three ORS".
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/organisation.hpp"
#include "domain/result.hpp"

namespace stegvis {

struct RatingScale {
  std::string code;  // "ORS", "SRS": the value in JSON and in rating.scale
  std::string name;
  std::array<std::string, 4> items;  // labels as the licensed form has them
  int item_max = 100;                // tenths: items 0..10, totals 0..40
  int cutoff = 0;                    // tenths; a total below it is flagged (ORS clinical range, SRS alliance)
  std::optional<int> item_flag;      // tenths; any item below it is flagged too (SRS: 9)
  int reliable_change = 50;          // tenths; a change of at least this much from the first rating
  std::string licence;
};

const RatingScale& ors_scale();
const RatingScale& srs_scale();
// The scale with this code (exact, upper case), or nothing.
const RatingScale* find_rating_scale(std::string_view code);

// One rating as stored. items and total in tenths.
struct Rating {
  Id id = 0;
  std::string date;   // YYYY-MM-DD
  std::string scale;  // ORS, SRS
  std::array<int, 4> items{};
  int total = 0;
  std::optional<Id> staff_id;
};

// An item as read off the line, from a form ("7", "7.5", "7,5") or a JSON number:
// 0–10 with at most one decimal, in tenths. Errors are 422 naming field.
Result<int> parse_rating_item(std::string_view text, const std::string& field);
Result<int> rating_item_from_number(double value, const std::string& field);

int rating_total(const std::array<int, 4>& items);

enum class ReliableChange { none, improvement, deterioration };
const char* to_code(ReliableChange c);  // "none", "improvement", "deterioration"

// A total below the scale's cut-off (ORS: below 25 is the clinical range).
bool below_cutoff(const RatingScale& scale, int total);
// From the first rating to this one: a change of at least the scale's index either way.
ReliableChange reliable_change(const RatingScale& scale, int first_total, int total);
// SRS: a total below the cut-off (36) or any item below the item flag (9).
bool alliance_flag(const RatingScale& scale, const std::array<int, 4>& items);

// One scale's ratings of an enrolment, from its first and latest rating.
struct ScaleSummary {
  int count = 0;
  Rating first, latest;  // meaningful when count > 0
  int change() const { return latest.total - first.total; }
  ReliableChange reliable = ReliableChange::none;
  bool below_cutoff = false;   // the latest rating
  bool alliance_flag = false;  // the latest rating, scales with an item flag (SRS)
};
ScaleSummary summarise_scale(const RatingScale& scale, int count, const Rating& first, const Rating& latest);

struct RatingSummary {
  ScaleSummary ors, srs;
  // Three or more ORS ratings and no reliable improvement from the first to the latest.
  bool no_improvement = false;
};
RatingSummary summarise_ratings(const std::vector<Rating>& ratings);  // any order; by date, then id
bool no_improvement(const ScaleSummary& ors);

constexpr int kNoImprovementAfter = 3;

}  // namespace stegvis
