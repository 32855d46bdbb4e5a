// /api/v1 questionnaires (api.md "Governance and learning"): definitions with
// versions and the JSON export, rounds with one-time links, results (and as
// xlsx, pdf), and the anonymous answer endpoints. Handlers translate only.
#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/questionnaire_json.hpp"

namespace stegvis::http {
namespace {

Result<std::optional<Id>> round_param(const Request& req) {
  std::string r = req.query_value("round");
  if (r.empty()) return std::optional<Id>();
  auto id = parse_id(r);
  if (!id) return invalid("round", "\"round\" ska vara omgångens id.");
  return std::optional<Id>(*id);
}

Response results_file(app::Services& services, Request& req, const std::string& format) {
  auto id = parse_id(req.params["id"]);
  if (!id) return json_error(not_found("Enkäten finns inte."));
  auto round = round_param(req);
  if (!round) return json_error(round.error());
  auto r = services.questionnaires.results_file(*req.actor, *id, *round, format);
  if (!r) return json_error(r.error());
  Response res{200,
               format == "pdf" ? "application/pdf"
                               : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               std::move(*r),
               {}};
  res.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"enkatresultat-" + std::to_string(*id) + "." + format + "\"");
  return res;
}

}  // namespace

void add_questionnaire_routes(Router& router, app::Services& services) {
  auto& qs = services.questionnaires;

  router.add("GET", "/api/v1/questionnaires", Auth::session, true, [&qs](Request& req) {
    auto r = qs.list(*req.actor);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& q : *r) items.push_back(questionnaire_json(q, false));
    return json_list(items, items.size());
  });

  router.add("POST", "/api/v1/questionnaires", Auth::session, true, [&qs](Request& req) {
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    QuestionnaireDraft d;
    if (auto e = decode_questionnaire(*body, d)) return json_error(*e);
    auto r = qs.create(*req.actor, d);
    if (!r) return json_error(r.error());
    return json_response({{"id", r->id}, {"version", r->version}}, 201);
  });

  router.add("GET", "/api/v1/questionnaires/{id}", Auth::session, true, [&qs](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Enkäten finns inte."));
    auto r = qs.get(*req.actor, *id);
    if (!r) return json_error(r.error());
    json out = questionnaire_json(r->questionnaire, true);
    json rounds = json::array();
    for (const auto& v : r->rounds) rounds.push_back(round_json(v));
    out["rounds"] = rounds;
    return json_response(out);
  });

  router.add("PUT", "/api/v1/questionnaires/{id}", Auth::session, true, [&qs](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Enkäten finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    QuestionnaireDraft d;
    if (auto e = decode_questionnaire(*body, d)) return json_error(*e);
    auto r = qs.update(*req.actor, *id, d);
    if (!r) return json_error(r.error());
    return json_response({{"id", r->id}, {"version", r->version}, {"new_version", r->new_version}});
  });

  // The importable definition, as a file.
  router.add("GET", "/api/v1/questionnaires/{id}/export.json", Auth::session, true, [&qs](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Enkäten finns inte."));
    auto r = qs.get(*req.actor, *id);
    if (!r) return json_error(r.error());
    json out = questionnaire_json(r->questionnaire, true);
    for (const char* k : {"id", "version", "frozen", "group_label"}) out.erase(k);
    Response res{200, "application/json", out.dump(2), {}};
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"enkat-" + std::to_string(*id) + ".json\"");
    return res;
  });

  router.add("GET", "/api/v1/questionnaires/{id}/rounds", Auth::session, true, [&qs](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Enkäten finns inte."));
    auto r = qs.get(*req.actor, *id);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& v : r->rounds) items.push_back(round_json(v));
    return json_list(items, items.size());
  });

  router.add("POST", "/api/v1/questionnaires/{id}/rounds", Auth::session, true, [&qs](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Enkäten finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    app::RoundInput in;
    if (auto e = decode_survey_round(*body, in)) return json_error(*e);
    auto r = qs.create_round(*req.actor, *id, in);
    if (!r) return json_error(r.error());
    json links = json::array();
    for (const auto& t : r->tokens) links.push_back(answer_link(req, t));
    return json_response({{"id", r->id}, {"tokens", r->tokens}, {"links", links}}, 201);
  });

  router.add("GET", "/api/v1/questionnaires/{id}/results", Auth::session, true, [&qs](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Enkäten finns inte."));
    auto round = round_param(req);
    if (!round) return json_error(round.error());
    auto r = qs.results(*req.actor, *id, *round);
    if (!r) return json_error(r.error());
    return json_response(results_json(*r));
  });
  router.add("GET", "/api/v1/questionnaires/{id}/results.xlsx", Auth::session, true,
             [&services](Request& req) { return results_file(services, req, "xlsx"); });
  router.add("GET", "/api/v1/questionnaires/{id}/results.pdf", Auth::session, true,
             [&services](Request& req) { return results_file(services, req, "pdf"); });

  // Anonymous: the token is the only key. The address is used for the guess throttle only.
  auto& answers = services.answers;
  router.add("GET", "/api/v1/answers/{token}", Auth::none, true, [&answers](Request& req) {
    auto r = answers.form(req.params["token"], req.remote_addr);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& i : r->items) items.push_back(item_json(i));
    return json_response({{"questionnaire", r->name}, {"description", r->description}, {"closes", r->closes},
                          {"items", items}});
  });

  router.add("POST", "/api/v1/answers/{token}", Auth::none, true, [&answers](Request& req) {
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    std::map<std::string, AnswerValue> in;
    if (auto e = decode_answers(*body, in)) return json_error(*e);
    auto r = answers.submit(req.params["token"], in, req.remote_addr);
    if (!r) return json_error(r.error());
    return json_response({{"status", "received"}}, 201);
  });
}

}  // namespace stegvis::http
