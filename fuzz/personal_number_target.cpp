// Personal numbers: any input either fails with an error naming the field, or
// gives a canonical number that parses again to itself with a real birth date.
#include "domain/personal_number.hpp"
#include "domain/validation.hpp"
#include "targets.hpp"

namespace stegvis::fuzz {

std::string personal_number(std::string_view input) {
  const Date today{2026, 1, 15};
  auto r = parse_personal_number(input, today);
  if (!r) {
    if (r.error().field != "personal_number" || r.error().message.empty()) return "error without field or message";
    return "";
  }
  const auto& pn = *r;
  if (pn.canonical.size() != 12 || pn.canonical.find_first_not_of("0123456789") != std::string::npos)
    return "canonical form is not 12 digits: " + pn.canonical;
  if (!is_valid_date(to_string(pn.birth_date))) return "birth date is not a real date";
  if (pn.birth_date > today) return "birth date after today";
  auto again = parse_personal_number(pn.canonical, today);
  if (!again || again->canonical != pn.canonical || again->birth_date != pn.birth_date ||
      again->coordination_number != pn.coordination_number)
    return "canonical form does not parse back to itself: " + pn.canonical;
  if (luhn_check_digit(pn.canonical.substr(2, 9)) != pn.canonical[11] - '0') return "check digit not verified";
  return "";
}

}  // namespace stegvis::fuzz
