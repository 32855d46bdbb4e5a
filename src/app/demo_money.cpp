#include "app/demo_money.hpp"

#include <map>

#include "app/audit.hpp"
#include "app/money_service.hpp"
#include "app/referral_service.hpp"

namespace stegvis::app {
namespace {

// Shares of the costs per unit (by staffing) and a deterministic ±8 % wobble per month.
const std::map<std::string, int> kUnitSharePct{{"Västra", 30}, {"Södra", 28}, {"Norra", 42}};

int wobble_pct(int month_index, int line_index, int unit_index) {
  unsigned h = static_cast<unsigned>(month_index * 7919 + line_index * 104729 + unit_index * 1299709);
  h ^= h >> 13;
  h *= 0x5bd1e995u;
  h ^= h >> 15;
  return static_cast<int>(h % 17) - 8;
}

}  // namespace

Status load_demo_money(Env& env, Id programme_id) {
  Actor sys = system_actor("demo");
  sys.roles.push_back({Role::forbundschef, {}, {}, 0});
  MoneyService money(env);
  const Date today = *parse_date(today_string(env));
  const Date last_month = add_days(Date{today.year, today.month, 1}, -1);

  // Budgets: 2024 from the CSV with the 9 000 tkr frame; later years 3 % more a year, all approved.
  for (int year = 2024; year <= std::max(2024, today.year); ++year) {
    Budget b;
    b.frame = Ore{kDemoFrameTkr} * 100000;
    const double growth = year == 2024 ? 1.0 : 1.0 + 0.03 * (year - 2024);
    for (const auto& l : demo_budget_2024())
      b.lines.push_back({l.code, "", static_cast<Ore>(l.tkr * growth) * 100000});
    if (year > 2024) b.frame = static_cast<Ore>(kDemoFrameTkr * growth) * 100000;
    auto saved = money.save_budget(sys, {programme_id, year, std::nullopt}, b);
    if (!saved) return saved.error();
    auto approved = money.approve_budget(sys, {programme_id, year, std::nullopt},
                                         std::to_string(year - 1) + "-11-2" + std::to_string(year % 7),
                                         "Förbundsstyrelsen");
    if (!approved) return approved.error();
  }

  // Costs month by month from January 2024 to last month; travel runs 12 % over (the warning shows).
  std::vector<store::CostRow> rows;
  {
    auto tx = env.db.begin(true);
    auto p = tx->organisation().programme(programme_id);
    if (!p) return not_found("Insatsen finns inte.");
    int month_index = 0;
    for (Date m{2024, 1, 1}; m <= last_month; m = add_months(m, 1), ++month_index) {
      const double growth = 1.0 + 0.03 * (m.year - 2024);
      const std::string month = to_string(m).substr(0, 7);
      int line_index = 0;
      for (const auto& l : demo_budget_2024()) {
        ++line_index;
        const double over = std::string(l.code) == "resor" ? 1.12 : 0.98;
        int unit_index = 0;
        for (const auto& u : p->units) {
          ++unit_index;
          auto share = kUnitSharePct.find(u.name);
          if (share == kUnitSharePct.end()) continue;
          double sek = l.tkr * 1000.0 * growth * over / 12.0 * share->second / 100.0 *
                       (100 + wobble_pct(month_index, line_index, unit_index)) / 100.0;
          store::CostRow c;
          c.programme_id = programme_id;
          c.unit_id = u.id;
          c.month = month;
          c.line = l.code;
          c.amount = static_cast<Ore>(sek) * 100;
          c.note = "Demo (genererad)";
          c.source = "demo";
          rows.push_back(std::move(c));
        }
      }
    }
    tx->money().insert_costs(rows, env.now());
    record(*tx, env.now(), sys, "cost.import", "programme", std::to_string(programme_id),
           std::to_string(rows.size()) + " generated demo rows");
    tx->commit();
  }

  // Västra's requisitions: the period before last sent and now overdue, the last one a draft.
  const auto last = default_requisition_period(today);
  const Date before_from = add_months(last.from, -kDefaultRequisitionMonths);
  const Date before_to = add_days(last.from, -1);
  if (before_from < Date{2024, 1, 1}) return done();
  auto sent = money.create_requisition(sys, programme_id, "Västra", to_string(before_from), to_string(before_to));
  if (!sent) return sent.error();
  auto marked = money.set_requisition_status(sys, sent->id, "sent", to_string(add_days(before_to, 5)));
  if (!marked) return marked.error();
  auto draft = money.create_requisition(sys, programme_id, "Västra", to_string(last.from), to_string(last.to));
  if (!draft) return draft.error();
  return done();
}

}  // namespace stegvis::app
