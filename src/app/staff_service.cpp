#include "app/staff_service.hpp"

#include "app/access.hpp"
#include "app/audit.hpp"
#include "crypto/crypto.hpp"
#include "domain/validation.hpp"

namespace stegvis::app {

Result<std::vector<Staff>> StaffService::list(const Actor& actor, std::optional<Id> unit_id) {
  if (auto s = authorize(env_, actor, Permission::view_staff, unit_id); !s) return s.error();
  auto tx = env_.db.begin(false);
  if (unit_id && !tx->organisation().unit(*unit_id)) return not_found("Länsdelen finns inte.");
  return tx->staff().list(unit_id);
}

Result<Staff> StaffService::get(const Actor& actor, Id id) {
  std::optional<Staff> staff;
  {
    auto tx = env_.db.begin(false);
    staff = tx->staff().get(id);
  }
  if (!staff) {
    if (auto s = authorize(env_, actor, Permission::view_staff); !s) return s.error();
    return not_found("Personen finns inte.");
  }
  // Visible to those who see all staff, and to colleagues in one of the person's units.
  if (allowed(actor, Permission::view_staff) || actor.user_id == id) return *staff;
  for (const auto& r : staff->roles)
    if (r.unit_id && allowed(actor, Permission::view_staff, r.unit_id)) return *staff;
  if (auto s = authorize(env_, actor, Permission::view_staff, std::optional<Id>(-1)); !s) return s.error();
  return *staff;
}

std::optional<Error> StaffService::validate(store::Store& tx, const Staff& s) {
  if (auto e = check_text("name", s.name, 200)) return e;
  if (auto e = check_text("email", s.email, 200, false)) return e;
  if (!s.email.empty() && s.email.find('@') == std::string::npos)
    return invalid("email", "E-postadressen ska innehålla @.");
  if (s.employing_party_id && !tx.organisation().party(*s.employing_party_id))
    return invalid("employing_party_id", "Arbetsgivaren (parten) finns inte.");
  if (s.roles.empty()) return invalid("roles", "Ange minst en roll.");
  for (const auto& r : s.roles) {
    if (auto e = check_range("fte_pct", r.fte_pct, 0, 200)) return e;
    if (is_unit_scoped(r.role) && !r.unit_id)
      return invalid("unit_id", "Rollen " + std::string(to_code(r.role)) + " måste knytas till en länsdel.");
    if (r.unit_id) {
      auto unit = tx.organisation().unit(*r.unit_id);
      if (!unit) return invalid("unit_id", "Länsdelen finns inte.");
      if (r.municipality_id) {
        bool in_unit = false;
        for (const auto& m : unit->municipalities) in_unit = in_unit || m.id == *r.municipality_id;
        if (!in_unit) return invalid("municipality_id", "Kommunen hör inte till länsdelen " + unit->name + ".");
      }
    } else if (r.municipality_id) {
      return invalid("municipality_id", "Ange länsdel när du anger kommun.");
    }
  }
  return std::nullopt;
}

Result<Id> StaffService::create(const Actor& actor, const Staff& s, const std::string& password) {
  if (auto st = authorize(env_, actor, Permission::manage_staff); !st) return st.error();
  if (auto e = check_username(s.username)) return *e;
  if (auto e = check_password(password)) return *e;
  auto tx = env_.db.begin(true);
  if (auto e = validate(*tx, s)) return *e;
  if (tx->staff().credentials(s.username)) return conflict("Användarnamnet är upptaget.", "username");
  Id id = tx->staff().create(s, crypto::hash_password(password), env_.now());
  record(*tx, env_.now(), actor, "staff.create", "staff", std::to_string(id), s.username);
  tx->commit();
  return id;
}

Status StaffService::update(const Actor& actor, const Staff& s) {
  if (auto st = authorize(env_, actor, Permission::manage_staff); !st) return st;
  auto tx = env_.db.begin(true);
  auto existing = tx->staff().get(s.id);
  if (!existing) return not_found("Personen finns inte.");
  if (auto e = validate(*tx, s)) return *e;
  tx->staff().update(s);
  record(*tx, env_.now(), actor, "staff.update", "staff", std::to_string(s.id));
  tx->commit();
  return done();
}

Status StaffService::set_disabled(const Actor& actor, Id id, bool disabled) {
  if (auto st = authorize(env_, actor, Permission::manage_staff); !st) return st;
  if (disabled && id == actor.user_id) return conflict("Du kan inte stänga av ditt eget konto.");
  auto tx = env_.db.begin(true);
  if (!tx->staff().get(id)) return not_found("Personen finns inte.");
  tx->staff().set_disabled(id, disabled);
  if (disabled) tx->sessions().remove_for_user(id);  // logged out at once
  record(*tx, env_.now(), actor, disabled ? "staff.disable" : "staff.enable", "staff", std::to_string(id));
  tx->commit();
  return done();
}

Status StaffService::set_password(const Actor& actor, Id id, const std::string& password) {
  if (actor.user_id != id)
    if (auto st = authorize(env_, actor, Permission::manage_staff); !st) return st;
  if (auto e = check_password(password)) return *e;
  auto tx = env_.db.begin(true);
  if (!tx->staff().get(id)) return not_found("Personen finns inte.");
  tx->staff().set_password(id, crypto::hash_password(password));
  tx->sessions().remove_for_user(id);
  record(*tx, env_.now(), actor, "staff.password", "staff", std::to_string(id));
  tx->commit();
  return done();
}

}  // namespace stegvis::app
