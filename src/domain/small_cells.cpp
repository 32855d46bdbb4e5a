#include "domain/small_cells.hpp"

#include <optional>
#include <tuple>

namespace stegvis {

std::vector<bool> protect_sums(const std::vector<int>& values, std::vector<bool> hidden,
                               const std::vector<SumGroup>& sums) {
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& sum : sums) {
      std::size_t hidden_count = 0;
      for (std::size_t i : sum) hidden_count += hidden.at(i) ? 1 : 0;
      if (hidden_count != 1) continue;
      // The shown figure to hide: a part before the total, non-zero before zero, then the smallest.
      std::optional<std::tuple<bool, bool, int>> best;
      std::size_t pick = 0;
      for (std::size_t k = 0; k < sum.size(); ++k) {
        std::size_t i = sum[k];
        if (hidden[i]) continue;
        auto rank = std::make_tuple(k + 1 == sum.size(), values.at(i) == 0, values.at(i));
        if (!best || rank < *best) {
          best = rank;
          pick = i;
        }
      }
      if (!best) continue;  // a one-figure group: nothing shown to hide
      hidden[pick] = true;
      changed = true;
    }
  }
  return hidden;
}

}  // namespace stegvis
