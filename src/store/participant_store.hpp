// Storage of the participant's path. Implementations seal identifying fields
// (names, personal numbers, contact details, reasons, notes, plans) with the
// installation key on write and open them on read; the key never reaches the
// database. Updates of referrals and enrolments are optimistic: they name the
// version they read and fail (return false) when someone saved in between.
#pragma once
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/due_work.hpp"
#include "domain/participant.hpp"
#include "domain/rating_scale.hpp"

namespace stegvis::store {

struct EnrolmentFilter {
  std::optional<Id> programme_id;
  std::optional<Id> unit_id;
  std::optional<Id> staff_id;
  std::string status;  // "active", "exited" or "" for both
  int limit = 100;
  int offset = 0;
};

// Retention (gallring): what a purge erases or would erase.
struct RetentionCounts {
  int persons = 0;     // identities erased
  int enrolments = 0;  // enrolments whose free text was erased
  int referrals = 0;   // referrals whose reasons and referrer were erased
};

struct AllocationRecord {
  Id staff_id = 0;
  std::string date;
  std::string override_reason;
};

class ParticipantStore {
 public:
  virtual ~ParticipantStore() = default;

  virtual Id create_person(const Identity& identity, std::int64_t now) = 0;
  // Through the blind index only: the number itself is never searched or logged.
  virtual std::optional<Id> person_by_personal_number(const std::string& canonical) = 0;
  virtual std::optional<Identity> identity(Id person_id) = 0;
  // Erases every identifying field and the blind index; statistics stay on the enrolments.
  virtual void erase_identity(Id person_id) = 0;

  virtual Id create_referral(const Referral& r, std::optional<Id> created_by, std::int64_t now) = 0;
  virtual std::optional<Referral> referral(Id id) = 0;
  virtual std::vector<Referral> referrals(Id unit_id, const std::string& status) = 0;
  virtual bool update_referral(const Referral& r) = 0;

  virtual Id create_enrolment(const Enrolment& e, std::int64_t now) = 0;
  virtual std::optional<Enrolment> enrolment(Id id) = 0;
  virtual std::vector<Enrolment> enrolments(const EnrolmentFilter& f, int* total) = 0;
  virtual bool update_enrolment(const Enrolment& e) = 0;
  virtual std::vector<Enrolment> enrolments_of_person(Id person_id) = 0;
  // Active enrolments per staff member (caseload).
  virtual std::map<Id, int> caseloads() = 0;
  // The same for the staff with a role in one unit (counted over all their enrolments).
  virtual std::map<Id, int> caseloads_of_unit(Id unit_id) = 0;
  // Due-work snapshots of the enrolments that still need something (active, or
  // exited with the final document not sent) of one member of staff or one unit,
  // in one query; the label is left to the caller.
  virtual std::vector<EnrolmentSnapshot> open_work(std::optional<Id> staff_id, std::optional<Id> unit_id) = 0;

  virtual void add_consent(Id enrolment_id, const Consent& c, std::optional<Id> by, std::int64_t now) = 0;
  virtual std::vector<Consent> consents(Id enrolment_id) = 0;  // latest decision per party first

  virtual void add_allocation(Id enrolment_id, Id staff_id, const std::string& date, const std::string& override_reason,
                              std::optional<Id> by, std::int64_t now) = 0;

  virtual int save_plan(Id enrolment_id, const Plan& p, std::optional<Id> by, std::int64_t now) = 0;  // new version
  virtual std::optional<Plan> plan(Id enrolment_id) = 0;                                            // latest
  virtual std::vector<Plan> plan_history(Id enrolment_id) = 0;

  // A repeated request key returns the id stored the first time (double submission).
  virtual Id add_contact(Id enrolment_id, const Contact& c, const std::string& request_key, std::int64_t now) = 0;
  virtual std::vector<Contact> contacts(Id enrolment_id) = 0;
  virtual Id add_follow_up(Id enrolment_id, const FollowUp& f, std::int64_t now) = 0;
  virtual std::vector<FollowUp> follow_ups(Id enrolment_id) = 0;
  virtual void set_goal_ratings(Id enrolment_id, const std::vector<GoalRating>& ratings) = 0;
  virtual std::vector<GoalRating> goal_ratings(Id enrolment_id) = 0;
  virtual void delete_goal_ratings(Id enrolment_id, const std::string& phase) = 0;

  // ORS/SRS ratings, items and total in tenths (migration 003). A repeated request key
  // returns the id stored the first time, as for contacts.
  virtual Id add_rating(Id enrolment_id, const Rating& r, const std::string& request_key, std::int64_t now) = 0;
  virtual std::vector<Rating> ratings(Id enrolment_id) = 0;  // by date, then id
  // The summary of each listed enrolment that has ratings, from one query for the whole
  // list (a page of a caseload): each scale's count and first and latest rating.
  virtual std::map<Id, RatingSummary> rating_summaries(const std::vector<Id>& enrolment_ids) = 0;

  // ---- for the right of access (registerutdrag) ----
  virtual std::vector<Referral> referrals_of_person(Id person_id) = 0;
  virtual std::vector<AllocationRecord> allocations(Id enrolment_id) = 0;

  // ---- retention (gallring), set-based; cutoff and today are YYYY-MM-DD ----
  // Enrolments exited before cutoff (and their referrals, contacts, follow-ups, plans,
  // allocations) lose their free text; declined referrals decided before cutoff too; a
  // person's identity only when nothing of theirs is on or after the cutoff.
  virtual RetentionCounts purgeable(const std::string& cutoff) = 0;
  // purge() takes the rows whose ids lie in [from_id, to_id) of each table (persons, referrals,
  // enrolments and what hangs on them), so that a long backlog can go in short transactions.
  virtual RetentionCounts purge(const std::string& cutoff, const std::string& today, Id from_id = 0,
                                Id to_id = std::numeric_limits<Id>::max()) = 0;
  // One past the largest id of a person, referral or enrolment (0 when there are none).
  virtual Id participant_id_end() = 0;
};

}  // namespace stegvis::store
