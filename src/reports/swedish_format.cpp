#include "reports/swedish_format.hpp"

#include <cmath>
#include <cstdio>

namespace stegvis::reports {
namespace {

constexpr const char* kNoBreakSpace = "\u00a0";

bool is_whole(double v) { return std::fabs(v - std::round(v)) < 1e-9; }

// digits: "1234567,5" style with a comma already; inserts the thousands separator.
std::string group_thousands(const std::string& plain, bool grouping) {
  if (!grouping) return plain;
  std::size_t start = plain[0] == '-' ? 1 : 0;
  std::size_t end = plain.find(',');
  if (end == std::string::npos) end = plain.size();
  std::string out = plain.substr(0, start);
  for (std::size_t i = start; i < end; ++i) {
    std::size_t left = end - i;
    out += plain[i];
    if (left > 1 && (left - 1) % 3 == 0) out += kNoBreakSpace;
  }
  return out + plain.substr(end);
}

// Half away from zero as Excel and a reader round (printf rounds 187,25 to 187,2).
std::string fixed(double v, int decimals) {
  double scale = std::pow(10.0, decimals);
  v = std::round(v * scale) / scale;
  if (v == 0) v = 0;  // no "-0"
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (auto dot = s.find('.'); dot != std::string::npos) s[dot] = ',';
  return s;
}

}  // namespace

std::string format_number_sv(double value, bool grouping) {
  return group_thousands(fixed(value, is_whole(value) ? 0 : 1), grouping);
}

std::string format_percent_sv(double percent, bool grouping) {
  return group_thousands(fixed(percent, 1), grouping) + (grouping ? kNoBreakSpace : "") + "%";
}

std::string cell_text_sv(const TableCell& cell, bool grouping) {
  switch (cell.kind) {
    case TableCell::Kind::number: return format_number_sv(cell.value, grouping);
    case TableCell::Kind::percent: return format_percent_sv(cell.value, grouping);
    case TableCell::Kind::suppressed: return cell.text.empty() ? kSuppressedText : cell.text;
    case TableCell::Kind::text: return cell.text;
    case TableCell::Kind::empty: return "";
  }
  return "";
}

bool is_numeric(const TableCell& cell) {
  return cell.kind == TableCell::Kind::number || cell.kind == TableCell::Kind::percent ||
         cell.kind == TableCell::Kind::suppressed;
}

}  // namespace stegvis::reports
