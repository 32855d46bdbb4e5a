#include "http/app_server.hpp"

#include "http/api_routes.hpp"
#include "http/page_routes.hpp"

namespace stegvis::http {

void build_routes(Dispatcher& dispatcher, app::Services& services, PageRenderer& pages, const DispatchConfig& config) {
  Router& r = dispatcher.router();
  add_session_routes(r, services, config);
  add_organisation_routes(r, services);
  add_staff_routes(r, services);
  add_participant_routes(r, services);
  add_export_routes(r, services);
  add_rating_routes(r, services);
  add_report_routes(r, services);
  add_access_routes(r, services);
  add_financing_routes(r, services);
  add_governance_routes(r, services);
  add_plan_routes(r, services);
  add_diary_routes(r, services);
  add_money_routes(r, services);
  add_questionnaire_routes(r, services);
  add_learning_routes(r, services);
  add_static_routes(r, pages.web_dir());
  add_page_routes(r, services, pages, config);
  add_admin_staff_pages(r, services, pages);
  add_admin_programme_pages(r, services, pages);
  add_admin_pages(r, services, pages);
  add_referral_pages(r, services, pages);
  add_referral_decision_pages(r, services, pages);
  add_allocation_pages(r, services, pages);
  add_enrolment_list_pages(r, services, pages);
  add_enrolment_pages(r, services, pages);
  add_evaluation_export_pages(r, services, pages);
  add_rating_pages(r, services, pages);
  add_report_pages(r, services, pages);
  add_financing_pages(r, services, pages);
  add_meeting_pages(r, services, pages);
  add_member_pages(r, services, pages);
  add_plan_pages(r, services, pages);
  add_diary_pages(r, services, pages);
  add_money_pages(r, services, pages);
  add_questionnaire_pages(r, services, pages);
  add_answer_pages(r, services, pages);
  add_learning_pages(r, services, pages);
}

}  // namespace stegvis::http
