// The register extract (registerutdrag, GDPR art. 15) as data: everything
// stored about one person with the names it refers to already resolved. The
// application layer gathers it; the JSON codec and the PDF writer print it.
#pragma once
#include "domain/rating_scale.hpp"
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/lasting_effect.hpp"
#include "domain/participant.hpp"
#include "store/participant_store.hpp"
#include "store/records.hpp"

namespace stegvis::reports {

struct AccessPlace {
  std::string programme, track, unit, municipality;
  std::string controller;  // personuppgiftsansvarig part of the unit
};

struct AccessReferral {
  Referral referral;
  AccessPlace place;
  std::string referring_party;
};

struct AccessEnrolment {
  Enrolment enrolment;
  AccessPlace place;
  std::string staff_name;
  std::vector<Consent> consents;  // every decision, newest first
  std::vector<store::AllocationRecord> allocations;
  std::vector<Plan> plans;  // every version, newest first
  std::vector<Contact> contacts;
  std::vector<FollowUp> follow_ups;
  std::vector<GoalRating> goal_ratings;
  std::vector<Rating> ratings;
  std::vector<LastingEffect> lasting_effects;  // where the person was 6 and 12 months after exit
};

struct AccessExport {
  Id person_id = 0;
  std::optional<Identity> identity;  // none when erased (consent withdrawn, gallring)
  std::string produced_on;           // YYYY-MM-DD
  std::string produced_by;           // the samordnare's name
  std::vector<AccessReferral> referrals;
  std::vector<AccessEnrolment> enrolments;
  std::vector<store::AuditEntry> audit;  // oldest first
  std::map<Id, std::string> staff_names;
  std::map<Id, std::string> party_names;
};

// The extract as a PDF (A4, DejaVu Sans, "Sida n av N").
std::string render_access_report_pdf(const AccessExport& doc);

}  // namespace stegvis::reports
