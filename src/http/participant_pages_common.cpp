// Helpers shared by the participant-path pages: organisation names, option
// lists of the vocabulary, form reading and the error part of a view model.
#include <algorithm>
#include <set>

#include "app/referral_service.hpp"
#include "crypto/crypto.hpp"
#include "http/json_codec.hpp"
#include "http/participant_pages.hpp"

namespace stegvis::http::participant {

const Programme* Org::programme(Id id) const {
  for (const auto& p : programmes)
    if (p.id == id) return &p;
  return nullptr;
}

const Unit* Org::unit(Id id) const {
  for (const auto& p : programmes)
    for (const auto& u : p.units)
      if (u.id == id) return &u;
  return nullptr;
}

const Track* Org::track(Id id) const {
  for (const auto& p : programmes)
    for (const auto& t : p.tracks)
      if (t.id == id) return &t;
  return nullptr;
}

std::string Org::municipality_name(Id id) const {
  for (const auto& p : programmes)
    for (const auto& u : p.units)
      for (const auto& m : u.municipalities)
        if (m.id == id) return m.name;
  return "";
}

std::string Org::party_name(std::optional<Id> id) const {
  if (!id) return "";
  for (const auto& p : parties)
    if (p.id == *id) return p.name;
  return "";
}

Result<Org> load_org(app::Services& services, const app::Actor& actor) {
  auto programmes = services.organisation.programmes(actor);
  if (!programmes) return programmes.error();
  auto parties = services.organisation.parties(actor);
  if (!parties) return parties.error();
  return Org{*programmes, *parties};
}

Result<Org> load_org_of_programme(app::Services& services, const app::Actor& actor, Id programme_id) {
  auto programme = services.organisation.programme(actor, programme_id);
  if (!programme) return programme.error();
  auto parties = services.organisation.parties(actor);
  if (!parties) return parties.error();
  std::set<Id> own;
  for (const auto& u : programme->units)
    for (const auto& m : u.municipalities)
      if (m.party_id) own.insert(*m.party_id);
  std::vector<Party> relevant;
  for (const auto& p : *parties)
    if (p.kind != "kommun" || own.count(p.id)) relevant.push_back(p);
  return Org{{*programme}, relevant};
}

json term_options(const std::vector<Term>& list, const std::string& selected, const std::string& empty_label) {
  json out = json::array();
  if (!empty_label.empty()) out.push_back({{"value", ""}, {"label", empty_label}, {"selected", selected.empty()}});
  for (const auto& t : list)
    out.push_back({{"value", t.code}, {"label", t.label_sv}, {"selected", t.code == selected}});
  return out;
}

json term_checks(const std::vector<Term>& list, const std::vector<std::string>& checked, const std::string& prefix) {
  json out = json::array();
  for (const auto& t : list)
    out.push_back({{"value", t.code},
                   {"label", t.label_sv},
                   {"id", prefix + "-" + t.code},
                   {"checked", std::find(checked.begin(), checked.end(), t.code) != checked.end()}});
  return out;
}

json party_checks(const std::vector<Party>& parties, const std::vector<Id>& checked, const std::string& prefix) {
  json out = json::array();
  for (const auto& p : parties)
    out.push_back({{"value", std::to_string(p.id)},
                   {"label", p.name},
                   {"id", prefix + "-" + std::to_string(p.id)},
                   {"checked", std::find(checked.begin(), checked.end(), p.id) != checked.end()}});
  return out;
}

json rating_options(int selected) {
  json out = json::array();
  out.push_back({{"value", ""}, {"label", "–"}, {"selected", selected == 0}});
  for (int i = 1; i <= 5; ++i)
    out.push_back({{"value", std::to_string(i)}, {"label", std::to_string(i)}, {"selected", selected == i}});
  return out;
}

std::vector<std::string> form_values(const Request& req, const std::string& name) {
  std::vector<std::string> out;
  auto [b, e] = req.form().equal_range(name);
  for (auto it = b; it != e; ++it) out.push_back(it->second);
  return out;
}

std::vector<Id> form_ids(const Request& req, const std::string& name) {
  std::vector<Id> out;
  for (const auto& v : form_values(req, name))
    if (auto id = parse_id(v)) out.push_back(*id);
  return out;
}

int form_int(const std::string& s, int fallback) {
  try {
    std::size_t used = 0;
    int v = std::stoi(s, &used);
    return used == s.size() ? v : fallback;
  } catch (const std::exception&) {
    return fallback;
  }
}

bool form_checked(const Request& req, const std::string& name) {
  auto v = req.form_value(name);
  return v == "1" || v == "on" || v == "true";
}

json error_view(const Error& e) {
  return {{"message", e.message}, {"invalid", {{e.field.empty() ? "form" : e.field, true}}}};
}

json opt_text(const std::string& s) { return s.empty() ? json(false) : json(s); }

std::string request_key() { return crypto::random_token().substr(0, 32); }

std::string format_personal_number(const std::string& canonical) {
  if (canonical.size() != 12) return canonical;
  return canonical.substr(0, 8) + "-" + canonical.substr(8);
}

json due_view(const Date& due, const std::string& today) {
  std::string d = to_string(due);
  return {{"date", d}, {"overdue", d < today}};
}

bool has_caseload_role(const app::Actor& a) { return a.has_role(Role::coach) || a.has_role(Role::koordinator); }

std::vector<Id> coordinated_units(const app::Actor& a) {
  std::vector<Id> out;
  for (const auto& r : a.roles)
    if (r.role == Role::samordnare && r.unit_id && std::find(out.begin(), out.end(), *r.unit_id) == out.end())
      out.push_back(*r.unit_id);
  return out;
}

Response render_page(PageRenderer& pages, const Request& req, const std::string& name, json view, int status) {
  return pages.render_json(req, name, std::move(view), status);
}

}  // namespace stegvis::http::participant
