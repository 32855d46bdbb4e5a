// The money pages (money_pages.cpp, money_pages_requisitions.cpp): the economy
// page with its forms, requisitions, and the national report page.
#pragma once
#include <nlohmann/json.hpp>

#include "app/services.hpp"
#include "http/page_renderer.hpp"
#include "http/page_routes.hpp"

namespace stegvis::http {

// What a failed form sends back to the economy page: the message and what was entered.
struct EconomyPageExtras {
  std::string budget_error, cost_error, import_error, requisition_error;
  std::optional<Budget> entered_budget;
  nlohmann::json import_rows = nlohmann::json::array();
  std::string import_summary, import_text;
};

Date today_of(app::Services& services);
// Table view cells of whole kronor grouped by thousands ("8 100 000").
void group_thousands(nlohmann::json& table);
Response render_economy_page(app::Services& services, PageRenderer& pages, const Request& req, Id id, int year,
                             const EconomyPageExtras& extra, int status = 200);
// The requisitions section of the economy page (list, create form, status buttons).
void add_requisition_view(app::Services& services, const Request& req, const Programme& p, std::optional<Id> unit,
                          nlohmann::json& view, const std::string& error);
void add_requisition_pages(Router& router, app::Services& services, PageRenderer& pages);

}  // namespace stegvis::http
