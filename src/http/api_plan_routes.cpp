// /api/v1 programme plan versions (with diff and PDF) and the semester
// activity plan (api.md "Governance and learning").
#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/request_decoders.hpp"

namespace stegvis::http {

json to_json(const PlanVersion& v) {
  json sections = json::object();
  for (const auto& code : plan_section_codes()) {
    auto it = v.sections.find(code);
    sections[code] = it == v.sections.end() ? "" : it->second;
  }
  return {{"id", v.id},       {"version", v.version}, {"decision", v.decision}, {"decided_by", v.decided_by},
          {"date", v.date},   {"sections", sections}};
}

json to_json(const app::ActivityRow& r) {
  const auto& i = r.item;
  return {{"id", i.id},
          {"semester", i.semester},
          {"activity", i.activity},
          {"status", i.status},
          {"responsible", i.responsible.empty() ? json(nullptr) : json(i.responsible)},
          {"evidence", i.evidence.empty() ? json(nullptr) : json(i.evidence)},
          {"overdue", r.overdue}};
}

json to_json(const app::PlanDiff& d) {
  json sections = json::array();
  for (const auto& s : d.sections) {
    json rows = json::array();
    for (const auto& r : s.rows) rows.push_back({{"kind", r.kind}, {"from", r.left}, {"to", r.right}});
    sections.push_back({{"code", s.code}, {"label", s.label}, {"changed", s.changed}, {"rows", rows}});
  }
  return {{"from", d.from.version}, {"to", d.to.version}, {"sections", sections}};
}

void add_plan_routes(Router& router, app::Services& services) {
  auto& plans = services.plans;

  router.add("GET", "/api/v1/programmes/{id}/plan-versions", Auth::session, true, [&plans](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Insatsen finns inte."));
    auto r = plans.versions(*req.actor, *id);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (std::size_t i = 0; i < r->size(); ++i) {
      json v = to_json((*r)[i]);
      v["current"] = i + 1 == r->size();
      items.push_back(v);
    }
    return json_list(items, items.size());
  });

  router.add("POST", "/api/v1/programmes/{id}/plan-versions", Auth::session, true, [&plans](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Insatsen finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    PlanVersion v;
    v.programme_id = *id;
    if (auto e = decode_plan_version(*body, v)) return json_error(*e);
    auto r = plans.add_version(*req.actor, v);
    if (!r) return json_error(r.error());
    return json_response({{"id", *r}, {"version", v.version}, {"current", true}}, 201);
  });

  router.add("GET", "/api/v1/programmes/{id}/plan-versions/diff", Auth::session, true, [&plans](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Insatsen finns inte."));
    auto r = plans.diff(*req.actor, *id, req.query_value("from"), req.query_value("to"));
    if (!r) return json_error(r.error());
    return json_response(to_json(*r));
  });

  router.add("GET", "/api/v1/programmes/{id}/plan-versions/{version}/pdf", Auth::session, true, [&plans](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Insatsen finns inte."));
    auto r = plans.version_pdf(*req.actor, *id, req.params["version"]);
    if (!r) return json_error(r.error());
    Response res{200, "application/pdf", std::move(*r), {}};
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"insatsplan-" + req.params["version"] + ".pdf\"");
    return res;
  });

  router.add("GET", "/api/v1/programmes/{id}/activity-plan", Auth::session, true, [&plans](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Insatsen finns inte."));
    auto r = plans.activity_plan(*req.actor, *id);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& row : *r) items.push_back(to_json(row));
    return json_list(items, items.size());
  });

  router.add("POST", "/api/v1/programmes/{id}/activity-plan", Auth::session, true, [&plans](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Insatsen finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    ActivityItem item;
    item.programme_id = *id;
    if (auto e = decode_activity(*body, true, item)) return json_error(*e);
    auto r = plans.add_activity(*req.actor, item);
    if (!r) return json_error(r.error());
    return json_response({{"id", *r}}, 201);
  });

  router.add("PUT", "/api/v1/activity-plan/{id}", Auth::session, true, [&plans](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Aktiviteten finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    auto current = plans.activity(*req.actor, *id);
    if (!current) return json_error(current.error());
    ActivityItem item = *current;
    if (auto e = decode_activity(*body, false, item)) return json_error(*e);
    auto r = plans.update_activity(*req.actor, item);
    if (!r) return json_error(r.error());
    return json_response({{"id", *id}, {"status", item.status}});
  });
}

}  // namespace stegvis::http
