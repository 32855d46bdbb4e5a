// JSON of targets, the period report and the dashboard. Small cells are
// suppressed here exactly as in the documents: a count of 1–4 becomes "<5",
// a share over such counts has "pct": null and "hidden": true.
#pragma once
#include <nlohmann/json.hpp>

#include "app/report_service.hpp"

namespace stegvis::http {

nlohmann::json to_json(const Target& t);
nlohmann::json period_report_json(const app::PeriodReportResult& r);
nlohmann::json dashboard_json(const app::DashboardResult& r);

}  // namespace stegvis::http
