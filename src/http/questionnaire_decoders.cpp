// Request bodies of the questionnaire paths (api.md "Governance and learning"):
// a questionnaire as defined or imported (a wrong type names its path, e.g.
// "items[2].max"), a round, and a respondent's answers. Pure.
#include "app/questionnaire_import.hpp"
#include "http/request_decoders.hpp"

namespace stegvis::http {
std::optional<Error> decode_questionnaire(const json& j, QuestionnaireDraft& d) {
  return app::questionnaire_from_json(j, d);
}

std::optional<Error> decode_survey_round(const json& j, app::RoundInput& in) {
  if (auto e = read_opt_id(j, "unit", in.unit_id)) return e;
  if (auto e = read_opt_id(j, "programme", in.programme_id)) return e;
  if (auto e = read_string(j, "opens", in.opens)) return e;
  if (auto e = read_string(j, "closes", in.closes)) return e;
  std::int64_t n = 0;
  if (auto e = read_int(j, "invitations", n)) return e;
  if (n < 1 || n > kMaxInvitations)
    return invalid("invitations", "Ange 1–" + std::to_string(kMaxInvitations) + " inbjudningar (länkar).");
  in.invitations = static_cast<int>(n);
  return std::nullopt;
}

std::optional<Error> decode_answers(const json& j, std::map<std::string, AnswerValue>& out) {
  auto it = j.find("answers");
  if (it == j.end() || !it->is_object())
    return invalid("answers", "\"answers\" ska vara ett objekt med ett svar per fråga: {\"<frågans id>\": svar}.");
  if (it->size() > kMaxItems) return invalid("answers", "För många svar.");
  for (const auto& [key, v] : it->items()) {
    if (key.size() > 40) return invalid("answers", "Okänt fråge-id.");
    AnswerValue a;
    if (v.is_null()) continue;
    if (v.is_number_integer()) {
      a.number = v.get<std::int64_t>();
    } else if (v.is_number_float() && v.get<double>() == static_cast<double>(static_cast<std::int64_t>(v.get<double>())) &&
               std::abs(v.get<double>()) < 1e6) {
      a.number = static_cast<std::int64_t>(v.get<double>());
    } else if (v.is_string()) {
      a.text = v.get<std::string>();
    } else {
      a.not_integer = true;
    }
    out[key] = std::move(a);
  }
  return std::nullopt;
}

}  // namespace stegvis::http
