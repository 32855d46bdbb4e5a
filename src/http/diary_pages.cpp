// A unit's staff diary (veckodagbok): this year's entries and a form for a
// new one; a personal number is refused beside the field, a participant's
// name asks for confirmation. And the annual report page, where the
// insatsansvarig reads the year's figures and writes the text sections.
#include <cmath>
#include <ctime>

#include "app/diary_service.hpp"
#include "app/referral_service.hpp"
#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"
#include "reports/money_documents.hpp"
#include "reports/period_report_document.hpp"
#include "reports/swedish_format.hpp"

namespace stegvis::http {
namespace {

std::string current_week(std::int64_t now) {
  std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[12];
  std::strftime(buf, sizeof buf, "%G-W%V", &tm);
  return buf;
}

Response diary_page(app::Services& services, PageRenderer& pages, const Request& req, Id unit_id,
                    const DiaryInput* entered, const Error* error) {
  auto org = services.organisation.unit(*req.actor, unit_id);
  if (!org) return error_response(pages, req, org.error());
  int year = std::stoi(app::today_string(services.env).substr(0, 4));
  auto entries = services.diaries.list(*req.actor, unit_id, year);
  if (!entries) return error_response(pages, req, entries.error());
  json list = json::array();
  for (const auto& e : *entries) {
    json themes = json::array();
    for (const auto& t : e.themes) themes.push_back(diary_theme_label(t));
    list.push_back({{"week", e.week}, {"text", e.text}, {"author", e.author_name}, {"themes", themes},
                    {"marked", e.for_annual_report}});
  }
  json themes = json::array();
  for (const auto& t : diary_themes()) {
    bool checked = false;
    if (entered)
      for (const auto& x : entered->entry.themes) checked = checked || x == t;
    themes.push_back({{"code", t}, {"label", diary_theme_label(t)}, {"checked", checked}});
  }
  json view{{"title", pages.text(req, "diary_title") + " – " + org->name},
            {"unit", {{"id", org->id}, {"name", org->name}}},
            {"entries", list},
            {"has_entries", !list.empty()},
            {"year", year},
            {"themes", themes},
            {"week", entered ? entered->entry.week : current_week(services.env.now())},
            {"text", entered ? entered->entry.text : ""},
            {"marked", entered && entered->entry.for_annual_report},
            {"saved", !req.query_value("saved").empty()}};
  if (error) {
    view["error"] = error->message;
    view["error_" + (error->field.empty() ? std::string("form") : error->field)] = true;
    view["ask_acknowledge"] = error->code == ErrorCode::unprocessable;
  }
  return pages.render(req, "diary", view.dump(), error ? status_for(error->code) : 200);
}

Response annual_page(app::Services& services, PageRenderer& pages, const Request& req, Id programme_id, int year,
                     const Error* error) {
  auto r = services.annual_reports.build(*req.actor, programme_id, year);
  if (!r) return error_response(pages, req, r.error());
  json view = annual_report_json(*r);
  view["title"] = pages.text(req, "annual_title") + " " + std::to_string(year) + " – " + r->period.programme.name;
  view["programme"] = {{"id", r->period.programme.id}, {"name", r->period.programme.name}};
  json sections = json::array();
  for (const auto& [code, title] : app::annual_section_titles()) {
    auto it = r->sections.texts.find(code);
    sections.push_back({{"code", code}, {"title", title}, {"text", it == r->sections.texts.end() ? "" : it->second}});
  }
  view["section_list"] = sections;
  json themes = json::array();
  for (const auto& [t, n] : r->diary_themes) themes.push_back({{"label", diary_theme_label(t)}, {"count", n}});
  view["theme_list"] = themes;
  json activity = json::array();
  for (const auto& a : r->activity_plan)
    activity.push_back({{"semester", a.item.semester}, {"activity", a.item.activity},
                        {"status_label", activity_status_label(a.item.status)}, {"overdue", a.overdue}});
  view["activity_list"] = activity;
  // Questionnaire rounds closed in the year: the mean per scale item, or why it is hidden.
  json surveys = json::array();
  for (const auto& s : r->surveys) {
    json items = json::array();
    for (const auto& i : s.results.items) {
      if (i.item.kind == ItemKind::text) continue;
      std::string mean = s.results.suppressed || i.suppressed || !i.mean
                             ? pages.text(req, "annual_survey_hidden")
                             : reports::format_number_sv(std::round(*i.mean * 10) / 10, false);
      items.push_back({{"text", i.item.text}, {"count", s.results.suppressed ? json("–") : json(i.count)},
                       {"mean", mean}, {"range", std::to_string(i.item.min) + "–" + std::to_string(i.item.max)}});
    }
    surveys.push_back({{"name", s.questionnaire}, {"unit", s.unit.empty() ? pages.text(req, "annual_survey_whole") : s.unit},
                       {"closes", s.closes}, {"responses", s.results.responses}, {"suppressed", s.results.suppressed},
                       {"items", items}, {"questionnaire_id", s.questionnaire_id}, {"round_id", s.round_id}});
  }
  view["surveys"] = surveys;
  view["has_surveys"] = !surveys.empty();
  // The economy in whole kronor, as the economy page shows it; absent for readers without money access.
  if (r->economy) {
    const auto kr = [](Ore ore) { return reports::cell_text_sv(reports::kronor_cell(ore), true); };
    const auto& e = r->economy->economy;
    json rows = json::array();
    for (const auto& l : e.lines)
      rows.push_back({{"name", l.name}, {"budget", l.has_budget ? kr(l.budget) : "–"}, {"actual", kr(l.actual)},
                      {"forecast", kr(l.forecast)}, {"over", l.over}});
    view["economy_rows"] = rows;
    view["economy_total"] = {{"budget", e.totals.has_budget ? kr(e.totals.budget) : "–"},
                             {"actual", kr(e.totals.actual)}, {"forecast", kr(e.totals.forecast)}};
    view["economy_months"] = e.observed_months;
    view["has_economy"] = true;
  }
  json genders = json::array();
  auto cell = [&](int n) { return reports::cell_text_sv(reports::count_cell(n, r->period.suppressed), true); };
  for (const auto& g : r->period.report.groups)
    genders.push_back({{"label", g.label}, {"started", cell(g.started)}, {"exited", cell(g.exited)},
                       {"active_at_end", cell(g.active_at_end)}});
  const auto& t = r->period.report.total;
  genders.push_back({{"label", pages.text(req, "annual_total")}, {"started", cell(t.started)},
                     {"exited", cell(t.exited)}, {"active_at_end", cell(t.active_at_end)}});
  view["gender_rows"] = genders;
  view["may_edit"] = r->may_edit;
  view["has_marked"] = !r->marked.empty();
  view["saved"] = !req.query_value("saved").empty();
  view["previous_year"] = year - 1;
  view["next_year"] = year + 1;
  if (error) view["error"] = error->message;
  return pages.render(req, "annual_report", view.dump(), error ? status_for(error->code) : 200);
}

}  // namespace

void add_diary_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/units/{id}/diary", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return diary_page(services, pages, req, *id, nullptr, nullptr);
  });

  router.add("POST", "/units/{id}/diary", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    DiaryInput in;
    in.entry.unit_id = *id;
    in.entry.week = req.form_value("week");
    in.entry.text = req.form_value("text");
    for (const auto& [k, v] : req.form())
      if (k == "themes") in.entry.themes.push_back(v);
    in.entry.for_annual_report = req.form_value("for_annual_report") == "1";
    in.acknowledge_names = req.form_value("acknowledge_names") == "1";
    auto r = services.diaries.add(*req.actor, in.entry, in.acknowledge_names);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      return diary_page(services, pages, req, *id, &in, &r.error());
    }
    return Response::redirect("/units/" + std::to_string(*id) + "/diary?saved=1");
  });

  auto year_of = [&services](const Request& req) {
    std::string y = req.query_value("year");
    if (y.size() == 4 && y.find_first_not_of("0123456789") == std::string::npos) return std::stoi(y);
    return std::stoi(app::today_string(services.env).substr(0, 4));
  };

  router.add("GET", "/programmes/{id}/annual", Auth::session, false, [&services, &pages, year_of](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return annual_page(services, pages, req, *id, year_of(req), nullptr);
  });

  router.add("POST", "/programmes/{id}/annual", Auth::session, false, [&services, &pages, year_of](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    int year = year_of(req);
    std::map<std::string, std::string> texts;
    for (const auto& [code, title] : app::annual_section_titles()) texts[code] = req.form_value("section_" + code);
    auto r = services.annual_reports.save_sections(*req.actor, *id, year, texts);
    if (!r) {
      if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
        return error_response(pages, req, r.error());
      return annual_page(services, pages, req, *id, year, &r.error());
    }
    return Response::redirect("/programmes/" + std::to_string(*id) + "/annual?year=" + std::to_string(year) +
                              "&saved=1");
  });
}

}  // namespace stegvis::http
