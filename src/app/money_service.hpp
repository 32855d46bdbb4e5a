// Use cases of the programme's money (issue #7): budgets, actual costs and the
// ledger import, budget against actual, requisitions and the national report.
// Who (scope 9): ekonom and förbundschef edit budgets and costs and see all
// money; styrgrupp sees it read-only; a unit's samordnare sees the unit's
// economy and makes its requisitions; anyone else is denied (403, audited).
// Money never shows participant data: cost per participant comes as
// aggregates with denominators under 5 hidden. Every change is audited.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/due_work.hpp"
#include "domain/economy.hpp"
#include "domain/requisition.hpp"
#include "domain/result.hpp"
#include "store/store.hpp"

namespace stegvis::app {

struct BudgetRef {
  Id programme_id = 0;
  int year = 0;
  std::optional<Id> unit_id;  // nothing: the programme's own budget
};

struct CostInput {
  Id programme_id = 0;
  std::string month;     // YYYY-MM or YYYY-MM-DD
  std::string line;      // budget line code
  Ore amount = 0;
  std::string unit;      // id or exact name; "" = none
  std::string note;
};

struct ImportRow {
  int row = 0;
  std::string status;   // ok, duplicate, error
  std::string message;  // Swedish, for duplicate and error
};
struct ImportResult {
  std::vector<ImportRow> rows;
  int stored = 0;
  bool dry_run = true;
  std::optional<Error> error;  // a real import with error rows: 422 and nothing stored
};

struct EconomyResult {
  Programme programme;
  std::optional<Unit> unit;  // the samordnare's unit when the view is limited to it
  std::optional<Budget> budget;  // the budget the lines compare against (approved or draft)
  Economy economy;
  std::vector<store::CostRow> recent_costs;
  bool can_edit = false;
};

struct RequisitionView {
  Requisition requisition;
  Programme programme;
  Unit unit;
  std::vector<EconomyRow> lines;  // the period's costs per budget line
  std::optional<Ore> unit_budget;  // the unit's budget for the period's year, when it has one
  bool can_send = false, can_pay = false;
};

class MoneyService {
 public:
  explicit MoneyService(Env& env) : env_(env) {}

  Result<Budget> budget(const Actor& actor, const BudgetRef& ref, std::optional<int> version);
  // Writes the draft (creates version 1 when there is none); 409 once approved.
  Result<Budget> save_budget(const Actor& actor, const BudgetRef& ref, Budget draft);
  Result<Budget> approve_budget(const Actor& actor, const BudgetRef& ref, std::string date, std::string decided_by);
  Result<Budget> new_budget_version(const Actor& actor, const BudgetRef& ref);

  Result<Id> add_cost(const Actor& actor, const CostInput& in);
  Result<ImportResult> import_costs(const Actor& actor, Id programme_id, const std::string& bytes, bool dry_run);

  Result<EconomyResult> economy(const Actor& actor, Id programme_id, int year);

  Result<Requisition> create_requisition(const Actor& actor, Id programme_id, const std::string& unit,
                                         const std::string& from, const std::string& to);
  Result<std::vector<Requisition>> requisitions(const Actor& actor, Id programme_id, std::optional<Id> unit_id);
  Result<RequisitionView> requisition(const Actor& actor, Id id, bool for_pdf = false);
  Result<Requisition> set_requisition_status(const Actor& actor, Id id, const std::string& status, std::string date);

  Result<NationalReport> national_report(const Actor& actor, int year, const std::string& format);

  static bool may_edit(const Actor& a);      // budgets and costs: ekonom, förbundschef
  static bool may_view_all(const Actor& a);  // + styrgrupp (read-only)
  static bool may_view(const Actor& a, const Programme& p);  // + the samordnare of a unit of p
  static bool may_view_somewhere(const Actor& a);            // for the menu

 private:
  Result<Programme> load_viewable(store::Store& tx, const Actor& actor, Id programme_id, const std::string& what);
  Env& env_;
};

// The money part of a person's due work: next year's budget not approved from
// 1 October (förbundschef), overdue requisitions (the unit's samordnare, the ekonom).
std::vector<DueItem> money_due_work(store::Store& tx, const Actor& actor, const Date& today);

}  // namespace stegvis::app
