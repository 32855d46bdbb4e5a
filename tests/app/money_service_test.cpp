// MoneyService's rules that need a clock: next year's budget is due work for the
// förbundschef from 1 October until approved (a later draft keeps the approved
// version), only the förbundschef sees it, and an approval date in the future is refused.
#include <gtest/gtest.h>

#include "app/services_test_support.hpp"

using namespace stegvis;
using stegvis::test::AppFixture;

namespace {

std::int64_t unix_noon(int y, int m, int d) { return static_cast<std::int64_t>(day_number({y, m, d})) * 86400 + 43200; }

bool has_budget_item(const std::vector<DueItem>& items, Id programme) {
  for (const auto& d : items)
    if (d.kind == "budget_not_approved" && d.programme_id == programme) return true;
  return false;
}

}  // namespace

TEST(MoneyService, NextYearsBudgetIsDueWorkForTheForbundschefFromOctoberUntilApproved) {
  AppFixture f;
  Id programme = 0;
  {
    auto tx = f.env().db.begin(true);
    Programme p;
    p.association_id = tx->organisation().save_association({0, "F", ""});
    p.name = "P";
    p.start_date = "2023-10-01";
    p.end_date = "2028-09-30";
    programme = tx->organisation().save_programme(p);
    tx->commit();
  }
  app::Actor chef = app::system_actor("t");
  chef.roles = {{Role::forbundschef, {}, {}, 100}};
  app::Actor ekonom = app::system_actor("t");
  ekonom.roles = {{Role::ekonom, {}, {}, 100}};
  auto tasks = [&](const app::Actor& a) { return *f.services->enrolments.tasks(a); };

  f.clock = unix_noon(2025, 9, 30);
  EXPECT_FALSE(has_budget_item(tasks(chef), programme));
  f.clock = unix_noon(2025, 10, 1);
  auto items = tasks(chef);
  ASSERT_TRUE(has_budget_item(items, programme));
  EXPECT_EQ(to_string(items[0].due), "2025-11-30");
  EXPECT_FALSE(items[0].overdue);
  EXPECT_FALSE(has_budget_item(tasks(ekonom), programme));

  Budget b;
  b.lines = {{"loner", "", 100}};
  const app::BudgetRef ref{programme, 2026, std::nullopt};
  ASSERT_TRUE(f.services->money.save_budget(ekonom, ref, b));
  EXPECT_TRUE(has_budget_item(tasks(chef), programme));  // a draft is not a decision
  EXPECT_EQ(f.services->money.approve_budget(ekonom, ref, "2025-12-01", "Styrelsen").error().field, "date");
  f.clock = unix_noon(2025, 12, 2);
  EXPECT_TRUE(tasks(chef)[0].overdue);
  ASSERT_TRUE(f.services->money.approve_budget(ekonom, ref, "2025-12-01", "Styrelsen"));
  EXPECT_FALSE(has_budget_item(tasks(chef), programme));
  ASSERT_TRUE(f.services->money.new_budget_version(ekonom, ref));
  EXPECT_FALSE(has_budget_item(tasks(chef), programme));  // the approved version stays in force
}
