// The participant page's ratings: ORS/SRS per meeting (two small forms, sent
// with htmx that swaps the section, or as a plain post without script), a line
// chart of both totals with the clinical cut-off and a table of every rating as
// its text alternative, the flags in words; and the goal-area ratings at start
// with the change per area after exit.
#include <algorithm>
#include <cstdlib>
#include <map>

#include "domain/goal_change.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"
#include "http/participant_pages.hpp"
#include "reports/chart.hpp"

namespace stegvis::http {
namespace participant {
namespace {

// 235 → "23,5": the Swedish decimal comma; signed: "+6,1", "−0,3".
std::string decimal(int tenths, bool signed_ = false) {
  std::string sign = tenths < 0 ? "−" : signed_ && tenths > 0 ? "+" : "";
  int v = std::abs(tenths);
  return sign + std::to_string(v / 10) + "," + std::to_string(v % 10);
}

std::string scale_id(const std::string& code) { return code == "ORS" ? "ors" : "srs"; }

json rating_form(const RatingScale& scale, const std::string& date, const std::vector<std::string>& items,
                 const std::string& key) {
  json fields = json::array();
  for (std::size_t i = 0; i < 4; ++i)
    fields.push_back({{"n", i + 1}, {"label", scale.items[i]}, {"value", i < items.size() ? items[i] : ""},
                      {"invalid", false}, {"message", ""}});
  // "error" set (false) so that the sections below never reach a parent's error.
  return {{"scale", scale.code}, {"id", scale_id(scale.code)}, {"name", scale.name}, {"date", date},
          {"items", fields}, {"request_key", key}, {"error", false}};
}

reports::Chart ratings_chart(PageRenderer& pages, const Request& req, const std::vector<Rating>& ratings) {
  std::map<std::string, std::map<std::string, int>> by_date;  // date → scale → total (the day's latest)
  for (const auto& r : ratings) by_date[r.date][r.scale] = r.total;
  reports::Chart chart;
  chart.kind = "line";
  chart.title = pages.text(req, "rating_chart_title");
  chart.reference_value = ors_scale().cutoff / 10.0;
  chart.reference_label = pages.text(req, "rating_cutoff_line");
  chart.y_max = ors_scale().item_max * 4 / 10.0;
  reports::ChartSeries ors{"ORS", {}}, srs{"SRS", {}};
  for (const auto& [date, totals] : by_date) {
    chart.labels.push_back(date);
    auto value = [&](const char* code) -> std::optional<double> {
      auto it = totals.find(code);
      if (it == totals.end()) return std::nullopt;
      return it->second / 10.0;
    };
    ors.values.push_back(value("ORS"));
    srs.values.push_back(value("SRS"));
  }
  chart.series = {ors, srs};
  return chart;
}

// The flags of the latest ratings, as words.
json summary_flags(PageRenderer& pages, const Request& req, const RatingSummary& s) {
  json flags = json::array();
  auto add = [&](const char* key, const char* tone) { flags.push_back({{"text", pages.text(req, key)}, {"tone", tone}}); };
  if (s.ors.count) add(s.ors.below_cutoff ? "rating_flag_below_cutoff" : "rating_flag_above_cutoff",
                       s.ors.below_cutoff ? "late" : "neutral");
  if (s.ors.reliable == ReliableChange::improvement) add("rating_flag_improvement", "on");
  if (s.ors.reliable == ReliableChange::deterioration) add("rating_flag_deterioration", "late");
  if (s.no_improvement) add("rating_flag_no_improvement", "late");
  if (s.srs.alliance_flag) add("rating_flag_alliance", "late");
  return flags;
}

}  // namespace

json ratings_view(PageRenderer& pages, const Request& req, const std::vector<Rating>& ratings,
                  const RatingSummary& summary, const std::string& today, const FormState* state) {
  std::map<std::string, int> first;
  json rows = json::array();
  for (const auto& r : ratings) {
    const RatingScale* scale = find_rating_scale(r.scale);
    if (!scale) continue;
    auto [it, is_first] = first.emplace(r.scale, r.total);
    int first_total = it->second;
    json items = json::array();
    for (int v : r.items) items.push_back(decimal(v));
    json flags = json::array();
    if (r.scale == "ORS" && below_cutoff(*scale, r.total)) flags.push_back(pages.text(req, "rating_flag_below_cutoff"));
    auto change = reliable_change(*scale, first_total, r.total);
    if (r.scale == "ORS" && change == ReliableChange::improvement) flags.push_back(pages.text(req, "rating_flag_improvement"));
    if (r.scale == "ORS" && change == ReliableChange::deterioration)
      flags.push_back(pages.text(req, "rating_flag_deterioration"));
    if (alliance_flag(*scale, r.items)) flags.push_back(pages.text(req, "rating_flag_alliance"));
    const bool has_flags = !flags.empty();
    rows.push_back({{"date", r.date}, {"scale", r.scale}, {"items", std::move(items)}, {"total", decimal(r.total)},
                    {"change", is_first ? std::string("–") : decimal(r.total - first_total, true)},
                    {"flags", std::move(flags)}, {"has_flags", has_flags}});
  }
  std::reverse(rows.begin(), rows.end());  // newest first in the table
  json forms = json::array();
  for (const RatingScale* scale : {&ors_scale(), &srs_scale()}) {
    json form = rating_form(*scale, today, {}, request_key());
    if (state && state->form == "rating_" + scale->code) {
      form = state->values;
      form["error"] = error_view(state->error);
      // An item's error is shown next to that item (fields item1..item4).
      for (auto& item : form["items"])
        if ("item" + std::to_string(item["n"].get<int>()) == state->error.field) {
          item["invalid"] = true;
          item["message"] = state->error.message;
        }
    }
    forms.push_back(std::move(form));
  }
  json labels = json::array();
  for (const RatingScale* scale : {&ors_scale(), &srs_scale()}) {
    std::string items;
    for (const auto& i : scale->items) items += (items.empty() ? "" : ", ") + i;
    labels.push_back({{"name", scale->name}, {"items", items}});
  }
  const bool has_rows = !rows.empty();
  const std::size_t count = rows.size();
  json view{{"rows", std::move(rows)},
            {"has_rows", has_rows},
            {"count", count},
            {"flags", summary_flags(pages, req, summary)},
            {"forms", std::move(forms)},
            {"scales", std::move(labels)},
            {"licence", ors_scale().licence}};
  if (has_rows) view["chart"] = reports::chart_json(ratings_chart(pages, req, ratings));
  if (summary.ors.count)
    view["ors"] = {{"first", decimal(summary.ors.first.total)}, {"latest", decimal(summary.ors.latest.total)},
                   {"change", decimal(summary.ors.change(), true)}, {"count", summary.ors.count}};
  if (summary.srs.count) view["srs"] = {{"latest", decimal(summary.srs.latest.total)}, {"count", summary.srs.count}};
  return view;
}

json goal_ratings_view(const std::vector<GoalRating>& ratings, const FormState* state) {
  json rows = json::array(), selects = json::array();
  for (const auto& c : goal_changes(ratings)) {
    auto change = c.change();
    rows.push_back({{"label", label_of(goal_areas(), c.area)},
                    {"start", c.start ? std::to_string(*c.start) : "–"},
                    {"exit", c.exit ? std::to_string(*c.exit) : "–"},
                    {"change", change ? (*change > 0 ? "+" : *change < 0 ? "−" : "") + std::to_string(std::abs(*change))
                                      : "–"}});
    selects.push_back({{"area", c.area}, {"label", label_of(goal_areas(), c.area)}, {"options", rating_options(c.start.value_or(0))}});
  }
  json view{{"rows", std::move(rows)}, {"form", {{"areas", std::move(selects)}}}};
  if (state && state->form == "goal_ratings") {
    view["form"] = state->values;
    view["error"] = error_view(state->error);
  }
  return view;
}

}  // namespace participant

namespace {

using participant::FormState;
using participant::json;

bool is_htmx(const Request& req) { return req.header("hx-request") == "true"; }

// The section alone, for htmx to swap in place of the old one.
Response ratings_fragment(app::Services& services, PageRenderer& pages, const Request& req, Id id,
                          const FormState* state, bool saved) {
  auto r = services.ratings.list(*req.actor, id);
  if (!r) return error_response(pages, req, r.error());
  std::string today = app::today_string(services.env);
  json view{{"base", "/enrolments/" + std::to_string(id)},
            {"active", r->enrolment.active()},
            {"saved", {{"rating", saved}}},
            {"ratings", participant::ratings_view(pages, req, r->ratings, r->summary, today, state)}};
  return pages.render_fragment(req, "_enr_ratings", view.dump());
}

Response post_rating(app::Services& services, PageRenderer& pages, Request& req, Id id) {
  const RatingScale* scale = find_rating_scale(req.form_value("scale"));
  if (!scale) return pages.error_page(req, 400, pages.text(req, "rating_scale_missing"));
  app::RatingInput in;
  in.scale = scale->code;
  in.date = req.form_value("date");
  std::vector<std::string> texts;
  std::optional<Error> error;
  for (int i = 1; i <= 4; ++i) {
    texts.push_back(req.form_value("item" + std::to_string(i)));
    auto v = parse_rating_item(texts.back(), "item" + std::to_string(i));
    if (!v && !error) error = v.error();
    if (v) in.items.push_back(*v);
  }
  std::string key = req.form_value("request_key");
  Result<app::RatingAdded> r = error ? Result<app::RatingAdded>(*error)
                                     : services.ratings.add(*req.actor, id, in, key);
  if (!r && (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found))
    return error_response(pages, req, r.error());
  if (r) {
    if (is_htmx(req)) return ratings_fragment(services, pages, req, id, nullptr, true);
    return Response::redirect("/enrolments/" + std::to_string(id) + "?saved=rating#sec-ratings");
  }
  FormState state{"rating_" + scale->code, r.error(), participant::rating_form(*scale, in.date, texts, key)};
  // htmx swaps only 2xx answers: the section with its message comes back as 200.
  if (is_htmx(req)) return ratings_fragment(services, pages, req, id, &state, false);
  return participant::enrolment_page(services, pages, req, id, &state, status_for(r.error().code));
}

Response post_goal_ratings(app::Services& services, PageRenderer& pages, Request& req, Id id) {
  std::vector<GoalRating> ratings;
  for (const auto& area : goal_areas()) {
    int v = participant::form_int(req.form_value("rating_start_" + area.code), 0);
    if (v) ratings.push_back({"start", area.code, v});
  }
  auto r = services.ratings.set_goal_ratings(*req.actor, id, "start", ratings);
  if (r) return Response::redirect("/enrolments/" + std::to_string(id) + "?saved=goal_ratings#sec-goal-ratings");
  if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
    return error_response(pages, req, r.error());
  json values = participant::goal_ratings_view(ratings, nullptr)["form"];
  FormState state{"goal_ratings", r.error(), values};
  return participant::enrolment_page(services, pages, req, id, &state, status_for(r.error().code));
}

}  // namespace

void add_rating_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("POST", "/enrolments/{id}/ratings", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return post_rating(services, pages, req, *id);
  });
  router.add("POST", "/enrolments/{id}/goal-ratings", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return post_goal_ratings(services, pages, req, *id);
  });
}

}  // namespace stegvis::http
