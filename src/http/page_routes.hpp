// The HTML pages: login, start page, programme and unit pages, and the
// administrator's pages. Handlers build a JSON view model and render a template.
#pragma once
#include <nlohmann/json.hpp>

#include "domain/target.hpp"
#include "app/services.hpp"
#include "http/dispatcher.hpp"
#include "http/page_renderer.hpp"

namespace stegvis::http {

void add_page_routes(Router& router, app::Services& services, PageRenderer& pages, const DispatchConfig& config);
void add_admin_staff_pages(Router& router, app::Services& services, PageRenderer& pages);
void add_admin_programme_pages(Router& router, app::Services& services, PageRenderer& pages);
void add_admin_pages(Router& router, app::Services& services, PageRenderer& pages);
// The participant path (participant_pages_*.cpp): referrals and their decisions,
// the allocation conference, participant lists and the participant page.
void add_referral_pages(Router& router, app::Services& services, PageRenderer& pages);
void add_referral_decision_pages(Router& router, app::Services& services, PageRenderer& pages);
void add_allocation_pages(Router& router, app::Services& services, PageRenderer& pages);
void add_enrolment_list_pages(Router& router, app::Services& services, PageRenderer& pages);
void add_enrolment_pages(Router& router, app::Services& services, PageRenderer& pages);
// The evaluator export's download page (evaluation_export_pages.cpp).
void add_evaluation_export_pages(Router& router, app::Services& services, PageRenderer& pages);
void add_rating_pages(Router& router, app::Services& services, PageRenderer& pages);
void add_static_routes(Router& router, const std::string& web_dir);
// The period report, the dashboard and the targets' forms (report_pages.cpp).
void add_report_pages(Router& router, app::Services& services, PageRenderer& pages);
// Staffing financing and the allocation key (financing_pages.cpp).
void add_financing_pages(Router& router, app::Services& services, PageRenderer& pages);
// Meetings of the programme's bodies: list, the meeting page with agenda and minutes (meeting_pages.cpp).
void add_meeting_pages(Router& router, app::Services& services, PageRenderer& pages);
void add_member_pages(Router& router, app::Services& services, PageRenderer& pages);
// The programme plan with its versions and side-by-side diff, and the activity plan (plan_pages.cpp).
void add_plan_pages(Router& router, app::Services& services, PageRenderer& pages);
// A unit's staff diary and the programme's annual report (diary_pages.cpp).
void add_diary_pages(Router& router, app::Services& services, PageRenderer& pages);
// The economy page, requisitions and the national report (money_pages*.cpp).
void add_money_pages(Router& router, app::Services& services, PageRenderer& pages);
// Questionnaires: list, definition form, rounds with links and QR codes, results (questionnaire_pages.cpp).
void add_questionnaire_pages(Router& router, app::Services& services, PageRenderer& pages);
// The public answer page of a one-time link (answer_pages.cpp).
void add_answer_pages(Router& router, app::Services& services, PageRenderer& pages);
// The programme catalogue and its cards, strategy action programmes (learning_pages.cpp, issue #9).
void add_learning_pages(Router& router, app::Services& services, PageRenderer& pages);
// The programme page, with a target form's error and entered values when saving failed.
Response render_programme_page(app::Services& services, PageRenderer& pages, const Request& req, Id id,
                               const std::string& target_error = {}, const Target* entered = nullptr,
                               int status = 200);
// Adds the report links and the targets section to the programme page's view.
void add_programme_report_view(app::Services& services, const Request& req, const Programme& p, nlohmann::json& view,
                               const std::string& error, const Target* entered);

// Shared by the session API and the login page.
std::string session_cookie(const std::string& token, bool secure, bool clear);
// Ends the session the request's cookie names, if any: called at login, so that a
// cookie a browser held before (planted, or another user's) is never honoured after it.
void end_previous_session(app::Services& services, const Request& req);

}  // namespace stegvis::http
