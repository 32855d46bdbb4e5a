// stegvis_money_bench: the money part at the scale (#7 "Performance"):
// one programme with 50 units over 10 years and 200 000 cost rows in an empty
// database, then the economy of one year (MoneyService::economy: access check,
// budgets, month totals, cost per participant, audit entry), the national
// report, and a 100 000-row ledger import (dry run and real), each timed
// through the product's use cases. Prints figures; never fails on a timing.
//   stegvis_money_bench <database url: sqlite:PATH or postgresql://…, an empty database>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <stdexcept>
#include <iostream>
#include <string>
#include <vector>

#include "app/money_service.hpp"
#include "crypto/crypto.hpp"
#include "store/store.hpp"

namespace {

using namespace stegvis;
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

constexpr int kUnits = 50, kFirstYear = 2020, kYears = 10, kCostRows = 200'000, kImportRows = 100'000;

double median_ms(int runs, const std::function<void()>& f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    f();
    t.push_back(ms_since(start));
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: stegvis_money_bench <empty database url>\n";
    return 2;
  }
  auto db = store::open_database(argv[1], 4);
  db->migrate();
  if (!db->is_empty()) {
    std::cerr << "the database is not empty\n";
    return 2;
  }
  app::Env env{*db, [] { return std::int64_t{1'900'000'000}; }, {}};  // 2030-03-17: all ten years closed
  app::Actor ekonom = app::system_actor("money-bench");
  ekonom.roles = {{Role::ekonom, {}, {}, 100}};
  app::MoneyService money(env);

  Id programme = 0;
  std::vector<std::string> unit_names;
  auto setup = Clock::now();
  {
    auto tx = db->begin(true);
    auto& o = tx->organisation();
    Programme p;
    p.association_id = o.save_association({0, "Benchförbundet", ""});
    p.name = "Benchinsatsen";
    p.start_date = std::to_string(kFirstYear) + "-01-01";
    p.end_date = std::to_string(kFirstYear + kYears - 1) + "-12-31";
    programme = o.save_programme(p);
    std::vector<Id> units;
    for (int u = 0; u < kUnits; ++u) {
      unit_names.push_back("Enhet " + std::to_string(u + 1));
      units.push_back(o.save_unit({0, programme, unit_names.back(), std::nullopt, {}}));
    }
    std::vector<store::CostRow> rows;
    rows.reserve(kCostRows);
    const auto& lines = default_budget_lines();
    for (int i = 0; i < kCostRows; ++i) {
      store::CostRow c;
      c.programme_id = programme;
      c.unit_id = units[i % kUnits];
      const int month = i / kUnits % (kYears * 12);
      char buf[8];
      std::snprintf(buf, sizeof buf, "%04d-%02d", kFirstYear + month / 12, month % 12 + 1);
      c.month = buf;
      c.line = lines[i % lines.size()].code;
      c.amount = 100000 + (i * 7919) % 5000000;
      c.source = "bench";
      rows.push_back(std::move(c));
    }
    tx->money().insert_costs(rows, env.now());
    tx->commit();
  }
  for (int y = kFirstYear; y < kFirstYear + kYears; ++y) {
    Budget b;
    b.frame = 900000000;
    for (const auto& l : default_budget_lines()) b.lines.push_back({l.code, "", 100000000});
    if (!money.save_budget(ekonom, {programme, y, std::nullopt}, b)) return 1;
    if (!money.approve_budget(ekonom, {programme, y, std::nullopt}, "2029-11-30", "Styrelsen")) return 1;
  }
  const double setup_ms = ms_since(setup);

  const int year = kFirstYear + kYears / 2;
  const double economy_ms = median_ms(9, [&] {
    auto r = money.economy(ekonom, programme, year);
    if (!r) throw std::runtime_error(r.error().message);
  });
  const double national_ms = median_ms(9, [&] {
    auto r = money.national_report(ekonom, year, "json");
    if (!r) throw std::runtime_error(r.error().message);
  });

  std::string csv = "month;line;amount;unit;note\n";
  for (int i = 0; i < kImportRows; ++i) {
    const int month = i % 12 + 1;
    csv += std::to_string(kFirstYear + kYears - 1) + "-" + (month < 10 ? "0" : "") + std::to_string(month) + ";" +
           default_budget_lines()[i % 6].code + ";" + std::to_string(1000 + i / 100) + " " +
           std::to_string(100 + i % 900) + ",50;" + unit_names[i % kUnits] + ";import " + std::to_string(i) + "\n";
  }
  auto dry_start = Clock::now();
  auto dry = money.import_costs(ekonom, programme, csv, true);
  const double dry_ms = ms_since(dry_start);
  auto real_start = Clock::now();
  auto real = money.import_costs(ekonom, programme, csv, false);
  const double import_ms = ms_since(real_start);
  if (!dry || !real || real->stored != kImportRows) {
    std::cerr << "import failed\n";
    return 1;
  }
  std::printf("money bench on %s: %d units, %d years, %d cost rows (setup %.0f ms)\n", db->backend().c_str(), kUnits,
              kYears, kCostRows, setup_ms);
  std::printf("  economy of %d (median of 9):    %8.1f ms\n", year, economy_ms);
  std::printf("  national report (median of 9):  %8.1f ms\n", national_ms);
  std::printf("  import %d rows, dry run:    %8.1f ms\n", kImportRows, dry_ms);
  std::printf("  import %d rows, stored:     %8.1f ms\n", kImportRows, import_ms);
  return 0;
}
