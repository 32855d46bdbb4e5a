// SQL for the participant's path, sealing identifying fields with the field key.
#pragma once
#include <soci/soci.h>

#include <memory>

#include "crypto/sealed_box.hpp"
#include "store/participant_store.hpp"

namespace stegvis::store::sql {

class SqlParticipantStore final : public ParticipantStore {
 public:
  SqlParticipantStore(soci::session& s, std::shared_ptr<const crypto::FieldCipher> cipher)
      : sql_(s), cipher_(std::move(cipher)) {}

  Id create_person(const Identity& identity, std::int64_t now) override;
  std::optional<Id> person_by_personal_number(const std::string& canonical) override;
  std::optional<Identity> identity(Id person_id) override;
  void erase_identity(Id person_id) override;
  Id create_referral(const Referral& r, std::optional<Id> created_by, std::int64_t now) override;
  std::optional<Referral> referral(Id id) override;
  std::vector<Referral> referrals(Id unit_id, const std::string& status) override;
  bool update_referral(const Referral& r) override;
  Id create_enrolment(const Enrolment& e, std::int64_t now) override;
  std::optional<Enrolment> enrolment(Id id) override;
  std::vector<Enrolment> enrolments(const EnrolmentFilter& f, int* total) override;
  bool update_enrolment(const Enrolment& e) override;
  std::vector<Enrolment> enrolments_of_person(Id person_id) override;
  std::map<Id, int> caseloads() override;
  std::map<Id, int> caseloads_of_unit(Id unit_id) override;  // in sql_due_work.cpp
  std::vector<EnrolmentSnapshot> open_work(std::optional<Id> staff_id, std::optional<Id> unit_id) override;
  void add_consent(Id enrolment_id, const Consent& c, std::optional<Id> by, std::int64_t now) override;
  std::vector<Consent> consents(Id enrolment_id) override;
  void add_allocation(Id enrolment_id, Id staff_id, const std::string& date, const std::string& override_reason,
                      std::optional<Id> by, std::int64_t now) override;
  int save_plan(Id enrolment_id, const Plan& p, std::optional<Id> by, std::int64_t now) override;
  std::optional<Plan> plan(Id enrolment_id) override;
  std::vector<Plan> plan_history(Id enrolment_id) override;
  Id add_contact(Id enrolment_id, const Contact& c, const std::string& request_key, std::int64_t now) override;
  std::vector<Contact> contacts(Id enrolment_id) override;
  Id add_follow_up(Id enrolment_id, const FollowUp& f, std::int64_t now) override;
  std::vector<FollowUp> follow_ups(Id enrolment_id) override;
  void set_goal_ratings(Id enrolment_id, const std::vector<GoalRating>& ratings) override;
  std::vector<GoalRating> goal_ratings(Id enrolment_id) override;
  void delete_goal_ratings(Id enrolment_id, const std::string& phase) override;
  // Ratings are in sql_participant_store_ratings.cpp.
  Id add_rating(Id enrolment_id, const Rating& r, const std::string& request_key, std::int64_t now) override;
  std::vector<Rating> ratings(Id enrolment_id) override;
  std::map<Id, RatingSummary> rating_summaries(const std::vector<Id>& enrolment_ids) override;
  // In sql_participant_retention.cpp:
  std::vector<Referral> referrals_of_person(Id person_id) override;
  std::vector<AllocationRecord> allocations(Id enrolment_id) override;
  RetentionCounts purgeable(const std::string& cutoff) override;
  RetentionCounts purge(const std::string& cutoff, const std::string& today, Id from_id, Id to_id) override;
  Id participant_id_end() override;

 private:
  const crypto::FieldCipher& cipher() const;
  std::string seal(const std::string& plain) const;
  std::string open(const std::string& sealed) const;
  std::vector<Referral> load_referrals(soci::rowset<soci::row>& rs);
  // Runs q, a SELECT of kEnrolmentCols with its use()s bound.
  std::vector<Enrolment> load_enrolments(soci::details::prepare_temp_type& q);
  std::vector<Plan> load_plans(Id enrolment_id, bool latest_only);
  static const char* referral_columns();
  soci::session& sql_;
  std::shared_ptr<const crypto::FieldCipher> cipher_;
};

}  // namespace stegvis::store::sql
