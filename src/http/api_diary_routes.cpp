// /api/v1 staff diaries and the annual report (api.md "Governance and learning").
#include "domain/vocabulary.hpp"
#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/money_json.hpp"
#include "http/questionnaire_json.hpp"
#include "http/report_json.hpp"
#include "http/request_decoders.hpp"

namespace stegvis::http {
namespace {

json diary_json(const DiaryEntry& e, bool with_author) {
  json out{{"id", e.id}, {"week", e.week}, {"text", e.text}, {"themes", e.themes},
           {"for_annual_report", e.for_annual_report}};
  if (with_author) out["author"] = e.author_name;
  return out;
}

std::optional<int> year_param(const Request& req, std::string& error) {
  std::string y = req.query_value("year");
  if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos) {
    error = "Ange året som fyra siffror, till exempel ?year=2025.";
    return std::nullopt;
  }
  return std::stoi(y);
}

}  // namespace

json annual_report_json(const app::AnnualReport& r) {
  json period = period_report_json(r.period);
  json activity = json::array();
  for (const auto& a : r.activity_plan) activity.push_back(to_json(a));
  json themes = json::object();
  for (const auto& [t, n] : r.diary_themes) themes[t] = n;
  json marked = json::array();
  for (const auto& e : r.marked) marked.push_back(diary_json(e, false));
  json surveys = json::array();
  for (const auto& s : r.surveys) {
    json j = round_results_json(s.results);
    j["questionnaire"] = {{"id", s.questionnaire_id}, {"name", s.questionnaire}};
    j["round"] = {{"id", s.round_id}, {"unit", s.unit.empty() ? json(nullptr) : json(s.unit)}, {"closes", s.closes}};
    surveys.push_back(j);
  }
  json sections = json::object();
  for (const auto& [code, title] : app::annual_section_titles()) {
    auto it = r.sections.texts.find(code);
    sections[code] = {{"title", title}, {"text", it == r.sections.texts.end() ? "" : it->second}};
  }
  return {{"year", r.year},
          {"programme_id", r.period.programme.id},
          {"volumes", period.contains("groups") ? json{{"by_gender", period["groups"]}, {"total", period["total"]}} : period},
          {"outcomes", period.contains("total") && period["total"].contains("exits_by_outcome")
                           ? period["total"]["exits_by_outcome"] : json::object()},
          {"targets", period.contains("total") && period["total"].contains("targets") ? period["total"]["targets"]
                                                                                       : json::array()},
          {"suppressed", r.period.suppressed},
          {"activity_plan", activity},
          {"diary_themes", themes},
          {"diary_marked", marked},
          {"economy", r.economy ? economy_json(*r.economy) : json(nullptr)},
          {"questionnaires", surveys},
          {"sections", sections},
          {"sections_version", r.sections.version ? json(r.sections.version) : json(nullptr)}};
}

void add_diary_routes(Router& router, app::Services& services) {
  router.add("POST", "/api/v1/units/{id}/diary", Auth::session, true, [&services](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Länsdelen finns inte."));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    DiaryInput in;
    in.entry.unit_id = *id;
    if (auto e = decode_diary(*body, in)) return json_error(*e);
    auto r = services.diaries.add(*req.actor, in.entry, in.acknowledge_names);
    if (!r) return json_error(r.error());
    return json_response({{"id", *r}}, 201);
  });

  router.add("GET", "/api/v1/units/{id}/diary", Auth::session, true, [&services](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Länsdelen finns inte."));
    int year = 0;
    if (!req.query_value("year").empty()) {
      std::string error;
      auto y = year_param(req, error);
      if (!y) return json_error(invalid("year", error));
      year = *y;
    }
    auto r = services.diaries.list(*req.actor, *id, year);
    if (!r) return json_error(r.error());
    json items = json::array();
    for (const auto& e : *r) items.push_back(diary_json(e, true));
    return json_list(items, items.size());
  });

  router.add("GET", "/api/v1/programmes/{id}/reports/annual", Auth::session, true, [&services](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Insatsen finns inte."));
    std::string error;
    auto year = year_param(req, error);
    if (!year) return json_error(invalid("year", error));
    auto r = services.annual_reports.build(*req.actor, *id, *year);
    if (!r) return json_error(r.error());
    return json_response(annual_report_json(*r));
  });

  router.add("GET", "/api/v1/programmes/{id}/reports/annual.pdf", Auth::session, true, [&services](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Insatsen finns inte."));
    std::string error;
    auto year = year_param(req, error);
    if (!year) return json_error(invalid("year", error));
    auto r = services.annual_reports.pdf(*req.actor, *id, *year);
    if (!r) return json_error(r.error());
    Response res{200, "application/pdf", std::move(*r), {}};
    res.headers.emplace_back("Content-Disposition",
                             "attachment; filename=\"helarsrapport-" + std::to_string(*year) + ".pdf\"");
    return res;
  });

  router.add("PUT", "/api/v1/programmes/{id}/reports/annual/sections", Auth::session, true, [&services](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Insatsen finns inte."));
    std::string error;
    auto year = year_param(req, error);
    if (!year) return json_error(invalid("year", error));
    auto body = parse_object(req.body);
    if (!body) return json_error(body.error());
    std::map<std::string, std::string> texts;
    if (auto e = decode_annual_sections(*body, texts)) return json_error(*e);
    auto r = services.annual_reports.save_sections(*req.actor, *id, *year, texts);
    if (!r) return json_error(r.error());
    return json_response({{"year", *year}});
  });
}

}  // namespace stegvis::http
