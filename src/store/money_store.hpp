// Storage of the programme's money (issue #7): budgets (every version kept),
// actual costs (never edited: a correction is a new row) and requisitions.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/economy.hpp"
#include "domain/money.hpp"
#include "domain/requisition.hpp"

namespace stegvis::store {

struct CostRow {
  Id id = 0;
  Id programme_id = 0;
  Id unit_id = 0;  // 0: no unit
  std::string month;
  std::string line;
  Ore amount = 0;
  std::string note;
  std::string source = "manual";  // manual, import, demo
  Id created_by = 0;
};

// What makes an imported row a duplicate of a stored one.
struct CostKey {
  Id unit_id = 0;
  std::string month, line;
  Ore amount = 0;
  std::string note;
  auto operator<=>(const CostKey&) const = default;
};

class MoneyStore {
 public:
  virtual ~MoneyStore() = default;
  // The given version, or the latest one; unit 0 = the programme's own budget.
  virtual std::optional<Budget> budget(Id programme_id, Id unit_id, int year, std::optional<int> version) = 0;
  // Latest version of every budget of the programme and year (the programme's and the units').
  virtual std::vector<Budget> budgets_of_year(Id programme_id, int year) = 0;
  virtual Id insert_budget(const Budget& b, std::int64_t now) = 0;  // with its lines
  virtual void update_budget(const Budget& b) = 0;                   // fields and lines

  virtual Id insert_cost(const CostRow& c, std::int64_t now) = 0;
  virtual void insert_costs(const std::vector<CostRow>& rows, std::int64_t now) = 0;
  // Month totals per line and unit of one year (unit given: only its costs).
  virtual std::vector<CostTotal> cost_totals(Id programme_id, int year, std::optional<Id> unit_id) = 0;
  // The stored rows' keys in the months [first, last], for finding an import's duplicates.
  virtual std::vector<CostKey> cost_keys(Id programme_id, const std::string& first_month,
                                         const std::string& last_month) = 0;
  // Single cost rows of a year, newest first (the page's list), at most `limit`.
  virtual std::vector<CostRow> costs(Id programme_id, int year, std::optional<Id> unit_id, int limit) = 0;
  // The sum of a programme's costs in a year (the national report).
  virtual Ore cost_sum(Id programme_id, int year) = 0;

  virtual Id insert_requisition(const Requisition& r, std::int64_t now) = 0;
  virtual void update_requisition(const Requisition& r) = 0;
  virtual std::optional<Requisition> requisition(Id id) = 0;
  // A programme's requisitions, or one unit's; newest period first.
  virtual std::vector<Requisition> requisitions(Id programme_id, std::optional<Id> unit_id) = 0;
  // Every unpaid requisition (for due work).
  virtual std::vector<Requisition> unpaid_requisitions() = 0;
};

}  // namespace stegvis::store
