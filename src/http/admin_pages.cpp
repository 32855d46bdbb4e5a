// Administrator pages: the organisation (association, parties, municipalities),
// the audit log search, and API tokens.
#include "app/access.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"

namespace stegvis::http {
namespace {

const char* kPartyKinds[] = {"fk", "af", "region", "kommun", "annan"};

Response organisation_page(app::Services& services, PageRenderer& pages, const Request& req, const std::string& error,
                           const std::string& error_form, int status) {
  if (auto s = app::authorize(services.env, *req.actor, app::Permission::manage_organisation); !s)
    return error_response(pages, req, s.error());
  auto association = services.organisation.association(*req.actor);
  auto parties = services.organisation.parties(*req.actor);
  auto ms = services.organisation.municipalities(*req.actor);
  if (!parties || !ms) return pages.error_page(req, 500, pages.text(req, "error_title"));
  json plist = json::array();
  for (const auto& p : *parties)
    plist.push_back({{"id", p.id}, {"name", p.name}, {"kind", pages.text(req, "party_kind_" + p.kind)}});
  json mlist = json::array();
  for (const auto& m : *ms)
    mlist.push_back({{"id", m.id}, {"name", m.name}, {"population", m.population},
                     {"socioeconomic_index", m.socioeconomic_index},
                     {"party", name_of(*parties, m.party_id)},
                     {"party_id", m.party_id ? std::to_string(*m.party_id) : ""}});
  json progs = json::array();
  if (auto ps = services.organisation.programmes(*req.actor))
    for (const auto& p : *ps) progs.push_back({{"id", p.id}, {"name", p.name}, {"start_date", p.start_date}, {"end_date", p.end_date}});
  json kinds = json::array();
  for (const char* k : kPartyKinds) kinds.push_back({{"value", k}, {"label", pages.text(req, std::string("party_kind_") + k)}});
  json view{{"title", pages.text(req, "organisation_title")},
            {"association", association ? json{{"name", association->name}, {"org_number", association->org_number}}
                                        : json{{"name", ""}, {"org_number", ""}}},
            {"parties", plist},
            {"programmes", progs},
            {"municipalities", mlist},
            {"party_kinds", kinds},
            {"party_options", options(*parties, std::nullopt, pages.text(req, "choose_none"))},
            {"saved", req.query_value("saved") == "1"}};
  if (!error.empty()) view["error_" + error_form] = error;
  return pages.render(req, "admin_organisation", view.dump(), status);
}

// Runs a save from a form: on success back to the page, else the page with the error at that form.
template <typename F>
Response save_from_form(app::Services& services, PageRenderer& pages, const Request& req, const char* form, F save) {
  auto r = save();
  if (r) return Response::redirect("/admin/organisation?saved=1");
  if (r.error().code == ErrorCode::forbidden) return error_response(pages, req, r.error());
  return organisation_page(services, pages, req, r.error().message, form, status_for(r.error().code));
}

bool parse_number(const std::string& s, double& out) {
  try {
    std::size_t used = 0;
    out = std::stod(s, &used);
    return used == s.size();
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

void add_admin_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/admin/organisation", Auth::session, false, [&services, &pages](Request& req) {
    return organisation_page(services, pages, req, "", "", 200);
  });

  router.add("POST", "/admin/association", Auth::session, false, [&services, &pages](Request& req) {
    return save_from_form(services, pages, req, "association", [&] {
      return services.organisation.save_association(*req.actor, {0, req.form_value("name"), req.form_value("org_number")});
    });
  });

  router.add("POST", "/admin/parties", Auth::session, false, [&services, &pages](Request& req) {
    return save_from_form(services, pages, req, "party", [&] {
      return services.organisation.save_party(*req.actor, {0, req.form_value("name"), req.form_value("kind")});
    });
  });

  router.add("POST", "/admin/municipalities", Auth::session, false, [&services, &pages](Request& req) {
    return save_from_form(services, pages, req, "municipality", [&]() -> Result<Id> {
      Municipality m;
      m.id = form_id(req.form_value("id")).value_or(0);
      m.name = req.form_value("name");
      m.party_id = form_id(req.form_value("party_id"));
      double population = 0;
      if (!parse_number(req.form_value("population"), population) || population != static_cast<std::int64_t>(population))
        return invalid("population", "Befolkningen ska vara ett heltal.");
      m.population = static_cast<std::int64_t>(population);
      if (!parse_number(req.form_value("socioeconomic_index"), m.socioeconomic_index))
        return invalid("socioeconomic_index", "Socioekonomisk andel ska vara ett tal.");
      return services.organisation.save_municipality(*req.actor, m);
    });
  });

  router.add("GET", "/admin/audit", Auth::session, false, [&services, &pages](Request& req) {
    store::AuditFilter f;
    f.username = req.query_value("user");
    f.record_type = req.query_value("record_type");
    f.record_id = req.query_value("record_id");
    std::string from = req.query_value("from"), to = req.query_value("to");
    json view{{"title", pages.text(req, "audit_title")},
              {"filter", {{"user", f.username}, {"record_type", f.record_type}, {"record_id", f.record_id},
                          {"from", from}, {"to", to}}}};
    std::string error;
    if (!from.empty() && !(f.from = unix_day(from))) error = "Ogiltigt från-datum, skriv ÅÅÅÅ-MM-DD.";
    if (!to.empty() && !(f.to = unix_day(to, 1))) error = "Ogiltigt till-datum, skriv ÅÅÅÅ-MM-DD.";
    int status = 200;
    if (error.empty()) {
      auto r = services.audit.search(*req.actor, f);
      if (!r && r.error().code == ErrorCode::forbidden) return error_response(pages, req, r.error());
      if (!r) {
        error = r.error().message;
        status = status_for(r.error().code);
      } else {
        json rows = json::array();
        for (const auto& e : r->items) rows.push_back(to_json(e));
        view["entries"] = rows;
        view["total"] = r->total;
        view["has_entries"] = !rows.empty();
      }
    } else {
      status = 400;
    }
    if (!error.empty()) view["error"] = error;
    // htmx asks for the result table only.
    if (req.header("hx-request") == "true" && req.header("hx-target") == "audit-results")
      return pages.render_fragment(req, "_audit_results", view.dump());
    return pages.render(req, "admin_audit", view.dump(), status);
  });

  auto tokens_page = [&services, &pages](const Request& req, const json& extra, int status) {
    auto r = services.auth.tokens(*req.actor);
    if (!r) return error_response(pages, req, r.error());
    json rows = json::array();
    for (const auto& t : *r) rows.push_back(to_json(t));
    json view{{"title", pages.text(req, "tokens_title")}, {"tokens", rows}, {"has_tokens", !rows.empty()}};
    view.update(extra);
    return pages.render(req, "admin_tokens", view.dump(), status);
  };
  router.add("GET", "/admin/tokens", Auth::session, false,
             [tokens_page](Request& req) { return tokens_page(req, json::object(), 200); });
  router.add("POST", "/admin/tokens", Auth::session, false, [&services, &pages, tokens_page](Request& req) {
    auto r = services.auth.create_token(*req.actor, req.form_value("username"), req.form_value("name"));
    if (!r && r.error().code == ErrorCode::forbidden) return error_response(pages, req, r.error());
    if (!r) return tokens_page(req, {{"error", r.error().message}}, status_for(r.error().code));
    return tokens_page(req, {{"new_token", r->token}}, 201);
  });
  router.add("POST", "/admin/tokens/{id}/revoke", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto r = services.auth.revoke_token(*req.actor, *id);
    if (!r) return error_response(pages, req, r.error());
    return Response::redirect("/admin/tokens");
  });
}

}  // namespace stegvis::http
