#include "domain/governance.hpp"

#include <set>

#include "domain/validation.hpp"

namespace stegvis {

std::string_view to_code(BodyKind k) {
  switch (k) {
    case BodyKind::styrgrupp: return "styrgrupp";
    case BodyKind::samverkansteam: return "samverkansteam";
    case BodyKind::personalmote: return "personalmote";
  }
  return "styrgrupp";
}

std::optional<BodyKind> body_kind_from_code(std::string_view code) {
  for (auto k : {BodyKind::styrgrupp, BodyKind::samverkansteam, BodyKind::personalmote})
    if (to_code(k) == code) return k;
  if (code == "personalmöte") return BodyKind::personalmote;
  return std::nullopt;
}

std::string body_kind_label(BodyKind k) {
  switch (k) {
    case BodyKind::styrgrupp: return "Styrgrupp";
    case BodyKind::samverkansteam: return "Samverkansteam";
    case BodyKind::personalmote: return "Personalmöte";
  }
  return "";
}

bool is_unit_body(BodyKind k) { return k != BodyKind::styrgrupp; }

std::vector<AgendaItem> standing_items(BodyKind k) {
  switch (k) {
    case BodyKind::samverkansteam:
      return {{"Nya deltagare sedan förra mötet", "new_participants"},
              {"Inflöde och utflöde", "flow"},
              {"Öppna åtgärder från tidigare möten", "open_actions"},
              {"Processfrågor", "process"}};
    case BodyKind::styrgrupp:
      return {{"Föregående protokoll och öppna åtgärder", "open_actions"},
              {"Volymer: aktiva deltagare, inflöde och utflöde", "volumes"},
              {"Bemanning och kapacitet per länsdel", "staffing"},
              {"Aktivitetsplanen", "activity_plan"},
              {"Övriga frågor", "other"}};
    case BodyKind::personalmote:
      return {{"Öppna åtgärder från tidigare möten", "open_actions"}, {"Aktuellt i länsdelen", "process"},
              {"Övriga frågor", "other"}};
  }
  return {};
}

std::vector<AgendaItem> build_agenda(BodyKind k, const std::vector<std::string>& items) {
  auto out = standing_items(k);
  std::set<std::string> seen;
  for (const auto& s : out) seen.insert(s.text);
  for (const auto& t : items) {
    auto first = t.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) continue;
    std::string text = t.substr(first, t.find_last_not_of(" \t\r\n") - first + 1);
    if (seen.insert(text).second) out.push_back({text, ""});
  }
  return out;
}

std::vector<Date> occurrences(const Date& first, int interval_days, const Date& from, const Date& until) {
  std::vector<Date> out;
  if (until < from) return out;
  if (interval_days <= 0) {
    if (first >= from && first <= until) out.push_back(first);
    return out;
  }
  auto start = next_occurrence(first, interval_days, from);
  for (Date d = *start; d <= until; d = add_days(d, interval_days)) out.push_back(d);
  return out;
}

std::optional<Date> next_occurrence(const Date& first, int interval_days, const Date& day) {
  if (day <= first) return first;
  if (interval_days <= 0) return std::nullopt;
  int gap = days_between(first, day);
  int steps = (gap + interval_days - 1) / interval_days;
  return add_days(first, steps * interval_days);
}

bool is_valid_time(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return false;
  for (int i : {0, 1, 3, 4})
    if (s[i] < '0' || s[i] > '9') return false;
  int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  return h < 24 && m < 60;
}

namespace {

std::optional<Error> check_list(const std::string& field, const std::vector<std::string>& items, std::size_t max_items,
                                std::size_t max_text) {
  if (items.size() > max_items)
    return invalid(field, "Högst " + std::to_string(max_items) + " rader i " + field + ".");
  for (std::size_t i = 0; i < items.size(); ++i)
    if (auto e = check_text(field + "[" + std::to_string(i) + "]", items[i], max_text)) return e;
  return std::nullopt;
}

}  // namespace

std::optional<Error> check_new_meeting(const Meeting& m, const Date& today) {
  if (auto e = check_date("date", m.date)) return e;
  if (*parse_date(m.date) < today) return invalid("date", "Ett nytt möte kan inte ligga före dagens datum.");
  if (!m.time.empty() && !is_valid_time(m.time)) return invalid("time", "Ange tiden som TT:MM, till exempel 13:00.");
  if (m.duration_minutes < 15 || m.duration_minutes > 600)
    return invalid("duration_minutes", "Mötets längd ska vara 15–600 minuter.");
  if (auto e = check_text("place", m.place, kMaxPlace, false)) return e;
  std::vector<std::string> texts;
  for (const auto& a : m.agenda) texts.push_back(a.text);
  if (auto e = check_list("agenda", texts, kMaxAgendaItems, kMaxItemText)) return e;
  if (auto e = check_list("attendees", m.attendees, kMaxListItems, 200)) return e;
  if (auto e = check_list("apologies", m.apologies, kMaxListItems, 200)) return e;
  return std::nullopt;
}

std::optional<Error> check_member(const BodyMember& m) {
  if (auto e = check_text("name", m.name, kMaxMemberName)) return e;
  if (auto e = check_date("start", m.start_date)) return e;
  if (auto e = check_date("end", m.end_date, false)) return e;
  if (!m.end_date.empty() && m.end_date < m.start_date)
    return Error{ErrorCode::invalid_input, "Slutdatum kan inte vara före startdatum.", "end"};
  return std::nullopt;
}

std::optional<Error> check_member_end(const BodyMember& m, std::string_view end_date) {
  if (!m.end_date.empty())
    return Error{ErrorCode::conflict, m.name + " lämnade redan " + m.end_date + ".", "date"};
  if (auto e = check_date("date", end_date)) return e;
  if (end_date < m.start_date)
    return Error{ErrorCode::invalid_input, "Slutdatum kan inte vara före startdatum (" + m.start_date + ").", "date"};
  return std::nullopt;
}

std::optional<Error> check_minutes(const Minutes& m) {
  if (auto e = check_text("text", m.text, kMaxMinutesText, false)) return e;
  if (auto e = check_list("decisions", m.decisions, kMaxAgendaItems, 2000)) return e;
  if (m.actions.size() > kMaxAgendaItems)
    return invalid("actions", "Högst " + std::to_string(kMaxAgendaItems) + " åtgärder i ett protokoll.");
  for (std::size_t i = 0; i < m.actions.size(); ++i) {
    const auto& a = m.actions[i];
    std::string f = "actions[" + std::to_string(i) + "]";
    if (auto e = check_text(f + ".text", a.text, kMaxItemText)) return e;
    if (a.owner.find_first_not_of(" \t") == std::string::npos)
      return invalid(f + ".owner", "Åtgärden behöver en ansvarig (owner).");
    if (auto e = check_text(f + ".owner", a.owner, 200)) return e;
    if (a.due.empty()) return invalid(f + ".due", "Åtgärden behöver ett datum när den ska vara klar (due).");
    if (auto e = check_date(f + ".due", a.due)) return e;
  }
  return std::nullopt;
}

bool consent_covers(const std::vector<Consent>& consents, const std::vector<Id>& team_parties) {
  if (team_parties.empty()) return false;
  for (Id party : team_parties) {
    bool given = false;
    for (const auto& c : consents)
      if (c.party_id == party) {
        given = c.given;  // the latest decision for the party comes first
        break;
      }
    if (!given) return false;
  }
  return true;
}

}  // namespace stegvis
