// Money as users write it (domain.md §7): amounts in SEK kept as whole öre so
// sums are exact, the budget lines of a programme, and months "YYYY-MM".
// Pure: parsing and the rules a budget obeys, no storage.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/result.hpp"

namespace stegvis {

using Ore = std::int64_t;  // 1 SEK = 100 öre
inline constexpr Ore kMaxAmountOre = 100'000'000'000'000;  // 10^12 SEK

// "1 234,50", "1234.50", "-500", "1\u00a0234" (no-break or thin space between
// thousands), "−500" (Unicode minus) → öre. Errors (in Swedish) for text that is
// no number, more than two decimals, or an absolute value above 10^12 SEK.
Result<Ore> parse_amount(std::string_view text, const std::string& field = "amount");
// A JSON number (already a double) checked the same way: at most two decimals, ≤ 10^12.
Result<Ore> amount_from_number(double sek, const std::string& field = "amount");
// "1 234,50" (no-break space between thousands, decimals only when not whole kronor).
std::string format_sek(Ore ore);
double to_sek(Ore ore);

// "2024-03" or "2024-03-31" → "2024-03"; an error naming the field otherwise.
Result<std::string> parse_month(std::string_view text, const std::string& field = "month");
// The month's first day and last day.
Date month_first_day(const std::string& month);
Date month_last_day(const std::string& month);
// True when some day of the month lies in [start, end] (the programme's period).
bool month_in_period(const std::string& month, const std::string& start, const std::string& end);

struct BudgetLineDef {
  std::string code;
  std::string name;
};
// The KASAM lines of Sikta mot arbetslivet (shared/data/sikta_budget_2024.csv), the default of every budget.
const std::vector<BudgetLineDef>& default_budget_lines();
// The demo budget 2024 in tkr per line code, and its frame (9 000 tkr).
struct DemoBudgetLine {
  const char* code;
  int tkr;
};
const std::vector<DemoBudgetLine>& demo_budget_2024();
inline constexpr int kDemoFrameTkr = 9000;

struct BudgetLine {
  std::string code;
  std::string name;
  Ore amount = 0;
};

struct Budget {
  std::int64_t id = 0;
  std::int64_t programme_id = 0;
  std::int64_t unit_id = 0;  // 0: the whole programme
  int year = 0;
  int version = 1;
  std::string status = "draft";  // draft, approved
  std::optional<Ore> frame;      // the frame the board gave; lines may leave some unallocated
  std::string decided_by;        // e.g. "Förbundsstyrelsen"
  std::string approved_on;       // YYYY-MM-DD
  std::vector<BudgetLine> lines;

  bool approved() const { return status == "approved"; }
  Ore total() const;
  // frame − total of the lines (nothing without a frame); negative when the lines exceed it.
  std::optional<Ore> unallocated() const;
};

// A draft's lines checked: known codes (names filled in from the defaults when
// blank), no code twice, amounts 0..10^12, the lines' total within the frame.
std::optional<Error> check_budget_draft(Budget& b);

}  // namespace stegvis
