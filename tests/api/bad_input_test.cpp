// Hostile and broken input: unknown routes, wrong methods, broken JSON, wrong
// types, missing fields, oversize bodies and names, invalid UTF-8, control
// characters, SQL and HTML in names. Every answer is the JSON error shape,
// nothing is stored half-way, and the server keeps answering.
#include <gtest/gtest.h>

#include "api/server_fixture.hpp"

using namespace stegvis::test;

namespace {

// Posts a raw body (any bytes) with the admin's cookie and CSRF token.
Reply post_raw(ApiClient& c, const std::string& path, const std::string& body,
               const std::string& method = "POST") {
  return c.raw(method, path, body, "application/json", {{"Cookie", c.cookie}, {"X-CSRF-Token", c.csrf}});
}

json party_named(ApiClient& admin, const std::string& name) {
  for (const auto& p : json(admin.get("/api/v1/parties").body["items"]))
    if (p["name"] == name) return p;
  return nullptr;
}

// Creates a party with this name and reads it back by id.
std::string party_round_trip(ApiClient& admin, const std::string& name) {
  auto r = admin.post("/api/v1/parties", {{"name", name}, {"kind", "annan"}});
  EXPECT_EQ(r.status, 201) << r.text;
  if (r.status != 201) return "";
  for (const auto& p : json(admin.get("/api/v1/parties").body["items"]))
    if (p["id"] == r.body["id"]) return p["name"];
  return "";
}

}  // namespace

TEST(BadInput, UnknownRouteIs404Json) {
  ApiClient anon(server().port);
  ApiClient admin = logged_in("admin");
  for (ApiClient* c : {&anon, &admin})
    for (const char* path : {"/api/v1/nope", "/api/v2/health", "/api/v1/parties/1/extra", "/api/v1/staff/1/disable/now",
                             "/api/v1/", "/api/v1/staff/1/2/3/4/5/6/7/8/9"})
      EXPECT_TRUE(is_error(c->get(path), 404, "not_found")) << path;
  EXPECT_TRUE(is_error(admin.post("/api/v1/nope", {{"a", 1}}), 404, "not_found"));
  EXPECT_TRUE(server_alive());
}

TEST(BadInput, WrongMethodIs405Json) {
  ApiClient anon(server().port);
  ApiClient admin = logged_in("admin");
  struct Case {
    const char* method;
    const char* path;
  };
  for (ApiClient* c : {&anon, &admin})
    for (const auto& k : {Case{"DELETE", "/api/v1/parties"}, Case{"PATCH", "/api/v1/parties/1"},
                          Case{"POST", "/api/v1/health"}, Case{"PUT", "/api/v1/session"},
                          Case{"GET", "/api/v1/staff/1/disable"}, Case{"DELETE", "/api/v1/audit"},
                          Case{"PUT", "/api/v1/tokens/1"}}) {
      auto r = c->raw(k.method, k.path, "{}", "application/json",
                      {{"Cookie", c->cookie}, {"X-CSRF-Token", c->csrf}});
      EXPECT_TRUE(is_error(r, 405, "method_not_allowed")) << k.method << " " << k.path;
    }
  EXPECT_TRUE(server_alive());
}

TEST(BadInput, MalformedJsonIs400AndStoresNothing) {
  ApiClient admin = logged_in("admin");
  const std::string name = unique_name("Trasig JSON");
  for (const std::string& body :
       {std::string(""), "{\"name\": \"" + name + "\", \"kind\": ", "{name: \"" + name + "\", kind: \"annan\"}",
        "{\"name\":\"" + name + "\",\"kind\":\"annan\",}", "{\"name\":\"" + name + "\",\"kind\":\"annan\"} extra",
        "{'name':'" + name + "','kind':'annan'}", std::string("NaN"), std::string("{\"a\":1}{\"b\":2}"),
        "{\"name\":\"" + name + "\",\"kind\":\"annan\",\"x\":1e400}", "{\"name\":\"" + name + "\",\"kind\":\"annan\",\"x\":-1e999}",
        std::string("{\"name\":\"a\\qb\",\"kind\":\"annan\"}"), std::string("\x00{}", 3)}) {
    auto r = post_raw(admin, "/api/v1/parties", body);
    EXPECT_TRUE(is_error(r, 400, "invalid_input")) << body;
  }
  EXPECT_TRUE(party_named(admin, name).is_null());
  // The same with a number too large for a double where a number is expected.
  auto big = post_raw(admin, "/api/v1/municipalities",
                      "{\"name\":\"" + name + "\",\"population\":1,\"socioeconomic_index\":1e400}");
  EXPECT_TRUE(is_error(big, 400, "invalid_input"));
  EXPECT_EQ(municipality_id(admin, name), 0);
  EXPECT_TRUE(server_alive());
}

TEST(BadInput, JsonThatIsNotAnObjectIs400) {
  ApiClient admin = logged_in("admin");
  for (std::string body : {"[]", "[{\"name\":\"x\",\"kind\":\"annan\"}]", "\"text\"", "42", "null", "true"}) {
    EXPECT_TRUE(is_error(post_raw(admin, "/api/v1/parties", body), 400, "invalid_input")) << body;
    EXPECT_TRUE(is_error(post_raw(admin, "/api/v1/staff", body), 400, "invalid_input")) << body;
    EXPECT_TRUE(is_error(admin.raw("POST", "/api/v1/session", body, "application/json", {}), 400, "invalid_input")) << body;
  }
  EXPECT_TRUE(server_alive());
}

TEST(BadInput, WrongTypesNameTheField) {
  ApiClient admin = logged_in("admin");
  const auto vastra = demo_unit_id(admin, "Västra");
  const std::string n = unique_name("Fel typ");
  struct Case {
    std::string path;
    json body;
    std::string field;
  };
  const json staff_base = {{"username", unique_name("feltyp")}, {"password", "ett-langt-losenord"}, {"name", n}};
  auto staff = [&](json patch) {
    json b = staff_base;
    b.update(patch);
    return b;
  };
  std::vector<Case> cases{
      {"/api/v1/municipalities", {{"name", n}, {"population", "12000"}, {"socioeconomic_index", 10}}, "population"},
      {"/api/v1/municipalities", {{"name", n}, {"population", 12000.5}, {"socioeconomic_index", 10}}, "population"},
      {"/api/v1/municipalities", {{"name", n}, {"population", 1e30}, {"socioeconomic_index", 10}}, "population"},
      {"/api/v1/municipalities", {{"name", n}, {"population", 18446744073709551615ULL}, {"socioeconomic_index", 10}}, "population"},
      {"/api/v1/municipalities", {{"name", n}, {"population", 1}, {"socioeconomic_index", "tio"}}, "socioeconomic_index"},
      {"/api/v1/municipalities", {{"name", n}, {"population", 1}, {"socioeconomic_index", true}}, "socioeconomic_index"},
      {"/api/v1/municipalities", {{"name", n}, {"population", 1}, {"socioeconomic_index", 1}, {"party_id", "1"}}, "party_id"},
      {"/api/v1/municipalities", {{"name", n}, {"population", 1}, {"socioeconomic_index", 1}, {"party_id", -3}}, "party_id"},
      {"/api/v1/parties", {{"name", 42}, {"kind", "annan"}}, "name"},
      {"/api/v1/parties", {{"name", {{"first", "x"}}}, {"kind", "annan"}}, "name"},
      {"/api/v1/parties", {{"name", n}, {"kind", json::array({"annan"})}}, "kind"},
      {"/api/v1/programmes", {{"name", n}, {"start_date", 20240101}, {"end_date", "2025-01-01"}}, "start_date"},
      {"/api/v1/staff", staff({{"roles", "coach"}}), "roles"},
      {"/api/v1/staff", staff({{"roles", {"coach"}}}), "roles"},
      {"/api/v1/staff", staff({{"roles", {{{"role", "coach"}, {"unit_id", std::to_string(vastra)}}}}}), "unit_id"},
      {"/api/v1/staff", staff({{"roles", {{{"role", "coach"}, {"unit_id", vastra}, {"fte_pct", "50"}}}}}), "fte_pct"},
      {"/api/v1/staff", staff({{"roles", {{{"role", 5}}}}}), "role"},
      {"/api/v1/staff", staff({{"username", 1234}, {"roles", {{{"role", "styrgrupp"}}}}}), "username"},
      {"/api/v1/staff", staff({{"email", false}, {"roles", {{{"role", "styrgrupp"}}}}}), "email"},
      {"/api/v1/staff", staff({{"employing_party_id", 1.5}, {"roles", {{{"role", "styrgrupp"}}}}}), "employing_party_id"},
  };
  for (const auto& k : cases)
    EXPECT_TRUE(is_error(admin.post(k.path, k.body), 400, "invalid_input", k.field)) << k.path << " " << k.body.dump();
  EXPECT_TRUE(party_named(admin, n).is_null());
  EXPECT_EQ(municipality_id(admin, n), 0);
  EXPECT_TRUE(staff_by_username(admin, staff_base["username"]).is_null());
  EXPECT_TRUE(server_alive());
}

TEST(BadInput, MissingFieldsNameTheField) {
  ApiClient admin = logged_in("admin");
  const auto pid = demo_programme_id(admin);
  const std::string n = unique_name("Saknas");
  struct Case {
    std::string path;
    json body;
    std::string field;
  };
  std::vector<Case> cases{
      {"/api/v1/parties", {{"kind", "annan"}}, "name"},
      {"/api/v1/parties", {{"name", n}}, "kind"},
      {"/api/v1/parties", {{"name", nullptr}, {"kind", "annan"}}, "name"},
      {"/api/v1/municipalities", {{"population", 1}, {"socioeconomic_index", 1}}, "name"},
      {"/api/v1/municipalities", {{"name", n}, {"socioeconomic_index", 1}}, "population"},
      {"/api/v1/municipalities", {{"name", n}, {"population", 1}}, "socioeconomic_index"},
      {"/api/v1/programmes", {{"name", n}, {"end_date", "2025-01-01"}}, "start_date"},
      {"/api/v1/programmes", {{"name", n}, {"start_date", "2025-01-01"}}, "end_date"},
      {"/api/v1/programmes", {{"start_date", "2024-01-01"}, {"end_date", "2025-01-01"}}, "name"},
      {"/api/v1/programmes/" + std::to_string(pid) + "/tracks", {{"code", "x"}, {"name", "x"}, {"max_age", 20}, {"staff_role", "coach"}}, "min_age"},
      {"/api/v1/programmes/" + std::to_string(pid) + "/tracks", {{"code", "xx"}, {"name", "x"}, {"min_age", 18}, {"max_age", 20}}, "staff_role"},
      {"/api/v1/programmes/" + std::to_string(pid) + "/units", {{"municipalities", json::array()}}, "name"},
      {"/api/v1/staff", {{"password", "ett-langt-losenord"}, {"name", n}, {"roles", {{{"role", "styrgrupp"}}}}}, "username"},
      {"/api/v1/staff", {{"username", unique_name("saknas")}, {"name", n}, {"roles", {{{"role", "styrgrupp"}}}}}, "password"},
      {"/api/v1/staff", {{"username", unique_name("saknas")}, {"password", "ett-langt-losenord"}, {"roles", {{{"role", "styrgrupp"}}}}}, "name"},
      {"/api/v1/staff", {{"username", unique_name("saknas")}, {"password", "ett-langt-losenord"}, {"name", n}}, "roles"},
      {"/api/v1/staff", {{"username", unique_name("saknas")}, {"password", "ett-langt-losenord"}, {"name", n}, {"roles", {{{"unit_id", 1}}}}}, "role"},
      {"/api/v1/tokens", {{"name", "x"}}, "username"},
      {"/api/v1/association", json::object(), "name"},
  };
  for (const auto& k : cases) {
    auto r = k.path == "/api/v1/association" ? admin.put(k.path, k.body) : admin.post(k.path, k.body);
    EXPECT_TRUE(is_error(r, 400, "invalid_input", k.field)) << k.path << " " << k.body.dump();
  }
  EXPECT_TRUE(party_named(admin, n).is_null());
  EXPECT_TRUE(server_alive());
}

TEST(BadInput, TwoMebibyteBodyIs413AndStoresNothing) {
  ApiClient admin = logged_in("admin");
  const std::string name = unique_name("Jättestor");
  json body = {{"name", name}, {"kind", "annan"}, {"padding", std::string(2 * 1024 * 1024, 'x')}};
  auto r = post_raw(admin, "/api/v1/parties", body.dump());
  EXPECT_TRUE(is_error(r, 413, "payload_too_large"));
  EXPECT_TRUE(party_named(admin, name).is_null());
  // Also on routes that need no login, and for a bare body.
  ApiClient anon(server().port);
  EXPECT_TRUE(is_error(anon.raw("POST", "/api/v1/session", std::string(2 * 1024 * 1024, '{'), "application/json", {}), 413,
                       "payload_too_large"));
  // Just under the limit is read (and then refused for what it says).
  json under = {{"name", name}, {"kind", "annan"}, {"padding", std::string(1000 * 1000, 'x')}};
  auto ok = post_raw(admin, "/api/v1/parties", under.dump());
  EXPECT_EQ(ok.status, 201) << ok.text.substr(0, 200);
  EXPECT_TRUE(server_alive());
}

TEST(BadInput, OverlongTextIs400AndCharactersAreCountedNotBytes) {
  ApiClient admin = logged_in("admin");
  const std::string tag = unique_name("");
  EXPECT_TRUE(is_error(admin.post("/api/v1/parties", {{"name", std::string(300, 'a') + tag}, {"kind", "annan"}}), 400,
                       "invalid_input", "name"));
  EXPECT_TRUE(party_named(admin, std::string(300, 'a') + tag).is_null());
  // 200 characters is the limit even when each takes two bytes.
  std::string aa;
  for (int i = 0; i < 200 - static_cast<int>(tag.size()); ++i) aa += "å";
  EXPECT_EQ(party_round_trip(admin, aa + tag), aa + tag);
  EXPECT_TRUE(is_error(admin.post("/api/v1/parties", {{"name", "ä" + aa + tag}, {"kind", "annan"}}), 400,
                       "invalid_input", "name"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/municipalities",
                                  {{"name", std::string(101, 'm')}, {"population", 1}, {"socioeconomic_index", 1}}),
                       400, "invalid_input", "name"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/programmes", {{"name", unique_name("lång")},
                                                         {"start_date", "2024-01-01"},
                                                         {"end_date", "2025-01-01"},
                                                         {"purpose", std::string(4001, 'p')}}),
                       400, "invalid_input", "purpose"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/staff", {{"username", unique_name("langt")},
                                                    {"password", "ett-langt-losenord"},
                                                    {"name", std::string(201, 'n')},
                                                    {"roles", {{{"role", "styrgrupp"}}}}}),
                       400, "invalid_input", "name"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/staff", {{"username", std::string(41, 'u')},
                                                    {"password", "ett-langt-losenord"},
                                                    {"name", "x"},
                                                    {"roles", {{{"role", "styrgrupp"}}}}}),
                       400, "invalid_input", "username"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/staff", {{"username", unique_name("langt")},
                                                    {"password", std::string(201, 'p')},
                                                    {"name", "x"},
                                                    {"roles", {{{"role", "styrgrupp"}}}}}),
                       400, "invalid_input", "password"));
  EXPECT_TRUE(server_alive());
}

TEST(BadInput, InvalidUtf8Is400) {
  ApiClient admin = logged_in("admin");
  const std::string tag = unique_name("utf");
  for (const std::string& bad : {std::string("\xff\xfe"), std::string("\xc0\xaf"), std::string("\xed\xa0\x80"),
                                 std::string("\xe2\x82"), std::string("\xf8\x88\x80\x80\x80"), std::string("\x80")}) {
    std::string body = "{\"name\":\"" + tag + bad + "\",\"kind\":\"annan\"}";
    EXPECT_TRUE(is_error(post_raw(admin, "/api/v1/parties", body), 400, "invalid_input"));
    std::string login = "{\"username\":\"admin" + bad + "\",\"password\":\"demo-stegvis\"}";
    EXPECT_TRUE(is_error(admin.raw("POST", "/api/v1/session", login, "application/json", {}), 400, "invalid_input"));
  }
  // Escaped lone surrogates are no valid text either.
  EXPECT_TRUE(is_error(post_raw(admin, "/api/v1/parties", "{\"name\":\"" + tag + "\\ud800\",\"kind\":\"annan\"}"), 400,
                       "invalid_input"));
  for (const auto& p : json(admin.get("/api/v1/parties").body["items"]))
    EXPECT_EQ(p["name"].get<std::string>().find(tag), std::string::npos) << "stored: " << p.dump();
  EXPECT_TRUE(server_alive());
}

TEST(BadInput, ControlCharactersInNamesAre400) {
  ApiClient admin = logged_in("admin");
  const std::string tag = unique_name("ctl");
  for (std::string esc : {"\\u0000", "\\u0007", "\\u001b[31m", "\\u007f\\u0000"}) {
    std::string body = "{\"name\":\"" + tag + esc + "\",\"kind\":\"annan\"}";
    EXPECT_TRUE(is_error(post_raw(admin, "/api/v1/parties", body), 400, "invalid_input", "name")) << esc;
  }
  for (const auto& p : json(admin.get("/api/v1/parties").body["items"]))
    EXPECT_EQ(p["name"].get<std::string>().find(tag), std::string::npos) << "stored: " << p.dump();
  EXPECT_TRUE(server_alive());
}

TEST(BadInput, NulByteInLoginUsernameNeitherLogsInNorBreaksTheAuditChain) {
  // PostgreSQL cuts bound text at a NUL byte: "admin\0x" must not be taken for admin,
  // and nothing a client sends may make the stored audit entry differ from its hash.
  ApiClient c(server().port);
  auto r = c.raw("POST", "/api/v1/session", R"({"username":"admin\u0000x","password":"demo-stegvis"})",
                 "application/json", {});
  EXPECT_TRUE(is_error(r, 400, "invalid_input", "username"));
  EXPECT_TRUE(c.cookie.empty());
  EXPECT_EQ(r.header("Set-Cookie"), "");
  auto tab = c.raw("POST", "/api/v1/session", R"({"username":"admin\t","password":"demo-stegvis"})",
                   "application/json", {});
  EXPECT_TRUE(is_error(tab, 400, "invalid_input", "username"));

  // A refused request whose path holds a NUL byte and invalid UTF-8 is audited faithfully.
  ApiClient coach = logged_in("coach.katrineholm");
  for (const char* path : {"/api/v1/staff/1%00x/disable", "/api/v1/staff/1%ff/disable"}) {
    auto denied = coach.raw("POST", path, "", "application/json", {{"Cookie", coach.cookie}});
    EXPECT_TRUE(is_error(denied, 403, "csrf")) << path;
  }
  std::string out;
  EXPECT_EQ(run_stegvis({"audit", "verify", "--db", server().db_url}, &out), 0) << out;
  EXPECT_NE(out.find("audit log ok"), std::string::npos) << out;
  EXPECT_TRUE(server_alive());
}

TEST(BadInput, SqlMetaCharactersAreStoredVerbatim) {
  ApiClient admin = logged_in("admin");
  const std::string tag = " " + unique_name("");
  for (const std::string& name :
       {"Robert'); DROP TABLE party;--" + tag, "x' OR '1'='1" + tag, "\"; DELETE FROM app_user; --" + tag,
        "100% _rabatt_ \\ back\\slash" + tag, "$$; SELECT pg_sleep(5); $$" + tag, "?, :name, @p, ${x}" + tag,
        "/* kommentar */ --" + tag}) {
    EXPECT_EQ(party_round_trip(admin, name), name);
  }
  // The tables are all still there and whole.
  EXPECT_NE(party_id(admin, "Försäkringskassan"), 0);
  EXPECT_TRUE(staff_by_username(admin, "coach.katrineholm").is_object());

  // In other kinds of record too.
  const std::string m = "O'Brien \"kommun\"; DROP TABLE municipality;--" + tag;
  auto mr = admin.post("/api/v1/municipalities", {{"name", m}, {"population", 1}, {"socioeconomic_index", 1}});
  ASSERT_EQ(mr.status, 201) << mr.text;
  EXPECT_EQ(municipality_id(admin, m), mr.body["id"]);
  const std::string user = unique_name("sql");
  const std::string person = "Robert'); DROP TABLE app_user;-- Tables";
  auto sr = admin.post("/api/v1/staff", {{"username", user},
                                         {"password", "'; DROP TABLE app_user; --"},
                                         {"name", person},
                                         {"email", "o'brien+test@example.se"},
                                         {"roles", {{{"role", "styrgrupp"}}}}});
  ASSERT_EQ(sr.status, 201) << sr.text;
  auto s = admin.get("/api/v1/staff/" + std::to_string(sr.body["id"].get<std::int64_t>()));
  EXPECT_EQ(s.body["name"], person);
  EXPECT_EQ(s.body["email"], "o'brien+test@example.se");
  ApiClient c(server().port);
  EXPECT_EQ(c.login(user, "'; DROP TABLE app_user; --").status, 200);
  // A classic injection as username is just a wrong username.
  ApiClient d(server().port);
  EXPECT_TRUE(is_error(d.login("' OR '1'='1' --", "x' OR '1'='1"), 401, "unauthenticated"));
  EXPECT_TRUE(server_alive());
}

TEST(BadInput, HtmlAndUnicodeInNamesComeBackVerbatim) {
  ApiClient admin = logged_in("admin");
  const std::string tag = " " + unique_name("");
  const std::string html = "<script>alert(\"x\")</script><img src=x onerror=alert(1)>&amp;&lt;" + tag;
  auto r = admin.post("/api/v1/parties", {{"name", html}, {"kind", "annan"}});
  ASSERT_EQ(r.status, 201) << r.text;
  auto list = admin.get("/api/v1/parties");
  EXPECT_EQ(party_named(admin, html)["id"], r.body["id"]);
  EXPECT_NE(list.text.find("<script>alert(\\\"x\\\")</script>"), std::string::npos) << "JSON is not HTML-escaped";
  EXPECT_NE(list.header("Content-Type").find("application/json"), std::string::npos);
  EXPECT_EQ(list.header("X-Content-Type-Options"), "nosniff");
  for (const std::string& name : {"Ängelholm Åre Öland" + tag, "😀 emoji" + tag, "e\xcc\x81 (kombinerande)" + tag,
                                  "עברית العربية" + tag, "tab\tand\nnewline" + tag})
    EXPECT_EQ(party_round_trip(admin, name), name);
  EXPECT_TRUE(server_alive());
}

TEST(BadInput, BadIdsInPathsAre404) {
  ApiClient admin = logged_in("admin");
  for (const char* id : {"abc", "0", "-1", "1.5", "99999999999999999999", "1e3", "0x10", "%20", "1%00"}) {
    EXPECT_TRUE(is_error(admin.get(std::string("/api/v1/staff/") + id), 404, "not_found")) << id;
    EXPECT_TRUE(is_error(admin.get(std::string("/api/v1/programmes/") + id), 404, "not_found")) << id;
    EXPECT_TRUE(is_error(admin.get(std::string("/api/v1/units/") + id), 404, "not_found")) << id;
  }
  EXPECT_TRUE(server_alive());
}

TEST(BadInput, DeeplyNestedJsonIsRefusedWithoutHarm) {
  ApiClient admin = logged_in("admin");
  const int depth = 400000;  // 800 KB, under the body limit
  std::string arrays = std::string(depth, '[') + std::string(depth, ']');
  EXPECT_TRUE(is_error(post_raw(admin, "/api/v1/parties", arrays), 400, "invalid_input"));
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(100000, '}');
  // Refused for its depth before it is parsed, not for the field it lacks.
  auto deep = post_raw(admin, "/api/v1/parties", objects);
  EXPECT_TRUE(is_error(deep, 400, "invalid_input"));
  EXPECT_NE(deep.body["error"]["message"].get<std::string>().find("nästlat"), std::string::npos) << deep.text;
  // Brackets inside strings do not count, and ordinary nesting passes.
  const std::string name = unique_name("Nästlad");
  auto fine = post_raw(admin, "/api/v1/parties",
                       "{\"name\":\"" + name + " [[{{\",\"kind\":\"annan\",\"x\":[[[[[[[[{\"y\":[1]}]]]]]]]]}");
  EXPECT_EQ(fine.status, 201) << fine.text;
  std::string unclosed(depth, '[');
  EXPECT_TRUE(is_error(post_raw(admin, "/api/v1/parties", unclosed), 400, "invalid_input"));
  EXPECT_TRUE(server_alive());
}
