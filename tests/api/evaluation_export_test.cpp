// GET /api/v1/programmes/{id}/export/evaluation.csv|.xlsx: every row equals an
// independent SQL computation on a fixture built through the API; the file
// holds no name, personal number or free text (of the fixture or the demo
// data); pseudonyms are stable per programme and differ between programmes;
// only the evaluator and the programme lead may export; each export is audited.
#include <gtest/gtest.h>

#include <set>

#include "api/evaluation_export_support.hpp"
#include "api/participant_support.hpp"
#include "reports/writer_test_support.hpp"

namespace stegvis::test {
namespace {

std::string export_path(std::int64_t programme, const std::string& ext, const std::string& from,
                        const std::string& to) {
  return "/api/v1/programmes/" + std::to_string(programme) + "/export/evaluation." + ext + "?from=" + from +
         "&to=" + to;
}

std::map<std::string, std::vector<std::string>> by_key(const std::vector<std::vector<std::string>>& rows) {
  std::map<std::string, std::vector<std::string>> out;
  for (std::size_t i = 1; i < rows.size(); ++i) out[rows[i][0] + " " + rows[i][7]] = rows[i];
  return out;
}

TEST(EvaluationExport, EveryRowAndCellEqualsAnIndependentSqlComputation) {
  const auto& f = evaluation_fixture();
  ApiClient evaluator = logged_in("utvarderare");
  auto r = evaluator.get(export_path(f.programme, "csv", f.from, f.to));
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_EQ(r.header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_NE(r.header("Content-Disposition").find("attachment; filename=\"utvardering-"), std::string::npos);

  auto rows = parse_export_csv(r.text);
  ASSERT_FALSE(rows.empty()) << "no BOM or no header: " << r.text.substr(0, 200);
  EXPECT_EQ(rows[0], expected_columns());
  auto expected = expected_rows(f.programme, f.from, f.to);
  // The returning person twice, the anonymous one, the late starter, the boundary exit.
  EXPECT_EQ(expected.size(), 5u);
  auto got = by_key(rows);
  ASSERT_EQ(got.size(), expected.size());
  ASSERT_EQ(rows.size(), expected.size() + 1);
  for (const auto& [key, want] : expected) {
    ASSERT_TRUE(got.count(key)) << "missing row " << key;
    const auto& have = got[key];
    ASSERT_EQ(have.size(), want.size()) << key;
    for (std::size_t c = 0; c < want.size(); ++c) EXPECT_EQ(have[c], want[c]) << key << " column " << expected_columns()[c];
  }
}

// Hand-checked values of the fixture, so that a shared mistake of product and test SQL cannot hide.
TEST(EvaluationExport, FixtureValuesByHand) {
  const auto& f = evaluation_fixture();
  ApiClient evaluator = logged_in("utvarderare");
  auto rows = parse_export_csv(evaluator.get(export_path(f.programme, "csv", f.from, f.to)).text);
  auto got = by_key(rows);
  std::vector<std::string> first_row;
  for (const auto& [key, row] : got)
    if (row[7] == day(-150)) first_row = row;
  ASSERT_FALSE(first_row.empty());
  EXPECT_EQ(first_row[1].rfind("Väst ", 0), 0u) << first_row[1];
  EXPECT_EQ(first_row[2], "Katrineholm");
  EXPECT_EQ(first_row[8], "sjukpenning");
  EXPECT_EQ(first_row[12], day(-60));
  EXPECT_EQ(first_row[13], "arbete");
  EXPECT_EQ(first_row[14], "lon,annan");
  EXPECT_EQ(first_row[16], "90");
  EXPECT_EQ(first_row[17], "18,5");  // ORS first
  EXPECT_EQ(first_row[18], "27,5");  // ORS latest
  EXPECT_EQ(first_row[19], "35,5");
  EXPECT_EQ(first_row[20], "39");
  EXPECT_EQ(first_row[21], "2");  // goal_start_tilltro
  EXPECT_EQ(first_row[25], "1");  // goal_start_maende
  EXPECT_EQ(first_row[26], "4");  // goal_exit_tilltro
  EXPECT_EQ(first_row[28], "5");  // goal_exit_studier
  for (const auto& [key, row] : got) {
    if (row[7] == f.to) {  // started on the last day, exited after it
      EXPECT_EQ(row[4], "other");
      EXPECT_EQ(row[12], "");
      EXPECT_EQ(row[13], "");
      EXPECT_EQ(row[29], "");
    }
    if (row[7] == f.from) {  // the anonymous one: the ORS after the period is not the latest
      EXPECT_EQ(row[3], "unga");
      EXPECT_EQ(row[17], "12");
      EXPECT_EQ(row[18], "12");
    }
    if (row[12] == f.from) {  // exited on the first day: counts
      EXPECT_EQ(row[13], "avbrott");
    }
  }
}

TEST(EvaluationExport, PseudonymIsStablePerProgrammeAndDiffersBetweenProgrammes) {
  const auto& f = evaluation_fixture();
  ApiClient evaluator = logged_in("utvarderare");
  auto once = evaluator.get(export_path(f.programme, "csv", f.from, f.to));
  auto again = evaluator.get(export_path(f.programme, "csv", f.from, f.to));
  ASSERT_EQ(once.status, 200);
  EXPECT_EQ(once.text, again.text) << "two exports of the same period are identical";

  auto rows = parse_export_csv(once.text);
  std::vector<std::string> returning;
  for (std::size_t i = 1; i < rows.size(); ++i)
    if (rows[i][7] == day(-150) || rows[i][7] == day(-50)) returning.push_back(rows[i][0]);
  ASSERT_EQ(returning.size(), 2u);
  EXPECT_EQ(returning[0], returning[1]) << "one person, two enrolments, one pseudonym";
  EXPECT_EQ(returning[0].size(), 16u);

  auto other = parse_export_csv(evaluator.get(export_path(f.other_programme, "csv", f.from, f.to)).text);
  ASSERT_EQ(other.size(), 2u);
  EXPECT_NE(other[1][0], returning[0]) << "the same person has another pseudonym in another programme";
  // Pseudonyms are distinct between people.
  std::set<std::string> distinct;
  for (std::size_t i = 1; i < rows.size(); ++i) distinct.insert(rows[i][0]);
  EXPECT_EQ(distinct.size(), rows.size() - 2);
}

TEST(EvaluationExport, HoldsNoNamesNumbersOrFreeText) {
  const auto& f = evaluation_fixture();
  ApiClient evaluator = logged_in("utvarderare");
  std::string fixture = evaluator.get(export_path(f.programme, "csv", "2000-01-01", "2099-12-31")).text;
  for (const auto& s : f.identifying) {
    EXPECT_EQ(fixture.find(s), std::string::npos) << s;
    if (s.size() == 12) {
      EXPECT_EQ(fixture.find(s.substr(2)), std::string::npos) << s;
    }
  }
  // The demo programme's whole history against every identity in the database.
  ApiClient admin = logged_in("admin");
  auto demo = evaluator.get(export_path(demo_programme_id(admin), "csv", "2000-01-01", "2099-12-31"));
  ASSERT_EQ(demo.status, 200) << demo.text;
  auto rows = parse_export_csv(demo.text);
  EXPECT_GT(rows.size(), 100u) << "the demo data's enrolments are exported";
  auto identities = all_identities();
  EXPECT_GT(identities.size(), 100u);
  for (const auto& id : identities) {
    ASSERT_EQ(demo.text.find(id), std::string::npos) << "identity in the export";
    if (id.size() == 12 && id.find_first_not_of("0123456789") == std::string::npos) {
      ASSERT_EQ(demo.text.find(id.substr(2)), std::string::npos) << "10-digit personal number in the export";
    }
  }
}

TEST(EvaluationExport, XlsxHoldsTheSameRowsAsTheCsv) {
  const auto& f = evaluation_fixture();
  ApiClient evaluator = logged_in("insatsansvarig");
  auto csv = parse_export_csv(evaluator.get(export_path(f.programme, "csv", f.from, f.to)).text);
  auto xlsx = evaluator.get(export_path(f.programme, "xlsx", f.from, f.to));
  ASSERT_EQ(xlsx.status, 200) << xlsx.text;
  EXPECT_EQ(xlsx.header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  auto sheets = xlsx_sheets_via_libreoffice(xlsx.text, {"Utvärdering"});
  ASSERT_EQ(sheets.size(), 1u);
  auto rows = sheets[0].second;
  ASSERT_EQ(rows.size(), csv.size());
  EXPECT_EQ(rows[0], expected_columns());
  auto want = by_key(csv), have = by_key(rows);
  for (const auto& [key, row] : want) {
    ASSERT_TRUE(have.count(key)) << key;
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::string a = row[c], b = c < have[key].size() ? have[key][c] : "";
      if (c == 5 || c >= 16) {  // numbers: a decimal comma in the CSV, a raw value from LibreOffice
        for (auto& ch : a)
          if (ch == ',') ch = '.';
      }
      EXPECT_EQ(b, a) << key << " column " << expected_columns()[c];
    }
  }
}

TEST(EvaluationExport, OnlyTheEvaluatorAndTheProgrammeLeadMayExport) {
  const auto& f = evaluation_fixture();
  ApiClient admin = logged_in("admin");
  for (const char* who : {"coach.katrineholm", "samordnare.vastra", "styrgrupp", "admin"}) {
    ApiClient c = logged_in(who);
    EXPECT_TRUE(is_error(c.get(export_path(f.programme, "csv", f.from, f.to)), 403, "forbidden")) << who;
    EXPECT_TRUE(is_error(c.get(export_path(f.programme, "xlsx", f.from, f.to)), 403, "forbidden")) << who;
  }
  auto denied = audit_entries(admin, "action=access.denied&user=coach.katrineholm");
  bool found = false;
  for (const auto& e : denied) found = found || e.value("detail", "").find("export.evaluation") != std::string::npos;
  EXPECT_TRUE(found) << denied.dump();
  ApiClient lead = logged_in("insatsansvarig");
  EXPECT_EQ(lead.get(export_path(f.programme, "csv", f.from, f.to)).status, 200);
}

TEST(EvaluationExport, IsAuditedByCountNotContent) {
  const auto& f = evaluation_fixture();
  ApiClient evaluator = logged_in("utvarderare");
  auto r = evaluator.get(export_path(f.programme, "csv", f.from, f.to));
  ASSERT_EQ(r.status, 200);
  ApiClient admin = logged_in("admin");
  auto entries = audit_entries(admin, "action=export.evaluation&user=utvarderare");
  ASSERT_FALSE(entries.empty());
  const auto& e = entries[0];
  EXPECT_EQ(e.value("record_type", ""), "programme");
  EXPECT_EQ(e.value("record_id", ""), std::to_string(f.programme));
  std::string detail = e.value("detail", "");
  EXPECT_NE(detail.find("5 rader"), std::string::npos) << detail;
  EXPECT_NE(detail.find(f.from), std::string::npos) << detail;
  auto rows = parse_export_csv(r.text);
  EXPECT_EQ(e.dump().find(rows.at(1).at(0)), std::string::npos) << "no pseudonym in the audit log";
}

TEST(EvaluationExport, BadPeriodsAndUnknownProgrammesAreExplained) {
  const auto& f = evaluation_fixture();
  ApiClient evaluator = logged_in("utvarderare");
  std::string base = "/api/v1/programmes/" + std::to_string(f.programme) + "/export/evaluation.csv";
  EXPECT_TRUE(is_error(evaluator.get(base + "?to=2026-01-01"), 400, "invalid_input", "from"));
  EXPECT_TRUE(is_error(evaluator.get(base + "?from=2026-01-01"), 400, "invalid_input", "to"));
  EXPECT_TRUE(is_error(evaluator.get(base + "?from=2026-02-30&to=2026-03-01"), 400, "invalid_input", "from"));
  EXPECT_TRUE(is_error(evaluator.get(base + "?from=2026-03-01&to=2026-02-01"), 400, "invalid_input", "to"));
  EXPECT_TRUE(is_error(evaluator.get("/api/v1/programmes/999999999/export/evaluation.csv?from=2026-01-01&to=2026-02-01"),
                       404, "not_found"));
}

}  // namespace
}  // namespace stegvis::test
