// SQL for the programme plan's versions and the semester activity plan
// (the governance store's second half; see sql_governance_store.cpp).
#include "store/sql/sql_governance_store.hpp"
#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {

std::vector<PlanVersion> SqlGovernanceStore::plan_versions(Id programme_id) {
  long long p = programme_id;
  std::vector<PlanVersion> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, programme_id, version, decision, decided_by, decided_on FROM programme_plan_version "
                       "WHERE programme_id = :p ORDER BY id",
       soci::use(p));
  for (const auto& r : rs)
    out.push_back({col_int(r, 0), col_int(r, 1), col_str(r, 2), col_str(r, 3), col_str(r, 4), col_str(r, 5), {}});
  soci::rowset<soci::row> sections =
      (sql_.prepare << "SELECT s.programme_plan_version_id, s.code, s.text FROM programme_plan_section s JOIN programme_plan_version v "
                       "ON v.id = s.programme_plan_version_id WHERE v.programme_id = :p",
       soci::use(p));
  for (const auto& r : sections)
    for (auto& v : out)
      if (v.id == col_int(r, 0)) v.sections[col_str(r, 1)] = col_str(r, 2);
  return out;
}

Id SqlGovernanceStore::add_plan_version(const PlanVersion& v, std::optional<Id> by, std::int64_t now) {
  long long p = v.programme_id, at = now, id = 0;
  NullableId who(by);
  sql_ << "INSERT INTO programme_plan_version (programme_id, version, decision, decided_by, decided_on, created_by, created_at) "
          "VALUES (:p, :v, :d, :b, :o, :c, :a) RETURNING id",
      soci::use(p), soci::use(v.version), soci::use(v.decision), soci::use(v.decided_by), soci::use(v.date),
      soci::use(who.value, who.ind), soci::use(at), soci::into(id);
  for (const auto& [code, text] : v.sections)
    sql_ << "INSERT INTO programme_plan_section (programme_plan_version_id, code, text) VALUES (:v, :c, :t)", soci::use(id),
        soci::use(code), soci::use(text);
  return id;
}

std::vector<ActivityItem> SqlGovernanceStore::query_activities(const std::string& where, long long id) {
  std::vector<ActivityItem> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, programme_id, semester, activity, status, responsible, evidence FROM activity_item " +
                           where + " ORDER BY id",
       soci::use(id));
  for (const auto& r : rs)
    out.push_back({col_int(r, 0), col_int(r, 1), col_str(r, 2), col_str(r, 3), col_str(r, 4), col_str(r, 5),
                   col_str(r, 6)});
  return out;
}

std::vector<ActivityItem> SqlGovernanceStore::activity_items(Id programme_id) {
  return query_activities("WHERE programme_id = :id", programme_id);
}

std::optional<ActivityItem> SqlGovernanceStore::activity_item(Id id) {
  auto v = query_activities("WHERE id = :id", id);
  if (v.empty()) return std::nullopt;
  return v.front();
}

Id SqlGovernanceStore::save_activity_item(const ActivityItem& a, std::int64_t now) {
  long long at = now;
  if (a.id == 0) {
    long long p = a.programme_id, id = 0;
    sql_ << "INSERT INTO activity_item (programme_id, semester, activity, status, responsible, evidence, updated_at) "
            "VALUES (:p, :s, :a, :st, :r, :e, :u) RETURNING id",
        soci::use(p), soci::use(a.semester), soci::use(a.activity), soci::use(a.status), soci::use(a.responsible),
        soci::use(a.evidence), soci::use(at), soci::into(id);
    return id;
  }
  long long id = a.id;
  sql_ << "UPDATE activity_item SET semester = :s, activity = :a, status = :st, responsible = :r, evidence = :e, "
          "updated_at = :u WHERE id = :id",
      soci::use(a.semester), soci::use(a.activity), soci::use(a.status), soci::use(a.responsible),
      soci::use(a.evidence), soci::use(at), soci::use(id);
  return a.id;
}

}  // namespace stegvis::store::sql
