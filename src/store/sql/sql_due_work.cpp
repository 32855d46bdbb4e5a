// The due work's reads in bulk: one query for the snapshots of every enrolment
// that still needs something, instead of a plan and a follow-up query per
// enrolment, and caseloads limited to one unit's staff. Both use indexes of
// migration 007 (the open-work partial indexes).
#include "store/sql/sql_participant_store.hpp"
#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {
namespace {

// The latest plan version and the latest follow-up, each through its (enrolment_id, ...) index.
constexpr const char* kOpenWork =
    "SELECT e.id, e.start_date, e.exit_date, e.final_report_sent_on, "
    "(SELECT MAX(p.version) FROM plan_version p WHERE p.enrolment_id = e.id), "
    "(SELECT p.next_follow_up FROM plan_version p WHERE p.enrolment_id = e.id ORDER BY p.version DESC LIMIT 1), "
    "(SELECT f.follow_up_date FROM follow_up f WHERE f.enrolment_id = e.id "
    " ORDER BY f.follow_up_date DESC, f.id DESC LIMIT 1), "
    "(SELECT f.next_follow_up FROM follow_up f WHERE f.enrolment_id = e.id "
    " ORDER BY f.follow_up_date DESC, f.id DESC LIMIT 1) "
    "FROM enrolment e ";
// Written exactly as the partial indexes' predicate, so that the planner can use them.
constexpr const char* kOpen = "(e.exit_date IS NULL OR e.final_report_sent_on IS NULL)";

std::optional<Date> opt_date(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return parse_date(s);
}

}  // namespace

std::vector<EnrolmentSnapshot> SqlParticipantStore::open_work(std::optional<Id> staff_id, std::optional<Id> unit_id) {
  long long key = staff_id ? *staff_id : unit_id.value_or(0);
  std::string where = std::string(staff_id ? "WHERE e.staff_id = :k AND " : "WHERE e.unit_id = :k AND ") + kOpen;
  soci::rowset<soci::row> rs = (sql_.prepare << std::string(kOpenWork) + where + " ORDER BY e.id", soci::use(key));
  std::vector<EnrolmentSnapshot> out;
  for (const auto& r : rs) {
    EnrolmentSnapshot s;
    s.enrolment_id = col_int(r, 0);
    s.start = parse_date(col_str(r, 1)).value_or(Date{});
    s.exit = opt_date(col_str(r, 2));
    s.final_report_sent = opt_date(col_str(r, 3));
    s.has_plan = col_opt_int(r, 4).has_value();
    s.planned_follow_up = opt_date(col_str(r, 5));
    s.last_follow_up = opt_date(col_str(r, 6));
    // A later follow-up's planned date replaces the plan's, as on the participant page.
    if (s.last_follow_up && !col_str(r, 7).empty()) s.planned_follow_up = opt_date(col_str(r, 7));
    out.push_back(std::move(s));
  }
  return out;
}

std::map<Id, int> SqlParticipantStore::caseloads_of_unit(Id unit_id) {
  long long unit = unit_id;
  std::map<Id, int> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT staff_id, COUNT(*) FROM enrolment WHERE exit_date IS NULL AND staff_id IN "
                       "(SELECT user_id FROM role_assignment WHERE unit_id = :u) GROUP BY staff_id",
       soci::use(unit));
  for (const auto& r : rs) out[col_int(r, 0)] = static_cast<int>(col_int(r, 1));
  return out;
}

}  // namespace stegvis::store::sql
