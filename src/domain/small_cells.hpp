// Small-cell suppression (domain.md §8): outside the unit, a count of 1–4
// persons is shown as "<5", and a share whose numerator or denominator is
// 1–4 is hidden, so that no one can be identified from a report.
#pragma once

namespace stegvis {

constexpr int kSmallCellLimit = 5;

inline bool is_small_cell(int count) { return count >= 1 && count < kSmallCellLimit; }
inline bool share_hidden(int numerator, int denominator) {
  return is_small_cell(numerator) || is_small_cell(denominator);
}

}  // namespace stegvis
