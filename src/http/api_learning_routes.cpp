// /api/v1 of issue #9 (api.md "Governance and learning"): the programme
// catalogue (readable without login when the installation's setting is on),
// strategy action programmes with item status and exports, and the lasting
// effect after exit with the consent it needs. Handlers translate only.
#include <cmath>

#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/request_decoders.hpp"

namespace stegvis::http {
namespace {

json entry_json(const CatalogueEntry& e) {
  auto opt = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  return {{"id", e.id},
          {"name", e.name},
          {"association", opt(e.association)},
          {"county", opt(e.county)},
          {"owner_provider", opt(e.owner_provider)},
          {"financing", opt(e.financing)},
          {"period_start", opt(e.period_start)},
          {"period_end", opt(e.period_end)},
          {"purpose", opt(e.purpose)},
          {"target_group", opt(e.target_group)},
          {"places", opt(e.places)},
          {"goals", opt(e.goals)},
          {"results", opt(e.results)},
          {"contact", opt(e.contact)},
          {"source_note", opt(e.source_note)},
          {"programme_id", e.programme_id ? json(*e.programme_id) : json(nullptr)}};
}

json figure(int n) { return n < 0 ? json("<5") : json(n); }

json progress_json(const GoalProgress& p) {
  return {{"items", p.items}, {"done", p.done}, {"ongoing", p.ongoing}, {"not_started", p.not_started},
          {"done_pct", std::round(p.done_pct * 10) / 10}, {"ongoing_pct", std::round(p.ongoing_pct * 10) / 10}};
}

json item_json(const StrategyItem& i) {
  json notes = json::array();
  for (const auto& n : i.notes) notes.push_back({{"date", n.date}, {"status", n.status}, {"text", n.text}, {"by", n.by}});
  return {{"id", i.id}, {"number", i.position}, {"focus_area", i.focus_area}, {"actors", i.actors},
          {"initiators", i.initiators}, {"status", i.status}, {"responsible", i.responsible}, {"notes", notes}};
}

json strategy_json(const Strategy& s) {
  json goals = json::array();
  for (const auto& g : s.goals) {
    json items = json::array();
    for (const auto& i : g.items) items.push_back(item_json(i));
    goals.push_back({{"number", g.number}, {"title", g.title}, {"progress", progress_json(goal_progress(g))}, {"items", items}});
  }
  return {{"id", s.id}, {"name", s.name}, {"owner", s.owner}, {"period_start", s.period_start},
          {"period_end", s.period_end}, {"progress", progress_json(strategy_progress(s))}, {"goals", goals}};
}

std::optional<Error> read_page(const Request& req, const char* name, int& out) {
  auto v = req.query_value(name);
  if (v.empty()) return std::nullopt;
  if (v == "0") { out = 0; return std::nullopt; }
  auto n = parse_id(v);
  if (!n || *n > 100000) return invalid(name, std::string("Parametern ") + name + " ska vara ett heltal från 0.");
  out = static_cast<int>(*n);
  return std::nullopt;
}

Response attachment(Response r, const std::string& name) {
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return r;
}

}  // namespace

void add_learning_routes(Router& router, app::Services& services) {
  auto& catalogue = services.catalogue;
  router.add("GET", "/api/v1/catalogue", Auth::optional, true, [&catalogue](Request& req) {
    app::CatalogueSearch in{req.query_value("q"), req.query_value("target_group"), req.query_value("county"),
                            req.query_value("active_on"), 50, 0};
    if (auto e = read_page(req, "limit", in.limit)) return json_error(*e);
    if (auto e = read_page(req, "offset", in.offset)) return json_error(*e);
    auto r = catalogue.search(req.actor ? &*req.actor : nullptr, in);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& e : r->items) items.push_back(entry_json(e));
    return json_list(items, static_cast<std::size_t>(r->total));
  });
  router.add("GET", "/api/v1/catalogue/{id}", Auth::optional, true, [&catalogue](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Programmet finns inte i katalogen."));
    auto r = catalogue.card(req.actor ? &*req.actor : nullptr, *id);
    if (!r) return json_error(r.error());
    json j = entry_json(r->entry);
    j["active_today"] = r->active_today;
    if (r->figures)
      j["figures"] = {{"active", figure(r->figures->active)},
                      {"started_this_year", figure(r->figures->started_this_year)},
                      {"exited_this_year", figure(r->figures->exited_this_year)}};
    return json_response(j);
  });
  auto save = [&catalogue](Request& req, Id id) {
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    CatalogueEntry e;
    if (auto err = decode_catalogue_entry(*body, e)) return json_error(*err);
    e.id = id;
    auto r = catalogue.save(*req.actor, e);
    if (!r) return json_error(r.error());
    return json_response({{"id", *r}}, id == 0 ? 201 : 200);
  };
  router.add("POST", "/api/v1/catalogue", Auth::session, true, [save](Request& req) { return save(req, 0); });
  router.add("PUT", "/api/v1/catalogue/{id}", Auth::session, true, [save](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Programmet finns inte i katalogen."));
    return save(req, *id);
  });

  auto& strategies = services.strategies;
  router.add("GET", "/api/v1/strategies", Auth::session, true, [&strategies](Request& req) {
    auto r = strategies.list(*req.actor);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& s : *r)
      items.push_back({{"id", s.id}, {"name", s.name}, {"owner", s.owner}, {"period_start", s.period_start},
                       {"period_end", s.period_end}});
    return json_list(items, r->size());
  });
  // …/{id}, …/{id}.pdf and …/{id}.xlsx (the router binds whole segments).
  router.add("GET", "/api/v1/strategies/{id}", Auth::session, true, [&strategies](Request& req) {
    std::string raw = req.params["id"];
    auto ends = [&](const std::string& ext) {
      return raw.size() > ext.size() && raw.compare(raw.size() - ext.size(), ext.size(), ext) == 0;
    };
    const std::string ext = ends(".pdf") ? ".pdf" : ends(".xlsx") ? ".xlsx" : "";
    auto id = parse_id(raw.substr(0, raw.size() - ext.size()));
    if (!id) return json_error(not_found("Handlingsprogrammet finns inte."));
    if (ext.empty()) {
      auto r = strategies.strategy(*req.actor, *id);
      if (!r) return json_error(r.error());
      return json_response(strategy_json(*r));
    }
    auto r = ext == ".pdf" ? strategies.pdf(*req.actor, *id) : strategies.xlsx(*req.actor, *id);
    if (!r) return json_error(r.error());
    const char* type = ext == ".pdf" ? "application/pdf"
                                     : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return attachment(Response{200, type, std::move(*r), {}}, "handlingsprogram-" + std::to_string(*id) + ext);
  });
  router.add("PUT", "/api/v1/strategies/{id}/items/{item_id}", Auth::session, true, [&strategies](Request& req) {
    auto id = parse_id(req.params["id"]);
    auto item = parse_id(req.params["item_id"]);
    if (!id || !item) return json_error(not_found("Punkten finns inte i handlingsprogrammet."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    app::ItemUpdate in;
    if (auto e = decode_strategy_item(*body, in)) return json_error(*e);
    auto r = strategies.update_item(*req.actor, *id, *item, in);
    if (!r) return json_error(r.error());
    return json_response(item_json(*r));
  });

  auto& lasting = services.lasting_effects;
  router.add("POST", "/api/v1/enrolments/{id}/contact-after-exit", Auth::session, true, [&lasting](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Inskrivningen finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    ContactAfterExitInput in;
    if (auto e = decode_contact_after_exit(*body, in)) return json_error(*e);
    auto r = lasting.set_contact_after_exit(*req.actor, *id, in.given, in.date);
    if (!r) return json_error(r.error());
    return json_response({{"contact_after_exit", in.given}});
  });
  router.add("POST", "/api/v1/enrolments/{id}/lasting-effect", Auth::session, true, [&lasting](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Inskrivningen finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    LastingEffect e;
    if (auto err = decode_lasting_effect(*body, e)) return json_error(*err);
    auto r = lasting.record(*req.actor, *id, e);
    if (!r) return json_error(r.error());
    return json_response({{"months", e.months}, {"status", e.status}}, 201);
  });
}

}  // namespace stegvis::http
