// /api/v1/programmes/{id}/financing, …/allocation-key and …/allocation-scenarios
// (api.md "Money"): staffing financed per municipality against the staff
// registered, and the allocation key. Handlers only translate to app::FinancingService.
#include <charconv>

#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/financing_json.hpp"

namespace stegvis::http {
namespace {

// ?year= as a whole year, absent = the current one.
std::optional<Error> year_query(const Request& req, std::optional<int>& out) {
  std::string v = req.query_value("year");
  if (v.empty()) return std::nullopt;
  int y = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), y);
  if (ec != std::errc{} || end != v.data() + v.size()) return invalid("year", "Året ska anges som ett heltal, t.ex. 2024.");
  out = y;
  return std::nullopt;
}

std::optional<Error> weight_query(const Request& req, const char* name, std::optional<double>& out) {
  std::string v = req.query_value(name);
  if (v.empty()) return std::nullopt;
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc{} || end != v.data() + v.size())
    return invalid(name, std::string("Vikten \"") + name + "\" ska vara ett tal mellan 0 och 100.");
  out = d;
  return std::nullopt;
}

}  // namespace

void add_financing_routes(Router& router, app::Services& services) {
  router.add("GET", "/api/v1/programmes/{id}/financing", Auth::session, true, [&services](Request& req) {
    auto programme = parse_id(req.params["id"]);
    if (!programme) return json_error(not_found("Insatsen finns inte."));
    std::optional<int> year;
    if (auto e = year_query(req, year)) return json_error(*e);
    auto r = services.financing.financing(*req.actor, *programme, year);
    if (!r) return json_error(r.error());
    return json_response(to_json(*r));
  });
  router.add("PUT", "/api/v1/programmes/{id}/financing", Auth::session, true, [&services](Request& req) {
    auto programme = parse_id(req.params["id"]);
    if (!programme) return json_error(not_found("Insatsen finns inte."));
    if (auto s = services.financing.check_edit(*req.actor, *programme); !s) return json_error(s.error());
    std::optional<int> year;
    if (auto e = year_query(req, year)) return json_error(*e);
    if (!year) return json_error(invalid("year", "Ange vilket år överenskommelsen gäller från (?year=)."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    std::vector<app::FinancingInput> rows;
    if (auto e = decode_financing(*body, lookups_for(services, *req.actor), rows)) return json_error(*e);
    auto r = services.financing.save_financing(*req.actor, *programme, *year, rows);
    if (!r) return json_error(r.error());
    return json_response({{"year", *year}, {"rows", *r}});
  });
  router.add("GET", "/api/v1/programmes/{id}/allocation-key", Auth::session, true, [&services](Request& req) {
    auto programme = parse_id(req.params["id"]);
    if (!programme) return json_error(not_found("Insatsen finns inte."));
    std::optional<int> year;
    std::optional<double> pw, sw;
    if (auto e = year_query(req, year)) return json_error(*e);
    if (auto e = weight_query(req, "population_weight", pw)) return json_error(*e);
    if (auto e = weight_query(req, "socioeconomic_weight", sw)) return json_error(*e);
    auto r = services.financing.allocation_key(*req.actor, *programme, pw, sw, year);
    if (!r) return json_error(r.error());
    return json_response(to_json(*r));
  });
  router.add("GET", "/api/v1/programmes/{id}/allocation-scenarios", Auth::session, true, [&services](Request& req) {
    auto programme = parse_id(req.params["id"]);
    if (!programme) return json_error(not_found("Insatsen finns inte."));
    auto r = services.financing.allocation_key(*req.actor, *programme, std::nullopt, std::nullopt, std::nullopt);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& s : r->scenarios) items.push_back(to_json(s));
    return json_list(items, items.size());
  });
  router.add("POST", "/api/v1/programmes/{id}/allocation-scenarios", Auth::session, true, [&services](Request& req) {
    auto programme = parse_id(req.params["id"]);
    if (!programme) return json_error(not_found("Insatsen finns inte."));
    if (auto s = services.financing.check_edit(*req.actor, *programme); !s) return json_error(s.error());
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    ScenarioInput in;
    if (auto e = decode_scenario(*body, in)) return json_error(*e);
    auto r = services.financing.save_scenario(*req.actor, *programme, in.name, in.population_weight,
                                              in.socioeconomic_weight);
    if (!r) return json_error(r.error());
    return json_response({{"id", *r}}, 201);
  });
  router.add("DELETE", "/api/v1/programmes/{id}/allocation-scenarios/{scenario_id}", Auth::session, true,
             [&services](Request& req) {
               auto programme = parse_id(req.params["id"]);
               auto id = parse_id(req.params["scenario_id"]);
               if (!programme || !id) return json_error(not_found("Scenariot finns inte."));
               auto r = services.financing.delete_scenario(*req.actor, *programme, *id);
               if (!r) return json_error(r.error());
               return json_response({{"id", *id}, {"deleted", true}});
             });
}

}  // namespace stegvis::http
