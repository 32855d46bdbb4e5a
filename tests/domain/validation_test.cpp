#include "domain/validation.hpp"

#include <gtest/gtest.h>

using namespace stegvis;

TEST(Utf8, AcceptsSwedishLetters) { EXPECT_TRUE(is_valid_utf8("Vingåker, Nyköping, Ärla")); }
TEST(Utf8, RejectsTruncatedSequence) { EXPECT_FALSE(is_valid_utf8(std::string("ab\xC3"))); }
TEST(Utf8, RejectsOverlongEncoding) { EXPECT_FALSE(is_valid_utf8(std::string("\xC0\xAF"))); }
TEST(Utf8, RejectsSurrogates) { EXPECT_FALSE(is_valid_utf8(std::string("\xED\xA0\x80"))); }
TEST(Utf8, RejectsLoneContinuationByte) { EXPECT_FALSE(is_valid_utf8(std::string("\x80"))); }
TEST(Utf8, LengthCountsCodePoints) { EXPECT_EQ(utf8_length("åäö"), 3u); }

TEST(Text, RequiredFieldMustNotBeBlank) {
  auto e = check_text("name", "   ", 10);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "name");
  EXPECT_EQ(e->code, ErrorCode::invalid_input);
}
TEST(Text, OptionalFieldMayBeEmpty) { EXPECT_FALSE(check_text("note", "", 10, false)); }
TEST(Text, TooLongIsRefusedCountingCharactersNotBytes) {
  EXPECT_FALSE(check_text("name", "åååååååååå", 10));
  EXPECT_TRUE(check_text("name", "ååååååååååå", 10));
}
TEST(Text, ControlCharactersAreRefused) { EXPECT_TRUE(check_text("name", std::string("a\x01") + "b", 10)); }
TEST(Text, InvalidUtf8IsRefused) { EXPECT_TRUE(check_text("name", std::string("a\xFF"), 10)); }

TEST(Date, AcceptsRealDates) {
  EXPECT_TRUE(is_valid_date("2024-02-29"));
  EXPECT_TRUE(is_valid_date("2023-10-01"));
}
TEST(Date, RejectsImpossibleDates) {
  EXPECT_FALSE(is_valid_date("2023-02-29"));
  EXPECT_FALSE(is_valid_date("2100-02-29"));
  EXPECT_FALSE(is_valid_date("2024-13-01"));
  EXPECT_FALSE(is_valid_date("2024-04-31"));
  EXPECT_FALSE(is_valid_date("2024-4-1"));
  EXPECT_FALSE(is_valid_date("20240401xx"));
}
TEST(Date, CenturyLeapYearRule) { EXPECT_TRUE(is_valid_date("2000-02-29")); }

TEST(Username, AllowsLowercaseDotsAndDigits) { EXPECT_FALSE(check_username("coach.katrineholm2")); }
TEST(Username, RefusesUppercaseSpacesAndQuotes) {
  EXPECT_TRUE(check_username("Coach"));
  EXPECT_TRUE(check_username("a b"));
  EXPECT_TRUE(check_username("x'; DROP TABLE app_user;--"));
  EXPECT_TRUE(check_username("ab"));
}
TEST(Password, NeedsTenCharacters) {
  EXPECT_TRUE(check_password("kort"));
  EXPECT_FALSE(check_password("tillräckligt-långt"));
}
TEST(Range, InclusiveBounds) {
  EXPECT_FALSE(check_range("fte_pct", 0, 0, 200));
  EXPECT_FALSE(check_range("fte_pct", 200, 0, 200));
  EXPECT_TRUE(check_range("fte_pct", 200.5, 0, 200));
  EXPECT_TRUE(check_range("fte_pct", -1, 0, 200));
}
