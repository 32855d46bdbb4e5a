// Secondary suppression: no published sum may have exactly one hidden figure,
// or subtraction gives it back (domain/small_cells.hpp).
#include "domain/small_cells.hpp"

#include <gtest/gtest.h>

#include "domain/period_report.hpp"

using namespace stegvis;

namespace {

std::size_t hidden_in(const std::vector<bool>& hidden, const SumGroup& g) {
  std::size_t n = 0;
  for (auto i : g) n += hidden[i] ? 1 : 0;
  return n;
}

std::vector<bool> primary(const std::vector<int>& values) {
  std::vector<bool> out;
  for (int v : values) out.push_back(is_small_cell(v));
  return out;
}

}  // namespace

TEST(SmallCells, AHiddenPartOfAShownTotalTakesTheSmallestOtherPartWithIt) {
  // Kvinna 65, Man 45, Annat 3 of 113: the 3 was 113 − 65 − 45 until Man is withheld too.
  std::vector<int> v{65, 45, 3, 113};
  auto hidden = protect_sums(v, primary(v), {{0, 1, 2, 3}});
  EXPECT_EQ(hidden, (std::vector<bool>{false, true, true, false}));
}

TEST(SmallCells, NothingIsWithheldWhenNothingIsSmallOrTwoAreHiddenAlready) {
  std::vector<int> v{65, 45, 7, 117};
  EXPECT_EQ(protect_sums(v, primary(v), {{0, 1, 2, 3}}), std::vector<bool>(4, false));
  std::vector<int> w{65, 2, 3, 70};
  EXPECT_EQ(protect_sums(w, primary(w), {{0, 1, 2, 3}}), (std::vector<bool>{false, true, true, false}));
}

TEST(SmallCells, ZerosAndTotalsAreTakenOnlyWhenNoOtherPartIsShown) {
  std::vector<int> v{0, 3, 9, 12};
  EXPECT_EQ(protect_sums(v, primary(v), {{0, 1, 2, 3}}), (std::vector<bool>{false, true, true, false}));
  std::vector<int> w{0, 3, 9};  // only a zero part shown: it goes before the total
  EXPECT_EQ(protect_sums(w, primary(w), {{0, 1, 2}}), (std::vector<bool>{true, true, false}));
  std::vector<int> only{3, 3};  // a part that is the whole total: the total goes too
  EXPECT_EQ(protect_sums(only, primary(only), {{0, 1}}), (std::vector<bool>{true, true}));
}

TEST(SmallCells, ATwoWayTableIsProtectedInEveryRowAndColumn) {
  // a b | r1      3 10 | 13
  // c d | r2     12 20 | 32
  // c1 c2 | T    15 30 | 45
  std::vector<int> v{3, 10, 12, 20, 13, 32, 15, 30, 45};
  std::vector<SumGroup> sums{{0, 1, 4}, {2, 3, 5}, {0, 2, 6}, {1, 3, 7}, {4, 5, 8}, {6, 7, 8}};
  auto hidden = protect_sums(v, primary(v), sums);
  for (const auto& g : sums) EXPECT_NE(hidden_in(hidden, g), 1u);
  // The four inner cells go (each row and column then has two); the margins stay.
  EXPECT_EQ(hidden, (std::vector<bool>{true, true, true, true, false, false, false, false, false}));
}

TEST(SmallCells, APeriodReportWithholdsWhatWouldGiveAHiddenCountBack) {
  PeriodReport r;
  auto group = [](std::string label, int start, int started, int exited) {
    GroupFigures g;
    g.label = std::move(label);
    g.active_at_start = start;
    g.started = started;
    g.exited = exited;
    g.active_at_end = start + started - exited;
    g.exits_by_outcome = {{"arbete", exited}, {"studier", 0}};
    return g;
  };
  r.groups = {group("Kvinna", 40, 65, 51), group("Man", 30, 45, 51), group("Annat", 2, 3, 1)};
  r.total = group("Totalt", 72, 113, 103);
  protect_small_cells(r);

  // The small ones stay as they are (shown as <5); Man's 45 starts are withheld beside Annat's 3.
  EXPECT_EQ(r.groups[2].started, 3);
  EXPECT_EQ(r.groups[2].exited, 1);
  EXPECT_EQ(r.groups[1].started, kWithheld);
  EXPECT_EQ(r.total.started, 113);
  // Every column of groups and total, and every group's start + started − exited = end,
  // has none or at least two figures hidden.
  auto hidden = [](int n) { return is_small_cell(n) || is_withheld(n); };
  std::vector<int GroupFigures::*> columns{&GroupFigures::active_at_start, &GroupFigures::started,
                                           &GroupFigures::exited, &GroupFigures::active_at_end};
  for (auto c : columns) {
    int n = hidden(r.total.*c) ? 1 : 0;
    for (const auto& g : r.groups) n += hidden(g.*c) ? 1 : 0;
    EXPECT_NE(n, 1);
  }
  for (const auto* g : {&r.groups[0], &r.groups[1], &r.groups[2], &r.total}) {
    int n = 0;
    for (auto c : columns) n += hidden(g->*c) ? 1 : 0;
    EXPECT_NE(n, 1) << g->label;
    int outcomes = hidden(g->exited) ? 1 : 0;
    for (const auto& [code, count] : g->exits_by_outcome) outcomes += hidden(count) ? 1 : 0;
    EXPECT_NE(outcomes, 1) << g->label;
  }
}
