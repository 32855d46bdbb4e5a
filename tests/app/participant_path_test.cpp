// The participant's path through the use cases: rules, access and audit.
#include <gtest/gtest.h>

#include "app/services_test_support.hpp"
#include "domain/personal_number.hpp"

using namespace stegvis;

namespace {

// A valid personal number born on YYYY-01-DD with serial n (1990 unless told).
std::string pn(int day, int serial, int year = 1990) {
  char nine[16];
  std::snprintf(nine, sizeof nine, "%02d01%02d%03d", year % 100, day, serial);
  return std::to_string(year / 100) + std::string(nine) + std::to_string(luhn_check_digit(nine));
}

app::Actor actor_of(const Staff& s) { return app::Actor{s.id, s.username, s.name, s.roles, "127.0.0.1"}; }

struct Path : ::testing::Test {
  test::AppFixture f;
  Id programme = 0, unit = 0, other_unit = 0, flen = 0, nykoping = 0, fk = 0, region = 0;
  Staff samordnare, coach, koordinator, other_coach;

  void SetUp() override {
    f.clock = 1'735'689'600;  // 2025-01-01
    auto& org = f.services->organisation;
    ASSERT_TRUE(org.save_association(f.admin, {0, "Förbundet", ""}));
    fk = *org.save_party(f.admin, {0, "Försäkringskassan", "fk"});
    region = *org.save_party(f.admin, {0, "Region Sörmland", "region"});
    flen = *org.save_municipality(f.admin, {0, "Flen", std::nullopt, 16000, 21});
    nykoping = *org.save_municipality(f.admin, {0, "Nyköping", std::nullopt, 60000, 17});
    Programme p;
    p.name = "Sikta";
    p.start_date = "2023-10-01";
    p.end_date = "2028-09-30";
    programme = *org.save_programme(f.admin, p);
    ASSERT_TRUE(org.save_track(f.admin, {0, programme, "arbetsmarknad", "Arbetsmarknad", 18, 65, Role::coach}));
    ASSERT_TRUE(org.save_track(f.admin, {0, programme, "unga", "Unga", 18, 29, Role::koordinator}));
    unit = *org.save_unit(f.admin, {0, programme, "Västra", region, {flen}});
    other_unit = *org.save_unit(f.admin, {0, programme, "Södra", region, {nykoping}});
    samordnare = make("samordnare.v", {{Role::samordnare, unit, std::nullopt, 100}});
    coach = make("coach.flen", {{Role::coach, unit, flen, 100}});
    koordinator = make("koordinator.flen", {{Role::koordinator, unit, flen, 25}});
    other_coach = make("coach.nykoping", {{Role::coach, other_unit, nykoping, 100}});
  }

  Staff make(const std::string& username, std::vector<RoleAssignment> roles) {
    Staff s;
    s.username = username;
    s.name = username;
    s.roles = std::move(roles);
    auto id = f.services->staff.create(f.admin, s, "ett-bra-lösenord");
    EXPECT_TRUE(id) << id.error().message;
    s.id = id ? *id : 0;
    return s;
  }

  app::ReferralInput referral(const std::string& number, const std::string& track = "arbetsmarknad") {
    app::ReferralInput in;
    in.programme_id = programme;
    in.track = track;
    in.municipality_id = flen;
    in.referring_party_id = fk;
    in.referrer_name = "Handläggare";
    in.personal_number = number;
    in.first_name = "Åsa";
    in.last_name = "Öberg";
    in.gender = "female";
    in.income_sources = {"sjukpenning"};
    in.coordination_parties = {fk, region};
    in.received_on = "2024-12-01";
    return in;
  }

  Id enrol(const std::string& number, const std::string& track = "arbetsmarknad") {
    auto sam = actor_of(samordnare);
    auto r = f.services->referrals.create(sam, referral(number, track));
    EXPECT_TRUE(r) << r.error().message;
    app::DecisionInput d;
    d.decision = "accepted";
    d.date = "2024-12-10";
    auto dec = f.services->referrals.decide(sam, *r, d);
    EXPECT_TRUE(dec) << dec.error().message;
    return dec ? dec->enrolment_id.value_or(0) : 0;
  }

  int audit_count(const std::string& action) {
    auto tx = f.t->db->begin(false);
    store::AuditFilter filter;
    filter.action = action;
    int total = 0;
    tx->audit().search(filter, &total);
    return total;
  }
};

}  // namespace

TEST_F(Path, AnInvalidPersonalNumberIsRefusedWithTheField) {
  auto in = referral("19900101-0000");
  auto r = f.services->referrals.create(actor_of(samordnare), in);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "personal_number");
}

TEST_F(Path, AnonymousReferralsCarryNoIdentifiers) {
  auto in = referral("");
  in.anonymous = true;
  in.birth_year = 1990;
  auto with_name = f.services->referrals.create(actor_of(samordnare), in);
  ASSERT_FALSE(with_name);
  in.first_name.clear();
  in.last_name.clear();
  auto r = f.services->referrals.create(actor_of(samordnare), in);
  ASSERT_TRUE(r) << r.error().message;
  auto got = f.services->referrals.get(actor_of(samordnare), *r);
  EXPECT_TRUE(got->anonymous);
  EXPECT_FALSE(got->person_id);
}

TEST_F(Path, AgeOutsideTheTrackNeedsAnOverrideReason) {
  auto sam = actor_of(samordnare);
  auto r = f.services->referrals.create(sam, referral(pn(1, 1), "unga"));  // born 1990: 34 in 2024
  ASSERT_TRUE(r);
  app::DecisionInput d;
  d.decision = "accepted";
  d.date = "2024-12-10";
  auto refused = f.services->referrals.decide(sam, *r, d);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::unprocessable);
  EXPECT_EQ(refused.error().field, "age");
  d.override_reason = "Beslut i samverkansteamet";
  auto ok = f.services->referrals.decide(sam, *r, d);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_TRUE(ok->enrolment_id);
  EXPECT_EQ(audit_count("referral.override"), 1);
}

TEST_F(Path, ExclusionsBlockAcceptance) {
  auto sam = actor_of(samordnare);
  auto r = f.services->referrals.create(sam, referral(pn(2, 1)));
  app::DecisionInput d;
  d.decision = "accepted";
  d.exclusions.substance_dependence = true;
  auto refused = f.services->referrals.decide(sam, *r, d);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "substance_dependence");
}

TEST_F(Path, ADeclineNeedsAReason) {
  auto sam = actor_of(samordnare);
  auto r = f.services->referrals.create(sam, referral(pn(3, 1)));
  app::DecisionInput d;
  d.decision = "declined";
  EXPECT_EQ(f.services->referrals.decide(sam, *r, d).error().field, "reason");
  d.reason = "Behovet tillgodoses av vården";
  EXPECT_TRUE(f.services->referrals.decide(sam, *r, d));
  EXPECT_EQ(f.services->referrals.decide(sam, *r, d).error().code, ErrorCode::conflict) << "decided twice";
}

TEST_F(Path, AReturningPersonWithAnActiveEnrolmentIsRefused) {
  enrol(pn(4, 1));
  auto again = f.services->referrals.create(actor_of(samordnare), referral(pn(4, 1)));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
}

TEST_F(Path, OnlyTheUnitsSamordnareEntersReferrals) {
  auto r = f.services->referrals.create(actor_of(other_coach), referral(pn(5, 1)));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::forbidden);
  EXPECT_GE(audit_count("access.denied"), 1);
}

TEST_F(Path, AllocationSuggestsTheRightRoleAndRefusesAtCapacity) {
  auto sam = actor_of(samordnare);
  std::vector<Id> young;
  for (int i = 0; i < 6; ++i) young.push_back(enrol(pn(10 + i, 2, 2001), "unga"));
  auto suggestions = f.services->enrolments.suggestions(sam, young[0]);
  ASSERT_TRUE(suggestions) << suggestions.error().message;
  ASSERT_EQ(suggestions->size(), 1u) << "only koordinatorer carry the unga track";
  EXPECT_EQ(suggestions->front().staff_id, koordinator.id);
  EXPECT_EQ(suggestions->front().capacity, 5);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(f.services->enrolments.allocate(sam, young[i], koordinator.id, ""));
  auto full = f.services->enrolments.allocate(sam, young[5], koordinator.id, "");
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().code, ErrorCode::conflict);
  EXPECT_TRUE(f.services->enrolments.allocate(sam, young[5], koordinator.id, "Tillfälligt, en avslutas snart"));
  EXPECT_EQ(f.services->enrolments.allocate(sam, young[0], other_coach.id, "").error().field, "staff_id")
      << "staff of another unit";
  EXPECT_EQ(f.services->enrolments.allocate(sam, young[0], coach.id, "").error().field, "staff_id")
      << "a coach does not carry the unga track";
  auto due = f.services->enrolments.tasks(sam);
  ASSERT_TRUE(due);
  bool over = false;
  for (const auto& d : *due) over = over || (d.kind == "over_capacity" && d.staff_id == koordinator.id);
  EXPECT_TRUE(over);
}

TEST_F(Path, ACoachSeesOnlyTheirOwnParticipants) {
  Id e = enrol(pn(6, 1));
  auto sam = actor_of(samordnare);
  EXPECT_EQ(f.services->enrolments.view(actor_of(coach), e).error().code, ErrorCode::forbidden);
  ASSERT_TRUE(f.services->enrolments.allocate(sam, e, coach.id, ""));
  auto v = f.services->enrolments.view(actor_of(coach), e);
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(v->identity->first_name, "Åsa");
  EXPECT_EQ(v->controller, "Region Sörmland");
  EXPECT_EQ(f.services->enrolments.view(actor_of(other_coach), e).error().code, ErrorCode::forbidden);
  EXPECT_EQ(f.services->enrolments.view(f.admin, e).error().code, ErrorCode::forbidden)
      << "administrators see no participant data";
  EXPECT_GE(audit_count("enrolment.read"), 1);
}

TEST_F(Path, TheWholePathFromReferralToSentFinalDocument) {
  Id e = enrol(pn(7, 1));
  auto sam = actor_of(samordnare);
  auto me = actor_of(coach);
  ASSERT_TRUE(f.services->enrolments.allocate(sam, e, coach.id, ""));
  Plan plan;
  plan.problem = "Vill tillbaka till arbete";
  plan.goals = {{"tilltro", "Tro på sig själv"}};
  plan.activities = {{"arbetsträning", "Arbetsträning", "2024-12-15", "", std::nullopt, "Flens bibliotek"}};
  plan.next_follow_up = "2025-03-01";
  auto v1 = f.services->enrolments.save_plan(me, e, plan, 0);
  ASSERT_TRUE(v1) << v1.error().message;
  EXPECT_EQ(*v1, 1);
  EXPECT_EQ(f.services->enrolments.save_plan(me, e, plan, 0).error().code, ErrorCode::conflict) << "stale version";
  ASSERT_TRUE(f.services->enrolments.add_contact(me, e, {0, "2024-12-20", "meeting", 60, "Första mötet", {}}, "k1"));
  Contact future{0, "2025-02-01", "phone", 10, "", {}};
  EXPECT_EQ(f.services->enrolments.add_contact(me, e, future, "").error().field, "date");
  Contact before{0, "2024-11-01", "phone", 10, "", {}};
  EXPECT_EQ(f.services->enrolments.add_contact(me, e, before, "").error().field, "date");
  ASSERT_TRUE(f.services->enrolments.record_follow_up(me, e, {0, "2024-12-30", true, "continue", "", "2025-03-30", {}}));
  app::ExitInput ex;
  ex.date = "2024-12-31";
  ex.outcome = "arbete";
  ex.income_after = {"lön"};
  ex.goal_ratings = {{"start", "tilltro", 2}, {"exit", "tilltro", 4}};
  ASSERT_TRUE(f.services->enrolments.exit(me, e, ex));
  EXPECT_EQ(f.services->enrolments.exit(me, e, ex).error().code, ErrorCode::conflict) << "exit twice";
  EXPECT_EQ(f.services->enrolments.record_follow_up(me, e, {0, "2024-12-31", false, "continue", "", "", {}}).error().code,
            ErrorCode::conflict);
  auto due = f.services->enrolments.tasks(me);
  ASSERT_TRUE(due);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ(due->front().kind, "final_report");
  EXPECT_EQ(to_string(due->front().due), "2025-01-21");
  EXPECT_EQ(f.services->enrolments.mark_final_report_sent(me, e, "2024-12-30", {"participant"}).error().field, "date");
  ASSERT_TRUE(f.services->enrolments.mark_final_report_sent(me, e, "2025-01-01", {"participant", "referrer"}));
  EXPECT_TRUE(f.services->enrolments.tasks(me)->empty());
  auto v = f.services->enrolments.view(me, e);
  EXPECT_EQ(v->enrolment.outcome, "arbete");
  EXPECT_EQ(v->enrolment.income_after, std::vector<std::string>{"lon"});
  EXPECT_EQ(v->goal_ratings.size(), 2u);
}

TEST_F(Path, RefusingConsentForEveryPartyMakesTheEnrolmentAnonymous) {
  Id e = enrol(pn(8, 1));
  auto sam = actor_of(samordnare);
  ASSERT_TRUE(f.services->referrals.record_consent(sam, e, {fk, region}, "2024-12-11", true));
  ASSERT_TRUE(f.services->referrals.record_consent(sam, e, {fk}, "2024-12-12", false));
  EXPECT_TRUE(f.services->enrolments.view(sam, e)->identity) << "one party still has consent";
  ASSERT_TRUE(f.services->referrals.record_consent(sam, e, {region}, "2024-12-13", false));
  auto v = f.services->enrolments.view(sam, e);
  EXPECT_TRUE(v->enrolment.anonymous);
  EXPECT_FALSE(v->identity);
  EXPECT_EQ(v->enrolment.gender, "female") << "statistics stay";
  // Nothing links back: the same person can be referred again as a new person.
  auto tx = f.t->db->begin(false);
  EXPECT_FALSE(tx->participants().person_by_personal_number(pn(8, 1)));
}

TEST_F(Path, TheUnitsSamordnareSeesWhoAReferralIsAbout) {
  auto sam = actor_of(samordnare);
  auto r = f.services->referrals.create(sam, referral(pn(9, 1)));
  ASSERT_TRUE(r);
  auto who = f.services->referrals.identity(sam, *r);
  ASSERT_TRUE(who) << who.error().message;
  ASSERT_TRUE(*who);
  EXPECT_EQ((*who)->last_name, "Öberg");
  EXPECT_EQ((*who)->personal_number, pn(9, 1));
  EXPECT_EQ(f.services->referrals.identity(actor_of(coach), *r).error().code, ErrorCode::forbidden);
  EXPECT_EQ(f.services->referrals.identity(f.admin, *r).error().code, ErrorCode::forbidden);
}
