// Calendar dates: parsing, printing, day and month arithmetic, ages.
#include "domain/date.hpp"

#include <gtest/gtest.h>

using namespace stegvis;

namespace {
Date d(int y, int m, int day) { return {y, m, day}; }
}  // namespace

TEST(Date, ParseReadsYearMonthDay) {
  auto p = parse_date("2024-02-29");
  ASSERT_TRUE(p);
  EXPECT_EQ(*p, d(2024, 2, 29));
}
TEST(Date, ParseRejectsImpossibleDates) {
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("2100-02-29"));
  EXPECT_FALSE(parse_date("2024-04-31"));
  EXPECT_FALSE(parse_date("2024-00-10"));
  EXPECT_FALSE(parse_date("2024-01-00"));
  EXPECT_FALSE(parse_date("2024-1-01"));
  EXPECT_FALSE(parse_date(""));
}
TEST(Date, ParseAcceptsLeapDayOfCenturyDivisibleByFourHundred) { EXPECT_TRUE(parse_date("2000-02-29")); }
TEST(Date, ParseRangeIs1900To2200) {
  EXPECT_TRUE(parse_date("1900-01-01"));
  EXPECT_TRUE(parse_date("2200-12-31"));
  EXPECT_FALSE(parse_date("1899-12-31"));
  EXPECT_FALSE(parse_date("2201-01-01"));
}
TEST(Date, ToStringPadsWithZeros) { EXPECT_EQ(to_string(d(2024, 3, 5)), "2024-03-05"); }
TEST(Date, ToStringRoundTripsParse) { EXPECT_EQ(to_string(*parse_date("1999-12-31")), "1999-12-31"); }

TEST(Date, DayNumberCountsFromEpoch) {
  EXPECT_EQ(day_number(d(1970, 1, 1)), 0);
  EXPECT_EQ(day_number(d(1970, 1, 2)), 1);
  EXPECT_EQ(day_number(d(1969, 12, 31)), -1);
  EXPECT_EQ(day_number(d(2000, 3, 1)), 11017);
  EXPECT_EQ(day_number(d(1900, 1, 1)), -25567);
}
TEST(Date, AddDaysCrossesMonthAndYearEnds) {
  EXPECT_EQ(add_days(d(2024, 1, 31), 1), d(2024, 2, 1));
  EXPECT_EQ(add_days(d(2023, 12, 31), 1), d(2024, 1, 1));
  EXPECT_EQ(add_days(d(2024, 3, 1), -1), d(2024, 2, 29));
  EXPECT_EQ(add_days(d(2023, 3, 1), -1), d(2023, 2, 28));
  EXPECT_EQ(add_days(d(2024, 6, 15), 0), d(2024, 6, 15));
}
TEST(Date, AddDaysKnowsLeapYears) {
  EXPECT_EQ(add_days(d(2024, 1, 1), 366), d(2025, 1, 1));
  EXPECT_EQ(add_days(d(2023, 1, 1), 365), d(2024, 1, 1));
  EXPECT_EQ(add_days(d(1900, 2, 28), 1), d(1900, 3, 1));  // 1900 is not a leap year
}
TEST(Date, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(add_months(d(2024, 1, 31), 1), d(2024, 2, 29));
  EXPECT_EQ(add_months(d(2023, 1, 31), 1), d(2023, 2, 28));
  EXPECT_EQ(add_months(d(2024, 3, 31), 1), d(2024, 4, 30));
  EXPECT_EQ(add_months(d(2024, 2, 29), 12), d(2025, 2, 28));
}
TEST(Date, AddMonthsCrossesYears) {
  EXPECT_EQ(add_months(d(2024, 11, 15), 3), d(2025, 2, 15));
  EXPECT_EQ(add_months(d(2024, 1, 15), -1), d(2023, 12, 15));
  EXPECT_EQ(add_months(d(2024, 5, 31), -3), d(2024, 2, 29));
  EXPECT_EQ(add_months(d(2024, 6, 15), 0), d(2024, 6, 15));
}
TEST(Date, DaysBetweenIsSigned) {
  EXPECT_EQ(days_between(d(2024, 1, 1), d(2024, 12, 31)), 365);
  EXPECT_EQ(days_between(d(2024, 12, 31), d(2024, 1, 1)), -365);
  EXPECT_EQ(days_between(d(2024, 2, 28), d(2024, 3, 1)), 2);
  EXPECT_EQ(days_between(d(2024, 5, 5), d(2024, 5, 5)), 0);
}
TEST(Date, AgeCountsCompletedYears) {
  EXPECT_EQ(age_on(d(2000, 6, 15), d(2018, 6, 14)), 17);
  EXPECT_EQ(age_on(d(2000, 6, 15), d(2018, 6, 15)), 18);
  EXPECT_EQ(age_on(d(2000, 6, 15), d(2018, 12, 31)), 18);
  EXPECT_EQ(age_on(d(2000, 6, 15), d(2000, 6, 15)), 0);
}
TEST(Date, AgeOfLeapDayBirthTurnsOnFirstOfMarchInCommonYears) {
  EXPECT_EQ(age_on(d(2004, 2, 29), d(2022, 2, 28)), 17);
  EXPECT_EQ(age_on(d(2004, 2, 29), d(2022, 3, 1)), 18);
  EXPECT_EQ(age_on(d(2004, 2, 29), d(2024, 2, 29)), 20);
}
TEST(Date, ComparesChronologically) {
  EXPECT_LT(d(2024, 1, 31), d(2024, 2, 1));
  EXPECT_LT(d(2023, 12, 31), d(2024, 1, 1));
  EXPECT_EQ(d(2024, 2, 29), d(2024, 2, 29));
}
