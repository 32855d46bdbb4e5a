// Calendar dates by plain arithmetic: Howard Hinnant's days-from-civil and
// civil-from-days algorithms (proleptic Gregorian), no clock, no time zone.
#include "domain/date.hpp"

#include <cstdio>

#include "domain/validation.hpp"

namespace stegvis {

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return kDays[m - 1] + (m == 2 && is_leap(y) ? 1 : 0);
}

// Days since 1970-01-01 for a civil date.
int days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;                                  // [0, 399]
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          // [0, 146096]
  return era * 146097 + doe - 719468;
}

Date civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;                                      // [0, 146096]
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               // [0, 365]
  const int mp = (5 * doy + 2) / 153;                                    // [0, 11]
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  const int y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {y, m, d};
}

int digits(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::optional<Date> parse_date(std::string_view s) {
  // is_valid_date checks the shape, the digits, the 1900–2200 range and the month's length.
  if (!is_valid_date(s)) return std::nullopt;
  return Date{digits(s.substr(0, 4)), digits(s.substr(5, 2)), digits(s.substr(8, 2))};
}

std::string to_string(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

int day_number(const Date& d) { return days_from_civil(d.year, d.month, d.day); }

Date add_days(const Date& d, int days) { return civil_from_days(day_number(d) + days); }

Date add_months(const Date& d, int months) {
  const int index = d.year * 12 + (d.month - 1) + months;  // months since year 0
  const int year = index >= 0 ? index / 12 : (index - 11) / 12;
  const int month = index - year * 12 + 1;
  const int last = days_in_month(year, month);
  return {year, month, d.day < last ? d.day : last};
}

int days_between(const Date& a, const Date& b) { return day_number(b) - day_number(a); }

int age_on(const Date& birth, const Date& on) {
  int age = on.year - birth.year;
  // Not yet had this year's birthday (born 29 February: the birthday is 1 March in common years).
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
  return age;
}

}  // namespace stegvis
