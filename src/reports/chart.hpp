// A chart as data: drawn in the browser by Chart.js (web/static/charts.js reads
// the JSON from a data-chart attribute) and in PDFs with cairo. Pages always
// show the same figures as a table too, which is the chart's text alternative.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace stegvis::reports {

struct ChartSeries {
  std::string name;
  std::vector<std::optional<double>> values;  // one per label; nullopt = no value (gap)
};

struct Chart {
  std::string kind = "bar";  // bar, line, stacked (stacked bars)
  std::string title;
  std::vector<std::string> labels;
  std::vector<ChartSeries> series;
  std::optional<double> reference_value;  // a dashed horizontal line, e.g. the ORS cut-off 25
  std::string reference_label;
  std::optional<double> y_max;  // e.g. 40 for ORS/SRS totals
};

// The JSON that web/static/charts.js expects in data-chart="…" (escape it as an attribute).
std::string chart_json(const Chart& chart);

}  // namespace stegvis::reports
