// The due work's bulk reads (sql_due_work.cpp) on both backends: only enrolments
// that still need something, with their latest plan and follow-up, and caseloads
// of one unit's staff.
#include <gtest/gtest.h>

#include "support/test_db.hpp"

using namespace stegvis;
using namespace stegvis::store;
using stegvis::test::TestDb;

namespace {
struct SqliteW { static std::unique_ptr<TestDb> make() { return test::fresh_sqlite(); } };
struct PostgresW { static std::unique_ptr<TestDb> make() { return test::fresh_postgresql(); } };
struct WNames {
  template <typename T>
  static std::string GetName(int) { return std::is_same_v<T, SqliteW> ? "Sqlite" : "Postgres"; }
};
}  // namespace

template <typename B>
class OpenWork : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = B::make();
    if (!t_) GTEST_SKIP() << "PostgreSQL not configured (STEGVIS_TEST_PG)";
    t_->db->set_field_key(std::string(32, 'w'));
    auto tx = t_->db->begin(true);
    auto& o = tx->organisation();
    Id a = o.save_association({0, "F", ""});
    Id party = o.save_party({0, "Region", "region"});
    muni_ = o.save_municipality({0, "Flen", std::nullopt, 1, 1});
    Programme p;
    p.association_id = a;
    p.name = "P";
    p.start_date = "2023-10-01";
    p.end_date = "2028-09-30";
    programme_ = o.save_programme(p);
    track_ = o.save_track({0, programme_, "unga", "Unga", 18, 29, Role::koordinator});
    Municipality m;
    m.id = muni_;
    unit_ = o.save_unit({0, programme_, "Västra", party, {m}});
    Staff s;
    s.username = "k";
    s.name = "K";
    s.roles = {{Role::koordinator, unit_, muni_, 100}};
    staff_ = tx->staff().create(s, "h", 1);
    tx->commit();
  }
  Enrolment enrolment(const std::string& start, const std::string& exit = "", const std::string& sent = "") {
    Enrolment e;
    e.programme_id = programme_;
    e.track_id = track_;
    e.unit_id = unit_;
    e.municipality_id = muni_;
    e.gender = "male";
    e.birth_year = 2000;
    e.start_date = start;
    e.exit_date = exit;
    e.outcome = exit.empty() ? "" : "studier";
    e.final_report_sent_on = sent;
    e.staff_id = staff_;
    return e;
  }
  std::unique_ptr<TestDb> t_;
  Id muni_ = 0, programme_ = 0, track_ = 0, unit_ = 0, staff_ = 0;
};

using WBackends = ::testing::Types<SqliteW, PostgresW>;
TYPED_TEST_SUITE(OpenWork, WBackends, WNames);

TYPED_TEST(OpenWork, ListsOnlyWhatStillNeedsDoingWithTheLatestPlanAndFollowUp) {
  auto tx = this->t_->db->begin(true);
  auto& p = tx->participants();
  Id active = p.create_enrolment(this->enrolment("2024-01-15"), 1);
  Id unsent = p.create_enrolment(this->enrolment("2023-11-01", "2024-03-01"), 1);
  p.create_enrolment(this->enrolment("2023-11-01", "2024-03-01", "2024-03-10"), 1);  // done: not listed
  Plan plan;
  plan.next_follow_up = "2024-03-01";
  p.save_plan(active, plan, this->staff_, 1);
  plan.next_follow_up = "2024-04-01";
  p.save_plan(active, plan, this->staff_, 2);
  p.add_follow_up(active, {0, "2024-04-02", true, "continue", "", "2024-06-30", this->staff_}, 3);
  p.add_follow_up(active, {0, "2024-02-01", true, "continue", "", "2024-05-01", this->staff_}, 4);

  for (auto work : {p.open_work(this->staff_, std::nullopt), p.open_work(std::nullopt, this->unit_)}) {
    ASSERT_EQ(work.size(), 2u);
    EXPECT_EQ(work[0].enrolment_id, active);
    EXPECT_TRUE(work[0].has_plan);
    EXPECT_EQ(to_string(*work[0].last_follow_up), "2024-04-02");  // the latest by date, not the latest written
    EXPECT_EQ(to_string(*work[0].planned_follow_up), "2024-06-30");
    EXPECT_FALSE(work[0].exit);
    EXPECT_EQ(work[1].enrolment_id, unsent);
    EXPECT_FALSE(work[1].has_plan);
    EXPECT_EQ(to_string(*work[1].exit), "2024-03-01");
    EXPECT_FALSE(work[1].final_report_sent);
  }
  EXPECT_TRUE(p.open_work(this->staff_ + 1, std::nullopt).empty());
  EXPECT_EQ(p.caseloads_of_unit(this->unit_)[this->staff_], 1);
  EXPECT_TRUE(p.caseloads_of_unit(this->unit_ + 1).empty());
}
