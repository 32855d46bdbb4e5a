// The period report page /programmes/{id}/rapport, the steering group's
// dashboard /programmes/{id}/styrning, and the programme page's targets
// section (add, edit, remove). The figures come from app::ReportService; the
// tables and charts from the same ReportDocument the exports write.
#include "app/access.hpp"
#include "domain/report_period.hpp"
#include "domain/small_cells.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"
#include "http/report_json.hpp"
#include "http/report_view.hpp"
#include "reports/dashboard_document.hpp"
#include "reports/period_report_document.hpp"

namespace stegvis::http {
namespace {

Date today_of(app::Services& services) {
  std::int64_t days = services.env.now() / 86400;
  return add_days(Date{1970, 1, 1}, static_cast<int>(days));
}

json period_presets(const Date& today, const std::string& selected) {
  json out = json::array();
  auto add = [&](const std::string& label, const ReportPeriod& p) {
    std::string value = to_string(p.from) + "_" + to_string(p.to);
    out.push_back({{"value", value}, {"label", label + " (" + to_string(p.from) + " – " + to_string(p.to) + ")"},
                   {"selected", value == selected}});
  };
  int q = (today.month - 1) / 3 + 1, y = today.year;
  for (int i = 0; i < 12; ++i) {
    add("Kvartal " + std::to_string(q) + " " + std::to_string(y), quarter_period(y, q));
    if (--q == 0) { q = 4; --y; }
  }
  int h = today.month <= 6 ? 1 : 2;
  y = today.year;
  for (int i = 0; i < 6; ++i) {
    add((h == 1 ? "Första halvåret " : "Andra halvåret ") + std::to_string(y), half_year_period(y, h));
    if (--h == 0) { h = 2; --y; }
  }
  for (int i = 0; i < 4; ++i) add("År " + std::to_string(today.year - i), year_period(today.year - i));
  out.push_back({{"value", "custom"}, {"label", "Egen period (ange från och till)"}, {"selected", selected == "custom"}});
  return out;
}

json grouping_options(const std::string& selected) {
  json out = json::array();
  for (const auto& g : report_groupings())
    out.push_back({{"value", g}, {"label", reports::grouping_label(g)}, {"selected", g == selected}});
  return out;
}

std::string query_string(const app::PeriodReportRequest& r) {
  std::string q = "?from=" + r.from + "&to=" + r.to + "&group_by=" + r.group_by;
  if (r.unit_id) q += "&unit=" + std::to_string(*r.unit_id);
  return q;
}

Response report_page(app::Services& services, PageRenderer& pages, Request& req) {
  auto id = parse_id(req.params["id"]);
  if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
  app::PeriodReportRequest r;
  r.programme_id = *id;
  r.format = "html";
  std::string preset = req.query_value("preset");
  if (preset.empty() && req.query_value("from").empty()) {
    auto p = last_full_quarter(today_of(services));
    preset = to_string(p.from) + "_" + to_string(p.to);
  }
  if (!preset.empty() && preset != "custom" && preset.size() == 21) {
    r.from = preset.substr(0, 10);
    r.to = preset.substr(11);
  } else {
    r.from = req.query_value("from");
    r.to = req.query_value("to");
    preset = "custom";
  }
  r.group_by = req.query_value("group_by").empty() ? "unit" : req.query_value("group_by");
  if (auto u = form_id(req.query_value("unit"))) r.unit_id = *u;
  json view{{"presets", period_presets(today_of(services), preset)},
            {"groupings", grouping_options(r.group_by)},
            {"from", r.from},
            {"to", r.to},
            {"programme_id", *id}};
  auto result = services.reports.period_report(*req.actor, r);
  if (!result) {
    if (result.error().code == ErrorCode::forbidden || result.error().code == ErrorCode::not_found)
      return error_response(pages, req, result.error());
    view["title"] = pages.text(req, "report_title");
    view["error"] = result.error().message;
    return pages.render(req, "report_page", view.dump(), status_for(result.error().code));
  }
  const auto& res = *result;
  reports::ReportDocument doc = reports::period_report_document(
      {res.programme.name, res.unit ? res.unit->name : "", &res.report, &res.targets, res.suppressed});
  json tables = json::array();
  for (std::size_t i = 0; i < doc.tables.size(); ++i) tables.push_back(table_view(doc.tables[i], "t" + std::to_string(i)));
  json charts = json::array();
  for (const auto& c : doc.charts) charts.push_back(chart_view(c));
  json targets = json::array();
  for (std::size_t i = 0; i < res.targets.size() && i < res.report.total.targets.size(); ++i) {
    const auto& t = res.report.total.targets[i];
    bool hidden = share_hidden(t.numerator, t.denominator, res.suppressed);
    targets.push_back({{"name", res.targets[i].name},
                       {"description", describe_target(res.targets[i])},
                       {"actual", format_cell(reports::share_cell({t.numerator, t.denominator}, res.suppressed))},
                       {"numerator", format_cell(reports::count_cell(t.numerator, res.suppressed))},
                       {"denominator", format_cell(reports::count_cell(t.denominator, res.suppressed))},
                       {"state", target_state_view(t.state, hidden)}});
  }
  std::string q = query_string(r);
  std::string base = "/api/v1/programmes/" + std::to_string(*id) + "/reports/period";
  view["title"] = pages.text(req, "report_title") + " – " + res.programme.name;
  view["programme"] = {{"id", res.programme.id}, {"name", res.programme.name}};
  view["unit_name"] = res.unit ? res.unit->name : "";
  view["subtitle"] = doc.subtitle;
  view["tables"] = tables;
  view["charts"] = charts;
  view["targets"] = targets;
  view["has_targets"] = !targets.empty();
  view["definitions"] = doc.notes;
  view["suppressed"] = res.suppressed;
  view["downloads"] = {{"xlsx", base + ".xlsx" + q}, {"pdf", base + ".pdf" + q}, {"csv", base + ".csv" + q},
                       {"json", base + q}};
  return pages.render(req, "report_page", view.dump());
}

Response dashboard_page(app::Services& services, PageRenderer& pages, Request& req) {
  auto id = parse_id(req.params["id"]);
  if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
  auto result = services.reports.dashboard(*req.actor, *id);
  if (!result) return error_response(pages, req, result.error());
  const auto& res = *result;
  reports::ReportDocument doc = reports::dashboard_document(res.programme.name, res.dashboard, res.targets,
                                                            res.suppressed);
  json tables = json::array();
  for (std::size_t i = 0; i < doc.tables.size(); ++i) tables.push_back(table_view(doc.tables[i], "d" + std::to_string(i)));
  json charts = json::array();
  for (const auto& c : doc.charts) charts.push_back(chart_view(c));
  json view = dashboard_json(res);
  json attention = json::array();
  for (const auto& line : reports::dashboard_attention(res.dashboard, res.targets, res.suppressed))
    attention.push_back(line);
  view["title"] = pages.text(req, "report_dash_title") + " – " + res.programme.name;
  view["programme"] = {{"id", res.programme.id}, {"name", res.programme.name}};
  view["volume"] = format_cell(reports::count_cell(res.dashboard.active_now, res.suppressed));
  view["tables"] = tables;
  view["charts"] = charts;
  view["attention_items"] = attention;
  view["has_attention"] = !attention.empty();
  view["subtitle"] = doc.subtitle;
  return pages.render(req, "dashboard", view.dump());
}

// Redirects /rapport and /styrning (the menu's links) to the first programme the user may open.
Response first_programme(app::Services& services, PageRenderer& pages, Request& req, const std::string& page) {
  auto ps = services.organisation.programmes(*req.actor);
  if (!ps) return error_response(pages, req, ps.error());
  for (const auto& p : *ps)
    if (page == "styrning" ? app::ReportService::may_view_dashboard(*req.actor)
                           : app::ReportService::may_view_reports(*req.actor, p))
      return Response::redirect("/programmes/" + std::to_string(p.id) + "/" + page);
  return pages.error_page(req, 404, pages.text(req, "not_found"));
}

Target target_from_form(const Request& req, Id programme_id) {
  Target t;
  t.programme_id = programme_id;
  t.id = form_id(req.form_value("target_id")).value_or(0);
  t.name = req.form_value("name");
  t.population = req.form_value("population");
  t.condition = req.form_value("condition");
  t.comparison = req.form_value("comparison");
  try {
    t.threshold_pct = std::stoi(req.form_value("threshold_pct"));
  } catch (const std::exception&) {
    t.threshold_pct = -1;
  }
  if (t.condition == "outcome_in") {
    auto [b, e] = req.form().equal_range("outcome");
    for (auto it = b; it != e; ++it) t.parameter += (t.parameter.empty() ? "" : ",") + it->second;
  } else if (t.condition == "gender") {
    t.parameter = req.form_value("gender");
  } else if (t.condition == "track") {
    t.parameter = req.form_value("track");
  } else if (t.condition == "goal_improvement") {
    t.parameter = req.form_value("goal_area");
  } else if (t.condition == "time_in_programme_max_months") {
    t.parameter = req.form_value("months");
  }
  return t;
}

}  // namespace

void add_report_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/programmes/{id}/rapport", Auth::session, false,
             [&services, &pages](Request& req) { return report_page(services, pages, req); });
  router.add("GET", "/programmes/{id}/styrning", Auth::session, false,
             [&services, &pages](Request& req) { return dashboard_page(services, pages, req); });
  router.add("GET", "/rapport", Auth::session, false,
             [&services, &pages](Request& req) { return first_programme(services, pages, req, "rapport"); });
  router.add("GET", "/styrning", Auth::session, false,
             [&services, &pages](Request& req) { return first_programme(services, pages, req, "styrning"); });

  router.add("POST", "/programmes/{id}/targets", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    Target t = target_from_form(req, *id);
    auto r = services.reports.save_target(*req.actor, t);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      return render_programme_page(services, pages, req, *id, r.error().message, &t, status_for(r.error().code));
    }
    return Response::redirect("/programmes/" + std::to_string(*id) + "?target_saved=1#mal");
  });
  router.add("POST", "/programmes/{id}/targets/{target_id}/delete", Auth::session, false,
             [&services, &pages](Request& req) {
               auto id = parse_id(req.params["id"]);
               auto tid = parse_id(req.params["target_id"]);
               if (!id || !tid) return pages.error_page(req, 404, pages.text(req, "not_found"));
               auto r = services.reports.delete_target(*req.actor, *id, *tid);
               if (!r) return error_response(pages, req, r.error());
               return Response::redirect("/programmes/" + std::to_string(*id) + "?target_deleted=1#mal");
             });
  router.add("POST", "/admin/programmes/{id}/suppression", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto r = services.reports.set_suppression(*req.actor, *id, req.form_value("suppress_small_cells") == "1");
    if (!r) return error_response(pages, req, r.error());
    return Response::redirect("/admin/programmes/" + std::to_string(*id) + "?saved=1");
  });
}

}  // namespace stegvis::http

namespace stegvis::http {
namespace {

json select_of(const std::vector<Term>& list, const std::string& selected) {
  json out = json::array();
  for (const auto& x : list) out.push_back({{"value", x.code}, {"label", x.label_sv}, {"selected", x.code == selected}});
  return out;
}

json target_form(const Target& t, const Programme& p, const std::string& key) {
  std::vector<Term> tracks, areas{{"any", "Något målområde"}};
  for (const auto& tr : p.tracks) tracks.push_back({tr.code, tr.name});
  for (const auto& a : goal_areas()) areas.push_back(a);
  json outcomes = json::array();
  std::string list = "," + t.parameter + ",";
  for (const auto& o : exit_outcomes())
    outcomes.push_back({{"value", o.code}, {"label", o.label_sv},
                        {"checked", t.condition == "outcome_in" && list.find("," + o.code + ",") != std::string::npos}});
  auto param_if = [&](const char* c) { return t.condition == c ? t.parameter : std::string(); };
  return {{"id", t.id ? json(t.id) : json("")},
          {"key", key},
          {"name", t.name},
          {"threshold_pct", t.threshold_pct >= 0 ? json(t.threshold_pct) : json("")},
          {"description", describe_target(t)},
          {"programme_id", p.id},
          {"populations", select_of(target_populations(), t.population)},
          {"conditions", select_of(target_conditions(), t.condition)},
          {"comparisons", select_of(target_comparisons(), t.comparison)},
          {"outcomes", outcomes},
          {"genders", select_of(genders(), param_if("gender"))},
          {"tracks", select_of(tracks, param_if("track"))},
          {"areas", select_of(areas, param_if("goal_improvement"))},
          {"months", param_if("time_in_programme_max_months")}};
}

}  // namespace

void add_programme_report_view(app::Services& services, const Request& req, const Programme& p, json& view,
                               const std::string& error, const Target* entered) {
  const auto& actor = *req.actor;
  bool report = app::ReportService::may_view_reports(actor, p);
  bool dashboard = app::ReportService::may_view_dashboard(actor);
  if (report || dashboard) view["report_links"] = {{"report", report}, {"dashboard", dashboard}};
  view["money_link"] = app::MoneyService::may_view(actor, p);  // the economy page (money_pages.cpp)
  if (!report && !dashboard) return;
  auto targets = services.reports.targets(actor, p.id);
  if (!targets) return;
  bool configure = app::ReportService::may_configure_targets(actor);
  json list = json::array();
  for (const auto& t : *targets) {
    const Target& shown = entered && entered->id == t.id ? *entered : t;
    list.push_back(target_form(shown, p, std::to_string(t.id)));
  }
  Target blank;
  blank.population = "exits";
  blank.condition = "outcome_in";
  blank.threshold_pct = -1;
  const Target& fresh = entered && entered->id == 0 ? *entered : blank;
  view["targets_section"] = {{"targets", list},
                             {"has_targets", !list.empty()},
                             {"can_configure", configure},
                             {"new_target", target_form(fresh, p, "new")},
                             {"saved", req.query_value("target_saved") == "1" || req.query_value("target_deleted") == "1"}};
  // A mustache section shows for "" too: only a real message gets the key.
  if (!error.empty()) view["targets_section"]["error"] = error;
}

}  // namespace stegvis::http
