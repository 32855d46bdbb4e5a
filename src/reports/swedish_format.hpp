// Numbers as a Swedish reader writes them: decimal comma, a (no-break) space
// between thousands, "45,5 %". One rule for every output format, so that the
// PDF, the CSV and the page show the same figures.
#pragma once
#include <string>

#include "reports/report_table.hpp"

namespace stegvis::reports {

// Whole numbers without decimals, others with one ("1 234", "187,3").
// grouping: a no-break space (U+00A0) between thousands; without it "1234".
std::string format_number_sv(double value, bool grouping);
// Always one decimal and a percent sign: "45,5 %" (no-break space) or "45,5%".
std::string format_percent_sv(double percent, bool grouping);
// The text a cell shows: numbers and percentages as above, "<5" for a
// suppressed count, ".." for a withheld one, the text as it is, "" for an empty cell.
std::string cell_text_sv(const TableCell& cell, bool grouping);
// True for numbers, percentages and suppressed counts (right-aligned columns).
bool is_numeric(const TableCell& cell);

inline constexpr const char* kSuppressedText = "<5";

}  // namespace stegvis::reports
