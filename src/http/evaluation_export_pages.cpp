// The evaluator's download page: pick a period, download the pseudonymised
// file as CSV or Excel, read what it holds and what it never holds. The
// download goes through the same use case as the API (access, audit); a bad
// period comes back as the page with the message beside the field.
#include "app/evaluation_export_service.hpp"
#include "app/referral_service.hpp"
#include "domain/vocabulary.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"
#include "reports/evaluation_table.hpp"

namespace stegvis::http {
namespace {

std::vector<Id> unit_ids(const Programme& p) {
  std::vector<Id> out;
  for (const auto& u : p.units) out.push_back(u.id);
  return out;
}

Response page(PageRenderer& pages, const Request& req, const Programme& p, const std::string& from,
              const std::string& to, const Error* error) {
  json columns = json::array();
  for (const auto& name : reports::evaluation_columns()) {
    std::string description;
    for (const char* phase : {"goal_start_", "goal_exit_"}) {
      std::string prefix = phase;
      if (name.rfind(prefix, 0) == 0)
        description = pages.text(req, "evx_col_" + prefix.substr(0, prefix.size() - 1)) + ": " +
                      label_of(goal_areas(), name.substr(prefix.size()));
    }
    if (description.empty()) description = pages.text(req, "evx_col_" + name);
    columns.push_back({{"name", name}, {"description", description}});
  }
  json view{{"title", pages.text(req, "evx_title") + " – " + p.name},
            {"programme", {{"id", p.id}, {"name", p.name}}},
            {"from", from},
            {"to", to},
            {"columns", columns}};
  if (error) {
    view["error"] = error->message;
    view["error_" + (error->field.empty() ? std::string("form") : error->field)] = true;
  }
  return pages.render(req, "evaluation_export", view.dump(), error ? status_for(error->code) : 200);
}

}  // namespace

void add_evaluation_export_pages(Router& router, app::Services& services, PageRenderer& pages) {
  auto load = [&services](Request& req) -> Result<Programme> {
    auto id = parse_id(req.params["id"]);
    if (!id) return not_found("Insatsen finns inte.");
    auto p = services.organisation.programme(*req.actor, *id);
    if (!p) return p.error();
    if (!app::may_export_evaluation(*req.actor, p->id, unit_ids(*p)))
      return forbidden("Utvärderingsexporten är till för insatsens utvärderare och insatsansvarig.");
    return *p;
  };

  router.add("GET", "/programmes/{id}/evaluation", Auth::session, false, [&pages, &services, load](Request& req) {
    auto p = load(req);
    if (!p) return error_response(pages, req, p.error());
    // The calendar year so far, unless the page was asked for another period.
    std::string today = app::today_string(services.env);
    std::string from = req.query_value("from"), to = req.query_value("to");
    if (from.empty()) from = today.substr(0, 4) + "-01-01";
    if (to.empty()) to = today;
    return page(pages, req, *p, from, to, nullptr);
  });

  router.add("GET", "/programmes/{id}/evaluation/download", Auth::session, false,
             [&pages, &services, load](Request& req) {
               auto p = load(req);
               if (!p) return error_response(pages, req, p.error());
               std::string from = req.query_value("from"), to = req.query_value("to");
               auto format = req.query_value("format") == "xlsx" ? app::ExportFormat::xlsx : app::ExportFormat::csv;
               auto file = services.evaluation_export.export_evaluation(*req.actor, p->id, from, to, format);
               if (!file) {
                 if (file.error().code != ErrorCode::invalid_input) return error_response(pages, req, file.error());
                 return page(pages, req, *p, from, to, &file.error());
               }
               Response res{200, file->content_type, std::move(file->bytes), {}};
               res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file->filename + "\"");
               return res;
             });
}

}  // namespace stegvis::http
