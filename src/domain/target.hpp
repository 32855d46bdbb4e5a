// Programme targets (domain.md §5): the share of a population (exits, starts
// or enrolments active in a period) that meets a condition from a fixed set,
// compared with a threshold, e.g. "share of exits to work or studies ≥ 60 %".
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/organisation.hpp"
#include "domain/report_facts.hpp"
#include "domain/result.hpp"
#include "domain/vocabulary.hpp"

namespace stegvis {

struct Target {
  Id id = 0;
  Id programme_id = 0;
  std::string name;
  std::string population;  // exits, starts, active
  std::string condition;   // outcome_in, gender, track, ors_reliable_improvement, goal_improvement, time_in_programme_max_months
  std::string parameter;   // outcome codes (comma-separated), gender, track code, goal area or "any", months
  std::string comparison = "at_least";  // at_least, at_most
  int threshold_pct = 0;
  int position = 0;
};

const std::vector<Term>& target_populations();
const std::vector<Term>& target_conditions();
const std::vector<Term>& target_comparisons();

// Checks the target and brings its parameter to canonical form (codes sorted
// and de-duplicated, å/ä/ö folded). track_codes: the programme's tracks.
std::optional<Error> normalise_target(Target& t, const std::vector<std::string>& track_codes);

// A human description in Swedish, e.g. "Andel avslut med utfall Arbete, Studier ≥ 60 %".
std::string describe_target(const Target& t);

enum class TargetState { met, not_met, no_data };
const char* to_code(TargetState s);  // met, not_met, no_data

struct TargetResult {
  Id target_id = 0;
  std::string name;
  int numerator = 0;
  int denominator = 0;
  std::optional<double> actual_pct;  // nothing when the denominator is 0
  TargetState state = TargetState::no_data;
};

// Evaluates over the facts for the period [from, to]. Conditions that need a
// measurement (ORS change, goal ratings) count only members who have it.
TargetResult evaluate_target(const Target& t, const std::vector<const EnrolmentFacts*>& facts, const Date& from,
                             const Date& to);

}  // namespace stegvis
