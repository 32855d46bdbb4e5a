// The allocation key (fördelningsnyckel, domain.md §7): each municipality's
// share of the programme's staffing proposed from its share of the population
// and its share of the socio-economic index, with weights the user sets, set
// against the agreed staffing; and the weights that reproduce the agreement best.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/result.hpp"

namespace stegvis {

struct AllocationInput {
  std::string municipality;
  double population = 0;
  double socioeconomic_index = 0;  // the municipality's index in %, as in the KASAM slides
  double agreed_fte_pct = 0;       // association + co-financing in the agreement
};

struct AllocationRow {
  std::string municipality;
  double population_share = 0;     // of the programme's municipalities, 0–1
  double socioeconomic_share = 0;  // index / sum of indices, 0–1
  double proposed_fte_pct = 0;     // the weighted share of the agreed total
  double agreed_fte_pct = 0;
  double difference = 0;           // proposed − agreed
  double best_fit_residual = 0;    // agreed − proposed at the best-fit weights
};

struct AllocationKey {
  double population_weight = 0;     // 0–100
  double socioeconomic_weight = 0;  // 0–100
  double total_fte_pct = 0;         // the agreed total that is shared out
  std::vector<AllocationRow> rows;
  double best_population_weight = 0;  // whole per cent, least squares over the shares
  double best_socioeconomic_weight = 0;
  double best_fit_rms_fte_pct = 0;  // root mean square residual at the best fit
};

// Weights must each be 0–100 and sum to 100.
std::optional<Error> validate_weights(double population_weight, double socioeconomic_weight);

Result<AllocationKey> allocation_key(const std::vector<AllocationInput>& in, double population_weight,
                                     double socioeconomic_weight);

}  // namespace stegvis
