// Referral, intake decision and consent (domain.md §3.1–§3.3).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/participant.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

struct ReferralInput {
  Id programme_id = 0;
  std::string track;         // code
  Id municipality_id = 0;
  Id referring_party_id = 0;
  std::string referrer_name;
  bool anonymous = false;
  std::string personal_number;  // as typed; parsed and validated here
  std::string first_name, last_name, contact;
  std::string gender;
  int birth_year = 0;  // taken from the personal number when one is given
  std::vector<std::string> income_sources;
  std::vector<Id> coordination_parties;
  std::string reason;
  std::string received_on;  // defaults to today
};

struct Exclusions {
  bool substance_dependence = false;
  bool threatening_behaviour = false;
  bool imminent_deprivation_of_liberty = false;
  bool illness_prevents_participation = false;
};

struct DecisionInput {
  std::string decision;  // accepted, declined, waiting_list, intake_booked
  std::string date;      // defaults to today
  std::string reason;    // required for declined
  std::string override_reason;  // lets a coordinator accept despite a failed rule
  Exclusions exclusions;
  // Start variables (domain.md §4), captured at acceptance.
  std::string support_duration, education, occupation_before;
  int expected_version = 0;  // 0: do not check
};

struct DecisionResult {
  std::string status;
  std::optional<Id> enrolment_id;
};

class ReferralService {
 public:
  explicit ReferralService(Env& env) : env_(env) {}

  Result<Id> create(const Actor& actor, const ReferralInput& in);
  Result<Referral> get(const Actor& actor, Id id);
  // Who the referral is about (none when anonymous or anonymised); for the unit's samordnare only.
  Result<std::optional<Identity>> identity(const Actor& actor, Id referral_id);
  Result<std::vector<Referral>> list(const Actor& actor, Id unit_id, const std::string& status);
  Result<DecisionResult> decide(const Actor& actor, Id referral_id, const DecisionInput& in);
  // Consent per party; consent refused or withdrawn for every party makes the enrolment anonymous.
  Status record_consent(const Actor& actor, Id enrolment_id, const std::vector<Id>& parties, const std::string& date,
                        bool given);

 private:
  Env& env_;
};

std::string today_string(const Env& env);

}  // namespace stegvis::app
