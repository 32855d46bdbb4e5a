// Who may do what (domain.md §2, §8). Every use case calls authorize() first;
// a denial is audited and returned as a 403 error with a Swedish message.
#pragma once
#include <optional>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

enum class Permission {
  view_organisation,    // programmes, units, municipalities, parties
  manage_organisation,  // create and change them
  view_staff,           // the staff of a unit (or of all units without one)
  manage_staff,         // accounts, roles, passwords
  view_audit,
  manage_tokens,
};

// Pure decision, no side effects: used by pages to hide what a user cannot use.
bool allowed(const Actor& actor, Permission p, std::optional<Id> unit_id = std::nullopt);

// Decision plus an audit entry when denied.
Status authorize(Env& env, const Actor& actor, Permission p, std::optional<Id> unit_id = std::nullopt);

}  // namespace stegvis::app
