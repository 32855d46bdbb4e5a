#include "reports/dashboard_document.hpp"

#include <cmath>

#include "domain/small_cells.hpp"
#include "domain/vocabulary.hpp"
#include "reports/period_report_document.hpp"

namespace stegvis::reports {
namespace {

std::optional<double> chart_value(int n, bool s) {
  if (is_withheld(n) || (s && is_small_cell(n))) return std::nullopt;
  return n;
}

std::string count_text(int n, bool s) {
  return is_withheld(n) ? ".." : s && is_small_cell(n) ? "färre än 5" : std::to_string(n);
}

ReportTable capacity_table(const std::string& title, const std::string& sheet, const std::string& first,
                           const std::vector<CapacityRow>& rows, bool s) {
  ReportTable t{title, sheet, {first, "Aktiva deltagare", "Kapacitet", "Beläggning, %", "Över kapacitet"}, {}, {}};
  for (const auto& r : rows) {
    TableCell load = count_cell(r.caseload, s);
    bool hidden = is_withheld(r.caseload) || (s && is_small_cell(r.caseload));
    TableCell pct = r.capacity > 0 && !hidden ? TableCell::percent(100.0 * r.caseload / r.capacity) : TableCell::none();
    t.rows.push_back({TableCell::of_text(r.name), load, TableCell::number(std::round(r.capacity * 10) / 10), pct,
                      TableCell::of_text(r.over ? "Ja" : "Nej")});
  }
  return t;
}

}  // namespace

ReportDocument dashboard_document(const std::string& programme_name, const Dashboard& d,
                                  const std::vector<Target>& targets, bool s) {
  ReportDocument doc;
  doc.title = "Styrgruppsöversikt – " + programme_name;
  doc.subtitle = "Tolv månader " + to_string(d.from) + " – " + to_string(d.today);

  ReportTable flow{"Inflöde och utflöde per månad", "Per månad", {"Månad", "Påbörjade", "Avslutade", "Aktiva vid månadens slut"}, {}, {}};
  Chart flow_chart;
  flow_chart.kind = "bar";
  flow_chart.title = "Påbörjade och avslutade per månad";
  ChartSeries started{"Påbörjade", {}}, exited{"Avslutade", {}};
  for (const auto& m : d.months) {
    flow.rows.push_back({TableCell::of_text(m.month), count_cell(m.started, s), count_cell(m.exited, s),
                         count_cell(m.active_at_end, s)});
    flow_chart.labels.push_back(m.month);
    started.values.push_back(chart_value(m.started, s));
    exited.values.push_back(chart_value(m.exited, s));
  }
  flow_chart.series = {started, exited};

  Chart load_chart;
  load_chart.kind = "bar";
  load_chart.title = "Aktiva deltagare och kapacitet per länsdel";
  ChartSeries load{"Aktiva deltagare", {}}, cap{"Kapacitet", {}};
  for (const auto& u : d.units) {
    load_chart.labels.push_back(u.name);
    load.values.push_back(chart_value(u.caseload, s));
    cap.values.push_back(u.capacity);
  }
  load_chart.series = {load, cap};
  Chart staff_chart;
  staff_chart.kind = "bar";
  staff_chart.title = "Aktiva deltagare och kapacitet per medarbetare";
  ChartSeries sload{"Aktiva deltagare", {}}, scap{"Kapacitet", {}};
  for (const auto& u : d.staff) {
    staff_chart.labels.push_back(u.name);
    sload.values.push_back(chart_value(u.caseload, s));
    scap.values.push_back(u.capacity);
  }
  staff_chart.series = {sload, scap};

  ReportTable outcomes{"Avslut per utfall, senaste tolv månaderna", "Utfall 12 mån", {"Utfall", "Avslutade"}, {}, {}};
  for (const auto& o : exit_outcomes())
    outcomes.rows.push_back({TableCell::of_text(o.label_sv), count_cell(d.outcomes_12m.at(o.code), s)});
  outcomes.rows.push_back({TableCell::of_text("Totalt"), count_cell(d.exits_12m, s)});

  ReportTable goals{"Mål, senaste tolv månaderna", "Mål", {"Mål", "Villkor", "Täljare", "Nämnare", "Utfall, %", "Status"}, {}, {}};
  for (std::size_t i = 0; i < targets.size() && i < d.targets.size(); ++i) {
    const auto& r = d.targets[i];
    bool hidden = share_hidden(r.numerator, r.denominator, s);
    goals.rows.push_back({TableCell::of_text(targets[i].name), TableCell::of_text(describe_target(targets[i])),
                          count_cell(r.numerator, s), count_cell(r.denominator, s),
                          share_cell({r.numerator, r.denominator}, s),
                          TableCell::of_text(hidden ? "Dolt (små tal skyddas)" : target_state_label(r.state))});
  }
  doc.tables = {flow, capacity_table("Beläggning per länsdel", "Per länsdel", "Länsdel", d.units, s),
                capacity_table("Beläggning per medarbetare", "Per medarbetare", "Medarbetare", d.staff, s), outcomes,
                goals};
  if (s)
    for (auto& t : doc.tables)
      t.note = "Celler med 1–4 personer visas som <5; \"..\" döljer en siffra som annars skulle ge tillbaka en dold "
               "ur en summa.";
  doc.charts = {flow_chart, load_chart, staff_chart};
  doc.notes = {"Kapacitet: 20 deltagare per heltidstjänst som coach eller koordinator.",
               "Försenad uppföljning: aktiv deltagare vars senaste uppföljning (eller start) ligger mer än tre månader "
               "bakåt. Försenad slutdokumentation: avslutad för mer än 21 dagar sedan utan skickad slutdokumentation."};
  return doc;
}

std::vector<std::string> dashboard_attention(const Dashboard& d, const std::vector<Target>& targets, bool s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < targets.size() && i < d.targets.size(); ++i) {
    const auto& r = d.targets[i];
    if (r.state != TargetState::not_met || share_hidden(r.numerator, r.denominator, s)) continue;
    char pct[16];
    std::snprintf(pct, sizeof pct, "%.1f", r.actual_pct.value_or(0));
    std::string p = pct;
    for (auto& c : p)
      if (c == '.') c = ',';
    out.push_back("Målet \"" + targets[i].name + "\" är inte uppfyllt: " + p + " % mot målvärdet " +
                  std::to_string(targets[i].threshold_pct) + " %.");
  }
  for (const auto& u : d.units)
    if (u.over) out.push_back("Länsdelen " + u.name + " har fler aktiva deltagare än kapaciteten.");
  for (const auto& st : d.staff)
    if (st.over) out.push_back(st.name + " har fler deltagare än kapaciteten.");
  if (d.overdue_follow_ups > 0)
    out.push_back("Försenade uppföljningar: " + count_text(d.overdue_follow_ups, s) + ".");
  if (d.overdue_final_reports > 0)
    out.push_back("Försenade slutdokumentationer: " + count_text(d.overdue_final_reports, s) + ".");
  return out;
}

}  // namespace stegvis::reports
