// The money API (api.md "Money", issue #7) over real HTTP: budgets with
// versions, costs and the ledger import, the economy with forecast and
// warning, requisitions, the national report, who may do what, and every bad
// input of the list with nothing half-stored. Each run makes its own
// programme, so runs on the same database do not meet.
#include <gtest/gtest.h>

#include <ctime>

#include "api/server_fixture.hpp"

namespace stegvis::test {
namespace {

struct MoneyProgramme {
  std::int64_t id = 0, vastra = 0, ostra = 0;
  std::string base, vastra_name;
};

MoneyProgramme make_programme(ApiClient& admin) {
  MoneyProgramme m;
  auto p = admin.post("/api/v1/programmes", {{"name", unique_name("Pengar")}, {"start_date", "2023-10-01"},
                                             {"end_date", "2028-09-30"}});
  EXPECT_EQ(p.status, 201) << p.text;
  m.id = p.body["id"].get<std::int64_t>();
  m.base = "/api/v1/programmes/" + std::to_string(m.id);
  m.vastra_name = unique_name("Västra");
  auto u1 = admin.post(m.base + "/units", {{"name", m.vastra_name}});
  auto u2 = admin.post(m.base + "/units", {{"name", "Östra"}});
  EXPECT_EQ(u1.status, 201) << u1.text;
  m.vastra = u1.body["id"].get<std::int64_t>();
  m.ostra = u2.body["id"].get<std::int64_t>();
  return m;
}

json demo_budget() {
  return {{"frame", 9000000},
          {"lines", json::array({{{"code", "loner"}, {"amount", 8100000}},
                                 {{"code", "lokaler"}, {"amount", 700000}},
                                 {{"code", "resor"}, {"amount", 60000}},
                                 {{"code", "kompetens"}, {"amount", 45000}},
                                 {{"code", "datorer"}, {"amount", 45000}},
                                 {{"code", "ovrigt"}, {"amount", "30 000"}}})}};
}

TEST(MoneyApi, BudgetDraftApproveReadOnlyAndNewVersionKeepsTheOld) {
  auto admin = logged_in("admin");
  auto m = make_programme(admin);
  auto ekonom = logged_in("ekonom");
  auto b = ekonom.put(m.base + "/budgets/2024", demo_budget());
  ASSERT_EQ(b.status, 200) << b.text;
  EXPECT_EQ(b.body["status"], "draft");
  EXPECT_EQ(b.body["total"], 8980000);
  EXPECT_EQ(b.body["unallocated"], 20000);
  EXPECT_EQ(b.body["lines"][0]["name"], "Löner");

  auto a = ekonom.post(m.base + "/budgets/2024/approve", {{"date", "2023-11-28"}, {"decided_by", "Förbundsstyrelsen"}});
  ASSERT_EQ(a.status, 200) << a.text;
  EXPECT_EQ(a.body["approved_on"], "2023-11-28");
  EXPECT_TRUE(is_error(ekonom.put(m.base + "/budgets/2024", demo_budget()), 409, "conflict"));
  EXPECT_TRUE(is_error(ekonom.post(m.base + "/budgets/2024/approve", {{"decided_by", "X"}}), 409, "conflict"));

  auto v = ekonom.post(m.base + "/budgets/2024/versions", json::object());
  ASSERT_EQ(v.status, 201) << v.text;
  EXPECT_EQ(v.body["version"], 2);
  EXPECT_EQ(v.body["status"], "draft");
  json changed = demo_budget();
  changed["lines"][2]["amount"] = 70000;
  ASSERT_EQ(ekonom.put(m.base + "/budgets/2024", changed).status, 200);
  auto old = ekonom.get(m.base + "/budgets/2024?version=1");
  EXPECT_EQ(old.body["status"], "approved");
  EXPECT_EQ(old.body["lines"][2]["amount"], 60000);
  EXPECT_EQ(ekonom.get(m.base + "/budgets/2024").body["lines"][2]["amount"], 70000);

  // A unit's own frame (Norra Västmanland's teams).
  auto unit = ekonom.put(m.base + "/budgets/2024?unit=" + std::to_string(m.vastra),
                         {{"lines", json::array({{{"code", "loner"}, {"amount", 1000000}}})}});
  EXPECT_EQ(unit.status, 200) << unit.text;
  EXPECT_EQ(unit.body["unit"], m.vastra);

  // Bad input: unknown line, not a number, above 10^12, three decimals, year outside the period, unknown unit.
  auto bad = [&](json lines) { return ekonom.put(m.base + "/budgets/2025", {{"lines", lines}}); };
  EXPECT_TRUE(is_error(bad(json::array({{{"code", "hyra"}, {"amount", 1}}})), 422, "unprocessable", "lines[0].code"));
  EXPECT_TRUE(is_error(bad(json::array({{{"code", "resor"}, {"amount", "mycket"}}})), 400, "invalid_input",
                       "lines[0].amount"));
  EXPECT_TRUE(is_error(bad(json::array({{{"code", "resor"}, {"amount", 2e12}}})), 422, "unprocessable",
                       "lines[0].amount"));
  EXPECT_TRUE(is_error(bad(json::array({{{"code", "resor"}, {"amount", 1.234}}})), 422, "unprocessable",
                       "lines[0].amount"));
  EXPECT_TRUE(is_error(ekonom.put(m.base + "/budgets/2030", demo_budget()), 422, "unprocessable", "year"));
  EXPECT_TRUE(is_error(ekonom.put(m.base + "/budgets/2025?unit=999999", demo_budget()), 422, "unprocessable", "unit"));
  EXPECT_EQ(ekonom.get(m.base + "/budgets/2025").status, 404);  // nothing half-stored

  // Access: styrgrupp reads, may not write; a coach sees nothing (audited denial).
  auto styrgrupp = logged_in("styrgrupp");
  EXPECT_EQ(styrgrupp.get(m.base + "/budgets/2024").status, 200);
  EXPECT_TRUE(is_error(styrgrupp.put(m.base + "/budgets/2025", demo_budget()), 403, "forbidden"));
  auto coach = logged_in("coach.katrineholm");
  EXPECT_TRUE(is_error(coach.get(m.base + "/budgets/2024"), 403, "forbidden"));
  EXPECT_TRUE(is_error(coach.get(m.base + "/economy?year=2024"), 403, "forbidden"));
  auto audit = admin.get("/api/v1/audit?action=access.denied&record_id=" + std::to_string(m.id));
  EXPECT_GE(audit.body["total"].get<int>(), 2) << audit.text;
}

TEST(MoneyApi, CostsImportEconomyAndForecast) {
  auto admin = logged_in("admin");
  auto m = make_programme(admin);
  auto ekonom = logged_in("ekonom");
  ASSERT_EQ(ekonom.put(m.base + "/budgets/2024", demo_budget()).status, 200);

  auto c = ekonom.post(m.base + "/costs", {{"month", "2024-01"}, {"line", "resor"}, {"amount", 10000}, {"unit", m.vastra_name}});
  ASSERT_EQ(c.status, 201) << c.text;
  // A correction is a new row with a note.
  EXPECT_EQ(ekonom.post(m.base + "/costs", {{"month", "2024-01-31"}, {"line", "resor"}, {"amount", "-500"},
                                            {"unit", m.vastra}, {"note", "Rättelse"}}).status, 201);
  EXPECT_TRUE(is_error(ekonom.post(m.base + "/costs", {{"month", "2024-01"}, {"line", "hyra"}, {"amount", 1}}), 422,
                       "unprocessable", "line"));
  EXPECT_TRUE(is_error(ekonom.post(m.base + "/costs", {{"month", "2023-09"}, {"line", "resor"}, {"amount", 1}}), 422,
                       "unprocessable", "month"));
  EXPECT_TRUE(is_error(ekonom.post(m.base + "/costs", {{"month", "2024-02"}, {"line", "resor"}, {"amount", 1}, {"unit", "Mars"}}),
                       422, "unprocessable", "unit"));
  EXPECT_TRUE(is_error(ekonom.post(m.base + "/costs", {{"month", "2024-02"}, {"line", "resor"}, {"amount", "12,345"}}),
                       422, "unprocessable", "amount"));
  EXPECT_TRUE(is_error(ekonom.post(m.base + "/costs", {{"month", "2024-02"}, {"line", "resor"}, {"amount", "x"}}), 400,
                       "invalid_input", "amount"));
  EXPECT_TRUE(is_error(ekonom.post(m.base + "/costs", {{"month", "mars"}, {"line", "resor"}, {"amount", 1}}), 400,
                       "invalid_input", "month"));
  EXPECT_TRUE(is_error(logged_in("styrgrupp").post(m.base + "/costs", {{"month", "2024-02"}, {"line", "resor"}, {"amount", 1}}),
                       403, "forbidden"));

  // Import: Windows-1252, ';', one bad row → dry run shows every fate, the real import stores nothing.
  std::string unit1252 = m.vastra_name;  // the whole file in Windows-1252: ä is one byte
  unit1252.replace(unit1252.find("\xC3\xA4"), 2, "\xE4");
  std::string csv = "month;line;amount;unit;note\r\n2024-02-29;resor;9 500,00;" + unit1252 + ";feb\r\n"
                    "2024-03;resor;10 000;" + unit1252 + ";mar\r\n"
                    "2024-01;resor;-500;" + unit1252 + ";R\xE4ttelse\r\n"  // the stored correction again
                    "2024-03;loner;1,234;;\r\n";
  auto dry = ekonom.raw("POST", m.base + "/costs/import?dry_run=true", csv, "text/csv", {{"Cookie", ekonom.cookie}, {"X-CSRF-Token", ekonom.csrf}});
  ASSERT_EQ(dry.status, 200) << dry.text;
  ASSERT_EQ(dry.body["rows"].size(), 4u);
  EXPECT_EQ(dry.body["rows"][0]["status"], "ok");
  EXPECT_EQ(dry.body["rows"][2]["status"], "duplicate");
  EXPECT_EQ(dry.body["rows"][3]["status"], "error");
  EXPECT_NE(dry.body["rows"][3]["message"].get<std::string>().find("Rad 4"), std::string::npos);
  auto real = ekonom.raw("POST", m.base + "/costs/import?dry_run=false", csv, "text/csv", {{"Cookie", ekonom.cookie}, {"X-CSRF-Token", ekonom.csrf}});
  EXPECT_EQ(real.status, 422) << real.text;
  EXPECT_EQ(real.body["stored"], 0);
  EXPECT_EQ(real.body["error"]["code"], "unprocessable");
  auto shape = ekonom.raw("POST", m.base + "/costs/import?dry_run=true", "a,b\n1,2\n", "text/csv", {{"Cookie", ekonom.cookie}, {"X-CSRF-Token", ekonom.csrf}});
  EXPECT_TRUE(is_error(shape, 422, "unprocessable", "file"));
  auto utf16 = ekonom.raw("POST", m.base + "/costs/import?dry_run=true", std::string("m\0o\0n\0", 6), "text/csv", {{"Cookie", ekonom.cookie}, {"X-CSRF-Token", ekonom.csrf}});
  EXPECT_TRUE(is_error(utf16, 422, "unprocessable", "file"));
  EXPECT_EQ(ekonom.get(m.base + "/economy?year=2024").body["totals"]["actual"], 9500);  // still only the two rows

  // Without the bad row, with ',' and a BOM: stored, the duplicate skipped.
  std::string good = "\xEF\xBB\xBFmonth,line,amount,unit,note\n2024-02,resor,\"9 500,00\"," + m.vastra_name +
                     ",feb\n2024-03,resor,10000," + m.vastra_name + ",mar\n2024-01,resor,-500," + m.vastra_name +
                     ",Rättelse\n";
  auto ok = ekonom.raw("POST", m.base + "/costs/import?dry_run=false", good, "text/csv", {{"Cookie", ekonom.cookie}, {"X-CSRF-Token", ekonom.csrf}});
  ASSERT_EQ(ok.status, 200) << ok.text;
  EXPECT_EQ(ok.body["stored"], 2);

  auto e = ekonom.get(m.base + "/economy?year=2024");
  ASSERT_EQ(e.status, 200) << e.text;
  EXPECT_EQ(e.body["totals"]["actual"], 29000);
  // A closed year's forecast is its actual: resor 29 000 against 60 000, no warning; the frame's unallocated 20 000.
  EXPECT_EQ(e.body["observed_months"], 12);
  EXPECT_EQ(e.body["lines"][2]["code"], "resor");
  EXPECT_EQ(e.body["lines"][2]["forecast"], 29000);
  EXPECT_EQ(e.body["lines"][2]["over_budget"], false);
  EXPECT_EQ(e.body["unallocated"], 20000);
  EXPECT_EQ(e.body["units"][0]["actual"], 29000);
  EXPECT_TRUE(e.body.contains("cost_per_participant"));
  EXPECT_TRUE(is_error(ekonom.get(m.base + "/economy?year=tjugo"), 400, "invalid_input", "year"));
}

TEST(MoneyApi, RequisitionsPeriodsStatusesAndAccess) {
  auto admin = logged_in("admin");
  auto m = make_programme(admin);
  const std::string user = unique_name("samordnare.pengar");
  ASSERT_NE(create_staff(admin, user, "ett-langt-losenord",
                         json::array({{{"role", "samordnare"}, {"unit_id", m.vastra}, {"fte", 100}}})), 0);
  auto ekonom = logged_in("ekonom");
  ASSERT_EQ(ekonom.post(m.base + "/costs", {{"month", "2024-01"}, {"line", "loner"}, {"amount", 100000}, {"unit", m.vastra}}).status, 201);
  ASSERT_EQ(ekonom.post(m.base + "/costs", {{"month", "2024-02"}, {"line", "resor"}, {"amount", 2500.5}, {"unit", m.vastra}}).status, 201);
  ASSERT_EQ(ekonom.post(m.base + "/costs", {{"month", "2024-02"}, {"line", "resor"}, {"amount", 999}, {"unit", m.ostra}}).status, 201);

  auto sam = logged_in(user, "ett-langt-losenord");
  auto r = sam.post(m.base + "/requisitions", {{"unit", m.vastra}, {"from", "2024-01-01"}, {"to", "2024-02-29"}});
  ASSERT_EQ(r.status, 201) << r.text;
  EXPECT_EQ(r.body["due"], "2024-03-31");
  EXPECT_EQ(r.body["amount"], 102500.5);
  EXPECT_EQ(r.body["status"], "draft");
  const auto id = r.body["id"].get<std::int64_t>();
  EXPECT_TRUE(is_error(sam.post(m.base + "/requisitions", {{"unit", m.vastra}, {"from", "2024-02-01"}, {"to", "2024-03-31"}}),
                       409, "conflict"));
  EXPECT_TRUE(is_error(sam.post(m.base + "/requisitions", {{"unit", m.vastra}, {"from", "2024-03-02"}, {"to", "2024-04-30"}}),
                       422, "unprocessable", "from"));
  EXPECT_TRUE(is_error(sam.post(m.base + "/requisitions", {{"unit", m.ostra}, {"from", "2024-01-01"}, {"to", "2024-02-29"}}),
                       403, "forbidden"));
  // The samordnare sees only the own unit's economy.
  auto own = sam.get(m.base + "/economy?year=2024");
  ASSERT_EQ(own.status, 200) << own.text;
  EXPECT_EQ(own.body["totals"]["actual"], 102500.5);
  EXPECT_EQ(own.body["units"].size(), 1u);

  auto detail = sam.get("/api/v1/requisitions/" + std::to_string(id));
  ASSERT_EQ(detail.status, 200) << detail.text;
  EXPECT_EQ(detail.body["lines"][0]["amount"], 100000);
  auto pdf = sam.get("/api/v1/requisitions/" + std::to_string(id) + ".pdf");
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.text.substr(0, 5), "%PDF-");

  EXPECT_TRUE(is_error(sam.post("/api/v1/requisitions/" + std::to_string(id) + "/status", {{"status", "paid"}, {"date", "2024-03-10"}}),
                       403, "forbidden"));
  auto sent = sam.post("/api/v1/requisitions/" + std::to_string(id) + "/status", {{"status", "sent"}, {"date", "2024-03-05"}});
  ASSERT_EQ(sent.status, 200) << sent.text;
  EXPECT_EQ(sent.body["sent"]["date"], "2024-03-05");
  // Overdue (due 2024-03-31): in the due work of the unit's samordnare and of the ekonom.
  auto has_overdue = [&](ApiClient& c) {
    auto tasks = c.get("/api/v1/tasks");
    EXPECT_EQ(tasks.status, 200) << tasks.text;
    for (const auto& t : tasks.body["items"])
      if (t.value("requisition_id", std::int64_t{0}) == id && t["kind"] == "requisition_overdue") return true;
    return false;
  };
  EXPECT_TRUE(has_overdue(sam));
  EXPECT_TRUE(has_overdue(ekonom));
  auto paid = ekonom.post("/api/v1/requisitions/" + std::to_string(id) + "/status", {{"status", "paid"}, {"date", "2024-03-20"}});
  ASSERT_EQ(paid.status, 200) << paid.text;
  EXPECT_FALSE(has_overdue(ekonom));
  EXPECT_TRUE(is_error(ekonom.post("/api/v1/requisitions/" + std::to_string(id) + "/status", {{"status", "paid"}}), 409, "conflict"));
  auto list = ekonom.get(m.base + "/requisitions?unit=" + std::to_string(m.vastra));
  EXPECT_EQ(list.body["total"], 1);
  EXPECT_TRUE(is_error(logged_in("koordinator.eskilstuna").get(m.base + "/requisitions"), 403, "forbidden"));
}

TEST(MoneyApi, NationalReportCountsAndFiles) {
  auto ekonom = logged_in("ekonom");
  auto r = ekonom.get("/api/v1/national-report?year=2024");
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_EQ(r.body["year"], 2024);
  bool sikta = false;
  for (const auto& p : r.body["programmes"]) {
    if (p["name"] != "Sikta mot arbetslivet") continue;
    sikta = true;
    EXPECT_EQ(p["budget"], 8980000);  // the demo's approved 2024 budget
    EXPECT_GT(p["costs"].get<double>(), 0);
    const auto& t = p["participants"]["total"];
    EXPECT_EQ(t["new"].get<int>(), p["participants"]["female"]["new"].get<int>() + p["participants"]["male"]["new"].get<int>() +
                                       p["participants"]["other"]["new"].get<int>());
  }
  EXPECT_TRUE(sikta);
  auto csv = ekonom.get("/api/v1/national-report.csv?year=2024");
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.text.find("Sikta mot arbetslivet"), std::string::npos);
  auto xlsx = ekonom.get("/api/v1/national-report.xlsx?year=2024");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.text.substr(0, 2), "PK");
  EXPECT_TRUE(is_error(ekonom.get("/api/v1/national-report?year=x"), 400, "invalid_input", "year"));
  EXPECT_TRUE(is_error(logged_in("coach.katrineholm").get("/api/v1/national-report?year=2024"), 403, "forbidden"));

  // The demo's travel runs 12 % over: the forecast for last month's year warns, the salaries do not.
  auto admin = logged_in("admin");
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  const int year = tm.tm_mon == 0 ? tm.tm_year + 1899 : tm.tm_year + 1900;
  auto e = ekonom.get("/api/v1/programmes/" + std::to_string(demo_programme_id(admin)) + "/economy?year=" + std::to_string(year));
  ASSERT_EQ(e.status, 200) << e.text;
  EXPECT_EQ(e.body["lines"][2]["code"], "resor");
  EXPECT_TRUE(e.body["lines"][2]["over_budget"].get<bool>()) << e.body["lines"][2];
  EXPECT_FALSE(e.body["lines"][0]["over_budget"].get<bool>()) << e.body["lines"][0];
  EXPECT_GT(e.body["lines"][2]["forecast"].get<double>(), e.body["lines"][2]["actual"].get<double>() - 1);
  EXPECT_EQ(e.body["units"].size(), 3u);
}

}  // namespace
}  // namespace stegvis::test
