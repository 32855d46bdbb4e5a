// The evaluator table: stable column names, one row per enrolment, exit
// variables only when the exit lies inside the period, and a plain CSV.
#include <gtest/gtest.h>

#include "reports/evaluation_table.hpp"
#include "reports/writer_test_support.hpp"

namespace stegvis::test {
namespace {

using reports::TableCell;

EvaluationFacts exited_facts() {
  EvaluationFacts f;
  f.pseudonym = "0123456789abcdef";
  f.unit = "Västra";
  f.municipality = "Vingåker";
  f.track = "unga";
  f.gender = "female";
  f.birth_year = 2001;
  f.start_date = "2026-02-01";
  f.income_before = {"forsorjningsstod", "ingen"};
  f.support_duration = "1_2";
  f.education = "gymnasial";
  f.occupation_before = "arbetslos";
  f.exit_date = "2026-06-30";
  f.outcome = "studier";
  f.income_after = {"studiemedel"};
  f.occupation_after = "studerande";
  f.ors_first = 18.5;
  f.ors_latest = 27;
  f.srs_first = 35;
  f.goal_ratings = {{"start", "tilltro", 2}, {"exit", "tilltro", 4}, {"start", "maende", 1}};
  return f;
}

std::size_t column(const std::string& name) {
  const auto& c = reports::evaluation_columns();
  return static_cast<std::size_t>(std::find(c.begin(), c.end(), name) - c.begin());
}

TEST(EvaluationTable, ColumnsAreTheContractsNamesAndNeverIdentifying) {
  const auto& c = reports::evaluation_columns();
  EXPECT_EQ(c.size(), 21u + 10u);
  EXPECT_EQ(c.front(), "pseudonym");
  EXPECT_EQ(c.back(), "goal_exit_maende");
  for (const auto& name : c)
    for (const char* banned : {"name", "personal", "contact", "note", "text", "enrolment_id", "person_id"})
      EXPECT_EQ(name.find(banned), std::string::npos) << name;
}

TEST(EvaluationTable, ExitInsideThePeriodIsExported) {
  auto t = reports::evaluation_table({exited_facts()}, *parse_date("2026-06-30"));
  ASSERT_EQ(t.rows.size(), 1u);
  const auto& row = t.rows[0];
  ASSERT_EQ(row.size(), t.headings.size());
  EXPECT_EQ(row[column("age_at_start")].value, 25);
  EXPECT_EQ(row[column("age_band")].text, "25–29");
  EXPECT_EQ(row[column("income_sources")].text, "forsorjningsstod,ingen");
  EXPECT_EQ(row[column("exit_date")].text, "2026-06-30");
  EXPECT_EQ(row[column("outcome")].text, "studier");
  EXPECT_EQ(row[column("days_in_programme")].value, 149);
  EXPECT_EQ(row[column("ors_first")].value, 18.5);
  EXPECT_EQ(row[column("srs_latest")].kind, TableCell::Kind::empty);
  EXPECT_EQ(row[column("goal_start_tilltro")].value, 2);
  EXPECT_EQ(row[column("goal_exit_tilltro")].value, 4);
  EXPECT_EQ(row[column("goal_exit_maende")].kind, TableCell::Kind::empty);
}

TEST(EvaluationTable, ExitAfterThePeriodIsNotYetKnown) {
  auto t = reports::evaluation_table({exited_facts()}, *parse_date("2026-06-29"));
  const auto& row = t.rows.at(0);
  for (const char* c : {"exit_date", "outcome", "income_sources_after", "occupation_after", "days_in_programme",
                        "goal_exit_tilltro"})
    EXPECT_EQ(row[column(c)].kind, TableCell::Kind::empty) << c;
  EXPECT_EQ(row[column("goal_start_tilltro")].value, 2);
}

TEST(EvaluationTable, CsvIsAHeaderAndOneLinePerEnrolment) {
  auto second = exited_facts();
  second.pseudonym = "fedcba9876543210";
  second.exit_date.clear();
  std::string csv = reports::table_to_csv(reports::evaluation_table({exited_facts(), second}, *parse_date("2026-12-31")));
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  auto rows = parse_csv(csv.substr(3), ';');
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], reports::evaluation_columns());
  EXPECT_EQ(rows[1][column("ors_first")], "18,5");
  EXPECT_EQ(rows[1][column("municipality")], "Vingåker");
  EXPECT_EQ(rows[2][column("exit_date")], "");
  EXPECT_EQ(rows[2].size(), reports::evaluation_columns().size());
}

}  // namespace
}  // namespace stegvis::test
