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

// The vocabularies a request body may name, loaded through the services as this actor when a decoder asks.
Lookups lookups_for(app::Services& services, const app::Actor& actor);

}  // namespace stegvis::http
