// Money rules of issue #7: amounts and months as users write them, ledger CSV
// reading, the forecast and the over-budget warning, requisition periods and due dates.
#include <gtest/gtest.h>

#include "domain/economy.hpp"
#include "domain/ledger_csv.hpp"
#include "domain/money.hpp"
#include "domain/requisition.hpp"

using namespace stegvis;

TEST(Amount, SwedishAndPlainFormsParseToOre) {
  EXPECT_EQ(*parse_amount("1 234,50"), 123450);
  EXPECT_EQ(*parse_amount("1\u00a0234,5"), 123450);
  EXPECT_EQ(*parse_amount("1234.50"), 123450);
  EXPECT_EQ(*parse_amount("-500"), -50000);
  EXPECT_EQ(*parse_amount("\u2212500"), -50000);
  EXPECT_EQ(*parse_amount("0,10"), 10);
  EXPECT_EQ(*parse_amount("12,300"), 1230);  // trailing zeros beyond öre are harmless
}
TEST(Amount, BadNumbersTooManyDecimalsAndTooLargeAreErrors) {
  EXPECT_EQ(parse_amount("tolv").error().code, ErrorCode::invalid_input);
  EXPECT_EQ(parse_amount("").error().code, ErrorCode::invalid_input);
  EXPECT_EQ(parse_amount("1,").error().code, ErrorCode::invalid_input);
  EXPECT_EQ(parse_amount("1,2,3").error().code, ErrorCode::invalid_input);
  EXPECT_EQ(parse_amount("1,234").error().code, ErrorCode::unprocessable);
  EXPECT_EQ(parse_amount("1000000000001").error().code, ErrorCode::unprocessable);
  EXPECT_TRUE(parse_amount("1000000000000"));
  EXPECT_EQ(parse_amount("99999999999999999999999").error().code, ErrorCode::unprocessable);
  EXPECT_EQ(amount_from_number(1.234).error().code, ErrorCode::unprocessable);
  EXPECT_EQ(*amount_from_number(1234.5), 123450);
  EXPECT_EQ(amount_from_number(2e12).error().code, ErrorCode::unprocessable);
}
TEST(Amount, FormatsWithSpacesAndDecimalComma) {
  EXPECT_EQ(format_sek(898000000), "8\u00a0980\u00a0000");
  EXPECT_EQ(format_sek(-123450), "-1\u00a0234,50");
  EXPECT_EQ(format_sek(5), "0,05");
}
TEST(Month, DateOrMonthGivesTheMonth) {
  EXPECT_EQ(*parse_month("2024-03-31"), "2024-03");
  EXPECT_EQ(*parse_month("2024-03"), "2024-03");
  EXPECT_FALSE(parse_month("2024-13"));
  EXPECT_FALSE(parse_month("2024-02-30"));
  EXPECT_FALSE(parse_month("mars"));
  EXPECT_TRUE(month_in_period("2023-10", "2023-10-01", "2028-09-30"));
  EXPECT_FALSE(month_in_period("2023-09", "2023-10-01", "2028-09-30"));
  EXPECT_FALSE(month_in_period("2028-10", "2023-10-01", "2028-09-30"));
  EXPECT_EQ(to_string(month_last_day("2024-02")), "2024-02-29");
}
TEST(Budget, UnallocatedIsFrameMinusLines) {
  Budget b;
  b.frame = 900000000;
  for (const auto& l : demo_budget_2024()) b.lines.push_back({l.code, "", Ore{l.tkr} * 100000});
  ASSERT_FALSE(check_budget_draft(b));
  EXPECT_EQ(b.total(), 898000000);
  EXPECT_EQ(*b.unallocated(), 2000000);  // 20 tkr
  EXPECT_EQ(b.lines[0].name, "Löner");
}
TEST(Budget, UnknownOrRepeatedLinesAndLinesOverTheFrameAreRejected) {
  Budget b;
  b.lines = {{"hyra", "", 1}};
  EXPECT_EQ(check_budget_draft(b)->field, "lines[0].code");
  b.lines = {{"resor", "", 1}, {"resor", "", 2}};
  EXPECT_EQ(check_budget_draft(b)->field, "lines[1].code");
  b.lines = {{"resor", "", 200}};
  b.frame = 100;
  EXPECT_EQ(check_budget_draft(b)->field, "lines");
}

TEST(LedgerCsv, SemicolonUtf8WithBomAndSwedishAmounts) {
  auto rows = parse_ledger("\xEF\xBB\xBFmonth;line;amount;unit;note\r\n2024-03-31;loner;1 234,50;Västra;mars\r\n"
                           "2024-04;resor;-500;;\r\n");
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].month, "2024-03");
  EXPECT_EQ((*rows)[0].amount, 123450);
  EXPECT_EQ((*rows)[0].unit, "Västra");
  EXPECT_EQ((*rows)[1].amount, -50000);
  EXPECT_EQ((*rows)[1].row, 2);
}
TEST(LedgerCsv, CommaSeparatedWithQuotedAmountAndWindows1252) {
  auto rows = parse_ledger("month,line,amount,unit,note\n2024-05,ovrigt,\"1 000,25\",V\xE4stra,\"a \"\"b\"\", c\"\n");
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].amount, 100025);
  EXPECT_EQ((*rows)[0].unit, "Västra");
  EXPECT_EQ((*rows)[0].note, "a \"b\", c");
}
TEST(LedgerCsv, BadRowsCarryAReasonNamingTheRowAndOthersAreRead) {
  auto rows = parse_ledger("månad;rad;belopp\n2024-03;loner;100\n2024-3;loner;100\n2024-03;hyra;1\n2024-03;resor;1,234\n");
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ((*rows)[0].error, "");
  EXPECT_NE((*rows)[1].error.find("Rad 2"), std::string::npos);
  EXPECT_NE((*rows)[2].error.find("hyra"), std::string::npos);
  EXPECT_NE((*rows)[3].error.find("decimaler"), std::string::npos);
}
TEST(LedgerCsv, WrongShapeOrEncodingFailsTheWholeFile) {
  EXPECT_FALSE(parse_ledger(""));
  EXPECT_FALSE(parse_ledger("a;b;c\n1;2;3\n"));
  EXPECT_FALSE(parse_ledger(std::string("m\0o\0n\0", 6)));
  EXPECT_FALSE(parse_ledger("month;line;amount\n\"2024-03;loner;1\n"));
  EXPECT_FALSE(parse_ledger("month;line;amount\n2024-03;loner;\x81\n"));
}
TEST(LedgerCsv, RecordsKeepLineBreaksInsideQuotes) {
  auto r = parse_csv_records("a;\"x\ny\";c\rd;e", ';');
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0][1], "x\ny");
  EXPECT_EQ((*r)[1][1], "e");
}

TEST(Forecast, ActualPlusRemainingMonthsAtTheObservedRate) {
  EXPECT_EQ(forecast(300, 3, 1000), 1200);
  EXPECT_EQ(forecast(1000, 12, 5000), 1000);
  EXPECT_EQ(forecast(0, 0, 5000), 5000);
  std::vector<CostTotal> costs{{"2024-01", "loner", 0, 1}, {"2024-05", "loner", 0, 1}};
  EXPECT_EQ(observed_months(2024, {2024, 11, 1}, costs), 5);
  EXPECT_EQ(observed_months(2024, {2024, 3, 1}, costs), 3);
  EXPECT_EQ(observed_months(2023, {2024, 3, 1}, costs), 12);
  EXPECT_EQ(observed_months(2025, {2024, 3, 1}, costs), 0);
}
TEST(Forecast, WarnsOnlyAboveFivePercentOverBudget) {
  EXPECT_FALSE(over_budget(105, 100));
  EXPECT_TRUE(over_budget(106, 100));
  EXPECT_TRUE(over_budget(1, 0));
}
TEST(Economy, LinesUnitsTotalsAndCumulativeSeries) {
  EconomyInput in;
  in.year = 2024;
  in.today = {2024, 7, 10};
  in.lines = default_budget_lines();
  in.line_budget = {{"loner", 1200}, {"resor", 120}};
  in.unit_names = {{1, "Västra"}, {2, "Södra"}};
  in.unit_budget = {{1, 600}};
  in.costs = {{"2024-01", "loner", 1, 100}, {"2024-02", "loner", 2, 100}, {"2024-03", "resor", 1, 30},
              {"2024-03", "loner", 0, 100}};
  Economy e = build_economy(in);
  EXPECT_EQ(e.observed_months, 3);
  EXPECT_EQ(e.lines[0].actual, 300);
  EXPECT_EQ(e.lines[0].forecast, 1200);
  EXPECT_FALSE(e.lines[0].over);
  EXPECT_EQ(e.lines[2].forecast, 120);  // resor: 30 in 3 months → 120
  EXPECT_TRUE(e.lines[2].over == false);
  EXPECT_EQ(e.units.size(), 3u);  // Västra, Södra and the costs without a unit
  EXPECT_EQ(e.units[0].actual, 130);
  EXPECT_TRUE(e.units[0].has_budget);
  EXPECT_FALSE(e.units[1].has_budget);
  EXPECT_EQ(e.totals.actual, 330);
  EXPECT_EQ(e.totals.budget, 1320);
  EXPECT_EQ(e.cumulative_actual, (std::vector<Ore>{100, 200, 330}));
}
TEST(Economy, CostPerParticipantHidesDenominatorsUnderFive) {
  EconomyInput in;
  in.year = 2024;
  in.today = {2025, 1, 10};
  in.lines = default_budget_lines();
  in.unit_names = {{1, "Västra"}};
  in.costs = {{"2024-01", "loner", 1, 1000000}};
  for (int i = 0; i < 10; ++i) {
    EnrolmentFacts f;
    f.unit_id = 1;
    f.track = "unga";
    f.start = {2024, 1, 1};
    if (i < 4) {
      f.exit = Date{2024, 6, 30};
      f.outcome = "arbete";
    }
    in.enrolments.push_back(f);
  }
  Economy e = build_economy(in);
  const auto& total = e.cost_per_participant[0];
  EXPECT_EQ(total.started, 10);
  EXPECT_EQ(*total.per_started, 100000);
  EXPECT_FALSE(total.per_exit);  // 4 exits: a small cell
  EXPECT_GT(total.participant_months, 90);
  ASSERT_TRUE(total.per_participant_month);
}

TEST(Requisition, DefaultPeriodIsTheLastCompleteTwoMonths) {
  auto p = default_requisition_period({2024, 11, 25});
  EXPECT_EQ(to_string(p.from), "2024-09-01");
  EXPECT_EQ(to_string(p.to), "2024-10-31");
  p = default_requisition_period({2024, 12, 5});
  EXPECT_EQ(to_string(p.from), "2024-09-01");
  p = default_requisition_period({2025, 1, 5});
  EXPECT_EQ(to_string(p.from), "2024-11-01");
  EXPECT_EQ(to_string(p.to), "2024-12-31");
}
TEST(Requisition, DueIsTheLastDayOfTheFollowingMonth) {
  EXPECT_EQ(to_string(requisition_due({2024, 10, 31})), "2024-11-30");
  EXPECT_EQ(to_string(requisition_due({2024, 12, 31})), "2025-01-31");
  EXPECT_EQ(to_string(requisition_due({2024, 1, 31})), "2024-02-29");
}
TEST(Requisition, PeriodsAreWholeMonthsAndOverlapsAreFound) {
  EXPECT_EQ(check_requisition_period("2024-01-02", "2024-02-29").error().field, "from");
  EXPECT_EQ(check_requisition_period("2024-01-01", "2024-02-28").error().field, "to");
  EXPECT_EQ(check_requisition_period("2024-03-01", "2024-02-29").error().field, "to");
  auto a = *check_requisition_period("2024-01-01", "2024-02-29");
  auto b = *check_requisition_period("2024-02-01", "2024-03-31");
  auto c = *check_requisition_period("2024-03-01", "2024-04-30");
  EXPECT_TRUE(periods_overlap(a, b));
  EXPECT_FALSE(periods_overlap(a, c));
}
TEST(Requisition, StatusGoesDraftSentPaid) {
  Requisition r;
  r.to = "2024-02-29";
  EXPECT_EQ(check_requisition_step(r, "paid", "2024-03-05")->code, ErrorCode::conflict);
  EXPECT_EQ(check_requisition_step(r, "sent", "2024-02-01")->code, ErrorCode::unprocessable);
  EXPECT_FALSE(check_requisition_step(r, "sent", "2024-03-05"));
  r.status = "sent";
  r.sent_on = "2024-03-05";
  r.due = "2024-03-31";
  EXPECT_FALSE(check_requisition_step(r, "paid", "2024-03-20"));
  EXPECT_TRUE(requisition_overdue(r, {2024, 4, 1}));
  EXPECT_FALSE(requisition_overdue(r, {2024, 3, 31}));
}
