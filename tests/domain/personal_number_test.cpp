// Personal identity and coordination numbers: forms, century, date, Luhn, '+'.
// Check digits below were computed with the Luhn rule (weights 2,1,2,1…, digit sums).
#include "domain/personal_number.hpp"

#include <gtest/gtest.h>

using namespace stegvis;

namespace {
const Date kToday{2025, 6, 15};

PersonalNumber ok(std::string_view input, const Date& today = kToday) {
  auto r = parse_personal_number(input, today);
  EXPECT_TRUE(r.ok()) << input << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : PersonalNumber{};
}
std::string fails(std::string_view input, const Date& today = kToday) {
  auto r = parse_personal_number(input, today);
  EXPECT_FALSE(r.ok()) << input << " was accepted as " << (r.ok() ? r->canonical : "");
  return r.ok() ? "" : r.error().message;
}
}  // namespace

TEST(PersonalNumber, LuhnCheckDigitOfKnownNumber) {
  EXPECT_EQ(luhn_check_digit("811218987"), 6);
  EXPECT_EQ(luhn_check_digit("811278987"), 3);
  EXPECT_EQ(luhn_check_digit("000101000"), 8);
}
TEST(PersonalNumber, LuhnRejectsInputThatIsNotNineDigits) {
  EXPECT_EQ(luhn_check_digit("81121898"), -1);
  EXPECT_EQ(luhn_check_digit("8112189876"), -1);
  EXPECT_EQ(luhn_check_digit("81121898x"), -1);
}
TEST(PersonalNumber, TwelveDigitsWithHyphen) {
  auto p = ok("19811218-9876");
  EXPECT_EQ(p.canonical, "198112189876");
  EXPECT_EQ(p.birth_date, (Date{1981, 12, 18}));
  EXPECT_FALSE(p.coordination_number);
}
TEST(PersonalNumber, TwelveDigitsWithoutSeparator) { EXPECT_EQ(ok("198112189876").canonical, "198112189876"); }
TEST(PersonalNumber, TenDigitsWithHyphen) { EXPECT_EQ(ok("811218-9876").canonical, "198112189876"); }
TEST(PersonalNumber, TenDigitsWithoutSeparator) { EXPECT_EQ(ok("8112189876").canonical, "198112189876"); }
TEST(PersonalNumber, SurroundingSpacesAreIgnored) { EXPECT_EQ(ok("  811218-9876 \t").canonical, "198112189876"); }

TEST(PersonalNumber, HyphenTakesMostRecentCenturyNotInTheFuture) {
  EXPECT_EQ(ok("200101-2349").birth_date, (Date{2020, 1, 1}));
  EXPECT_EQ(ok("250615-1238").birth_date, (Date{2025, 6, 15}));  // born today
  EXPECT_EQ(ok("250616-1237").birth_date, (Date{1925, 6, 16}));  // tomorrow in 2025 → 1925, aged 98
  EXPECT_EQ(ok("991231-1231").birth_date, (Date{1999, 12, 31}));
}
TEST(PersonalNumber, PlusMeansHundredOrOlder) {
  auto p = ok("200101+2349");
  EXPECT_EQ(p.birth_date, (Date{1920, 1, 1}));
  EXPECT_EQ(p.canonical, "192001012349");
}
TEST(PersonalNumber, PlusOnTheHundredthBirthdayIsAccepted) {
  EXPECT_EQ(ok("250615+1238").birth_date, (Date{1925, 6, 15}));
}
TEST(PersonalNumber, PlusTheDayBeforeTheHundredthBirthdayGoesBackAnotherCentury) {
  // On 2125-06-15, 2025-06-16 would be 99, so '+' means 1925-06-16 …
  EXPECT_EQ(ok("250616+1237", Date{2125, 6, 15}).birth_date, (Date{1925, 6, 16}));
  // … and on 2025-06-15 it means 1825, before the supported range.
  fails("250616+1237");
}
TEST(PersonalNumber, PlusWithTwelveDigitsIsAContradiction) {
  auto message = fails("19200101+2349");
  EXPECT_NE(message.find("Plustecken"), std::string::npos);
}
TEST(PersonalNumber, TwelveDigitsAreTakenAsWritten) {
  EXPECT_EQ(ok("19200101-2349").birth_date, (Date{1920, 1, 1}));  // 105 years old, no '+' needed
  EXPECT_EQ(ok("20200101-2349").birth_date, (Date{2020, 1, 1}));
  fails("18991231-1231");  // before the supported 1900–2200
}
TEST(PersonalNumber, CoordinationNumberDayPlusSixty) {
  auto p = ok("19811278-9873");
  EXPECT_TRUE(p.coordination_number);
  EXPECT_EQ(p.birth_date, (Date{1981, 12, 18}));
  EXPECT_EQ(p.canonical, "198112789873");
}
TEST(PersonalNumber, CoordinationDaysRangeFrom61To91) {
  EXPECT_EQ(ok("811261-9872").birth_date, (Date{1981, 12, 1}));
  EXPECT_EQ(ok("811291-9876").birth_date, (Date{1981, 12, 31}));
  fails("811292-9875");  // 32 December
  fails("811260-9873");  // day 60 is neither
}
TEST(PersonalNumber, WrongCheckDigitIsRejected) {
  EXPECT_EQ(fails("19811218-9875"), "Kontrollsiffran stämmer inte.");
  EXPECT_EQ(fails("811218-9870"), "Kontrollsiffran stämmer inte.");
  EXPECT_EQ(fails("19811278-9876"), "Kontrollsiffran stämmer inte.");  // coordination form checked as written
}
TEST(PersonalNumber, ImpossibleDateIsRejected) {
  auto message = fails("230229-1238");  // 2023 is not a leap year (check digit right)
  EXPECT_NE(message.find("datum"), std::string::npos);
  fails("19811318-9876");
  fails("19811200-9876");
}
TEST(PersonalNumber, LeapDayDependsOnTheResolvedCentury) {
  EXPECT_EQ(ok("000229-1235").birth_date, (Date{2000, 2, 29}));
  fails("000229+1235");  // 1900-02-29 does not exist
}
TEST(PersonalNumber, BirthDateAfterTodayIsRejected) {
  auto message = fails("20250616-1237");
  EXPECT_NE(message.find("framtiden"), std::string::npos);
  EXPECT_EQ(ok("20250615-1238").birth_date, kToday);
}
TEST(PersonalNumber, WrongLengthOrCharactersIsAFormatError) {
  const std::string expected = "Ange personnumret som ÅÅÅÅMMDD-NNNN.";
  EXPECT_EQ(fails(""), expected);
  EXPECT_EQ(fails("81121-9876"), expected);
  EXPECT_EQ(fails("811218-98766"), expected);
  EXPECT_EQ(fails("811218/9876"), expected);
  EXPECT_EQ(fails("811218 9876"), expected);
  EXPECT_EQ(fails("81121a-9876"), expected);
  EXPECT_EQ(fails("1981121-89876"), expected);
  EXPECT_EQ(fails("19811218--876"), expected);
}
TEST(PersonalNumber, ErrorsNameTheField) {
  auto r = parse_personal_number("nonsense", kToday);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "personal_number");
  EXPECT_EQ(r.error().code, ErrorCode::invalid_input);
}
