#include "domain/financing.hpp"

#include <cmath>
#include <set>
#include <utility>

namespace stegvis {
namespace {

constexpr double kMaxFtePct = 10000;  // a hundred full posts in one row is already implausible

bool one_decimal(double v) { return std::fabs(v * 10 - std::round(v * 10)) < 1e-6; }

std::optional<Error> check_share(double v, const char* field, const char* what) {
  if (!std::isfinite(v) || v < 0 || v > kMaxFtePct)
    return Error{ErrorCode::invalid_input, std::string(what) + " ska vara mellan 0 och 10 000 procent.", field};
  if (!one_decimal(v))
    return Error{ErrorCode::invalid_input, std::string(what) + " anges med högst en decimal.", field};
  return std::nullopt;
}

}  // namespace

bool is_financed_role(Role role) { return carries_caseload(role) || role == Role::samordnare; }

std::optional<Error> validate_post(const FinancedPost& p) {
  if (!is_financed_role(p.role))
    return Error{ErrorCode::invalid_input, "Rollen ska vara koordinator, coach eller samordnare.", "role"};
  if (p.year < 2000 || p.year > 2100) return Error{ErrorCode::invalid_input, "Året ska vara mellan 2000 och 2100.", "year"};
  if (auto e = check_share(p.association_fte_pct, "association_fte_pct", "Förbundets andel")) return e;
  if (auto e = check_share(p.cofinancing_fte_pct, "cofinancing_fte_pct", "Medfinansieringen")) return e;
  if (p.note.size() > 1000) return Error{ErrorCode::invalid_input, "Anteckningen får vara högst 1 000 tecken.", "note"};
  return std::nullopt;
}

std::optional<Error> validate_agreement(const std::vector<FinancedPost>& posts) {
  std::set<std::pair<Id, Role>> seen;
  for (const auto& p : posts) {
    if (auto e = validate_post(p)) return e;
    if (!seen.insert({p.party_id, p.role}).second)
      return Error{ErrorCode::invalid_input, "Samma part och roll finns två gånger i överenskommelsen.", "roles"};
  }
  return std::nullopt;
}

StaffingComparison compare_staffing(const FinancedPost& p, double staffed_fte_pct) {
  StaffingComparison c;
  c.financed_fte_pct = p.association_fte_pct + p.cofinancing_fte_pct;
  c.staffed_fte_pct = staffed_fte_pct;
  c.difference = staffed_fte_pct - c.financed_fte_pct;
  c.differs = std::fabs(c.difference) >= 1.0 - 1e-9;
  return c;
}

}  // namespace stegvis
