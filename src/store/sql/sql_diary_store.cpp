// SQL for the staff diaries and the annual report's text sections (part of
// the governance store; see sql_governance_store.cpp).
#include "store/sql/sql_governance_store.hpp"
#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {

Id SqlGovernanceStore::add_diary_entry(const DiaryEntry& e) {
  std::string themes;
  for (const auto& t : e.themes) themes += (themes.empty() ? "" : ",") + t;
  long long unit = e.unit_id, author = e.author_id, year = iso_week_year(e.week), at = e.created_at, id = 0;
  int marked = e.for_annual_report ? 1 : 0;
  sql_ << "INSERT INTO diary_entry (unit_id, author_id, week, iso_year, text, themes, for_annual_report, created_at) "
          "VALUES (:u, :a, :w, :y, :t, :th, :f, :c) RETURNING id",
      soci::use(unit), soci::use(author), soci::use(e.week), soci::use(year), soci::use(e.text), soci::use(themes),
      soci::use(marked), soci::use(at), soci::into(id);
  return id;
}

std::vector<DiaryEntry> SqlGovernanceStore::query_diary(const std::string& where, long long id, int year) {
  long long y = year;
  std::vector<DiaryEntry> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT d.id, d.unit_id, d.author_id, u.name, d.week, d.text, d.themes, d.for_annual_report, "
                       "d.created_at FROM diary_entry d JOIN app_user u ON u.id = d.author_id " +
                           where + " AND (:y = 0 OR d.iso_year = :y2) ORDER BY d.week DESC, d.id DESC",
       soci::use(id, "id"), soci::use(y, "y"), soci::use(y, "y2"));
  for (const auto& r : rs) {
    DiaryEntry e;
    e.id = col_int(r, 0);
    e.unit_id = col_int(r, 1);
    e.author_id = col_int(r, 2);
    e.author_name = col_str(r, 3);
    e.week = col_str(r, 4);
    e.text = col_str(r, 5);
    e.themes = split_list(col_str(r, 6));
    e.for_annual_report = col_int(r, 7) != 0;
    e.created_at = col_int(r, 8);
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<DiaryEntry> SqlGovernanceStore::diary_entries(Id unit_id, int year) {
  return query_diary("WHERE d.unit_id = :id", unit_id, year);
}

std::vector<DiaryEntry> SqlGovernanceStore::programme_diary_entries(Id programme_id, int year) {
  return query_diary("WHERE d.unit_id IN (SELECT x.id FROM unit x WHERE x.programme_id = :id)", programme_id, year);
}

std::optional<AnnualSections> SqlGovernanceStore::annual_sections(Id programme_id, int year) {
  long long p = programme_id, y = year;
  std::optional<AnnualSections> out;
  long long version_id = 0;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, version, saved_by_name FROM annual_report_version WHERE programme_id = :p AND "
                       "year = :y ORDER BY version DESC",
       soci::use(p), soci::use(y));
  for (const auto& r : rs) {
    version_id = col_int(r, 0);
    out = AnnualSections{static_cast<int>(col_int(r, 1)), {}, col_str(r, 2)};
    break;
  }
  if (!out) return out;
  soci::rowset<soci::row> sections =
      (sql_.prepare << "SELECT code, text FROM annual_report_section WHERE report_version_id = :v", soci::use(version_id));
  for (const auto& r : sections) out->texts[col_str(r, 0)] = col_str(r, 1);
  return out;
}

void SqlGovernanceStore::add_annual_sections(Id programme_id, int year, const AnnualSections& s, std::optional<Id> by,
                                             std::int64_t now) {
  long long p = programme_id, y = year, v = s.version, at = now, id = 0;
  NullableId who(by);
  sql_ << "INSERT INTO annual_report_version (programme_id, year, version, saved_by, saved_by_name, saved_at) "
          "VALUES (:p, :y, :v, :b, :n, :a) RETURNING id",
      soci::use(p), soci::use(y), soci::use(v), soci::use(who.value, who.ind), soci::use(s.saved_by), soci::use(at),
      soci::into(id);
  for (const auto& [code, text] : s.texts)
    sql_ << "INSERT INTO annual_report_section (report_version_id, code, text) VALUES (:v, :c, :t)", soci::use(id),
        soci::use(code), soci::use(text);
}

}  // namespace stegvis::store::sql
