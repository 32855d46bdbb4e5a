// Administrator pages for programmes: create and edit a programme, its tracks
// (age range, staff role) and its units (municipalities, data controller).
#include "app/access.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"

namespace stegvis::http {
namespace {

int to_int(const std::string& s, int fallback) {
  try {
    std::size_t used = 0;
    int v = std::stoi(s, &used);
    return used == s.size() ? v : fallback;
  } catch (const std::exception&) {
    return fallback;
  }
}

// The edit page of one programme (id != 0) or the empty form for a new one.
Response programme_page(app::Services& services, PageRenderer& pages, const Request& req, Id id,
                        const Programme* entered, const std::string& error, const std::string& form, int status) {
  if (auto s = app::authorize(services.env, *req.actor, app::Permission::manage_organisation); !s)
    return error_response(pages, req, s.error());
  Programme p;
  if (id) {
    auto r = services.organisation.programme(*req.actor, id);
    if (!r) return error_response(pages, req, r.error());
    p = *r;
  }
  if (entered) {
    p.name = entered->name;
    p.start_date = entered->start_date;
    p.end_date = entered->end_date;
    p.purpose = entered->purpose;
    p.target_group = entered->target_group;
  }
  auto parties = services.organisation.parties(*req.actor);
  auto ms = services.organisation.municipalities(*req.actor);
  if (!parties || !ms) return pages.error_page(req, 500, pages.text(req, "error_title"));
  json tracks = json::array();
  for (const auto& t : p.tracks) {
    tracks.push_back({{"id", t.id}, {"code", t.code}, {"name", t.name}, {"min_age", t.min_age}, {"max_age", t.max_age},
                      {"coach", t.staff_role == Role::coach}, {"koordinator", t.staff_role == Role::koordinator}});
  }
  json units = json::array();
  for (const auto& u : p.units) {
    json boxes = json::array();
    for (const auto& m : *ms) {
      bool in = std::any_of(u.municipalities.begin(), u.municipalities.end(),
                            [&](const Municipality& x) { return x.id == m.id; });
      boxes.push_back({{"id", m.id}, {"name", m.name}, {"checked", in}});
    }
    units.push_back({{"id", u.id}, {"name", u.name}, {"municipality_boxes", boxes},
                     {"parties", options(*parties, u.controller_party_id, pages.text(req, "choose_none"))}});
  }
  json view{{"title", id ? p.name : pages.text(req, "programme_new_title")},
            {"is_new", id == 0},
            {"programme", to_json(p, false)},
            {"tracks", tracks},
            {"units", units},
            {"party_options", options(*parties, std::nullopt, pages.text(req, "choose_none"))},
            {"saved", req.query_value("saved") == "1"}};
  if (id) {
    auto suppress = services.reports.suppression(*req.actor, id);
    view["suppression"] = {{"on", !suppress || *suppress}};
  }
  if (!error.empty()) view["error_" + form] = error;
  return pages.render(req, "admin_programme", view.dump(), status);
}

template <typename R>
Response after_save(app::Services& services, PageRenderer& pages, const Request& req, Id programme_id, const R& r,
                    const char* form, const Programme* entered = nullptr) {
  if (r) return Response::redirect("/admin/programmes/" + std::to_string(programme_id) + "?saved=1");
  if (r.error().code == ErrorCode::forbidden) return error_response(pages, req, r.error());
  return programme_page(services, pages, req, programme_id, entered, r.error().message, form, status_for(r.error().code));
}

Programme programme_from_form(const Request& req, Id id) {
  Programme p;
  p.id = id;
  p.name = req.form_value("name");
  p.start_date = req.form_value("start_date");
  p.end_date = req.form_value("end_date");
  p.purpose = req.form_value("purpose");
  p.target_group = req.form_value("target_group");
  return p;
}

}  // namespace

void add_admin_programme_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/admin/programmes/new", Auth::session, false, [&services, &pages](Request& req) {
    return programme_page(services, pages, req, 0, nullptr, "", "", 200);
  });

  router.add("POST", "/admin/programmes/new", Auth::session, false, [&services, &pages](Request& req) {
    Programme p = programme_from_form(req, 0);
    auto r = services.organisation.save_programme(*req.actor, p);
    if (r) return Response::redirect("/admin/programmes/" + std::to_string(*r) + "?saved=1");
    if (r.error().code == ErrorCode::forbidden) return error_response(pages, req, r.error());
    return programme_page(services, pages, req, 0, &p, r.error().message, "programme", status_for(r.error().code));
  });

  router.add("GET", "/admin/programmes/{id}", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return programme_page(services, pages, req, *id, nullptr, "", "", 200);
  });

  router.add("POST", "/admin/programmes/{id}", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    Programme p = programme_from_form(req, *id);
    return after_save(services, pages, req, *id, services.organisation.save_programme(*req.actor, p), "programme", &p);
  });

  router.add("POST", "/admin/programmes/{id}/tracks", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    Track t;
    t.id = form_id(req.form_value("track_id")).value_or(0);
    t.programme_id = *id;
    t.code = req.form_value("code");
    t.name = req.form_value("name");
    t.min_age = to_int(req.form_value("min_age"), -1);
    t.max_age = to_int(req.form_value("max_age"), -1);
    t.staff_role = role_from_code(req.form_value("staff_role")).value_or(Role::administrator);
    return after_save(services, pages, req, *id, services.organisation.save_track(*req.actor, t),
                      t.id ? "track" : "track_new");
  });

  router.add("POST", "/admin/programmes/{id}/units", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    app::UnitInput u;
    u.id = form_id(req.form_value("unit_id")).value_or(0);
    u.programme_id = *id;
    u.name = req.form_value("name");
    u.controller_party_id = form_id(req.form_value("controller_party_id"));
    auto [b, e] = req.form().equal_range("municipality");
    for (auto it = b; it != e; ++it)
      if (auto mid = form_id(it->second)) u.municipality_ids.push_back(*mid);
    return after_save(services, pages, req, *id, services.organisation.save_unit(*req.actor, u),
                      u.id ? "unit" : "unit_new");
  });
}

}  // namespace stegvis::http
