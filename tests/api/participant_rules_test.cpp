// The rules of the participant path as the API enforces them: personal
// numbers, eligibility and its override, declines, duplicates, anonymity,
// dates, versions, allocation and capacity, consent, and the input checks
// (wrong types name the field, bad ids in the URL are 404).
#include <gtest/gtest.h>

#include <functional>

#include "api/participant_support.hpp"

using namespace stegvis::test;

namespace {

std::string enrolment_path(std::int64_t id, const std::string& rest = "") {
  return "/api/v1/enrolments/" + std::to_string(id) + rest;
}
std::string referral_path(std::int64_t id, const std::string& rest = "") {
  return "/api/v1/referrals/" + std::to_string(id) + rest;
}

// An enrolment of samordnare.vastra allocated to coach.katrineholm (with override if the coach is full).
std::int64_t allocated_enrolment(ApiClient& samordnare, const ReferralSpec& spec = {},
                                 const std::string& decision_date = "") {
  auto id = create_enrolment(samordnare, programme_id(), spec, decision_date);
  if (!id) return 0;
  auto r = samordnare.post(enrolment_path(id, "/allocation"),
                           {{"staff_id", staff_id("coach.katrineholm")}, {"override_reason", "Test."}});
  EXPECT_EQ(r.status, 200) << r.text;
  return r.status == 200 ? id : 0;
}

json minimal_exit() {
  return {{"date", day()}, {"outcome", "studier"}, {"income_sources_after", {"studiemedel"}}, {"occupation_after", "studerande"}};
}

}  // namespace

TEST(ParticipantRules, PersonalNumberWithBadCheckDigitIsRefused) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  json body = referral_body(programme_id());
  std::string pn = body["person"]["personal_number"];
  pn.back() = static_cast<char>('0' + (pn.back() - '0' + 1) % 10);
  body["person"]["personal_number"] = pn;
  auto r = samordnare.post("/api/v1/referrals", body);
  EXPECT_TRUE(is_error(r, 400, "invalid_input", "personal_number"));
  EXPECT_EQ(r.text.find(pn), std::string::npos) << "the error does not echo the number";

  body["person"]["personal_number"] = "19901301-1234";  // no such date
  EXPECT_TRUE(is_error(samordnare.post("/api/v1/referrals", body), 400, "invalid_input", "personal_number"));
  body["person"].erase("personal_number");  // named but without a number
  EXPECT_TRUE(is_error(samordnare.post("/api/v1/referrals", body), 400, "invalid_input", "personal_number"));
}

TEST(ParticipantRules, AgeOutsideTheTrackIs422UnlessOverridden) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  ReferralSpec spec;
  spec.track = "unga";
  spec.birth_year = 1980;
  auto referral = create_referral(samordnare, programme_id(), spec);
  ASSERT_NE(referral, 0);
  auto refused = samordnare.post(referral_path(referral, "/decision"), {{"decision", "accepted"}});
  EXPECT_TRUE(is_error(refused, 422, "unprocessable", "age")) << refused.text;
  EXPECT_EQ(samordnare.get(referral_path(referral)).body["status"], "received") << "nothing decided";

  // An exclusion fails too, named by its rule.
  auto excluded = samordnare.post(referral_path(referral, "/decision"),
                                  {{"decision", "accepted"}, {"exclusions", {{"threatening_behaviour", true}}}});
  EXPECT_EQ(excluded.status, 422) << excluded.text;

  auto accepted = samordnare.post(referral_path(referral, "/decision"),
                                  {{"decision", "accepted"}, {"override_reason", "Bedöms passa unga-gruppen ändå."}});
  ASSERT_EQ(accepted.status, 200) << accepted.text;
  EXPECT_EQ(accepted.body["status"], "accepted");
  ASSERT_TRUE(accepted.body["enrolment_id"].is_number_integer());
  auto got = samordnare.get(referral_path(referral));
  EXPECT_EQ(got.body["override_reason"], "Bedöms passa unga-gruppen ändå.");
  EXPECT_EQ(got.body["enrolment_id"], accepted.body["enrolment_id"]);
  ApiClient admin = logged_in("admin");
  auto audit = audit_entries(admin, "action=referral.override&record_id=" + std::to_string(referral));
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0]["detail"], "age");
}

TEST(ParticipantRules, DeclineNeedsAReasonAndIsFinal) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  auto referral = create_referral(samordnare, programme_id());
  ASSERT_NE(referral, 0);
  EXPECT_TRUE(is_error(samordnare.post(referral_path(referral, "/decision"), {{"decision", "declined"}}), 400,
                       "invalid_input", "reason"));
  EXPECT_TRUE(is_error(samordnare.post(referral_path(referral, "/decision"), {{"decision", "declined"}, {"reason", "  "}}),
                       400, "invalid_input", "reason"));
  EXPECT_TRUE(is_error(samordnare.post(referral_path(referral, "/decision"), {{"decision", "maybe"}}), 400,
                       "invalid_input", "decision"));
  auto waiting = samordnare.post(referral_path(referral, "/decision"), {{"decision", "waiting_list"}});
  ASSERT_EQ(waiting.status, 200) << waiting.text;
  EXPECT_FALSE(waiting.body.contains("enrolment_id"));
  auto declined = samordnare.post(referral_path(referral, "/decision"),
                                  {{"decision", "declined"}, {"reason", "Har redan stöd via annan insats."}});
  ASSERT_EQ(declined.status, 200) << declined.text;
  EXPECT_EQ(declined.body["status"], "declined");
  EXPECT_FALSE(declined.body.contains("enrolment_id"));
  auto got = samordnare.get(referral_path(referral));
  EXPECT_EQ(got.body["decision_reason"], "Har redan stöd via annan insats.");
  EXPECT_EQ(got.body["decided_on"], day());
  EXPECT_TRUE(is_error(samordnare.post(referral_path(referral, "/decision"), {{"decision", "accepted"}}), 409,
                       "conflict"));
}

TEST(ParticipantRules, StaleReferralVersionIsAConflict) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  auto referral = create_referral(samordnare, programme_id());
  ASSERT_NE(referral, 0);
  auto v = samordnare.get(referral_path(referral)).body["version"].get<int>();
  ASSERT_EQ(samordnare.post(referral_path(referral, "/decision"), {{"decision", "intake_booked"}, {"version", v}}).status,
            200);
  EXPECT_TRUE(is_error(samordnare.post(referral_path(referral, "/decision"), {{"decision", "accepted"}, {"version", v}}),
                       409, "conflict"));
  EXPECT_EQ(samordnare.post(referral_path(referral, "/decision"), {{"decision", "accepted"}, {"version", v + 1}}).status,
            200);
}

TEST(ParticipantRules, SecondReferralOfAnActiveParticipantIsAConflict) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  std::string pn;
  ASSERT_NE(create_enrolment(samordnare, programme_id(), {}, "", &pn), 0);
  json again = referral_body(programme_id());
  again["person"]["personal_number"] = pn.substr(2, 6) + "-" + pn.substr(8);  // the same person, short form
  EXPECT_TRUE(is_error(samordnare.post("/api/v1/referrals", again), 409, "conflict", "personal_number"));

  // An open (undecided) referral of the same person is a conflict as well.
  std::string open_pn;
  ASSERT_NE(create_referral(samordnare, programme_id(), {}, &open_pn), 0);
  again["person"]["personal_number"] = open_pn;
  EXPECT_TRUE(is_error(samordnare.post("/api/v1/referrals", again), 409, "conflict", "personal_number"));
}

TEST(ParticipantRules, AnonymousReferralCarriesNoIdentity) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  ReferralSpec spec;
  spec.anonymous = true;
  json body = referral_body(programme_id(), spec);
  body["person"]["first_name"] = "Namn";
  EXPECT_TRUE(is_error(samordnare.post("/api/v1/referrals", body), 400, "invalid_input", "person"));
  body["person"].erase("first_name");
  body["person"]["personal_number"] = fresh_personal_number(1990);
  EXPECT_TRUE(is_error(samordnare.post("/api/v1/referrals", body), 400, "invalid_input", "person"));
  body["person"].erase("personal_number");
  body["person"].erase("birth_year");
  EXPECT_TRUE(is_error(samordnare.post("/api/v1/referrals", body), 400, "invalid_input", "birth_year"));
  body["person"]["birth_year"] = 1985;
  auto ok = samordnare.post("/api/v1/referrals", body);
  ASSERT_EQ(ok.status, 201) << ok.text;
  auto got = samordnare.get(referral_path(ok.body["id"].get<std::int64_t>()));
  EXPECT_TRUE(got.body["anonymous"].get<bool>());
  EXPECT_EQ(got.body["birth_year"], 1985);
  auto accepted = samordnare.post(referral_path(ok.body["id"].get<std::int64_t>(), "/decision"), {{"decision", "accepted"}});
  ASSERT_EQ(accepted.status, 200) << accepted.text;
  auto view = samordnare.get(enrolment_path(accepted.body["enrolment_id"].get<std::int64_t>()));
  ASSERT_EQ(view.status, 200);
  EXPECT_TRUE(view.body["person"].is_null());
  EXPECT_TRUE(view.body["anonymous"].get<bool>());
}

TEST(ParticipantRules, ContactInTheFutureIsRefused) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  auto id = allocated_enrolment(samordnare);
  ASSERT_NE(id, 0);
  ApiClient coach = logged_in("coach.katrineholm");
  EXPECT_TRUE(is_error(coach.post(enrolment_path(id, "/contacts"), {{"date", day(1)}, {"kind", "meeting"}, {"minutes", 30}}),
                       400, "invalid_input", "date"));
  EXPECT_TRUE(is_error(coach.post(enrolment_path(id, "/contacts"), {{"date", day()}, {"kind", "visit"}, {"minutes", 30}}),
                       400, "invalid_input", "kind"));
  EXPECT_TRUE(is_error(coach.post(enrolment_path(id, "/contacts"), {{"date", day()}, {"kind", "phone"}, {"minutes", 0}}),
                       400, "invalid_input", "minutes"));
  EXPECT_TRUE(is_error(coach.post(enrolment_path(id, "/contacts"),
                                  {{"date", day()}, {"kind", "phone"}, {"minutes", 4294967341LL}}),
                       400, "invalid_input", "minutes"));
  EXPECT_TRUE(coach.get(enrolment_path(id)).body["contacts"].empty());
}

TEST(ParticipantRules, ExitBeforeStartIsRefused) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  ReferralSpec spec;
  spec.received_on = day(-30);
  auto id = allocated_enrolment(samordnare, spec, day(-20));
  ASSERT_NE(id, 0);
  ApiClient coach = logged_in("coach.katrineholm");
  json body = minimal_exit();
  body["date"] = day(-25);
  EXPECT_TRUE(is_error(coach.post(enrolment_path(id, "/exit"), body), 400, "invalid_input", "date"));
  body["date"] = day(1);
  EXPECT_TRUE(is_error(coach.post(enrolment_path(id, "/exit"), body), 400, "invalid_input", "date"));
  body["date"] = day();
  body["outcome"] = "lottery";
  EXPECT_TRUE(is_error(coach.post(enrolment_path(id, "/exit"), body), 400, "invalid_input", "outcome"));
  EXPECT_EQ(coach.get(enrolment_path(id)).body["status"], "active");
  // Start date itself is fine.
  body = minimal_exit();
  body["date"] = day(-20);
  EXPECT_EQ(coach.post(enrolment_path(id, "/exit"), body).status, 200);
}

TEST(ParticipantRules, NothingButTheFinalDocumentAfterExit) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  auto id = allocated_enrolment(samordnare);
  ASSERT_NE(id, 0);
  ApiClient coach = logged_in("coach.katrineholm");
  EXPECT_TRUE(is_error(coach.post(enrolment_path(id, "/final-report/sent"), {{"date", day()}, {"to", {"referrer"}}}),
                       409, "conflict"))
      << "not before the exit";
  ASSERT_EQ(coach.post(enrolment_path(id, "/exit"), minimal_exit()).status, 200);
  EXPECT_TRUE(is_error(coach.post(enrolment_path(id, "/follow-ups"),
                                  {{"date", day()}, {"with_referrer", false}, {"decision", "continue"}}),
                       409, "conflict"));
  EXPECT_TRUE(is_error(coach.post(enrolment_path(id, "/exit"), minimal_exit()), 409, "conflict"));
  EXPECT_TRUE(is_error(coach.post(enrolment_path(id, "/contacts"), {{"date", day()}, {"kind", "phone"}, {"minutes", 5}}),
                       409, "conflict"));
  EXPECT_TRUE(is_error(coach.put(enrolment_path(id, "/plan"),
                                 {{"problem", "x"}, {"goals", json::array()}, {"activities", json::array()},
                                  {"next_follow_up", ""}}),
                       409, "conflict"));
  EXPECT_TRUE(is_error(coach.post(enrolment_path(id, "/final-report/sent"), {{"date", day()}, {"to", {"boss"}}}), 400,
                       "invalid_input", "to"));
  EXPECT_EQ(coach.post(enrolment_path(id, "/final-report/sent"), {{"date", day()}, {"to", {"participant"}}}).status, 200);
}

TEST(ParticipantRules, PlanSavedOverAStaleVersionIsAConflict) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  auto id = allocated_enrolment(samordnare);
  ASSERT_NE(id, 0);
  ApiClient coach = logged_in("coach.katrineholm");
  json plan{{"problem", "Behöver struktur."},
            {"goals", {{{"area", "maende"}, {"text", "Sova bättre."}}}},
            {"activities", {{{"kind", "gruppaktivitet"}, {"text", "Promenadgrupp"}, {"start", day()}}}},
            {"next_follow_up", day(20)},
            {"version", 0}};
  auto first = coach.put(enrolment_path(id, "/plan"), plan);
  ASSERT_EQ(first.status, 200) << first.text;
  EXPECT_EQ(first.body["version"], 1);
  // The samordnare saves on top of version 1; the coach's second save still says 0.
  plan["version"] = 1;
  EXPECT_EQ(samordnare.put(enrolment_path(id, "/plan"), plan).body["version"], 2);
  plan["version"] = 0;
  EXPECT_TRUE(is_error(coach.put(enrolment_path(id, "/plan"), plan), 409, "conflict"));
  plan["version"] = 1;
  EXPECT_TRUE(is_error(coach.put(enrolment_path(id, "/plan"), plan), 409, "conflict"));
  plan["version"] = 2;
  EXPECT_EQ(coach.put(enrolment_path(id, "/plan"), plan).body["version"], 3);
  plan.erase("version");  // without a version: saved without a check
  EXPECT_EQ(coach.put(enrolment_path(id, "/plan"), plan).body["version"], 4);
  plan["version"] = -1;
  EXPECT_TRUE(is_error(coach.put(enrolment_path(id, "/plan"), plan), 400, "invalid_input", "version"));
  plan["version"] = 4;
  plan["goals"][0]["area"] = "lycka";
  EXPECT_TRUE(is_error(coach.put(enrolment_path(id, "/plan"), plan), 400, "invalid_input", "goals"));
  EXPECT_EQ(coach.get(enrolment_path(id)).body["plan"]["version"], 4);
}

TEST(ParticipantRules, AllocationOnlyToTheTracksRoleInTheUnit) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  auto id = create_enrolment(samordnare, programme_id());
  ASSERT_NE(id, 0);
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/allocation"), {{"staff_id", staff_id("coach.nykoping")}}), 400,
                       "invalid_input", "staff_id"))
      << "a Södra coach";
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/allocation"),
                                       {{"staff_id", staff_id("koordinator.katrineholm")}}),
                       400, "invalid_input", "staff_id"))
      << "a koordinator for an arbetsmarknad enrolment";
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/allocation"), {{"staff_id", 987654321}}), 400,
                       "invalid_input", "staff_id"));
  EXPECT_TRUE(samordnare.get(enrolment_path(id)).body["staff_id"].is_null());
}

TEST(ParticipantRules, AllocationOverCapacityNeedsAReason) {
  ApiClient admin = logged_in("admin");
  const auto vastra = demo_unit_id(admin, "Västra"), vingaker = municipality_id(admin, "Vingåker");
  // A fresh 25 % koordinator: capacity 5, nobody allocated yet whatever the demo holds.
  const auto k = create_staff(admin, unique_name("koordinator.test"), "ett-langt-testlosenord-2026",
                              json::array({{{"role", "koordinator"},
                                            {"unit_id", vastra},
                                            {"municipality_id", vingaker},
                                            {"fte_pct", 25}}}));
  ASSERT_NE(k, 0);
  ApiClient samordnare = logged_in("samordnare.vastra");
  ReferralSpec spec;
  spec.track = "unga";
  spec.municipality = "Vingåker";
  spec.birth_year = 2002;
  for (int i = 0; i < 5; ++i) {
    auto id = create_enrolment(samordnare, programme_id(), spec);
    ASSERT_NE(id, 0);
    auto r = samordnare.post(enrolment_path(id, "/allocation"), {{"staff_id", k}});
    ASSERT_EQ(r.status, 200) << "allocation " << i + 1 << ": " << r.text;
  }
  auto sixth = create_enrolment(samordnare, programme_id(), spec);
  ASSERT_NE(sixth, 0);
  bool listed = false;
  auto suggestions = samordnare.get(enrolment_path(sixth, "/allocation-suggestions"));
  for (const auto& s : suggestions.body["items"])
    if (s["staff_id"] == k) {
      listed = true;
      EXPECT_EQ(s["caseload"], 5);
      EXPECT_EQ(s["capacity"], 5);
      EXPECT_EQ(s["free"], 0);
      EXPECT_TRUE(s["same_municipality"].get<bool>());
    }
  EXPECT_TRUE(listed) << k << " " << suggestions.text;
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(sixth, "/allocation"), {{"staff_id", k}}), 409, "conflict",
                       "staff_id"));
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(sixth, "/allocation"), {{"staff_id", k}, {"override_reason", " "}}),
                       409, "conflict", "staff_id"));
  auto forced = samordnare.post(enrolment_path(sixth, "/allocation"),
                                {{"staff_id", k}, {"override_reason", "Syskon till en av hans deltagare."}});
  ASSERT_EQ(forced.status, 200) << forced.text;
  EXPECT_EQ(samordnare.get(enrolment_path(sixth)).body["staff_id"], k);
  // The samordnare's due work now shows the overload.
  bool over = false;
  auto tasks = samordnare.get("/api/v1/tasks");
  for (const auto& t : tasks.body["items"])
    over = over || (t["kind"] == "over_capacity" && t.value("staff_id", std::int64_t{0}) == k);
  EXPECT_TRUE(over) << tasks.text.substr(0, 3000);
}

TEST(ParticipantRules, ConsentRefusedForEveryPartyMakesTheEnrolmentAnonymous) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  std::string pn;
  auto id = create_enrolment(samordnare, programme_id(), {}, "", &pn);
  ASSERT_NE(id, 0);
  auto before = samordnare.get(enrolment_path(id));
  ASSERT_EQ(before.body["person"]["personal_number"], pn);
  // Given for one party, then refused for both: nothing given remains.
  ASSERT_EQ(samordnare.post(enrolment_path(id, "/consent"),
                            {{"parties", {"Försäkringskassan"}}, {"date", day()}, {"given", true}})
                .status,
            200);
  EXPECT_FALSE(samordnare.get(enrolment_path(id)).body["person"].is_null()) << "consent given: still named";
  auto refused = samordnare.post(enrolment_path(id, "/consent"),
                                 {{"parties", {"Försäkringskassan", "Arbetsförmedlingen"}}, {"date", day()}, {"given", false}});
  ASSERT_EQ(refused.status, 200) << refused.text;
  auto view = samordnare.get(enrolment_path(id));
  ASSERT_EQ(view.status, 200);
  EXPECT_TRUE(view.body["person"].is_null());
  EXPECT_TRUE(view.body["anonymous"].get<bool>());
  EXPECT_EQ(view.text.find(pn.substr(2)), std::string::npos);
  EXPECT_EQ(view.body["gender"], "female") << "statistics stay";
  EXPECT_EQ(view.body["birth_year"], 1990);
  for (const auto& c : view.body["consents"]) EXPECT_FALSE(c["given"].get<bool>());
  EXPECT_TRUE(samordnare.get(referral_path(view.body["referral_id"].get<std::int64_t>())).body["anonymous"].get<bool>());

  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/consent"), {{"parties", {"Skatteverket"}}, {"date", day()}, {"given", true}}),
                       400, "invalid_input", "parties"));
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/consent"), {{"parties", json::array()}, {"date", day()}, {"given", true}}),
                       400, "invalid_input", "parties"));
}

TEST(ParticipantRules, PersonalNumbersNeverLeaveThroughReferralsOrTheAuditLog) {
  ApiClient admin = logged_in("admin");
  const auto vastra = demo_unit_id(admin, "Västra");
  ApiClient samordnare = logged_in("samordnare.vastra");
  std::string pn;
  auto id = create_enrolment(samordnare, programme_id(), {}, "", &pn);
  ASSERT_NE(id, 0);
  ASSERT_EQ(pn.size(), 12u);
  const std::string forms[] = {pn.substr(2), pn.substr(0, 8) + "-" + pn.substr(8), pn.substr(2, 6) + "-" + pn.substr(8)};
  ASSERT_EQ(samordnare.get(enrolment_path(id)).body["person"]["personal_number"], pn) << "only here";

  auto list = samordnare.get("/api/v1/referrals?unit=" + std::to_string(vastra));
  ASSERT_EQ(list.status, 200) << list.text;
  auto all_mine = samordnare.get("/api/v1/referrals?status=accepted");
  ASSERT_EQ(all_mine.status, 200) << all_mine.text;
  bool found = false;
  for (const auto& r : all_mine.body["items"]) found = found || r["enrolment_id"] == id;
  EXPECT_TRUE(found) << "without ?unit= the samordnare's own units";
  auto one = samordnare.get(referral_path(samordnare.get(enrolment_path(id)).body["referral_id"].get<std::int64_t>()));
  auto enrolments = samordnare.get("/api/v1/enrolments?unit=" + std::to_string(vastra) + "&limit=500");
  auto audit = admin.get("/api/v1/audit?limit=500");
  ASSERT_EQ(audit.status, 200) << audit.text;
  for (const auto& form : forms) {
    EXPECT_EQ(list.text.find(form), std::string::npos) << form;
    EXPECT_EQ(all_mine.text.find(form), std::string::npos) << form;
    EXPECT_EQ(one.text.find(form), std::string::npos) << form;
    EXPECT_EQ(enrolments.text.find(form), std::string::npos) << form;
    EXPECT_EQ(audit.text.find(form), std::string::npos) << form;
  }
  for (const auto& r : list.body["items"]) {
    EXPECT_FALSE(r.contains("personal_number"));
    EXPECT_FALSE(r.contains("person"));
  }
}

TEST(ParticipantRules, WrongTypesNameTheField) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  const auto programme = programme_id();
  auto referral_with = [&](const std::function<void(json&)>& change) {
    json body = referral_body(programme);
    change(body);
    return samordnare.post("/api/v1/referrals", body);
  };
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["programme_id"] = "1"; }), 400, "invalid_input", "programme_id"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["track"] = 1; }), 400, "invalid_input", "track"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["track"] = "pension"; }), 400, "invalid_input", "track"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["municipality"] = json::object(); }), 400, "invalid_input", "municipality"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["municipality"] = "Gotham"; }), 400, "invalid_input", "municipality"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["referring_party"] = true; }), 400, "invalid_input", "referring_party"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["person"] = "anna"; }), 400, "invalid_input", "person"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["person"]["anonymous"] = "no"; }), 400, "invalid_input", "anonymous"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["person"]["gender"] = "x"; }), 400, "invalid_input", "gender"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["person"]["birth_year"] = "1990"; }), 400, "invalid_input", "birth_year"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["person"]["first_name"] = 5; }), 400, "invalid_input", "first_name"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["income_sources"] = "lon"; }), 400, "invalid_input", "income_sources"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["income_sources"] = {"guld"}; }), 400, "invalid_input", "income_sources"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["coordination_need_parties"] = {1.5}; }), 400, "invalid_input",
                       "coordination_need_parties"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["reason"] = json::array(); }), 400, "invalid_input", "reason"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["received_on"] = day(1); }), 400, "invalid_input", "received_on"));
  EXPECT_TRUE(is_error(referral_with([](json& b) { b["municipality"] = "Nyköping"; }), 403, "forbidden"))
      << "another unit's municipality";

  auto referral = create_referral(samordnare, programme);
  ASSERT_NE(referral, 0);
  EXPECT_TRUE(is_error(samordnare.post(referral_path(referral, "/decision"), {{"decision", 1}}), 400, "invalid_input", "decision"));
  EXPECT_TRUE(is_error(samordnare.post(referral_path(referral, "/decision"),
                                       {{"decision", "accepted"}, {"exclusions", {{"substance_dependence", "no"}}}}),
                       400, "invalid_input", "substance_dependence"));
  EXPECT_TRUE(is_error(samordnare.post(referral_path(referral, "/decision"), {{"decision", "accepted"}, {"exclusions", true}}),
                       400, "invalid_input", "exclusions"));
  EXPECT_TRUE(is_error(samordnare.post(referral_path(referral, "/decision"), {{"decision", "accepted"}, {"version", "1"}}),
                       400, "invalid_input", "version"));
  EXPECT_TRUE(is_error(samordnare.post(referral_path(referral, "/decision"), {{"decision", "accepted"}, {"education", "phd"}}),
                       400, "invalid_input", "education"));
  auto accepted = samordnare.post(referral_path(referral, "/decision"), {{"decision", "accepted"}});
  ASSERT_EQ(accepted.status, 200) << accepted.text;
  const auto id = accepted.body["enrolment_id"].get<std::int64_t>();

  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/consent"), {{"parties", "Arbetsförmedlingen"}, {"date", day()}, {"given", true}}),
                       400, "invalid_input", "parties"));
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/consent"), {{"parties", {"Arbetsförmedlingen"}}, {"date", day()}, {"given", "yes"}}),
                       400, "invalid_input", "given"));
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/allocation"), {{"staff_id", "coach.katrineholm"}}), 400,
                       "invalid_input", "staff_id"));
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/contacts"), {{"date", day()}, {"kind", "phone"}, {"minutes", "45"}}),
                       400, "invalid_input", "minutes"));
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/contacts"), {{"date", 20240101}, {"kind", "phone"}, {"minutes", 45}}),
                       400, "invalid_input", "date"));
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/follow-ups"),
                                       {{"date", day()}, {"with_referrer", "ja"}, {"decision", "continue"}}),
                       400, "invalid_input", "with_referrer"));
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/follow-ups"),
                                       {{"date", day()}, {"with_referrer", true}, {"decision", "pause"}}),
                       400, "invalid_input", "decision"));
  json plan{{"problem", "p"}, {"goals", "många"}, {"activities", json::array()}, {"next_follow_up", day(10)}};
  EXPECT_TRUE(is_error(samordnare.put(enrolment_path(id, "/plan"), plan), 400, "invalid_input", "goals"));
  plan["goals"] = json::array();
  plan["activities"] = {{{"kind", "praktik"}, {"text", "t"}, {"start", day()}, {"party", 3.5}}};
  EXPECT_TRUE(is_error(samordnare.put(enrolment_path(id, "/plan"), plan), 400, "invalid_input", "party"));
  plan["activities"] = {{{"kind", "praktik"}, {"text", "t"}, {"start", "igår"}}};
  EXPECT_TRUE(is_error(samordnare.put(enrolment_path(id, "/plan"), plan), 400, "invalid_input", "activities"));
  json exit{{"date", day()}, {"outcome", "arbete"}, {"income_sources_after", {"lon"}}, {"occupation_after", "arbete_hel"},
            {"goal_ratings", {{{"phase", "exit"}, {"area", "tilltro"}, {"rating", "4"}}}}};
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/exit"), exit), 400, "invalid_input", "rating"));
  exit["goal_ratings"] = {{{"phase", "exit"}, {"area", "tilltro"}, {"rating", 6}}};
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/exit"), exit), 400, "invalid_input", "goal_ratings"));
  exit.erase("goal_ratings");
  exit["income_sources_after"] = "lon";
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/exit"), exit), 400, "invalid_input", "income_sources_after"));
  exit["income_sources_after"] = {"lon"};
  exit["version"] = "7";
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/exit"), exit), 400, "invalid_input", "version"));
  EXPECT_TRUE(is_error(samordnare.post(enrolment_path(id, "/final-report/sent"), {{"date", day()}, {"to", "referrer"}}), 400,
                       "invalid_input", "to"));
  EXPECT_TRUE(is_error(samordnare.raw("POST", enrolment_path(id, "/contacts"), "[1,2]", "application/json",
                                      {{"Cookie", samordnare.cookie}, {"X-CSRF-Token", samordnare.csrf}}),
                       400, "invalid_input"));
  EXPECT_EQ(samordnare.get(enrolment_path(id)).body["status"], "active") << "nothing was changed";
}

TEST(ParticipantRules, IdsInTheUrlThatAreNotPositiveIntegersAreNotFound) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  for (const std::string bad : {"0", "-3", "abc", "1.5", "1e3", "99999999999999999999", "%20"}) {
    SCOPED_TRACE(bad);
    EXPECT_TRUE(is_error(samordnare.get("/api/v1/enrolments/" + bad), 404, "not_found"));
    EXPECT_TRUE(is_error(samordnare.get("/api/v1/referrals/" + bad), 404, "not_found"));
    EXPECT_TRUE(is_error(samordnare.post("/api/v1/referrals/" + bad + "/decision", {{"decision", "declined"}, {"reason", "r"}}),
                         404, "not_found"));
    EXPECT_TRUE(is_error(samordnare.get("/api/v1/enrolments/" + bad + "/allocation-suggestions"), 404, "not_found"));
    EXPECT_TRUE(is_error(samordnare.post("/api/v1/enrolments/" + bad + "/contacts",
                                         {{"date", day()}, {"kind", "phone"}, {"minutes", 5}}),
                         404, "not_found"));
    EXPECT_TRUE(is_error(samordnare.put("/api/v1/enrolments/" + bad + "/plan", json::object()), 404, "not_found"));
    EXPECT_TRUE(is_error(samordnare.get("/api/v1/enrolments/" + bad + "/final-report.pdf"), 404, "not_found"));
  }
  // Well-formed but unknown.
  EXPECT_TRUE(is_error(samordnare.get("/api/v1/enrolments/987654321"), 404, "not_found"));
  EXPECT_TRUE(is_error(samordnare.get("/api/v1/referrals/987654321"), 404, "not_found"));
  EXPECT_TRUE(is_error(samordnare.post("/api/v1/enrolments/987654321/exit", {{"date", day()}, {"outcome", "arbete"},
                                                                             {"income_sources_after", json::array()},
                                                                             {"occupation_after", "arbete_hel"}}),
                       404, "not_found"));
}
