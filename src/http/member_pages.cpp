// The page /bodies/{id}/members: who sits in a steering group, collaboration
// team or staff meeting, for which party and since when; those who manage the
// body add a member (with or without a login) and end a membership.
#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"

namespace stegvis::http {
namespace {

Response members_page(app::Services& services, PageRenderer& pages, const Request& req, Id body_id,
                      const app::MemberInput* entered, const Error* error) {
  auto r = services.governance.members(*req.actor, body_id);
  if (!r) return error_response(pages, req, r.error());
  json current = json::array(), former = json::array();
  for (const auto& v : r->members) {
    json row{{"id", v.member.id}, {"name", v.member.name}, {"party", v.party.empty() ? "–" : v.party},
             {"login", !v.username.empty()}, {"start", v.member.start_date},
             {"end", v.member.end_date.empty() ? json(false) : json(v.member.end_date)}};
    (v.active ? current : former).push_back(row);
  }
  json parties = json::array();
  if (r->may_manage)
    if (auto ps = services.organisation.parties(*req.actor))
      for (const auto& p : *ps)
        parties.push_back({{"id", p.id}, {"name", p.name},
                           {"selected", entered && entered->party == std::to_string(p.id)}});
  const std::string saved = req.query_value("saved");
  json view{{"title", pages.text(req, "gov_members_title") + " – " + r->body.name},
            {"body", {{"id", r->body.id}, {"name", r->body.name}, {"programme_id", r->body.programme_id}}},
            {"current", current},
            {"has_current", !current.empty()},
            {"former", former},
            {"has_former", !former.empty()},
            {"may_manage", r->may_manage},
            {"parties", parties},
            {"saved", saved == "added" || saved == "ended" ? json(pages.text(req, "gov_members_saved_" + saved)) : json(false)},
            {"name", entered ? entered->name : ""},
            {"username", entered ? entered->username : ""},
            {"start", entered ? entered->start : app::today_string(services.env)},
            {"start_default", app::today_string(services.env)}};
  if (error) {
    view["error"] = error->message;
    view["error_" + (error->field.empty() ? std::string("form") : error->field)] = true;
  }
  return pages.render(req, "gov_members", view.dump(), error ? status_for(error->code) : 200);
}

}  // namespace

void add_member_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/bodies/{id}/members", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return members_page(services, pages, req, *id, nullptr, nullptr);
  });

  router.add("POST", "/bodies/{id}/members", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    app::MemberInput in;
    in.name = req.form_value("name");
    in.username = req.form_value("username");
    in.party = req.form_value("party");
    in.start = req.form_value("start");
    auto r = services.governance.add_member(*req.actor, *id, in);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      return members_page(services, pages, req, *id, &in, &r.error());
    }
    return Response::redirect("/bodies/" + std::to_string(*id) + "/members?saved=added");
  });

  // Ends a membership; the form carries the body so the answer can return to its page.
  router.add("POST", "/members/{id}/end", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    auto body = form_id(req.form_value("body"));
    if (!id || !body) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto r = services.governance.end_member(*req.actor, *id, req.form_value("date"));
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      return members_page(services, pages, req, *body, nullptr, &r.error());
    }
    return Response::redirect("/bodies/" + std::to_string(*body) + "/members?saved=ended");
  });
}

}  // namespace stegvis::http
