// The allocation conference (fördelningskonferens, domain.md §3.4): the unit's
// accepted enrolments without staff, each with the suggested coaches or
// koordinatorer, and a one-click "Tilldela" that htmx swaps for a confirmation.
// At capacity the service answers conflict; the item then asks for a reason.
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"
#include "http/participant_pages.hpp"

namespace stegvis::http {
namespace {

using participant::json;
using participant::Org;

// The conference handles a handful at a time; more are shown after these are allocated.
constexpr std::size_t kMaxItems = 25;

std::string participant_label(PageRenderer& pages, const Request& req, const app::EnrolmentView& v) {
  if (!v.identity) return pages.text(req, v.enrolment.purged() ? "retention_purged" : "enr_anonymous");
  return v.identity->first_name + " " + v.identity->last_name;
}

// One enrolment waiting for staff; with an error and the staff member it concerns after a refused allocation.
Result<json> allocation_item(app::Services& services, PageRenderer& pages, const Request& req, const Org& org, Id id,
                             const Error* error = nullptr, Id error_staff = 0, const std::string& override_reason = "") {
  auto v = services.enrolments.view(*req.actor, id);
  if (!v) return v.error();
  auto suggestions = services.enrolments.suggestions(*req.actor, id);
  if (!suggestions) return suggestions.error();
  const auto& e = v->enrolment;
  const Track* track = org.track(e.track_id);
  json rows = json::array();
  for (const auto& s : *suggestions)
    rows.push_back({{"staff_id", s.staff_id},
                    {"name", s.name},
                    {"same_municipality", s.same_municipality},
                    {"caseload", s.caseload},
                    {"capacity", s.capacity},
                    {"free", s.free()},
                    {"at_capacity", s.free() <= 0},
                    {"override", error && error->code == ErrorCode::conflict && s.staff_id == error_staff},
                    {"override_reason", s.staff_id == error_staff ? override_reason : ""}});
  json item{{"id", e.id},
            {"unit_id", e.unit_id},
            {"label", participant_label(pages, req, *v)},
            {"anonymous", !v->identity.has_value()},
            {"start_date", e.start_date},
            {"track", track ? track->name : ""},
            {"municipality", org.municipality_name(e.municipality_id)},
            {"gender", label_of(genders(), e.gender)},
            {"birth_year", e.birth_year},
            {"needs", participant::opt_text(v->referral ? v->referral->reason : "")},
            {"suggestions", rows},
            {"has_suggestions", !rows.empty()}};
  if (error) item["error"] = participant::error_view(*error);
  return item;
}

Response allocation_page(app::Services& services, PageRenderer& pages, Request& req, Id unit_id,
                         const json* replaced_item, int status) {
  auto org = participant::load_org(services, *req.actor);
  if (!org) return error_response(pages, req, org.error());
  const Unit* unit = org->unit(unit_id);
  if (!unit) return pages.error_page(req, 404, pages.text(req, "not_found"));
  store::EnrolmentFilter f;
  f.unit_id = unit_id;
  f.status = "active";
  f.limit = 500;
  auto list = services.enrolments.list(*req.actor, f, nullptr);
  if (!list) return error_response(pages, req, list.error());
  json items = json::array();
  int waiting = 0;
  for (const auto& e : *list) {
    if (e.staff_id) continue;
    ++waiting;
    if (items.size() >= kMaxItems) continue;
    if (replaced_item && (*replaced_item)["id"] == e.id) {
      items.push_back(*replaced_item);
      continue;
    }
    auto item = allocation_item(services, pages, req, *org, e.id);
    if (!item) return error_response(pages, req, item.error());
    items.push_back(*item);
  }
  std::string allocated = req.query_value("allocated");
  json view{{"title", pages.text(req, "alloc_title") + " – " + unit->name},
            {"unit", {{"id", unit->id}, {"name", unit->name}}},
            {"items", items},
            {"waiting", waiting},
            {"shown", items.size()},
            {"more", waiting > static_cast<int>(items.size())},
            {"has_items", !items.empty()},
            {"allocated", allocated.empty() ? json(false) : json(allocated)}};
  return participant::render_page(pages, req, "alloc_page", std::move(view), status);
}

}  // namespace

void add_allocation_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/units/{id}/allocation", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return allocation_page(services, pages, req, *id, nullptr, 200);
  });

  router.add("POST", "/enrolments/{id}/allocation", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    Id staff_id = form_id(req.form_value("staff_id")).value_or(0);
    std::string override_reason = req.form_value("override_reason");
    bool htmx = req.header("hx-request") == "true";
    auto r = services.enrolments.allocate(*req.actor, *id, staff_id, override_reason);
    if (!r && (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found))
      return error_response(pages, req, r.error());
    auto v = services.enrolments.view(*req.actor, *id);
    if (!v) return error_response(pages, req, v.error());
    Id unit_id = v->enrolment.unit_id;
    if (r) {
      if (!htmx) return Response::redirect("/units/" + std::to_string(unit_id) + "/allocation?allocated=" + std::to_string(*id));
      json done{{"id", *id}, {"label", participant_label(pages, req, *v)}, {"staff_name", v->staff_name}};
      return pages.render_fragment(req, "_enr_alloc_done", done.dump());
    }
    auto org = participant::load_org(services, *req.actor);
    if (!org) return error_response(pages, req, org.error());
    auto item = allocation_item(services, pages, req, *org, *id, &r.error(), staff_id, override_reason);
    if (!item) return error_response(pages, req, item.error());
    // htmx swaps only 2xx answers: the item with its message comes back as 200.
    if (htmx) return pages.render_fragment(req, "_enr_alloc_item", item->dump());
    return allocation_page(services, pages, req, unit_id, &*item, status_for(r.error().code));
  });
}

}  // namespace stegvis::http
