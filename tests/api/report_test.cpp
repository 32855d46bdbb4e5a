// The period report over real HTTP: a small programme is built through the API
// (two units, eight enrolments around Q2 2025, follow-ups, exits, final
// documents, goal ratings; ORS/SRS rows inserted directly since rating entry is
// another branch's), then every cell of GET …/reports/period is compared with an
// independent computation straight in SQL. Runs on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <cmath>

#include "api/participant_support.hpp"
#include "support/test_db.hpp"

using namespace stegvis::test;

namespace {

const std::string kFrom = "2025-04-01", kTo = "2025-06-30";

struct Fixture {
  std::int64_t programme = 0, unit_a = 0, unit_b = 0;
  std::vector<std::int64_t> enrolments;
};

bool is_pg() { return server().db_url.rfind("sqlite:", 0) != 0; }
std::string q(const std::string& sql) { return query_text(server().db_url, sql); }
long long count(const std::string& sql) {
  auto t = q(sql);
  return t.empty() ? 0 : std::stoll(t);
}
double number(const std::string& sql) {
  auto t = q(sql);
  return t.empty() ? NAN : std::stod(t);
}
// Days since 1970 of a TEXT date column, and a date plus months (clamped to the month's end on both backends).
std::string days(const std::string& col) {
  return is_pg() ? "(" + col + "::date - DATE '1970-01-01')" : "CAST(julianday(" + col + ") - 2440587.5 AS INTEGER)";
}
std::string plus_months(const std::string& col, int m) {
  if (is_pg()) return "to_char(" + col + "::date + interval '" + std::to_string(m) + " months', 'YYYY-MM-DD')";
  std::string n = std::to_string(m), n1 = std::to_string(m + 1);
  return "min(date(" + col + ", '+" + n + " months'), date(" + col + ", 'start of month', '+" + n1 + " months', '-1 day'))";
}
std::string today() { return day(0); }

void post_ok(ApiClient& c, const std::string& path, const json& body, int status = 200) {
  auto r = c.post(path, body);
  ASSERT_EQ(r.status, status) << path << " " << r.text;
}

Fixture build(ApiClient& admin) {
  Fixture f;
  auto p = admin.post("/api/v1/programmes", {{"name", unique_name("Rapporttest")}, {"start_date", "2024-01-01"},
                                             {"end_date", "2027-12-31"}});
  EXPECT_EQ(p.status, 201) << p.text;
  f.programme = p.body.value("id", std::int64_t{0});
  const std::string base = "/api/v1/programmes/" + std::to_string(f.programme);
  post_ok(admin, base + "/tracks", {{"code", "arbetsmarknad"}, {"name", "Arbetsmarknad"}, {"min_age", 18},
                                    {"max_age", 65}, {"staff_role", "coach"}}, 201);
  post_ok(admin, base + "/tracks", {{"code", "unga"}, {"name", "Unga"}, {"min_age", 18}, {"max_age", 29},
                                    {"staff_role", "koordinator"}}, 201);
  auto a = admin.post(base + "/units", {{"name", "Enhet A"}, {"municipalities", {"Katrineholm"}}});
  auto b = admin.post(base + "/units", {{"name", "Enhet B"}, {"municipalities", {"Nyköping"}}});
  EXPECT_EQ(a.status, 201) << a.text;
  f.unit_a = a.body.value("id", std::int64_t{0});
  f.unit_b = b.body.value("id", std::int64_t{0});
  const std::string user = unique_name("rapport.samordnare");
  create_staff(admin, user, "rapport-losen-123",
               {{{"role", "samordnare"}, {"unit_id", f.unit_a}}, {{"role", "samordnare"}, {"unit_id", f.unit_b}}});
  ApiClient s = logged_in(user, "rapport-losen-123");

  struct Row {
    std::string track, municipality, gender;
    int born;
    std::string start, exit, outcome;
  };
  const std::vector<Row> rows = {
      {"arbetsmarknad", "Katrineholm", "female", 1990, "2025-01-15", "2025-04-01", "arbete"},  // exits first day
      {"unga", "Katrineholm", "male", 2003, "2025-04-01", "", ""},                            // starts first day
      {"arbetsmarknad", "Katrineholm", "female", 1985, "2025-06-30", "", ""},                 // starts last day
      {"arbetsmarknad", "Nyköping", "male", 1970, "2025-02-10", "2025-06-30", "avbrott"},     // exits last day
      {"unga", "Nyköping", "female", 2001, "2024-12-01", "", ""},                             // active throughout
      {"arbetsmarknad", "Katrineholm", "female", 1975, "2025-01-05", "2025-03-31", "arbete"},  // exits the day before
      {"arbetsmarknad", "Nyköping", "male", 1980, "2025-07-01", "", ""},                      // starts the day after
      {"arbetsmarknad", "Katrineholm", "female", 1995, "2025-03-01", "2025-05-20", "studier"},
  };
  for (const auto& r : rows) {
    ReferralSpec spec;
    spec.track = r.track;
    spec.municipality = r.municipality;
    spec.gender = r.gender;
    spec.birth_year = r.born;
    spec.received_on = r.start;
    f.enrolments.push_back(create_enrolment(s, f.programme, spec, r.start));
  }
  auto path = [&](int i, const std::string& rest) { return "/api/v1/enrolments/" + std::to_string(f.enrolments[i]) + rest; };
  auto follow_up = [&](int i, const std::string& date) {
    post_ok(s, path(i, "/follow-ups"), {{"date", date}, {"with_referrer", true}, {"decision", "continue"}}, 201);
  };
  follow_up(1, "2025-06-20");
  follow_up(3, "2025-05-15");  // due 2025-05-10: late
  follow_up(4, "2025-02-25");  // next due 2025-05-25: never held
  follow_up(7, "2025-04-20");
  for (int i : {0, 3, 5, 7}) {
    json exit{{"date", rows[i].exit}, {"outcome", rows[i].outcome}, {"income_sources_after", {"lon"}},
              {"occupation_after", "arbete_hel"}};
    if (i == 7)
      exit["goal_ratings"] = {{{"phase", "start"}, {"area", "tilltro"}, {"rating", 2}},
                              {{"phase", "exit"}, {"area", "tilltro"}, {"rating", 4}},
                              {{"phase", "start"}, {"area", "maende"}, {"rating", 3}},
                              {{"phase", "exit"}, {"area", "maende"}, {"rating", 3}}};
    post_ok(s, path(i, "/exit"), exit);
  }
  post_ok(s, path(0, "/final-report/sent"), {{"date", "2025-04-10"}, {"to", {"participant", "referrer"}}});
  post_ok(s, path(7, "/final-report/sent"), {{"date", "2025-06-20"}, {"to", {"referrer"}}});
  // ORS/SRS rows (items in tenths).
  auto rating = [&](int i, const std::string& date, const std::string& scale, int item) {
    exec_sql(server().db_url, "INSERT INTO rating (enrolment_id, rating_date, scale, item1, item2, item3, item4, total, "
                              "created_at) VALUES (" + std::to_string(f.enrolments[i]) + ", '" + date + "', '" + scale +
                              "', " + std::to_string(item) + ", " + std::to_string(item) + ", " + std::to_string(item) +
                              ", " + std::to_string(item) + ", " + std::to_string(4 * item) + ", 0)");
  };
  rating(0, "2025-02-01", "ORS", 50);
  rating(0, "2025-03-20", "ORS", 68);
  rating(0, "2025-02-01", "SRS", 88);
  rating(3, "2025-03-01", "ORS", 75);
  rating(3, "2025-06-01", "ORS", 77);
  rating(7, "2025-04-01", "ORS", 60);
  return f;
}

// The independent computation of one group's cells ("1=1" for the total).
void expect_group(const json& g, std::int64_t programme, const std::string& group_sql) {
  const std::string in = "FROM enrolment e WHERE e.programme_id = " + std::to_string(programme) + " AND " + group_sql;
  const std::string F = "'" + kFrom + "'", T = "'" + kTo + "'";
  const std::string exits = in + " AND e.exit_date BETWEEN " + F + " AND " + T;
  const std::string starts = in + " AND e.start_date BETWEEN " + F + " AND " + T;
  SCOPED_TRACE(group_sql);
  EXPECT_EQ(g["active_at_start"], count("SELECT COUNT(*) " + in + " AND e.start_date < " + F +
                                        " AND (e.exit_date IS NULL OR e.exit_date >= " + F + ")"));
  EXPECT_EQ(g["started"], count("SELECT COUNT(*) " + starts));
  EXPECT_EQ(g["exited"], count("SELECT COUNT(*) " + exits));
  EXPECT_EQ(g["active_at_end"], count("SELECT COUNT(*) " + in + " AND e.start_date <= " + T +
                                      " AND (e.exit_date IS NULL OR e.exit_date > " + T + ")"));
  for (const auto& [code, n] : g["exits_by_outcome"].items())
    EXPECT_EQ(n, count("SELECT COUNT(*) " + exits + " AND e.outcome = '" + code + "'")) << code;
  for (const auto& [code, n] : g["income_sources_after"].items())
    EXPECT_EQ(n, count("SELECT COUNT(*) " + exits + " AND ',' || e.income_after || ',' LIKE '%," + code + ",%'"));
  for (const auto& [code, n] : g["income_sources_before"].items())
    EXPECT_EQ(n, count("SELECT COUNT(*) " + exits + " AND ',' || e.income_before || ',' LIKE '%," + code + ",%'"));
  const std::string len = days("e.exit_date") + " - " + days("e.start_date");
  double mean_days = number("SELECT AVG(" + len + ") " + exits);
  if (std::isnan(mean_days)) {
    EXPECT_TRUE(g["time_in_programme"]["mean_days"].is_null());
  } else {
    EXPECT_NEAR(g["time_in_programme"]["mean_days"].get<double>(), mean_days, 0.051);
  }
  // Plan within 30 days of start (starts): the first plan's save day.
  auto share = [&](const json& s, long long num, long long den) {
    EXPECT_EQ(s["numerator"], num);
    EXPECT_EQ(s["denominator"], den);
  };
  share(g["plan_within_30_days"],
        count("SELECT COUNT(*) " + starts + " AND (SELECT MIN(pv.saved_at) FROM plan_version pv WHERE "
              "pv.enrolment_id = e.id) / 86400 <= " + days("e.start_date") + " + 30"),
        count("SELECT COUNT(*) " + starts));
  // Follow-ups: each held one is due three months after the previous one (or the start); plus the open one.
  const std::string last = "(CASE WHEN " + T + " < '" + today() + "' THEN " + T + " ELSE '" + today() + "' END)";
  const std::string held =
      "SELECT x.fd, " + plus_months("x.prev", 3) + " AS due FROM (SELECT fu.follow_up_date AS fd, COALESCE(LAG("
      "fu.follow_up_date) OVER (PARTITION BY fu.enrolment_id ORDER BY fu.follow_up_date), e.start_date) AS prev "
      "FROM follow_up fu JOIN enrolment e ON e.id = fu.enrolment_id WHERE e.programme_id = " +
      std::to_string(programme) + " AND " + group_sql + ") x";
  const std::string open =
      "SELECT " + plus_months("COALESCE((SELECT MAX(fu.follow_up_date) FROM follow_up fu WHERE fu.enrolment_id = "
                              "e.id), e.start_date)", 3) + " AS due, e.exit_date AS ex " + in;
  long long due_held = count("SELECT COUNT(*) FROM (" + held + ") h WHERE h.due BETWEEN " + F + " AND " + last);
  long long on_time = count("SELECT COUNT(*) FROM (" + held + ") h WHERE h.due BETWEEN " + F + " AND " + last +
                            " AND h.fd <= h.due");
  long long due_open = count("SELECT COUNT(*) FROM (" + open + ") o WHERE o.due BETWEEN " + F + " AND " + last +
                             " AND (o.ex IS NULL OR o.ex > o.due)");
  share(g["follow_ups_on_time"], on_time, due_held + due_open);
  // Final documents within 21 days of exit (exits whose 21 days have passed or that were sent in time).
  const std::string in_time = days("e.final_report_sent_on") + " <= " + days("e.exit_date") + " + 21";
  const std::string passed = days("e.exit_date") + " + 21 <= " + days("'" + today() + "'");
  share(g["final_report_within_21_days"],
        count("SELECT COUNT(*) " + exits + " AND e.final_report_sent_on IS NOT NULL AND " + in_time),
        count("SELECT COUNT(*) " + exits + " AND ((e.final_report_sent_on IS NOT NULL AND " + in_time + ") OR " +
              passed + ")"));
  // ORS/SRS of exits: first and latest by date.
  for (const std::string scale : {"ORS", "SRS"}) {
    const std::string lower = scale == "ORS" ? "ors" : "srs";
    const std::string pick = "SELECT r.total FROM rating r WHERE r.enrolment_id = e.id AND r.scale = '" + scale +
                             "' ORDER BY r.rating_date ";
    const std::string rated = exits + " AND EXISTS (SELECT 1 FROM rating r WHERE r.enrolment_id = e.id AND r.scale = '" +
                              scale + "')";
    EXPECT_EQ(g[lower]["rated"], count("SELECT COUNT(*) " + rated));
    double first = number("SELECT AVG((" + pick + "ASC, r.id ASC LIMIT 1) / 10.0) " + rated);
    if (!std::isnan(first)) {
      EXPECT_NEAR(g[lower]["mean_first"].get<double>(), first, 0.051);
    }
    const std::string two = exits + " AND (SELECT COUNT(*) FROM rating r WHERE r.enrolment_id = e.id AND r.scale = '" +
                            scale + "') >= 2";
    share(g[lower]["reliable_improvement"],
          count("SELECT COUNT(*) " + two + " AND (" + pick + "DESC, r.id DESC LIMIT 1) - (" + pick +
                "ASC, r.id ASC LIMIT 1) >= 50"),
          count("SELECT COUNT(*) " + two));
    share(g[lower]["below_cutoff_first"],
          count("SELECT COUNT(*) " + rated + " AND (" + pick + "ASC, r.id ASC LIMIT 1) < " +
                (scale == "ORS" ? "250" : "360")),
          count("SELECT COUNT(*) " + rated));
  }
  // Goal areas of exits rated at start and exit.
  for (const auto& [area, a] : g["goal_areas"].items()) {
    const std::string both = "FROM goal_rating gs JOIN goal_rating ge ON ge.enrolment_id = gs.enrolment_id AND "
                             "ge.area = gs.area AND ge.phase = 'exit' JOIN enrolment e ON e.id = gs.enrolment_id "
                             "WHERE gs.phase = 'start' AND gs.area = '" + area + "' AND e.programme_id = " +
                             std::to_string(programme) + " AND " + group_sql + " AND e.exit_date BETWEEN " + F +
                             " AND " + T;
    EXPECT_EQ(a["rated"], count("SELECT COUNT(*) " + both)) << area;
    share(a["improved"], count("SELECT COUNT(*) " + both + " AND ge.rating > gs.rating"), count("SELECT COUNT(*) " + both));
  }
}


// Other suites (the hostile-input ones) may post the admin form that switches suppression off;
// these tests are about the default, so they set it themselves.
void suppression_on() {
  ApiClient admin = logged_in("admin");
  auto r = admin.put("/api/v1/programmes/" + std::to_string(programme_id()) + "/report-settings",
                     {{"suppress_small_cells", true}});
  ASSERT_EQ(r.status, 200) << r.text;
}

}  // namespace

TEST(PeriodReportApi, EveryCellMatchesAnIndependentSqlComputation) {
  ApiClient admin = logged_in("admin");
  Fixture f = build(admin);
  ASSERT_NE(f.programme, 0);
  ASSERT_EQ(f.enrolments.size(), 8u);
  const std::string base = "/api/v1/programmes/" + std::to_string(f.programme);
  post_ok(admin, base + "/targets", {{"name", "Arbete eller studier"}, {"population", "exits"},
                                     {"condition", "outcome_in"}, {"parameter", {"arbete", "studier"}},
                                     {"threshold_pct", 60}}, 201);
  post_ok(admin, base + "/targets", {{"name", "Kvinnor bland påbörjade"}, {"population", "starts"},
                                     {"condition", "gender"}, {"parameter", "female"}, {"threshold_pct", 50}}, 201);

  // With the programme's setting on (the default) the association level sees "<5" for these small numbers.
  auto hidden = admin.get(base + "/reports/period?from=" + kFrom + "&to=" + kTo + "&group_by=unit");
  ASSERT_EQ(hidden.status, 200) << hidden.text;
  EXPECT_TRUE(hidden.body["suppressed"].get<bool>());
  EXPECT_EQ(hidden.body["total"]["exited"], "<5");
  EXPECT_TRUE(hidden.body["total"]["follow_ups_on_time"]["pct"].is_null());

  exec_sql(server().db_url, "UPDATE programme SET suppress_small_cells = 0 WHERE id = " + std::to_string(f.programme));
  auto r = admin.get(base + "/reports/period?from=" + kFrom + "&to=" + kTo + "&group_by=unit");
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_FALSE(r.body["suppressed"].get<bool>());
  // The hand count of the boundary cases, before the SQL comparison.
  EXPECT_EQ(r.body["total"]["active_at_start"], 4);
  EXPECT_EQ(r.body["total"]["started"], 2);
  EXPECT_EQ(r.body["total"]["exited"], 3);
  EXPECT_EQ(r.body["total"]["active_at_end"], 3);
  expect_group(r.body["total"], f.programme, "1=1");
  ASSERT_EQ(r.body["groups"].size(), 2u);
  for (const auto& g : r.body["groups"]) expect_group(g, f.programme, "e.unit_id = " + g["key"].get<std::string>());

  ASSERT_EQ(r.body["targets"].size(), 2u);
  const auto& t0 = r.body["targets"][0];
  EXPECT_EQ(t0["numerator"], count("SELECT COUNT(*) FROM enrolment WHERE programme_id = " + std::to_string(f.programme) +
                                   " AND exit_date BETWEEN '" + kFrom + "' AND '" + kTo +
                                   "' AND outcome IN ('arbete', 'studier')"));
  EXPECT_EQ(t0["denominator"], 3);
  EXPECT_EQ(t0["state"], "met");  // 2 of 3
  EXPECT_EQ(r.body["targets"][1]["state"], "met");  // 1 of 2 starts is a woman: 50 %

  auto by_age = admin.get(base + "/reports/period?from=" + kFrom + "&to=" + kTo + "&group_by=age_band");
  ASSERT_EQ(by_age.status, 200);
  for (const auto& g : by_age.body["groups"]) {
    auto band = g["key"].get<std::string>();
    if (band == "under 18" || band == "över 65") continue;
    auto lo = band.substr(0, 2), hi = band.substr(band.size() - 2);  // "18–24" (en dash)
    expect_group(g, f.programme, "CAST(substr(e.start_date, 1, 4) AS INTEGER) - e.birth_year BETWEEN " + lo + " AND " + hi);
  }
}

TEST(PeriodReportApi, BadDatesRangesAndGroupingsAre422) {
  ApiClient admin = logged_in("admin");
  const std::string base = "/api/v1/programmes/" + std::to_string(programme_id()) + "/reports/period";
  EXPECT_TRUE(is_error(admin.get(base + "?from=2024-13-01&to=2024-12-31"), 422, "unprocessable", "from"));
  EXPECT_TRUE(is_error(admin.get(base + "?from=2024-07-01&to=2024-06-30"), 422, "unprocessable", "to"));
  EXPECT_TRUE(is_error(admin.get(base + "?from=2024-07-01"), 422, "unprocessable", "to"));
  EXPECT_TRUE(is_error(admin.get(base + "?from=2024-07-01&to=2024-09-30&group_by=shoe_size"), 422, "unprocessable",
                       "group_by"));
  EXPECT_TRUE(is_error(admin.get("/api/v1/programmes/999999/reports/period?from=2024-07-01&to=2024-09-30"), 404,
                       "not_found"));
}

TEST(PeriodReportApi, StyrgruppSeesNoPersonalDataAndCoachSeesNoReport) {
  suppression_on();
  const std::string p = std::to_string(programme_id());
  ApiClient styrgrupp = logged_in("styrgrupp");
  auto r = styrgrupp.get("/api/v1/programmes/" + p + "/reports/period?from=2024-01-01&to=2024-12-31&group_by=gender");
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_TRUE(r.body["suppressed"].get<bool>());
  auto d = styrgrupp.get("/api/v1/programmes/" + p + "/dashboard");
  ASSERT_EQ(d.status, 200) << d.text;
  EXPECT_EQ(d.body["months"].size(), 12u);
  for (const std::string& text : {r.text, d.text}) {
    EXPECT_EQ(text.find("personal_number"), std::string::npos);
    EXPECT_EQ(text.find("first_name"), std::string::npos);
    EXPECT_EQ(text.find("enrolment_id"), std::string::npos);
    EXPECT_EQ(text.find("Deltagarsson"), std::string::npos);
  }
  ApiClient coach = logged_in("coach.katrineholm");
  EXPECT_TRUE(is_error(coach.get("/api/v1/programmes/" + p + "/reports/period?from=2024-01-01&to=2024-12-31"), 403,
                       "forbidden"));
  EXPECT_TRUE(is_error(coach.get("/api/v1/programmes/" + p + "/dashboard"), 403, "forbidden"));
  ApiClient admin = logged_in("admin");
  auto audit = audit_entries(admin, "action=report.view&user=styrgrupp");
  ASSERT_FALSE(audit.empty());
}

TEST(TargetsApi, CreateUpdateListDeleteAndValidation) {
  ApiClient admin = logged_in("admin");
  const std::string base = "/api/v1/programmes/" + std::to_string(programme_id()) + "/targets";
  auto created = admin.post(base, {{"name", unique_name("Högst ett år")}, {"population", "exits"},
                                   {"condition", "time_in_programme_max_months"}, {"parameter", 12},
                                   {"threshold_pct", 80}});
  ASSERT_EQ(created.status, 201) << created.text;
  auto id = std::to_string(created.body["id"].get<std::int64_t>());
  auto put = admin.put(base + "/" + id, {{"name", "Högst ett år"}, {"population", "exits"},
                                         {"condition", "time_in_programme_max_months"}, {"parameter", "12"},
                                         {"comparison", "at_most"}, {"threshold_pct", 70}});
  ASSERT_EQ(put.status, 200) << put.text;
  auto list = admin.get(base);
  ASSERT_EQ(list.status, 200);
  bool found = false;
  for (const auto& t : list.body["items"])
    if (std::to_string(t["id"].get<std::int64_t>()) == id) {
      found = true;
      EXPECT_EQ(t["comparison"], "at_most");
      EXPECT_EQ(t["threshold_pct"], 70);
    }
  EXPECT_TRUE(found);
  EXPECT_TRUE(is_error(admin.post(base, {{"name", "X"}, {"population", "exits"}, {"condition", "outcome_in"},
                                         {"parameter", {"semester"}}, {"threshold_pct", 50}}),
                       400, "invalid_input", "parameter"));
  ApiClient styrgrupp = logged_in("styrgrupp");
  EXPECT_TRUE(is_error(styrgrupp.del(base + "/" + id), 403, "forbidden"));
  auto del = admin.del(base + "/" + id);
  EXPECT_EQ(del.status, 200) << del.text;
  EXPECT_TRUE(is_error(admin.del(base + "/" + id), 404, "not_found"));
}

// The demo's programme over its whole history, as the association level sees it: every small
// count is hidden, and no shown sum gives one back by subtraction (domain/small_cells.hpp).
TEST(PeriodReportApi, NoHiddenCountCanBeWorkedOutFromTheFiguresShown) {
  suppression_on();
  ApiClient admin = logged_in("admin");
  ApiClient lead = logged_in("insatsansvarig");
  const std::string base = "/api/v1/programmes/" + std::to_string(demo_programme_id(admin)) + "/reports/period";
  const std::vector<std::string> volume{"active_at_start", "started", "exited", "active_at_end"};
  int hidden_seen = 0;
  for (const char* group_by : {"gender", "unit", "age_band", "municipality"}) {
    auto r = lead.get(base + "?from=2020-01-01&to=2026-12-31&group_by=" + group_by);
    ASSERT_EQ(r.status, 200) << r.text;
    ASSERT_TRUE(r.body["suppressed"].get<bool>());
    std::vector<json> rows(r.body["groups"].begin(), r.body["groups"].end());
    rows.push_back(r.body["total"]);
    auto hidden = [&](const json& v) { return v.is_string() ? (++hidden_seen, 1) : 0; };
    // Each column: the groups and the total.
    for (const auto& c : volume) {
      int n = 0;
      for (const auto& row : rows) n += hidden(row[c]);
      EXPECT_NE(n, 1) << group_by << " " << c;
    }
    for (const auto& [code, _] : r.body["total"]["exits_by_outcome"].items()) {
      int n = 0;
      for (const auto& row : rows) n += hidden(row["exits_by_outcome"][code]);
      EXPECT_NE(n, 1) << group_by << " " << code;
    }
    // Each group: start + started − exited = end, and its exits by outcome add up to its exits.
    for (const auto& row : rows) {
      int n = 0;
      for (const auto& c : volume) n += hidden(row[c]);
      EXPECT_NE(n, 1) << group_by << " " << row["label"];
      int outcomes = hidden(row["exited"]);
      for (const auto& [code, v] : row["exits_by_outcome"].items()) outcomes += hidden(v);
      EXPECT_NE(outcomes, 1) << group_by << " " << row["label"];
    }
  }
  EXPECT_GT(hidden_seen, 0) << "the demo has small groups, so something must be hidden";
}
