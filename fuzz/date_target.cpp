// Dates: a parsed date prints back as the input, and day and month arithmetic
// stay consistent with each other.
#include "domain/date.hpp"
#include "domain/validation.hpp"
#include "targets.hpp"

namespace stegvis::fuzz {

std::string date(std::string_view input) {
  auto d = parse_date(input);
  if (is_valid_date(input) != d.has_value()) return "is_valid_date and parse_date disagree";
  (void)check_date("date", input);
  if (!d) return "";
  if (to_string(*d) != input) return "does not print back as written";
  // Offsets from the input's length and bytes so the fuzzer can steer them.
  const int offset = static_cast<int>(input.size() > 3 ? static_cast<unsigned char>(input[3]) * 97 : 1) - 10000;
  const Date later = add_days(*d, offset);
  if (days_between(*d, later) != offset) return "add_days and days_between disagree";
  if (add_days(later, -offset) != *d) return "add_days does not invert";
  const Date m = add_months(*d, offset / 30);
  if (m.day < 1 || m.day > 31 || m.month < 1 || m.month > 12) return "add_months left the calendar";
  if (add_days(m, 0) != m) return "add_months gave a date that is no real day";
  return "";
}

}  // namespace stegvis::fuzz
