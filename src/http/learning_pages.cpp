// The pages of issue #9: the programme catalogue (search box, filters,
// results), a card per programme with the live figures of this
// installation's own programmes, the editors' form, and the strategy action
// programmes with progress per goal and a status form per item. The
// catalogue is shown to visitors without login when public_catalogue is on.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "app/referral_service.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"

namespace stegvis::http {

void add_lasting_effect_pages(Router& router, app::Services& services, PageRenderer& pages);

namespace {

constexpr int kPageSize = 20;
// Keywords the target-group filter offers; any other word works through the API.
constexpr const char* kTargetGroups[] = {"unga", "nyanlända", "funktionsnedsättning", "psykisk", "sjukpenning",
                                         "försörjningsstöd"};

json opt(const std::string& s) { return s.empty() ? json(false) : json(s); }

std::string period_text(const CatalogueEntry& e) {
  if (e.period_start.empty() && e.period_end.empty()) return "";
  return e.period_start + " – " + e.period_end;
}

json entry_view(const CatalogueEntry& e) {
  return {{"id", e.id}, {"name", e.name}, {"association", opt(e.association)}, {"county", opt(e.county)},
          {"owner_provider", opt(e.owner_provider)}, {"financing", opt(e.financing)}, {"period", opt(period_text(e))},
          {"purpose", opt(e.purpose)}, {"target_group", opt(e.target_group)}, {"places", opt(e.places)},
          {"goals", opt(e.goals)}, {"results", opt(e.results)}, {"contact", opt(e.contact)},
          {"source_note", opt(e.source_note)}, {"own", e.programme_id.has_value()},
          {"programme_id", e.programme_id ? json(*e.programme_id) : json(false)}};
}

std::string url_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out += static_cast<char>(c);
    else out += std::string("%") + hex[c >> 4] + hex[c & 15];
  }
  return out;
}

const app::Actor* actor_of(const Request& req) { return req.actor ? &*req.actor : nullptr; }

Response need_login() { return Response::redirect("/login?next=/katalog"); }

Response catalogue_page(app::Services& services, PageRenderer& pages, const Request& req) {
  app::CatalogueSearch in{req.query_value("q"), req.query_value("target_group"), req.query_value("county"), "",
                          kPageSize, 0};
  const bool active = !req.query_value("active").empty();
  if (active) in.active_on = app::today_string(services.env);
  int page = std::max(1, std::min(1000, std::atoi(req.query_value("page").c_str())));
  in.offset = (page - 1) * kPageSize;
  auto r = services.catalogue.search(actor_of(req), in);
  if (!r && r.error().code == ErrorCode::unauthenticated) return need_login();
  if (!r && r.error().code != ErrorCode::invalid_input) return error_response(pages, req, r.error());
  json view{{"title", pages.text(req, "cat_title")}, {"q", in.q}, {"active", active},
            {"may_edit", req.actor && app::CatalogueService::may_edit(*req.actor)}};
  json groups = json::array({{{"value", ""}, {"label", pages.text(req, "cat_any_target_group")}, {"selected", in.target_group.empty()}}});
  for (const char* g : kTargetGroups) groups.push_back({{"value", g}, {"label", g}, {"selected", in.target_group == g}});
  view["target_groups"] = groups;
  json counties = json::array({{{"value", ""}, {"label", pages.text(req, "cat_any_county")}, {"selected", in.county.empty()}}});
  json items = json::array();
  if (!r) {
    view["error"] = r.error().message;
    // The filters stay usable beside the message.
    if (auto all = services.catalogue.search(actor_of(req), {"", "", "", "", 1, 0}))
      for (const auto& c : all->counties) counties.push_back({{"value", c}, {"label", c}, {"selected", in.county == c}});
  } else {
    for (const auto& c : r->counties) counties.push_back({{"value", c}, {"label", c}, {"selected", in.county == c}});
    for (const auto& e : r->items) items.push_back(entry_view(e));
    view["total"] = r->total;
    std::string base = "/katalog?q=" + url_encode(in.q) + "&target_group=" + url_encode(in.target_group) +
                       "&county=" + url_encode(in.county) + (active ? "&active=1" : "") + "&page=";
    if (page > 1) view["prev_href"] = base + std::to_string(page - 1);
    if (in.offset + kPageSize < r->total) view["next_href"] = base + std::to_string(page + 1);
  }
  view["counties"] = counties;
  view["items"] = items;
  view["has_items"] = !items.empty();
  return pages.render_json(req, "cat_list", view);
}

Response card_page(app::Services& services, PageRenderer& pages, const Request& req, Id id) {
  auto r = services.catalogue.card(actor_of(req), id);
  if (!r && r.error().code == ErrorCode::unauthenticated) return need_login();
  if (!r) return error_response(pages, req, r.error());
  json view{{"title", r->entry.name}, {"e", entry_view(r->entry)}, {"active_today", r->active_today},
            {"logged_in", req.actor.has_value()},
            {"may_edit", req.actor && app::CatalogueService::may_edit(*req.actor)},
            {"saved", !req.query_value("saved").empty()}};
  if (r->figures) {
    auto f = [](int n) { return n < 0 ? json("<5") : json(n); };
    view["figures"] = {{"active", f(r->figures->active)}, {"started", f(r->figures->started_this_year)},
                       {"exited", f(r->figures->exited_this_year)}};
  }
  return pages.render_json(req, "cat_card", view);
}

CatalogueEntry read_entry_form(const Request& req) {
  CatalogueEntry e;
  e.name = req.form_value("name");
  e.association = req.form_value("association");
  e.county = req.form_value("county");
  e.owner_provider = req.form_value("owner_provider");
  e.financing = req.form_value("financing");
  e.period_start = req.form_value("period_start");
  e.period_end = req.form_value("period_end");
  e.purpose = req.form_value("purpose");
  e.target_group = req.form_value("target_group");
  e.places = req.form_value("places");
  e.goals = req.form_value("goals");
  e.results = req.form_value("results");
  e.contact = req.form_value("contact");
  e.programme_id = form_id(req.form_value("programme_id"));
  return e;
}

Response form_page(app::Services& services, PageRenderer& pages, const Request& req, const CatalogueEntry& e,
                   const Error* error) {
  auto programmes = services.organisation.programmes(*req.actor);
  json view{{"title", pages.text(req, e.id ? "cat_edit" : "cat_new")},
            {"e", {{"id", e.id}, {"name", e.name}, {"association", e.association}, {"county", e.county},
                   {"owner_provider", e.owner_provider}, {"financing", e.financing}, {"period_start", e.period_start},
                   {"period_end", e.period_end}, {"purpose", e.purpose}, {"target_group", e.target_group},
                   {"places", e.places}, {"goals", e.goals}, {"results", e.results}, {"contact", e.contact}}},
            {"action", e.id ? "/katalog/" + std::to_string(e.id) : std::string("/katalog")},
            {"programmes", options(programmes ? *programmes : std::vector<Programme>{}, e.programme_id,
                                   pages.text(req, "cat_no_programme"))}};
  if (error) {
    view["error"] = error->message;
    view["error_" + error->field] = true;
  }
  return pages.render_json(req, "cat_form", view, error ? status_for(error->code) : 200);
}

Response save_entry(app::Services& services, PageRenderer& pages, Request& req, Id id) {
  CatalogueEntry e = read_entry_form(req);
  e.id = id;
  if (id) {  // fields the form does not show are kept
    auto old = services.catalogue.entry_for_edit(*req.actor, id);
    if (!old) return error_response(pages, req, old.error());
    e.source_note = old->source_note;
  }
  auto r = services.catalogue.save(*req.actor, e);
  if (!r) {
    if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
      return error_response(pages, req, r.error());
    return form_page(services, pages, req, e, &r.error());
  }
  return Response::redirect("/katalog/" + std::to_string(*r) + "?saved=1");
}

json progress_view(const GoalProgress& p) {
  return {{"items", p.items}, {"done", p.done}, {"ongoing", p.ongoing}, {"not_started", p.not_started},
          {"done_pct", static_cast<int>(std::lround(p.done_pct))},
          {"ongoing_pct", static_cast<int>(std::lround(p.ongoing_pct))}};
}

Response strategy_page(app::Services& services, PageRenderer& pages, const Request& req, Id id, const Error* error,
                       Id error_item) {
  auto s = services.strategies.strategy(*req.actor, id);
  if (!s) return error_response(pages, req, s.error());
  const bool may_edit = app::StrategyService::may_edit(*req.actor);
  json goals = json::array();
  for (const auto& g : s->goals) {
    json items = json::array();
    for (const auto& i : g.items) {
      json statuses = json::array();
      for (const auto& st : strategy_statuses())
        statuses.push_back({{"value", st}, {"label", strategy_status_label(st)}, {"selected", st == i.status}});
      json notes = json::array();
      for (auto it = i.notes.rbegin(); it != i.notes.rend(); ++it)
        notes.push_back({{"date", it->date}, {"status", strategy_status_label(it->status)}, {"text", opt(it->text)},
                         {"by", it->by}});
      json item{{"id", i.id}, {"number", std::to_string(g.number) + "." + std::to_string(i.position)},
                {"focus_area", i.focus_area}, {"actors", i.actors}, {"initiators", i.initiators},
                {"status", i.status}, {"status_label", strategy_status_label(i.status)},
                {"responsible", i.responsible}, {"responsible_shown", opt(i.responsible)}, {"statuses", statuses}, {"notes", notes},
                {"has_notes", !notes.empty()}, {"is_" + i.status, true}};
      if (error && error_item == i.id) item["error"] = error->message;
      items.push_back(item);
    }
    json goal{{"number", g.number}, {"title", g.title}, {"items", items}, {"progress", progress_view(goal_progress(g))}};
    goals.push_back(goal);
  }
  std::string base = "/api/v1/strategies/" + std::to_string(id);
  json view{{"title", s->name}, {"s", {{"id", s->id}, {"name", s->name}, {"owner", s->owner},
                                        {"period", s->period_start.substr(0, 4) + "–" + s->period_end.substr(0, 4)}}},
            {"progress", progress_view(strategy_progress(*s))}, {"goals", goals}, {"may_edit", may_edit},
            {"pdf_href", base + ".pdf"}, {"xlsx_href", base + ".xlsx"},
            {"saved", !req.query_value("saved").empty()}};
  return pages.render_json(req, "strat_page", view, error ? status_for(error->code) : 200);
}

}  // namespace

void add_learning_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/katalog", Auth::optional, false,
             [&services, &pages](Request& req) { return catalogue_page(services, pages, req); });
  router.add("GET", "/katalog/ny", Auth::session, false, [&services, &pages](Request& req) {
    if (!app::CatalogueService::may_edit(*req.actor)) {
      auto denied = services.catalogue.entry_for_edit(*req.actor, 0);  // the denial is audited there
      return error_response(pages, req, denied.error());
    }
    return form_page(services, pages, req, CatalogueEntry{}, nullptr);
  });
  router.add("POST", "/katalog", Auth::session, false,
             [&services, &pages](Request& req) { return save_entry(services, pages, req, 0); });
  router.add("GET", "/katalog/{id}", Auth::optional, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return card_page(services, pages, req, *id);
  });
  router.add("GET", "/katalog/{id}/andra", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto e = services.catalogue.entry_for_edit(*req.actor, *id);
    if (!e) return error_response(pages, req, e.error());
    return form_page(services, pages, req, *e, nullptr);
  });
  router.add("POST", "/katalog/{id}", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return save_entry(services, pages, req, *id);
  });

  router.add("GET", "/strategier", Auth::session, false, [&services, &pages](Request& req) {
    auto list = services.strategies.list(*req.actor);
    if (!list) return error_response(pages, req, list.error());
    if (list->size() == 1) return Response::redirect("/strategier/" + std::to_string(list->front().id));
    json items = json::array();
    for (const auto& s : *list)
      items.push_back({{"id", s.id}, {"name", s.name}, {"owner", s.owner}, {"period_start", s.period_start},
                       {"period_end", s.period_end}});
    return pages.render_json(req, "strat_list", {{"title", pages.text(req, "strat_title")}, {"items", items},
                                                  {"has_items", !items.empty()}});
  });
  router.add("GET", "/strategier/{id}", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return strategy_page(services, pages, req, *id, nullptr, 0);
  });
  router.add("POST", "/strategier/{id}/punkter/{item_id}", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    auto item = parse_id(req.params["item_id"]);
    if (!id || !item) return pages.error_page(req, 404, pages.text(req, "not_found"));
    app::ItemUpdate in{req.form_value("status"), req.form_value("responsible"), req.form_value("note"), true};
    auto r = services.strategies.update_item(*req.actor, *id, *item, in);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      return strategy_page(services, pages, req, *id, &r.error(), *item);
    }
    return Response::redirect("/strategier/" + std::to_string(*id) + "?saved=1#punkt-" + std::to_string(*item));
  });
  add_lasting_effect_pages(router, services, pages);
}

}  // namespace stegvis::http
