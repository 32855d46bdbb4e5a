// The steering group's dashboard as a ReportDocument (tables and charts) and
// its list of what needs attention, in Swedish. Aggregates only: staff names
// appear with their caseload, participants never.
#pragma once
#include <string>
#include <vector>

#include "domain/dashboard.hpp"
#include "reports/report_table.hpp"

namespace stegvis::reports {

ReportDocument dashboard_document(const std::string& programme_name, const Dashboard& d,
                                  const std::vector<Target>& targets, bool suppress);
std::vector<std::string> dashboard_attention(const Dashboard& d, const std::vector<Target>& targets, bool suppress);

}  // namespace stegvis::reports
