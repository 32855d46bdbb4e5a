// The evaluator export's rules: age at start and its band, and that an exit
// after the period is not yet known at the period's end.
#include <gtest/gtest.h>

#include "domain/evaluation.hpp"

namespace stegvis {
namespace {

Date d(const char* s) { return *parse_date(s); }

TEST(Evaluation, AgeAtStartIsStartYearMinusBirthYear) {
  EXPECT_EQ(age_at_start(2000, d("2024-01-01")), 24);
  EXPECT_EQ(age_at_start(2000, d("2024-12-31")), 24);
}

TEST(Evaluation, AgeBandsFollowTheReportsBoundaries) {
  EXPECT_EQ(age_band(17), "under 18");
  EXPECT_EQ(age_band(18), "18–24");
  EXPECT_EQ(age_band(24), "18–24");
  EXPECT_EQ(age_band(25), "25–29");
  EXPECT_EQ(age_band(29), "25–29");
  EXPECT_EQ(age_band(30), "30–39");
  EXPECT_EQ(age_band(39), "30–39");
  EXPECT_EQ(age_band(40), "40–49");
  EXPECT_EQ(age_band(49), "40–49");
  EXPECT_EQ(age_band(50), "50–65");
  EXPECT_EQ(age_band(65), "50–65");
  EXPECT_EQ(age_band(66), "över 65");
}

TEST(Evaluation, AnExitOnThePeriodsLastDayCountsOneAfterItDoesNot) {
  EvaluationFacts f;
  f.start_date = "2026-01-10";
  f.exit_date = "2026-03-31";
  EXPECT_TRUE(exited_by(f, d("2026-03-31")));
  EXPECT_EQ(days_in_programme(f, d("2026-03-31")), 80);
  EXPECT_FALSE(exited_by(f, d("2026-03-30")));
  EXPECT_EQ(days_in_programme(f, d("2026-03-30")), std::nullopt);
  f.exit_date.clear();
  EXPECT_FALSE(exited_by(f, d("2026-12-31")));
  EXPECT_EQ(days_in_programme(f, d("2026-12-31")), std::nullopt);
}

}  // namespace
}  // namespace stegvis
