// The steering group's staffing and activity-plan figures as JSON, for the
// meeting's API reply and its page (api_governance_routes.cpp).
#pragma once
#include <nlohmann/json.hpp>

#include "app/steering_figures.hpp"

namespace stegvis::http {

nlohmann::json steering_json(const app::SteeringFigures& f);

}  // namespace stegvis::http
