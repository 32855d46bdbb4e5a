// Swedish personal identity numbers and coordination numbers: the written
// forms, the century of a two-digit year, the real date and the Luhn check digit.
#include "domain/personal_number.hpp"

#include <optional>

#include "domain/validation.hpp"

namespace stegvis {

namespace {

constexpr const char* kField = "personal_number";

Error pn_error(std::string message) { return invalid(kField, std::move(message)); }

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int digits(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

// The input split into its parts, before any century or date is decided.
struct Written {
  std::string century;  // "19", "20" … when written, empty for the ten-digit forms
  std::string yymmdd;
  std::string nnnc;
  char separator = 0;   // '-', '+' or 0
};

std::optional<Written> split(std::string_view s) {
  Written w;
  const bool long_form = s.size() == 12 || s.size() == 13;
  if (long_form) {
    w.century = std::string(s.substr(0, 2));
    s.remove_prefix(2);
  }
  if (s.size() == 11) {
    w.separator = s[6];
    if (w.separator != '-' && w.separator != '+') return std::nullopt;
    w.yymmdd = std::string(s.substr(0, 6));
    w.nnnc = std::string(s.substr(7));
  } else if (s.size() == 10) {
    w.yymmdd = std::string(s.substr(0, 6));
    w.nnnc = std::string(s.substr(6));
  } else {
    return std::nullopt;
  }
  if (!all_digits(w.century) || !all_digits(w.yymmdd) || !all_digits(w.nnnc)) return std::nullopt;
  return w;
}

// (year, month, day) compared as written, also when the day is not a real date yet.
bool after(int year, int month, int day, const Date& today) {
  if (year != today.year) return year > today.year;
  if (month != today.month) return month > today.month;
  return day > today.day;
}

// The full year: as written, or the most recent century that keeps the birth
// date on or before today ('-', none), one century earlier for '+' (age 100+).
int full_year(const Written& w, int month, int day, const Date& today) {
  const int yy = digits(w.yymmdd.substr(0, 2));
  if (!w.century.empty()) return digits(w.century) * 100 + yy;
  int year = today.year / 100 * 100 + yy;
  if (after(year, month, day, today)) year -= 100;
  if (w.separator == '+') year -= 100;
  return year;
}

std::optional<Date> real_date(int year, int month, int day) {
  std::string text = std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month) + "-" +
                     (day < 10 ? "0" : "") + std::to_string(day);
  if (!is_valid_date(text)) return std::nullopt;
  return Date{year, month, day};
}

}  // namespace

int luhn_check_digit(std::string_view nine_digits) {
  if (nine_digits.size() != 9 || !all_digits(nine_digits)) return -1;
  int sum = 0;
  for (std::size_t i = 0; i < nine_digits.size(); ++i) {
    int v = (nine_digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
    sum += v / 10 + v % 10;
  }
  return (10 - sum % 10) % 10;
}

Result<PersonalNumber> parse_personal_number(std::string_view input, const Date& today) {
  auto written = split(trim(input));
  if (!written) return pn_error("Ange personnumret som ÅÅÅÅMMDD-NNNN.");
  const Written& w = *written;
  if (!w.century.empty() && w.separator == '+')
    return pn_error("Plustecken (100 år eller äldre) används bara med ÅÅMMDD+NNNN; skriv ÅÅÅÅMMDD-NNNN.");

  const int month = digits(w.yymmdd.substr(2, 2));
  const int written_day = digits(w.yymmdd.substr(4, 2));
  const bool coordination = written_day > 60;
  const int day = coordination ? written_day - 60 : written_day;
  const auto birth = real_date(full_year(w, month, day, today), month, day);
  if (!birth) return pn_error("Personnumret innehåller inget giltigt födelsedatum.");

  if (luhn_check_digit(w.yymmdd + w.nnnc.substr(0, 3)) != w.nnnc[3] - '0')
    return pn_error("Kontrollsiffran stämmer inte.");
  if (*birth > today) return pn_error("Födelsedatumet i personnumret ligger i framtiden.");

  std::string canonical = std::to_string(birth->year / 100) + w.yymmdd + w.nnnc;
  return PersonalNumber{std::move(canonical), *birth, coordination};
}

}  // namespace stegvis
