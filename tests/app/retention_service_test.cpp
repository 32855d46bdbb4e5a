// Retention (gallring) with a clock the test controls: what goes, what stays,
// who keeps their identity, and that the audit log says how many, not what.
#include <gtest/gtest.h>

#include "app/services_test_support.hpp"
#include "domain/personal_number.hpp"

using namespace stegvis;

namespace {

constexpr std::int64_t k2025_01_01 = 1'735'732'800;  // noon UTC
constexpr std::int64_t k2027_01_01 = 1'798'804'800;
constexpr std::int64_t k2030_06_01 = 1'906'545'600;

std::string pn(int day, int serial) {
  char nine[16];
  std::snprintf(nine, sizeof nine, "8501%02d%03d", day, serial);
  return "19" + std::string(nine) + std::to_string(luhn_check_digit(nine));
}

app::Actor actor_of(const Staff& s) { return app::Actor{s.id, s.username, s.name, s.roles, "127.0.0.1"}; }

struct Retention : ::testing::Test {
  test::AppFixture f;
  Id programme = 0, unit = 0, flen = 0, fk = 0;
  Staff samordnare;

  void SetUp() override {
    f.clock = k2025_01_01;
    auto& org = f.services->organisation;
    ASSERT_TRUE(org.save_association(f.admin, {0, "Förbundet", ""}));
    fk = *org.save_party(f.admin, {0, "Försäkringskassan", "fk"});
    Id region = *org.save_party(f.admin, {0, "Region Sörmland", "region"});
    flen = *org.save_municipality(f.admin, {0, "Flen", std::nullopt, 16000, 21});
    Programme p;
    p.name = "Sikta";
    p.start_date = "2023-10-01";
    p.end_date = "2035-09-30";
    programme = *org.save_programme(f.admin, p);
    ASSERT_TRUE(org.save_track(f.admin, {0, programme, "arbetsmarknad", "Arbetsmarknad", 18, 65, Role::coach}));
    unit = *org.save_unit(f.admin, {0, programme, "Västra", region, {flen}});
    Staff s;
    s.username = s.name = "samordnare.v";
    s.roles = {{Role::samordnare, unit, std::nullopt, 100}};
    samordnare.id = *f.services->staff.create(f.admin, s, "ett-bra-lösenord");
    samordnare.username = samordnare.name = s.username;
    samordnare.roles = s.roles;
  }

  app::Actor sam() const { return actor_of(samordnare); }

  // An enrolment decided on `decided` (today or earlier) with a plan, a contact and a follow-up, all with text.
  Id enrol(const std::string& number, const std::string& received, const std::string& decided) {
    app::ReferralInput in;
    in.programme_id = programme;
    in.track = "arbetsmarknad";
    in.municipality_id = flen;
    in.referring_party_id = fk;
    in.referrer_name = "Handläggare Hansson";
    in.personal_number = number;
    in.first_name = "Åsa";
    in.last_name = "Öberg";
    in.contact = "070-123 45 67";
    in.gender = "female";
    in.income_sources = {"sjukpenning"};
    in.reason = "Långvarig sjukskrivning";
    in.received_on = received;
    auto r = f.services->referrals.create(sam(), in);
    EXPECT_TRUE(r) << r.error().message;
    app::DecisionInput d;
    d.decision = "accepted";
    d.date = decided;
    auto dec = f.services->referrals.decide(sam(), *r, d);
    EXPECT_TRUE(dec) << dec.error().message;
    Id e = dec ? dec->enrolment_id.value_or(0) : 0;
    Plan plan;
    plan.problem = "Behöver stöd att komma tillbaka";
    plan.goals = {{"tilltro", "Känna sig trygg"}};
    EXPECT_TRUE(f.services->enrolments.save_plan(sam(), e, plan, 0));
    EXPECT_TRUE(f.services->enrolments.add_contact(sam(), e, {0, "", "meeting", 45, "Pratade om hälsan", std::nullopt}, ""));
    EXPECT_TRUE(f.services->enrolments.record_follow_up(sam(), e, {0, "", true, "continue", "Går framåt", "", std::nullopt}));
    return e;
  }

  void exit_today(Id e) {
    app::ExitInput x;
    x.outcome = "arbete";
    x.income_after = {"lon"};
    x.goal_ratings = {{"exit", "tilltro", 4}};
    x.next_step = "Fortsatt kontakt med arbetsgivaren";
    ASSERT_TRUE(f.services->enrolments.exit(sam(), e, x));
  }

  Enrolment enrolment(Id id) { return *f.t->db->begin(false)->participants().enrolment(id); }
  Identity identity(Id enrolment_id) {
    auto tx = f.t->db->begin(false);
    auto e = tx->participants().enrolment(enrolment_id);
    return *tx->participants().identity(*e->person_id);
  }
  std::vector<store::AuditEntry> purges() {
    store::AuditFilter filter;
    filter.action = "retention.purge";
    return f.t->db->begin(false)->audit().search(filter, nullptr);
  }
};

}  // namespace

TEST_F(Retention, ErasesIdentityAndFreeTextOfOldEnrolmentsAndKeepsTheStatistics) {
  Id old = enrol(pn(1, 1), "2024-12-01", "2024-12-10");
  exit_today(old);  // 2025-01-01
  f.clock = k2030_06_01;

  auto dry = f.services->retention.purge(f.admin, 5, true);
  ASSERT_TRUE(dry) << dry.error().message;
  EXPECT_EQ(dry->cutoff, "2025-06-01");
  EXPECT_EQ(dry->counts.persons, 1);
  EXPECT_EQ(dry->counts.enrolments, 1);
  EXPECT_EQ(dry->counts.referrals, 1);
  EXPECT_EQ(identity(old).first_name, "Åsa") << "a dry run changes nothing";
  EXPECT_TRUE(purges().empty());

  auto r = f.services->retention.purge(f.admin, 5, false);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->counts.persons, 1);
  EXPECT_EQ(r->counts.enrolments, 1);

  Identity who = identity(old);
  EXPECT_EQ(who.personal_number + who.first_name + who.last_name + who.contact, "");
  EXPECT_FALSE(f.t->db->begin(false)->participants().person_by_personal_number(pn(1, 1)));
  Enrolment e = enrolment(old);
  EXPECT_EQ(e.purged_on, "2030-06-01");
  EXPECT_EQ(e.next_step, "");
  // The anonymous statistics stay.
  EXPECT_EQ(e.gender, "female");
  EXPECT_EQ(e.birth_year, 1985);
  EXPECT_EQ(e.start_date, "2024-12-10");
  EXPECT_EQ(e.exit_date, "2025-01-01");
  EXPECT_EQ(e.outcome, "arbete");
  EXPECT_EQ(e.income_after, std::vector<std::string>{"lon"});
  auto tx = f.t->db->begin(false);
  auto& p = tx->participants();
  EXPECT_EQ(p.contacts(old).at(0).note, "");
  EXPECT_EQ(p.contacts(old).at(0).minutes, 45);
  EXPECT_EQ(p.follow_ups(old).at(0).note, "");
  EXPECT_EQ(p.plan(old)->problem, "");
  EXPECT_TRUE(p.plan(old)->goals.empty());
  EXPECT_EQ(p.goal_ratings(old).size(), 1u);
  auto ref = p.referral(*e.referral_id);
  EXPECT_EQ(ref->reason + ref->referrer_name, "");
  EXPECT_EQ(ref->income_sources, std::vector<std::string>{"sjukpenning"});
  tx.reset();

  // Audited by count, never by content.
  auto log = purges();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].detail, "gallring: 1 person, 1 inskrivning, 1 aktualisering (utskrivna före 2025-06-01)");
  EXPECT_EQ(log[0].detail.find("Åsa"), std::string::npos);
}

TEST_F(Retention, APersonKeepsTheirIdentityWhileAYoungerEnrolmentExistsAndActiveOnesAreUntouched) {
  Id first = enrol(pn(2, 2), "2024-12-01", "2024-12-10");
  exit_today(first);
  Id still_active = enrol(pn(3, 3), "2024-12-01", "2024-12-10");
  f.clock = k2027_01_01;
  Id second = enrol(pn(2, 2), "2026-12-20", "2027-01-01");  // the same person returns
  f.clock = k2030_06_01;

  auto r = f.services->retention.purge(f.admin, 5, false);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->counts.persons, 0);
  EXPECT_EQ(r->counts.enrolments, 1);
  EXPECT_EQ(enrolment(first).purged_on, "2030-06-01");
  EXPECT_EQ(identity(first).first_name, "Åsa") << "the returning person is still in the programme";
  EXPECT_EQ(enrolment(second).purged_on, "");
  EXPECT_EQ(enrolment(still_active).purged_on, "");
  auto tx = f.t->db->begin(false);
  EXPECT_EQ(tx->participants().contacts(second).at(0).note, "Pratade om hälsan");
  EXPECT_EQ(tx->participants().contacts(still_active).at(0).note, "Pratade om hälsan");
  EXPECT_EQ(tx->participants().contacts(first).at(0).note, "");
  tx.reset();

  // The view of the purged enrolment no longer names the person.
  auto v = f.services->enrolments.view(sam(), first);
  ASSERT_TRUE(v);
  EXPECT_FALSE(v->identity);
  // Nothing left to purge: a second run changes nothing and writes no audit entry.
  auto again = f.services->retention.purge(f.admin, 5, false);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->counts.persons + again->counts.enrolments + again->counts.referrals, 0);
  EXPECT_EQ(purges().size(), 1u);
}

TEST_F(Retention, NothingYoungerThanTheRetentionTimeIsPurged) {
  Id e = enrol(pn(4, 4), "2024-12-01", "2024-12-10");
  exit_today(e);
  f.clock = k2030_06_01;
  auto r = f.services->retention.purge(f.admin, 6, false);  // cutoff 2024-06-01, exit 2025-01-01
  ASSERT_TRUE(r);
  EXPECT_EQ(r->cutoff, "2024-06-01");
  EXPECT_EQ(r->counts.enrolments, 0);
  EXPECT_EQ(identity(e).first_name, "Åsa");
}

TEST_F(Retention, OnlyTheOperatorOrAnAdministratorPurgesAndTheTimeIsWholeYears) {
  auto denied = f.services->retention.purge(sam(), 5, false);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code, ErrorCode::forbidden);
  auto bad = f.services->retention.purge(f.admin, 0, true);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "years");
}

// The purge goes in id ranges, one transaction each, so that a backlog never holds the write lock
// for long: a range takes exactly the rows whose ids fall in it, and the ranges together take all.
TEST_F(Retention, APurgeRangeTakesOnlyTheRowsWhoseIdsFallInIt) {
  Id old = enrol(pn(1, 1), "2024-12-01", "2024-12-10");
  exit_today(old);
  f.clock = k2030_06_01;
  Id person = *enrolment(old).person_id, referral = *enrolment(old).referral_id;
  Id end = f.t->db->begin(false)->participants().participant_id_end();
  EXPECT_GT(end, std::max({old, person, referral}));
  {
    auto tx = f.t->db->begin(true);
    Id past = std::max({old, person, referral}) + 1;
    auto none = tx->participants().purge("2025-06-01", "2030-06-01", past, past + 10);
    EXPECT_EQ(none.persons + none.enrolments + none.referrals, 0);
    tx->commit();
  }
  EXPECT_EQ(identity(old).first_name, "Åsa");
  EXPECT_EQ(enrolment(old).purged_on, "");
  {
    auto tx = f.t->db->begin(true);
    auto all = tx->participants().purge("2025-06-01", "2030-06-01", 0, end);
    EXPECT_EQ(all.persons, 1);
    EXPECT_EQ(all.enrolments, 1);
    EXPECT_EQ(all.referrals, 1);
    tx->commit();
  }
  EXPECT_EQ(identity(old).first_name, "");
  EXPECT_EQ(enrolment(old).purged_on, "2030-06-01");
}

// A stopping server ends a purge between its transactions: nothing half-done, the rest next time.
TEST_F(Retention, AStopEndsThePurgeBetweenRangesAndTheNextRunTakesTheRest) {
  Id old = enrol(pn(1, 1), "2024-12-01", "2024-12-10");
  exit_today(old);
  f.clock = k2030_06_01;
  std::atomic<bool> stop{true};
  auto stopped = f.services->retention.purge(f.admin, 5, false, &stop);
  ASSERT_TRUE(stopped) << stopped.error().message;
  EXPECT_EQ(stopped->counts.persons + stopped->counts.enrolments + stopped->counts.referrals, 0);
  EXPECT_EQ(identity(old).first_name, "Åsa");
  EXPECT_TRUE(purges().empty());
  stop = false;
  auto next = f.services->retention.purge(f.admin, 5, false, &stop);
  ASSERT_TRUE(next) << next.error().message;
  EXPECT_EQ(next->counts.enrolments, 1);
  EXPECT_EQ(identity(old).first_name, "");
}
