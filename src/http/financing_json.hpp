// JSON of the financing view, the allocation key and its scenarios (api.md "Money").
#pragma once
#include "app/financing_service.hpp"
#include "http/json_codec.hpp"

namespace stegvis::http {

json to_json(const app::FinancingView& v);
json to_json(const app::AllocationKeyView& v);
json to_json(const store::AllocationScenario& s);

}  // namespace stegvis::http
