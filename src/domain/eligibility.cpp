// Intake eligibility (domain.md §3.2): every rule that fails, with a Swedish
// message naming the rule and the values, in the order the header lists them.
#include "domain/eligibility.hpp"

namespace stegvis {

namespace {

std::string parties(int n) { return std::to_string(n) + (n == 1 ? " part" : " parter"); }

void check_age(const EligibilityInput& in, std::vector<RuleFailure>& out) {
  if (in.age >= in.min_age && in.age <= in.max_age) return;
  out.push_back({"age", "Åldern " + std::to_string(in.age) + " är utanför inriktningens " +
                            std::to_string(in.min_age) + "–" + std::to_string(in.max_age) + " år."});
}

void check_exclusions(const EligibilityInput& in, std::vector<RuleFailure>& out) {
  if (in.substance_dependence)
    out.push_back({"substance_dependence", "Pågående missbruk eller beroende utesluter deltagande."});
  if (in.threatening_behaviour)
    out.push_back({"threatening_behaviour", "Känt hotfullt beteende utesluter deltagande."});
  if (in.imminent_deprivation_of_liberty)
    out.push_back({"deprivation_of_liberty", "Förestående frihetsberövande utesluter deltagande."});
  if (in.illness_prevents_participation)
    out.push_back({"illness", "Allvarlig sjukdom som för närvarande hindrar deltagande utesluter deltagande."});
}

void check_parties(const EligibilityInput& in, std::vector<RuleFailure>& out) {
  if (in.min_coordination_parties <= 0) return;  // the programme has no such rule
  if (in.coordination_parties >= in.min_coordination_parties) return;
  out.push_back({"coordination_parties", "Behov av samordnad rehabilitering bedöms av " +
                                             parties(in.coordination_parties) + "; förbundet kräver minst " +
                                             parties(in.min_coordination_parties) + "."});
}

}  // namespace

std::vector<RuleFailure> check_eligibility(const EligibilityInput& in) {
  std::vector<RuleFailure> failures;
  check_age(in, failures);
  check_exclusions(in, failures);
  check_parties(in, failures);
  return failures;
}

}  // namespace stegvis
