#include "domain/organisation.hpp"

#include <cmath>

namespace stegvis {

double capacity(const Staff& staff, double per_full_time) {
  double fte = 0;
  for (const auto& r : staff.roles)
    if (carries_caseload(r.role)) fte += r.fte_pct;
  // Whole participants only: 50 % of 20 is 10, 75 % is 15.
  return std::floor(per_full_time * fte / 100.0 + 1e-9);
}

}  // namespace stegvis
