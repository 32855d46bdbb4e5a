// Request bodies of the governance routes (api.md "Governance and learning"):
// a new meeting, its minutes and a body's member. Pure: JSON in, the use case's input out.
#include "http/request_decoders.hpp"

namespace stegvis::http {
namespace {

std::optional<Error> read_texts(const json& j, const char* field, std::vector<std::string>& out) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_array()) return invalid(field, std::string("Fältet \"") + field + "\" ska vara en lista med texter.");
  for (const auto& x : *it) {
    if (!x.is_string()) return invalid(field, std::string("Fältet \"") + field + "\" ska vara en lista med texter.");
    out.push_back(x.get<std::string>());
  }
  return std::nullopt;
}

}  // namespace

std::optional<Error> decode_meeting(const json& j, app::MeetingInput& in) {
  if (auto e = read_string(j, "body", in.body)) return e;
  std::optional<Id> unit;
  if (auto it = j.find("unit"); it != j.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() <= 0)
      return invalid("unit", "Fältet \"unit\" ska vara länsdelens id.");
    unit = it->get<Id>();
  }
  in.unit_id = unit;
  if (auto e = read_string(j, "date", in.date)) return e;
  if (auto e = read_string(j, "time", in.time, false)) return e;
  if (auto e = read_string(j, "place", in.place, false)) return e;
  std::int64_t duration = 0;
  if (auto e = read_int(j, "duration_minutes", duration, false)) return e;
  if (duration < 0 || duration > 600) return invalid("duration_minutes", "Mötets längd ska vara 15–600 minuter.");
  in.duration_minutes = static_cast<int>(duration);
  if (auto e = read_texts(j, "agenda", in.agenda)) return e;
  if (auto e = read_texts(j, "attendees", in.attendees)) return e;
  return read_texts(j, "apologies", in.apologies);
}

std::optional<Error> decode_minutes(const json& j, app::MinutesInput& in) {
  if (auto e = read_string(j, "text", in.text, false)) return e;
  if (auto e = read_texts(j, "decisions", in.decisions)) return e;
  auto it = j.find("actions");
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_array()) return invalid("actions", "Fältet \"actions\" ska vara en lista med åtgärder.");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& a = (*it)[i];
    std::string f = "actions[" + std::to_string(i) + "]";
    if (!a.is_object()) return invalid(f, "Varje åtgärd ska vara ett objekt med text, owner och due.");
    app::MinutesInput::Action x;
    for (auto [key, out] : {std::pair{"text", &x.text}, std::pair{"owner", &x.owner}, std::pair{"due", &x.due}}) {
      auto v = a.find(key);
      if (v == a.end() || v->is_null()) continue;  // the use case names what is missing
      if (!v->is_string()) return invalid(f + "." + key, "Fältet \"" + f + "." + key + "\" ska vara text.");
      *out = v->get<std::string>();
    }
    in.actions.push_back(std::move(x));
  }
  return std::nullopt;
}

std::optional<Error> decode_plan_version(const json& j, PlanVersion& v) {
  if (auto e = read_string(j, "version", v.version)) return e;
  if (auto e = read_string(j, "decision", v.decision)) return e;
  if (auto e = read_string(j, "decided_by", v.decided_by)) return e;
  if (auto e = read_string(j, "date", v.date)) return e;
  auto it = j.find("sections");
  if (it == j.end() || it->is_null()) return invalid("sections", "Fältet \"sections\" saknas.");
  if (!it->is_object()) return invalid("sections", "Fältet \"sections\" ska vara ett objekt med avsnittens texter.");
  for (const auto& [code, text] : it->items()) {
    if (!text.is_string()) return invalid("sections." + code, "Avsnittet \"" + code + "\" ska vara text.");
    v.sections[code] = text.get<std::string>();
  }
  return std::nullopt;
}

std::optional<Error> decode_activity(const json& j, bool required, ActivityItem& item) {
  if (auto e = read_string(j, "semester", item.semester, required)) return e;
  if (auto e = read_string(j, "activity", item.activity, required)) return e;
  if (auto e = read_string(j, "status", item.status, false)) return e;
  if (auto e = read_string(j, "responsible", item.responsible, false)) return e;
  return read_string(j, "evidence", item.evidence, false);
}

std::optional<Error> decode_diary(const json& j, DiaryInput& in) {
  if (auto e = read_string(j, "week", in.entry.week)) return e;
  if (auto e = read_string(j, "text", in.entry.text)) return e;
  auto it = j.find("themes");
  if (it == j.end() || it->is_null()) return invalid("themes", "Välj minst ett tema (themes).");
  if (auto e = read_texts(j, "themes", in.entry.themes)) return e;
  if (auto e = read_bool(j, "for_annual_report", in.entry.for_annual_report, false)) return e;
  return read_bool(j, "acknowledge_names", in.acknowledge_names, false);
}

std::optional<Error> decode_annual_sections(const json& j, std::map<std::string, std::string>& texts) {
  auto it = j.find("sections");
  if (it == j.end() || !it->is_object())
    return invalid("sections", "Fältet \"sections\" ska vara ett objekt med avsnittens texter.");
  for (const auto& [code, text] : it->items()) {
    if (!text.is_string()) return invalid("sections." + code, "Avsnittet \"" + code + "\" ska vara text.");
    texts[code] = text.get<std::string>();
  }
  return std::nullopt;
}

// {"name"?, "username"?, "party"?: id or exact name, "start"?}: a name or a username is needed.
std::optional<Error> decode_member(const json& j, app::MemberInput& in) {
  if (auto e = read_string(j, "name", in.name, false)) return e;
  if (auto e = read_string(j, "username", in.username, false)) return e;
  if (auto it = j.find("party"); it != j.end() && !it->is_null()) {
    if (it->is_number_integer() && it->get<std::int64_t>() > 0) {
      in.party = std::to_string(it->get<std::int64_t>());
    } else if (it->is_string()) {
      in.party = it->get<std::string>();
    } else {
      return invalid("party", "Fältet \"party\" ska vara partens id eller namn.");
    }
  }
  if (auto e = read_string(j, "start", in.start, false)) return e;
  if (in.name.empty() && in.username.empty()) return invalid("name", "Ange ledamotens namn eller användarnamn.");
  return std::nullopt;
}

}  // namespace stegvis::http
