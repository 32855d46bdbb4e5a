// The participant's whole path through the API (domain.md §3), as the unit's
// samordnare and the coach it is allocated to: referral, acceptance with start
// variables, consent, allocation, plan, contacts, follow-up, exit, the final
// document and its sending, and the due work around it.
#include <gtest/gtest.h>

#include <algorithm>

#include "api/participant_support.hpp"

using namespace stegvis::test;

namespace {

std::string enrolment_path(std::int64_t id, const std::string& rest = "") {
  return "/api/v1/enrolments/" + std::to_string(id) + rest;
}

bool lists_enrolment(const json& tasks, std::int64_t id) {
  for (const auto& t : tasks)
    if (t["enrolment_id"].is_number_integer() && t["enrolment_id"].get<std::int64_t>() == id) return true;
  return false;
}

}  // namespace

TEST(ParticipantPath, ReferralToFinalDocumentAsSamordnareAndCoach) {
  const auto programme = programme_id();
  ASSERT_NE(programme, 0);
  const auto coach_id = staff_id("coach.katrineholm");
  ApiClient admin = logged_in("admin");
  const auto fk = party_id(admin, "Försäkringskassan"), af = party_id(admin, "Arbetsförmedlingen");
  const auto vastra = demo_unit_id(admin, "Västra"), katrineholm = municipality_id(admin, "Katrineholm");
  ApiClient samordnare = logged_in("samordnare.vastra");

  // Referral, named by municipality and party names (api.md vocabulary), income in Swedish spelling.
  json body = referral_body(programme);
  body["income_sources"] = {"försörjningsstöd", "sjukpenning"};
  body["received_on"] = day(-10);
  const std::string pn = body["person"]["personal_number"];
  auto created = samordnare.post("/api/v1/referrals", body);
  ASSERT_EQ(created.status, 201) << created.text;
  EXPECT_EQ(created.body["status"], "received");
  const auto referral = created.body["id"].get<std::int64_t>();

  auto got = samordnare.get("/api/v1/referrals/" + std::to_string(referral));
  ASSERT_EQ(got.status, 200) << got.text;
  EXPECT_EQ(got.body["track"], "arbetsmarknad");
  EXPECT_EQ(got.body["unit_id"], vastra);
  EXPECT_EQ(got.body["municipality_id"], katrineholm);
  EXPECT_EQ(got.body["referring_party_id"], fk);
  EXPECT_EQ(got.body["income_sources"], json({"forsorjningsstod", "sjukpenning"}));
  EXPECT_EQ(got.body["coordination_need_parties"], json({fk, af}));
  EXPECT_EQ(got.body["status"], "received");
  EXPECT_EQ(got.body["received_on"], day(-10));
  EXPECT_EQ(got.body["birth_year"], 1990);
  EXPECT_FALSE(got.body["anonymous"].get<bool>());
  EXPECT_TRUE(got.body["enrolment_id"].is_null());
  EXPECT_EQ(got.text.find(pn.substr(2)), std::string::npos) << "no personal number in a referral";

  // The undecided referral is the samordnare's due work.
  auto tasks = samordnare.get("/api/v1/tasks");
  ASSERT_EQ(tasks.status, 200) << tasks.text;
  bool decision_due = false;
  for (const auto& t : tasks.body["items"])
    if (t["kind"] == "referral_decision" && t.value("referral_id", std::int64_t{0}) == referral) {
      decision_due = true;
      EXPECT_EQ(t["due"], day(4));
      EXPECT_FALSE(t["overdue"].get<bool>());
    }
  EXPECT_TRUE(decision_due) << tasks.text.substr(0, 500);

  // Accepted with the start variables (domain.md §4).
  auto decided = samordnare.post("/api/v1/referrals/" + std::to_string(referral) + "/decision",
                                 {{"decision", "accepted"},
                                  {"date", day(-2)},
                                  {"support_duration", "2_5"},
                                  {"education", "gymnasial"},
                                  {"occupation_before", "arbetslos"},
                                  {"exclusions", {{"substance_dependence", false}}},
                                  {"version", got.body["version"]}});
  ASSERT_EQ(decided.status, 200) << decided.text;
  EXPECT_EQ(decided.body["status"], "accepted");
  const auto id = decided.body["enrolment_id"].get<std::int64_t>();
  EXPECT_EQ(samordnare.get("/api/v1/referrals/" + std::to_string(referral)).body["enrolment_id"], id);

  auto view = samordnare.get(enrolment_path(id));
  ASSERT_EQ(view.status, 200) << view.text;
  EXPECT_EQ(view.body["referral_id"], referral);
  EXPECT_EQ(view.body["start_date"], day(-2));
  EXPECT_TRUE(view.body["exit_date"].is_null());
  EXPECT_EQ(view.body["status"], "active");
  EXPECT_EQ(view.body["support_duration"], "2_5");
  EXPECT_EQ(view.body["education"], "gymnasial");
  EXPECT_EQ(view.body["occupation_before"], "arbetslos");
  EXPECT_EQ(view.body["income_before"], json({"forsorjningsstod", "sjukpenning"}));
  EXPECT_EQ(view.body["person"]["personal_number"], pn);
  EXPECT_EQ(view.body["person"]["first_name"], "Testa");
  EXPECT_EQ(view.body["controller"], "Katrineholms kommun");
  EXPECT_TRUE(view.body["plan"].is_null());
  EXPECT_TRUE(view.body["staff_id"].is_null());
  EXPECT_TRUE(view.body["due"]["plan"].is_string());
  EXPECT_TRUE(view.body["due"]["final_report"].is_null());

  // Consent for two parties, one named by id and one by name.
  auto consent = samordnare.post(enrolment_path(id, "/consent"),
                                 {{"parties", {fk, "Arbetsförmedlingen"}}, {"date", day(-2)}, {"given", true}});
  ASSERT_EQ(consent.status, 200) << consent.text;
  view = samordnare.get(enrolment_path(id));
  ASSERT_EQ(view.body["consents"].size(), 2u) << view.text;
  for (const auto& c : view.body["consents"]) {
    EXPECT_TRUE(c["given"].get<bool>());
    EXPECT_EQ(c["date"], day(-2));
  }

  // Suggestions: coaches (the arbetsmarknad track) of Västra, Katrineholm's first, then the most free places.
  auto sug = samordnare.get(enrolment_path(id, "/allocation-suggestions"));
  ASSERT_EQ(sug.status, 200) << sug.text;
  const auto& items = sug.body["items"];
  ASSERT_FALSE(items.empty());
  json mine;
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i]["role"], "coach");
    EXPECT_EQ(items[i]["free"], items[i]["capacity"].get<int>() - items[i]["caseload"].get<int>());
    if (i > 0) {
      bool a = items[i - 1]["same_municipality"], b = items[i]["same_municipality"];
      EXPECT_TRUE(a || !b) << "same municipality first";
      if (a == b) {
        EXPECT_GE(items[i - 1]["free"].get<int>(), items[i]["free"].get<int>());
      }
    }
    if (items[i]["staff_id"] == coach_id) mine = items[i];
    EXPECT_NE(items[i]["staff_id"], staff_id("coach.nykoping")) << "no other unit's coach";
    EXPECT_NE(items[i]["staff_id"], staff_id("koordinator.katrineholm")) << "no koordinator for arbetsmarknad";
  }
  ASSERT_TRUE(mine.is_object()) << sug.text;
  EXPECT_TRUE(items[0]["same_municipality"].get<bool>());
  EXPECT_TRUE(mine["same_municipality"].get<bool>());
  EXPECT_EQ(mine["name"], "Anna Lindqvist");
  EXPECT_EQ(mine["capacity"], 20);
  int best_free = -1000;
  for (const auto& s : items)
    if (s["same_municipality"].get<bool>()) best_free = std::max(best_free, s["free"].get<int>());
  if (items.size() > 1 && mine["free"].get<int>() == best_free && best_free > 0 && items[0]["free"] != items[1]["free"]) {
    EXPECT_EQ(items[0]["staff_id"], coach_id) << "coach.katrineholm has the most free places";
  }

  json allocation{{"staff_id", coach_id}};
  if (mine["free"].get<int>() <= 0) allocation["override_reason"] = "Demodatan har fyllt coachen.";
  auto allocated = samordnare.post(enrolment_path(id, "/allocation"), allocation);
  ASSERT_EQ(allocated.status, 200) << allocated.text;

  // The coach now sees the enrolment, saves the plan (no plan yet: version 0).
  ApiClient coach = logged_in("coach.katrineholm");
  view = coach.get(enrolment_path(id));
  ASSERT_EQ(view.status, 200) << view.text;
  EXPECT_EQ(view.body["staff_id"], coach_id);
  EXPECT_EQ(view.body["staff_name"], "Anna Lindqvist");
  json plan{{"problem", "Lång tid utan arbete, oro inför nya sammanhang."},
            {"goals", {{{"area", "tilltro"}, {"text", "Känna tilltro till egen förmåga."}},
                       {{"area", "arbetsmarknadskunskap"}, {"text", "Veta vilka yrken som passar."}}}},
            {"activities", {{{"kind", "coaching"}, {"text", "Samtal varje vecka"}, {"start", day(-1)}},
                            {{"kind", "arbetsträning"},
                             {"text", "Lager"},
                             {"start", day(-1)},
                             {"end", day(60)},
                             {"party", "Arbetsförmedlingen"},
                             {"workplace", "Lagret AB"}}}},
            {"next_follow_up", day(30)},
            {"version", 0}};
  auto saved = coach.put(enrolment_path(id, "/plan"), plan);
  ASSERT_EQ(saved.status, 200) << saved.text;
  EXPECT_EQ(saved.body["version"], 1);
  view = coach.get(enrolment_path(id));
  ASSERT_TRUE(view.body["plan"].is_object()) << view.text;
  EXPECT_EQ(view.body["plan"]["version"], 1);
  EXPECT_EQ(view.body["plan"]["goals"].size(), 2u);
  EXPECT_EQ(view.body["plan"]["activities"][1]["kind"], "arbetstraning");
  EXPECT_EQ(view.body["plan"]["activities"][1]["party_id"], af);
  EXPECT_EQ(view.body["plan"]["activities"][1]["workplace"], "Lagret AB");
  EXPECT_EQ(view.body["plan"]["next_follow_up"], day(30));
  EXPECT_TRUE(view.body["due"]["plan"].is_null()) << "the plan is no longer due";
  EXPECT_EQ(view.body["due"]["follow_up"], day(30));

  // A contact, sent twice with the same Idempotency-Key: one contact.
  json contact{{"date", day(-1)}, {"kind", "meeting"}, {"minutes", 45}, {"note", "Första mötet."}};
  const std::string key = unique_name("contact-key");
  auto c1 = post_with_key(coach, enrolment_path(id, "/contacts"), contact, key);
  auto c2 = post_with_key(coach, enrolment_path(id, "/contacts"), contact, key);
  ASSERT_EQ(c1.status, 201) << c1.text;
  ASSERT_EQ(c2.status, 201) << c2.text;
  EXPECT_EQ(c1.body["id"], c2.body["id"]);
  view = coach.get(enrolment_path(id));
  ASSERT_EQ(view.body["contacts"].size(), 1u) << view.text;
  EXPECT_EQ(view.body["contacts"][0]["minutes"], 45);
  EXPECT_EQ(view.body["contacts"][0]["note"], "Första mötet.");
  EXPECT_EQ(view.body["contacts"][0]["staff_id"], coach_id);
  auto c3 = coach.post(enrolment_path(id, "/contacts"), {{"date", day()}, {"kind", "phone"}, {"minutes", 10}});
  ASSERT_EQ(c3.status, 201) << c3.text;
  EXPECT_NE(c3.body["id"], c1.body["id"]);

  // A follow-up with the referrer.
  auto fu = coach.post(enrolment_path(id, "/follow-ups"), {{"date", day()},
                                                           {"with_referrer", true},
                                                           {"decision", "continue"},
                                                           {"note", "Går framåt."},
                                                           {"next_follow_up", day(80)}});
  ASSERT_EQ(fu.status, 201) << fu.text;
  view = coach.get(enrolment_path(id));
  ASSERT_EQ(view.body["follow_ups"].size(), 1u);
  EXPECT_TRUE(view.body["follow_ups"][0]["with_referrer"].get<bool>());
  EXPECT_EQ(view.body["due"]["follow_up"], day(80));

  // Exit with outcome, income after (Swedish spelling), goal ratings and the next step.
  auto exited = coach.post(enrolment_path(id, "/exit"),
                           {{"date", day()},
                            {"outcome", "arbete"},
                            {"income_sources_after", {"lön"}},
                            {"occupation_after", "arbete_hel"},
                            {"goal_ratings", {{{"phase", "start"}, {"area", "tilltro"}, {"rating", 2}},
                                              {{"phase", "exit"}, {"area", "tilltro"}, {"rating", 4}}}},
                            {"next_step", "Anställning på Lagret AB."},
                            {"version", view.body["version"]}});
  ASSERT_EQ(exited.status, 200) << exited.text;
  view = coach.get(enrolment_path(id));
  EXPECT_EQ(view.body["status"], "exited");
  EXPECT_EQ(view.body["exit_date"], day());
  EXPECT_EQ(view.body["outcome"], "arbete");
  EXPECT_EQ(view.body["income_after"], json({"lon"}));
  EXPECT_EQ(view.body["occupation_after"], "arbete_hel");
  EXPECT_EQ(view.body["goal_ratings"].size(), 2u);
  EXPECT_EQ(view.body["next_step"], "Anställning på Lagret AB.");
  EXPECT_EQ(view.body["due"]["final_report"], day(21));
  EXPECT_TRUE(view.body["due"]["follow_up"].is_null());

  // The final document is due work until it is sent.
  tasks = coach.get("/api/v1/tasks");
  ASSERT_EQ(tasks.status, 200) << tasks.text;
  bool final_due = false;
  for (const auto& t : tasks.body["items"])
    if (t["enrolment_id"] == id && t["kind"] == "final_report") final_due = t["due"] == day(21);
  EXPECT_TRUE(final_due) << tasks.text.substr(0, 500);

  auto pdf = coach.get(enrolment_path(id, "/final-report.pdf"));
  ASSERT_EQ(pdf.status, 200) << pdf.text.substr(0, 300);
  EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf.text.substr(0, 4), "%PDF");
  EXPECT_EQ(pdf.header("Content-Disposition"),
            "attachment; filename=\"slutdokumentation-" + std::to_string(id) + ".pdf\"");

  auto sent = coach.post(enrolment_path(id, "/final-report/sent"), {{"date", day()}, {"to", {"participant", "referrer"}}});
  ASSERT_EQ(sent.status, 200) << sent.text;
  view = coach.get(enrolment_path(id));
  EXPECT_EQ(view.body["final_report_sent_on"], day());
  EXPECT_EQ(view.body["final_report_to"], json({"participant", "referrer"}));
  EXPECT_TRUE(view.body["due"]["final_report"].is_null());
  tasks = coach.get("/api/v1/tasks");
  ASSERT_EQ(tasks.status, 200);
  EXPECT_FALSE(lists_enrolment(tasks.body["items"], id)) << "nothing left to do for it";
  EXPECT_FALSE(lists_enrolment(samordnare.get("/api/v1/tasks").body["items"], id));

  // Listed: in the coach's exited enrolments and the unit's.
  auto mine_list = coach.get("/api/v1/enrolments?status=exited&limit=500");
  ASSERT_EQ(mine_list.status, 200) << mine_list.text;
  bool listed = false;
  for (const auto& e : mine_list.body["items"]) {
    listed = listed || e["id"] == id;
    EXPECT_EQ(e["status"], "exited");
    EXPECT_EQ(e["staff_id"], coach_id);
    EXPECT_FALSE(e.contains("person")) << "lists carry no identity";
  }
  EXPECT_TRUE(listed);
  EXPECT_GE(mine_list.body["total"].get<std::int64_t>(), 1);
  auto unit_list = samordnare.get("/api/v1/enrolments?unit=" + std::to_string(vastra) + "&staff=" +
                                  std::to_string(coach_id) + "&status=exited&limit=500");
  ASSERT_EQ(unit_list.status, 200) << unit_list.text;
  listed = false;
  for (const auto& e : unit_list.body["items"]) listed = listed || e["id"] == id;
  EXPECT_TRUE(listed);
  EXPECT_EQ(unit_list.text.find(pn.substr(2)), std::string::npos);
}

TEST(ParticipantPath, EnrolmentListsPageWithLimitAndOffset) {
  const auto programme = programme_id();
  ApiClient samordnare = logged_in("samordnare.vastra");
  ApiClient admin = logged_in("admin");
  const auto vastra = demo_unit_id(admin, "Västra");
  ASSERT_NE(create_enrolment(samordnare, programme), 0);
  ASSERT_NE(create_enrolment(samordnare, programme), 0);
  const std::string base = "/api/v1/enrolments?unit=" + std::to_string(vastra);
  auto all = samordnare.get(base + "&limit=500");
  ASSERT_EQ(all.status, 200) << all.text;
  const auto total = all.body["total"].get<std::int64_t>();
  ASSERT_GE(total, 2);
  auto page = samordnare.get(base + "&limit=1&offset=1");
  ASSERT_EQ(page.status, 200) << page.text;
  ASSERT_EQ(page.body["items"].size(), 1u);
  EXPECT_EQ(page.body["total"], total) << "total counts all matches";
  EXPECT_EQ(page.body["items"][0]["id"], all.body["items"][1]["id"]);
  EXPECT_TRUE(is_error(samordnare.get(base + "&limit=x"), 400, "invalid_input", "limit"));
  EXPECT_TRUE(is_error(samordnare.get(base + "&status=paused"), 400, "invalid_input", "status"));
  EXPECT_TRUE(is_error(samordnare.get("/api/v1/enrolments?unit=abc"), 400, "invalid_input", "unit"));
}
