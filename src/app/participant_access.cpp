#include "app/participant_access.hpp"

#include "app/audit.hpp"

namespace stegvis::app {

bool coordinates_unit(const Actor& a, Id unit_id) { return a.has_role_in_unit(Role::samordnare, unit_id); }

bool may_see_enrolment(const Actor& a, const Enrolment& e) {
  if (coordinates_unit(a, e.unit_id)) return true;
  bool caseload_role = a.has_role_in_unit(Role::coach, e.unit_id) || a.has_role_in_unit(Role::koordinator, e.unit_id);
  return caseload_role && e.staff_id && *e.staff_id == a.user_id;
}

bool may_enter_referral(const Actor& a, Id unit_id) {
  return coordinates_unit(a, unit_id) || a.has_role_in_unit(Role::samverkansteam, unit_id);
}

Error deny_participant_access(Env& env, const Actor& a, const std::string& record_type, Id record_id) {
  record_standalone(env, a, "access.denied", record_type, std::to_string(record_id));
  return forbidden("Du har inte behörighet till den här deltagarens uppgifter.");
}

}  // namespace stegvis::app
