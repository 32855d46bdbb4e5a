#include "domain/role.hpp"

#include <array>
#include <utility>

namespace stegvis {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 10> kCodes{{
    {Role::administrator, "administrator"},
    {Role::forbundschef, "forbundschef"},
    {Role::insatsansvarig, "insatsansvarig"},
    {Role::styrgrupp, "styrgrupp"},
    {Role::samordnare, "samordnare"},
    {Role::coach, "coach"},
    {Role::koordinator, "koordinator"},
    {Role::samverkansteam, "samverkansteam"},
    {Role::utvarderare, "utvarderare"},
    {Role::ekonom, "ekonom"},
}};
}  // namespace

std::string_view to_code(Role role) {
  for (const auto& [r, code] : kCodes)
    if (r == role) return code;
  return "unknown";
}

std::optional<Role> role_from_code(std::string_view code) {
  for (const auto& [r, c] : kCodes)
    if (c == code) return r;
  return std::nullopt;
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> v;
    for (const auto& [r, c] : kCodes) v.push_back(r);
    return v;
  }();
  return roles;
}

bool carries_caseload(Role role) { return role == Role::coach || role == Role::koordinator; }

bool is_unit_scoped(Role role) {
  return role == Role::samordnare || role == Role::coach || role == Role::koordinator ||
         role == Role::samverkansteam;
}

bool sees_aggregates_only(Role role) {
  return role == Role::forbundschef || role == Role::insatsansvarig || role == Role::styrgrupp ||
         role == Role::ekonom;
}

}  // namespace stegvis
