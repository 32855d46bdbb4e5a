// The questionnaires shipped in data/questionnaires/ (compiled into the
// binary by cmake/embed_questionnaires.cmake), parsed and checked. Apart from
// questionnaire_import.cpp so the fuzz build can take the pure decoder alone.
#include <nlohmann/json.hpp>

#include <stdexcept>

#include "app/questionnaire_import.hpp"

namespace stegvis::app {

QuestionnaireDraft shipped_draft(const std::string& file) {
  for (const auto& s : shipped_questionnaires()) {
    if (s.file != file) continue;
    QuestionnaireDraft d;
    auto e = questionnaire_from_json(nlohmann::json::parse(s.json), d);
    if (!e) e = check_questionnaire(d);
    if (e) throw std::runtime_error("data/questionnaires/" + file + ": " + e->message);
    return d;
  }
  throw std::runtime_error("no shipped questionnaire " + file);
}

}  // namespace stegvis::app
