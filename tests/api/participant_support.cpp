#include "api/participant_support.hpp"

#include <ctime>
#include <map>
#include <mutex>
#include <random>
#include <set>

#include "domain/personal_number.hpp"

namespace stegvis::test {

std::string fresh_personal_number(int birth_year) {
  static std::mutex mu;
  static std::set<std::string> given;
  static std::mt19937 rng(std::random_device{}());
  std::lock_guard<std::mutex> lock(mu);
  for (;;) {
    char nine[16];
    int month = 1 + static_cast<int>(rng() % 12), dayn = 1 + static_cast<int>(rng() % 28),
        serial = static_cast<int>(rng() % 1000);
    std::snprintf(nine, sizeof nine, "%02d%02d%02d%03d", birth_year % 100, month, dayn, serial);
    std::string pn = std::to_string(birth_year / 100) + nine + std::to_string(stegvis::luhn_check_digit(nine));
    if (given.insert(pn).second) return pn;
  }
}

std::string day(int days_from_today) {
  std::time_t t = std::time(nullptr) + static_cast<std::time_t>(days_from_today) * 86400;
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

json referral_body(std::int64_t programme, const ReferralSpec& spec) {
  json person{{"anonymous", spec.anonymous}, {"gender", spec.gender}, {"birth_year", spec.birth_year}};
  if (!spec.anonymous) {
    person["personal_number"] = fresh_personal_number(spec.birth_year);
    person["first_name"] = "Testa";
    person["last_name"] = "Deltagarsson";
    person["contact"] = "070-000 00 00";
  }
  json body{{"programme_id", programme},
            {"track", spec.track},
            {"municipality", spec.municipality},
            {"referring_party", "Försäkringskassan"},
            {"referrer_name", "Handläggare Hansson"},
            {"person", person},
            {"income_sources", {"sjukpenning"}},
            {"coordination_need_parties", {"Försäkringskassan", "Arbetsförmedlingen"}},
            {"reason", "Behöver samordnat stöd mot arbete."}};
  if (!spec.received_on.empty()) body["received_on"] = spec.received_on;
  return body;
}

std::int64_t create_referral(ApiClient& c, std::int64_t programme, const ReferralSpec& spec,
                             std::string* personal_number) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    json body = referral_body(programme, spec);
    auto r = c.post("/api/v1/referrals", body);
    if (r.status == 409 && attempt < 4) continue;  // the random number belongs to someone already
    EXPECT_EQ(r.status, 201) << r.text;
    if (r.status != 201) return 0;
    EXPECT_EQ(r.body.value("status", ""), "received");
    if (personal_number && !spec.anonymous) *personal_number = body["person"]["personal_number"].get<std::string>();
    return r.body.value("id", std::int64_t{0});
  }
  return 0;
}

std::int64_t create_enrolment(ApiClient& c, std::int64_t programme, const ReferralSpec& spec,
                              const std::string& decision_date, std::string* personal_number) {
  auto referral = create_referral(c, programme, spec, personal_number);
  if (!referral) return 0;
  json decision{{"decision", "accepted"},
                {"support_duration", "1_2"},
                {"education", "gymnasial"},
                {"occupation_before", "sjukskriven"}};
  if (!decision_date.empty()) decision["date"] = decision_date;
  auto r = c.post("/api/v1/referrals/" + std::to_string(referral) + "/decision", decision);
  EXPECT_EQ(r.status, 200) << r.text;
  if (r.status != 200) return 0;
  EXPECT_EQ(r.body.value("status", ""), "accepted");
  return r.body.value("enrolment_id", std::int64_t{0});
}

std::int64_t staff_id(const std::string& username) {
  static std::mutex mu;
  static std::map<std::string, std::int64_t> ids;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = ids.find(username); it != ids.end()) return it->second;
  ApiClient admin = logged_in("admin");
  auto s = staff_by_username(admin, username);
  std::int64_t id = s.is_object() ? s.value("id", std::int64_t{0}) : 0;
  EXPECT_NE(id, 0) << "no staff member " << username;
  ids[username] = id;
  return id;
}

std::int64_t programme_id() {
  static std::int64_t id = 0;
  if (!id) {
    ApiClient admin = logged_in("admin");
    id = demo_programme_id(admin);
    EXPECT_NE(id, 0);
  }
  return id;
}

Reply post_with_key(ApiClient& c, const std::string& path, const json& body, const std::string& key) {
  httplib::Headers h;
  if (!c.cookie.empty()) h.emplace("Cookie", c.cookie);
  if (!c.csrf.empty()) h.emplace("X-CSRF-Token", c.csrf);
  h.emplace("Idempotency-Key", key);
  return c.raw("POST", path, body.dump(), "application/json", h);
}

}  // namespace stegvis::test
