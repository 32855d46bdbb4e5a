// SQL of the financing agreements and allocation scenarios (store/financing_store.hpp).
#pragma once
#include <soci/soci.h>

#include "store/financing_store.hpp"

namespace stegvis::store::sql {

class SqlFinancingStore final : public FinancingStore {
 public:
  explicit SqlFinancingStore(soci::session& s) : sql_(s) {}

  std::optional<int> agreement_year(Id programme_id, int year) override;
  std::vector<FinancedPost> agreement(Id programme_id, int agreement_year) override;
  void replace_agreement(Id programme_id, int year, const std::vector<FinancedPost>& posts) override;

  std::vector<AllocationScenario> scenarios(Id programme_id) override;
  std::optional<AllocationScenario> scenario(Id id) override;
  bool scenario_name_taken(Id programme_id, const std::string& name) override;
  Id add_scenario(const AllocationScenario& s) override;
  void delete_scenario(Id id) override;

 private:
  soci::session& sql_;
};

}  // namespace stegvis::store::sql
