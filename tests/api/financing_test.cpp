// Staffing financing and the allocation key over real HTTP (issue #7 scope 4–5):
// the demo agreement against the staff registered, the best-fit weights, a year's
// agreement replaced (and every bad row refused with nothing stored), scenarios,
// and who may see and change what. Runs on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "api/server_fixture.hpp"

using namespace stegvis::test;

namespace {

std::string base(ApiClient& admin) { return "/api/v1/programmes/" + std::to_string(demo_programme_id(admin)); }

const json* role_of(const json& list, const char* key, const std::string& name, const std::string& role) {
  for (const auto& p : list)
    if (p.value(key, "") == name)
      for (const auto& r : p["roles"])
        if (r["role"] == role) return &r;
  return nullptr;
}

}  // namespace

TEST(FinancingApi, DemoAgreementIsComparedWithTheStaffRegistered) {
  ApiClient admin = logged_in("admin");
  ApiClient chief = logged_in("forbundschef");
  auto r = chief.get(base(admin) + "/financing?year=2024");
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_EQ(r.body["agreement_year"], 2024);
  const json& m = r.body["municipalities"];
  ASSERT_EQ(m.size(), 9u);
  const json* nykoping = role_of(m, "municipality", "Nyköping", "coach");
  ASSERT_NE(nykoping, nullptr);
  EXPECT_EQ((*nykoping)["association_fte_pct"], 150.0);
  EXPECT_EQ((*nykoping)["staffed_fte_pct"], 100.0);  // the demo staffs as the KASAM slides
  EXPECT_EQ((*nykoping)["difference"], -50.0);
  EXPECT_TRUE((*nykoping)["differs"].get<bool>());
  EXPECT_NE((*nykoping)["note"].get<std::string>().find("150"), std::string::npos);
  const json* katrineholm = role_of(m, "municipality", "Katrineholm", "koordinator");
  ASSERT_NE(katrineholm, nullptr);
  EXPECT_EQ((*katrineholm)["cofinancing_fte_pct"], 75.0);
  EXPECT_EQ((*katrineholm)["staffed_fte_pct"], 75.0);
  EXPECT_FALSE((*katrineholm)["differs"].get<bool>());
  const json* region = role_of(r.body["other_parties"], "party", "Region Sörmland", "samordnare");
  ASSERT_NE(region, nullptr);
  EXPECT_EQ((*region)["cofinancing_fte_pct"], 300.0);
  EXPECT_EQ((*region)["staffed_fte_pct"], 300.0);
  EXPECT_EQ(r.body["totals"]["association_fte_pct"], 950.0);
  EXPECT_EQ(r.body["totals"]["cofinancing_fte_pct"], 925.0);
  // A later year without its own agreement shows the one in force; an earlier one none.
  EXPECT_EQ(chief.get(base(admin) + "/financing?year=2025").body["agreement_year"], 2024);
  EXPECT_TRUE(chief.get(base(admin) + "/financing?year=2023").body["agreement_year"].is_null());
  EXPECT_EQ(chief.get(base(admin) + "/financing?year=tjugo").body["error"]["field"], "year");
}

TEST(FinancingApi, AllocationKeyFindsTheBestWeightsAndTakesTheUsersOwn) {
  ApiClient admin = logged_in("admin");
  ApiClient chief = logged_in("forbundschef");
  auto best = chief.get(base(admin) + "/allocation-key?year=2024");
  ASSERT_EQ(best.status, 200) << best.text;
  EXPECT_EQ(best.body["best_fit_weights"]["population_weight"], 71.0);
  EXPECT_EQ(best.body["best_fit_weights"]["socioeconomic_weight"], 29.0);
  EXPECT_EQ(best.body["population_weight"], 71.0);  // without weights, the best fit is shown
  EXPECT_EQ(best.body["total_fte_pct"], 1575.0);

  auto pop = chief.get(base(admin) + "/allocation-key?year=2024&population_weight=100&socioeconomic_weight=0");
  ASSERT_EQ(pop.status, 200) << pop.text;
  for (const auto& row : pop.body["municipalities"])
    if (row["municipality"] == "Eskilstuna") {
      EXPECT_EQ(row["proposed_fte_pct"], 554.1);  // 108 000 / 307 000 of 1 575 %
      EXPECT_EQ(row["agreed_fte_pct"], 450.0);
      EXPECT_EQ(row["difference"], 104.1);
    }
  auto sum = chief.get(base(admin) + "/allocation-key?population_weight=60&socioeconomic_weight=30");
  EXPECT_EQ(sum.status, 400);
  EXPECT_EQ(sum.body["error"]["field"], "population_weight");
  EXPECT_EQ(chief.get(base(admin) + "/allocation-key?population_weight=abc&socioeconomic_weight=0").body["error"]["field"],
            "population_weight");
  EXPECT_EQ(chief.get(base(admin) + "/allocation-key?population_weight=100").status, 400);
}

TEST(FinancingApi, AYearsAgreementIsReplacedAndABadRowStoresNothing) {
  ApiClient admin = logged_in("admin");
  ApiClient economist = logged_in("ekonom");
  const std::string path = base(admin) + "/financing?year=2031";
  json good = {{"municipalities", {{{"municipality", "Katrineholm"},
                                    {"roles", {{{"role", "coach"}, {"association_fte_pct", 150}},
                                               {{"role", "koordinator"}, {"cofinancing_fte_pct", 37.5}}}}}}},
               {"other_parties", {{{"party", "Region Sörmland"},
                                   {"roles", {{{"role", "samordnare"}, {"cofinancing_fte_pct", 300}}}}}}}};
  auto saved = economist.put(path, good);
  ASSERT_EQ(saved.status, 200) << saved.text;
  EXPECT_EQ(saved.body["rows"], 3);

  auto bad_with = [&](json body) { return economist.put(path, body); };
  json unknown = good;
  unknown["municipalities"][0]["municipality"] = "Atlantis";
  EXPECT_EQ(bad_with(unknown).body["error"]["field"], "municipality");
  json role = good;
  role["municipalities"][0]["roles"][0]["role"] = "styrgrupp";
  auto r = bad_with(role);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body["error"]["field"], "role");
  json decimals = good;
  decimals["municipalities"][0]["roles"][1]["cofinancing_fte_pct"] = 12.25;
  r = bad_with(decimals);
  EXPECT_EQ(r.body["error"]["field"], "cofinancing_fte_pct");
  EXPECT_NE(r.body["error"]["message"].get<std::string>().find("Rad 2"), std::string::npos) << r.text;
  json twice = good;
  twice["municipalities"][0]["roles"][1]["role"] = "coach";
  EXPECT_EQ(bad_with(twice).body["error"]["field"], "roles");
  json text = good;
  text["municipalities"][0]["roles"][0]["association_fte_pct"] = "mycket";
  EXPECT_EQ(bad_with(text).body["error"]["field"], "association_fte_pct");
  EXPECT_EQ(economist.put(base(admin) + "/financing", good).body["error"]["field"], "year");
  // A municipality of no unit of the programme: refused by rule.
  auto m = admin.post("/api/v1/municipalities", {{"name", unique_name("Utanför")}, {"population", 1000},
                                                  {"socioeconomic_index", 10}});
  ASSERT_EQ(m.status, 201) << m.text;
  json outside = good;
  outside["municipalities"][0]["municipality"] = m.body["id"];
  r = bad_with(outside);
  EXPECT_EQ(r.status, 422) << r.text;
  EXPECT_EQ(r.body["error"]["field"], "municipality");

  auto now = economist.get(path);
  ASSERT_EQ(now.status, 200);
  EXPECT_EQ(now.body["agreement_year"], 2031);
  EXPECT_EQ((*role_of(now.body["municipalities"], "municipality", "Katrineholm", "koordinator"))["cofinancing_fte_pct"],
            37.5);
  EXPECT_EQ(now.body["totals"]["association_fte_pct"], 150.0);
  EXPECT_FALSE(audit_entries(admin, "action=financing.update&user=ekonom").empty());
  // The demo year is untouched.
  EXPECT_EQ(economist.get(base(admin) + "/financing?year=2024").body["totals"]["association_fte_pct"], 950.0);
}

TEST(FinancingApi, ScenariosAreSavedWithTheirProposalNamedOnceAndDeleted) {
  ApiClient admin = logged_in("admin");
  ApiClient chief = logged_in("forbundschef");
  const std::string name = unique_name("Bara befolkning");
  auto s = chief.post(base(admin) + "/allocation-scenarios",
                      {{"name", name}, {"population_weight", 100}, {"socioeconomic_weight", 0}});
  ASSERT_EQ(s.status, 201) << s.text;
  auto again = chief.post(base(admin) + "/allocation-scenarios",
                          {{"name", name}, {"population_weight", 50}, {"socioeconomic_weight", 50}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body["error"]["field"], "name");
  EXPECT_EQ(chief.post(base(admin) + "/allocation-scenarios",
                       {{"name", " "}, {"population_weight", 100}, {"socioeconomic_weight", 0}}).body["error"]["field"],
            "name");
  EXPECT_EQ(chief.post(base(admin) + "/allocation-scenarios",
                       {{"name", "x"}, {"population_weight", 90}, {"socioeconomic_weight", 0}}).status, 400);
  auto list = chief.get(base(admin) + "/allocation-scenarios");
  ASSERT_EQ(list.status, 200);
  bool found = false;
  for (const auto& item : list.body["items"])
    if (item["name"] == name) {
      found = true;
      EXPECT_EQ(item["population_weight"], 100.0);
      EXPECT_EQ(item["proposal"].size(), 9u);
    }
  EXPECT_TRUE(found);
  const std::string one = base(admin) + "/allocation-scenarios/" + std::to_string(s.body["id"].get<long long>());
  EXPECT_EQ(chief.del(one).status, 200);
  EXPECT_EQ(chief.del(one).status, 404);
}

TEST(FinancingApi, OnlyMoneyRolesSeeItAndOnlyTheEconomistAndChiefChangeIt) {
  ApiClient admin = logged_in("admin");
  const std::string b = base(admin);
  ApiClient coach = logged_in("coach.katrineholm");
  EXPECT_EQ(coach.get(b + "/financing").status, 403);
  EXPECT_EQ(coach.get(b + "/allocation-key").status, 403);
  // Refused before the body is read: a bad body still gets 403, and the denial is audited.
  EXPECT_EQ(coach.put(b + "/financing?year=2031", json::object()).status, 403);
  EXPECT_EQ(coach.post(b + "/allocation-scenarios", json::object()).status, 403);
  EXPECT_FALSE(audit_entries(admin, "action=access.denied&user=coach.katrineholm").empty());

  ApiClient vastra = logged_in("samordnare.vastra");
  auto own = vastra.get(b + "/financing?year=2024");
  ASSERT_EQ(own.status, 200) << own.text;
  EXPECT_FALSE(own.body["whole_programme"].get<bool>());
  for (const auto& m : own.body["municipalities"]) EXPECT_EQ(m["unit"], "Västra") << m.dump();
  EXPECT_EQ(own.body["municipalities"].size(), 3u);
  EXPECT_TRUE(own.body["other_parties"].empty());
  EXPECT_EQ(vastra.get(b + "/allocation-key").status, 403);
  EXPECT_EQ(vastra.put(b + "/financing?year=2031", json::object()).status, 403);

  ApiClient board = logged_in("styrgrupp");
  EXPECT_EQ(board.get(b + "/financing").status, 200);
  EXPECT_EQ(board.get(b + "/allocation-key").status, 200);
  EXPECT_EQ(board.put(b + "/financing?year=2031", json::object()).status, 403);
  EXPECT_EQ(admin.get(b + "/financing").status, 403);
}
