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

std::size_t FigureGuard::add(int& value) {
  if (auto it = index_.find(&value); it != index_.end()) return it->second;
  index_[&value] = refs_.size();
  refs_.push_back(&value);
  hidden_.push_back(is_small_cell(value));
  return refs_.size() - 1;
}

void FigureGuard::sum(SumGroup group) {
  if (group.size() > 1) sums_.push_back(std::move(group));
}

void FigureGuard::same(std::size_t a, std::size_t b) {
  if (*refs_.at(a) == *refs_.at(b)) sum({a, b});
}

void FigureGuard::withhold() {
  std::vector<int> values;
  for (const int* v : refs_) values.push_back(*v);
  auto hidden = protect_sums(values, hidden_, sums_);
  for (std::size_t i = 0; i < refs_.size(); ++i)
    if (hidden[i] && !hidden_[i]) *refs_[i] = kWithheld;
}

}  // namespace stegvis
