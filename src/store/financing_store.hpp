// Storage of the staffing financing agreements and the allocation-key
// scenarios (issue #7 scope 4–5). No participant data lives here.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/financing.hpp"

namespace stegvis::store {

// A named proposal as it was computed when saved; `proposal` is its JSON rows.
struct AllocationScenario {
  Id id = 0;
  Id programme_id = 0;
  std::string name;
  double population_weight = 0;
  double socioeconomic_weight = 0;
  std::string proposal;
  Id created_by = 0;
  std::int64_t created_at = 0;
};

class FinancingStore {
 public:
  virtual ~FinancingStore() = default;
  // The year of the agreement in force in `year` (the latest year ≤ it), if any.
  virtual std::optional<int> agreement_year(Id programme_id, int year) = 0;
  virtual std::vector<FinancedPost> agreement(Id programme_id, int agreement_year) = 0;
  // Replaces every row of that year with `posts`.
  virtual void replace_agreement(Id programme_id, int year, const std::vector<FinancedPost>& posts) = 0;

  virtual std::vector<AllocationScenario> scenarios(Id programme_id) = 0;  // newest first
  virtual std::optional<AllocationScenario> scenario(Id id) = 0;
  virtual bool scenario_name_taken(Id programme_id, const std::string& name) = 0;
  virtual Id add_scenario(const AllocationScenario& s) = 0;
  virtual void delete_scenario(Id id) = 0;
};

}  // namespace stegvis::store
