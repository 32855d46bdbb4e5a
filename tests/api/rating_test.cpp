// ORS/SRS and goal-area ratings through the API (api.md): 201 with the flags,
// 422 naming the field for every bad value, 403 (audited) for a coach of
// another unit, Idempotency-Key as for contacts, and the summary of GET
// …/ratings, GET /enrolments/{id} and the caseload list checked against a
// hand-computed fixture.
#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "api/participant_support.hpp"

using namespace stegvis::test;

namespace {

std::string path(std::int64_t id, const std::string& rest = "") {
  return "/api/v1/enrolments/" + std::to_string(id) + rest;
}

// An enrolment started days_ago, allocated to coach.katrineholm2 (over capacity if the demo filled them).
std::int64_t allocated_enrolment(int days_ago) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  ReferralSpec spec;
  spec.received_on = day(-days_ago - 5);
  auto id = create_enrolment(samordnare, programme_id(), spec, day(-days_ago));
  EXPECT_NE(id, 0);
  auto r = samordnare.post(path(id, "/allocation"),
                           {{"staff_id", staff_id("coach.katrineholm2")}, {"override_reason", "Test av skattningar."}});
  EXPECT_EQ(r.status, 200) << r.text;
  return id;
}

json ors(const std::string& date, json items) { return {{"date", date}, {"scale", "ORS"}, {"items", std::move(items)}}; }
json srs(const std::string& date, json items) { return {{"date", date}, {"scale", "SRS"}, {"items", std::move(items)}}; }

}  // namespace

TEST(Ratings, SummaryFlagsAndChangeMatchAHandComputedFixture) {
  auto id = allocated_enrolment(60);
  ASSERT_NE(id, 0);
  ApiClient coach = logged_in("coach.katrineholm2");
  // ORS 18.0 → 21.5 → 23.0: 5.0 up from the first = reliable improvement, still below 25.
  auto first = coach.post(path(id, "/ratings"), ors(day(-50), {4.5, 4.5, 4.5, 4.5}));
  ASSERT_EQ(first.status, 201) << first.text;
  EXPECT_EQ(first.body["total"], 18);
  EXPECT_EQ(first.body["below_cutoff"], true);
  EXPECT_EQ(first.body["reliable_change"], "none");
  EXPECT_EQ(first.body["change_from_first"], 0);
  auto second = coach.post(path(id, "/ratings"), ors(day(-40), {5, 5.5, 5.5, 5.5}));
  ASSERT_EQ(second.status, 201) << second.text;
  EXPECT_DOUBLE_EQ(second.body["total"].get<double>(), 21.5);
  EXPECT_DOUBLE_EQ(second.body["change_from_first"].get<double>(), 3.5);
  auto third = coach.post(path(id, "/ratings"), ors(day(-30), {5.7, 5.8, 5.7, 5.8}));
  ASSERT_EQ(third.status, 201) << third.text;
  EXPECT_EQ(third.body["total"], 23);
  EXPECT_EQ(third.body["reliable_change"], "improvement");
  EXPECT_EQ(third.body["below_cutoff"], true);
  EXPECT_EQ(third.body["no_improvement"], false);
  // SRS 36.0 (no flag), then 38.9 with an item at 8.9 (flag).
  auto s1 = coach.post(path(id, "/ratings"), srs(day(-50), {9, 9, 9, 9}));
  ASSERT_EQ(s1.status, 201) << s1.text;
  EXPECT_EQ(s1.body["alliance_flag"], false);
  auto s2 = coach.post(path(id, "/ratings"), srs(day(-30), {8.9, 10, 10, 10}));
  ASSERT_EQ(s2.status, 201) << s2.text;
  EXPECT_EQ(s2.body["alliance_flag"], true);

  auto list = coach.get(path(id, "/ratings"));
  ASSERT_EQ(list.status, 200) << list.text;
  EXPECT_EQ(list.body["total"], 5);
  ASSERT_EQ(list.body["items"].size(), 5u);
  EXPECT_EQ(list.body["items"][0]["date"], day(-50));
  const json& o = list.body["summary"]["ors"];
  EXPECT_EQ(o["count"], 3);
  EXPECT_EQ(o["first"], 18);
  EXPECT_EQ(o["latest"], 23);
  EXPECT_EQ(o["change"], 5);
  EXPECT_EQ(o["reliable_change"], "improvement");
  EXPECT_EQ(o["below_cutoff"], true);
  const json& s = list.body["summary"]["srs"];
  EXPECT_EQ(s["count"], 2);
  EXPECT_EQ(s["first"], 36);
  EXPECT_DOUBLE_EQ(s["latest"].get<double>(), 38.9);
  EXPECT_EQ(s["alliance_flag"], true);
  EXPECT_EQ(s["below_cutoff"], false);
  EXPECT_EQ(list.body["summary"]["no_improvement"], false);

  auto view = coach.get(path(id));
  ASSERT_EQ(view.status, 200) << view.text;
  EXPECT_EQ(view.body["rating_summary"], list.body["summary"]);
}

TEST(Ratings, ThreeOrsWithoutReliableImprovementShowInTheCaseloadList) {
  auto flat = allocated_enrolment(40), improving = allocated_enrolment(40);
  ASSERT_NE(flat, 0);
  ASSERT_NE(improving, 0);
  ApiClient coach = logged_in("coach.katrineholm2");
  // 20.0 → 22.0 → 24.9: 4.9 is not a reliable change.
  using Series = std::vector<std::pair<int, json>>;
  for (const auto& [d, items] : Series{{-30, {5, 5, 5, 5}}, {-20, {5, 5, 6, 6}}, {-10, {6, 6, 6, 6.9}}})
    ASSERT_EQ(coach.post(path(flat, "/ratings"), ors(day(d), items)).status, 201);
  for (const auto& [d, items] : Series{{-30, {5, 5, 5, 5}}, {-20, {5, 5, 6, 6}}, {-10, {6, 6, 6, 7}}})
    ASSERT_EQ(coach.post(path(improving, "/ratings"), ors(day(d), items)).status, 201);
  auto list = coach.get("/api/v1/enrolments?limit=500&staff=" + std::to_string(staff_id("coach.katrineholm2")));
  ASSERT_EQ(list.status, 200) << list.text;
  int seen = 0;
  for (const auto& e : list.body["items"]) {
    ASSERT_TRUE(e.contains("no_improvement"));
    if (e["id"] == flat) {
      EXPECT_EQ(e["no_improvement"], true);
      ++seen;
    }
    if (e["id"] == improving) {
      EXPECT_EQ(e["no_improvement"], false);
      ++seen;
    }
  }
  EXPECT_EQ(seen, 2);
  auto r = coach.get(path(flat, "/ratings"));
  EXPECT_EQ(r.body["summary"]["no_improvement"], true);
  EXPECT_DOUBLE_EQ(r.body["summary"]["ors"]["change"].get<double>(), 4.9);
  EXPECT_EQ(r.body["summary"]["ors"]["reliable_change"], "none");
}

TEST(Ratings, BadValuesAre422NamingTheField) {
  auto id = allocated_enrolment(10);
  ASSERT_NE(id, 0);
  ApiClient coach = logged_in("coach.katrineholm2");
  const std::string p = path(id, "/ratings");
  EXPECT_TRUE(is_error(coach.post(p, ors(day(), {5, 5, 5})), 422, "unprocessable", "items"));
  EXPECT_TRUE(is_error(coach.post(p, ors(day(), {5, 5, 5, 5, 5})), 422, "unprocessable", "items"));
  EXPECT_TRUE(is_error(coach.post(p, ors(day(), {5, 5, 5, 10.1})), 422, "unprocessable", "items"));
  EXPECT_TRUE(is_error(coach.post(p, ors(day(), {5, 5, 5, -1})), 422, "unprocessable", "items"));
  EXPECT_TRUE(is_error(coach.post(p, ors(day(), {5, 5, 5, 7.25})), 422, "unprocessable", "items"));
  EXPECT_TRUE(is_error(coach.post(p, ors(day(), {5, 5, 5, true})), 422, "unprocessable", "items"));
  EXPECT_TRUE(is_error(coach.post(p, {{"date", day()}, {"scale", "XYZ"}, {"items", {5, 5, 5, 5}}}), 422,
                       "unprocessable", "scale"));
  EXPECT_TRUE(is_error(coach.post(p, {{"date", day()}, {"items", {5, 5, 5, 5}}}), 422, "unprocessable", "scale"));
  EXPECT_TRUE(is_error(coach.post(p, ors("2024-13-01", {5, 5, 5, 5})), 422, "unprocessable", "date"));
  EXPECT_TRUE(is_error(coach.post(p, ors(day(1), {5, 5, 5, 5})), 422, "unprocessable", "date"));
  EXPECT_TRUE(is_error(coach.post(p, ors(day(-11), {5, 5, 5, 5})), 422, "unprocessable", "date"));
  auto ok = coach.post(p, ors(day(), {10, 0, 10.0, 9.9}));
  ASSERT_EQ(ok.status, 201) << ok.text;
  EXPECT_DOUBLE_EQ(ok.body["total"].get<double>(), 29.9);
  auto list = coach.get(p);
  EXPECT_EQ(list.body["total"], 1) << "nothing of the refused ones was stored";
}

TEST(Ratings, AnotherUnitsCoachIsRefusedAndAudited) {
  auto id = allocated_enrolment(5);
  ASSERT_NE(id, 0);
  ApiClient admin = logged_in("admin");
  const std::string denied =
      "action=access.denied&user=coach.nykoping&record_type=enrolment&record_id=" + std::to_string(id);
  ASSERT_EQ(audit_entries(admin, denied).size(), 0u);
  ApiClient other = logged_in("coach.nykoping");
  EXPECT_TRUE(is_error(other.post(path(id, "/ratings"), ors(day(), {5, 5, 5, 5})), 403, "forbidden"));
  EXPECT_TRUE(is_error(other.get(path(id, "/ratings")), 403, "forbidden"));
  EXPECT_TRUE(is_error(other.put(path(id, "/goal-ratings"), {{"phase", "start"}, {"ratings", {{"maende", 3}}}}), 403,
                       "forbidden"));
  EXPECT_EQ(audit_entries(admin, denied).size(), 3u);
  ApiClient samordnare = logged_in("samordnare.vastra");
  auto own = samordnare.post(path(id, "/ratings"), ors(day(), {5, 5, 5, 5}));
  EXPECT_EQ(own.status, 201) << "the unit's samordnare may, as for contacts: " << own.text;
}

TEST(Ratings, ARepeatedIdempotencyKeyStoresOneRatingAndAnswersTheFirst) {
  auto id = allocated_enrolment(5);
  ASSERT_NE(id, 0);
  ApiClient coach = logged_in("coach.katrineholm2");
  const std::string key = unique_name("ors-key");
  auto a = post_with_key(coach, path(id, "/ratings"), ors(day(), {4, 4, 4, 4}), key);
  ASSERT_EQ(a.status, 201) << a.text;
  auto b = post_with_key(coach, path(id, "/ratings"), ors(day(), {8, 8, 8, 8}), key);
  ASSERT_EQ(b.status, 201) << b.text;
  EXPECT_EQ(a.body["id"], b.body["id"]);
  EXPECT_EQ(b.body["total"], 16);
  EXPECT_EQ(coach.get(path(id, "/ratings")).body["total"], 1);
  ApiClient admin = logged_in("admin");
  auto reads = audit_entries(admin, "action=rating.read&record_type=enrolment&record_id=" + std::to_string(id));
  EXPECT_EQ(reads.size(), 1u) << "reading the ratings is audited";
  auto adds = audit_entries(admin, "action=rating.add&record_type=enrolment&record_id=" + std::to_string(id));
  EXPECT_EQ(adds.size(), 2u) << "each accepted request is audited";
}

TEST(GoalRatings, StartRatingsAreValidatedStoredAndChangeShowsAfterExit) {
  auto id = allocated_enrolment(30);
  ASSERT_NE(id, 0);
  ApiClient coach = logged_in("coach.katrineholm2");
  const std::string p = path(id, "/goal-ratings");
  EXPECT_TRUE(is_error(coach.put(p, {{"phase", "middle"}, {"ratings", {{"maende", 3}}}}), 422, "unprocessable", "phase"));
  EXPECT_TRUE(is_error(coach.put(p, {{"phase", "start"}, {"ratings", {{"maende", 6}}}}), 422, "unprocessable", "ratings"));
  EXPECT_TRUE(is_error(coach.put(p, {{"phase", "start"}, {"ratings", {{"lycka", 3}}}}), 422, "unprocessable", "ratings"));
  EXPECT_TRUE(is_error(coach.put(p, {{"phase", "start"}, {"ratings", {{"maende", 2.5}}}}), 422, "unprocessable", "ratings"));
  EXPECT_TRUE(is_error(coach.put(p, {{"phase", "start"}, {"ratings", json::array({5})}}), 422, "unprocessable", "ratings"));
  auto ok = coach.put(p, {{"phase", "start"}, {"ratings", {{"tilltro", 2}, {"mående", 1}, {"studier", 3}}}});
  ASSERT_EQ(ok.status, 200) << ok.text;
  EXPECT_EQ(ok.body["ratings"], (json{{"tilltro", 2}, {"maende", 1}, {"studier", 3}}));
  // PUT replaces the phase: studier is no longer rated.
  ASSERT_EQ(coach.put(p, {{"phase", "start"}, {"ratings", {{"tilltro", 2}, {"maende", 1}}}}).status, 200);
  auto exit = coach.post(path(id, "/exit"), {{"date", day()},
                                             {"outcome", "studier"},
                                             {"income_sources_after", {"studiemedel"}},
                                             {"occupation_after", "studerande"}});
  ASSERT_EQ(exit.status, 200) << exit.text;
  ASSERT_EQ(coach.put(p, {{"phase", "exit"}, {"ratings", {{"tilltro", 4}, {"maende", 1}}}}).status, 200);
  auto view = coach.get(path(id));
  ASSERT_EQ(view.status, 200) << view.text;
  std::map<std::string, json> changes;
  for (const auto& c : view.body["goal_changes"]) changes[c["area"].get<std::string>()] = c;
  ASSERT_EQ(changes.size(), 5u);
  EXPECT_EQ(changes["tilltro"]["change"], 2);
  EXPECT_EQ(changes["maende"]["change"], 0);
  EXPECT_TRUE(changes["studier"]["start"].is_null());
  EXPECT_TRUE(changes["studier"]["change"].is_null());
  ApiClient admin = logged_in("admin");
  EXPECT_EQ(audit_entries(admin, "action=goal_rating.save&record_id=" + std::to_string(id)).size(), 3u);
}
