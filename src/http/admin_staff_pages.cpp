// Administrator pages for staff: list, add, edit roles and FTE, disable/enable.
#include "app/access.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"

namespace stegvis::http {
namespace {

struct Lookups {
  std::vector<Party> parties;
  std::vector<Unit> units;  // all units of all programmes
  std::vector<Municipality> municipalities;
};

Result<Lookups> lookups(app::Services& services, const app::Actor& actor) {
  auto parties = services.organisation.parties(actor);
  if (!parties) return parties.error();
  auto programmes = services.organisation.programmes(actor);
  if (!programmes) return programmes.error();
  auto ms = services.organisation.municipalities(actor);
  if (!ms) return ms.error();
  Lookups l{*parties, {}, *ms};
  for (const auto& p : *programmes)
    for (auto u : p.units) {
      if (programmes->size() > 1) u.name = p.name + " – " + u.name;
      l.units.push_back(u);
    }
  return l;
}

json role_options(PageRenderer& pages, const Request& req, std::optional<Role> selected) {
  json out = json::array();
  out.push_back({{"value", ""}, {"label", pages.text(req, "choose_none")}, {"selected", !selected}});
  for (Role r : all_roles())
    out.push_back({{"value", std::string(to_code(r))},
                   {"label", pages.text(req, "role_" + std::string(to_code(r)))},
                   {"selected", selected && *selected == r}});
  return out;
}

json form_view(PageRenderer& pages, const Request& req, const Lookups& l, const Staff& s, bool is_new) {
  json rows = json::array();
  auto add_row = [&](const std::optional<RoleAssignment>& a, int index) {
    rows.push_back({{"index", index},
                    {"roles", role_options(pages, req, a ? std::optional<Role>(a->role) : std::nullopt)},
                    {"units", options(l.units, a ? a->unit_id : std::nullopt, pages.text(req, "choose_none"))},
                    {"municipalities",
                     options(l.municipalities, a ? a->municipality_id : std::nullopt, pages.text(req, "choose_none"))},
                    {"fte_pct", a ? std::to_string(static_cast<int>(a->fte_pct)) : ""}});
  };
  int i = 0;
  for (const auto& a : s.roles) add_row(a, ++i);
  add_row(std::nullopt, ++i);
  return {{"is_new", is_new},
          {"id", s.id},
          {"username", s.username},
          {"name", s.name},
          {"email", s.email},
          {"parties", options(l.parties, s.employing_party_id, pages.text(req, "choose_none"))},
          {"role_rows", rows},
          {"disabled", s.disabled}};
}

// Role rows arrive as parallel lists role/unit_id/municipality_id/fte_pct; rows without a role are skipped.
std::optional<Error> read_form(const Request& req, Staff& s) {
  s.name = req.form_value("name");
  s.email = req.form_value("email");
  s.employing_party_id = form_id(req.form_value("employing_party_id"));
  auto values = [&](const char* key) {
    std::vector<std::string> v;
    auto [b, e] = req.form().equal_range(key);
    for (auto it = b; it != e; ++it) v.push_back(it->second);
    return v;
  };
  auto roles = values("role"), units = values("unit_id"), ms = values("municipality_id"), ftes = values("fte_pct");
  s.roles.clear();
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (roles[i].empty()) continue;
    auto role = role_from_code(roles[i]);
    if (!role) return invalid("role", "Okänd roll.");
    RoleAssignment a{*role, i < units.size() ? form_id(units[i]) : std::nullopt,
                     i < ms.size() ? form_id(ms[i]) : std::nullopt, 0};
    std::string fte = i < ftes.size() ? ftes[i] : "";
    if (!fte.empty()) {
      try {
        std::size_t used = 0;
        a.fte_pct = std::stod(fte, &used);
        if (used != fte.size()) throw std::invalid_argument(fte);
      } catch (const std::exception&) {
        return invalid("fte_pct", "Tjänstgöringsgraden ska vara ett tal (procent).");
      }
    }
    s.roles.push_back(a);
  }
  return std::nullopt;
}

json list_row(PageRenderer& pages, const Request& req, const Lookups& l, const Staff& s) {
  json roles = json::array();
  for (const auto& r : s.roles) {
    std::string label = pages.text(req, "role_" + std::string(to_code(r.role)));
    if (auto u = name_of(l.units, r.unit_id); !u.empty()) label += ", " + u;
    if (auto m = name_of(l.municipalities, r.municipality_id); !m.empty()) label += " (" + m + ")";
    if (r.fte_pct > 0) label += " " + std::to_string(static_cast<int>(r.fte_pct)) + " %";
    roles.push_back(label);
  }
  return {{"id", s.id},         {"username", s.username}, {"name", s.name},
          {"roles", roles},     {"disabled", s.disabled}, {"employer", name_of(l.parties, s.employing_party_id)}};
}

}  // namespace

void add_admin_staff_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/admin/staff", Auth::session, false, [&services, &pages](Request& req) {
    if (auto s = app::authorize(services.env, *req.actor, app::Permission::manage_staff); !s)
      return error_response(pages, req, s.error());
    auto l = lookups(services, *req.actor);
    if (!l) return error_response(pages, req, l.error());
    auto staff = services.staff.list(*req.actor, std::nullopt);
    if (!staff) return error_response(pages, req, staff.error());
    json rows = json::array();
    for (const auto& s : *staff) rows.push_back(list_row(pages, req, *l, s));
    json view{{"title", pages.text(req, "staff_title")}, {"staff", rows}, {"count", rows.size()},
              {"created", req.query_value("created") == "1"}};
    return pages.render(req, "admin_staff", view.dump());
  });

  router.add("GET", "/admin/staff/new", Auth::session, false, [&services, &pages](Request& req) {
    auto l = lookups(services, *req.actor);
    if (!l) return error_response(pages, req, l.error());
    if (auto s = app::authorize(services.env, *req.actor, app::Permission::manage_staff); !s)
      return error_response(pages, req, s.error());
    json view{{"title", pages.text(req, "staff_new_title")}, {"form", form_view(pages, req, *l, Staff{}, true)}};
    return pages.render(req, "staff_form", view.dump());
  });

  router.add("POST", "/admin/staff/new", Auth::session, false, [&services, &pages](Request& req) {
    auto l = lookups(services, *req.actor);
    if (!l) return error_response(pages, req, l.error());
    Staff s;
    s.username = req.form_value("username");
    auto err = read_form(req, s);
    if (!err) {
      auto r = services.staff.create(*req.actor, s, req.form_value("password"));
      if (r) return Response::redirect("/admin/staff?created=1");
      if (r.error().code == ErrorCode::forbidden) return error_response(pages, req, r.error());
      err = r.error();
    }
    json view{{"title", pages.text(req, "staff_new_title")}, {"form", form_view(pages, req, *l, s, true)},
              {"error", err->message}, {"invalid", {{err->field.empty() ? "form" : err->field, true}}}};
    return pages.render(req, "staff_form", view.dump(), status_for(err->code));
  });

  router.add("GET", "/admin/staff/{id}", Auth::session, false, [&services, &pages](Request& req) {
    if (auto s = app::authorize(services.env, *req.actor, app::Permission::manage_staff); !s)
      return error_response(pages, req, s.error());
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto staff = services.staff.get(*req.actor, *id);
    if (!staff) return error_response(pages, req, staff.error());
    auto l = lookups(services, *req.actor);
    if (!l) return error_response(pages, req, l.error());
    json view{{"title", staff->name}, {"form", form_view(pages, req, *l, *staff, false)},
              {"saved", req.query_value("saved") == "1"}};
    return pages.render(req, "staff_form", view.dump());
  });

  router.add("POST", "/admin/staff/{id}", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto existing = services.staff.get(*req.actor, *id);
    if (!existing) return error_response(pages, req, existing.error());
    auto l = lookups(services, *req.actor);
    if (!l) return error_response(pages, req, l.error());
    Staff s = *existing;
    auto err = read_form(req, s);
    if (!err) {
      auto r = services.staff.update(*req.actor, s);
      if (r) return Response::redirect("/admin/staff/" + std::to_string(*id) + "?saved=1");
      if (r.error().code == ErrorCode::forbidden) return error_response(pages, req, r.error());
      err = r.error();
    }
    json view{{"title", s.name}, {"form", form_view(pages, req, *l, s, false)}, {"error", err->message},
              {"invalid", {{err->field.empty() ? "form" : err->field, true}}}};
    return pages.render(req, "staff_form", view.dump(), status_for(err->code));
  });

  // Disable/enable from the list: htmx swaps the row; without JavaScript the page reloads.
  for (bool disable : {true, false}) {
    router.add("POST", disable ? "/admin/staff/{id}/disable" : "/admin/staff/{id}/enable", Auth::session, false,
               [&services, &pages, disable](Request& req) {
                 auto id = parse_id(req.params["id"]);
                 if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
                 auto r = services.staff.set_disabled(*req.actor, *id, disable);
                 if (!r) return error_response(pages, req, r.error());
                 if (req.header("hx-request") != "true") return Response::redirect("/admin/staff");
                 auto l = lookups(services, *req.actor);
                 auto s = services.staff.get(*req.actor, *id);
                 if (!l || !s) return pages.error_page(req, 404, pages.text(req, "not_found"));
                 return pages.render_fragment(req, "_staff_row", list_row(pages, req, *l, *s).dump());
               });
  }
}

}  // namespace stegvis::http
