// SQL of the money store (store/money_store.hpp), the same on SQLite and PostgreSQL.
#pragma once
#include <soci/soci.h>

#include "store/money_store.hpp"

namespace stegvis::store::sql {

class SqlMoneyStore final : public MoneyStore {
 public:
  // multi_row: insert costs as multi-row VALUES (PostgreSQL); else SOCI's vector binding (SQLite, fast there).
  SqlMoneyStore(soci::session& s, bool multi_row) : sql_(s), multi_row_(multi_row) {}

  std::optional<Budget> budget(Id programme_id, Id unit_id, int year, std::optional<int> version) override;
  std::vector<Budget> budgets_of_year(Id programme_id, int year) override;
  Id insert_budget(const Budget& b, std::int64_t now) override;
  void update_budget(const Budget& b) override;

  Id insert_cost(const CostRow& c, std::int64_t now) override;
  void insert_costs(const std::vector<CostRow>& rows, std::int64_t now) override;
  std::vector<CostTotal> cost_totals(Id programme_id, int year, std::optional<Id> unit_id) override;
  std::vector<CostKey> cost_keys(Id programme_id, const std::string& first_month, const std::string& last_month) override;
  std::vector<CostRow> costs(Id programme_id, int year, std::optional<Id> unit_id, int limit) override;
  Ore cost_sum(Id programme_id, int year) override;

  Id insert_requisition(const Requisition& r, std::int64_t now) override;
  void update_requisition(const Requisition& r) override;
  std::optional<Requisition> requisition(Id id) override;
  std::vector<Requisition> requisitions(Id programme_id, std::optional<Id> unit_id) override;
  std::vector<Requisition> unpaid_requisitions() override;

 private:
  void load_lines(Budget& b);
  void write_lines(const Budget& b);
  void insert_costs_vector(const std::vector<CostRow>& rows, std::int64_t now);
  soci::session& sql_;
  bool multi_row_;
};

}  // namespace stegvis::store::sql
