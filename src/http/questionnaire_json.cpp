#include "http/questionnaire_json.hpp"

namespace stegvis::http {

using nlohmann::json;

json item_json(const QuestionItem& i) {
  json j{{"id", i.key}, {"text", i.text}, {"kind", to_code(i.kind)}, {"required", i.required}};
  if (i.kind == ItemKind::scale) {
    j["min"] = i.min;
    j["max"] = i.max;
    j["min_label"] = i.min_label;
    j["max_label"] = i.max_label;
  } else if (i.kind == ItemKind::frequency) {
    j["min"] = 1;
    j["max"] = 5;
    j["labels"] = frequency_labels();
  }
  return j;
}

json questionnaire_json(const Questionnaire& q, bool with_items) {
  json j{{"id", q.id},
         {"name", q.name},
         {"group", q.group},
         {"group_label", respondent_group_label(q.group)},
         {"description", q.description},
         {"version", q.version},
         {"frozen", q.frozen}};
  if (!with_items) {
    j["item_count"] = q.items.size();
    return j;
  }
  json items = json::array();
  for (const auto& i : q.items) items.push_back(item_json(i));
  j["items"] = items;
  return j;
}

json round_json(const app::RoundView& v) {
  const auto& r = v.round;
  return {{"id", r.id},
          {"programme", r.programme_id},
          {"programme_name", v.programme},
          {"unit", r.unit_id ? json(*r.unit_id) : json(nullptr)},
          {"unit_name", v.unit.empty() ? json(nullptr) : json(v.unit)},
          {"version", r.version},
          {"opens", r.opens},
          {"closes", r.closes},
          {"invitations", r.invitations},
          {"responses", r.responses},
          {"state", to_code(v.state)}};
}

json round_results_json(const RoundResults& r) {
  json items = json::array();
  for (const auto& ir : r.items) {
    json j{{"id", ir.item.key}, {"text", ir.item.text}, {"kind", to_code(ir.item.kind)}};
    if (!r.suppressed) {
      j["suppressed"] = ir.suppressed;
      if (!ir.suppressed) {
        j["count"] = ir.count;
        j["mean"] = ir.mean ? json(*ir.mean) : json(nullptr);
        json dist = json::array();
        for (const auto& [value, n] : ir.distribution)
          dist.push_back({{"value", value}, {"label", value_label(ir.item, value)}, {"count", n}});
        j["distribution"] = dist;
      }
    }
    items.push_back(j);
  }
  return {{"responses", r.responses}, {"suppressed", r.suppressed}, {"items", items}};
}

json results_json(const app::ResultsView& v) {
  json out = round_results_json(v.results);
  out["questionnaire"] = {{"id", v.questionnaire.id}, {"name", v.questionnaire.name}, {"group", v.questionnaire.group}};
  out["round"] = round_json(v.round);
  json texts = json::array();
  for (const auto& t : v.free_texts) texts.push_back({{"item", t.item_key}, {"text", t.text}});
  out["free_texts"] = texts;
  if (v.previous) {
    out["previous"] = round_results_json(v.previous->results);
    out["previous"]["round"] = round_json(v.previous->round);
  } else {
    out["previous"] = nullptr;
  }
  json units = json::array();
  for (const auto& u : v.units) {
    json j = round_results_json(u.results);
    j["round"] = round_json(u.round);
    units.push_back(j);
  }
  out["units"] = units;
  return out;
}

std::string answer_link(const Request& req, const std::string& token) {
  std::string host = req.header("host");
  bool safe = !host.empty() && host.size() < 256 &&
              host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") ==
                  std::string::npos;
  std::string path = "/svar/" + token;
  if (!safe) return path;
  bool https = req.tls || req.header("x-forwarded-proto") == "https";
  return std::string(https ? "https://" : "http://") + host + path;
}

}  // namespace stegvis::http
