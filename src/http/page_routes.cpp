// Login, logout, language, the start page, programme and unit pages.
#include "http/page_routes.hpp"

#include <set>

#include "app/access.hpp"
#include "app/annual_report_service.hpp"
#include "app/diary_service.hpp"
#include "app/evaluation_export_service.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/participant_pages.hpp"

namespace stegvis::http {
namespace {

json role_label_list(PageRenderer& pages, const Request& req, const Staff& s, const std::vector<Municipality>& ms) {
  json out = json::array();
  for (const auto& r : s.roles) {
    std::string label = pages.text(req, "role_" + std::string(to_code(r.role)));
    if (r.fte_pct > 0) label += " " + std::to_string(static_cast<int>(r.fte_pct)) + " %";
    if (auto m = name_of(ms, r.municipality_id); !m.empty()) label += " (" + m + ")";
    out.push_back(label);
  }
  return out;
}

json unit_view(PageRenderer& pages, const Request& req, const Unit& u, const std::vector<Party>& parties,
               const std::vector<Staff>* staff) {
  json ms = json::array();
  for (const auto& m : u.municipalities)
    ms.push_back({{"name", m.name}, {"population", m.population}, {"socioeconomic_index", m.socioeconomic_index}});
  json v{{"id", u.id}, {"name", u.name}, {"controller", name_of(parties, u.controller_party_id)}, {"municipalities", ms}};
  if (staff) {
    json rows = json::array();
    for (const auto& s : *staff) {
      if (s.disabled) continue;
      rows.push_back({{"name", s.name},
                      {"roles", role_label_list(pages, req, s, u.municipalities)},
                      {"capacity", capacity(s) > 0 ? json(static_cast<int>(capacity(s))) : json("–")}});
    }
    v["staff"] = rows;
    v["has_staff"] = !rows.empty();
    v["show_staff"] = true;
  }
  return v;
}

}  // namespace

Response render_programme_page(app::Services& services, PageRenderer& pages, const Request& req, Id id,
                               const std::string& target_error, const Target* entered, int status) {
  auto p = services.organisation.programme(*req.actor, id);
  if (!p) return error_response(pages, req, p.error());
  auto parties = services.organisation.parties(*req.actor);
  if (!parties) return error_response(pages, req, parties.error());
  json units = json::array();
  for (const auto& u : p->units) units.push_back(unit_view(pages, req, u, *parties, nullptr));
  json tracks = json::array();
  for (const auto& t : p->tracks)
    tracks.push_back({{"name", t.name}, {"code", t.code}, {"min_age", t.min_age}, {"max_age", t.max_age},
                      {"staff_role", pages.text(req, "role_" + std::string(to_code(t.staff_role)))}});
  json view{{"title", p->name},          {"programme", to_json(*p, false)}, {"units", units},
            {"tracks", tracks},          {"can_edit", app::allowed(*req.actor, app::Permission::manage_organisation)}};
  std::vector<Id> unit_ids;
  for (const auto& u : p->units) unit_ids.push_back(u.id);
  view["can_export_evaluation"] = app::may_export_evaluation(*req.actor, p->id, unit_ids);
  view["may_view_annual"] = app::may_view_annual(*req.actor);
  add_programme_report_view(services, req, *p, view, target_error, entered);
  // This semester's activities and the overdue ones from earlier semesters (issue #8).
  if (auto rows = services.plans.activity_plan(*req.actor, p->id); rows) {
    std::string today = app::today_string(services.env);
    std::string semester = (std::stoi(today.substr(5, 2)) <= 6 ? "Våren " : "Hösten ") + today.substr(0, 4);
    json shown = json::array();
    for (const auto& r : *rows)
      if (r.item.semester == semester || r.overdue)
        shown.push_back({{"semester", r.item.semester}, {"activity", r.item.activity},
                         {"status_label", activity_status_label(r.item.status)}, {"overdue", r.overdue}});
    if (!shown.empty()) view["activity_plan"] = {{"semester", semester}, {"rows", shown}};
  }
  return pages.render(req, "programme", view.dump(), status);
}

void add_page_routes(Router& router, app::Services& services, PageRenderer& pages, const DispatchConfig& config) {
  router.add("GET", "/login", Auth::none, false, [&pages](Request& req) {
    json view{{"title", pages.text(req, "login_title")}, {"next", req.query_value("next")}};
    return pages.render(req, "login", view.dump());
  });

  router.add("POST", "/login", Auth::none, false, [&services, &pages, config](Request& req) {
    std::string username = req.form_value("username"), next = req.form_value("next");
    auto r = services.auth.login(username, req.form_value("password"), req.remote_addr);
    if (!r) {
      json view{{"title", pages.text(req, "login_title")}, {"error", r.error().message}, {"username", username},
                {"next", next}};
      return pages.render(req, "login", view.dump(), status_for(r.error().code));
    }
    end_previous_session(services, req);
    // Only a local path is followed after login (no open redirect).
    Response res = Response::redirect(is_local_path(next) ? next : "/");
    res.headers.emplace_back("Set-Cookie", session_cookie(r->session_token, config.secure_cookies, false));
    return res;
  });

  router.add("POST", "/logout", Auth::session, false, [&services, config](Request& req) {
    if (!req.session_token.empty()) services.auth.logout(req.session_token, *req.actor);
    Response res = Response::redirect("/login");
    res.headers.emplace_back("Set-Cookie", session_cookie("", config.secure_cookies, true));
    return res;
  });

  router.add("GET", "/lang/{code}", Auth::none, false, [](Request& req) {
    std::string code = req.params["code"] == "en" ? "en" : "sv";
    // Back to the page the link was on; only a plain local path is followed.
    std::string next = req.query_value("next");
    Response res = Response::redirect(is_local_path(next) ? next : "/");
    res.headers.emplace_back("Set-Cookie", "lang=" + code + "; Path=/; SameSite=Strict; Max-Age=31536000");
    return res;
  });

  router.add("GET", "/", Auth::session, false, [&services, &pages](Request& req) {
    const auto& actor = *req.actor;
    auto programmes = services.organisation.programmes(actor);
    if (!programmes) return error_response(pages, req, programmes.error());
    auto parties = services.organisation.parties(actor);
    if (!parties) return error_response(pages, req, parties.error());
    json view{{"title", pages.text(req, "start_title")}};
    json plist = json::array();
    std::set<Id> my_units;
    for (const auto& r : actor.roles)
      if (r.unit_id) my_units.insert(*r.unit_id);
    json mine = json::array();
    for (const auto& p : *programmes) {
      json units = json::array();
      int municipalities = 0;
      for (const auto& u : p.units) {
        municipalities += static_cast<int>(u.municipalities.size());
        units.push_back(unit_view(pages, req, u, *parties, nullptr));
        if (!my_units.count(u.id)) continue;
        auto staff = services.staff.list(actor, u.id);
        json mv = unit_view(pages, req, u, *parties, staff ? &*staff : nullptr);
        mv["programme"] = p.name;
        mine.push_back(mv);
      }
      json tracks = json::array();
      for (const auto& t : p.tracks)
        tracks.push_back({{"name", t.name}, {"min_age", t.min_age}, {"max_age", t.max_age},
                          {"staff_role", pages.text(req, "role_" + std::string(to_code(t.staff_role)))}});
      plist.push_back({{"id", p.id}, {"name", p.name}, {"start_date", p.start_date}, {"end_date", p.end_date},
                       {"units", units}, {"tracks", tracks}, {"unit_count", p.units.size()},
                       {"municipality_count", municipalities}});
    }
    view["programmes"] = plist;
    view["has_programmes"] = !plist.empty();
    view["my_units"] = mine;
    view["aggregates_only"] = std::any_of(actor.roles.begin(), actor.roles.end(),
                                          [](const RoleAssignment& r) { return sees_aggregates_only(r.role); });
    participant::add_start_tasks(services, pages, req, view);  // "Att göra" and links to the participant pages
    return pages.render(req, "start", view.dump());
  });

  router.add("GET", "/programmes/{id}", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return render_programme_page(services, pages, req, *id);
  });

  router.add("GET", "/units/{id}", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto u = services.organisation.unit(*req.actor, *id);
    if (!u) return error_response(pages, req, u.error());
    auto p = services.organisation.programme(*req.actor, u->programme_id);
    auto parties = services.organisation.parties(*req.actor);
    if (!p || !parties) return pages.error_page(req, 404, pages.text(req, "not_found"));
    std::optional<std::vector<Staff>> staff;
    if (app::allowed(*req.actor, app::Permission::view_staff, u->id)) {
      auto s = services.staff.list(*req.actor, u->id);
      if (s) staff = *s;
    }
    json view{{"title", u->name + " – " + p->name},
              {"programme", {{"id", p->id}, {"name", p->name}}},
              {"unit", unit_view(pages, req, *u, *parties, staff ? &*staff : nullptr)},
              {"may_use_diary", app::may_use_diary(*req.actor, u->id)}};
    return pages.render(req, "unit", view.dump());
  });
}

}  // namespace stegvis::http
