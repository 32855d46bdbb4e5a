// Requisitions on the economy page (create for a period, mark sent or paid,
// the PDF from the API) and the national report page /nationell-uppfoljning.
#include "domain/requisition.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/money_pages.hpp"
#include "http/page_helpers.hpp"
#include "http/report_view.hpp"
#include "reports/money_documents.hpp"

namespace stegvis::http {
namespace {

const char* status_label(const std::string& s) {
  return s == "draft" ? "Utkast" : s == "sent" ? "Skickad" : "Betald";
}

}  // namespace

void add_requisition_view(app::Services& services, const Request& req, const Programme& p, std::optional<Id> unit,
                          json& view, const std::string& error) {
  const auto& actor = *req.actor;
  auto list = services.money.requisitions(actor, p.id, unit);
  if (!list) return;
  const Date today = today_of(services);
  json items = json::array();
  for (const auto& r : *list) {
    std::string unit_name;
    for (const auto& u : p.units)
      if (u.id == r.unit_id) unit_name = u.name;
    const bool own = actor.has_role_in_unit(Role::samordnare, r.unit_id);
    const bool edit = app::MoneyService::may_edit(actor);
    items.push_back({{"id", r.id},
                     {"unit", unit_name},
                     {"period", r.from + " – " + r.to},
                     {"due", r.due},
                     {"amount", format_sek(r.amount) + " kr"},
                     {"status", status_label(r.status)},
                     {"status_detail", r.status == "sent" ? r.sent_on + " (" + r.sent_by + ")"
                                       : r.status == "paid" ? r.paid_on + " (" + r.paid_by + ")" : ""},
                     {"overdue", requisition_overdue(r, today)},
                     {"can_send", r.status == "draft" && (own || edit)},
                     {"can_pay", r.status == "sent" && edit},
                     {"today", to_string(today)}});
  }
  json units = json::array();
  for (const auto& u : p.units)
    if (app::MoneyService::may_edit(actor) || actor.has_role_in_unit(Role::samordnare, u.id))
      units.push_back({{"value", u.id}, {"label", u.name}});
  auto period = default_requisition_period(today);
  view["requisitions"] = {{"items", items},
                          {"has_items", !items.empty()},
                          {"can_create", !units.empty()},
                          {"units", units},
                          {"from", to_string(period.from)},
                          {"to", to_string(period.to)},
                          {"error", error.empty() ? json(false) : json(error)}};
}

void add_requisition_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("POST", "/programmes/{id}/ekonomi/rekvisitioner", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto r = services.money.create_requisition(*req.actor, *id, req.form_value("unit"), req.form_value("from"),
                                               req.form_value("to"));
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      EconomyPageExtras extra;
      extra.requisition_error = r.error().message;
      return render_economy_page(services, pages, req, *id, today_of(services).year, extra, status_for(r.error().code));
    }
    return Response::redirect("/programmes/" + std::to_string(*id) + "/ekonomi?saved=requisition#rekvisitioner");
  });
  router.add("POST", "/rekvisitioner/{id}/status", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto r = services.money.set_requisition_status(*req.actor, *id, req.form_value("status"), req.form_value("date"));
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      auto q = services.money.requisition(*req.actor, *id);
      if (!q) return error_response(pages, req, r.error());
      EconomyPageExtras extra;
      extra.requisition_error = r.error().message;
      return render_economy_page(services, pages, req, q->programme.id, today_of(services).year, extra,
                                 status_for(r.error().code));
    }
    return Response::redirect("/programmes/" + std::to_string(r->programme_id) + "/ekonomi?saved=requisition#rekvisitioner");
  });

  router.add("GET", "/nationell-uppfoljning", Auth::session, false, [&services, &pages](Request& req) {
    std::string y = req.query_value("year");
    int year = today_of(services).year - 1;  // in January the report covers the year just ended
    if (y.size() == 4 && y.find_first_not_of("0123456789") == std::string::npos) year = std::stoi(y);
    auto r = services.money.national_report(*req.actor, year, "html");
    if (!r) return error_response(pages, req, r.error());
    auto doc = reports::national_report_document(*r);
    json tables = json::array();
    for (std::size_t i = 0; i < doc.tables.size(); ++i) {
    tables.push_back(table_view(doc.tables[i], "n" + std::to_string(i)));
    group_thousands(tables.back());
  }
    const std::string q = "?year=" + std::to_string(year);
    json view{{"title", doc.title},
              {"subtitle", doc.subtitle},
              {"year", year},
              {"tables", tables},
              {"notes", doc.notes},
              {"downloads", {{"csv", "/api/v1/national-report.csv" + q}, {"xlsx", "/api/v1/national-report.xlsx" + q},
                             {"json", "/api/v1/national-report" + q}}}};
    return pages.render(req, "national_report", view.dump());
  });
}

}  // namespace stegvis::http
