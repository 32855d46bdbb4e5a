#include "reports/chart.hpp"

#include <nlohmann/json.hpp>

namespace stegvis::reports {

std::string chart_json(const Chart& chart) {
  nlohmann::json series = nlohmann::json::array();
  for (const auto& s : chart.series) {
    nlohmann::json values = nlohmann::json::array();
    for (const auto& v : s.values) values.push_back(v ? nlohmann::json(*v) : nlohmann::json(nullptr));
    series.push_back({{"name", s.name}, {"values", values}});
  }
  nlohmann::json j = {{"kind", chart.kind}, {"title", chart.title}, {"labels", chart.labels}, {"series", series}};
  if (chart.reference_value) j["reference"] = {{"value", *chart.reference_value}, {"label", chart.reference_label}};
  if (chart.y_max) j["y_max"] = *chart.y_max;
  return j.dump();
}

}  // namespace stegvis::reports
