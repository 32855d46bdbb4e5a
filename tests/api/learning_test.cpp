// Issue #9 over the real server: the programme catalogue's search with FTS
// and SQL syntax in the words, filters, cards with live figures, who may
// edit; the ANDTS strategy's status per item with bad input and denials, its
// PDF; the lasting effect after exit with consent, bad entries, the due work
// and the period report's new table.
#include <gtest/gtest.h>

#include "api/participant_support.hpp"
#include "reports/writer_test_support.hpp"

using namespace stegvis::test;

TEST(Learning, CatalogueSearchFiltersCardsAndEditing) {
  ApiClient karin = logged_in("samordnare.vastra");
  auto all = karin.get("/api/v1/catalogue?limit=200");
  ASSERT_EQ(all.status, 200) << all.text;
  EXPECT_GE(all.body["total"].get<int>(), 20);  // the 19 of seed 003 and the demo's own programme
  // Words with FTS5 and SQL syntax are searched as words: never a 500, never everything.
  for (const char* q : {"%22unga%22", "unga*", "NEAR(unga", "(unga)", "-unga", "unga%20AND%20", "%5Eunga"}) {
    auto r = karin.get(std::string("/api/v1/catalogue?q=") + q);
    ASSERT_EQ(r.status, 200) << q << ": " << r.text;
    EXPECT_GE(r.body["total"].get<int>(), 3) << q;
    EXPECT_LT(r.body["total"].get<int>(), all.body["total"].get<int>()) << q;
  }
  // An injection attempt is only words ("unga", "1", "1"): it narrows the search, never widens it.
  auto injected = karin.get("/api/v1/catalogue?q=unga%27%20OR%201%3D1--");
  ASSERT_EQ(injected.status, 200);
  EXPECT_LE(injected.body["total"].get<int>(), karin.get("/api/v1/catalogue?q=unga").body["total"].get<int>());
  EXPECT_TRUE(is_error(karin.get("/api/v1/catalogue?q=%22*%27()-"), 400, "invalid_input", "q"));
  EXPECT_TRUE(is_error(karin.get("/api/v1/catalogue?active_on=igår"), 400, "invalid_input", "active_on"));
  auto sormland = karin.get("/api/v1/catalogue?county=S%C3%B6dermanlands%20l%C3%A4n");
  ASSERT_EQ(sormland.status, 200);
  for (const auto& e : sormland.body["items"]) EXPECT_EQ(e["county"], "Södermanlands län");
  // Active now: only this installation's own programme in the demo (the others ended by 2016).
  auto active = karin.get("/api/v1/catalogue?active_on=" + day());
  ASSERT_EQ(active.status, 200);
  ASSERT_GE(active.body["items"].size(), 1u);
  std::int64_t own = 0;
  for (const auto& e : active.body["items"])
    if (!e["programme_id"].is_null()) own = e["id"].get<std::int64_t>();
  ASSERT_NE(own, 0);
  auto card = karin.get("/api/v1/catalogue/" + std::to_string(own));
  ASSERT_EQ(card.status, 200);
  EXPECT_TRUE(card.body["active_today"].get<bool>());
  EXPECT_TRUE(card.body["figures"]["active"].is_number() || card.body["figures"]["active"] == "<5");
  EXPECT_EQ(karin.get("/api/v1/catalogue/999999").status, 404);

  // Without login: 401 (the installation's public_catalogue setting is off).
  ApiClient anon(server().port);
  EXPECT_TRUE(is_error(anon.get("/api/v1/catalogue?q=unga"), 401, "unauthenticated"));

  // Editing: the insatsansvarig adds and changes (found at once by search); a samordnare may not.
  json body{{"name", "Testinsats Fyrklövern"}, {"county", "Södermanlands län"}, {"period_start", "2025-01"},
            {"target_group", "Unga vuxna i Flen"}};
  EXPECT_TRUE(is_error(karin.post("/api/v1/catalogue", body), 403, "forbidden"));
  ApiClient lena = logged_in("insatsansvarig");
  EXPECT_TRUE(is_error(lena.post("/api/v1/catalogue", {{"name", "X"}, {"period_end", "snart"}}), 400, "invalid_input",
                       "period_end"));
  EXPECT_TRUE(is_error(lena.post("/api/v1/catalogue", {{"county", "X"}}), 400, "invalid_input", "name"));
  auto created = lena.post("/api/v1/catalogue", body);
  ASSERT_EQ(created.status, 201) << created.text;
  const std::string path = "/api/v1/catalogue/" + std::to_string(created.body["id"].get<std::int64_t>());
  body["name"] = "Testinsats Fyrklövern II";
  ASSERT_EQ(lena.put(path, body).status, 200);
  auto found = karin.get("/api/v1/catalogue?q=fyrkl%C3%B6vern");
  ASSERT_EQ(found.body["total"], 1);
  EXPECT_EQ(found.body["items"][0]["name"], "Testinsats Fyrklövern II");
}

TEST(Learning, StrategyStatusPerItemWithHistoryAndExports) {
  ApiClient lena = logged_in("insatsansvarig");
  auto list = lena.get("/api/v1/strategies");
  ASSERT_EQ(list.status, 200);
  ASSERT_GE(list.body["items"].size(), 1u);
  const std::string path = "/api/v1/strategies/" + std::to_string(list.body["items"][0]["id"].get<std::int64_t>());
  auto s = lena.get(path);
  ASSERT_EQ(s.status, 200);
  ASSERT_EQ(s.body["goals"].size(), 6u);
  const auto& item = s.body["goals"][2]["items"][3];
  for (const char* k : {"id", "focus_area", "actors", "initiators", "status"}) EXPECT_TRUE(item.contains(k)) << k;
  const std::string item_path = path + "/items/" + std::to_string(item["id"].get<std::int64_t>());

  EXPECT_TRUE(is_error(lena.put(item_path, {{"status", "finished"}}), 400, "invalid_input", "status"));
  EXPECT_TRUE(is_error(lena.put(item_path, {{"responsible", "X"}}), 400, "invalid_input", "status"));
  EXPECT_TRUE(is_error(lena.put(path + "/items/999999", {{"status", "done"}}), 404, "not_found"));
  ApiClient coach = logged_in("coach.katrineholm");
  EXPECT_TRUE(is_error(coach.put(item_path, {{"status", "done"}}), 403, "forbidden"));
  EXPECT_EQ(coach.get(path).status, 200);  // readable by everyone with a role

  auto r = lena.put(item_path, {{"status", "ongoing"}, {"responsible", "Länsstyrelsen"}, {"note", "Uppstart i april"}});
  ASSERT_EQ(r.status, 200) << r.text;
  r = lena.put(item_path, {{"status", "done"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["responsible"], "Länsstyrelsen");  // kept when not sent
  auto again = lena.get(path);
  const auto& changed = again.body["goals"][2]["items"][3];
  EXPECT_EQ(changed["status"], "done");
  ASSERT_GE(changed["notes"].size(), 2u);
  EXPECT_EQ(changed["notes"][changed["notes"].size() - 2]["text"], "Uppstart i april");
  EXPECT_GT(again.body["goals"][2]["progress"]["done_pct"].get<double>(), 0);

  auto pdf = lena.get(path + ".pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
  if (have_program("pdftotext")) {
    ScratchDir dir;
    write_file(dir.path / "s.pdf", pdf.text);
    ASSERT_EQ(run("pdftotext -layout " + (dir.path / "s.pdf").string() + " " + (dir.path / "s.txt").string(),
                  dir.path / "log"), 0);
    auto text = read_file(dir.path / "s.txt");
    EXPECT_NE(text.find("Mål 6"), std::string::npos);
    EXPECT_NE(text.find("Länsstyrelsen"), std::string::npos);
  }
  auto xlsx = lena.get(path + ".xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.text.substr(0, 2), "PK");
}

TEST(Learning, LastingEffectNeedsAnExitAndConsentAndShowsInTasksAndReport) {
  ApiClient karin = logged_in("samordnare.vastra");
  ReferralSpec spec;
  spec.received_on = day(-430);
  auto id = create_enrolment(karin, programme_id(), spec, day(-420));
  ASSERT_NE(id, 0);
  const std::string base = "/api/v1/enrolments/" + std::to_string(id);
  json check{{"months", 6}, {"status", "arbete"}, {"date", day()}};
  EXPECT_TRUE(is_error(karin.post(base + "/lasting-effect", check), 409, "conflict"));  // still active
  auto exit = karin.post(base + "/exit", {{"date", day(-200)}, {"outcome", "studier"}, {"income_sources_after", json::array()},
                                          {"occupation_after", ""}, {"contact_after_exit", false}});
  ASSERT_EQ(exit.status, 200) << exit.text;
  auto refused = karin.post(base + "/lasting-effect", check);
  EXPECT_TRUE(is_error(refused, 409, "conflict"));  // no consent to contact after exit
  EXPECT_NE(refused.body["error"]["message"].get<std::string>().find("samtyck"), std::string::npos);
  EXPECT_TRUE(is_error(karin.post(base + "/contact-after-exit", {{"given", "ja"}}), 400, "invalid_input", "given"));
  ASSERT_EQ(karin.post(base + "/contact-after-exit", {{"given", true}, {"date", day(-200)}}).status, 200);
  EXPECT_TRUE(karin.get(base).body["contact_after_exit"].get<bool>());

  // Due now: the 6-month check is in Att göra.
  auto has_task = [&](int months) {
    auto tasks = karin.get("/api/v1/tasks");  // kept: a range-for over a temporary reply's body dangles
    for (const auto& t : tasks.body["items"])
      if (t["kind"] == "lasting_effect" && t["enrolment_id"] == id && t["months"] == months) return true;
    return false;
  };
  EXPECT_TRUE(has_task(6));
  EXPECT_FALSE(has_task(12));
  // Bad entries name their field; the 12-month check is not yet possible.
  auto bad = [&](json b, int status, const char* field) {
    auto r = karin.post(base + "/lasting-effect", b);
    EXPECT_EQ(r.status, status) << r.text;
    EXPECT_EQ(r.body["error"].value("field", ""), field) << r.text;
  };
  bad({{"months", 6}, {"status", "pension"}}, 400, "status");
  bad({{"months", 7}, {"status", "arbete"}}, 400, "months");
  bad({{"months", "sex"}, {"status", "arbete"}}, 400, "months");
  bad({{"months", 6}, {"status", "arbete"}, {"date", day(1)}}, 400, "date");
  bad({{"months", 12}, {"status", "arbete"}}, 422, "date");
  ASSERT_EQ(karin.post(base + "/lasting-effect", check).status, 201);
  EXPECT_FALSE(has_task(6));
  auto view = karin.get(base);
  ASSERT_EQ(view.body["lasting_effect"].size(), 1u);
  EXPECT_EQ(view.body["lasting_effect"][0]["status"], "arbete");
  // The right of access carries the check too.
  auto extract = karin.get(base + "/person/access-export.json");
  ASSERT_EQ(extract.status, 200) << extract.text;
  bool in_extract = false;
  for (const auto& en : extract.body["enrolments"])
    if (en["id"] == id) {
      ASSERT_EQ(en["lasting_effects"].size(), 1u);
      EXPECT_EQ(en["lasting_effects"][0]["months"], 6);
      EXPECT_EQ(en["lasting_effects"][0]["status"], "arbete");
      in_extract = true;
    }
  EXPECT_TRUE(in_extract);
  // Another unit's samordnare: denied (and audited).
  EXPECT_TRUE(is_error(logged_in("samordnare.norra").post(base + "/lasting-effect", check), 403, "forbidden"));

  // The period report has the lasting effect by gender, at 6 and 12 months.
  auto report = karin.get("/api/v1/programmes/" + std::to_string(programme_id()) + "/reports/period?from=" + day(-210) +
                          "&to=" + day(-190));
  ASSERT_EQ(report.status, 200) << report.text;
  const auto& lasting = report.body["lasting_effect"];
  ASSERT_EQ(lasting.size(), 4u);
  EXPECT_EQ(lasting[3]["key"], "total");
  EXPECT_EQ(lasting[3]["after_exit"][0]["months"], 6);
  EXPECT_GE(lasting[0]["after_exit"][0]["work_or_studies"]["numerator"].get<int>(), 1);  // female, unsuppressed in own unit
}
