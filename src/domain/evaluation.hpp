// The evaluator's view of one enrolment (domain.md §2, §4): what is stored for
// follow-up, with a pseudonym in place of who the person is, and the rules that
// turn it into the exported row for a period (age at start and its band, time in
// the programme, nothing of an exit that lies after the period). No names,
// personal numbers, contact details, notes or free text ever enter it.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/participant.hpp"

namespace stegvis {

struct EvaluationFacts {
  std::string pseudonym;  // keyed hash, stable per programme
  std::string unit, municipality, track;  // names of the unit and municipality, the track's code
  std::string gender;
  int birth_year = 0;
  std::string start_date;
  std::vector<std::string> income_before;
  std::string support_duration, education, occupation_before;
  std::string exit_date;  // "" while active
  std::string outcome;
  std::vector<std::string> income_after;
  std::string occupation_after;
  // ORS/SRS totals 0–40 of the first and the latest rating up to the period's end.
  std::optional<double> ors_first, ors_latest, srs_first, srs_latest;
  std::vector<GoalRating> goal_ratings;
};

// Age at start from the year of birth (what SUS registered): start year − birth year.
int age_at_start(int birth_year, const Date& start);
// The report's age bands: "18–24", "25–29", "30–39", "40–49", "50–65"; "under 18" and "över 65" outside them.
std::string age_band(int age);

// Whether the exit belongs to the period ending on `to`: an exit after it is not yet known then.
bool exited_by(const EvaluationFacts& f, const Date& to);
// Days from start to exit for an enrolment exited by `to`; nothing while it runs.
std::optional<int> days_in_programme(const EvaluationFacts& f, const Date& to);

}  // namespace stegvis
