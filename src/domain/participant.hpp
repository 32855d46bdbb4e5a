// The participant's path (domain.md §3–§4): a referral, the enrolment it
// becomes, and what happens in it. Identifying fields are plain here; the
// store seals them at rest.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/organisation.hpp"

namespace stegvis {

// Who the person is. Empty for anonymous registrations (no consent, protected identity).
struct Identity {
  std::string personal_number;  // canonical 12 digits
  std::string first_name;
  std::string last_name;
  std::string contact;  // phone, e-mail, address as the person gave them
};

struct Referral {
  Id id = 0;
  Id programme_id = 0, track_id = 0, unit_id = 0, municipality_id = 0, referring_party_id = 0;
  std::string referrer_name;
  std::optional<Id> person_id;
  bool anonymous = false;
  std::string gender;  // female, male, other
  int birth_year = 0;
  std::vector<std::string> income_sources;
  std::vector<Id> coordination_parties;  // parties that see a need for coordinated support
  std::string reason;
  std::string status = "received";  // received, intake_booked, accepted, declined, waiting_list
  std::string received_on;
  std::string intake_on;
  std::string decided_on;
  std::string decision_reason;
  std::string override_reason;
  std::optional<Id> enrolment_id;
  int version = 1;
};

struct Enrolment {
  Id id = 0;
  std::optional<Id> referral_id;
  Id programme_id = 0, track_id = 0, unit_id = 0, municipality_id = 0;
  std::optional<Id> person_id;
  bool anonymous = false;
  std::string gender;
  int birth_year = 0;
  std::string start_date;
  std::string exit_date;  // "" while active
  std::string outcome;
  std::optional<Id> staff_id;
  // SUS-like start variables (domain.md §4)
  std::vector<std::string> income_before;
  std::string support_duration, education, occupation_before;
  // exit variables
  std::vector<std::string> income_after;
  std::string occupation_after;
  std::string next_step;  // the recommended next step in the final document
  std::string final_report_sent_on;
  std::vector<std::string> final_report_to;  // participant, referrer
  std::string purged_on;  // retention (gallring): identity and free text erased on this day
  // Consent to be contacted after exit about the lasting effect (issue #9), set apart from the
  // version-checked update (LastingEffectStore::set_contact_after_exit); "" on: never recorded.
  bool contact_after_exit = false;
  std::string contact_after_exit_on;
  int version = 1;
  bool active() const { return exit_date.empty(); }
  bool purged() const { return !purged_on.empty(); }
};

struct Consent {
  Id party_id = 0;
  bool given = false;
  std::string decided_on;
};

struct Goal {
  std::string area;  // tilltro, arbetsmarknadskunskap, studier, insats, maende
  std::string text;
};

struct Activity {
  std::string kind;  // coaching … annat
  std::string text;
  std::string start, end;
  std::optional<Id> party_id;
  std::string workplace;  // employer or workplace for work-based activities
};

struct Plan {
  int version = 0;
  std::string problem;
  std::vector<Goal> goals;
  std::vector<Activity> activities;
  std::string next_follow_up;
  std::string saved_on;  // date of the save
};

struct Contact {
  Id id = 0;
  std::string date;
  std::string kind;
  int minutes = 0;
  std::string note;
  std::optional<Id> staff_id;
};

struct FollowUp {
  Id id = 0;
  std::string date;
  bool with_referrer = false;
  std::string decision;  // continue, exit
  std::string note;
  std::string next_follow_up;
  std::optional<Id> staff_id;
};

struct GoalRating {
  std::string phase;  // start, exit
  std::string area;
  int rating = 0;  // 1..5
};

}  // namespace stegvis
