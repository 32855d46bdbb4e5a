// The rating table on both backends: tenths round-trip, a repeated request key
// stores one rating, ratings come by date then id, and the batch summary of
// many enrolments (one query) agrees with the summary of each one's ratings,
// and the facts of a period report carry the first and latest rating (by date
// then id), the first plan, the follow-ups in date order and the goal ratings.
#include <gtest/gtest.h>

#include "support/test_db.hpp"

using namespace stegvis;
using namespace stegvis::store;
using stegvis::test::TestDb;

namespace {
struct SqliteR {
  static std::unique_ptr<TestDb> make() { return test::fresh_sqlite(); }
};
struct PostgresR {
  static std::unique_ptr<TestDb> make() { return test::fresh_postgresql(); }
};
struct RNames {
  template <typename T>
  static std::string GetName(int) {
    return std::is_same_v<T, SqliteR> ? "Sqlite" : "Postgres";
  }
};

Rating rating(const std::string& date, const std::string& scale, std::array<int, 4> items) {
  return {0, date, scale, items, rating_total(items), std::nullopt};
}
}  // namespace

template <typename B>
class RatingContract : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = B::make();
    if (!t_) GTEST_SKIP() << "PostgreSQL not configured (STEGVIS_TEST_PG)";
    t_->db->set_field_key(std::string(32, 'r'));
    auto tx = t_->db->begin(true);
    auto& o = tx->organisation();
    Id a = o.save_association({0, "F", ""});
    Id party = o.save_party({0, "Region", "region"});
    Id muni = o.save_municipality({0, "Flen", std::nullopt, 1, 1});
    Programme p;
    p.association_id = a;
    p.name = "P";
    p.start_date = "2023-10-01";
    p.end_date = "2028-09-30";
    Id programme = o.save_programme(p);
    Id track = o.save_track({0, programme, "arbetsmarknad", "Arbetsmarknad", 18, 65, Role::coach});
    Municipality m;
    m.id = muni;
    Id unit = o.save_unit({0, programme, "Västra", party, {m}});
    Staff s;
    s.username = "c";
    s.name = "C";
    s.roles = {{Role::coach, unit, muni, 100}};
    staff_ = tx->staff().create(s, "h", 1);
    proto_.programme_id = programme;
    proto_.track_id = track;
    proto_.unit_id = unit;
    proto_.municipality_id = muni;
    proto_.gender = "male";
    proto_.birth_year = 1985;
    proto_.start_date = "2024-01-15";
    proto_.staff_id = staff_;
    tx->commit();
  }
  Database& db() { return *t_->db; }
  std::unique_ptr<TestDb> t_;
  Enrolment proto_;
  Id staff_ = 0;
};

using RBackends = ::testing::Types<SqliteR, PostgresR>;
TYPED_TEST_SUITE(RatingContract, RBackends, RNames);

TYPED_TEST(RatingContract, RatingsRoundTripInTenthsByDateThenId) {
  auto tx = this->db().begin(true);
  auto& p = tx->participants();
  Id e = p.create_enrolment(this->proto_, 1);
  Rating later = rating("2024-02-10", "SRS", {95, 100, 89, 100});
  later.staff_id = this->staff_;
  Id b = p.add_rating(e, later, "", 2);
  Id a = p.add_rating(e, rating("2024-02-01", "ORS", {0, 100, 55, 7}), "", 3);
  auto all = p.ratings(e);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, a);
  EXPECT_EQ(all[0].items, (std::array<int, 4>{0, 100, 55, 7}));
  EXPECT_EQ(all[0].total, 162);
  EXPECT_FALSE(all[0].staff_id);
  EXPECT_EQ(all[1].id, b);
  EXPECT_EQ(all[1].scale, "SRS");
  EXPECT_EQ(all[1].date, "2024-02-10");
  EXPECT_EQ(all[1].staff_id, this->staff_);
  EXPECT_TRUE(p.ratings(e + 1000).empty());
}

TYPED_TEST(RatingContract, ARepeatedRequestKeyStoresOneRating) {
  auto tx = this->db().begin(true);
  auto& p = tx->participants();
  Id e = p.create_enrolment(this->proto_, 1);
  Id first = p.add_rating(e, rating("2024-02-01", "ORS", {50, 50, 50, 50}), "7:form-1", 1);
  Id again = p.add_rating(e, rating("2024-02-01", "ORS", {90, 90, 90, 90}), "7:form-1", 2);
  EXPECT_EQ(first, again);
  p.add_rating(e, rating("2024-02-01", "ORS", {90, 90, 90, 90}), "7:form-2", 3);
  auto all = p.ratings(e);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].total, 200) << "the first submission is what is stored";
}

TYPED_TEST(RatingContract, BatchSummaryAgreesWithEachEnrolmentsOwnRatings) {
  auto tx = this->db().begin(true);
  auto& p = tx->participants();
  Id flat = p.create_enrolment(this->proto_, 1), better = p.create_enrolment(this->proto_, 1),
     none = p.create_enrolment(this->proto_, 1), srs_only = p.create_enrolment(this->proto_, 1);
  // flat: 18.0, 19.0, 22.9 (4.9 up from the first: no reliable change) → no improvement.
  p.add_rating(flat, rating("2024-02-01", "ORS", {45, 45, 45, 45}), "", 1);
  p.add_rating(flat, rating("2024-02-08", "ORS", {45, 45, 50, 50}), "", 1);
  p.add_rating(flat, rating("2024-02-15", "ORS", {57, 57, 57, 58}), "", 1);
  p.add_rating(flat, rating("2024-02-15", "SRS", {90, 90, 90, 89}), "", 1);
  // better: 20.0 then, on the same later day, 24.9 and (entered after it) 25.0.
  p.add_rating(better, rating("2024-02-01", "ORS", {50, 50, 50, 50}), "", 1);
  p.add_rating(better, rating("2024-03-01", "ORS", {62, 62, 62, 63}), "", 1);
  p.add_rating(better, rating("2024-03-01", "ORS", {62, 62, 63, 63}), "", 1);
  p.add_rating(better, rating("2024-02-01", "SRS", {100, 100, 100, 100}), "", 1);
  p.add_rating(srs_only, rating("2024-02-01", "SRS", {80, 100, 100, 100}), "", 1);
  auto sums = p.rating_summaries({flat, better, none, srs_only});
  EXPECT_EQ(sums.count(none), 0u);
  ASSERT_EQ(sums.size(), 3u);
  for (Id e : {flat, better, srs_only}) {
    auto own = summarise_ratings(p.ratings(e));
    const auto& s = sums.at(e);
    EXPECT_EQ(s.ors.count, own.ors.count) << e;
    EXPECT_EQ(s.ors.first.id, own.ors.first.id) << e;
    EXPECT_EQ(s.ors.latest.id, own.ors.latest.id) << e;
    EXPECT_EQ(s.srs.latest.items, own.srs.latest.items) << e;
    EXPECT_EQ(s.no_improvement, own.no_improvement) << e;
    EXPECT_EQ(s.srs.alliance_flag, own.srs.alliance_flag) << e;
  }
  EXPECT_TRUE(sums.at(flat).no_improvement);
  EXPECT_EQ(sums.at(flat).ors.change(), 49);
  EXPECT_TRUE(sums.at(flat).srs.alliance_flag);
  EXPECT_EQ(sums.at(better).ors.count, 3);
  EXPECT_EQ(sums.at(better).ors.latest.total, 250);
  EXPECT_EQ(sums.at(better).ors.reliable, ReliableChange::improvement);
  EXPECT_FALSE(sums.at(better).ors.below_cutoff);
  EXPECT_FALSE(sums.at(better).no_improvement);
  EXPECT_FALSE(sums.at(better).srs.alliance_flag);
  EXPECT_TRUE(sums.at(srs_only).srs.alliance_flag);
  EXPECT_FALSE(sums.at(srs_only).no_improvement);
  EXPECT_TRUE(p.rating_summaries({}).empty());
}

TYPED_TEST(RatingContract, DeletingAPhaseOfGoalRatingsKeepsTheOther) {
  auto tx = this->db().begin(true);
  auto& p = tx->participants();
  Id e = p.create_enrolment(this->proto_, 1);
  p.set_goal_ratings(e, {{"start", "maende", 2}, {"start", "tilltro", 3}, {"exit", "maende", 4}});
  p.delete_goal_ratings(e, "start");
  auto rs = p.goal_ratings(e);
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].phase, "exit");
}

TYPED_TEST(RatingContract, ReportFactsCarryRatingEndsPlanFollowUpsAndGoals) {
  auto tx = this->db().begin(true);
  auto& p = tx->participants();
  Id e = p.create_enrolment(this->proto_, 1), bare = p.create_enrolment(this->proto_, 1);
  Enrolment before = this->proto_;
  before.start_date = "2020-01-01";
  before.exit_date = "2020-06-30";
  Id outside = p.create_enrolment(before, 1);
  // Entered out of order: the latest ORS is the one entered last on the later day.
  p.add_rating(e, rating("2024-03-01", "ORS", {62, 62, 62, 63}), "", 1);
  p.add_rating(e, rating("2024-02-01", "ORS", {50, 50, 50, 50}), "", 1);
  p.add_rating(e, rating("2024-03-01", "ORS", {62, 62, 63, 63}), "", 1);
  p.add_rating(e, rating("2024-02-05", "SRS", {90, 90, 90, 90}), "", 1);
  p.add_rating(outside, rating("2020-02-01", "ORS", {10, 10, 10, 10}), "", 1);
  p.add_follow_up(e, {0, "2024-07-20", false, "continue", "", "", std::nullopt}, 1);
  p.add_follow_up(e, {0, "2024-04-10", false, "continue", "", "", std::nullopt}, 1);
  (void)p.save_plan(e, Plan{}, std::nullopt, 1706227200);  // 2024-01-26 00:00 UTC
  (void)p.save_plan(e, Plan{}, std::nullopt, 1709251200);  // a later version does not move the first plan
  p.set_goal_ratings(e, {{"start", "maende", 2}, {"exit", "maende", 4}, {"start", "tilltro", 3}});
  auto facts = tx->reports().facts(this->proto_.programme_id, "2024-01-01", "2024-12-31");
  ASSERT_EQ(facts.size(), 2u) << "the enrolment that ended in 2020 is not in the period";
  const auto& f = facts[0].enrolment_id == e ? facts[0] : facts[1];
  const auto& b = facts[0].enrolment_id == e ? facts[1] : facts[0];
  EXPECT_EQ(b.enrolment_id, bare);
  EXPECT_EQ(f.ors.count, 3);
  EXPECT_EQ(f.ors.first, 200);
  EXPECT_EQ(f.ors.latest, 250);
  EXPECT_EQ(f.srs.count, 1);
  EXPECT_EQ(f.srs.first, 360);
  EXPECT_EQ(f.srs.latest, 360);
  ASSERT_TRUE(f.first_plan);
  EXPECT_EQ(to_string(*f.first_plan), "2024-01-26");
  ASSERT_EQ(f.follow_ups.size(), 2u);
  EXPECT_EQ(to_string(f.follow_ups[0]), "2024-04-10");
  EXPECT_EQ(to_string(f.follow_ups[1]), "2024-07-20");
  EXPECT_EQ(f.goals.at("maende").start, 2);
  EXPECT_EQ(f.goals.at("maende").exit, 4);
  EXPECT_EQ(f.goals.at("tilltro").start, 3);
  EXPECT_EQ(f.goals.at("tilltro").exit, 0);
  EXPECT_EQ(b.ors.count, 0);
  EXPECT_FALSE(b.first_plan);
  EXPECT_TRUE(b.follow_ups.empty() && b.goals.empty());
}
