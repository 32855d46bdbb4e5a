// Secondary suppression: no published sum may have exactly one hidden figure,
// or subtraction gives it back (domain/small_cells.hpp).
#include "domain/small_cells.hpp"

#include <gtest/gtest.h>

#include "domain/dashboard.hpp"
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

TEST(SmallCells, TheDashboardWithholdsWhatWouldGiveAHiddenCountBack) {
  Dashboard d;
  d.months = {{"2026-09", 10, 5, 30}, {"2026-10", 3, 6, 27}, {"2026-11", 8, 7, 28}};
  d.active_now = 28;
  d.units = {{1, "Norra", 25, 30, false}, {2, "Södra", 3, 10, false}};
  d.staff = {{7, "Anna", 20, 20, false}, {8, "Bo", 8, 10, false}};
  d.exits_12m = 18;
  d.outcomes_12m = {{"arbete", 15}, {"studier", 3}};
  protect_small_cells(d);

  auto hidden = [](int n) { return is_small_cell(n) || is_withheld(n); };
  auto count = [&](std::vector<int> figures) {
    int n = 0;
    for (int f : figures) n += hidden(f) ? 1 : 0;
    return n;
  };
  EXPECT_EQ(d.months[1].started, 3);  // small: stays, shown as <5
  EXPECT_EQ(d.units[1].caseload, 3);
  EXPECT_EQ(d.units[0].caseload, kWithheld);  // 28 − 3 would give it back
  EXPECT_EQ(d.outcomes_12m["arbete"], kWithheld);
  EXPECT_NE(count({d.months[0].active_at_end, d.months[1].started, d.months[1].exited, d.months[1].active_at_end}), 1);
  EXPECT_NE(count({d.months[1].active_at_end, d.months[2].started, d.months[2].exited, d.months[2].active_at_end}), 1);
  EXPECT_NE(count({d.months[0].exited, d.months[1].exited, d.months[2].exited, d.exits_12m}), 1);
  EXPECT_NE(count({d.outcomes_12m["arbete"], d.outcomes_12m["studier"], d.exits_12m}), 1);
  EXPECT_NE(count({d.units[0].caseload, d.units[1].caseload, d.active_now}), 1);
  EXPECT_NE(count({d.staff[0].caseload, d.staff[1].caseload, d.active_now}), 1);
  EXPECT_NE(count({d.months[2].active_at_end, d.active_now}), 1);
}
