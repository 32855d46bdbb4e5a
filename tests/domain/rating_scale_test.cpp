// ORS/SRS scoring at its exact boundaries (domain.md §5): items 0–10 with one
// decimal, the clinical cut-off 25, reliable change 5 from the first rating,
// the SRS alliance flag (total below 36 or an item below 9), and "no
// improvement after three ORS ratings"; and goal-area change per area.
#include "domain/rating_scale.hpp"

#include <gtest/gtest.h>

#include "domain/goal_change.hpp"

using namespace stegvis;

namespace {
int item(const char* text) {
  auto r = parse_rating_item(text, "items");
  EXPECT_TRUE(r.ok()) << text;
  return r.ok() ? *r : -1;
}
Rating rating(Id id, const std::string& date, const std::string& scale, std::array<int, 4> items) {
  return {id, date, scale, items, rating_total(items), std::nullopt};
}
}  // namespace

TEST(RatingItem, ReadsWholeNumbersAndOneDecimalWithPointOrComma) {
  EXPECT_EQ(item("0"), 0);
  EXPECT_EQ(item("10"), 100);
  EXPECT_EQ(item("7.5"), 75);
  EXPECT_EQ(item("7,5"), 75);
  EXPECT_EQ(item("10.0"), 100);
  EXPECT_EQ(item(" 3.1 "), 31);
}

TEST(RatingItem, RefusesASecondDecimalAboveTenAndNonNumbers) {
  for (const char* bad : {"7.25", "10.1", "11", "-1", "", "a", "7.", ".5", "1e1", "7.5.1", "007", "5 5"}) {
    auto r = parse_rating_item(bad, "items");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::unprocessable) << bad;
    EXPECT_EQ(r.error().field, "items");
  }
}

TEST(RatingItem, JsonNumbersAllowFloatNoiseButNotASecondDecimal) {
  EXPECT_EQ(*rating_item_from_number(7.3, "items"), 73);
  EXPECT_EQ(*rating_item_from_number(0.1 + 0.2, "items"), 3);
  EXPECT_EQ(*rating_item_from_number(10.0, "items"), 100);
  EXPECT_FALSE(rating_item_from_number(8.95, "items").ok());
  EXPECT_FALSE(rating_item_from_number(10.1, "items").ok());
  EXPECT_FALSE(rating_item_from_number(-0.1, "items").ok());
}

TEST(RatingTotal, SumsTheFourItemsInTenths) { EXPECT_EQ(rating_total({75, 62, 80, 91}), 308); }

TEST(OrsCutoff, TwentyFourPointNineIsBelowTwentyFiveIsNot) {
  EXPECT_TRUE(below_cutoff(ors_scale(), 249));
  EXPECT_FALSE(below_cutoff(ors_scale(), 250));
}

TEST(ReliableChange, FivePointsEitherWayCountsFourPointNineDoesNot) {
  const auto& ors = ors_scale();
  EXPECT_EQ(reliable_change(ors, 180, 229), ReliableChange::none);
  EXPECT_EQ(reliable_change(ors, 180, 230), ReliableChange::improvement);
  EXPECT_EQ(reliable_change(ors, 230, 181), ReliableChange::none);
  EXPECT_EQ(reliable_change(ors, 230, 180), ReliableChange::deterioration);
}

TEST(SrsAlliance, TotalBelowThirtySixOrAnItemBelowNineFlags) {
  const auto& srs = srs_scale();
  EXPECT_TRUE(alliance_flag(srs, {90, 90, 90, 89}));     // 35.9
  EXPECT_FALSE(alliance_flag(srs, {90, 90, 90, 90}));    // 36.0, no item below 9
  EXPECT_TRUE(alliance_flag(srs, {89, 100, 100, 100}));  // 38.9, but an item at 8.9
  EXPECT_FALSE(alliance_flag(srs, {90, 100, 100, 100}));
  EXPECT_FALSE(alliance_flag(ors_scale(), {0, 0, 0, 0})) << "ORS has no alliance flag";
}

TEST(RatingSummary, ChangeIsFromTheFirstRatingNotThePrevious) {
  // 18.0 → 21.0 → 22.9: each step under 5, but 4.9 from the first: none; then 23.0: 5.0 from the first.
  std::vector<Rating> rs{rating(1, "2024-01-10", "ORS", {45, 45, 45, 45}), rating(2, "2024-01-17", "ORS", {50, 50, 55, 55}),
                         rating(3, "2024-01-24", "ORS", {57, 57, 57, 58})};
  auto s = summarise_ratings(rs);
  EXPECT_EQ(s.ors.count, 3);
  EXPECT_EQ(s.ors.change(), 49);
  EXPECT_EQ(s.ors.reliable, ReliableChange::none);
  EXPECT_TRUE(s.ors.below_cutoff);
  EXPECT_TRUE(s.no_improvement);
  rs.push_back(rating(4, "2024-01-31", "ORS", {57, 57, 58, 58}));
  s = summarise_ratings(rs);
  EXPECT_EQ(s.ors.change(), 50);
  EXPECT_EQ(s.ors.reliable, ReliableChange::improvement);
  EXPECT_FALSE(s.no_improvement);
}

TEST(RatingSummary, NoImprovementNeedsThreeOrsRatings) {
  std::vector<Rating> rs{rating(1, "2024-01-10", "ORS", {45, 45, 45, 45}), rating(2, "2024-01-17", "ORS", {45, 45, 45, 45}),
                         rating(3, "2024-01-17", "SRS", {80, 80, 80, 80})};
  EXPECT_FALSE(summarise_ratings(rs).no_improvement) << "two ORS ratings are too few";
  rs.push_back(rating(4, "2024-01-24", "ORS", {40, 40, 40, 40}));
  auto s = summarise_ratings(rs);
  EXPECT_TRUE(s.no_improvement);
  EXPECT_EQ(s.ors.reliable, ReliableChange::none) << "-2.0 is no reliable deterioration either";
}

TEST(RatingSummary, OrdersByDateThenIdAndTakesTheLatestForFlags) {
  std::vector<Rating> rs{rating(9, "2024-02-01", "SRS", {95, 95, 95, 95}), rating(3, "2024-01-01", "SRS", {80, 80, 80, 80}),
                         rating(5, "2024-02-01", "SRS", {70, 100, 100, 100})};
  auto s = summarise_ratings(rs);
  EXPECT_EQ(s.srs.count, 3);
  EXPECT_EQ(s.srs.first.id, 3);
  EXPECT_EQ(s.srs.latest.id, 9);
  EXPECT_FALSE(s.srs.alliance_flag);
  EXPECT_EQ(s.srs.reliable, ReliableChange::improvement);
  EXPECT_EQ(s.ors.count, 0);
  EXPECT_FALSE(s.no_improvement);
}

TEST(RatingScales, OrsAndSrsHaveTheLicensedItemLabels) {
  EXPECT_EQ(ors_scale().items[0], "Individuellt");
  EXPECT_EQ(ors_scale().items[3], "Övergripande");
  EXPECT_EQ(srs_scale().items[1], "Mål och ämnen");
  EXPECT_EQ(find_rating_scale("SRS"), &srs_scale());
  EXPECT_EQ(find_rating_scale("ors"), nullptr);
}

TEST(GoalChange, ChangePerAreaOnlyWhenBothPhasesAreRated) {
  auto rows = goal_changes({{"start", "maende", 2}, {"exit", "maende", 4}, {"start", "tilltro", 3}});
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].area, "tilltro");
  EXPECT_FALSE(rows[0].change());
  EXPECT_EQ(rows[4].area, "maende");
  EXPECT_EQ(*rows[4].change(), 2);
}

TEST(GoalChange, CheckNormalisesAreasAndRefusesOutOfRangeDuplicatesAndUnknownPhase) {
  std::vector<GoalRating> ok{{"", "MÅENDE", 5}, {"", "tilltro", 1}};
  EXPECT_FALSE(check_goal_ratings("start", ok));
  EXPECT_EQ(ok[0].area, "maende");
  EXPECT_EQ(ok[0].phase, "start");
  std::vector<GoalRating> zero{{"", "maende", 0}}, six{{"", "maende", 6}}, twice{{"", "maende", 2}, {"", "mående", 3}},
      unknown{{"", "lycka", 3}};
  EXPECT_EQ(check_goal_ratings("start", zero)->field, "ratings");
  EXPECT_TRUE(check_goal_ratings("start", six));
  EXPECT_TRUE(check_goal_ratings("start", twice));
  EXPECT_TRUE(check_goal_ratings("start", unknown));
  std::vector<GoalRating> empty;
  EXPECT_EQ(check_goal_ratings("middle", empty)->field, "phase");
}
