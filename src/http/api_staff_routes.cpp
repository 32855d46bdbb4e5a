// /api/v1/staff: the people who work in the programme, with their roles and FTE.
#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/request_decoders.hpp"

namespace stegvis::http {

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
    StaffInput in;
    if (auto e = decode_staff(*body, true, in)) return json_error(*e);
    auto r = staff.create(*req.actor, in.staff, in.password);
    if (!r) return json_error(r.error());
    return json_response({{"id", *r}}, 201);
  });

  router.add("PUT", "/api/v1/staff/{id}", Auth::session, true, [&staff](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Personen finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    StaffInput in;
    in.staff.id = *id;
    if (auto e = decode_staff(*body, false, in)) return json_error(*e);
    auto r = staff.update(*req.actor, in.staff);
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
    if (auto e = decode_password(*body, password)) return json_error(*e);
    auto r = staff.set_password(*req.actor, *id, password);
    if (!r) return json_error(r.error());
    return json_response({{"id", *id}});
  });
}

}  // namespace stegvis::http
