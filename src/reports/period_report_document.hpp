// The period report and the dashboard as ReportDocuments (Swedish headings,
// one table per section, charts): what the page shows and the xlsx, pdf and
// csv writers write. Small cells are suppressed here when asked, so that every
// format hides the same cells.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/dashboard.hpp"
#include "domain/period_report.hpp"
#include "reports/report_table.hpp"

namespace stegvis::reports {

// A count: "<5" when suppressed and 1–4.
TableCell count_cell(int n, bool suppress);
// A share in %: hidden when suppressed and its numerator or denominator is 1–4; empty when 0 of 0.
TableCell share_cell(const Share& s, bool suppress);
// A mean or median over n persons: hidden when suppressed and n is 1–4.
TableCell mean_cell(const std::optional<double>& v, int n, bool suppress);

std::string grouping_label(const std::string& group_by);  // "Länsdel", "Kommun", ...
std::string target_state_label(TargetState s);          // "Uppfyllt", "Ej uppfyllt", "Underlag saknas"

struct PeriodDocumentInput {
  std::string programme_name;
  std::string unit_name;  // "" for the whole programme
  const PeriodReport* report = nullptr;
  const std::vector<Target>* targets = nullptr;
  bool suppress = true;
};

ReportDocument period_report_document(const PeriodDocumentInput& in);

}  // namespace stegvis::reports
