// A questionnaire round's results as the report document that the results
// page, the .xlsx and the .pdf share: means with the previous round, one
// distribution table per scale, the units side by side, the free texts.
#pragma once
#include "app/questionnaire_service.hpp"
#include "reports/report_table.hpp"

namespace stegvis::app {

reports::Chart results_chart(const ResultsView& v);
reports::ReportDocument results_document(const ResultsView& v);

}  // namespace stegvis::app
