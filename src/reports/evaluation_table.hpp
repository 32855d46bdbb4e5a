// The evaluator export as one table: a header row of stable column names (the
// API's field names, so that scripts can rely on them) and one row per
// enrolment, written as CSV or as a one-sheet workbook.
#pragma once
#include <string>
#include <vector>

#include "domain/evaluation.hpp"
#include "reports/report_table.hpp"

namespace stegvis::reports {

// The column names in order: the fixed ones, then goal_start_<area> and goal_exit_<area>.
const std::vector<std::string>& evaluation_columns();

// Rows for the period ending on `to`: an exit after it is left out (not yet known then).
ReportTable evaluation_table(const std::vector<EvaluationFacts>& facts, const Date& to);

// A plain rectangular file for statistics tools: the header row and the rows,
// nothing else. CSV as Swedish Excel reads it (BOM, ';', decimal comma).
std::string table_to_csv(const ReportTable& table);
// One sheet named after table.sheet: headings in a frozen first row.
std::string table_to_xlsx(const ReportTable& table);

}  // namespace stegvis::reports
