// Hostile users rather than hostile bytes: another unit's ids in every
// enrolment and referral route, a session cookie held over a login, password
// guessing spread over many usernames, and script tags stored to be shown back.
#include <gtest/gtest.h>
#include <unistd.h>

#include "api/hostile_support.hpp"
#include "api/participant_support.hpp"

using namespace stegvis::test;

namespace {

// A request body that passes decoding on the enrolment and referral routes, so
// that the access check, not the decoder, is what answers. Keyed by the last
// path segment; routes not listed get "{}".
json valid_body(const std::string& pattern) {
  const std::string last = pattern.substr(pattern.rfind('/') + 1);
  static const std::map<std::string, json> bodies{
      {"contacts", {{"date", day()}, {"kind", "phone"}, {"minutes", 5}}},
      {"follow-ups", {{"date", day()}, {"with_referrer", false}, {"decision", "continue"}}},
      {"consent", {{"parties", {"Försäkringskassan"}}, {"date", day()}, {"given", true}}},
      {"allocation", {{"staff_id", 1}, {"override_reason", "Test."}}},
      {"plan", {{"problem", "x"}, {"goals", json::array()}, {"activities", json::array()}, {"next_follow_up", day(30)}}},
      {"exit", {{"date", day()}, {"outcome", "arbete"}, {"income_sources_after", {"lon"}}, {"occupation_after", "arbete_hel"}}},
      {"sent", {{"date", day()}, {"to", {"participant"}}}},
      {"decision", {{"decision", "declined"}, {"reason", "Inte vår."}}},
      {"ratings", {{"date", day()}, {"scale", "ORS"}, {"items", {5, 5, 5, 5}}}},
  };
  auto it = bodies.find(last);
  return it == bodies.end() ? json::object() : it->second;
}

std::size_t denials(ApiClient& admin, const std::string& user, const std::string& type, std::int64_t id) {
  return audit_entries(admin, "action=access.denied&limit=500&user=" + user + "&record_type=" + type +
                                  "&record_id=" + std::to_string(id))
      .size();
}

std::string form_of(const json& body, const std::string& csrf) {
  std::string out = "csrf_token=" + csrf;
  for (const auto& [k, v] : body.items())
    if (v.is_string() || v.is_number()) out += "&" + k + "=" + (v.is_string() ? v.get<std::string>() : v.dump());
  return out;
}

// A loopback address of this process's own, so that its failed logins lock no other test out.
std::string own_address() { return "127.0." + std::to_string(getpid() % 250 + 2) + "." + std::to_string(getpid() / 250 % 250 + 2); }

}  // namespace

TEST(HostileAuth, AnotherUnitsIdsAreRefusedOnEveryEnrolmentAndReferralRouteAndAudited) {
  ApiClient admin = logged_in("admin");
  ApiClient norra = logged_in("samordnare.norra");
  ReferralSpec spec;
  spec.municipality = "Eskilstuna";
  const auto enrolment = create_enrolment(norra, programme_id(), spec);
  const auto referral = create_referral(norra, programme_id(), spec);
  ASSERT_NE(enrolment, 0);
  ASSERT_NE(referral, 0);
  ASSERT_EQ(norra.post("/api/v1/enrolments/" + std::to_string(enrolment) + "/allocation",
                       {{"staff_id", staff_id("coach.eskilstuna")}, {"override_reason", "Test."}})
                .status,
            200);
  const auto before = row_counts();
  int checked = 0;
  for (const std::string user : {"samordnare.vastra", "coach.katrineholm"}) {
    ApiClient outsider = logged_in(user);
    for (const auto& route : server_routes()) {
      const bool on_enrolment = route.pattern.find("/enrolments/{id}") != std::string::npos;
      const bool on_referral = route.pattern.find("/referrals/{id}") != std::string::npos;
      if (!on_enrolment && !on_referral) continue;
      const std::int64_t id = on_enrolment ? enrolment : referral;
      const std::string type = on_enrolment ? "enrolment" : "referral";
      const std::string path = route.fill([&](const std::string&, const std::string&) { return std::to_string(id); });
      const json body = valid_body(route.pattern);
      const auto audited = denials(admin, user, type, id);
      RawReply r;
      if (!route.changes_state())
        r = send_raw("GET", path, {{"Cookie", outsider.cookie}});
      else if (route.is_api)
        r = send_raw(route.method, path,
                     {{"Cookie", outsider.cookie}, {"X-CSRF-Token", outsider.csrf}, {"Content-Type", "application/json"}},
                     body.dump());
      else
        r = send_raw(route.method, path, {{"Cookie", outsider.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                     form_of(body, outsider.csrf));
      SCOPED_TRACE(route.method + " " + path + " as " + user);
      ++checked;
      if (route.changes_state() && route.is_api && body.empty()) {
        // A route this test has no valid body for: refused one way or another, nothing stored.
        EXPECT_TRUE(r.status == 400 || r.status == 403 || r.status == 404 || r.status == 422) << r.status;
        continue;
      }
      EXPECT_TRUE(r.status == 403 || r.status == 404) << r.status << " " << r.body.substr(0, 200);
      EXPECT_GT(denials(admin, user, type, id), audited) << "the refusal is not in the audit log";
      EXPECT_EQ(r.body.find("Testa"), std::string::npos) << "the participant's name leaked";
    }
  }
  EXPECT_GT(checked, 20);
  EXPECT_EQ(count_changes(before, row_counts()), "");
  // The owner still sees it unchanged: no write got through.
  auto view = norra.get("/api/v1/enrolments/" + std::to_string(enrolment));
  ASSERT_EQ(view.status, 200);
  EXPECT_EQ(view.body["staff_id"], staff_id("coach.eskilstuna"));
  EXPECT_EQ(view.body.value("exit_date", json()).is_string() ? view.body["exit_date"].get<std::string>() : "", "");
}

TEST(HostileAuth, ACookieHeldBeforeLoginIsNotHonouredAfterIt) {
  // A shared computer: one user's session cookie is still in the browser when the next logs in.
  ApiClient first = logged_in("styrgrupp");
  for (const std::string& how : {std::string("form"), std::string("api")}) {
    SCOPED_TRACE(how);
    ApiClient held = logged_in("utvarderare");
    RawReply r;
    if (how == "form")
      r = send_raw("POST", "/login", {{"Cookie", held.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                   "username=insatsansvarig&password=demo-stegvis");
    else
      r = send_raw("POST", "/api/v1/session", {{"Cookie", held.cookie}, {"Content-Type", "application/json"}},
                   json{{"username", "insatsansvarig"}, {"password", "demo-stegvis"}}.dump());
    ASSERT_TRUE(r.status == 200 || r.status == 303) << r.status << r.body.substr(0, 200);
    const std::string set = r.header("Set-Cookie");
    const std::string issued = set.substr(0, set.find(';'));
    EXPECT_NE(issued, held.cookie);
    EXPECT_EQ(send_raw("GET", "/api/v1/session", {{"Cookie", held.cookie}}).status, 401) << "old session still valid";
    auto now = send_raw("GET", "/api/v1/session", {{"Cookie", issued}});
    EXPECT_EQ(now.status, 200);
    EXPECT_NE(now.body.find("insatsansvarig"), std::string::npos);
  }
  // A planted cookie is not adopted by the form login either.
  const std::string planted = "stegvis_session=" + std::string(64, 'b');
  auto r = send_raw("POST", "/login", {{"Cookie", planted}, {"Content-Type", "application/x-www-form-urlencoded"}},
                    "username=insatsansvarig&password=demo-stegvis");
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.header("Set-Cookie").find(std::string(64, 'b')), std::string::npos);
  EXPECT_EQ(send_raw("GET", "/api/v1/session", {{"Cookie", planted}}).status, 401);
  // Other browsers' sessions are untouched.
  EXPECT_EQ(first.get("/api/v1/session").status, 200);
}

TEST(HostileAuth, GuessingAcrossManyUsernamesLocksTheAddressNotOthers) {
  const std::string from = own_address();
  // Every guess on a different username, so no single account's limit is reached.
  int refused = 0;
  for (int i = 0; i < 20; ++i) {
    int s = login_from(from, unique_name("gissning"), "fel-losenord-" + std::to_string(i));
    EXPECT_TRUE(s == 401 || s == 429) << s;
    refused += s == 401 || s == 429;
  }
  EXPECT_EQ(refused, 20);
  // Now even the right password from that address is refused...
  EXPECT_EQ(login_from(from, "insatsansvarig", "demo-stegvis"), 429);
  // ...also when the client claims to be someone else through proxy headers.
  EXPECT_EQ(login_from(from, "insatsansvarig", "demo-stegvis",
                       "X-Forwarded-For: 10.1.2.3\r\nX-Real-IP: 10.1.2.3\r\nForwarded: for=10.1.2.3\r\n"),
            429);
  // Other addresses still log in.
  EXPECT_EQ(login_from("127.0.0.1", "insatsansvarig", "demo-stegvis"), 200);
  ApiClient admin = logged_in("admin");
  auto throttled = audit_entries(admin, "action=login.throttled&user=insatsansvarig&limit=50");
  bool from_there = false;
  for (const auto& e : throttled) from_there = from_there || e["address"] == from;
  EXPECT_TRUE(from_there) << "the lock is audited with the address";
}

TEST(HostileAuth, ScriptTagsStoredAnywhereAreEscapedOnEveryPage) {
  const std::string marker = "<script>alert('stegvis')</script>";
  ApiClient admin = logged_in("admin");
  ApiClient samordnare = logged_in("samordnare.vastra");
  // Script tags in every kind of text a page shows back.
  ASSERT_EQ(admin.post("/api/v1/parties", {{"name", unique_name(marker)}, {"kind", "annan"}}).status, 201);
  const auto staff = create_staff(admin, unique_name("xss"), "ett-langt-losenord",
                                  json::array({{{"role", "coach"}, {"unit_id", demo_unit_id(admin, "Västra")}, {"fte_pct", 10}}}));
  ASSERT_NE(staff, 0);
  ASSERT_EQ(admin.put("/api/v1/staff/" + std::to_string(staff),
                      {{"name", marker}, {"roles", {{{"role", "coach"}, {"unit_id", demo_unit_id(admin, "Västra")}, {"fte_pct", 10}}}}})
                .status,
            200);
  json body = referral_body(programme_id());
  body["referrer_name"] = marker;
  body["reason"] = marker;
  auto referral = samordnare.post("/api/v1/referrals", body);
  ASSERT_EQ(referral.status, 201) << referral.text;
  const auto enrolment = create_enrolment(samordnare, programme_id());
  ASSERT_NE(enrolment, 0);
  const std::string e = "/api/v1/enrolments/" + std::to_string(enrolment);
  ASSERT_EQ(samordnare.post(e + "/contacts", {{"date", day()}, {"kind", "phone"}, {"minutes", 5}, {"note", marker}}).status, 201);
  ASSERT_EQ(samordnare.put(e + "/plan", {{"problem", marker},
                                         {"goals", {{{"area", "tilltro"}, {"text", marker}}}},
                                         {"activities", {{{"kind", "praktik"}, {"text", marker}, {"start", day()}}}},
                                         {"next_follow_up", day(30)}}).status,
            200);

  const std::map<std::string, std::string> ids{{"enrolments", std::to_string(enrolment)},
                                               {"referrals", std::to_string(referral.body["id"].get<std::int64_t>())},
                                               {"programmes", std::to_string(programme_id())},
                                               {"units", std::to_string(demo_unit_id(admin, "Västra"))},
                                               {"staff", std::to_string(staff)}};
  int pages = 0, escaped = 0;
  for (auto* c : {&admin, &samordnare}) {
    for (const auto& route : server_routes()) {
      if (route.is_api || route.method != "GET" || route.pattern == "/static/{file}") continue;
      const std::string path = route.fill([&](const std::string& p, const std::string& coll) {
        if (p == "code") return std::string("sv");
        auto it = ids.find(coll);
        return it == ids.end() ? std::string("1") : it->second;
      });
      auto r = send_raw("GET", path, {{"Cookie", c->cookie}});
      ++pages;
      EXPECT_LT(r.status, 500) << path;
      EXPECT_EQ(r.body.find("<script>alert"), std::string::npos) << path << " shows a stored script tag raw";
      escaped += r.body.find("&lt;script&gt;alert") != std::string::npos;
    }
  }
  EXPECT_GT(pages, 10);
  EXPECT_GE(escaped, 3) << "the stored markup was shown (escaped) on too few pages to prove anything";
}
