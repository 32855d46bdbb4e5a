// The evaluator export's query on both backends: the period's boundaries, first
// and latest ratings up to the period's end, goal ratings, and pseudonyms made
// with the key over the programme and the person (or the enrolment).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "crypto/crypto.hpp"
#include "crypto/sealed_box.hpp"
#include "support/test_db.hpp"

using namespace stegvis;
using namespace stegvis::store;
using stegvis::test::TestDb;

namespace {
struct SqliteE {
  static std::unique_ptr<TestDb> make() { return test::fresh_sqlite(); }
};
struct PostgresE {
  static std::unique_ptr<TestDb> make() { return test::fresh_postgresql(); }
};
struct Names {
  template <typename T>
  static std::string GetName(int) {
    return std::is_same_v<T, SqliteE> ? "Sqlite" : "Postgres";
  }
};
const std::string kKey(32, 'e');
}  // namespace

template <typename B>
class EvaluationContract : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = B::make();
    if (!t_) GTEST_SKIP() << "PostgreSQL not configured (STEGVIS_TEST_PG)";
    crypto::init();
    t_->db->set_field_key(kKey);
    auto tx = t_->db->begin(true);
    auto& o = tx->organisation();
    Id a = o.save_association({0, "F", ""});
    muni_ = o.save_municipality({0, "Vingåker", std::nullopt, 1, 1});
    Municipality m;
    m.id = muni_;
    for (Id* p : {&programme_, &other_}) {
      Programme prog;
      prog.association_id = a;
      prog.name = p == &programme_ ? "P" : "Q";
      prog.start_date = "2020-01-01";
      prog.end_date = "2030-12-31";
      *p = o.save_programme(prog);
    }
    track_ = o.save_track({0, programme_, "unga", "Unga", 18, 29, Role::koordinator});
    other_track_ = o.save_track({0, other_, "unga", "Unga", 18, 29, Role::koordinator});
    unit_ = o.save_unit({0, programme_, "Västra", std::nullopt, {m}});
    other_unit_ = o.save_unit({0, other_, "Mitt", std::nullopt, {m}});
    person_ = tx->participants().create_person({"200101012384", "Ada", "Ek", "ada@example.se"}, 1);
    tx->commit();
  }

  Id enrol(const std::string& start, const std::string& exit, std::optional<Id> person, bool other = false) {
    Enrolment e;
    e.programme_id = other ? other_ : programme_;
    e.track_id = other ? other_track_ : track_;
    e.unit_id = other ? other_unit_ : unit_;
    e.municipality_id = muni_;
    e.person_id = person;
    e.anonymous = !person;
    e.gender = "female";
    e.birth_year = 2001;
    e.start_date = start;
    e.income_before = {"forsorjningsstod", "ingen"};
    e.next_step = "Fritext som aldrig ska ut";
    auto tx = t_->db->begin(true);
    Id id = tx->participants().create_enrolment(e, 1);
    if (!exit.empty()) {
      auto stored = *tx->participants().enrolment(id);
      stored.exit_date = exit;
      stored.outcome = "studier";
      EXPECT_TRUE(tx->participants().update_enrolment(stored));
    }
    tx->commit();
    return id;
  }

  void rating(Id enrolment, const std::string& date, const std::string& scale, int total_tenths) {
    test::exec_sql(t_->url, "INSERT INTO rating (enrolment_id, rating_date, scale, item1, item2, item3, item4, total, "
                            "created_at) VALUES (" + std::to_string(enrolment) + ", '" + date + "', '" + scale +
                                "', 0, 0, 0, 0, " + std::to_string(total_tenths) + ", 0)");
  }

  std::vector<EvaluationFacts> facts(Id programme, const std::string& from, const std::string& to) {
    auto tx = t_->db->begin(false);
    return tx->evaluation().evaluation_facts(programme, from, to);
  }

  std::string pseudonym(Id programme, const std::string& subject) {
    return crypto::FieldCipher(kKey).keyed_hash("pseudonym:" + std::to_string(programme), subject).substr(0, 16);
  }

  std::unique_ptr<TestDb> t_;
  Id muni_ = 0, programme_ = 0, other_ = 0, track_ = 0, other_track_ = 0, unit_ = 0, other_unit_ = 0, person_ = 0;
};

using EBackends = ::testing::Types<SqliteE, PostgresE>;
TYPED_TEST_SUITE(EvaluationContract, EBackends, Names);

TYPED_TEST(EvaluationContract, BothEndsOfThePeriodCountAndNothingOutsideIt) {
  this->enrol("2026-03-31", "", std::nullopt);            // starts on the last day
  this->enrol("2025-01-01", "2026-01-01", std::nullopt);  // exits on the first day
  this->enrol("2026-04-01", "", std::nullopt);            // starts the day after
  this->enrol("2025-01-01", "2025-12-31", std::nullopt);  // exits the day before
  this->enrol("2026-02-01", "", std::nullopt, true);      // another programme
  auto f = this->facts(this->programme_, "2026-01-01", "2026-03-31");
  ASSERT_EQ(f.size(), 2u);
  std::set<std::string> starts{f[0].start_date, f[1].start_date};
  EXPECT_EQ(starts, (std::set<std::string>{"2026-03-31", "2025-01-01"}));
  for (const auto& x : f) {
    EXPECT_EQ(x.unit, "Västra");
    EXPECT_EQ(x.municipality, "Vingåker");
    EXPECT_EQ(x.track, "unga");
    EXPECT_EQ(x.income_before, (std::vector<std::string>{"forsorjningsstod", "ingen"}));
  }
}

TYPED_TEST(EvaluationContract, FirstAndLatestRatingUpToThePeriodsEnd) {
  Id e = this->enrol("2026-01-10", "", std::nullopt);
  this->rating(e, "2026-01-20", "ORS", 185);
  this->rating(e, "2026-01-20", "ORS", 200);  // the same day, entered later: not the first
  this->rating(e, "2026-02-20", "ORS", 275);
  this->rating(e, "2026-04-02", "ORS", 390);  // after the period
  this->rating(e, "2026-02-20", "SRS", 360);
  auto f = this->facts(this->programme_, "2026-01-01", "2026-03-31");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].ors_first, 18.5);
  EXPECT_EQ(f[0].ors_latest, 27.5);
  EXPECT_EQ(f[0].srs_first, 36);
  EXPECT_EQ(f[0].srs_latest, 36);
  auto later = this->facts(this->programme_, "2026-01-01", "2026-12-31");
  EXPECT_EQ(later.at(0).ors_latest, 39);
  Id unrated = this->enrol("2026-01-11", "", std::nullopt);
  (void)unrated;
  for (const auto& x : this->facts(this->programme_, "2026-01-01", "2026-03-31"))
    if (x.start_date == "2026-01-11") {
      EXPECT_FALSE(x.ors_first.has_value());
      EXPECT_FALSE(x.srs_latest.has_value());
    }
}

TYPED_TEST(EvaluationContract, GoalRatingsComeWithTheirPhase) {
  Id e = this->enrol("2026-01-10", "2026-02-10", std::nullopt);
  {
    auto tx = this->t_->db->begin(true);
    tx->participants().set_goal_ratings(e, {{"start", "tilltro", 2}, {"exit", "tilltro", 4}});
    tx->commit();
  }
  auto f = this->facts(this->programme_, "2026-01-01", "2026-03-31");
  ASSERT_EQ(f.size(), 1u);
  ASSERT_EQ(f[0].goal_ratings.size(), 2u);
  EXPECT_EQ(f[0].exit_date, "2026-02-10");
  EXPECT_EQ(f[0].outcome, "studier");
}

TYPED_TEST(EvaluationContract, PseudonymIsKeyedOverProgrammeAndPerson) {
  Id first = this->enrol("2025-06-01", "2025-12-01", this->person_);
  Id again = this->enrol("2026-02-01", "", this->person_);
  Id anonymous = this->enrol("2026-01-05", "", std::nullopt);
  this->enrol("2026-01-20", "", this->person_, true);
  (void)first;
  (void)again;
  auto f = this->facts(this->programme_, "2025-01-01", "2026-12-31");
  ASSERT_EQ(f.size(), 3u);
  std::string person = this->pseudonym(this->programme_, "person:" + std::to_string(this->person_));
  std::string anon = this->pseudonym(this->programme_, "enrolment:" + std::to_string(anonymous));
  int of_person = 0;
  for (const auto& x : f) {
    if (x.pseudonym == person) ++of_person;
    EXPECT_EQ(x.pseudonym.size(), 16u);
  }
  EXPECT_EQ(of_person, 2);
  EXPECT_TRUE(std::any_of(f.begin(), f.end(), [&](const EvaluationFacts& x) { return x.pseudonym == anon; }));
  // Sorted by pseudonym, so the order says nothing about who came first.
  EXPECT_TRUE(std::is_sorted(f.begin(), f.end(),
                             [](const EvaluationFacts& a, const EvaluationFacts& b) { return a.pseudonym < b.pseudonym; }));
  auto other = this->facts(this->other_, "2025-01-01", "2026-12-31");
  ASSERT_EQ(other.size(), 1u);
  EXPECT_NE(other[0].pseudonym, person);
  EXPECT_EQ(other[0].pseudonym, this->pseudonym(this->other_, "person:" + std::to_string(this->person_)));
}
