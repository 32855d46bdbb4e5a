// The enrolment from allocation to final documentation (domain.md §3.4–§3.9),
// the participant page's view of it, and the due work ("Att göra").
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/due_work.hpp"
#include "domain/lasting_effect.hpp"
#include "domain/participant.hpp"
#include "domain/rating_scale.hpp"
#include "domain/result.hpp"
#include "store/participant_store.hpp"

namespace stegvis::app {

struct StaffSuggestion {
  Id staff_id = 0;
  std::string name;
  std::string role;
  bool same_municipality = false;
  int caseload = 0;
  int capacity = 0;
  int free() const { return capacity - caseload; }
};

struct EnrolmentView {
  Enrolment enrolment;
  std::optional<Identity> identity;  // none for anonymous enrolments
  std::optional<Referral> referral;
  std::vector<Consent> consents;
  std::optional<Plan> plan;
  int plan_versions = 0;
  std::vector<Contact> contacts;
  std::vector<FollowUp> follow_ups;
  std::vector<GoalRating> goal_ratings;
  std::vector<Rating> ratings;  // ORS/SRS by date, read and audited with the rest of the view
  RatingSummary rating_summary;
  std::vector<LastingEffect> lasting_effects;  // checks after exit (issue #9)
  std::string staff_name;
  std::string controller;  // the unit's personal-data controller
  Date follow_up_due;
  Date plan_due;
  std::optional<Date> final_report_due;
};

struct ExitInput {
  std::string date;
  std::string outcome;
  std::vector<std::string> income_after;
  std::string occupation_after;
  std::vector<GoalRating> goal_ratings;  // phase "start" and/or "exit", 1..5
  std::string next_step;
  int expected_version = 0;
  std::optional<bool> contact_after_exit;  // consent to be contacted about the lasting effect
};

class EnrolmentService {
 public:
  explicit EnrolmentService(Env& env) : env_(env) {}

  Result<std::vector<Enrolment>> list(const Actor& actor, store::EnrolmentFilter filter, int* total);
  Result<EnrolmentView> view(const Actor& actor, Id id);
  // A returning person's enrolments by personal number, found through the blind
  // index only, limited to those the actor may see. The number is never logged.
  Result<std::vector<Enrolment>> find_by_personal_number(const Actor& actor, const std::string& personal_number);

  Result<std::vector<StaffSuggestion>> suggestions(const Actor& actor, Id enrolment_id);
  Status allocate(const Actor& actor, Id enrolment_id, Id staff_id, const std::string& override_reason);

  Result<int> save_plan(const Actor& actor, Id enrolment_id, Plan plan, int expected_version);
  Result<Id> add_contact(const Actor& actor, Id enrolment_id, Contact c, const std::string& request_key);
  Result<Id> record_follow_up(const Actor& actor, Id enrolment_id, FollowUp f);
  Status exit(const Actor& actor, Id enrolment_id, ExitInput in);
  Status mark_final_report_sent(const Actor& actor, Id enrolment_id, std::string date, std::vector<std::string> to);

  // The final document (slutdokumentation) as PDF for participant and referrer,
  // for those who may see the enrolment; the read is audited. In final_report_service.cpp.
  Result<std::string> final_report_pdf(const Actor& actor, Id enrolment_id);

  // The signed-in user's due work: their own participants, and for a samordnare the unit's.
  Result<std::vector<DueItem>> tasks(const Actor& actor);

 private:
  Result<Enrolment> load(store::Store& tx, const Actor& actor, Id id);
  Env& env_;
};

}  // namespace stegvis::app
