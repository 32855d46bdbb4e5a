// The person (or API token) on whose behalf a use case runs.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/organisation.hpp"

namespace stegvis::app {

struct Actor {
  Id user_id = 0;
  std::string username;
  std::string name;
  std::vector<RoleAssignment> roles;
  std::string address;  // the client's IP address, for the audit log

  bool has_role(Role r) const;
  bool has_role_in_unit(Role r, Id unit_id) const;
  bool has_any_role_in_unit(Id unit_id) const;
};

// The actor of command-line tools run by the operator on the server itself.
Actor system_actor(const std::string& what);

}  // namespace stegvis::app
