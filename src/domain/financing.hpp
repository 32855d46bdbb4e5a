// Staffing financed per municipality and role (domain.md §7): the association's
// share and the co-financing party's share as FTE %, set in the programme's
// agreement for a year, against the FTE % of the staff actually registered.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/result.hpp"
#include "domain/organisation.hpp"
#include "domain/role.hpp"

namespace stegvis {

// One row of a year's financing agreement. A municipality's row names the
// municipality; the region's coordinators have a party and no municipality.
struct FinancedPost {
  Id id = 0;
  Id programme_id = 0;
  int year = 0;
  Id party_id = 0;  // who co-finances: the municipality's party, or the region
  std::optional<Id> municipality_id;
  Role role = Role::coach;
  double association_fte_pct = 0;
  double cofinancing_fte_pct = 0;
  std::string note;  // e.g. where the source documents disagree
};

// The roles a financing agreement covers: staff with a caseload and the region's coordinators.
bool is_financed_role(Role role);

// Checks one row: a financed role, shares 0–10 000 % with at most one decimal.
std::optional<Error> validate_post(const FinancedPost& p);

// Rows of one agreement: no party may have the same role twice.
std::optional<Error> validate_agreement(const std::vector<FinancedPost>& posts);

// A row compared with the staff registered for the same municipality (or party) and role.
struct StaffingComparison {
  double financed_fte_pct = 0;  // association + co-financing
  double staffed_fte_pct = 0;
  double difference = 0;        // staffed − financed; positive = more staffed than financed
  bool differs = false;         // a whole percentage point or more
};
StaffingComparison compare_staffing(const FinancedPost& p, double staffed_fte_pct);

}  // namespace stegvis
