// The JSON API under /api/v1 (shared/design/api.md). Handlers only translate
// between JSON and the use cases of app::Services.
#pragma once
#include "app/services.hpp"
#include "http/dispatcher.hpp"
#include "http/request_decoders.hpp"

namespace stegvis::http {

void add_session_routes(Router& router, app::Services& services, const DispatchConfig& config);
void add_organisation_routes(Router& router, app::Services& services);
void add_staff_routes(Router& router, app::Services& services);
void add_participant_routes(Router& router, app::Services& services);
// Targets, the period report and the dashboard (api_report_routes.cpp).
void add_report_routes(Router& router, app::Services& services);
Result<app::PeriodReportRequest> period_request(Request& req, const std::string& format);
// The period report as a file (xlsx, pdf, csv), its MIME type and a file name; shared with the command line.
std::string render_file(const app::PeriodReportResult& r, const std::string& format);
std::string content_type(const std::string& format);
std::string file_name(const app::PeriodReportResult& r, const std::string& format);
// The evaluator export (api_export_routes.cpp).
void add_export_routes(Router& router, app::Services& services);
void add_rating_routes(Router& router, app::Services& services);
// Staffing financing and the allocation key (api_financing_routes.cpp).
void add_financing_routes(Router& router, app::Services& services);
// Register extract (right of access), in api_access_routes.cpp.
void add_access_routes(Router& router, app::Services& services);
// Meetings, minutes, the PDF and the calendar feed (api_governance_routes.cpp).
void add_governance_routes(Router& router, app::Services& services);
json to_json(const app::MeetingView& v);
// Programme plan versions and the activity plan (api_plan_routes.cpp).
void add_plan_routes(Router& router, app::Services& services);
json to_json(const PlanVersion& v);
json to_json(const app::ActivityRow& r);
json to_json(const app::PlanDiff& d);
// Staff diaries and the annual report (api_diary_routes.cpp).
void add_diary_routes(Router& router, app::Services& services);
json annual_report_json(const app::AnnualReport& r);
// Budgets, costs, economy, requisitions and the national report (api_money_routes.cpp).
void add_money_routes(Router& router, app::Services& services);

// Questionnaires, rounds, results and the anonymous answers (api_questionnaire_routes.cpp).
void add_questionnaire_routes(Router& router, app::Services& services);
// The programme catalogue, strategy action programmes and the lasting effect (api_learning_routes.cpp, issue #9).
void add_learning_routes(Router& router, app::Services& services);

// The vocabularies a request body may name, loaded through the services as this actor when a decoder asks.
Lookups lookups_for(app::Services& services, const app::Actor& actor);

}  // namespace stegvis::http
