// The period report's file formats. Each writer takes the format-independent
// ReportDocument and returns the whole file's bytes, so that the HTTP routes and
// the command line serve the same figures; std::runtime_error on an internal
// failure (a library or temporary-file error), never for the document's content.
#pragma once
#include <string>

#include "reports/report_table.hpp"

namespace stegvis::reports {

// Excel workbook: a sheet "Om rapporten", then one sheet per table.
std::string to_xlsx(const ReportDocument& doc);
// A4 PDF with the tables, the charts and "Sida n av N".
std::string to_pdf(const ReportDocument& doc);
// CSV for Swedish Excel: UTF-8 with BOM, ';', decimal comma, CRLF.
std::string to_csv(const ReportDocument& doc);

}  // namespace stegvis::reports
