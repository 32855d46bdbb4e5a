// A ledger export as Swedish finance systems write it (issue #7 "Actual
// costs"): the bytes decoded (UTF-8 with or without BOM, or Windows-1252),
// the separator found (';' or ','), RFC 4180 quoting, and each data row read
// into a month, a budget line, an amount and an optional unit and note. Pure:
// which unit names exist and which rows are already stored is the caller's.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "domain/money.hpp"
#include "domain/result.hpp"

namespace stegvis {

// The text as UTF-8: a BOM dropped, Windows-1252 converted. An error for bytes
// that are neither (NUL bytes of UTF-16, the five undefined Windows-1252 codes).
Result<std::string> decode_ledger_text(std::string_view bytes);

// RFC 4180 records (quotes, doubled quotes, separators and line breaks inside
// quotes; CRLF, LF or CR between records). An error for an unterminated quote.
Result<std::vector<std::vector<std::string>>> parse_csv_records(std::string_view text, char separator);

struct LedgerRow {
  int row = 0;  // 1 = the first data row
  std::string month;  // YYYY-MM
  std::string line;   // budget line code
  Ore amount = 0;
  std::string unit;   // as written (id or name); "" = none
  std::string note;
  std::string error;  // Swedish, naming the row's column; "" = readable
};

inline constexpr std::size_t kMaxLedgerRows = 200'000;

// The whole file: header "month;line;amount;unit;note" (order free, unit and
// note optional; Swedish månad/rad/belopp/enhet/anteckning accepted). A file
// error (encoding, no header, missing column, too many rows) fails as a whole;
// a bad row carries its error and the rest are still read.
Result<std::vector<LedgerRow>> parse_ledger(std::string_view bytes);

}  // namespace stegvis
