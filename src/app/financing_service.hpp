// Staffing and co-financing per municipality, and the allocation key (issue #7
// scope 4–5): who may see and change them, the comparison with the staff
// registered in the organisation model, and the saved scenarios. Money pages
// show no participant data; every change is audited.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/allocation_key.hpp"
#include "domain/financing.hpp"
#include "store/financing_store.hpp"

namespace stegvis::app {

struct FinancingRoleRow {
  Role role = Role::coach;
  double association_fte_pct = 0;
  double cofinancing_fte_pct = 0;
  StaffingComparison staffing;
  std::string note;
};

// A municipality (with its unit) or another co-financing party (the region).
struct FinancingPartyRow {
  std::string name;
  std::string unit;  // empty for a party that is not a municipality
  std::optional<Id> municipality_id;
  Id party_id = 0;
  std::vector<FinancingRoleRow> roles;
};

struct FinancingView {
  Programme programme;
  int year = 0;
  std::optional<int> agreement_year;  // the year whose agreement is in force
  std::vector<FinancingPartyRow> municipalities;
  std::vector<FinancingPartyRow> other_parties;
  double association_total = 0, cofinancing_total = 0, staffed_total = 0;
  bool whole_programme = true;  // false: a samordnare sees their units' municipalities only
  bool may_edit = false;
};

// One row of an agreement as a request gives it: municipality or party already resolved to ids.
struct FinancingInput {
  std::optional<Id> municipality_id;
  std::optional<Id> party_id;
  Role role = Role::coach;
  double association_fte_pct = 0;
  double cofinancing_fte_pct = 0;
  std::string note;
};

struct AllocationKeyView {
  Programme programme;
  std::optional<int> agreement_year;
  AllocationKey key;
  std::vector<store::AllocationScenario> scenarios;
  bool may_edit = false;
};

class FinancingService {
 public:
  explicit FinancingService(Env& env) : env_(env) {}

  static bool may_view(const Actor& a, const Programme& p);
  static bool may_view_key(const Actor& a);
  static bool may_edit(const Actor& a);

  // The audited access check of a change, so a route can refuse before it reads the body.
  Status check_edit(const Actor& actor, Id programme_id);

  Result<FinancingView> financing(const Actor& actor, Id programme_id, std::optional<int> year);
  // Replaces the year's agreement; returns the number of rows stored.
  Result<int> save_financing(const Actor& actor, Id programme_id, int year, const std::vector<FinancingInput>& rows);

  // Without weights, the best-fit weights are used.
  Result<AllocationKeyView> allocation_key(const Actor& actor, Id programme_id, std::optional<double> population_weight,
                                           std::optional<double> socioeconomic_weight, std::optional<int> year);
  Result<Id> save_scenario(const Actor& actor, Id programme_id, const std::string& name, double population_weight,
                           double socioeconomic_weight);
  Status delete_scenario(const Actor& actor, Id programme_id, Id scenario_id);

 private:
  Env& env_;
};

}  // namespace stegvis::app
