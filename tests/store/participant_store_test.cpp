// The participant tables on both backends: sealing, blind index, optimistic
// versions, idempotent contacts, plan history, filters and caseloads.
#include <gtest/gtest.h>

#include "support/test_db.hpp"

using namespace stegvis;
using namespace stegvis::store;
using stegvis::test::TestDb;

namespace {
struct SqliteP {
  static std::unique_ptr<TestDb> make() { return test::fresh_sqlite(); }
};
struct PostgresP {
  static std::unique_ptr<TestDb> make() { return test::fresh_postgresql(); }
};
struct Names {
  template <typename T>
  static std::string GetName(int) {
    return std::is_same_v<T, SqliteP> ? "Sqlite" : "Postgres";
  }
};
}  // namespace

template <typename B>
class ParticipantContract : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = B::make();
    if (!t_) GTEST_SKIP() << "PostgreSQL not configured (STEGVIS_TEST_PG)";
    t_->db->set_field_key(std::string(32, 'q'));
    auto tx = t_->db->begin(true);
    auto& o = tx->organisation();
    Id a = o.save_association({0, "F", ""});
    party_ = o.save_party({0, "Region", "region"});
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
    unit_ = o.save_unit({0, programme_, "Västra", party_, {m}});
    Staff s;
    s.username = "k";
    s.name = "K";
    s.roles = {{Role::koordinator, unit_, muni_, 100}};
    staff_ = tx->staff().create(s, "h", 1);
    tx->commit();
  }
  Database& db() { return *t_->db; }
  Enrolment enrolment(std::optional<Id> person = std::nullopt) {
    Enrolment e;
    e.programme_id = programme_;
    e.track_id = track_;
    e.unit_id = unit_;
    e.municipality_id = muni_;
    e.person_id = person;
    e.gender = "female";
    e.birth_year = 2001;
    e.start_date = "2024-01-15";
    e.income_before = {"forsorjningsstod", "ingen"};
    e.education = "gymnasial";
    return e;
  }
  std::unique_ptr<TestDb> t_;
  Id party_ = 0, muni_ = 0, programme_ = 0, track_ = 0, unit_ = 0, staff_ = 0;
};

using PBackends = ::testing::Types<SqliteP, PostgresP>;
TYPED_TEST_SUITE(ParticipantContract, PBackends, Names);

TYPED_TEST(ParticipantContract, IdentityIsSealedAndFoundOnlyByBlindIndex) {
  Id person;
  {
    auto tx = this->db().begin(true);
    person = tx->participants().create_person({"200101011234", "Åsa", "Öberg", "070-123"}, 5);
    tx->commit();
  }
  auto tx = this->db().begin(false);
  EXPECT_EQ(tx->participants().person_by_personal_number("200101011234"), person);
  EXPECT_FALSE(tx->participants().person_by_personal_number("200101011235"));
  auto id = tx->participants().identity(person);
  ASSERT_TRUE(id);
  EXPECT_EQ(id->first_name, "Åsa");
  EXPECT_EQ(id->personal_number, "200101011234");
  tx.reset();
  // Nothing readable in the table itself.
  std::string raw = test::query_text(this->t_->url,
                                     "SELECT pn_index || '|' || pn_sealed || '|' || first_name_sealed || '|' || "
                                     "last_name_sealed || '|' || contact_sealed FROM person");
  EXPECT_GT(raw.size(), 100u);
  for (const char* plain : {"200101011234", "Åsa", "Öberg", "070-123"})
    EXPECT_EQ(raw.find(plain), std::string::npos) << plain;
}

TYPED_TEST(ParticipantContract, ErasingAnIdentityLeavesNothingToFind) {
  auto tx = this->db().begin(true);
  Id person = tx->participants().create_person({"200101011234", "Åsa", "Öberg", ""}, 5);
  tx->participants().erase_identity(person);
  EXPECT_FALSE(tx->participants().person_by_personal_number("200101011234"));
  auto id = tx->participants().identity(person);
  ASSERT_TRUE(id);
  EXPECT_EQ(id->first_name, "");
  EXPECT_EQ(id->personal_number, "");
}

TYPED_TEST(ParticipantContract, ReferralsRoundTripAndUpdateOptimistically) {
  auto tx = this->db().begin(true);
  Referral r;
  r.programme_id = this->programme_;
  r.track_id = this->track_;
  r.unit_id = this->unit_;
  r.municipality_id = this->muni_;
  r.referring_party_id = this->party_;
  r.referrer_name = "Handläggare Ödlund";
  r.gender = "male";
  r.birth_year = 2000;
  r.income_sources = {"sjukpenning"};
  r.coordination_parties = {this->party_};
  r.reason = "Behöver samordnat stöd";
  r.received_on = "2024-01-10";
  Id id = tx->participants().create_referral(r, this->staff_, 7);
  auto got = tx->participants().referral(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->referrer_name, "Handläggare Ödlund");
  EXPECT_EQ(got->coordination_parties, std::vector<Id>{this->party_});
  EXPECT_EQ(got->status, "received");
  EXPECT_EQ(got->version, 1);
  got->status = "accepted";
  got->decided_on = "2024-01-12";
  EXPECT_TRUE(tx->participants().update_referral(*got));
  EXPECT_FALSE(tx->participants().update_referral(*got)) << "a stale version must not overwrite";
  EXPECT_EQ(tx->participants().referrals(this->unit_, "accepted").size(), 1u);
  EXPECT_EQ(tx->participants().referrals(this->unit_, "received").size(), 0u);
  EXPECT_EQ(tx->participants().referral(id)->version, 2);
}

TYPED_TEST(ParticipantContract, EnrolmentsFilterUpdateAndCountCaseloads) {
  auto tx = this->db().begin(true);
  auto& p = tx->participants();
  Enrolment a = this->enrolment();
  a.staff_id = this->staff_;
  Id ida = p.create_enrolment(a, 1);
  Id idb = p.create_enrolment(this->enrolment(), 1);
  EXPECT_EQ(p.caseloads()[this->staff_], 1);
  auto e = *p.enrolment(ida);
  EXPECT_EQ(e.income_before, (std::vector<std::string>{"forsorjningsstod", "ingen"}));
  EXPECT_TRUE(e.active());
  e.exit_date = "2024-06-01";
  e.outcome = "studier";
  e.next_step = "Folkhögskola hösten";
  ASSERT_TRUE(p.update_enrolment(e));
  EXPECT_FALSE(p.update_enrolment(e));
  EXPECT_EQ(p.caseloads()[this->staff_], 0);
  EXPECT_EQ(p.enrolment(ida)->next_step, "Folkhögskola hösten");
  int total = 0;
  EnrolmentFilter active;
  active.status = "active";
  auto list = p.enrolments(active, &total);
  ASSERT_EQ(total, 1);
  EXPECT_EQ(list.at(0).id, idb);
  EnrolmentFilter mine;
  mine.staff_id = this->staff_;
  p.enrolments(mine, &total);
  EXPECT_EQ(total, 1);
  EnrolmentFilter paged;
  paged.limit = 1;
  paged.offset = 1;
  EXPECT_EQ(p.enrolments(paged, &total).size(), 1u);
  EXPECT_EQ(total, 2);
  // A full first page and a page past the end are counted; a short page gives the total itself.
  paged.offset = 0;
  EXPECT_EQ(p.enrolments(paged, &total).size(), 1u);
  EXPECT_EQ(total, 2);
  paged.offset = 5;
  EXPECT_TRUE(p.enrolments(paged, &total).empty());
  EXPECT_EQ(total, 2);
  paged.limit = 10;
  paged.offset = 1;
  EXPECT_EQ(p.enrolments(paged, &total).size(), 1u);
  EXPECT_EQ(total, 2);
}

TYPED_TEST(ParticipantContract, PlansKeepEveryVersion) {
  auto tx = this->db().begin(true);
  auto& p = tx->participants();
  Id id = p.create_enrolment(this->enrolment(), 1);
  Plan plan;
  plan.problem = "Svårt att komma iväg på morgonen";
  plan.goals = {{"maende", "Må bättre"}};
  plan.activities = {{"praktik", "Praktik i butik", "2024-02-01", "2024-04-30", this->party_, "ICA Flen"}};
  plan.next_follow_up = "2024-04-15";
  EXPECT_EQ(p.save_plan(id, plan, this->staff_, 1), 1);
  plan.problem = "Ändrad";
  EXPECT_EQ(p.save_plan(id, plan, this->staff_, 2), 2);
  auto latest = p.plan(id);
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->version, 2);
  EXPECT_EQ(latest->problem, "Ändrad");
  EXPECT_EQ(latest->activities.at(0).workplace, "ICA Flen");
  EXPECT_EQ(latest->activities.at(0).party_id, this->party_);
  EXPECT_EQ(latest->next_follow_up, "2024-04-15");
  auto history = p.plan_history(id);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].problem, "Svårt att komma iväg på morgonen");
}

TYPED_TEST(ParticipantContract, ARepeatedRequestKeyStoresOneContact) {
  auto tx = this->db().begin(true);
  auto& p = tx->participants();
  Id id = p.create_enrolment(this->enrolment(), 1);
  Contact c{0, "2024-02-02", "meeting", 45, "Pratade om praktik", this->staff_};
  Id first = p.add_contact(id, c, "form-123", 1);
  Id again = p.add_contact(id, c, "form-123", 2);
  EXPECT_EQ(first, again);
  p.add_contact(id, c, "", 3);
  auto all = p.contacts(id);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].note, "Pratade om praktik");
  EXPECT_EQ(all[0].minutes, 45);
}

TYPED_TEST(ParticipantContract, FollowUpsConsentsAndRatingsRoundTrip) {
  auto tx = this->db().begin(true);
  auto& p = tx->participants();
  Id id = p.create_enrolment(this->enrolment(), 1);
  p.add_follow_up(id, {0, "2024-04-10", true, "continue", "Bra", "2024-07-10", this->staff_}, 1);
  auto fus = p.follow_ups(id);
  ASSERT_EQ(fus.size(), 1u);
  EXPECT_TRUE(fus[0].with_referrer);
  EXPECT_EQ(fus[0].next_follow_up, "2024-07-10");
  p.add_consent(id, {this->party_, true, "2024-01-15"}, this->staff_, 1);
  p.add_consent(id, {this->party_, false, "2024-03-01"}, this->staff_, 2);
  auto cs = p.consents(id);
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_FALSE(cs[0].given) << "latest decision first";
  p.set_goal_ratings(id, {{"start", "maende", 2}, {"exit", "maende", 4}});
  p.set_goal_ratings(id, {{"exit", "maende", 5}});
  auto rs = p.goal_ratings(id);
  ASSERT_EQ(rs.size(), 2u);
  for (const auto& r : rs)
    if (r.phase == "exit") {
      EXPECT_EQ(r.rating, 5);
    }
}
