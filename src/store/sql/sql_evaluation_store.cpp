#include "store/sql/sql_evaluation_store.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <stdexcept>

#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {
namespace {

// The enrolments of the programme active some day in [from, to]; both ends count.
constexpr const char* kInPeriod =
    "e.programme_id = :p AND e.start_date <= :to AND (e.exit_date IS NULL OR e.exit_date >= :from) ";

// Only statistical columns: no person, referral, staff or sealed column is read.
constexpr const char* kEnrolments =
    "SELECT e.id, e.person_id, e.anonymous, u.name, m.name, t.code, e.gender, e.birth_year, e.start_date, "
    "e.exit_date, e.outcome, e.income_before, e.support_duration, e.education, e.occupation_before, "
    "e.income_after, e.occupation_after "
    "FROM enrolment e JOIN unit u ON u.id = e.unit_id JOIN municipality m ON m.id = e.municipality_id "
    "JOIN track t ON t.id = e.track_id WHERE ";

// Totals are stored in tenths (0..400); first and latest are picked in order.
constexpr const char* kRatings =
    "SELECT r.enrolment_id, r.scale, r.total FROM rating r JOIN enrolment e ON e.id = r.enrolment_id WHERE ";
constexpr const char* kRatingsOrder = "AND r.rating_date <= :to2 ORDER BY r.enrolment_id, r.scale, r.rating_date, r.id";

constexpr const char* kGoals =
    "SELECT g.enrolment_id, g.phase, g.area, g.rating FROM goal_rating g JOIN enrolment e ON e.id = g.enrolment_id "
    "WHERE ";


}  // namespace

std::vector<EvaluationFacts> SqlEvaluationStore::evaluation_facts(Id programme_id, const std::string& from,
                                                                  const std::string& to) {
  if (!cipher_) throw std::runtime_error("no field key: pseudonyms cannot be made");
  long long p = programme_id;
  std::map<Id, EvaluationFacts> by_id;

  soci::rowset<soci::row> enrolments =
      (sql_.prepare << std::string(kEnrolments) + kInPeriod, soci::use(p), soci::use(to), soci::use(from));
  for (const auto& r : enrolments) {
    Id id = col_int(r, 0);
    EvaluationFacts f;
    bool anonymous = col_int(r, 2) != 0;
    f.pseudonym = cipher_->keyed_hash(pseudonym_purpose(programme_id), pseudonym_subject(anonymous, col_opt_int(r, 1), id))
                      .substr(0, kPseudonymLength);
    f.unit = col_str(r, 3);
    f.municipality = col_str(r, 4);
    f.track = col_str(r, 5);
    f.gender = col_str(r, 6);
    f.birth_year = static_cast<int>(col_int(r, 7));
    f.start_date = col_str(r, 8);
    f.exit_date = col_str(r, 9);
    f.outcome = col_str(r, 10);
    f.income_before = split_list(col_str(r, 11));
    f.support_duration = col_str(r, 12);
    f.education = col_str(r, 13);
    f.occupation_before = col_str(r, 14);
    f.income_after = split_list(col_str(r, 15));
    f.occupation_after = col_str(r, 16);
    by_id.emplace(id, std::move(f));
  }

  soci::rowset<soci::row> ratings = (sql_.prepare << std::string(kRatings) + kInPeriod + kRatingsOrder, soci::use(p),
                                     soci::use(to), soci::use(from), soci::use(to));
  for (const auto& r : ratings) {
    auto it = by_id.find(col_int(r, 0));
    if (it == by_id.end()) continue;
    double total = static_cast<double>(col_int(r, 2)) / 10.0;
    bool ors = col_str(r, 1) == "ORS";
    auto& first = ors ? it->second.ors_first : it->second.srs_first;
    auto& latest = ors ? it->second.ors_latest : it->second.srs_latest;
    if (!first) first = total;
    latest = total;
  }

  soci::rowset<soci::row> goals =
      (sql_.prepare << std::string(kGoals) + kInPeriod, soci::use(p), soci::use(to), soci::use(from));
  for (const auto& r : goals) {
    auto it = by_id.find(col_int(r, 0));
    if (it == by_id.end()) continue;
    it->second.goal_ratings.push_back({col_str(r, 1), col_str(r, 2), static_cast<int>(col_int(r, 3))});
  }

  std::vector<EvaluationFacts> out;
  out.reserve(by_id.size());
  for (auto& [id, f] : by_id) out.push_back(std::move(f));
  std::sort(out.begin(), out.end(), [](const EvaluationFacts& a, const EvaluationFacts& b) {
    return a.pseudonym != b.pseudonym ? a.pseudonym < b.pseudonym : a.start_date < b.start_date;
  });
  return out;
}

}  // namespace stegvis::store::sql
