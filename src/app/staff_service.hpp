// Use cases on staff: the accounts people log in with, their roles, units and FTE.
#pragma once
#include <optional>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/organisation.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

class StaffService {
 public:
  explicit StaffService(Env& env) : env_(env) {}

  Result<std::vector<Staff>> list(const Actor& actor, std::optional<Id> unit_id);
  Result<Staff> get(const Actor& actor, Id id);
  Result<Id> create(const Actor& actor, const Staff& s, const std::string& password);
  Status update(const Actor& actor, const Staff& s);
  Status set_disabled(const Actor& actor, Id id, bool disabled);
  Status set_password(const Actor& actor, Id id, const std::string& password);

 private:
  std::optional<Error> validate(store::Store& tx, const Staff& s);
  Env& env_;
};

}  // namespace stegvis::app
