// Ledger CSV import (domain/ledger_csv.hpp): any bytes give either a file error
// or rows; readable rows hold a real month, a known line and an amount within
// 10^12 SEK; valid UTF-8 decodes to itself; amounts print and parse back.
#include "domain/ledger_csv.hpp"
#include "targets.hpp"

namespace stegvis::fuzz {

std::string ledger_csv(std::string_view input) {
  auto decoded = decode_ledger_text(input);
  if (decoded && input.substr(0, 3) != "\xEF\xBB\xBF" && decoded->size() < input.size())
    return "decoding lost bytes";
  auto rows = parse_ledger(input);
  if (!rows) return rows.error().message.empty() ? "a file error without a message" : "";
  int previous = 0;
  for (const auto& r : *rows) {
    if (r.row <= previous) return "row numbers not increasing";
    previous = r.row;
    if (!r.error.empty()) continue;
    if (!parse_month(r.month) || *parse_month(r.month) != r.month) return "a readable row with a bad month";
    if (r.amount > kMaxAmountOre || r.amount < -kMaxAmountOre) return "an amount above the limit";
    auto back = parse_amount(format_sek(r.amount));
    if (!back || *back != r.amount) return "an amount does not print and parse back";
  }
  return "";
}

}  // namespace stegvis::fuzz
