#include "store/sql/sql_staff_store.hpp"

#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {
namespace {
constexpr const char* kCols = "SELECT u.id, u.username, u.name, u.email, u.employing_party_id, u.disabled FROM app_user u ";
}

Id SqlStaffStore::create(const Staff& s, const std::string& password_hash, std::int64_t now) {
  NullableId party(s.employing_party_id);
  long long id = 0;
  long long created = now;
  int disabled = s.disabled ? 1 : 0;
  sql_ << "INSERT INTO app_user (username, name, email, password_hash, employing_party_id, disabled, created_at) "
          "VALUES (:u, :n, :e, :h, :p, :d, :c) RETURNING id",
      soci::use(s.username), soci::use(s.name), soci::use(s.email), soci::use(password_hash),
      soci::use(party.value, party.ind), soci::use(disabled), soci::use(created), soci::into(id);
  Staff copy = s;
  copy.id = id;
  write_roles(copy);
  return id;
}

void SqlStaffStore::update(const Staff& s) {
  NullableId party(s.employing_party_id);
  long long id = s.id;
  sql_ << "UPDATE app_user SET name = :n, email = :e, employing_party_id = :p WHERE id = :id", soci::use(s.name),
      soci::use(s.email), soci::use(party.value, party.ind), soci::use(id);
  write_roles(s);
}

void SqlStaffStore::write_roles(const Staff& s) {
  long long id = s.id;
  sql_ << "DELETE FROM role_assignment WHERE user_id = :id", soci::use(id);
  for (const auto& r : s.roles) {
    std::string role(to_code(r.role));
    NullableId unit(r.unit_id), municipality(r.municipality_id);
    sql_ << "INSERT INTO role_assignment (user_id, role, unit_id, municipality_id, fte_pct) "
            "VALUES (:u, :r, :unit, :m, :f)",
        soci::use(id), soci::use(role), soci::use(unit.value, unit.ind),
        soci::use(municipality.value, municipality.ind), soci::use(r.fte_pct);
  }
}

std::vector<Staff> SqlStaffStore::load(soci::details::prepare_temp_type& q) {
  std::vector<Staff> out;
  TypedRow u("isssii");
  u.each_row(q, [&] {
    Staff s;
    s.id = u.integer(0);
    s.username = u.text(1);
    s.name = u.text(2);
    s.email = u.text(3);
    s.employing_party_id = u.opt_integer(4);
    s.disabled = u.integer(5) != 0;
    out.push_back(std::move(s));
  });
  // Asked for the actor of every request: fixed variables, not a soci::row (see TypedRow).
  for (auto& s : out) {
    long long id = s.id;
    TypedRow r("siid");
    soci::details::prepare_temp_type roles =
        (sql_.prepare << "SELECT role, unit_id, municipality_id, fte_pct FROM role_assignment WHERE user_id = :id "
                         "ORDER BY id",
         soci::use(id));
    r.each_row(roles, [&] {
      if (auto role = role_from_code(r.text(0)))
        s.roles.push_back({*role, r.opt_integer(1), r.opt_integer(2), r.real(3)});
    });
  }
  return out;
}

std::optional<Staff> SqlStaffStore::get(Id id) {
  long long lid = id;
  soci::details::prepare_temp_type q = (sql_.prepare << std::string(kCols) + "WHERE u.id = :id", soci::use(lid));
  auto v = load(q);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::optional<Staff> SqlStaffStore::by_username(const std::string& username) {
  soci::details::prepare_temp_type q = (sql_.prepare << std::string(kCols) + "WHERE u.username = :u", soci::use(username));
  auto v = load(q);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<Staff> SqlStaffStore::list(std::optional<Id> unit_id) {
  if (!unit_id) {
    soci::details::prepare_temp_type q = (sql_.prepare << std::string(kCols) + "ORDER BY u.name");
    return load(q);
  }
  long long uid = *unit_id;
  soci::details::prepare_temp_type q =
      (sql_.prepare << std::string(kCols) +
                           "WHERE u.id IN (SELECT user_id FROM role_assignment WHERE unit_id = :u) ORDER BY u.name",
       soci::use(uid));
  return load(q);
}

std::optional<Credentials> SqlStaffStore::credentials(const std::string& username) {
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, username, password_hash, disabled FROM app_user WHERE username = :u",
       soci::use(username));
  for (const auto& r : rs) return Credentials{col_int(r, 0), col_str(r, 1), col_str(r, 2), col_int(r, 3) != 0};
  return std::nullopt;
}

void SqlStaffStore::set_password(Id id, const std::string& hash) {
  long long lid = id;
  sql_ << "UPDATE app_user SET password_hash = :h WHERE id = :id", soci::use(hash), soci::use(lid);
}

void SqlStaffStore::set_disabled(Id id, bool disabled) {
  long long lid = id;
  int d = disabled ? 1 : 0;
  sql_ << "UPDATE app_user SET disabled = :d WHERE id = :id", soci::use(d), soci::use(lid);
}

}  // namespace stegvis::store::sql
