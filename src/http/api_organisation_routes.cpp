// /api/v1/association, /parties, /municipalities, /programmes (with tracks and units), /units.
#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/request_decoders.hpp"

namespace stegvis::http {
namespace {

template <typename T>
Response respond_id(const Result<T>& r, int status) {
  if (!r) return json_error(r.error());
  return json_response({{"id", *r}}, status);
}

}  // namespace

Lookups lookups_for(app::Services& services, const app::Actor& actor) {
  return {[&services, &actor] { return services.organisation.parties(actor); },
          [&services, &actor] { return services.organisation.municipalities(actor); }};
}

void add_organisation_routes(Router& router, app::Services& services) {
  auto& org = services.organisation;

  router.add("GET", "/api/v1/association", Auth::session, true, [&org](Request& req) {
    auto r = org.association(*req.actor);
    if (!r) return json_error(r.error());
    return json_response(to_json(*r));
  });
  router.add("PUT", "/api/v1/association", Auth::session, true, [&org](Request& req) {
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    Association a;
    if (auto e = decode_association(*body, a)) return json_error(*e);
    return respond_id(org.save_association(*req.actor, a), 200);
  });

  router.add("GET", "/api/v1/parties", Auth::session, true, [&org](Request& req) {
    auto r = org.parties(*req.actor);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& p : *r) items.push_back(to_json(p));
    return json_list(items, r->size());
  });
  auto save_party = [&org](Request& req, Id id) {
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    Party p{id, "", ""};
    if (auto e = decode_party(*body, p)) return json_error(*e);
    return respond_id(org.save_party(*req.actor, p), id ? 200 : 201);
  };
  router.add("POST", "/api/v1/parties", Auth::session, true, [save_party](Request& req) { return save_party(req, 0); });
  router.add("PUT", "/api/v1/parties/{id}", Auth::session, true, [save_party](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Parten finns inte."));
    return save_party(req, *id);
  });

  router.add("GET", "/api/v1/municipalities", Auth::session, true, [&org](Request& req) {
    auto r = org.municipalities(*req.actor);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& m : *r) items.push_back(to_json(m));
    return json_list(items, r->size());
  });
  auto save_municipality = [&org](Request& req, Id id) {
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    Municipality m;
    m.id = id;
    if (auto e = decode_municipality(*body, m)) return json_error(*e);
    return respond_id(org.save_municipality(*req.actor, m), id ? 200 : 201);
  };
  router.add("POST", "/api/v1/municipalities", Auth::session, true,
             [save_municipality](Request& req) { return save_municipality(req, 0); });
  router.add("PUT", "/api/v1/municipalities/{id}", Auth::session, true, [save_municipality](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Kommunen finns inte."));
    return save_municipality(req, *id);
  });

  router.add("GET", "/api/v1/programmes", Auth::session, true, [&org](Request& req) {
    auto r = org.programmes(*req.actor);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& p : *r) items.push_back(to_json(p, false));
    return json_list(items, r->size());
  });
  router.add("GET", "/api/v1/programmes/{id}", Auth::session, true, [&org](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Insatsen finns inte."));
    auto r = org.programme(*req.actor, *id);
    if (!r) return json_error(r.error());
    return json_response(to_json(*r));
  });
  auto save_programme = [&org](Request& req, Id id) {
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    Programme p;
    p.id = id;
    if (auto e = decode_programme(*body, p)) return json_error(*e);
    return respond_id(org.save_programme(*req.actor, p), id ? 200 : 201);
  };
  router.add("POST", "/api/v1/programmes", Auth::session, true,
             [save_programme](Request& req) { return save_programme(req, 0); });
  router.add("PUT", "/api/v1/programmes/{id}", Auth::session, true, [save_programme](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Insatsen finns inte."));
    return save_programme(req, *id);
  });

  auto save_track = [&org](Request& req, Id track_id) {
    auto pid = parse_id(req.params["id"]);
    if (!pid) return json_error(not_found("Insatsen finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    Track t;
    t.id = track_id;
    t.programme_id = *pid;
    if (auto e = decode_track(*body, t)) return json_error(*e);
    return respond_id(org.save_track(*req.actor, t), track_id ? 200 : 201);
  };
  router.add("POST", "/api/v1/programmes/{id}/tracks", Auth::session, true,
             [save_track](Request& req) { return save_track(req, 0); });
  router.add("PUT", "/api/v1/programmes/{id}/tracks/{track_id}", Auth::session, true, [save_track](Request& req) {
    auto tid = parse_id(req.params["track_id"]);
    if (!tid) return json_error(not_found("Inriktningen finns inte."));
    return save_track(req, *tid);
  });

  router.add("POST", "/api/v1/programmes/{id}/units", Auth::session, true, [&services, &org](Request& req) {
    auto pid = parse_id(req.params["id"]);
    if (!pid) return json_error(not_found("Insatsen finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    app::UnitInput u;
    u.programme_id = *pid;
    if (auto e = decode_unit(*body, lookups_for(services, *req.actor), u)) return json_error(*e);
    return respond_id(org.save_unit(*req.actor, u), 201);
  });
  router.add("GET", "/api/v1/units/{id}", Auth::session, true, [&org](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Länsdelen finns inte."));
    auto r = org.unit(*req.actor, *id);
    if (!r) return json_error(r.error());
    return json_response(to_json(*r));
  });
  router.add("PUT", "/api/v1/units/{id}", Auth::session, true, [&services, &org](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Länsdelen finns inte."));
    auto existing = org.unit(*req.actor, *id);
    if (!existing) return json_error(existing.error());
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    app::UnitInput u;
    u.id = *id;
    u.programme_id = existing->programme_id;
    if (auto e = decode_unit(*body, lookups_for(services, *req.actor), u)) return json_error(*e);
    if (!body->contains("municipalities"))  // absent: keep them; an empty list clears them
      for (const auto& m : existing->municipalities) u.municipality_ids.push_back(m.id);
    return respond_id(org.save_unit(*req.actor, u), 200);
  });
}

}  // namespace stegvis::http
