#include "store/sql/sql_financing_store.hpp"

#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {
namespace {

constexpr const char* kPostColumns =
    "SELECT id, programme_id, year, party_id, municipality_id, role, association_fte_pct, cofinancing_fte_pct, note "
    "FROM financed_post ";

constexpr const char* kScenarioColumns =
    "SELECT id, programme_id, name, population_weight, socioeconomic_weight, proposal, created_by, created_at "
    "FROM allocation_scenario ";

AllocationScenario scenario_from(const soci::row& r) {
  AllocationScenario s;
  s.id = col_int(r, 0);
  s.programme_id = col_int(r, 1);
  s.name = col_str(r, 2);
  s.population_weight = col_double(r, 3);
  s.socioeconomic_weight = col_double(r, 4);
  s.proposal = col_str(r, 5);
  s.created_by = col_int(r, 6);
  s.created_at = col_int(r, 7);
  return s;
}

}  // namespace

std::optional<int> SqlFinancingStore::agreement_year(Id programme_id, int year) {
  long long p = programme_id, y = year, found = 0;
  soci::indicator ind = soci::i_null;
  sql_ << "SELECT MAX(year) FROM financed_post WHERE programme_id = :p AND year <= :y", soci::use(p), soci::use(y),
      soci::into(found, ind);
  if (ind != soci::i_ok) return std::nullopt;
  return static_cast<int>(found);
}

std::vector<FinancedPost> SqlFinancingStore::agreement(Id programme_id, int agreement_year) {
  long long p = programme_id, y = agreement_year;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string(kPostColumns) + "WHERE programme_id = :p AND year = :y ORDER BY id", soci::use(p),
       soci::use(y));
  std::vector<FinancedPost> out;
  for (const auto& r : rs) {
    FinancedPost f;
    f.id = col_int(r, 0);
    f.programme_id = col_int(r, 1);
    f.year = static_cast<int>(col_int(r, 2));
    f.party_id = col_int(r, 3);
    f.municipality_id = col_opt_int(r, 4);
    f.role = role_from_code(col_str(r, 5)).value_or(Role::coach);
    f.association_fte_pct = col_double(r, 6);
    f.cofinancing_fte_pct = col_double(r, 7);
    f.note = col_str(r, 8);
    out.push_back(std::move(f));
  }
  return out;
}

void SqlFinancingStore::replace_agreement(Id programme_id, int year, const std::vector<FinancedPost>& posts) {
  long long p = programme_id, y = year;
  sql_ << "DELETE FROM financed_post WHERE programme_id = :p AND year = :y", soci::use(p), soci::use(y);
  for (const auto& f : posts) {
    long long party = f.party_id;
    NullableId municipality(f.municipality_id);
    std::string role(to_code(f.role));
    double association = f.association_fte_pct, cofinancing = f.cofinancing_fte_pct;
    sql_ << "INSERT INTO financed_post (programme_id, year, party_id, municipality_id, role, association_fte_pct, "
            "cofinancing_fte_pct, note) VALUES (:p, :y, :party, :m, :role, :a, :c, :n)",
        soci::use(p), soci::use(y), soci::use(party), soci::use(municipality.value, municipality.ind),
        soci::use(role), soci::use(association), soci::use(cofinancing), soci::use(f.note);
  }
}

std::vector<AllocationScenario> SqlFinancingStore::scenarios(Id programme_id) {
  long long p = programme_id;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string(kScenarioColumns) + "WHERE programme_id = :p ORDER BY created_at DESC, id DESC",
       soci::use(p));
  std::vector<AllocationScenario> out;
  for (const auto& r : rs) out.push_back(scenario_from(r));
  return out;
}

std::optional<AllocationScenario> SqlFinancingStore::scenario(Id id) {
  long long i = id;
  soci::rowset<soci::row> rs = (sql_.prepare << std::string(kScenarioColumns) + "WHERE id = :i", soci::use(i));
  for (const auto& r : rs) return scenario_from(r);
  return std::nullopt;
}

bool SqlFinancingStore::scenario_name_taken(Id programme_id, const std::string& name) {
  long long p = programme_id, n = 0;
  sql_ << "SELECT COUNT(*) FROM allocation_scenario WHERE programme_id = :p AND name = :n", soci::use(p),
      soci::use(name), soci::into(n);
  return n > 0;
}

Id SqlFinancingStore::add_scenario(const AllocationScenario& s) {
  long long p = s.programme_id, by = s.created_by, at = s.created_at, id = 0;
  double pw = s.population_weight, sw = s.socioeconomic_weight;
  sql_ << "INSERT INTO allocation_scenario (programme_id, name, population_weight, socioeconomic_weight, proposal, "
          "created_by, created_at) VALUES (:p, :n, :pw, :sw, :pr, :by, :at) RETURNING id",
      soci::use(p), soci::use(s.name), soci::use(pw), soci::use(sw), soci::use(s.proposal), soci::use(by),
      soci::use(at), soci::into(id);
  return id;
}

void SqlFinancingStore::delete_scenario(Id id) {
  long long i = id;
  sql_ << "DELETE FROM allocation_scenario WHERE id = :i", soci::use(i);
}

}  // namespace stegvis::store::sql
