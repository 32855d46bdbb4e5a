// The organisation: association, parties, municipalities, programmes with
// tracks and units. Create, read, update, conflicts, 404s, and who may change it.
#include <gtest/gtest.h>

#include <set>

#include "api/server_fixture.hpp"

using namespace stegvis::test;

namespace {

std::string id_path(const std::string& base, std::int64_t id) { return base + "/" + std::to_string(id); }

std::set<std::string> municipality_names(const json& unit) {
  std::set<std::string> out;
  for (const auto& m : unit["municipalities"]) out.insert(m["name"].get<std::string>());
  return out;
}

std::int64_t new_municipality(ApiClient& admin, const std::string& name) {
  auto r = admin.post("/api/v1/municipalities", {{"name", name}, {"population", 1000}, {"socioeconomic_index", 10}});
  EXPECT_EQ(r.status, 201) << r.text;
  return r.body.value("id", std::int64_t{0});
}

std::int64_t new_programme(ApiClient& admin, const std::string& name) {
  auto r = admin.post("/api/v1/programmes", {{"name", name}, {"start_date", "2025-01-01"}, {"end_date", "2026-12-31"}});
  EXPECT_EQ(r.status, 201) << r.text;
  return r.body.value("id", std::int64_t{0});
}

}  // namespace

TEST(Organisation, DemoProgrammeHasItsTracksAndUnits) {
  ApiClient c = logged_in("coach.katrineholm");  // everyone with a role may read the organisation
  auto list = c.get("/api/v1/programmes");
  ASSERT_EQ(list.status, 200);
  EXPECT_GE(list.body["total"].get<int>(), 1);
  std::int64_t pid = 0;
  for (const auto& p : list.body["items"]) {
    EXPECT_FALSE(p.contains("units")) << "list items carry no children";
    if (p["name"] == "Sikta mot arbetslivet") pid = p["id"];
  }
  ASSERT_NE(pid, 0);
  auto r = c.get(id_path("/api/v1/programmes", pid));
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_EQ(r.body["start_date"], "2023-10-01");
  EXPECT_EQ(r.body["end_date"], "2028-09-30");

  std::map<std::string, json> tracks;
  for (const auto& t : r.body["tracks"]) tracks[t["code"]] = t;
  ASSERT_EQ(tracks.size(), 2u);
  EXPECT_EQ(tracks["arbetsmarknad"]["min_age"], 18);
  EXPECT_EQ(tracks["arbetsmarknad"]["max_age"], 65);
  EXPECT_EQ(tracks["arbetsmarknad"]["staff_role"], "coach");
  EXPECT_EQ(tracks["unga"]["min_age"], 18);
  EXPECT_EQ(tracks["unga"]["max_age"], 29);
  EXPECT_EQ(tracks["unga"]["staff_role"], "koordinator");

  std::map<std::string, json> units;
  for (const auto& u : r.body["units"]) units[u["name"]] = u;
  ASSERT_TRUE(units.count("Västra") && units.count("Södra") && units.count("Norra")) << r.text;
  EXPECT_EQ(municipality_names(units["Västra"]), (std::set<std::string>{"Katrineholm", "Flen", "Vingåker"}));
  EXPECT_EQ(municipality_names(units["Södra"]), (std::set<std::string>{"Gnesta", "Trosa", "Nyköping", "Oxelösund"}));
  EXPECT_EQ(municipality_names(units["Norra"]), (std::set<std::string>{"Strängnäs", "Eskilstuna"}));
  ApiClient admin = logged_in("admin");
  EXPECT_EQ(units["Västra"]["controller_party_id"], party_id(admin, "Katrineholms kommun"));

  // GET /units/{id} gives the same unit.
  auto unit = c.get(id_path("/api/v1/units", units["Norra"]["id"]));
  ASSERT_EQ(unit.status, 200);
  EXPECT_EQ(unit.body["name"], "Norra");
  EXPECT_EQ(municipality_names(unit.body), (std::set<std::string>{"Strängnäs", "Eskilstuna"}));
}

TEST(Organisation, DemoPartiesAndMunicipalities) {
  ApiClient admin = logged_in("admin");
  auto parties = admin.get("/api/v1/parties");
  ASSERT_EQ(parties.status, 200);
  std::map<std::string, std::string> kind;
  for (const auto& p : parties.body["items"]) kind[p["name"]] = p["kind"];
  EXPECT_EQ(kind["Försäkringskassan"], "fk");
  EXPECT_EQ(kind["Arbetsförmedlingen"], "af");
  EXPECT_EQ(kind["Region Sörmland"], "region");
  for (const char* m : {"Katrineholms kommun", "Flens kommun", "Vingåkers kommun", "Gnesta kommun", "Trosa kommun",
                        "Nyköpings kommun", "Oxelösunds kommun", "Strängnäs kommun", "Eskilstuna kommun"})
    EXPECT_EQ(kind[m], "kommun") << m;
  EXPECT_EQ(parties.body["total"], parties.body["items"].size());

  auto ms = admin.get("/api/v1/municipalities");
  ASSERT_EQ(ms.status, 200);
  for (const auto& m : ms.body["items"])
    if (m["name"] == "Eskilstuna") {
      EXPECT_EQ(m["population"], 108000);
      EXPECT_DOUBLE_EQ(m["socioeconomic_index"].get<double>(), 20.0);
      EXPECT_EQ(m["party_id"], party_id(admin, "Eskilstuna kommun"));
    }
  EXPECT_NE(municipality_id(admin, "Eskilstuna"), 0);
}

TEST(Organisation, AssociationCanBeReadAndChangedByTheAdministrator) {
  ApiClient admin = logged_in("admin");
  auto before = admin.get("/api/v1/association");
  ASSERT_EQ(before.status, 200);
  EXPECT_FALSE(before.body["name"].get<std::string>().empty());
  const std::string name = before.body["name"], org = before.body["org_number"];

  const std::string changed = unique_name("Samordningsförbundet Test");
  auto put = admin.put("/api/v1/association", {{"name", changed}, {"org_number", "222000-1111"}});
  EXPECT_EQ(put.status, 200) << put.text;
  EXPECT_EQ(put.body["id"], before.body["id"]) << "one association per installation";
  auto after = admin.get("/api/v1/association");
  EXPECT_EQ(after.body["name"], changed);
  EXPECT_EQ(after.body["org_number"], "222000-1111");

  EXPECT_TRUE(is_error(admin.put("/api/v1/association", {{"name", ""}}), 400, "invalid_input", "name"));
  EXPECT_TRUE(is_error(admin.put("/api/v1/association", {{"org_number", "1"}}), 400, "invalid_input", "name"));
  ApiClient styrgrupp = logged_in("styrgrupp");
  EXPECT_EQ(styrgrupp.get("/api/v1/association").status, 200);
  EXPECT_TRUE(is_error(styrgrupp.put("/api/v1/association", {{"name", "Kapad"}}), 403, "forbidden"));

  // Put it back as it was.
  ASSERT_EQ(admin.put("/api/v1/association", {{"name", name}, {"org_number", org}}).status, 200);
  EXPECT_EQ(admin.get("/api/v1/association").body["name"], name);
}

TEST(Organisation, PartiesCreateUpdateConflictAndNotFound) {
  ApiClient admin = logged_in("admin");
  const std::string a = unique_name("Part A"), b = unique_name("Part B"), renamed = unique_name("Part A2");
  auto ca = admin.post("/api/v1/parties", {{"name", a}, {"kind", "annan"}});
  ASSERT_EQ(ca.status, 201) << ca.text;
  auto cb = admin.post("/api/v1/parties", {{"name", b}, {"kind", "region"}});
  ASSERT_EQ(cb.status, 201) << cb.text;
  const auto ida = ca.body["id"].get<std::int64_t>(), idb = cb.body["id"].get<std::int64_t>();
  EXPECT_NE(ida, idb);
  EXPECT_EQ(party_id(admin, a), ida);

  EXPECT_TRUE(is_error(admin.post("/api/v1/parties", {{"name", a}, {"kind", "fk"}}), 409, "conflict", "name"));
  auto upd = admin.put(id_path("/api/v1/parties", ida), {{"name", renamed}, {"kind", "kommun"}});
  EXPECT_EQ(upd.status, 200) << upd.text;
  EXPECT_EQ(party_id(admin, renamed), ida);
  EXPECT_EQ(party_id(admin, a), 0);
  // Keeping its own name is no conflict; taking another's is.
  EXPECT_EQ(admin.put(id_path("/api/v1/parties", ida), {{"name", renamed}, {"kind", "af"}}).status, 200);
  EXPECT_TRUE(is_error(admin.put(id_path("/api/v1/parties", ida), {{"name", b}, {"kind", "af"}}), 409, "conflict", "name"));
  EXPECT_EQ(party_id(admin, b), idb);

  EXPECT_TRUE(is_error(admin.put("/api/v1/parties/999999999", {{"name", unique_name("x")}, {"kind", "af"}}), 404,
                       "not_found"));
  EXPECT_TRUE(is_error(admin.put("/api/v1/parties/0", {{"name", unique_name("x")}, {"kind", "af"}}), 404, "not_found"));
  EXPECT_TRUE(is_error(admin.put("/api/v1/parties/abc", {{"name", unique_name("x")}, {"kind", "af"}}), 404, "not_found"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/parties", {{"name", unique_name("x")}, {"kind", "bank"}}), 400,
                       "invalid_input", "kind"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/parties", {{"name", " \t "}, {"kind", "af"}}), 400, "invalid_input", "name"));
}

TEST(Organisation, MunicipalitiesCreateUpdateConflictAndNotFound) {
  ApiClient admin = logged_in("admin");
  const std::string name = unique_name("Kommun");
  const auto party = party_id(admin, "Region Sörmland");
  auto r = admin.post("/api/v1/municipalities",
                      {{"name", name}, {"population", 12345}, {"socioeconomic_index", 17.5}, {"party_id", party}});
  ASSERT_EQ(r.status, 201) << r.text;
  const auto id = r.body["id"].get<std::int64_t>();
  json found;
  for (const auto& m : json(admin.get("/api/v1/municipalities").body["items"]))
    if (m["id"] == id) found = m;
  ASSERT_TRUE(found.is_object());
  EXPECT_EQ(found["name"], name);
  EXPECT_EQ(found["population"], 12345);
  EXPECT_DOUBLE_EQ(found["socioeconomic_index"].get<double>(), 17.5);
  EXPECT_EQ(found["party_id"], party);

  auto upd = admin.put(id_path("/api/v1/municipalities", id), {{"name", name}, {"population", 0}, {"socioeconomic_index", 100}});
  EXPECT_EQ(upd.status, 200) << upd.text;
  for (const auto& m : json(admin.get("/api/v1/municipalities").body["items"]))
    if (m["id"] == id) {
      EXPECT_EQ(m["population"], 0);
      EXPECT_TRUE(m["party_id"].is_null()) << "party_id left out clears it";
    }

  EXPECT_TRUE(is_error(admin.post("/api/v1/municipalities", {{"name", "Eskilstuna"}, {"population", 1}, {"socioeconomic_index", 1}}),
                       409, "conflict", "name"));
  EXPECT_TRUE(is_error(admin.put(id_path("/api/v1/municipalities", id), {{"name", "Flen"}, {"population", 1}, {"socioeconomic_index", 1}}),
                       409, "conflict", "name"));
  EXPECT_TRUE(is_error(admin.put("/api/v1/municipalities/999999999", {{"name", unique_name("k")}, {"population", 1}, {"socioeconomic_index", 1}}),
                       404, "not_found"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/municipalities", {{"name", unique_name("k")}, {"population", -1}, {"socioeconomic_index", 1}}),
                       400, "invalid_input", "population"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/municipalities", {{"name", unique_name("k")}, {"population", 1}, {"socioeconomic_index", 100.5}}),
                       400, "invalid_input", "socioeconomic_index"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/municipalities", {{"name", unique_name("k")}, {"population", 1}, {"socioeconomic_index", -0.1}}),
                       400, "invalid_input", "socioeconomic_index"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/municipalities",
                                  {{"name", unique_name("k")}, {"population", 1}, {"socioeconomic_index", 1}, {"party_id", 999999999}}),
                       400, "invalid_input", "party_id"));
}

TEST(Organisation, ProgrammesAndTracks) {
  ApiClient admin = logged_in("admin");
  const std::string name = unique_name("Insats");
  auto r = admin.post("/api/v1/programmes", {{"name", name},
                                             {"start_date", "2024-02-29"},
                                             {"end_date", "2027-12-31"},
                                             {"purpose", "Stöd mot arbete"},
                                             {"target_group", "Unga vuxna"}});
  ASSERT_EQ(r.status, 201) << r.text;
  const auto pid = r.body["id"].get<std::int64_t>();
  auto got = admin.get(id_path("/api/v1/programmes", pid));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body["name"], name);
  EXPECT_EQ(got.body["start_date"], "2024-02-29");
  EXPECT_EQ(got.body["purpose"], "Stöd mot arbete");
  EXPECT_EQ(got.body["target_group"], "Unga vuxna");
  EXPECT_EQ(got.body["tracks"], json::array());
  EXPECT_EQ(got.body["units"], json::array());

  EXPECT_EQ(admin.put(id_path("/api/v1/programmes", pid), {{"name", name}, {"start_date", "2024-03-01"}, {"end_date", "2027-12-31"}}).status, 200);
  EXPECT_EQ(admin.get(id_path("/api/v1/programmes", pid)).body["start_date"], "2024-03-01");

  EXPECT_TRUE(is_error(admin.post("/api/v1/programmes", {{"name", name}, {"start_date", "2024-01-01"}, {"end_date", "2025-01-01"}}),
                       409, "conflict", "name"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/programmes", {{"name", unique_name("p")}, {"start_date", "2025-01-02"}, {"end_date", "2025-01-01"}}),
                       400, "invalid_input", "end_date"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/programmes", {{"name", unique_name("p")}, {"start_date", "2023-02-29"}, {"end_date", "2025-01-01"}}),
                       400, "invalid_input", "start_date"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/programmes", {{"name", unique_name("p")}, {"start_date", "1/1/2024"}, {"end_date", "2025-01-01"}}),
                       400, "invalid_input", "start_date"));
  EXPECT_TRUE(is_error(admin.get("/api/v1/programmes/999999999"), 404, "not_found"));
  EXPECT_TRUE(is_error(admin.put("/api/v1/programmes/999999999", {{"name", unique_name("p")}, {"start_date", "2024-01-01"}, {"end_date", "2025-01-01"}}),
                       404, "not_found"));

  // Tracks.
  const std::string tracks = id_path("/api/v1/programmes", pid) + "/tracks";
  auto t = admin.post(tracks, {{"code", "unga"}, {"name", "Unga"}, {"min_age", 16}, {"max_age", 29}, {"staff_role", "koordinator"}});
  ASSERT_EQ(t.status, 201) << t.text;
  const auto tid = t.body["id"].get<std::int64_t>();
  EXPECT_TRUE(is_error(admin.post(tracks, {{"code", "unga"}, {"name", "Igen"}, {"min_age", 18}, {"max_age", 29}, {"staff_role", "coach"}}),
                       409, "conflict", "code"));
  EXPECT_EQ(admin.put(tracks + "/" + std::to_string(tid), {{"code", "unga"}, {"name", "Unga vuxna"}, {"min_age", 18}, {"max_age", 30}, {"staff_role", "koordinator"}}).status,
            200);
  auto after = admin.get(id_path("/api/v1/programmes", pid));
  ASSERT_EQ(after.body["tracks"].size(), 1u);
  EXPECT_EQ(after.body["tracks"][0]["name"], "Unga vuxna");
  EXPECT_EQ(after.body["tracks"][0]["max_age"], 30);

  EXPECT_TRUE(is_error(admin.post(tracks, {{"code", "Unga Vuxna"}, {"name", "x"}, {"min_age", 18}, {"max_age", 29}, {"staff_role", "coach"}}),
                       400, "invalid_input", "code"));
  EXPECT_TRUE(is_error(admin.post(tracks, {{"code", "aldre"}, {"name", "x"}, {"min_age", 40}, {"max_age", 30}, {"staff_role", "coach"}}),
                       400, "invalid_input", "max_age"));
  EXPECT_TRUE(is_error(admin.post(tracks, {{"code", "aldre"}, {"name", "x"}, {"min_age", 18}, {"max_age", 29}, {"staff_role", "samordnare"}}),
                       400, "invalid_input", "staff_role"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/programmes/999999999/tracks", {{"code", "aldre"}, {"name", "x"}, {"min_age", 18}, {"max_age", 29}, {"staff_role", "coach"}}),
                       404, "not_found"));
  // A track of another programme cannot be changed through this one.
  const auto demo = demo_programme_id(admin);
  EXPECT_TRUE(is_error(admin.put(id_path("/api/v1/programmes", demo) + "/tracks/" + std::to_string(tid),
                                 {{"code", "unga"}, {"name", "Kapad"}, {"min_age", 18}, {"max_age", 29}, {"staff_role", "coach"}}),
                       404, "not_found"));
  EXPECT_EQ(admin.get(id_path("/api/v1/programmes", pid)).body["tracks"][0]["name"], "Unga vuxna");
}

TEST(Organisation, UnitsAndTheOneUnitPerMunicipalityRule) {
  ApiClient admin = logged_in("admin");
  const auto pid = new_programme(admin, unique_name("Insats med länsdelar"));
  const std::string m1 = unique_name("Kommun ett"), m2 = unique_name("Kommun två"), m3 = unique_name("Kommun tre");
  const auto id1 = new_municipality(admin, m1), id2 = new_municipality(admin, m2), id3 = new_municipality(admin, m3);
  ASSERT_TRUE(pid && id1 && id2 && id3);
  const std::string units = id_path("/api/v1/programmes", pid) + "/units";

  // Municipalities by name or id, controller party by name.
  auto u = admin.post(units, {{"name", "Öst"}, {"controller_party", "Region Sörmland"}, {"municipalities", {m1, id2}}});
  ASSERT_EQ(u.status, 201) << u.text;
  const auto uid = u.body["id"].get<std::int64_t>();
  auto got = admin.get(id_path("/api/v1/units", uid));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body["programme_id"], pid);
  EXPECT_EQ(got.body["controller_party_id"], party_id(admin, "Region Sörmland"));
  EXPECT_EQ(municipality_names(got.body), (std::set<std::string>{m1, m2}));

  // A municipality already in a unit of this programme: 409, and the second unit is not made.
  auto clash = admin.post(units, {{"name", "Väst"}, {"municipalities", {id3, m2}}});
  EXPECT_TRUE(is_error(clash, 409, "conflict", "municipalities"));
  EXPECT_EQ(admin.get(id_path("/api/v1/programmes", pid)).body["units"].size(), 1u);
  EXPECT_TRUE(is_error(admin.post(units, {{"name", "Öst"}}), 409, "conflict", "name"));

  // In another programme the same municipality is free.
  const auto pid2 = new_programme(admin, unique_name("Annan insats"));
  auto other = admin.post(id_path("/api/v1/programmes", pid2) + "/units", {{"name", "Öst"}, {"municipalities", {m2, "Flen"}}});
  EXPECT_EQ(other.status, 201) << other.text;
  // But a demo municipality is taken in the demo programme.
  auto demo_units = id_path("/api/v1/programmes", demo_programme_id(admin)) + "/units";
  EXPECT_TRUE(is_error(admin.post(demo_units, {{"name", unique_name("Extra")}, {"municipalities", {"Flen"}}}), 409,
                       "conflict", "municipalities"));

  // Update: renaming keeps the municipalities; a list replaces them; an empty list clears them.
  EXPECT_EQ(admin.put(id_path("/api/v1/units", uid), {{"name", "Östra"}}).status, 200);
  got = admin.get(id_path("/api/v1/units", uid));
  EXPECT_EQ(got.body["name"], "Östra");
  EXPECT_EQ(municipality_names(got.body), (std::set<std::string>{m1, m2}));
  EXPECT_EQ(admin.put(id_path("/api/v1/units", uid), {{"name", "Östra"}, {"municipalities", {m3}}}).status, 200);
  EXPECT_EQ(municipality_names(admin.get(id_path("/api/v1/units", uid)).body), (std::set<std::string>{m3}));
  EXPECT_EQ(admin.put(id_path("/api/v1/units", uid), {{"name", "Östra"}, {"municipalities", json::array()}}).status, 200);
  EXPECT_TRUE(admin.get(id_path("/api/v1/units", uid)).body["municipalities"].empty());
  // Now m2 is free in this programme again.
  EXPECT_EQ(admin.post(units, {{"name", "Väst"}, {"municipalities", {m2}}}).status, 201);

  EXPECT_TRUE(is_error(admin.post(units, {{"name", "Norr"}, {"municipalities", {unique_name("Ingen kommun")}}}), 400,
                       "invalid_input", "municipalities"));
  EXPECT_TRUE(is_error(admin.post(units, {{"name", "Norr"}, {"municipalities", {999999999}}}), 400, "invalid_input",
                       "municipalities"));
  EXPECT_TRUE(is_error(admin.post(units, {{"name", "Norr"}, {"controller_party", "Ingen sådan part"}}), 400,
                       "invalid_input", "controller_party"));
  EXPECT_TRUE(is_error(admin.post(units, {{"name", "Norr"}, {"municipalities", m1}}), 400, "invalid_input",
                       "municipalities"));
  EXPECT_TRUE(is_error(admin.post("/api/v1/programmes/999999999/units", {{"name", "Norr"}}), 404, "not_found"));
  EXPECT_TRUE(is_error(admin.get("/api/v1/units/999999999"), 404, "not_found"));
  EXPECT_TRUE(is_error(admin.put("/api/v1/units/999999999", {{"name", "x"}}), 404, "not_found"));
}

TEST(Organisation, OnlyTheAdministratorChangesIt) {
  ApiClient samordnare = logged_in("samordnare.vastra");
  const std::string name = unique_name("Obehörig part");
  EXPECT_TRUE(is_error(samordnare.post("/api/v1/parties", {{"name", name}, {"kind", "annan"}}), 403, "forbidden"));
  EXPECT_TRUE(is_error(samordnare.post("/api/v1/municipalities", {{"name", name}, {"population", 1}, {"socioeconomic_index", 1}}),
                       403, "forbidden"));
  EXPECT_TRUE(is_error(samordnare.post("/api/v1/programmes", {{"name", name}, {"start_date", "2024-01-01"}, {"end_date", "2025-01-01"}}),
                       403, "forbidden"));
  ApiClient admin = logged_in("admin");
  const auto vastra = demo_unit_id(admin, "Västra");
  EXPECT_TRUE(is_error(samordnare.put(id_path("/api/v1/units", vastra), {{"name", "Min egen"}}), 403, "forbidden"));
  EXPECT_EQ(admin.get(id_path("/api/v1/units", vastra)).body["name"], "Västra");
  EXPECT_EQ(party_id(admin, name), 0);
  EXPECT_EQ(municipality_id(admin, name), 0);
  // Reading is allowed to every role.
  EXPECT_EQ(samordnare.get("/api/v1/parties").status, 200);
  EXPECT_EQ(samordnare.get("/api/v1/municipalities").status, 200);
  EXPECT_EQ(samordnare.get(id_path("/api/v1/units", vastra)).status, 200);
}
