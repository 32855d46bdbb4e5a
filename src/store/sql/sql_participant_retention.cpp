// The participant store's set-based retention (gallring) statements and the
// look-ups the right-of-access export needs beyond the participant page.
#include <algorithm>
#include <string>

#include "store/sql/sql_participant_store.hpp"
#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {
namespace {

// Enrolments past the retention time. Every :c placeholder is bound to the same cutoff.
constexpr const char* kOldEnrolment = "exit_date IS NOT NULL AND exit_date < :c";

// Referrals to purge: those of old enrolments, and declined ones decided before the cutoff.
// EXISTS per referral, not IN (list of every old enrolment's referral): the list was built
// anew for each id range of the purge, half a million ids each time at national scale.
constexpr const char* kOldReferral =
    "purged_on IS NULL AND (EXISTS (SELECT 1 FROM enrolment e WHERE e.referral_id = referral.id AND "
    "e.exit_date IS NOT NULL AND e.exit_date < :c1) OR (status = 'declined' AND decided_on < :c2 AND NOT EXISTS "
    "(SELECT 1 FROM enrolment e WHERE e.referral_id = referral.id)))";

// People who still have an identity, something old, and nothing on or after the cutoff:
// no active or recently exited enrolment, no referral that is open or recently decided.
constexpr const char* kOldPerson =
    "(pn_index IS NOT NULL OR pn_sealed <> '' OR first_name_sealed <> '' OR last_name_sealed <> '' OR "
    "contact_sealed <> '') "
    "AND (EXISTS (SELECT 1 FROM enrolment e WHERE e.person_id = person.id AND e.exit_date < :c1) "
    "  OR EXISTS (SELECT 1 FROM referral r WHERE r.person_id = person.id AND r.status = 'declined' "
    "             AND r.decided_on < :c2)) "
    "AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.person_id = person.id "
    "                AND (e.exit_date IS NULL OR e.exit_date >= :c3)) "
    "AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.person_id = person.id "
    "                AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.referral_id = r.id) "
    "                AND NOT (r.status = 'declined' AND r.decided_on < :c4))";

}  // namespace

RetentionCounts SqlParticipantStore::purgeable(const std::string& cutoff) {
  RetentionCounts out;
  long long n = 0;
  sql_ << std::string("SELECT COUNT(*) FROM person WHERE ") + kOldPerson, soci::use(cutoff), soci::use(cutoff),
      soci::use(cutoff), soci::use(cutoff), soci::into(n);
  out.persons = static_cast<int>(n);
  sql_ << std::string("SELECT COUNT(*) FROM enrolment WHERE purged_on IS NULL AND ") + kOldEnrolment,
      soci::use(cutoff), soci::into(n);
  out.enrolments = static_cast<int>(n);
  sql_ << std::string("SELECT COUNT(*) FROM referral WHERE ") + kOldReferral, soci::use(cutoff), soci::use(cutoff),
      soci::into(n);
  out.referrals = static_cast<int>(n);
  return out;
}

RetentionCounts SqlParticipantStore::purge(const std::string& cutoff, const std::string& today, Id from_id, Id to_id) {
  auto run = [this](soci::statement st) {
    st.execute(true);
    return static_cast<int>(st.get_affected_rows());
  };
  long long from = from_id, to = to_id;
  RetentionCounts out;
  // The person first: its conditions read the enrolments and referrals, which the rest does not change.
  out.persons = run((sql_.prepare << std::string("UPDATE person SET pn_index = NULL, pn_sealed = '', "
                                                 "first_name_sealed = '', last_name_sealed = '', contact_sealed = '' "
                                                 "WHERE id >= :f AND id < :t AND ") + kOldPerson,
                     soci::use(from), soci::use(to), soci::use(cutoff), soci::use(cutoff), soci::use(cutoff),
                     soci::use(cutoff)));
  out.referrals = run((sql_.prepare << std::string("UPDATE referral SET referrer_name_sealed = '', reason_sealed = '', "
                                                   "decision_reason = '', override_reason = '', purged_on = :t "
                                                   "WHERE id >= :f AND id < :to AND ") +
                                           kOldReferral,
                       soci::use(today), soci::use(from), soci::use(to), soci::use(cutoff), soci::use(cutoff)));
  const std::string old_ids = std::string("enrolment_id IN (SELECT id FROM enrolment WHERE id >= :f AND id < :t AND ") +
                              kOldEnrolment + ")";
  for (const char* table : {"contact SET note_sealed = '' WHERE note_sealed <> ''",
                            "follow_up SET note_sealed = '' WHERE note_sealed <> ''",
                            "plan_version SET content_sealed = '' WHERE content_sealed <> ''",
                            "allocation SET override_reason = '' WHERE override_reason <> ''"})
    run((sql_.prepare << std::string("UPDATE ") + table + " AND " + old_ids, soci::use(from), soci::use(to),
         soci::use(cutoff)));
  out.enrolments = run((sql_.prepare << std::string("UPDATE enrolment SET next_step_sealed = '', purged_on = :t "
                                                    "WHERE id >= :f AND id < :to AND purged_on IS NULL AND ") +
                                            kOldEnrolment,
                        soci::use(today), soci::use(from), soci::use(to), soci::use(cutoff)));
  return out;
}

Id SqlParticipantStore::participant_id_end() {
  long long end = 0;
  for (const char* table : {"person", "referral", "enrolment"}) {
    long long n = 0;
    soci::indicator ind = soci::i_ok;
    sql_ << std::string("SELECT MAX(id) FROM ") + table, soci::into(n, ind);
    if (ind == soci::i_ok) end = std::max(end, n + 1);
  }
  return end;
}

std::vector<Referral> SqlParticipantStore::referrals_of_person(Id person_id) {
  long long p = person_id;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string(referral_columns()) + "WHERE person_id = :p ORDER BY received_on, id", soci::use(p));
  return load_referrals(rs);
}

std::vector<AllocationRecord> SqlParticipantStore::allocations(Id enrolment_id) {
  long long e = enrolment_id;
  std::vector<AllocationRecord> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT staff_id, allocated_on, override_reason FROM allocation WHERE enrolment_id = :e "
                       "ORDER BY allocated_on, id",
       soci::use(e));
  for (const auto& r : rs) out.push_back({col_int(r, 0), col_str(r, 1), open(col_str(r, 2))});
  return out;
}

}  // namespace stegvis::store::sql
