// /api/v1/programmes/{id}/targets, …/reports/period and …/dashboard (issue #4).
// Handlers only translate between JSON and app::ReportService.
#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/report_json.hpp"
#include "reports/period_report_document.hpp"
#include "reports/writers.hpp"

namespace stegvis::http {
namespace {

// "parameter" may be text, a list of codes (outcome_in) or a number of months.
std::optional<Error> read_parameter(const json& j, std::string& out) {
  auto it = j.find("parameter");
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) {
    out = it->get<std::string>();
  } else if (it->is_number_integer()) {
    out = std::to_string(it->get<std::int64_t>());
  } else if (it->is_array()) {
    out.clear();
    for (const auto& x : *it) {
      if (!x.is_string()) return invalid("parameter", "Listan \"parameter\" ska innehålla koder som text.");
      out += (out.empty() ? "" : ",") + x.get<std::string>();
    }
  } else {
    return invalid("parameter", "Fältet \"parameter\" ska vara text, en lista med koder eller ett tal.");
  }
  return std::nullopt;
}

std::optional<Error> decode_target(const json& j, Target& t) {
  if (auto e = read_string(j, "name", t.name)) return e;
  if (auto e = read_string(j, "population", t.population)) return e;
  if (auto e = read_string(j, "condition", t.condition)) return e;
  if (auto e = read_parameter(j, t.parameter)) return e;
  if (auto e = read_string(j, "comparison", t.comparison, false)) return e;
  std::int64_t pct = -1, position = t.position;
  if (auto e = read_int(j, "threshold_pct", pct)) return e;
  if (auto e = read_int(j, "position", position, false)) return e;
  t.threshold_pct = static_cast<int>(std::clamp<std::int64_t>(pct, -1, 1000));
  t.position = static_cast<int>(std::clamp<std::int64_t>(position, 0, 100000));
  return std::nullopt;
}

Response save(app::Services& services, Request& req, Id target_id) {
  auto programme = parse_id(req.params["id"]);
  if (!programme) return json_error(not_found("Insatsen finns inte."));
  auto body = parse_object(req.body);
  if (!body) return json_error(body.error());
  Target t;
  t.id = target_id;
  t.programme_id = *programme;
  if (auto e = decode_target(*body, t)) return json_error(*e);
  auto r = services.reports.save_target(*req.actor, t);
  if (!r) return json_error(r.error());
  return json_response({{"id", *r}}, target_id ? 200 : 201);
}

}  // namespace

std::string content_type(const std::string& format) {
  if (format == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (format == "pdf") return "application/pdf";
  return "text/csv; charset=utf-8";
}

std::string render_file(const app::PeriodReportResult& r, const std::string& format) {
  auto doc = reports::period_report_document(
      {r.programme.name, r.unit ? r.unit->name : "", &r.report, &r.targets, r.suppressed});
  if (format == "xlsx") return reports::to_xlsx(doc);
  if (format == "pdf") return reports::to_pdf(doc);
  return reports::to_csv(doc);
}

std::string file_name(const app::PeriodReportResult& r, const std::string& format) {
  return "periodrapport-" + std::to_string(r.programme.id) + "-" + to_string(r.report.from) + "-" +
         to_string(r.report.to) + "." + format;
}

// The request of a period report from the query (shared with the export routes).
Result<app::PeriodReportRequest> period_request(Request& req, const std::string& format) {
  auto programme = parse_id(req.params["id"]);
  if (!programme) return not_found("Insatsen finns inte.");
  app::PeriodReportRequest r;
  r.programme_id = *programme;
  r.from = req.query_value("from");
  r.to = req.query_value("to");
  if (auto g = req.query_value("group_by"); !g.empty()) r.group_by = g;
  if (auto u = req.query_value("unit"); !u.empty()) {
    auto id = parse_id(u);
    if (!id) return Error{ErrorCode::unprocessable, "Länsdelen ska anges med sitt id.", "unit"};
    r.unit_id = *id;
  }
  r.format = format;
  return r;
}

void add_report_routes(Router& router, app::Services& services) {
  router.add("GET", "/api/v1/programmes/{id}/targets", Auth::session, true, [&services](Request& req) {
    auto programme = parse_id(req.params["id"]);
    if (!programme) return json_error(not_found("Insatsen finns inte."));
    auto r = services.reports.targets(*req.actor, *programme);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& t : *r) items.push_back(to_json(t));
    return json_list(items, r->size());
  });
  router.add("POST", "/api/v1/programmes/{id}/targets", Auth::session, true,
             [&services](Request& req) { return save(services, req, 0); });
  router.add("PUT", "/api/v1/programmes/{id}/targets/{target_id}", Auth::session, true, [&services](Request& req) {
    auto id = parse_id(req.params["target_id"]);
    if (!id) return json_error(not_found("Målet finns inte."));
    return save(services, req, *id);
  });
  router.add("DELETE", "/api/v1/programmes/{id}/targets/{target_id}", Auth::session, true, [&services](Request& req) {
    auto programme = parse_id(req.params["id"]);
    auto id = parse_id(req.params["target_id"]);
    if (!programme || !id) return json_error(not_found("Målet finns inte."));
    auto r = services.reports.delete_target(*req.actor, *programme, *id);
    if (!r) return json_error(r.error());
    return json_response({{"id", *id}, {"deleted", true}});
  });

  // The programme's small-cell setting (the admin page's checkbox), so scripts and tests can set it too.
  router.add("PUT", "/api/v1/programmes/{id}/report-settings", Auth::session, true, [&services](Request& req) {
    auto programme = parse_id(req.params["id"]);
    if (!programme) return json_error(not_found("Insatsen finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    bool on = true;
    if (auto e = read_bool(*body, "suppress_small_cells", on)) return json_error(*e);
    auto r = services.reports.set_suppression(*req.actor, *programme, on);
    if (!r) return json_error(r.error());
    return json_response({{"suppress_small_cells", on}});
  });
  router.add("GET", "/api/v1/programmes/{id}/reports/period", Auth::session, true, [&services](Request& req) {
    auto request = period_request(req, "json");
    if (!request) return json_error(request.error());
    auto r = services.reports.period_report(*req.actor, *request);
    if (!r) return json_error(r.error());
    return json_response(period_report_json(*r));
  });

  // The same report as a file: add the extension before the query (api.md).
  for (std::string format : {"xlsx", "pdf", "csv"}) {
    router.add("GET", "/api/v1/programmes/{id}/reports/period." + format, Auth::session, true,
               [&services, format](Request& req) {
                 auto request = period_request(req, format);
                 if (!request) return json_error(request.error());
                 auto r = services.reports.period_report(*req.actor, *request);
                 if (!r) return json_error(r.error());
                 Response res{200, content_type(format), render_file(*r, format), {}};
                 res.headers.emplace_back("Content-Disposition",
                                          "attachment; filename=\"" + file_name(*r, format) + "\"");
                 return res;
               });
  }

  router.add("GET", "/api/v1/programmes/{id}/dashboard", Auth::session, true, [&services](Request& req) {
    auto programme = parse_id(req.params["id"]);
    if (!programme) return json_error(not_found("Insatsen finns inte."));
    auto r = services.reports.dashboard(*req.actor, *programme);
    if (!r) return json_error(r.error());
    return json_response(dashboard_json(*r));
  });
}

}  // namespace stegvis::http
