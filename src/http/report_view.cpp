#include "http/report_view.hpp"

#include <cmath>
#include <cstdio>

#include "reports/period_report_document.hpp"

namespace stegvis::http {

using nlohmann::json;

std::string format_cell(const reports::TableCell& c) {
  using K = reports::TableCell::Kind;
  auto num = [](double v) {
    char buf[32];
    if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    for (auto& ch : s)
      if (ch == '.') ch = ',';
    return s;
  };
  switch (c.kind) {
    case K::number: return num(c.value);
    case K::percent: return num(std::round(c.value * 10) / 10) + " %";
    case K::text: return c.text;
    case K::suppressed: return c.text.empty() ? "<5" : c.text;  // ".." when withheld
    case K::empty: return "–";
  }
  return "";
}

json table_view(const reports::ReportTable& t, const std::string& id) {
  json headings = json::array();
  for (std::size_t i = 0; i < t.headings.size(); ++i) headings.push_back({{"text", t.headings[i]}, {"first", i == 0}});
  json rows = json::array();
  for (const auto& r : t.rows) {
    json cells = json::array();
    for (std::size_t i = 0; i < r.size(); ++i) {
      bool text = r[i].kind == reports::TableCell::Kind::text;
      cells.push_back({{"text", format_cell(r[i])}, {"first", i == 0}, {"num", !text},
                       {"suppressed", r[i].kind == reports::TableCell::Kind::suppressed},
                       {"withheld", r[i].kind == reports::TableCell::Kind::suppressed && !r[i].text.empty()}});
    }
    rows.push_back({{"cells", cells}});
  }
  return {{"id", id}, {"title", t.title}, {"headings", headings}, {"rows", rows}, {"note", t.note}};
}

json chart_view(const reports::Chart& c) { return {{"title", c.title}, {"json", reports::chart_json(c)}}; }

json target_state_view(TargetState s, bool hidden) {
  if (hidden) return {{"class", "hidden"}, {"label", "Dolt (små tal skyddas)"}};
  return {{"class", to_code(s)}, {"label", reports::target_state_label(s)}};
}

}  // namespace stegvis::http
