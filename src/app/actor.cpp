#include "app/actor.hpp"

#include <chrono>

#include "app/env.hpp"

namespace stegvis::app {

bool Actor::has_role(Role r) const {
  for (const auto& a : roles)
    if (a.role == r) return true;
  return false;
}

bool Actor::has_role_in_unit(Role r, Id unit_id) const {
  for (const auto& a : roles)
    if (a.role == r && a.unit_id && *a.unit_id == unit_id) return true;
  return false;
}

bool Actor::has_any_role_in_unit(Id unit_id) const {
  for (const auto& a : roles)
    if (a.unit_id && *a.unit_id == unit_id) return true;
  return false;
}

Actor system_actor(const std::string& what) {
  Actor a;
  a.username = "system:" + what;
  a.name = "Systemet";
  a.address = "local";
  a.roles.push_back({Role::administrator, std::nullopt, std::nullopt, 0});
  return a;
}

std::int64_t system_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace stegvis::app
