// The money views as ReportDocuments (issue #7): the economy page's tables and
// cumulative chart, a requisition (its PDF) and the national report (page,
// CSV, xlsx) — one document per view, so every format shows the same figures.
#pragma once
#include <optional>
#include <string>

#include "domain/economy.hpp"
#include "domain/requisition.hpp"
#include "reports/report_table.hpp"

namespace stegvis::reports {

// Whole kronor in a table cell.
TableCell kronor_cell(Ore ore);
TableCell optional_kronor_cell(const std::optional<Ore>& ore);

// The forecast's method in words, shown on the page and in exports.
std::string forecast_method_text();

ReportDocument economy_document(const std::string& programme_name, const std::string& unit_name, const Economy& e);

struct RequisitionDocumentInput {
  std::string association;  // the recipient
  std::string programme, unit;
  const Requisition* requisition = nullptr;
  const std::vector<EconomyRow>* lines = nullptr;
  std::optional<Ore> unit_budget;
};
ReportDocument requisition_document(const RequisitionDocumentInput& in);

ReportDocument national_report_document(const NationalReport& r);

}  // namespace stegvis::reports
