// Wires every route of the product to the services: the whole surface of the
// server is registered by build_routes() and can be read top to bottom there.
#pragma once
#include "app/services.hpp"
#include "http/dispatcher.hpp"
#include "http/page_renderer.hpp"

namespace stegvis::http {

void build_routes(Dispatcher& dispatcher, app::Services& services, PageRenderer& pages, const DispatchConfig& config);

}  // namespace stegvis::http
