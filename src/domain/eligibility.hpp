// Intake eligibility (domain.md §3.2): the track's age range, the exclusions,
// and the minimum number of parties that see a need for coordinated support.
#pragma once
#include <string>
#include <vector>

namespace stegvis {

struct EligibilityInput {
  int age = 0;  // age at the intake date
  int min_age = 18, max_age = 65;  // the track's range, inclusive
  bool substance_dependence = false;    // ongoing substance dependence
  bool threatening_behaviour = false;   // known threatening behaviour
  bool imminent_deprivation_of_liberty = false;
  bool illness_prevents_participation = false;
  int coordination_parties = 0;      // parties that see a need for coordinated support
  int min_coordination_parties = 0;  // the programme's rule (Norra Västmanland: 2)
};

struct RuleFailure {
  std::string rule;     // "age", "substance_dependence", "threatening_behaviour",
                        // "deprivation_of_liberty", "illness", "coordination_parties"
  std::string message;  // Swedish, names the rule and the values, e.g. "Åldern 31 är utanför inriktningens 18–29 år."
};

// Every failed rule, in the order above; empty when eligible.
std::vector<RuleFailure> check_eligibility(const EligibilityInput& in);

}  // namespace stegvis
