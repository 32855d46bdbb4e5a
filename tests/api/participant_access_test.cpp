// Who may see and change a participant's data through the API (domain.md §2,
// §8): the unit's samordnare and the coach or koordinator the enrolment is
// allocated to; nobody else, and every refusal is in the audit log.
#include <gtest/gtest.h>

#include "api/participant_support.hpp"

using namespace stegvis::test;

namespace {

std::string enrolment_path(std::int64_t id, const std::string& rest = "") {
  return "/api/v1/enrolments/" + std::to_string(id) + rest;
}

std::size_t denials(ApiClient& admin, const std::string& username, const std::string& record_type, std::int64_t id) {
  std::size_t n = 0;
  for (const auto& e : audit_entries(admin, "action=access.denied&limit=500&user=" + username + "&record_type=" +
                                                record_type + "&record_id=" + std::to_string(id)))
    n += e["record_id"] == std::to_string(id) ? 1 : 0;
  return n;
}

}  // namespace

TEST(ParticipantAccess, CoachCannotOpenAnotherCoachsParticipantAndTheRefusalIsAudited) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  std::string pn;
  auto id = create_enrolment(samordnare, programme_id(), {}, "", &pn);
  ASSERT_NE(id, 0);
  ASSERT_EQ(samordnare.post(enrolment_path(id, "/allocation"),
                            {{"staff_id", staff_id("coach.katrineholm2")}, {"override_reason", "Test."}})
                .status,
            200);
  ApiClient admin = logged_in("admin");
  ASSERT_EQ(denials(admin, "coach.katrineholm", "enrolment", id), 0u);

  ApiClient other = logged_in("coach.katrineholm");
  auto r = other.get(enrolment_path(id));
  EXPECT_TRUE(is_error(r, 403, "forbidden"));
  EXPECT_EQ(r.text.find(pn.substr(2)), std::string::npos);
  EXPECT_EQ(r.text.find("Testa"), std::string::npos);
  EXPECT_EQ(denials(admin, "coach.katrineholm", "enrolment", id), 1u);
  auto latest = audit_entries(admin, "action=access.denied&user=coach.katrineholm&limit=1");
  ASSERT_EQ(latest.size(), 1u);
  EXPECT_EQ(latest[0]["record_type"], "enrolment");
  EXPECT_EQ(latest[0]["record_id"], std::to_string(id));
  EXPECT_EQ(latest[0]["user_id"], staff_id("coach.katrineholm"));

  // Nor may the coach write to it, and each attempt is audited too.
  EXPECT_TRUE(is_error(other.post(enrolment_path(id, "/contacts"), {{"date", day()}, {"kind", "phone"}, {"minutes", 5}}),
                       403, "forbidden"));
  EXPECT_TRUE(is_error(other.get(enrolment_path(id, "/final-report.pdf")), 403, "forbidden"));
  EXPECT_EQ(denials(admin, "coach.katrineholm", "enrolment", id), 3u);
  // Not in the coach's list either.
  auto list = other.get("/api/v1/enrolments?limit=500");
  ASSERT_EQ(list.status, 200) << list.text;
  for (const auto& e : list.body["items"]) EXPECT_NE(e["id"], id);

  // The coach it is allocated to may.
  ApiClient own = logged_in("coach.katrineholm2");
  auto ok = own.get(enrolment_path(id));
  ASSERT_EQ(ok.status, 200) << ok.text;
  EXPECT_EQ(ok.body["person"]["personal_number"], pn);
}

TEST(ParticipantAccess, SamordnareSeesOnlyTheirOwnUnit) {
  ApiClient admin = logged_in("admin");
  const auto norra_unit = demo_unit_id(admin, "Norra");
  ApiClient norra = logged_in("samordnare.norra");
  ReferralSpec spec;
  spec.municipality = "Eskilstuna";
  auto id = create_enrolment(norra, programme_id(), spec);
  ASSERT_NE(id, 0);
  ASSERT_EQ(norra.get(enrolment_path(id)).status, 200);

  ApiClient vastra = logged_in("samordnare.vastra");
  EXPECT_TRUE(is_error(vastra.get(enrolment_path(id)), 403, "forbidden"));
  EXPECT_EQ(denials(admin, "samordnare.vastra", "enrolment", id), 1u);
  EXPECT_TRUE(is_error(vastra.get(enrolment_path(id, "/allocation-suggestions")), 403, "forbidden"));
  EXPECT_TRUE(is_error(vastra.post(enrolment_path(id, "/allocation"), {{"staff_id", staff_id("coach.eskilstuna")}}), 403,
                       "forbidden"));
  EXPECT_TRUE(is_error(vastra.post(enrolment_path(id, "/consent"),
                                   {{"parties", {"Försäkringskassan"}}, {"date", day()}, {"given", false}}),
                       403, "forbidden"));
  EXPECT_TRUE(norra.get(enrolment_path(id)).body["person"].is_object()) << "the refused consent was not recorded";
  EXPECT_TRUE(is_error(vastra.get("/api/v1/referrals?unit=" + std::to_string(norra_unit)), 403, "forbidden"));
  EXPECT_TRUE(is_error(vastra.get("/api/v1/enrolments?unit=" + std::to_string(norra_unit)), 403, "forbidden"));
  auto referral = norra.get(enrolment_path(id)).body["referral_id"].get<std::int64_t>();
  EXPECT_TRUE(is_error(vastra.get("/api/v1/referrals/" + std::to_string(referral)), 403, "forbidden"));
  EXPECT_TRUE(is_error(vastra.post("/api/v1/referrals/" + std::to_string(referral) + "/decision",
                                   {{"decision", "declined"}, {"reason", "Inte vår."}}),
                       403, "forbidden"));
  // A referral for a Norra municipality cannot be entered by Västra.
  ReferralSpec elsewhere;
  elsewhere.municipality = "Strängnäs";
  EXPECT_TRUE(is_error(vastra.post("/api/v1/referrals", referral_body(programme_id(), elsewhere)), 403, "forbidden"));
}

TEST(ParticipantAccess, AssociationRolesAndAdministratorsSeeNoParticipant) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  auto id = create_enrolment(samordnare, programme_id());
  ASSERT_NE(id, 0);
  ApiClient admin = logged_in("admin");
  for (const std::string user : {"styrgrupp", "admin", "insatsansvarig", "utvarderare"}) {
    SCOPED_TRACE(user);
    ApiClient c = logged_in(user);
    EXPECT_TRUE(is_error(c.get(enrolment_path(id)), 403, "forbidden"));
    EXPECT_EQ(denials(admin, user, "enrolment", id), 1u);
    EXPECT_TRUE(is_error(c.get("/api/v1/enrolments"), 403, "forbidden"));
    EXPECT_TRUE(is_error(c.get("/api/v1/referrals"), 403, "forbidden"));
    EXPECT_TRUE(is_error(c.post("/api/v1/referrals", referral_body(programme_id())), 403, "forbidden"));
    auto tasks = c.get("/api/v1/tasks");
    ASSERT_EQ(tasks.status, 200) << tasks.text;
    // Actions from the steering group's minutes may be theirs; nothing of a participant is.
    for (const auto& t : tasks.body["items"]) EXPECT_EQ(t["kind"], "meeting_action") << "no caseload, no unit";
  }
}

TEST(ParticipantAccess, CoachCannotHandleReferralsOrAllocate) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  auto referral = create_referral(samordnare, programme_id());
  ASSERT_NE(referral, 0);
  auto id = create_enrolment(samordnare, programme_id());
  ASSERT_NE(id, 0);
  ASSERT_EQ(samordnare.post(enrolment_path(id, "/allocation"),
                            {{"staff_id", staff_id("coach.katrineholm")}, {"override_reason", "Test."}})
                .status,
            200);
  ApiClient coach = logged_in("coach.katrineholm");
  EXPECT_TRUE(is_error(coach.post("/api/v1/referrals", referral_body(programme_id())), 403, "forbidden"));
  EXPECT_TRUE(is_error(coach.get("/api/v1/referrals/" + std::to_string(referral)), 403, "forbidden"));
  EXPECT_TRUE(is_error(coach.post("/api/v1/referrals/" + std::to_string(referral) + "/decision", {{"decision", "accepted"}}),
                       403, "forbidden"));
  // Their own participant: readable, but allocation is the samordnare's.
  ASSERT_EQ(coach.get(enrolment_path(id)).status, 200);
  EXPECT_TRUE(is_error(coach.get(enrolment_path(id, "/allocation-suggestions")), 403, "forbidden"));
  EXPECT_TRUE(is_error(coach.post(enrolment_path(id, "/allocation"), {{"staff_id", staff_id("coach.katrineholm2")}}), 403,
                       "forbidden"));
  EXPECT_EQ(samordnare.get(enrolment_path(id)).body["staff_id"], staff_id("coach.katrineholm"));
}
