// The roles people hold (domain.md §2) and what each may see.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stegvis {

enum class Role {
  administrator,
  forbundschef,
  insatsansvarig,
  styrgrupp,
  samordnare,
  coach,
  koordinator,
  samverkansteam,
  utvarderare,
  ekonom,
};

std::string_view to_code(Role role);
std::optional<Role> role_from_code(std::string_view code);
const std::vector<Role>& all_roles();

// Coaches and koordinatorer carry a caseload; capacity follows their FTE.
bool carries_caseload(Role role);
// Roles whose scope is one unit (samordnare, coach, koordinator, samverkansteam).
bool is_unit_scoped(Role role);
// Association-level roles see aggregates only (domain.md §8).
bool sees_aggregates_only(Role role);

}  // namespace stegvis
