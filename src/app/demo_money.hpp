// The demo's money (issue #7): the 2024 budget of shared/data/sikta_budget_2024.csv
// approved by the board, approved budgets for the following years up to the
// current one, generated monthly costs (clearly marked demo) up to last month,
// and requisitions of Västra (one sent and overdue, one draft).
#pragma once
#include "app/env.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

Status load_demo_money(Env& env, Id programme_id);

}  // namespace stegvis::app
