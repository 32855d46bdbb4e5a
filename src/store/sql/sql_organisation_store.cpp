#include "store/sql/sql_organisation_store.hpp"

#include <map>

#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {
namespace {

// Every WHERE clause below is one of a few fixed strings; values are always bound.
constexpr const char* kPartyCols = "SELECT id, name, kind FROM party ";
constexpr const char* kMunicipalityCols =
    "SELECT id, name, party_id, population, socioeconomic_index FROM municipality ";
constexpr const char* kProgrammeCols =
    "SELECT id, association_id, name, start_date, end_date, purpose, target_group FROM programme ";
constexpr const char* kTrackCols = "SELECT id, programme_id, code, name, min_age, max_age, staff_role FROM track ";
constexpr const char* kUnitCols = "SELECT id, programme_id, name, controller_party_id FROM unit ";

template <typename T>
std::optional<T> first(std::vector<T> v) {
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

}  // namespace

std::optional<Association> SqlOrganisationStore::association() {
  soci::rowset<soci::row> rs = (sql_.prepare << "SELECT id, name, org_number FROM association ORDER BY id");
  for (const auto& r : rs) return Association{col_int(r, 0), col_str(r, 1), col_str(r, 2)};
  return std::nullopt;
}

Id SqlOrganisationStore::save_association(const Association& a) {
  if (a.id != 0) {
    sql_ << "UPDATE association SET name = :n, org_number = :o WHERE id = :id", soci::use(a.name), soci::use(a.org_number),
        soci::use(static_cast<long long>(a.id));
    return a.id;
  }
  long long id = 0;
  sql_ << "INSERT INTO association (name, org_number) VALUES (:n, :o) RETURNING id", soci::use(a.name),
      soci::use(a.org_number), soci::into(id);
  return id;
}

std::vector<Party> SqlOrganisationStore::query_parties(const std::string& where, Id id, const std::string& name) {
  long long lid = id;
  std::vector<Party> out;
  soci::rowset<soci::row> rs = where.empty()
      ? (sql_.prepare << std::string(kPartyCols) + "ORDER BY kind, name")
      : (where == "id" ? (sql_.prepare << std::string(kPartyCols) + "WHERE id = :id", soci::use(lid))
                       : (sql_.prepare << std::string(kPartyCols) + "WHERE name = :n", soci::use(name)));
  for (const auto& r : rs) out.push_back({col_int(r, 0), col_str(r, 1), col_str(r, 2)});
  return out;
}

std::vector<Party> SqlOrganisationStore::parties() { return query_parties("", 0, ""); }
std::optional<Party> SqlOrganisationStore::party(Id id) { return first(query_parties("id", id, "")); }
std::optional<Party> SqlOrganisationStore::party_by_name(const std::string& name) {
  return first(query_parties("name", 0, name));
}

Id SqlOrganisationStore::save_party(const Party& p) {
  if (p.id != 0) {
    sql_ << "UPDATE party SET name = :n, kind = :k WHERE id = :id", soci::use(p.name), soci::use(p.kind),
        soci::use(static_cast<long long>(p.id));
    return p.id;
  }
  long long id = 0;
  sql_ << "INSERT INTO party (name, kind) VALUES (:n, :k) RETURNING id", soci::use(p.name), soci::use(p.kind),
      soci::into(id);
  return id;
}

std::vector<Municipality> SqlOrganisationStore::query_municipalities(const std::string& where, Id id,
                                                                     const std::string& name) {
  long long lid = id;
  std::vector<Municipality> out;
  soci::rowset<soci::row> rs =
      where.empty() ? (sql_.prepare << std::string(kMunicipalityCols) + "ORDER BY name")
      : where == "id"
          ? (sql_.prepare << std::string(kMunicipalityCols) + "WHERE id = :id", soci::use(lid))
          : where == "name"
              ? (sql_.prepare << std::string(kMunicipalityCols) + "WHERE name = :n", soci::use(name))
              : (sql_.prepare << "SELECT m.id, m.name, m.party_id, m.population, m.socioeconomic_index "
                                 "FROM municipality m JOIN unit_municipality um ON um.municipality_id = m.id "
                                 "WHERE um.unit_id = :u ORDER BY m.name",
                 soci::use(lid));
  for (const auto& r : rs)
    out.push_back({col_int(r, 0), col_str(r, 1), col_opt_int(r, 2), col_int(r, 3), col_double(r, 4)});
  return out;
}

std::vector<Municipality> SqlOrganisationStore::municipalities() { return query_municipalities("", 0, ""); }
std::optional<Municipality> SqlOrganisationStore::municipality(Id id) {
  return first(query_municipalities("id", id, ""));
}
std::optional<Municipality> SqlOrganisationStore::municipality_by_name(const std::string& name) {
  return first(query_municipalities("name", 0, name));
}

Id SqlOrganisationStore::save_municipality(const Municipality& m) {
  NullableId party(m.party_id);
  long long population = m.population;
  if (m.id != 0) {
    sql_ << "UPDATE municipality SET name = :n, party_id = :p, population = :pop, socioeconomic_index = :s "
            "WHERE id = :id",
        soci::use(m.name), soci::use(party.value, party.ind), soci::use(population), soci::use(m.socioeconomic_index),
        soci::use(static_cast<long long>(m.id));
    return m.id;
  }
  long long id = 0;
  sql_ << "INSERT INTO municipality (name, party_id, population, socioeconomic_index) VALUES (:n, :p, :pop, :s) "
          "RETURNING id",
      soci::use(m.name), soci::use(party.value, party.ind), soci::use(population), soci::use(m.socioeconomic_index),
      soci::into(id);
  return id;
}

std::vector<Track> SqlOrganisationStore::query_tracks(const std::string& where, Id id) {
  long long lid = id;
  std::vector<Track> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string(kTrackCols) + (where == "id" ? "WHERE id = :id" : "WHERE programme_id = :id") +
                           " ORDER BY id",
       soci::use(lid));
  for (const auto& r : rs) {
    Track t{col_int(r, 0), col_int(r, 1), col_str(r, 2), col_str(r, 3),
            static_cast<int>(col_int(r, 4)), static_cast<int>(col_int(r, 5)), Role::coach};
    t.staff_role = role_from_code(col_str(r, 6)).value_or(Role::coach);
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<Unit> SqlOrganisationStore::query_units(const std::string& where, Id id) {
  long long lid = id;
  std::vector<Unit> out;
  soci::rowset<soci::row> rs =
      where.empty() ? (sql_.prepare << std::string(kUnitCols) + "ORDER BY programme_id, id")
                    : (sql_.prepare << std::string(kUnitCols) +
                                           (where == "id" ? "WHERE id = :id" : "WHERE programme_id = :id") +
                                           " ORDER BY id",
                       soci::use(lid));
  for (const auto& r : rs) out.push_back({col_int(r, 0), col_int(r, 1), col_str(r, 2), col_opt_int(r, 3), {}});
  for (auto& u : out) u.municipalities = query_municipalities("unit", u.id, "");
  return out;
}

std::vector<Programme> SqlOrganisationStore::query_programmes(const std::string& where, Id id) {
  long long lid = id;
  std::vector<Programme> out;
  soci::rowset<soci::row> rs = where.empty()
      ? (sql_.prepare << std::string(kProgrammeCols) + "ORDER BY start_date, name")
      : (sql_.prepare << std::string(kProgrammeCols) + "WHERE id = :id", soci::use(lid));
  for (const auto& r : rs)
    out.push_back({col_int(r, 0), col_int(r, 1), col_str(r, 2), col_str(r, 3), col_str(r, 4), col_str(r, 5),
                   col_str(r, 6), {}, {}});
  for (auto& p : out) {
    p.tracks = query_tracks("programme", p.id);
    p.units = query_units("programme", p.id);
  }
  return out;
}

std::vector<Programme> SqlOrganisationStore::programmes() { return query_programmes("", 0); }
std::optional<Programme> SqlOrganisationStore::programme(Id id) { return first(query_programmes("id", id)); }

Id SqlOrganisationStore::save_programme(const Programme& p) {
  if (p.id != 0) {
    sql_ << "UPDATE programme SET name = :n, start_date = :s, end_date = :e, purpose = :p, target_group = :t "
            "WHERE id = :id",
        soci::use(p.name), soci::use(p.start_date), soci::use(p.end_date), soci::use(p.purpose),
        soci::use(p.target_group), soci::use(static_cast<long long>(p.id));
    return p.id;
  }
  long long id = 0;
  long long association_id = p.association_id;
  sql_ << "INSERT INTO programme (association_id, name, start_date, end_date, purpose, target_group) "
          "VALUES (:a, :n, :s, :e, :p, :t) RETURNING id",
      soci::use(association_id), soci::use(p.name), soci::use(p.start_date), soci::use(p.end_date),
      soci::use(p.purpose), soci::use(p.target_group), soci::into(id);
  return id;
}

std::optional<Track> SqlOrganisationStore::track(Id id) { return first(query_tracks("id", id)); }

Id SqlOrganisationStore::save_track(const Track& t) {
  std::string role(to_code(t.staff_role));
  if (t.id != 0) {
    sql_ << "UPDATE track SET code = :c, name = :n, min_age = :mi, max_age = :ma, staff_role = :r WHERE id = :id",
        soci::use(t.code), soci::use(t.name), soci::use(t.min_age), soci::use(t.max_age), soci::use(role),
        soci::use(static_cast<long long>(t.id));
    return t.id;
  }
  long long id = 0;
  long long programme_id = t.programme_id;
  sql_ << "INSERT INTO track (programme_id, code, name, min_age, max_age, staff_role) "
          "VALUES (:p, :c, :n, :mi, :ma, :r) RETURNING id",
      soci::use(programme_id), soci::use(t.code), soci::use(t.name), soci::use(t.min_age), soci::use(t.max_age),
      soci::use(role), soci::into(id);
  return id;
}

std::optional<Unit> SqlOrganisationStore::unit(Id id) { return first(query_units("id", id)); }
std::vector<Unit> SqlOrganisationStore::units() { return query_units("", 0); }

Id SqlOrganisationStore::save_unit(const Unit& u) {
  NullableId controller(u.controller_party_id);
  long long id = u.id;
  long long programme_id = u.programme_id;
  if (u.id != 0) {
    sql_ << "UPDATE unit SET name = :n, controller_party_id = :c WHERE id = :id", soci::use(u.name),
        soci::use(controller.value, controller.ind), soci::use(id);
  } else {
    sql_ << "INSERT INTO unit (programme_id, name, controller_party_id) VALUES (:p, :n, :c) RETURNING id",
        soci::use(programme_id), soci::use(u.name), soci::use(controller.value, controller.ind), soci::into(id);
  }
  sql_ << "DELETE FROM unit_municipality WHERE unit_id = :u", soci::use(id);
  for (const auto& m : u.municipalities) {
    long long mid = m.id;
    sql_ << "INSERT INTO unit_municipality (unit_id, municipality_id, programme_id) VALUES (:u, :m, :p)",
        soci::use(id), soci::use(mid), soci::use(programme_id);
  }
  return id;
}

}  // namespace stegvis::store::sql
