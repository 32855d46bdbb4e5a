// View models of report pages: a ReportDocument's tables and charts as JSON
// for the mustache templates, with cells formatted the Swedish way.
#pragma once
#include <nlohmann/json.hpp>

#include "domain/target.hpp"
#include "reports/report_table.hpp"

namespace stegvis::http {

std::string format_cell(const reports::TableCell& c);  // "12", "66,7 %", "<5", "–"
nlohmann::json table_view(const reports::ReportTable& t, const std::string& id);
nlohmann::json chart_view(const reports::Chart& c);
// CSS class and Swedish word of a target state ("met", "Uppfyllt"); hidden when suppressed.
nlohmann::json target_state_view(TargetState s, bool hidden);

}  // namespace stegvis::http
