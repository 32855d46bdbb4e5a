// A report as tables and charts, independent of the output format: the HTML
// page, the .xlsx (one sheet per table), the .pdf and the .csv writers all take
// a ReportDocument, so every format shows the same figures.
#pragma once
#include <string>
#include <vector>

#include "reports/chart.hpp"

namespace stegvis::reports {

struct TableCell {
  enum class Kind { empty, number, percent, text, suppressed };
  Kind kind = Kind::empty;
  double value = 0;  // number, or percent as 0..100
  std::string text;

  static TableCell number(double v) { return {Kind::number, v, {}}; }
  static TableCell percent(double v) { return {Kind::percent, v, {}}; }
  static TableCell of_text(std::string t) { return {Kind::text, 0, std::move(t)}; }
  // A count under the suppression limit: shown as "<5", never the number.
  static TableCell hidden() { return {Kind::suppressed, 0, {}}; }
  // A figure withheld so that a hidden one cannot be worked out from a sum: shown as "..".
  static TableCell withheld() { return {Kind::suppressed, 0, ".."}; }
  static TableCell none() { return {}; }
};

struct ReportTable {
  std::string title;  // Swedish heading
  std::string sheet;  // xlsx sheet name (≤ 31 characters, no []:*?/\)
  std::vector<std::string> headings;
  std::vector<std::vector<TableCell>> rows;
  std::string note;  // e.g. "Celler under 5 personer visas som <5."
};

struct ReportDocument {
  std::string title;
  std::string subtitle;  // programme, period, grouping
  std::vector<ReportTable> tables;
  std::vector<Chart> charts;
  std::vector<std::string> notes;
};

}  // namespace stegvis::reports
