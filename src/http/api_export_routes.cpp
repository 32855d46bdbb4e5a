// Exports under /api/v1 (api.md "Reports"): the evaluator's pseudonymised
// enrolment-level file as CSV or as a one-sheet workbook. The page's download
// buttons point here too (a GET with the session cookie).
#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"

namespace stegvis::http {
namespace {

Response download(app::Services& services, Request& req, app::ExportFormat format) {
  auto id = parse_id(req.params["id"]);
  if (!id) return json_error(not_found("Insatsen finns inte."));
  auto r = services.evaluation_export.export_evaluation(*req.actor, *id, req.query_value("from"),
                                                        req.query_value("to"), format);
  if (!r) return json_error(r.error());
  Response res{200, r->content_type, std::move(r->bytes), {}};
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + r->filename + "\"");
  res.headers.emplace_back("X-Row-Count", std::to_string(r->rows));
  return res;
}

}  // namespace

void add_export_routes(Router& router, app::Services& services) {
  router.add("GET", "/api/v1/programmes/{id}/export/evaluation.csv", Auth::session, true,
             [&services](Request& req) { return download(services, req, app::ExportFormat::csv); });
  router.add("GET", "/api/v1/programmes/{id}/export/evaluation.xlsx", Auth::session, true,
             [&services](Request& req) { return download(services, req, app::ExportFormat::xlsx); });
}

}  // namespace stegvis::http
