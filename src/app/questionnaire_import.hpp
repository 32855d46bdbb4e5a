// Questionnaires as JSON: the importable shape (the API's body and the export
// file) read into a draft, and the questionnaires shipped with the product
// (data/questionnaires/*.json, compiled in by cmake/embed_questionnaires.cmake).
#pragma once
#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

#include "domain/questionnaire.hpp"

namespace stegvis::app {

// 400 naming the path of a missing field or a wrong type; the rules are check_questionnaire's.
std::optional<Error> questionnaire_from_json(const nlohmann::json& j, QuestionnaireDraft& d);

struct ShippedQuestionnaire {
  std::string file;  // e.g. "insatspersonal.json"
  std::string json;
};
const std::vector<ShippedQuestionnaire>& shipped_questionnaires();
// The shipped file parsed and checked; std::runtime_error when it is broken (a bug in the repo).
QuestionnaireDraft shipped_draft(const std::string& file);

}  // namespace stegvis::app
