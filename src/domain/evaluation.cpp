#include "domain/evaluation.hpp"

#include "domain/period_report.hpp"

namespace stegvis {

int age_at_start(int birth_year, const Date& start) { return start.year - birth_year; }

std::string age_band_label(int age) {
  // The bands themselves are the period report's (one definition); only the wording differs.
  std::string code = age_band(age);
  if (code == "other") return age < 18 ? "under 18" : "över 65";
  return code.replace(code.find('-'), 1, "–");
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
