// The demo's ORS/SRS ratings and start goal ratings: at most meetings, within
// the scale, dated inside the enrolment; most participants improve reliably,
// some show no improvement after three ratings, a few alliance flags; most
// enrolments have start goal ratings.
#include <gtest/gtest.h>

#include "app/demo.hpp"
#include "app/services_test_support.hpp"

using namespace stegvis;

TEST(DemoRatings, RealisticTrajectoriesAtMostMeetingsAndStartGoalRatings) {
  test::AppFixture f;  // today is 2025-06-15
  ASSERT_TRUE(app::load_demo(f.env()));
  auto tx = f.t->db->begin(false);
  auto& p = tx->participants();
  store::EnrolmentFilter all;
  all.limit = 100000;
  auto enrolments = p.enrolments(all, nullptr);
  int meetings = 0, ors_count = 0, rated = 0, improved = 0, no_improvement = 0, alliance = 0, with_start = 0;
  std::vector<Id> ids;
  std::map<Id, RatingSummary> own;
  for (const auto& e : enrolments) {
    if (!e.staff_id) continue;
    ids.push_back(e.id);
    for (const auto& c : p.contacts(e.id)) meetings += c.kind == "meeting" || c.kind == "digital";
    auto ratings = p.ratings(e.id);
    for (const auto& r : ratings) {
      EXPECT_GE(r.date, e.start_date);
      if (!e.active()) {
        EXPECT_LE(r.date, e.exit_date);
      }
      EXPECT_EQ(r.total, rating_total(r.items));
      for (int v : r.items) EXPECT_TRUE(v >= 0 && v <= 100);
      ors_count += r.scale == "ORS";
    }
    auto s = summarise_ratings(ratings);
    own[e.id] = s;
    if (s.ors.count >= 3) {
      ++rated;
      improved += s.ors.reliable == ReliableChange::improvement;
      no_improvement += s.no_improvement;
    }
    for (const auto& g : p.goal_ratings(e.id)) {
      if (g.phase != "start") continue;
      ++with_start;
      break;
    }
    alliance += s.srs.alliance_flag;
  }
  ASSERT_GT(rated, 50);
  EXPECT_GT(ors_count, meetings / 2) << "ORS at most meetings";
  EXPECT_LE(ors_count, meetings);
  EXPECT_GT(improved, rated / 2) << "most improve";
  EXPECT_GT(no_improvement, rated / 10) << "some do not";
  EXPECT_LT(no_improvement, rated / 2);
  EXPECT_GT(alliance, 0);
  EXPECT_GT(with_start, static_cast<int>(ids.size()) * 3 / 4) << "start goal ratings for most";
  // The caseload list's batch summary says the same as each enrolment's own ratings.
  auto batch = p.rating_summaries(ids);
  for (Id id : ids) {
    auto it = batch.find(id);
    bool flagged = it != batch.end() && it->second.no_improvement;
    EXPECT_EQ(flagged, own[id].no_improvement) << id;
  }
}
