// Participant lists: a coach's or koordinator's own caseload ("Mina
// deltagare") and, for a samordnare, the unit's participants, filtered by
// active/exited and optionally by member of staff. Each row comes from the
// enrolment's view, so names appear only where the viewer may see them.
#include "app/referral_service.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"
#include "http/participant_pages.hpp"

namespace stegvis::http {
namespace {

using participant::json;
using participant::Org;

constexpr int kPageSize = 25;

json enrolment_row(const Org& org, const app::EnrolmentView& v, const std::string& today) {
  const auto& e = v.enrolment;
  const Track* track = org.track(e.track_id);
  json row{{"id", e.id},
           {"name", v.identity ? json(v.identity->first_name + " " + v.identity->last_name) : json(false)},
           {"purged", e.purged()},
           {"start_date", e.start_date},
           {"track", track ? track->name : ""},
           {"municipality", org.municipality_name(e.municipality_id)},
           {"staff", participant::opt_text(v.staff_name)},
           {"active", e.active()},
           {"exit_date", e.exit_date},
           {"has_plan", v.plan.has_value()}};
  if (e.active()) row["follow_up_due"] = participant::due_view(v.follow_up_due, today);
  if (!e.active() && e.final_report_sent_on.empty() && v.final_report_due)
    row["final_report_due"] = participant::due_view(*v.final_report_due, today);
  return row;
}

std::string list_href(std::optional<Id> unit, std::optional<Id> staff, const std::string& status, int page) {
  std::string q;
  auto add = [&](const std::string& kv) { q += (q.empty() ? "?" : "&") + kv; };
  if (unit) add("unit=" + std::to_string(*unit));
  if (staff) add("staff=" + std::to_string(*staff));
  add("status=" + (status.empty() ? std::string("all") : status));
  if (page > 0) add("page=" + std::to_string(page));
  return "/enrolments" + q;
}

}  // namespace

void add_enrolment_list_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/enrolments", Auth::session, false, [&services, &pages](Request& req) {
    const auto& actor = *req.actor;
    auto unit = parse_id(req.query_value("unit"));
    auto staff = parse_id(req.query_value("staff"));
    auto units = participant::coordinated_units(actor);
    // A samordnare without a caseload of their own starts at their unit's list.
    if (!unit && !participant::has_caseload_role(actor) && !units.empty())
      return Response::redirect("/enrolments?unit=" + std::to_string(units.front()));
    std::string status = req.query_value("status");
    if (status.empty()) status = "active";
    if (status == "all") status = "";
    int page = std::max(0, participant::form_int(req.query_value("page"), 0));

    store::EnrolmentFilter f;
    f.unit_id = unit;
    f.staff_id = unit ? staff : std::optional<Id>(actor.user_id);
    f.status = status;
    f.limit = kPageSize;
    f.offset = page * kPageSize;
    int total = 0;
    auto list = services.enrolments.list(actor, f, &total);
    if (!list) return error_response(pages, req, list.error());
    auto org = participant::load_org(services, actor);
    if (!org) return error_response(pages, req, org.error());

    std::string today = app::today_string(services.env);
    // "Ingen förbättring" for the whole page from one query.
    auto summaries = services.ratings.summaries(actor, *list);
    bool any_no_improvement = false;
    json rows = json::array();
    for (const auto& e : *list) {
      auto v = services.enrolments.view(actor, e.id);
      if (!v) continue;  // not visible to this user after all
      rows.push_back(enrolment_row(*org, *v, today));
      auto s = summaries.find(e.id);
      bool flag = s != summaries.end() && s->second.no_improvement;
      rows.back()["no_improvement"] = flag;
      any_no_improvement = any_no_improvement || flag;
    }
    std::string unit_name;
    if (unit)
      if (const Unit* u = org->unit(*unit)) unit_name = u->name;
    std::string staff_name;
    if (unit && staff)
      if (auto s = services.staff.get(actor, *staff)) staff_name = s->name;
    json filters = json::array();
    for (const char* s : {"active", "exited", ""}) {
      std::string code = s;
      filters.push_back({{"href", list_href(unit, unit ? staff : std::nullopt, code, 0)},
                         {"label", pages.text(req, "enr_filter_" + (code.empty() ? std::string("all") : code))},
                         {"current", status == code}});
    }
    int pages_total = (total + kPageSize - 1) / kPageSize;
    json view{{"title", unit ? pages.text(req, "enr_list_unit") + " – " + unit_name : pages.text(req, "enr_list_mine")},
              {"unit", unit ? json({{"id", *unit}, {"name", unit_name}}) : json(false)},
              {"staff_name", staff_name.empty() ? json(false) : json(staff_name)},
              {"filters", filters},
              {"rows", rows},
              {"has_rows", !rows.empty()},
              {"any_no_improvement", any_no_improvement},
              {"total", total},
              {"page", page + 1},
              {"pages", std::max(1, pages_total)},
              {"prev", page > 0 ? json(list_href(unit, staff, status, page - 1)) : json(false)},
              {"next", page + 1 < pages_total ? json(list_href(unit, staff, status, page + 1)) : json(false)}};
    return participant::render_page(pages, req, "enr_list", std::move(view));
  });

  // Search by personal number: a POST, so the number never lands in a URL or a log.
  router.add("POST", "/enrolments/search", Auth::session, false, [&services, &pages](Request& req) {
    std::string number = req.form_value("personal_number");
    auto found = services.enrolments.find_by_personal_number(*req.actor, number);
    if (!found && found.error().code == ErrorCode::forbidden) return error_response(pages, req, found.error());
    json view{{"title", pages.text(req, "enr_search_title")}, {"personal_number", number}};
    if (!found) {
      view["error"] = found.error().message;
      return participant::render_page(pages, req, "enr_search", std::move(view), status_for(found.error().code));
    }
    json rows = json::array();
    for (const auto& e : *found)
      rows.push_back({{"id", e.id}, {"start_date", e.start_date}, {"exit_date", e.exit_date}, {"active", e.active()}});
    view["rows"] = rows;
    view["has_rows"] = !rows.empty();
    view["searched"] = true;
    return participant::render_page(pages, req, "enr_search", std::move(view));
  });
}

}  // namespace stegvis::http
