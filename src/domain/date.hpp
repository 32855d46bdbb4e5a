// Calendar dates without a clock or time zone: parsing, arithmetic and
// comparison for due dates (follow-ups, final documents, benchmarks).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace stegvis {

struct Date {
  int year = 1970, month = 1, day = 1;
  auto operator<=>(const Date&) const = default;
};

// "YYYY-MM-DD" → Date, nothing when not a real calendar date.
std::optional<Date> parse_date(std::string_view s);
std::string to_string(const Date& d);  // "YYYY-MM-DD"

Date add_days(const Date& d, int days);
// Adds calendar months; the day is clamped to the month's end (2024-01-31 + 1 month = 2024-02-29).
Date add_months(const Date& d, int months);
// b - a in days (negative when b is before a).
int days_between(const Date& a, const Date& b);
// Completed years from birth to on (for ages from a full birth date).
int age_on(const Date& birth, const Date& on);
// Days since 1970-01-01 (for sorting, hashing, SQL comparison).
int day_number(const Date& d);

}  // namespace stegvis
