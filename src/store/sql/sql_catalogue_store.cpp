// The programme catalogue in SQL. A search is one page query and one count
// over the same conditions; every condition is a constant fragment and every
// value a bound parameter, so a search text never becomes SQL. An unused filter
// keeps its parameter in a fragment that is always true ("CAST(:x AS TEXT) = ''"), so the
// statement binds the same names whichever filters are on.
#include "store/sql/sql_catalogue_store.hpp"

#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {
namespace {

constexpr const char* kCols =
    "c.id, c.name, c.association, c.county, c.owner_provider, c.financing, c.period_start, c.period_end, c.purpose, "
    "c.target_group, c.places, c.goals, c.results, c.contact, c.source_note, c.programme_id";

CatalogueEntry load(const soci::row& r) {
  CatalogueEntry e;
  e.id = col_int(r, 0);
  e.name = col_str(r, 1);
  e.association = col_str(r, 2);
  e.county = col_str(r, 3);
  e.owner_provider = col_str(r, 4);
  e.financing = col_str(r, 5);
  e.period_start = col_str(r, 6);
  e.period_end = col_str(r, 7);
  e.purpose = col_str(r, 8);
  e.target_group = col_str(r, 9);
  e.places = col_str(r, 10);
  e.goals = col_str(r, 11);
  e.results = col_str(r, 12);
  e.contact = col_str(r, 13);
  e.source_note = col_str(r, 14);
  e.programme_id = col_opt_int(r, 15);
  return e;
}

}  // namespace

std::vector<CatalogueEntry> SqlCatalogueStore::search(const CatalogueQuery& q, int* total) {
  const bool text = !q.terms.empty(), target = !q.target_terms.empty();
  std::string from, order, match, target_match;
  if (pg_) {
    from = " FROM catalogue_entry c WHERE 1 = 1";
    match = text ? tsquery_text(q.terms) : "";
    target_match = target ? tsquery_text(q.target_terms) : "";
    from += text ? " AND c.search_vector @@ to_tsquery('swedish', :m)" : " AND CAST(:m AS TEXT) = ''";
    from += target ? " AND c.target_vector @@ to_tsquery('swedish', :t)" : " AND CAST(:t AS TEXT) = ''";
    order = text ? " ORDER BY ts_rank(c.search_vector, to_tsquery('swedish', :m2)) DESC, c.name, c.id"
                 : " ORDER BY c.name, c.id, CAST(:m2 AS TEXT)";
  } else {
    match = fts5_match(q.terms, q.target_terms);
    // CROSS JOIN keeps the full-text match as the outer loop: with a county or date filter the
    // planner would otherwise walk that index and run the match once per row (60 ms at 10 000).
    from = (text || target) ? " FROM catalogue_fts f CROSS JOIN catalogue_entry c ON c.id = f.rowid "
                              "WHERE catalogue_fts MATCH :m AND CAST(:t AS TEXT) = ''"
                            : " FROM catalogue_entry c WHERE CAST(:m AS TEXT) = '' AND CAST(:t AS TEXT) = ''";
    order = (text || target) ? " ORDER BY f.rank, c.name, c.id, :m2" : " ORDER BY c.name, c.id, CAST(:m2 AS TEXT)";
  }
  from += q.county.empty() ? " AND CAST(:county AS TEXT) = ''" : " AND c.county = :county";
  from += q.active_on.empty()
              ? " AND CAST(:d1 AS TEXT) = '' AND CAST(:d2 AS TEXT) = ''"
              : " AND c.active_from <> '' AND c.active_from <= :d1 AND (c.active_to = '' OR c.active_to >= :d2)";
  // ":m2" in ORDER BY only for PostgreSQL's rank; elsewhere a constant sort key that binds it.
  std::string m2 = pg_ && text ? match : "";
  long long n = 0;
  {
    std::string count_sql = "SELECT COUNT(*)" + from;
    sql_ << count_sql, soci::use(match, "m"), soci::use(target_match, "t"), soci::use(q.county, "county"),
        soci::use(q.active_on, "d1"), soci::use(q.active_on, "d2"), soci::into(n);
  }
  if (total) *total = static_cast<int>(n);
  long long limit = q.limit, offset = q.offset;
  std::vector<CatalogueEntry> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string("SELECT ") + kCols + from + order + " LIMIT :l OFFSET :o", soci::use(match, "m"),
       soci::use(target_match, "t"), soci::use(q.county, "county"), soci::use(q.active_on, "d1"),
       soci::use(q.active_on, "d2"), soci::use(m2, "m2"), soci::use(limit, "l"), soci::use(offset, "o"));
  for (const auto& r : rs) out.push_back(load(r));
  return out;
}

std::optional<CatalogueEntry> SqlCatalogueStore::entry(Id id) {
  long long i = id;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string("SELECT ") + kCols + " FROM catalogue_entry c WHERE c.id = :i", soci::use(i));
  for (const auto& r : rs) return load(r);
  return std::nullopt;
}

Id SqlCatalogueStore::save_entry(const CatalogueEntry& e, std::optional<Id> by, std::int64_t now) {
  NullableId programme(e.programme_id), who(by);
  std::string from = period_first_day(e.period_start), to = period_last_day(e.period_end);
  long long at = now;
  if (e.id == 0) {
    long long id = 0;
    sql_ << "INSERT INTO catalogue_entry (name, association, county, owner_provider, financing, period_start, "
            "period_end, active_from, active_to, purpose, target_group, places, goals, results, contact, source_note, "
            "programme_id, updated_by, updated_at) VALUES (:n, :a, :c, :o, :f, :ps, :pe, :af, :at, :pu, :tg, :pl, :g, "
            ":r, :co, :sn, :p, :b, :u) RETURNING id",
        soci::use(e.name), soci::use(e.association), soci::use(e.county), soci::use(e.owner_provider),
        soci::use(e.financing), soci::use(e.period_start), soci::use(e.period_end), soci::use(from), soci::use(to),
        soci::use(e.purpose), soci::use(e.target_group), soci::use(e.places), soci::use(e.goals),
        soci::use(e.results), soci::use(e.contact), soci::use(e.source_note),
        soci::use(programme.value, programme.ind), soci::use(who.value, who.ind), soci::use(at), soci::into(id);
    return id;
  }
  long long id = e.id;
  sql_ << "UPDATE catalogue_entry SET name = :n, association = :a, county = :c, owner_provider = :o, financing = :f, "
          "period_start = :ps, period_end = :pe, active_from = :af, active_to = :at, purpose = :pu, "
          "target_group = :tg, places = :pl, goals = :g, results = :r, contact = :co, source_note = :sn, "
          "programme_id = :p, updated_by = :b, updated_at = :u WHERE id = :id",
      soci::use(e.name), soci::use(e.association), soci::use(e.county), soci::use(e.owner_provider),
      soci::use(e.financing), soci::use(e.period_start), soci::use(e.period_end), soci::use(from), soci::use(to),
      soci::use(e.purpose), soci::use(e.target_group), soci::use(e.places), soci::use(e.goals), soci::use(e.results),
      soci::use(e.contact), soci::use(e.source_note), soci::use(programme.value, programme.ind),
      soci::use(who.value, who.ind), soci::use(at), soci::use(id);
  return e.id;
}

std::vector<std::string> SqlCatalogueStore::counties() {
  std::vector<std::string> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT DISTINCT county FROM catalogue_entry WHERE county <> '' ORDER BY county");
  for (const auto& r : rs) out.push_back(col_str(r, 0));
  return out;
}

ProgrammeFigures SqlCatalogueStore::programme_figures(Id programme_id, const std::string& today) {
  long long p = programme_id;
  std::string year_start = today.substr(0, 4) + "-01-01";
  long long active = 0, started = 0, exited = 0;
  sql_ << "SELECT "
          "COALESCE(SUM(CASE WHEN start_date <= :t1 AND (exit_date IS NULL OR exit_date >= :t2) THEN 1 ELSE 0 END), 0), "
          "COALESCE(SUM(CASE WHEN start_date >= :y1 THEN 1 ELSE 0 END), 0), "
          "COALESCE(SUM(CASE WHEN exit_date >= :y2 THEN 1 ELSE 0 END), 0) "
          "FROM enrolment WHERE programme_id = :p",
      soci::use(today, "t1"), soci::use(today, "t2"), soci::use(year_start, "y1"), soci::use(year_start, "y2"),
      soci::use(p, "p"), soci::into(active), soci::into(started), soci::into(exited);
  return {static_cast<int>(active), static_cast<int>(started), static_cast<int>(exited)};
}

}  // namespace stegvis::store::sql
