#include "domain/evaluation.hpp"

namespace stegvis {

int age_at_start(int birth_year, const Date& start) { return start.year - birth_year; }

std::string age_band(int age) {
  if (age < 18) return "under 18";
  if (age <= 24) return "18–24";
  if (age <= 29) return "25–29";
  if (age <= 39) return "30–39";
  if (age <= 49) return "40–49";
  if (age <= 65) return "50–65";
  return "över 65";
}

bool exited_by(const EvaluationFacts& f, const Date& to) {
  auto exit = parse_date(f.exit_date);
  return exit && *exit <= to;
}

std::optional<int> days_in_programme(const EvaluationFacts& f, const Date& to) {
  auto start = parse_date(f.start_date), exit = parse_date(f.exit_date);
  if (!start || !exit || *exit > to) return std::nullopt;
  return days_between(*start, *exit);
}

}  // namespace stegvis
