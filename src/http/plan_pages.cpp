// The programme plan page (current version, version history, side-by-side
// diff of any two versions, a new version for the förbundschef and
// insatsansvarig) and the semester activity plan page with status per item.
#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"

namespace stegvis::http {
namespace {

json activity_rows(const std::vector<app::ActivityRow>& rows) {
  json out = json::array();
  std::string semester;
  for (const auto& r : rows) {
    json row = to_json(r);
    row["status_label"] = activity_status_label(r.item.status);
    row["first_of_semester"] = r.item.semester != semester;
    json statuses = json::array();
    for (const char* s : {"planned", "ongoing", "done", "cancelled"})
      statuses.push_back({{"value", s}, {"label", activity_status_label(s)}, {"selected", r.item.status == s}});
    row["statuses"] = statuses;
    row["evidence_is_link"] = r.item.evidence.rfind("https://", 0) == 0;
    semester = r.item.semester;
    out.push_back(row);
  }
  return out;
}

Response plan_page(app::Services& services, PageRenderer& pages, const Request& req, Id id,
                   const PlanVersion* entered, const Error* error) {
  auto p = services.organisation.programme(*req.actor, id);
  if (!p) return error_response(pages, req, p.error());
  auto versions = services.plans.versions(*req.actor, id);
  if (!versions) return error_response(pages, req, versions.error());
  json view{{"title", pages.text(req, "plan_title") + " – " + p->name},
            {"programme", {{"id", p->id}, {"name", p->name}}},
            {"has_versions", !versions->empty()},
            {"may_manage", app::may_manage_plan(*req.actor)}};
  json history = json::array();
  for (auto it = versions->rbegin(); it != versions->rend(); ++it)
    history.push_back({{"version", it->version}, {"decision", it->decision}, {"decided_by", it->decided_by},
                       {"date", it->date}, {"current", it == versions->rbegin()}});
  view["history"] = history;
  if (!versions->empty()) {
    const auto& current = versions->back();
    json sections = json::array();
    for (const auto& code : plan_section_codes()) {
      auto s = current.sections.find(code);
      if (s != current.sections.end() && !s->second.empty())
        sections.push_back({{"label", plan_section_label(code)}, {"text", s->second}});
    }
    view["current"] = {{"version", current.version}, {"decision", current.decision},
                       {"decided_by", current.decided_by}, {"date", current.date}, {"sections", sections}};
  }
  // The diff: the two latest versions unless others were asked for.
  std::string from = req.query_value("from"), to = req.query_value("to");
  if (versions->size() >= 2) {
    if (from.empty()) from = (*versions)[versions->size() - 2].version;
    if (to.empty()) to = versions->back().version;
    json from_options = json::array(), to_options = json::array();
    for (const auto& v : *versions) {
      from_options.push_back({{"value", v.version}, {"selected", v.version == from}});
      to_options.push_back({{"value", v.version}, {"selected", v.version == to}});
    }
    view["diff_form"] = {{"from_options", from_options}, {"to_options", to_options}};
    auto d = services.plans.diff(*req.actor, id, from, to);
    if (d) {
      json diff = to_json(*d);
      for (auto& s : diff["sections"])
        for (auto& r : s["rows"]) {
          std::string kind = r["kind"];
          // Screen readers hear what changed; colour alone would not say it.
          std::string label = pages.text(req, "plan_diff_" + kind);
          bool marked = kind != "same";
          r["left_sr"] = marked && !r["from"].get<std::string>().empty() ? json(label) : json(false);
          r["right_sr"] = marked && !r["to"].get<std::string>().empty() ? json(label) : json(false);
        }
      view["diff"] = diff;
    } else {
      view["diff_error"] = d.error().message;
    }
  }
  // The new version's form, filled with the current texts.
  json form_sections = json::array();
  for (const auto& code : plan_section_codes()) {
    std::string text;
    const PlanVersion* source = entered ? entered : versions->empty() ? nullptr : &versions->back();
    if (source)
      if (auto s = source->sections.find(code); s != source->sections.end()) text = s->second;
    form_sections.push_back({{"code", code}, {"label", plan_section_label(code)}, {"text", text}});
  }
  view["form"] = {{"sections", form_sections},
                  {"version", entered ? entered->version : ""},
                  {"decision", entered ? entered->decision : "Godkänd"},
                  {"decided_by", entered ? entered->decided_by : "Styrgruppen"},
                  {"date", entered ? entered->date : app::today_string(services.env)}};
  if (error) {
    view["error"] = error->message;
    view["form_open"] = true;
  }
  return pages.render(req, "plan_page", view.dump(), error ? status_for(error->code) : 200);
}

Response activity_page(app::Services& services, PageRenderer& pages, const Request& req, Id id, const Error* error) {
  auto p = services.organisation.programme(*req.actor, id);
  if (!p) return error_response(pages, req, p.error());
  auto rows = services.plans.activity_plan(*req.actor, id);
  if (!rows) return error_response(pages, req, rows.error());
  int overdue = 0;
  for (const auto& r : *rows) overdue += r.overdue ? 1 : 0;
  json view{{"title", pages.text(req, "plan_activity_title") + " – " + p->name},
            {"programme", {{"id", p->id}, {"name", p->name}}},
            {"rows", activity_rows(*rows)},
            {"has_rows", !rows->empty()},
            {"overdue_count", overdue ? json(overdue) : json(false)},
            {"may_manage", app::may_manage_plan(*req.actor)},
            {"saved", !req.query_value("saved").empty()}};
  if (error) view["error"] = error->message;
  return pages.render(req, "plan_activity", view.dump(), error ? status_for(error->code) : 200);
}

}  // namespace

void add_plan_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/programmes/{id}/plan", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return plan_page(services, pages, req, *id, nullptr, nullptr);
  });

  router.add("POST", "/programmes/{id}/plan", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    PlanVersion v;
    v.programme_id = *id;
    v.version = req.form_value("version");
    v.decision = req.form_value("decision");
    v.decided_by = req.form_value("decided_by");
    v.date = req.form_value("date");
    for (const auto& code : plan_section_codes()) v.sections[code] = req.form_value("section_" + code);
    auto r = services.plans.add_version(*req.actor, v);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      return plan_page(services, pages, req, *id, &v, &r.error());
    }
    return Response::redirect("/programmes/" + std::to_string(*id) + "/plan");
  });

  router.add("GET", "/programmes/{id}/activity-plan", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return activity_page(services, pages, req, *id, nullptr);
  });

  router.add("POST", "/activity-plan/{id}", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto item = services.plans.activity(*req.actor, *id);
    if (!item) return error_response(pages, req, item.error());
    item->status = req.form_value("status");
    item->responsible = req.form_value("responsible");
    item->evidence = req.form_value("evidence");
    auto r = services.plans.update_activity(*req.actor, *item);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      return activity_page(services, pages, req, item->programme_id, &r.error());
    }
    return Response::redirect("/programmes/" + std::to_string(item->programme_id) + "/activity-plan?saved=1#activity-" +
                              std::to_string(*id));
  });
}

}  // namespace stegvis::http
