#include "api/evaluation_export_support.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cmath>
#include <cstdio>
#include <memory>

#include "api/participant_support.hpp"
#include "crypto/crypto.hpp"
#include "crypto/sealed_box.hpp"
#include "domain/date.hpp"
#include "store/sql/sql_util.hpp"
#include "store/store.hpp"

namespace stegvis::test {
namespace {

using store::sql::col_int;
using store::sql::col_opt_int;
using store::sql::col_str;

std::unique_ptr<soci::session> sql_session() {
  const std::string& url = server().db_url;
  if (url.rfind("sqlite:", 0) == 0)
    return std::make_unique<soci::session>(soci::sqlite3, "db=" + url.substr(7) + " timeout=10");
  return std::make_unique<soci::session>(soci::postgresql, store::postgresql_keywords(url));
}

std::int64_t post_id(ApiClient& c, const std::string& path, const json& body) {
  auto r = c.post(path, body);
  EXPECT_EQ(r.status, 201) << path << ": " << r.text;
  return r.status == 201 ? r.body.value("id", std::int64_t{0}) : 0;
}

std::string number(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(v)));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  s[s.find('.')] = ',';
  return s;
}

std::string band(int age) {
  if (age < 18) return "under 18";
  if (age < 25) return "18–24";
  if (age < 30) return "25–29";
  if (age < 40) return "30–39";
  if (age < 50) return "40–49";
  if (age <= 65) return "50–65";
  return "över 65";
}

struct Builder {
  ApiClient admin = logged_in("admin");
  ApiClient samordnare{server().port};
  EvaluationFixture f;

  std::int64_t programme(const std::string& name, const std::vector<std::pair<std::string, json>>& units) {
    auto id = post_id(admin, "/api/v1/programmes",
                      {{"name", name}, {"start_date", "2020-01-01"}, {"end_date", "2035-12-31"}});
    std::string base = "/api/v1/programmes/" + std::to_string(id);
    post_id(admin, base + "/tracks",
            {{"code", "arbetsmarknad"}, {"name", "Arbetsmarknad"}, {"min_age", 18}, {"max_age", 65}, {"staff_role", "coach"}});
    post_id(admin, base + "/tracks",
            {{"code", "unga"}, {"name", "Unga"}, {"min_age", 18}, {"max_age", 29}, {"staff_role", "koordinator"}});
    for (const auto& [unit, municipalities] : units) {
      auto uid = post_id(admin, base + "/units", {{"name", unit}, {"municipalities", municipalities}});
      roles.push_back({{"role", "samordnare"}, {"unit_id", uid}, {"fte_pct", 20}});
    }
    return id;
  }

  // A referral received and accepted on `start`; the personal number given or fresh.
  std::int64_t enrol(std::int64_t programme, ReferralSpec spec, const std::string& start, const std::string& pn = "") {
    spec.received_on = start;
    json body = referral_body(programme, spec);
    if (!spec.anonymous) {
      if (!pn.empty()) body["person"]["personal_number"] = pn;
      f.identifying.push_back(body["person"]["personal_number"]);
    }
    auto referral = post_id(samordnare, "/api/v1/referrals", body);
    auto r = samordnare.post("/api/v1/referrals/" + std::to_string(referral) + "/decision",
                             {{"decision", "accepted"}, {"date", start}, {"support_duration", "2_5"},
                              {"education", "eftergymnasial"}, {"occupation_before", "arbetslos"}});
    EXPECT_EQ(r.status, 200) << r.text;
    return r.body.value("enrolment_id", std::int64_t{0});
  }

  void exit(std::int64_t enrolment, const std::string& date, const std::string& outcome, const json& goals) {
    auto r = samordnare.post("/api/v1/enrolments/" + std::to_string(enrolment) + "/exit",
                             {{"date", date},
                              {"outcome", outcome},
                              {"income_sources_after", {"lön", "annan"}},
                              {"occupation_after", "arbete_del"},
                              {"goal_ratings", goals},
                              {"next_step", "Fortsätter hos Lagret AB med handledare Siv."}});
    EXPECT_EQ(r.status, 200) << r.text;
  }

  std::vector<json> roles;
};

void add_rating(soci::session& s, std::int64_t enrolment, const std::string& date, const std::string& scale,
                std::vector<int> tenths) {
  long long e = enrolment, total = tenths[0] + tenths[1] + tenths[2] + tenths[3], at = 0;
  s << "INSERT INTO rating (enrolment_id, rating_date, scale, item1, item2, item3, item4, total, created_at) "
       "VALUES (:e, :d, :s, :a, :b, :c, :x, :t, :at)",
      soci::use(e), soci::use(date), soci::use(scale), soci::use(tenths[0]), soci::use(tenths[1]),
      soci::use(tenths[2]), soci::use(tenths[3]), soci::use(total), soci::use(at);
}

EvaluationFixture build() {
  Builder b;
  std::string tag = unique_name("utv");
  b.f.programme = b.programme("Utvärdering " + tag, {{"Väst " + tag, {"Katrineholm", "Vingåker"}}, {"Öst " + tag, {"Nyköping"}}});
  b.f.other_programme = b.programme("Annan insats " + tag, {{"Mitt " + tag, {"Katrineholm"}}});
  std::string user = unique_name("samordnare.utv");
  create_staff(b.admin, user, "ett-langt-losenord", b.roles);
  EXPECT_EQ(b.samordnare.login(user, "ett-langt-losenord").status, 200);

  b.f.from = day(-100);
  b.f.to = day(-20);
  const json all_goals = {{{"phase", "start"}, {"area", "tilltro"}, {"rating", 2}},
                          {{"phase", "start"}, {"area", "maende"}, {"rating", 1}},
                          {{"phase", "exit"}, {"area", "tilltro"}, {"rating", 4}},
                          {{"phase", "exit"}, {"area", "studier"}, {"rating", 5}}};
  const json exit_goal = {{{"phase", "exit"}, {"area", "insats"}, {"rating", 3}}};

  // A person exits inside the period and returns: one pseudonym for both enrolments.
  ReferralSpec woman{"arbetsmarknad", "Katrineholm", 1990, false, "female", ""};
  b.f.first_enrolment = b.enrol(b.f.programme, woman, day(-150));
  std::string pn = b.f.identifying.back();
  b.f.returning_pn = pn;
  b.exit(b.f.first_enrolment, day(-60), "arbete", all_goals);
  b.f.second_enrolment = b.enrol(b.f.programme, woman, day(-50), pn);
  // The same person in another programme: another pseudonym.
  b.f.other_enrolment = b.enrol(b.f.other_programme, woman, day(-80), pn);
  // Anonymous, starting on the period's first day.
  auto anonymous = b.enrol(b.f.programme, {"unga", "Vingåker", 2003, true, "male", ""}, b.f.from);
  // Starting on the last day, exiting after the period (the exit is not yet known at its end).
  auto late = b.enrol(b.f.programme, {"arbetsmarknad", "Nyköping", 1966, false, "other", ""}, b.f.to);
  b.exit(late, day(-5), "studier", exit_goal);
  // Exiting on the first day: counts.
  auto boundary = b.enrol(b.f.programme, {"arbetsmarknad", "Vingåker", 1975, false, "male", ""}, day(-200));
  b.exit(boundary, b.f.from, "avbrott", exit_goal);
  // Outside the period: exited the day before it, and started the day after it.
  auto before = b.enrol(b.f.programme, {"arbetsmarknad", "Katrineholm", 1980, false, "female", ""}, day(-300));
  b.exit(before, day(-101), "arbete", exit_goal);
  b.enrol(b.f.programme, {"unga", "Katrineholm", 2004, false, "female", ""}, day(-19));
  b.f.identifying.insert(b.f.identifying.end(), {"Testa Deltagarsson", "Deltagarsson", "070-000 00 00",
                                                 "Handläggare Hansson", "Behöver samordnat stöd",
                                                 "Lagret AB med handledare"});

  // ORS/SRS rows as the rating form would store them (items in tenths); one after the period is ignored.
  auto s = sql_session();
  add_rating(*s, b.f.first_enrolment, day(-140), "ORS", {40, 45, 50, 50});   // 18.5
  add_rating(*s, b.f.first_enrolment, day(-100), "ORS", {60, 60, 55, 60});   // 23.5
  add_rating(*s, b.f.first_enrolment, day(-70), "ORS", {70, 70, 70, 65});    // 27.5
  add_rating(*s, b.f.first_enrolment, day(-140), "SRS", {90, 90, 85, 90});   // 35.5
  add_rating(*s, b.f.first_enrolment, day(-70), "SRS", {100, 100, 95, 95});  // 39
  add_rating(*s, anonymous, day(-90), "ORS", {30, 30, 30, 30});              // 12
  add_rating(*s, anonymous, day(-10), "ORS", {90, 90, 90, 90});              // after the period
  add_rating(*s, before, day(-200), "ORS", {50, 50, 50, 50});                // not in the period at all
  return b.f;
}

}  // namespace

const EvaluationFixture& evaluation_fixture() {
  static const EvaluationFixture f = build();
  return f;
}

const std::vector<std::string>& expected_columns() {
  static const std::vector<std::string> c = {
      "pseudonym",          "unit",          "municipality",       "track",         "gender",
      "age_at_start",       "age_band",      "start_date",         "income_sources", "support_duration",
      "education",          "occupation_before", "exit_date",      "outcome",       "income_sources_after",
      "occupation_after",   "days_in_programme", "ors_first",      "ors_latest",    "srs_first",
      "srs_latest",         "goal_start_tilltro", "goal_start_arbetsmarknadskunskap", "goal_start_studier",
      "goal_start_insats",  "goal_start_maende", "goal_exit_tilltro", "goal_exit_arbetsmarknadskunskap",
      "goal_exit_studier",  "goal_exit_insats", "goal_exit_maende"};
  return c;
}

std::string expected_pseudonym(std::int64_t programme, const std::string& subject) {
  crypto::init();
  crypto::FieldCipher cipher(crypto::load_or_create_key(server().key_file));
  return cipher.keyed_hash("pseudonym:" + std::to_string(programme), subject).substr(0, 16);
}

std::map<std::string, std::vector<std::string>> expected_rows(std::int64_t programme, const std::string& from,
                                                              const std::string& to) {
  // First and latest rating by correlated sub-queries; goal ratings likewise, one per column.
  auto rating = [](const char* scale, const char* order, const char* param) {
    return std::string("(SELECT r.total FROM rating r WHERE r.enrolment_id = e.id AND r.scale = '") + scale +
           "' AND r.rating_date <= " + param + " ORDER BY r.rating_date " + order + ", r.id " + order + " LIMIT 1)";
  };
  std::string sql =
      "SELECT e.id, e.person_id, e.anonymous, u.name, m.name, t.code, e.gender, e.birth_year, e.start_date, "
      "e.exit_date, e.outcome, e.income_before, e.support_duration, e.education, e.occupation_before, "
      "e.income_after, e.occupation_after, " +
      rating("ORS", "ASC", ":to1") + ", " + rating("ORS", "DESC", ":to2") + ", " + rating("SRS", "ASC", ":to3") +
      ", " + rating("SRS", "DESC", ":to4");
  const std::vector<std::string> areas = {"tilltro", "arbetsmarknadskunskap", "studier", "insats", "maende"};
  for (const char* phase : {"start", "exit"})
    for (const auto& a : areas)
      sql += std::string(", (SELECT g.rating FROM goal_rating g WHERE g.enrolment_id = e.id AND g.phase = '") + phase +
             "' AND g.area = '" + a + "')";
  sql += " FROM enrolment e, unit u, municipality m, track t WHERE u.id = e.unit_id AND m.id = e.municipality_id "
         "AND t.id = e.track_id AND e.programme_id = :p AND NOT (e.start_date > :to5) "
         "AND NOT (e.exit_date IS NOT NULL AND e.exit_date < :from)";
  auto s = sql_session();
  long long p = programme;
  soci::rowset<soci::row> rs = (s->prepare << sql, soci::use(to), soci::use(to), soci::use(to), soci::use(to),
                                soci::use(p), soci::use(to), soci::use(from));
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& r : rs) {
    bool anonymous = col_int(r, 2) != 0;
    auto person = col_opt_int(r, 1);
    std::string subject = anonymous || !person ? "enrolment:" + std::to_string(col_int(r, 0))
                                               : "person:" + std::to_string(*person);
    std::string start = col_str(r, 8), exit = col_str(r, 9);
    bool exited = !exit.empty() && exit <= to;
    int age = parse_date(start)->year - static_cast<int>(col_int(r, 7));
    auto tenths = [&](std::size_t i) {
      return r.get_indicator(i) == soci::i_null ? std::string() : number(static_cast<double>(col_int(r, i)) / 10);
    };
    auto plain = [&](std::size_t i) { return r.get_indicator(i) == soci::i_null ? std::string() : col_str(r, i); };
    std::vector<std::string> row = {expected_pseudonym(programme, subject),
                                    col_str(r, 3),
                                    col_str(r, 4),
                                    col_str(r, 5),
                                    col_str(r, 6),
                                    std::to_string(age),
                                    band(age),
                                    start,
                                    col_str(r, 11),
                                    col_str(r, 12),
                                    col_str(r, 13),
                                    col_str(r, 14),
                                    exited ? exit : "",
                                    exited ? col_str(r, 10) : "",
                                    exited ? col_str(r, 15) : "",
                                    exited ? col_str(r, 16) : "",
                                    exited ? std::to_string(days_between(*parse_date(start), *parse_date(exit))) : "",
                                    tenths(17),
                                    tenths(18),
                                    tenths(19),
                                    tenths(20)};
    for (std::size_t i = 21; i < 26; ++i) row.push_back(plain(i));
    for (std::size_t i = 26; i < 31; ++i) row.push_back(exited ? plain(i) : "");
    out[row[0] + " " + start] = row;
  }
  return out;
}

std::vector<std::string> all_identities() {
  crypto::init();
  auto db = store::open_database(server().db_url, 1);
  db->set_field_key(crypto::load_or_create_key(server().key_file));
  auto s = sql_session();
  std::vector<Id> ids;
  soci::rowset<soci::row> rs = (s->prepare << "SELECT id FROM person");
  for (const auto& r : rs) ids.push_back(col_int(r, 0));
  auto tx = db->begin(false);
  std::vector<std::string> out;
  for (Id id : ids) {
    auto identity = tx->participants().identity(id);
    if (!identity) continue;
    if (!identity->personal_number.empty()) out.push_back(identity->personal_number);
    if (!identity->last_name.empty()) out.push_back(identity->first_name + " " + identity->last_name);
  }
  return out;
}

std::vector<std::vector<std::string>> parse_export_csv(const std::string& body) {
  std::vector<std::vector<std::string>> rows;
  if (body.rfind("\xEF\xBB\xBF", 0) != 0) return rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 3; i < body.size(); ++i) {
    char c = body[i];
    if (quoted) {
      if (c == '"' && i + 1 < body.size() && body[i + 1] == '"') field += body[++i];
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ';') {
      row.push_back(field);
      field.clear();
    } else if (c == '\n') {
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  return rows;
}

}  // namespace stegvis::test
