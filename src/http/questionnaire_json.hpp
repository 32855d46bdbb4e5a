// JSON of questionnaires, rounds and results (api.md), shared by the API and the pages.
#pragma once
#include <nlohmann/json.hpp>

#include "app/questionnaire_service.hpp"
#include "http/request.hpp"

namespace stegvis::http {

nlohmann::json item_json(const QuestionItem& i);
nlohmann::json questionnaire_json(const Questionnaire& q, bool with_items);
nlohmann::json round_json(const app::RoundView& v);
// {"responses", "suppressed", "items": [{"id", "text", "count", "mean", "distribution"}], ...}
nlohmann::json round_results_json(const RoundResults& r);
nlohmann::json results_json(const app::ResultsView& v);
// The answer page's address for a token, absolute when the request says which host it came to.
std::string answer_link(const Request& req, const std::string& token);

}  // namespace stegvis::http
