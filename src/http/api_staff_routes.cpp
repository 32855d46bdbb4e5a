// /api/v1/staff: the people who work in the programme, with their roles and FTE.
#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"

namespace stegvis::http {
namespace {

std::optional<Error> decode_staff(const json& j, Staff& s) {
  if (auto e = read_string(j, "name", s.name)) return e;
  if (auto e = read_string(j, "email", s.email, false)) return e;
  if (auto e = read_opt_id(j, "employing_party_id", s.employing_party_id)) return e;
  auto it = j.find("roles");
  if (it == j.end() || !it->is_array()) return invalid("roles", "Fältet \"roles\" ska vara en lista med roller.");
  s.roles.clear();
  for (const auto& r : *it) {
    if (!r.is_object()) return invalid("roles", "Varje roll ska vara ett objekt med \"role\".");
    std::string code;
    if (auto e = read_string(r, "role", code)) return e;
    auto role = role_from_code(code);
    if (!role) return invalid("role", "Okänd roll: " + code.substr(0, 40) + ".");
    RoleAssignment a{*role, std::nullopt, std::nullopt, 0};
    if (auto e = read_opt_id(r, "unit_id", a.unit_id)) return e;
    if (auto e = read_opt_id(r, "municipality_id", a.municipality_id)) return e;
    if (auto e = read_number(r, "fte_pct", a.fte_pct, false)) return e;
    s.roles.push_back(a);
  }
  return std::nullopt;
}

}  // namespace

void add_staff_routes(Router& router, app::Services& services) {
  auto& staff = services.staff;

  router.add("GET", "/api/v1/staff", Auth::session, true, [&staff](Request& req) {
    std::optional<Id> unit;
    if (auto u = req.query_value("unit"); !u.empty()) {
      unit = parse_id(u);
      if (!unit) return json_error(invalid("unit", "Parametern unit ska vara ett id."));
    }
    auto r = staff.list(*req.actor, unit);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& s : *r) items.push_back(to_json(s));
    return json_list(items, r->size());
  });

  router.add("GET", "/api/v1/staff/{id}", Auth::session, true, [&staff](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Personen finns inte."));
    auto r = staff.get(*req.actor, *id);
    if (!r) return json_error(r.error());
    return json_response(to_json(*r));
  });

  router.add("POST", "/api/v1/staff", Auth::session, true, [&staff](Request& req) {
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    Staff s;
    std::string password;
    if (auto e = read_string(*body, "username", s.username)) return json_error(*e);
    if (auto e = read_string(*body, "password", password)) return json_error(*e);
    if (auto e = decode_staff(*body, s)) return json_error(*e);
    auto r = staff.create(*req.actor, s, password);
    if (!r) return json_error(r.error());
    return json_response({{"id", *r}}, 201);
  });

  router.add("PUT", "/api/v1/staff/{id}", Auth::session, true, [&staff](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Personen finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    Staff s;
    s.id = *id;
    if (auto e = decode_staff(*body, s)) return json_error(*e);
    auto r = staff.update(*req.actor, s);
    if (!r) return json_error(r.error());
    return json_response({{"id", *id}});
  });

  for (bool disable : {true, false}) {
    router.add("POST", disable ? "/api/v1/staff/{id}/disable" : "/api/v1/staff/{id}/enable", Auth::session, true,
               [&staff, disable](Request& req) {
                 auto id = parse_id(req.params["id"]);
                 if (!id) return json_error(not_found("Personen finns inte."));
                 auto r = staff.set_disabled(*req.actor, *id, disable);
                 if (!r) return json_error(r.error());
                 return json_response({{"id", *id}, {"disabled", disable}});
               });
  }

  router.add("PUT", "/api/v1/staff/{id}/password", Auth::session, true, [&staff](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Personen finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    std::string password;
    if (auto e = read_string(*body, "password", password)) return json_error(*e);
    auto r = staff.set_password(*req.actor, *id, password);
    if (!r) return json_error(r.error());
    return json_response({{"id", *id}});
  });
}

}  // namespace stegvis::http
