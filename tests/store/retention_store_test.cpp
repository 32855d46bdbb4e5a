// The set-based retention (gallring) statements on both backends: what counts
// as old, what is erased, what stays, and who keeps an identity.
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
}  // namespace

template <typename B>
class RetentionContract : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = B::make();
    if (!t_) GTEST_SKIP() << "PostgreSQL not configured (STEGVIS_TEST_PG)";
    t_->db->set_field_key(std::string(32, 'r'));
    auto tx = t_->db->begin(true);
    auto& o = tx->organisation();
    Id a = o.save_association({0, "F", ""});
    party_ = o.save_party({0, "Region", "region"});
    muni_ = o.save_municipality({0, "Flen", std::nullopt, 1, 1});
    Programme p;
    p.association_id = a;
    p.name = "P";
    p.start_date = "2010-01-01";
    p.end_date = "2030-12-31";
    programme_ = o.save_programme(p);
    track_ = o.save_track({0, programme_, "unga", "Unga", 18, 29, Role::koordinator});
    Municipality m;
    m.id = muni_;
    unit_ = o.save_unit({0, programme_, "Västra", party_, {m}});
    tx->commit();
  }

  // A person with a referral and, unless declined, an enrolment with text everywhere; returns the enrolment id (0 if declined).
  Id add(Store& tx, Id person, const std::string& start, const std::string& exit, bool declined = false) {
    auto& p = tx.participants();
    Referral r;
    r.programme_id = programme_;
    r.track_id = track_;
    r.unit_id = unit_;
    r.municipality_id = muni_;
    r.referring_party_id = party_;
    r.person_id = person;
    r.referrer_name = "Handläggare";
    r.gender = "female";
    r.birth_year = 2000;
    r.reason = "Skäl";
    r.received_on = start;
    r.status = declined ? "declined" : "accepted";
    r.decided_on = start;
    r.decision_reason = declined ? "Avböjd" : "";
    Id ref = p.create_referral(r, std::nullopt, 1);
    if (declined) return 0;
    Enrolment e;
    e.referral_id = ref;
    e.programme_id = programme_;
    e.track_id = track_;
    e.unit_id = unit_;
    e.municipality_id = muni_;
    e.person_id = person;
    e.gender = "female";
    e.birth_year = 2000;
    e.start_date = start;
    e.exit_date = exit;
    e.outcome = exit.empty() ? "" : "arbete";
    e.next_step = "Nästa steg";
    Id id = p.create_enrolment(e, 1);
    Plan plan;
    plan.problem = "Problem";
    p.save_plan(id, plan, std::nullopt, 1);
    p.add_contact(id, {0, start, "meeting", 30, "Anteckning", std::nullopt}, "", 1);
    p.add_follow_up(id, {0, start, true, "continue", "Uppföljning", "", std::nullopt}, 1);
    p.set_goal_ratings(id, {{"exit", "tilltro", 4}});
    return id;
  }

  std::unique_ptr<TestDb> t_;
  Id party_ = 0, muni_ = 0, programme_ = 0, track_ = 0, unit_ = 0;
};

using RBackends = ::testing::Types<SqliteR, PostgresR>;
TYPED_TEST_SUITE(RetentionContract, RBackends, RNames);

TYPED_TEST(RetentionContract, OldEnrolmentsLoseTextAndIdentitiesGoOnlyWhenNothingIsYounger) {
  auto tx = this->t_->db->begin(true);
  auto& p = tx->participants();
  Id old_only = p.create_person({"200001011234", "Ann", "Ek", "070"}, 1);
  Id returning = p.create_person({"200002021234", "Bo", "Al", ""}, 1);
  Id active = p.create_person({"200003031234", "Cy", "Ro", ""}, 1);
  Id declined = p.create_person({"200004041234", "Di", "Ny", ""}, 1);
  Id e_old = this->add(*tx, old_only, "2012-01-01", "2013-01-01");
  Id e_ret_old = this->add(*tx, returning, "2012-01-01", "2013-06-01");
  Id e_ret_new = this->add(*tx, returning, "2019-01-01", "2020-01-01");
  Id e_active = this->add(*tx, active, "2012-01-01", "");
  this->add(*tx, declined, "2012-03-01", "", true);

  RetentionCounts would = p.purgeable("2015-01-01");
  EXPECT_EQ(would.persons, 2);     // old_only and declined
  EXPECT_EQ(would.enrolments, 2);  // e_old, e_ret_old
  EXPECT_EQ(would.referrals, 3);   // theirs and the declined one
  RetentionCounts did = p.purge("2015-01-01", "2024-05-05");
  EXPECT_EQ(did.persons, would.persons);
  EXPECT_EQ(did.enrolments, would.enrolments);
  EXPECT_EQ(did.referrals, would.referrals);

  EXPECT_EQ(p.identity(old_only)->first_name, "");
  EXPECT_EQ(p.identity(declined)->personal_number, "");
  EXPECT_FALSE(p.person_by_personal_number("200001011234"));
  EXPECT_EQ(p.identity(returning)->first_name, "Bo");
  EXPECT_EQ(p.identity(active)->first_name, "Cy");

  for (Id e : {e_old, e_ret_old}) {
    auto got = p.enrolment(e);
    EXPECT_EQ(got->purged_on, "2024-05-05");
    EXPECT_EQ(got->next_step, "");
    EXPECT_EQ(got->outcome, "arbete");
    EXPECT_EQ(got->gender, "female");
    EXPECT_EQ(p.contacts(e).at(0).note, "");
    EXPECT_EQ(p.contacts(e).at(0).minutes, 30);
    EXPECT_EQ(p.follow_ups(e).at(0).note, "");
    EXPECT_EQ(p.plan(e)->problem, "");
    EXPECT_EQ(p.goal_ratings(e).size(), 1u);
    EXPECT_EQ(p.referral(*got->referral_id)->reason, "");
  }
  for (Id e : {e_ret_new, e_active}) {
    EXPECT_EQ(p.enrolment(e)->purged_on, "");
    EXPECT_EQ(p.contacts(e).at(0).note, "Anteckning");
    EXPECT_EQ(p.plan(e)->problem, "Problem");
  }
  RetentionCounts again = p.purgeable("2015-01-01");
  EXPECT_EQ(again.persons + again.enrolments + again.referrals, 0);
}
