#include "app/access.hpp"

#include "app/audit.hpp"

namespace stegvis::app {
namespace {

bool sees_all_units(const Actor& a) {
  return a.has_role(Role::administrator) || a.has_role(Role::forbundschef) || a.has_role(Role::insatsansvarig) ||
         a.has_role(Role::styrgrupp);
}

const char* describe(Permission p) {
  switch (p) {
    case Permission::view_organisation: return "se organisationen";
    case Permission::manage_organisation: return "ändra organisationen";
    case Permission::view_staff: return "se personalen i den här länsdelen";
    case Permission::manage_staff: return "hantera personal och konton";
    case Permission::view_audit: return "läsa granskningsloggen";
    case Permission::manage_tokens: return "hantera API-nycklar";
  }
  return "göra detta";
}

const char* code(Permission p) {
  switch (p) {
    case Permission::view_organisation: return "view_organisation";
    case Permission::manage_organisation: return "manage_organisation";
    case Permission::view_staff: return "view_staff";
    case Permission::manage_staff: return "manage_staff";
    case Permission::view_audit: return "view_audit";
    case Permission::manage_tokens: return "manage_tokens";
  }
  return "unknown";
}

}  // namespace

bool allowed(const Actor& a, Permission p, std::optional<Id> unit_id) {
  switch (p) {
    case Permission::view_organisation: return !a.roles.empty();
    case Permission::manage_organisation:
    case Permission::manage_staff:
    case Permission::view_audit:
    case Permission::manage_tokens: return a.has_role(Role::administrator);
    case Permission::view_staff:
      if (sees_all_units(a)) return true;
      return unit_id && a.has_any_role_in_unit(*unit_id);
  }
  return false;
}

Status authorize(Env& env, const Actor& actor, Permission p, std::optional<Id> unit_id) {
  if (allowed(actor, p, unit_id)) return done();
  record_standalone(env, actor, "access.denied", "permission", code(p),
                    unit_id ? "unit " + std::to_string(*unit_id) : std::string());
  return forbidden(std::string("Du har inte behörighet att ") + describe(p) + ".");
}

}  // namespace stegvis::app
