// Small-cell suppression in the period report's document (what the page and
// every export show): counts 1–4 become "<5", shares and means over 1–4
// persons are hidden, 0 and 5+ are shown; without suppression all is shown.
#include "reports/period_report_document.hpp"

#include <gtest/gtest.h>

using namespace stegvis;
using namespace stegvis::reports;
using Kind = TableCell::Kind;

TEST(SmallCells, CountsOneToFourAreHiddenZeroAndFiveShown) {
  EXPECT_EQ(count_cell(0, true).kind, Kind::number);
  for (int n = 1; n <= 4; ++n) EXPECT_EQ(count_cell(n, true).kind, Kind::suppressed) << n;
  EXPECT_EQ(count_cell(5, true).kind, Kind::number);
  EXPECT_EQ(count_cell(3, false).kind, Kind::number);
  EXPECT_DOUBLE_EQ(count_cell(3, false).value, 3);
}

TEST(SmallCells, ShareHiddenWhenNumeratorOrDenominatorIsSmall) {
  EXPECT_EQ(share_cell({3, 10}, true).kind, Kind::suppressed);   // numerator 3
  EXPECT_EQ(share_cell({0, 4}, true).kind, Kind::suppressed);    // denominator 4
  EXPECT_EQ(share_cell({0, 10}, true).kind, Kind::percent);      // 0 of 10 is shown
  EXPECT_EQ(share_cell({0, 0}, true).kind, Kind::empty);         // no data
  EXPECT_DOUBLE_EQ(share_cell({6, 12}, true).value, 50);
  EXPECT_EQ(share_cell({3, 10}, false).kind, Kind::percent);
  EXPECT_EQ(mean_cell(12.5, 4, true).kind, Kind::suppressed);
  EXPECT_EQ(mean_cell(12.5, 5, true).kind, Kind::number);
}

TEST(SmallCells, EveryTableOfTheDocumentHidesTheSameCells) {
  PeriodReport r;
  r.from = {2024, 7, 1};
  r.to = {2024, 9, 30};
  r.group_by = "unit";
  auto fill = [](GroupFigures& g, std::string label, int exited) {
    g.label = std::move(label);
    g.exited = exited;
    g.started = 7;
    for (const auto& o : exit_outcomes()) g.exits_by_outcome[o.code] = 0;
    for (const auto& s : income_sources()) g.income_before[s.code] = g.income_after[s.code] = 0;
    for (const auto& a : goal_areas()) g.goals[a.code] = {};
    g.exits_by_outcome["arbete"] = exited;
  };
  r.groups.resize(1);
  fill(r.groups[0], "Västra", 2);
  fill(r.total, "Totalt", 2);
  std::vector<Target> targets;
  auto doc = period_report_document({"Sikta", "", &r, &targets, true});
  ASSERT_FALSE(doc.tables.empty());
  const auto& volumes = doc.tables[0];
  EXPECT_EQ(volumes.title, "Volymer");
  EXPECT_EQ(volumes.rows[0][2].kind, Kind::number);      // started 7
  EXPECT_EQ(volumes.rows[0][3].kind, Kind::suppressed);  // exited 2
  EXPECT_FALSE(volumes.note.empty());
  const auto& outcomes = doc.tables[1];
  EXPECT_EQ(outcomes.rows[0][1].kind, Kind::suppressed);  // Arbete: 2
  ASSERT_EQ(doc.charts.size(), 2u);
  EXPECT_FALSE(doc.charts[0].series[1].values[0].has_value());  // exited 2: a gap, not the number
  auto open = period_report_document({"Sikta", "Västra", &r, &targets, false});
  EXPECT_EQ(open.tables[0].rows[0][3].kind, Kind::number);
  EXPECT_TRUE(open.tables[0].note.empty());
  EXPECT_NE(open.subtitle.find("Västra"), std::string::npos);
}
