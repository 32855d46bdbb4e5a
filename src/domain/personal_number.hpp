// Swedish personal identity numbers (personnummer) and coordination numbers
// (samordningsnummer): format, real date, Luhn check digit, '+' for age 100+.
#pragma once
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "domain/result.hpp"

namespace stegvis {

struct PersonalNumber {
  std::string canonical;  // 12 digits "YYYYMMDDNNNC": what is encrypted and blind-indexed
  Date birth_date;        // the real date (day - 60 for a coordination number)
  bool coordination_number = false;
};

// Accepts YYYYMMDD-NNNC, YYYYMMDDNNNC, YYMMDD-NNNC, YYMMDD+NNNC (100 years or older),
// YYMMDDNNNC, with surrounding spaces. Two-digit years resolve against today: the
// most recent century that does not put the birth date after today ('-') or that
// makes the person at least 100 ('+'). Errors name field "personal_number" with a
// Swedish message saying what is wrong (format, date, check digit, future date).
Result<PersonalNumber> parse_personal_number(std::string_view input, const Date& today);

// The Luhn check digit over the ten digits YYMMDDNNN (nine digits in).
int luhn_check_digit(std::string_view nine_digits);

}  // namespace stegvis
