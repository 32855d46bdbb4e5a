// The HTML pages: login, start page, programme and unit pages, and the
// administrator's pages. Handlers build a JSON view model and render a template.
#pragma once
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
void add_rating_pages(Router& router, app::Services& services, PageRenderer& pages);
void add_static_routes(Router& router, const std::string& web_dir);

// Shared by the session API and the login page.
std::string session_cookie(const std::string& token, bool secure, bool clear);

}  // namespace stegvis::http
