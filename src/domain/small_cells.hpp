// Small-cell suppression (domain.md §8): outside the unit, a count of 1–4
// persons is shown as "<5", and a share whose numerator or denominator is
// 1–4 is hidden, so that no one can be identified from a report.
//
// Hiding the small count is not enough where the report also shows a sum it
// is part of: the total minus the other shown parts gives it back. Secondary
// suppression (protect_sums) therefore also withholds a second figure of every
// such sum. A withheld figure is stored as kWithheld and shown as "..".
#pragma once
#include <cstddef>
#include <map>
#include <vector>

namespace stegvis {

constexpr int kSmallCellLimit = 5;
// A figure withheld by secondary suppression (any size; shown as "..").
constexpr int kWithheld = -1;

inline bool is_small_cell(int count) { return count >= 1 && count < kSmallCellLimit; }
inline bool is_withheld(int count) { return count < 0; }
inline bool share_hidden(int numerator, int denominator) {
  return is_small_cell(numerator) || is_small_cell(denominator) || is_withheld(numerator) ||
         is_withheld(denominator);
}
// Whether a share is hidden from this reader: a withheld part always, a small one when suppressing.
inline bool share_hidden(int numerator, int denominator, bool suppress) {
  return is_withheld(numerator) || is_withheld(denominator) || (suppress && share_hidden(numerator, denominator));
}

// One published equation between figures: the parts and, last, their total (or two figures
// that are the same count, or a row such as start + started − exited = end). Indices into
// the figures of protect_sums.
using SumGroup = std::vector<std::size_t>;

// Given each figure's value and whether it is hidden already, returns which figures must be
// hidden so that no equation has exactly one hidden figure (which its shown ones would give
// back). While one has, the smallest shown figure of it is hidden too, a part before the
// total and a non-zero one before a zero; the equations are visited again until none
// changes, since a figure hidden for one may leave another with a single hidden figure.
std::vector<bool> protect_sums(const std::vector<int>& values, std::vector<bool> hidden,
                               const std::vector<SumGroup>& sums);

// Figures of a report registered in place, the sums between them, and withhold() to set those
// protect_sums hides besides the small ones to kWithheld. A figure registered again keeps
// its index.
class FigureGuard {
 public:
  std::size_t add(int& value);
  void sum(SumGroup group);
  // Two figures that are the same count, so hiding one must hide the other (when they are
  // equal here; a coincidence only withholds one figure more than needed).
  void same(std::size_t a, std::size_t b);
  std::size_t size() const { return refs_.size(); }
  void withhold();

 private:
  std::vector<int*> refs_;
  std::vector<bool> hidden_;
  std::vector<SumGroup> sums_;
  std::map<const int*, std::size_t> index_;
};

}  // namespace stegvis
