// JSON of the money API (api.md "Money"): amounts as SEK numbers with at most two decimals.
#pragma once
#include <nlohmann/json.hpp>

#include "app/services.hpp"

namespace stegvis::http {

nlohmann::json sek(Ore ore);
nlohmann::json budget_json(const Budget& b);
nlohmann::json import_json(const app::ImportResult& r);
nlohmann::json economy_json(const app::EconomyResult& r);
nlohmann::json requisition_json(const Requisition& r);
nlohmann::json requisition_view_json(const app::RequisitionView& v);
nlohmann::json national_report_json(const NationalReport& r);
// The requisition as a PDF (api_money_routes.cpp), shared with the pages.
std::string requisition_pdf(app::Services& services, const app::RequisitionView& v);

}  // namespace stegvis::http
