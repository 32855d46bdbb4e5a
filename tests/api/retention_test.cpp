// Retention (gallring) end to end: `stegvis purge` erases the identity and
// free text of an enrolment exited long ago; it still counts among the unit's
// exited enrolments with its statistics, and its pages say "Gallrad".
#include <gtest/gtest.h>

#include "api/participant_support.hpp"

using namespace stegvis::test;

TEST(RetentionCli, APurgedEnrolmentStillCountsAndShowsGallradInsteadOfTheName) {
  ApiClient admin = logged_in("admin");
  ApiClient sam = logged_in("samordnare.vastra");
  const auto unit = demo_unit_id(admin, "Västra");
  // An enrolment from 2015 (no demo data is that old), exited in 2016.
  ReferralSpec spec;
  spec.received_on = "2015-01-05";
  json body = referral_body(programme_id(), spec);
  const std::string name = unique_name("Gammal");
  body["person"]["first_name"] = name;
  auto ref = sam.post("/api/v1/referrals", body);
  ASSERT_EQ(ref.status, 201) << ref.text;
  auto dec = sam.post("/api/v1/referrals/" + std::to_string(ref.body["id"].get<std::int64_t>()) + "/decision",
                      {{"decision", "accepted"}, {"date", "2015-01-10"}, {"support_duration", "1_2"},
                       {"education", "gymnasial"}, {"occupation_before", "sjukskriven"}});
  ASSERT_EQ(dec.status, 200) << dec.text;
  const auto id = dec.body["enrolment_id"].get<std::int64_t>();
  const std::string path = "/api/v1/enrolments/" + std::to_string(id);
  ASSERT_EQ(sam.post(path + "/contacts", {{"date", "2015-02-01"}, {"kind", "meeting"}, {"minutes", 60}, {"note", "Hemligt " + name}}).status, 201);
  ASSERT_EQ(sam.post(path + "/exit", {{"date", "2016-01-15"}, {"outcome", "arbete"}, {"income_sources_after", {"lön"}},
                                      {"occupation_after", "arbete_hel"}, {"next_step", "Steg " + name}}).status, 200);
  auto exited_before = sam.get("/api/v1/enrolments?unit=" + std::to_string(unit) + "&status=exited");
  ASSERT_EQ(exited_before.status, 200);

  std::string out;
  ASSERT_EQ(run_stegvis({"purge", "--db", server().db_url, "--years", "8", "--dry-run"}, &out), 0) << out;
  EXPECT_NE(out.find("would purge (dry run, nothing changed): gallring:"), std::string::npos) << out;
  EXPECT_EQ(sam.get(path).body["person"]["first_name"], name) << "a dry run changes nothing";
  ASSERT_EQ(run_stegvis({"purge", "--db", server().db_url, "--years", "8"}, &out), 0) << out;
  EXPECT_NE(out.find("purged: gallring:"), std::string::npos) << out;

  auto view = sam.get(path);
  ASSERT_EQ(view.status, 200) << view.text;
  EXPECT_TRUE(view.body["person"].is_null());
  EXPECT_TRUE(view.body["purged_on"].is_string());
  EXPECT_EQ(view.body["next_step"], "");
  EXPECT_EQ(view.body["contacts"][0]["note"], "");
  EXPECT_EQ(view.body["contacts"][0]["minutes"], 60);
  EXPECT_EQ(view.text.find(name), std::string::npos) << "nothing identifying left";
  // The statistics stay: it still counts among the unit's exited enrolments, with its variables.
  EXPECT_EQ(view.body["gender"], "female");
  EXPECT_EQ(view.body["birth_year"], 1990);
  EXPECT_EQ(view.body["outcome"], "arbete");
  EXPECT_EQ(view.body["exit_date"], "2016-01-15");
  EXPECT_EQ(view.body["income_after"], json({"lon"}));
  auto exited_after = sam.get("/api/v1/enrolments?unit=" + std::to_string(unit) + "&status=exited");
  EXPECT_EQ(exited_after.body["total"], exited_before.body["total"]);

  // The participant page says "Gallrad" where the name was.
  auto page = sam.get("/enrolments/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.text.find("Gallrad"), std::string::npos);
  EXPECT_EQ(page.text.find(name), std::string::npos);
  EXPECT_EQ(page.text.find("/person/access-export.pdf"), std::string::npos) << "no extract of an erased person";

  // Audited by count, never by content.
  auto log = audit_entries(admin, "action=retention.purge");
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log[0]["detail"].get<std::string>().rfind("gallring: ", 0), 0u) << log[0].dump();
  EXPECT_EQ(log[0].dump().find(name), std::string::npos);
}
