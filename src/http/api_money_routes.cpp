// The money paths of /api/v1 (api.md "Money"): budgets, costs and the ledger
// import, the economy, requisitions and the national report. Handlers only
// translate between JSON (or CSV) and app::MoneyService.
#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/money_json.hpp"
#include "reports/money_documents.hpp"
#include "reports/writers.hpp"

namespace stegvis::http {
namespace {

Result<int> year_param(const std::string& text, const char* field = "year") {
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos)
    return invalid(field, std::string("\"") + field + "\" ska vara ett årtal, t.ex. 2024.");
  return std::stoi(text);
}

Result<app::BudgetRef> budget_ref(Request& req) {
  auto programme = parse_id(req.params["id"]);
  if (!programme) return not_found("Insatsen finns inte.");
  auto year = year_param(req.params["year"]);
  if (!year) return year.error();
  app::BudgetRef ref{*programme, *year, std::nullopt};
  if (auto u = req.query_value("unit"); !u.empty()) {
    auto id = parse_id(u);
    if (!id) return unprocessable("unit", "Länsdelen ska anges med sitt id.");
    ref.unit_id = *id;
  }
  return ref;
}

Response budget_reply(const Result<Budget>& r, int status = 200) {
  if (!r) return json_error(r.error());
  return json_response(budget_json(*r), status);
}

Response national(app::Services& services, Request& req, const std::string& format) {
  auto year = year_param(req.query_value("year"));
  if (!year) return json_error(year.error());
  auto r = services.money.national_report(*req.actor, *year, format);
  if (!r) return json_error(r.error());
  if (format == "json") return json_response(national_report_json(*r));
  auto doc = reports::national_report_document(*r);
  Response res{200, content_type(format), format == "xlsx" ? reports::to_xlsx(doc) : reports::to_csv(doc), {}};
  res.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"uppfoljning-finsam-" + std::to_string(*year) + "." + format + "\"");
  return res;
}

}  // namespace

std::string requisition_pdf(app::Services& services, const app::RequisitionView& v) {
  auto association = services.organisation.association(app::system_actor("requisition"));
  reports::RequisitionDocumentInput in{association ? association->name : "Samordningsförbundet", v.programme.name,
                                       v.unit.name, &v.requisition, &v.lines, v.unit_budget};
  return reports::to_pdf(reports::requisition_document(in));
}

void add_money_routes(Router& router, app::Services& services) {
  auto& money = services.money;
  router.add("GET", "/api/v1/programmes/{id}/budgets/{year}", Auth::session, true, [&money](Request& req) {
    auto ref = budget_ref(req);
    if (!ref) return json_error(ref.error());
    std::optional<int> version;
    if (auto v = req.query_value("version"); !v.empty()) {
      auto n = parse_id(v);
      if (!n || *n > 100000) return json_error(invalid("version", "\"version\" ska vara ett versionsnummer."));
      version = static_cast<int>(*n);
    }
    return budget_reply(money.budget(*req.actor, *ref, version));
  });
  router.add("PUT", "/api/v1/programmes/{id}/budgets/{year}", Auth::session, true, [&money](Request& req) {
    auto ref = budget_ref(req);
    if (!ref) return json_error(ref.error());
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    Budget b;
    if (auto e = decode_budget(*body, b)) return json_error(*e);
    return budget_reply(money.save_budget(*req.actor, *ref, b));
  });
  router.add("POST", "/api/v1/programmes/{id}/budgets/{year}/approve", Auth::session, true, [&money](Request& req) {
    auto ref = budget_ref(req);
    if (!ref) return json_error(ref.error());
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    BudgetApprovalInput in;
    if (auto e = decode_budget_approval(*body, in)) return json_error(*e);
    return budget_reply(money.approve_budget(*req.actor, *ref, in.date, in.decided_by));
  });
  router.add("POST", "/api/v1/programmes/{id}/budgets/{year}/versions", Auth::session, true, [&money](Request& req) {
    auto ref = budget_ref(req);
    if (!ref) return json_error(ref.error());
    return budget_reply(money.new_budget_version(*req.actor, *ref), 201);
  });

  router.add("POST", "/api/v1/programmes/{id}/costs", Auth::session, true, [&money](Request& req) {
    auto programme = parse_id(req.params["id"]);
    if (!programme) return json_error(not_found("Insatsen finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    app::CostInput in;
    in.programme_id = *programme;
    if (auto e = decode_cost(*body, in)) return json_error(*e);
    auto r = money.add_cost(*req.actor, in);
    if (!r) return json_error(r.error());
    return json_response({{"id", *r}}, 201);
  });
  router.add("POST", "/api/v1/programmes/{id}/costs/import", Auth::session, true, [&money](Request& req) {
    auto programme = parse_id(req.params["id"]);
    if (!programme) return json_error(not_found("Insatsen finns inte."));
    std::string dry = req.query_value("dry_run");
    if (dry != "true" && dry != "false")
      return json_error(invalid("dry_run", "Ange dry_run=true (provläsning) eller dry_run=false (inläsning)."));
    auto r = money.import_costs(*req.actor, *programme, req.body, dry == "true");
    if (!r) {
      json body = json::parse(json_error(r.error()).body);
      body["rows"] = json::array();
      body["stored"] = 0;
      return json_response(body, status_for(r.error().code));
    }
    json body = import_json(*r);
    if (r->error) {
      body["error"] = {{"code", to_string(r->error->code)}, {"message", r->error->message}, {"field", r->error->field}};
      return json_response(body, 422);
    }
    return json_response(body, 200);
  });

  router.add("GET", "/api/v1/programmes/{id}/economy", Auth::session, true, [&money](Request& req) {
    auto programme = parse_id(req.params["id"]);
    if (!programme) return json_error(not_found("Insatsen finns inte."));
    auto year = year_param(req.query_value("year"));
    if (!year) return json_error(year.error());
    auto r = money.economy(*req.actor, *programme, *year);
    if (!r) return json_error(r.error());
    return json_response(economy_json(*r));
  });

  router.add("POST", "/api/v1/programmes/{id}/requisitions", Auth::session, true, [&money](Request& req) {
    auto programme = parse_id(req.params["id"]);
    if (!programme) return json_error(not_found("Insatsen finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    RequisitionInput in;
    if (auto e = decode_requisition(*body, in)) return json_error(*e);
    auto r = money.create_requisition(*req.actor, *programme, in.unit, in.from, in.to);
    if (!r) return json_error(r.error());
    return json_response(requisition_json(*r), 201);
  });
  router.add("GET", "/api/v1/programmes/{id}/requisitions", Auth::session, true, [&money](Request& req) {
    auto programme = parse_id(req.params["id"]);
    if (!programme) return json_error(not_found("Insatsen finns inte."));
    std::optional<Id> unit;
    if (auto u = req.query_value("unit"); !u.empty()) {
      unit = parse_id(u);
      if (!unit) return json_error(unprocessable("unit", "Länsdelen ska anges med sitt id."));
    }
    auto r = money.requisitions(*req.actor, *programme, unit);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& q : *r) items.push_back(requisition_json(q));
    return json_list(items, r->size());
  });
  // /api/v1/requisitions/{id} and …/{id}.pdf (the router binds whole segments).
  router.add("GET", "/api/v1/requisitions/{id}", Auth::session, true, [&services](Request& req) {
    std::string raw = req.params["id"];
    const bool pdf = raw.size() > 4 && raw.compare(raw.size() - 4, 4, ".pdf") == 0;
    auto id = parse_id(pdf ? raw.substr(0, raw.size() - 4) : raw);
    if (!id) return json_error(not_found("Rekvisitionen finns inte."));
    auto r = services.money.requisition(*req.actor, *id, pdf);
    if (!r) return json_error(r.error());
    if (!pdf) return json_response(requisition_view_json(*r));
    Response res{200, "application/pdf", requisition_pdf(services, *r), {}};
    res.headers.emplace_back("Content-Disposition",
                             "attachment; filename=\"rekvisition-" + std::to_string(*id) + ".pdf\"");
    return res;
  });
  router.add("POST", "/api/v1/requisitions/{id}/status", Auth::session, true, [&money](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Rekvisitionen finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    RequisitionStatusInput in;
    if (auto e = decode_requisition_status(*body, in)) return json_error(*e);
    auto r = money.set_requisition_status(*req.actor, *id, in.status, in.date);
    if (!r) return json_error(r.error());
    return json_response(requisition_json(*r));
  });

  router.add("GET", "/api/v1/national-report", Auth::session, true,
             [&services](Request& req) { return national(services, req, "json"); });
  for (std::string format : {"csv", "xlsx"})
    router.add("GET", "/api/v1/national-report." + format, Auth::session, true,
               [&services, format](Request& req) { return national(services, req, format); });
}

}  // namespace stegvis::http
