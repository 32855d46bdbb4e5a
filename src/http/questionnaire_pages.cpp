// The questionnaire pages (issue #9): the list with the import of a shipped or
// pasted JSON, a questionnaire with its items (edited in a form of rows), its
// rounds and the form for a new round, the one-time links with a QR code each
// (shown once), and a round's results with the chart and the tables.
#include <set>

#include "app/questionnaire_import.hpp"
#include "app/questionnaire_results.hpp"
#include "app/referral_service.hpp"
#include "http/errors.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"
#include "http/questionnaire_json.hpp"
#include "http/request_decoders.hpp"
#include "reports/qr_svg.hpp"
#include "reports/swedish_format.hpp"

namespace stegvis::http {
namespace {

constexpr int kBlankRows = 4;

json group_options(const std::string& selected) {
  json out = json::array();
  for (const auto& g : respondent_groups())
    out.push_back({{"value", g}, {"label", respondent_group_label(g)}, {"selected", g == selected}});
  return out;
}

json item_rows(const std::vector<QuestionItem>& items) {
  json rows = json::array();
  auto row = [&](const QuestionItem& i, bool blank) {
    json r{{"key", i.key}, {"text", i.text}, {"min", blank ? "" : std::to_string(i.min)},
           {"max", blank ? "" : std::to_string(i.max)}, {"min_label", i.min_label}, {"max_label", i.max_label},
           {"required", i.required}};
    for (const char* k : {"scale", "frequency", "text"}) r[std::string("is_") + k] = !blank && to_code(i.kind) == k;
    rows.push_back(r);
  };
  for (const auto& i : items) row(i, false);
  for (int k = 0; k < kBlankRows; ++k) row(QuestionItem{}, true);
  int n = 0;
  for (auto& r : rows) r["n"] = ++n;
  return rows;
}

// The rows of the form: blank rows are left out, a new row gets the first free id "fN".
QuestionnaireDraft read_form(const Request& req) {
  QuestionnaireDraft d{req.form_value("name"), req.form_value("group"), req.form_value("description"), {}};
  std::map<std::string, std::vector<std::string>> cols;
  for (const auto& [k, v] : req.form()) cols[k].push_back(v);
  auto col = [&](const char* k, std::size_t i) { return i < cols[k].size() ? cols[k][i] : std::string(); };
  std::set<std::string> used(cols["item_key"].begin(), cols["item_key"].end());
  int next = 1;
  for (std::size_t i = 0; i < cols["item_text"].size(); ++i) {
    QuestionItem it;
    it.text = col("item_text", i);
    if (it.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    it.key = col("item_key", i);
    while (it.key.empty()) {
      std::string k = "f" + std::to_string(next++);
      if (used.insert(k).second) it.key = k;
    }
    it.kind = item_kind_from_code(col("item_kind", i)).value_or(ItemKind::scale);
    auto num = [](const std::string& s, int fallback) {
      if (s.empty() || s.size() > 3 || s.find_first_not_of("0123456789") != std::string::npos) return fallback;
      return std::stoi(s);
    };
    it.min = num(col("item_min", i), 1);
    it.max = num(col("item_max", i), 5);
    it.min_label = col("item_min_label", i);
    it.max_label = col("item_max_label", i);
    it.required = col("item_required", i) == "1";
    d.items.push_back(std::move(it));
  }
  return d;
}

Response list_page(app::Services& services, PageRenderer& pages, const Request& req, const Error* error,
                   const std::string& pasted) {
  auto r = services.questionnaires.list(*req.actor);
  if (!r) return error_response(pages, req, r.error());
  json items = json::array();
  for (const auto& q : *r) items.push_back(questionnaire_json(q, false));
  json shipped = json::array();
  for (const auto& s : app::shipped_questionnaires()) {
    auto d = app::shipped_draft(s.file);
    shipped.push_back({{"file", s.file}, {"name", d.name + " (" + respondent_group_label(d.group) + ")"}});
  }
  json view{{"title", pages.text(req, "quest_title")}, {"items", items}, {"has_items", !items.empty()},
            {"may_manage", app::QuestionnaireService::may_manage(*req.actor)}, {"shipped", shipped},
            {"pasted", pasted}};
  if (error) view["error"] = error->message;
  return pages.render_json(req, "quest_list", view, error ? status_for(error->code) : 200);
}

Response edit_page(app::Services& services, PageRenderer& pages, const Request& req, const QuestionnaireDraft& d,
                   const Error* error) {
  (void)services;
  json view{{"title", pages.text(req, "quest_new")}, {"name", d.name}, {"description", d.description},
            {"groups", group_options(d.group)}, {"rows", item_rows(d.items)}, {"action", "/enkater"}};
  if (error) view["error"] = error->message;
  return pages.render_json(req, "quest_edit", view, error ? status_for(error->code) : 200);
}

Response questionnaire_page(app::Services& services, PageRenderer& pages, const Request& req, Id id,
                            const QuestionnaireDraft* entered, const Error* error, const app::RoundInput* round_in,
                            const Error* round_error) {
  auto r = services.questionnaires.get(*req.actor, id);
  if (!r) return error_response(pages, req, r.error());
  const auto& q = r->questionnaire;
  json view = questionnaire_json(q, true);
  view["title"] = q.name;
  // The API gives the kind as a code; the page names it in the reader's language.
  for (auto& item : view["items"]) item["kind"] = pages.text(req, "quest_kind_" + item["kind"].get<std::string>());
  if (q.description.empty()) view["description"] = false;
  json rounds = json::array();
  for (const auto& v : r->rounds) {
    json j = round_json(v);
    j["state_label"] = pages.text(req, "quest_state_" + to_code(v.state));
    j["scope"] = v.unit.empty() ? v.programme : v.unit;
    j["questionnaire_id"] = q.id;
    rounds.push_back(j);
  }
  view["rounds"] = rounds;
  view["has_rounds"] = !rounds.empty();
  view["may_manage"] = r->may_manage;
  const QuestionnaireDraft shown = entered ? *entered : QuestionnaireDraft{q.name, q.group, q.description, q.items};
  view["form"] = {{"name", shown.name}, {"description", shown.description}, {"groups", group_options(shown.group)},
                  {"rows", item_rows(shown.items)}, {"action", "/enkater/" + std::to_string(id)}};
  if (error) view["error"] = error->message;
  // The units the actor may open a round for (the whole programme too for the insatsansvarig).
  json scopes = json::array();
  auto programmes = services.organisation.programmes(*req.actor);
  for (const auto& p : programmes ? *programmes : std::vector<Programme>{}) {
    if (app::QuestionnaireService::may_manage_round(*req.actor, std::nullopt))
      scopes.push_back({{"value", "p" + std::to_string(p.id)}, {"label", p.name}});
    for (const auto& u : p.units)
      if (app::QuestionnaireService::may_manage_round(*req.actor, u.id))
        scopes.push_back({{"value", "u" + std::to_string(u.id)}, {"label", p.name + " – " + u.name},
                          {"selected", round_in && round_in->unit_id == u.id}});
  }
  view["scopes"] = scopes;
  view["may_open_round"] = !scopes.empty();
  std::string today = app::today_string(services.env);
  view["opens"] = round_in ? round_in->opens : today;
  view["closes"] = round_in ? round_in->closes : to_string(add_days(*parse_date(today), 21));
  view["invitations"] = round_in ? round_in->invitations : 10;
  if (round_error) view["round_error"] = round_error->message;
  int status = error ? status_for(error->code) : round_error ? status_for(round_error->code) : 200;
  return pages.render_json(req, "quest_page", view, status);
}

app::RoundInput read_round_form(const Request& req) {
  app::RoundInput in;
  std::string scope = req.form_value("scope");
  if (scope.size() > 1 && scope[0] == 'u') in.unit_id = form_id(scope.substr(1));
  if (scope.size() > 1 && scope[0] == 'p') in.programme_id = form_id(scope.substr(1));
  in.opens = req.form_value("opens");
  in.closes = req.form_value("closes");
  std::string n = req.form_value("invitations");
  in.invitations = !n.empty() && n.size() < 6 && n.find_first_not_of("0123456789") == std::string::npos ? std::stoi(n) : 0;
  return in;
}

std::string mean_text(const std::optional<double>& m) {
  if (!m) return "–";
  return reports::format_number_sv(static_cast<double>(static_cast<long long>(*m * 100 + 0.5)) / 100.0, true);
}

Response results_page(app::Services& services, PageRenderer& pages, const Request& req, Id id) {
  std::optional<Id> round;
  if (auto r = req.query_value("round"); !r.empty()) {
    round = parse_id(r);
    if (!round) return pages.error_page(req, 404, pages.text(req, "not_found"));
  }
  auto v = services.questionnaires.results(*req.actor, id, round);
  if (!v) return error_response(pages, req, v.error());
  auto doc = app::results_document(*v);
  json view{{"title", pages.text(req, "quest_results") + " – " + v->questionnaire.name},
            {"questionnaire", {{"id", id}, {"name", v->questionnaire.name}}},
            {"subtitle", doc.subtitle},
            {"suppressed", v->results.suppressed},
            {"round_id", v->round.round.id}};
  json rounds = json::array();
  for (const auto& r : v->rounds)
    rounds.push_back({{"id", r.round.id},
                      {"label", r.round.opens + " – " + r.round.closes + " · " + (r.unit.empty() ? r.programme : r.unit) +
                                    " · " + std::to_string(r.round.responses) + " svar"},
                      {"selected", r.round.id == v->round.round.id}});
  view["rounds"] = rounds;
  json items = json::array();
  for (std::size_t i = 0; i < v->results.items.size(); ++i) {
    const auto& ir = v->results.items[i];
    if (ir.item.kind == ItemKind::text) continue;
    std::optional<double> prev;
    if (v->previous)
      for (const auto& p : v->previous->results.items)
        if (p.item.key == ir.item.key && !v->previous->results.suppressed) prev = p.mean;
    json dist = json::array();
    for (const auto& [value, n] : ir.distribution) {
      std::string label = value_label(ir.item, value);
      dist.push_back({{"value", value}, {"label", label}, {"count", n}});
    }
    items.push_back({{"n", i + 1}, {"text", ir.item.text}, {"suppressed", ir.suppressed}, {"count", ir.count},
                     {"mean", mean_text(ir.mean)}, {"previous", mean_text(prev)},
                     {"change", ir.mean && prev ? mean_text(*ir.mean - *prev) : "–"}, {"distribution", dist}});
  }
  view["items"] = items;
  view["has_previous"] = v->previous.has_value();
  if (v->previous)
    view["previous_label"] = v->previous->round.round.opens + " – " + v->previous->round.round.closes + " (" +
                             std::to_string(v->previous->results.responses) + " svar)";
  view["chart"] = reports::chart_json(app::results_chart(*v));
  json tables = json::array();
  for (const auto& t : doc.tables) {
    if (t.sheet != "Länsdelar") continue;  // the units' comparison; the rest is drawn above
    json rows = json::array();
    for (const auto& r : t.rows) {
      json cells = json::array();
      for (const auto& c : r) cells.push_back(reports::cell_text_sv(c, true));
      rows.push_back({{"cells", cells}});
    }
    tables.push_back({{"title", t.title}, {"headings", t.headings}, {"rows", rows}, {"note", t.note}});
  }
  view["unit_tables"] = tables;
  json texts = json::array();
  for (const auto& f : v->free_texts) {
    std::string statement;
    for (const auto& i : v->items)
      if (i.key == f.item_key) statement = i.text;
    if (texts.empty() || texts.back()["statement"] != statement)
      texts.push_back({{"statement", statement}, {"answers", json::array()}});
    texts.back()["answers"].push_back(f.text);
  }
  view["has_free_texts"] = !texts.empty();
  view["free_texts"] = texts;
  std::string q = "?round=" + std::to_string(v->round.round.id);
  view["xlsx_href"] = "/api/v1/questionnaires/" + std::to_string(id) + "/results.xlsx" + q;
  view["pdf_href"] = "/api/v1/questionnaires/" + std::to_string(id) + "/results.pdf" + q;
  return pages.render_json(req, "quest_results", view);
}

}  // namespace

void add_questionnaire_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/enkater", Auth::session, false,
             [&services, &pages](Request& req) { return list_page(services, pages, req, nullptr, ""); });

  router.add("GET", "/enkater/ny", Auth::session, false, [&services, &pages](Request& req) {
    if (!app::QuestionnaireService::may_manage(*req.actor)) {
      auto denied = services.questionnaires.create(*req.actor, {});  // audits the denial
      if (!denied) return error_response(pages, req, denied.error());
    }
    return edit_page(services, pages, req, {"", "insatspersonal", "", {}}, nullptr);
  });

  router.add("POST", "/enkater", Auth::session, false, [&services, &pages](Request& req) {
    auto d = read_form(req);
    auto r = services.questionnaires.create(*req.actor, d);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden) return error_response(pages, req, r.error());
      return edit_page(services, pages, req, d, &r.error());
    }
    return Response::redirect("/enkater/" + std::to_string(r->id));
  });

  router.add("POST", "/enkater/import", Auth::session, false, [&services, &pages](Request& req) {
    std::string text = req.form_value("json");
    const std::string file = req.form_value("shipped");
    QuestionnaireDraft d;
    if (!file.empty()) {
      for (const auto& s : app::shipped_questionnaires())
        if (s.file == file) text = s.json;
    }
    auto body = parse_object(text);
    if (!body) return list_page(services, pages, req, &body.error(), text);
    if (auto e = decode_questionnaire(*body, d)) return list_page(services, pages, req, &*e, text);
    auto r = services.questionnaires.create(*req.actor, d);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden) return error_response(pages, req, r.error());
      return list_page(services, pages, req, &r.error(), text);
    }
    return Response::redirect("/enkater/" + std::to_string(r->id));
  });

  router.add("GET", "/enkater/{id}", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return questionnaire_page(services, pages, req, *id, nullptr, nullptr, nullptr, nullptr);
  });

  router.add("POST", "/enkater/{id}", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto d = read_form(req);
    auto r = services.questionnaires.update(*req.actor, *id, d);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      return questionnaire_page(services, pages, req, *id, &d, &r.error(), nullptr, nullptr);
    }
    return Response::redirect("/enkater/" + std::to_string(*id));
  });

  // The links are shown once, here: only their hashes are stored.
  router.add("POST", "/enkater/{id}/omgangar", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto in = read_round_form(req);
    auto r = services.questionnaires.create_round(*req.actor, *id, in);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      return questionnaire_page(services, pages, req, *id, nullptr, nullptr, &in, &r.error());
    }
    auto q = services.questionnaires.get(*req.actor, *id);
    json links = json::array();
    int n = 0;
    for (const auto& t : r->tokens) {
      std::string link = answer_link(req, t);
      links.push_back({{"n", ++n}, {"link", link}, {"qr", reports::qr_svg_data_uri(link)}});
    }
    json view{{"title", pages.text(req, "quest_links_title")},
              {"questionnaire", {{"id", *id}, {"name", q ? q->questionnaire.name : ""}}},
              {"opens", in.opens},
              {"closes", in.closes},
              {"links", links}};
    return pages.render_json(req, "quest_links", view, 201);
  });

  router.add("GET", "/enkater/{id}/resultat", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return results_page(services, pages, req, *id);
  });
}

}  // namespace stegvis::http
