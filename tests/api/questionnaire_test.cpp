// Questionnaires over the real server (issue #9): a definition whose JSON
// does not match names the path, the export imports again, who may open a
// round, the one-time links (answered once; out of scale, missing required,
// expired, not open, unknown: each a Swedish message, nothing half-stored),
// results hidden under 5 and shown with the previous round and the units,
// the xlsx and PDF, and a flood of guessed tokens throttled while the server
// keeps serving. One test: the flood must come last (it throttles loopback).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "api/server_fixture.hpp"
#include "support/test_db.hpp"

using namespace stegvis::test;

namespace {

std::string day(int offset) {
  std::time_t t = std::time(nullptr) + static_cast<std::time_t>(offset) * 86400;
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[12];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string pdf_text(const std::string& pdf) {
  auto file = std::filesystem::temp_directory_path() / ("stegvis-quest-" + unique_name("x") + ".pdf");
  std::ofstream(file, std::ios::binary) << pdf;
  FILE* p = popen(("pdftotext '" + file.string() + "' - 2>&1").c_str(), "r");
  std::string text;
  std::array<char, 4096> buf{};
  while (p && fgets(buf.data(), buf.size(), p)) text += buf.data();
  if (p) pclose(p);
  std::filesystem::remove(file);
  return text;
}

json definition(const std::string& name) {
  return {{"name", name},
          {"group", "insatspersonal"},
          {"items",
           {{{"id", "bidrar"}, {"text", "Parterna bidrar."}, {"kind", "scale"}, {"min", 1}, {"max", 5}, {"required", true}},
            {{"id", "ofta"}, {"text", "Hur ofta?"}, {"kind", "frequency"}, {"required", false}},
            {{"id", "fritt"}, {"text", "Vad kan bli bättre?"}, {"kind", "text"}, {"required", false}}}}};
}

}  // namespace

TEST(Questionnaires, FromDefinitionThroughOneTimeLinksToResultsAndAFloodOfGuesses) {
  // Other tests probe every route with garbage from this same loopback address, which counts as guessing.
  const auto forget_guesses = [] { exec_sql(server().db_url, "DELETE FROM login_failure WHERE throttle_key LIKE 'answer:%'"); };
  forget_guesses();
  ApiClient lead = logged_in("insatsansvarig");
  ApiClient karin = logged_in("samordnare.vastra");
  ApiClient coach = logged_in("coach.katrineholm");
  ApiClient anonymous(server().port);
  const auto vastra = demo_unit_id(lead, "Västra"), sodra = demo_unit_id(lead, "Södra");

  // A JSON that does not match its schema: the path is named, in the field and the message.
  json bad = definition("x");
  bad["items"][2]["max"] = "fem";
  auto r = lead.post("/api/v1/questionnaires", bad);
  EXPECT_TRUE(is_error(r, 400, "invalid_input", "items[2].max")) << r.text;
  EXPECT_NE(r.body["error"]["message"].get<std::string>().find("items[2].max"), std::string::npos);
  bad = definition("x");
  bad["items"][0]["max"] = 11;
  EXPECT_TRUE(is_error(lead.post("/api/v1/questionnaires", bad), 422, "unprocessable", "items[0].max"));
  EXPECT_TRUE(is_error(coach.post("/api/v1/questionnaires", definition("x")), 403, "forbidden"));

  const std::string name = unique_name("Samverkan");
  r = karin.post("/api/v1/questionnaires", definition(name));
  ASSERT_EQ(r.status, 201) << r.text;
  const auto id = r.body["id"].get<std::int64_t>();
  const std::string base = "/api/v1/questionnaires/" + std::to_string(id);
  auto exported = lead.get(base + "/export.json");
  ASSERT_EQ(exported.status, 200);
  EXPECT_EQ(exported.body["items"][1]["kind"], "frequency");
  json again = exported.body;
  again["name"] = name + " (kopia)";
  EXPECT_EQ(lead.post("/api/v1/questionnaires", again).status, 201);

  // Rounds: bad input, and a samordnare only for their own unit; a coach never (audited).
  json round{{"unit", vastra}, {"opens", day(0)}, {"closes", day(7)}, {"invitations", 6}};
  json wrong = round;
  wrong["invitations"] = 0;
  EXPECT_TRUE(is_error(karin.post(base + "/rounds", wrong), 400, "invalid_input", "invitations"));
  wrong = round;
  wrong["closes"] = day(-1);
  EXPECT_TRUE(is_error(karin.post(base + "/rounds", wrong), 422, "unprocessable", "closes"));
  wrong = round;
  wrong["unit"] = sodra;
  EXPECT_TRUE(is_error(karin.post(base + "/rounds", wrong), 403, "forbidden"));
  EXPECT_TRUE(is_error(coach.post(base + "/rounds", round), 403, "forbidden"));
  ApiClient admin = logged_in("admin");
  EXPECT_FALSE(audit_entries(admin, "action=access.denied&user=coach.katrineholm").empty());

  r = karin.post(base + "/rounds", round);
  ASSERT_EQ(r.status, 201) << r.text;
  const auto round_id = r.body["id"].get<std::int64_t>();
  ASSERT_EQ(r.body["tokens"].size(), 6u);
  ASSERT_EQ(r.body["links"].size(), 6u);
  const auto tokens = r.body["tokens"].get<std::vector<std::string>>();
  const auto token = [&tokens](int i) { return tokens[static_cast<std::size_t>(i)]; };
  EXPECT_EQ(r.body["links"][0], "http://127.0.0.1:" + std::to_string(server().port) + "/svar/" + token(0));
  // Only the hash is stored.
  EXPECT_EQ(query_text(server().db_url, "SELECT COUNT(*) FROM survey_token WHERE token_hash = '" + token(0) + "'"), "0");

  // Answering needs no login.
  auto form = anonymous.get("/api/v1/answers/" + token(0));
  ASSERT_EQ(form.status, 200) << form.text;
  EXPECT_EQ(form.body["questionnaire"], name);
  EXPECT_EQ(form.body["items"][0]["max"], 5);
  const std::string answer = "/api/v1/answers/" + token(0);
  auto a = anonymous.post(answer, {{"answers", {{"bidrar", 6}}}});
  EXPECT_TRUE(is_error(a, 422, "unprocessable", "answers.bidrar")) << a.text;
  EXPECT_NE(a.body["error"]["message"].get<std::string>().find("fråga 1"), std::string::npos);
  EXPECT_TRUE(is_error(anonymous.post(answer, {{"answers", {{"bidrar", 2.5}}}}), 422, "unprocessable", "answers.bidrar"));
  EXPECT_TRUE(is_error(anonymous.post(answer, {{"answers", {{"ofta", 3}}}}), 422, "unprocessable", "answers.bidrar"));
  EXPECT_TRUE(is_error(anonymous.post(answer, {{"answers", "fem"}}), 400, "invalid_input", "answers"));
  EXPECT_EQ(query_text(server().db_url, "SELECT COUNT(*) FROM survey_response WHERE round_id = " + std::to_string(round_id)), "0");
  EXPECT_EQ(anonymous.post(answer, {{"answers", {{"bidrar", 4}, {"fritt", "Mer tid i teamet"}}}}).status, 201);
  EXPECT_TRUE(is_error(anonymous.post(answer, {{"answers", {{"bidrar", 4}}}}), 410, "gone"));  // used
  EXPECT_TRUE(is_error(anonymous.get(answer), 410, "gone"));
  EXPECT_EQ(query_text(server().db_url, "SELECT answered_on FROM survey_response WHERE round_id = " + std::to_string(round_id)), day(0));

  // Under 5 responses nothing but the count; at 5 the figures.
  auto res = coach.get(base + "/results?round=" + std::to_string(round_id));  // a coach of the programme reads aggregates
  ASSERT_EQ(res.status, 200) << res.text;
  EXPECT_TRUE(res.body["suppressed"].get<bool>());
  EXPECT_FALSE(res.body["items"][0].contains("mean"));
  EXPECT_TRUE(res.body["free_texts"].empty());
  for (int i = 1; i < 5; ++i)
    ASSERT_EQ(anonymous.post("/api/v1/answers/" + token(i), {{"answers", {{"bidrar", i}, {"ofta", 5}}}}).status, 201);
  res = coach.get(base + "/results?round=" + std::to_string(round_id));
  EXPECT_EQ(res.body["responses"], 5);
  EXPECT_FALSE(res.body["suppressed"].get<bool>());
  EXPECT_DOUBLE_EQ(res.body["items"][0]["mean"].get<double>(), 2.8);
  EXPECT_EQ(res.body["items"][0]["count"], 5);
  EXPECT_EQ(res.body["items"][0]["distribution"][3]["count"], 2);  // value 4 twice
  EXPECT_TRUE(res.body["items"][1]["suppressed"].get<bool>());  // four answered the optional item
  EXPECT_TRUE(res.body["free_texts"].empty());                  // one free text: hidden like a small cell
  EXPECT_TRUE(is_error(logged_in("admin").get(base + "/results"), 403, "forbidden"));

  auto xlsx = lead.get(base + "/results.xlsx?round=" + std::to_string(round_id));
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.text.substr(0, 2), "PK");
  auto pdf = lead.get(base + "/results.pdf?round=" + std::to_string(round_id));
  ASSERT_EQ(pdf.status, 200);
  std::string text = pdf_text(pdf.text);
  EXPECT_NE(text.find("Medelvärden"), std::string::npos) << text.substr(0, 400);
  EXPECT_NE(text.find("Parterna bidrar."), std::string::npos);

  // The demo's staff questionnaire: two closed rounds for Västra compare, and Södra's beside the later.
  auto list = logged_in("styrgrupp").get("/api/v1/questionnaires");
  std::int64_t staff = 0;
  for (const auto& q : list.body["items"])
    if (q["name"] == "Samverkan i insatsen – insatspersonal") staff = q["id"];
  ASSERT_NE(staff, 0);
  auto demo = logged_in("styrgrupp").get("/api/v1/questionnaires/" + std::to_string(staff) + "/results");
  ASSERT_EQ(demo.status, 200) << demo.text;
  EXPECT_FALSE(demo.body["suppressed"].get<bool>());
  ASSERT_TRUE(demo.body["previous"].is_object());
  EXPECT_LT(demo.body["previous"]["items"][6]["mean"].get<double>(), demo.body["items"][6]["mean"].get<double>());
  EXPECT_EQ(demo.body["units"].size(), 1u);

  // Expired and not yet open rounds refuse their links with 410.
  r = karin.post(base + "/rounds", round);
  ASSERT_EQ(r.status, 201);
  exec_sql(server().db_url, "UPDATE survey_round SET opens = '2020-01-01', closes = '2020-01-31' WHERE id = " +
                                std::to_string(r.body["id"].get<std::int64_t>()));
  auto gone = anonymous.post("/api/v1/answers/" + r.body["tokens"][0].get<std::string>(), {{"answers", {{"bidrar", 3}}}});
  EXPECT_TRUE(is_error(gone, 410, "gone")) << gone.text;
  EXPECT_NE(gone.body["error"]["message"].get<std::string>().find("2020-01-31"), std::string::npos);
  json later = round;
  later["opens"] = day(3);
  r = karin.post(base + "/rounds", later);
  ASSERT_EQ(r.status, 201);
  EXPECT_TRUE(is_error(anonymous.get("/api/v1/answers/" + r.body["tokens"][0].get<std::string>()), 410, "gone"));

  // Guessed tokens: 404 with a Swedish message, then a flood is throttled; the server keeps serving.
  auto guess = anonymous.get("/api/v1/answers/" + std::string(64, '0'));
  EXPECT_TRUE(is_error(guess, 404, "not_found"));
  EXPECT_TRUE(is_error(anonymous.get("/api/v1/answers/'%20OR%201=1--"), 404, "not_found"));
  int throttled = 0;
  for (int i = 0; i < 40; ++i)
    if (anonymous.post("/api/v1/answers/" + std::string(63, '1') + std::to_string(i % 10), {{"answers", json::object()}}).status == 429)
      ++throttled;
  EXPECT_GT(throttled, 0);
  EXPECT_TRUE(is_error(anonymous.get("/api/v1/answers/" + token(5)), 429, "too_many_requests"));
  EXPECT_TRUE(server_alive());
  EXPECT_EQ(lead.get(base).status, 200);
  forget_guesses();
}
