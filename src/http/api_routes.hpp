// The JSON API under /api/v1 (shared/design/api.md). Handlers only translate
// between JSON and the use cases of app::Services.
#pragma once
#include "app/services.hpp"
#include "http/dispatcher.hpp"

namespace stegvis::http {

void add_session_routes(Router& router, app::Services& services, const DispatchConfig& config);
void add_organisation_routes(Router& router, app::Services& services);
void add_staff_routes(Router& router, app::Services& services);
void add_participant_routes(Router& router, app::Services& services);
void add_rating_routes(Router& router, app::Services& services);
// Targets, the period report and the dashboard (api_report_routes.cpp).
void add_report_routes(Router& router, app::Services& services);
Result<app::PeriodReportRequest> period_request(Request& req, const std::string& format);

}  // namespace stegvis::http
