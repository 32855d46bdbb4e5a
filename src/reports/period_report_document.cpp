#include "reports/period_report_document.hpp"

#include "domain/small_cells.hpp"
#include "domain/vocabulary.hpp"

namespace stegvis::reports {
namespace {

std::vector<const GroupFigures*> rows_of(const PeriodReport& r) {
  std::vector<const GroupFigures*> out;
  for (const auto& g : r.groups) out.push_back(&g);
  out.push_back(&r.total);
  return out;
}

std::optional<double> chart_value(int n, bool suppress) {
  if (is_withheld(n) || (suppress && is_small_cell(n))) return std::nullopt;
  return n;
}

ReportTable volumes(const PeriodReport& r, bool s) {
  ReportTable t{"Volymer", "Volymer", {grouping_label(r.group_by), "Aktiva vid periodens start", "Påbörjade",
                                       "Avslutade", "Aktiva vid periodens slut"}, {}, {}};
  for (const auto* g : rows_of(r))
    t.rows.push_back({TableCell::of_text(g->label), count_cell(g->active_at_start, s), count_cell(g->started, s),
                      count_cell(g->exited, s), count_cell(g->active_at_end, s)});
  return t;
}

ReportTable outcomes(const PeriodReport& r, bool s) {
  ReportTable t{"Avslut per utfall", "Utfall", {"Utfall"}, {}, {}};
  auto groups = rows_of(r);
  for (const auto* g : groups) t.headings.push_back(g->label);
  for (const auto& o : exit_outcomes()) {
    std::vector<TableCell> row{TableCell::of_text(o.label_sv)};
    for (const auto* g : groups) row.push_back(count_cell(g->exits_by_outcome.at(o.code), s));
    t.rows.push_back(row);
  }
  return t;
}

ReportTable incomes(const PeriodReport& r, bool s) {
  ReportTable t{"Inkomstkällor före och efter (avslutade i perioden)", "Inkomstkällor",
                {"Inkomstkälla", "Före insatsen", "Efter insatsen"}, {}, {}};
  for (const auto& src : income_sources())
    t.rows.push_back({TableCell::of_text(src.label_sv), count_cell(r.total.income_before.at(src.code), s),
                      count_cell(r.total.income_after.at(src.code), s)});
  return t;
}

ReportTable time_in_programme(const PeriodReport& r, bool s) {
  ReportTable t{"Tid i insatsen (avslutade i perioden)", "Tid i insatsen",
                {grouping_label(r.group_by), "Avslutade", "Median, dagar", "Medel, dagar", "Median, månader",
                 "Medel, månader"}, {}, {}};
  for (const auto* g : rows_of(r))
    t.rows.push_back({TableCell::of_text(g->label), count_cell(g->exited, s), mean_cell(g->median_days, g->exited, s),
                      mean_cell(g->mean_days, g->exited, s), mean_cell(g->median_months, g->exited, s),
                      mean_cell(g->mean_months, g->exited, s)});
  return t;
}

ReportTable process(const PeriodReport& r, bool s) {
  ReportTable t{"Processmått", "Processmått",
                {grouping_label(r.group_by), "Plan inom 30 dagar, %", "Påbörjade", "Uppföljning i tid, %",
                 "Uppföljningar som förföll", "Slutdokumentation inom 21 dagar, %", "Avslutade med förfallen dok."},
                {}, {}};
  for (const auto* g : rows_of(r))
    t.rows.push_back({TableCell::of_text(g->label), share_cell(g->plan_within_30, s),
                      count_cell(g->plan_within_30.denominator, s), share_cell(g->follow_ups_on_time, s),
                      count_cell(g->follow_ups_on_time.denominator, s), share_cell(g->final_report_within_21, s),
                      count_cell(g->final_report_within_21.denominator, s)});
  return t;
}

ReportTable ratings(const PeriodReport& r, bool s) {
  ReportTable t{"ORS och SRS (avslutade i perioden)", "ORS SRS",
                {grouping_label(r.group_by), "Skala", "Skattade", "Medel första", "Medel senaste",
                 "Tillförlitlig förbättring, %", "Under gränsvärdet vid första, %"}, {}, {}};
  for (const auto* g : rows_of(r))
    for (const auto& [name, a] : {std::pair{"ORS", &g->ors}, std::pair{"SRS", &g->srs}})
      t.rows.push_back({TableCell::of_text(g->label), TableCell::of_text(name), count_cell(a->rated, s),
                        mean_cell(a->mean_first, a->rated, s), mean_cell(a->mean_latest, a->rated, s),
                        share_cell(a->reliable_improvement, s), share_cell(a->below_cutoff_first, s)});
  return t;
}

ReportTable goal_areas_table(const PeriodReport& r, bool s) {
  ReportTable t{"Målområden, skattning 1–5 (avslutade i perioden)", "Målområden",
                {"Målområde", "Skattade", "Medel vid start", "Medel vid avslut", "Förbättrade, %"}, {}, {}};
  for (const auto& area : goal_areas()) {
    const auto& a = r.total.goals.at(area.code);
    t.rows.push_back({TableCell::of_text(area.label_sv), count_cell(a.rated, s), mean_cell(a.mean_start, a.rated, s),
                      mean_cell(a.mean_exit, a.rated, s), share_cell(a.improved, s)});
  }
  return t;
}

ReportTable lasting_table(const PeriodReport& r, bool s) {
  ReportTable t{"Varaktig effekt efter avslut (avslutade i perioden, med samtycke)", "Varaktig effekt", {"Kön"}, {}, {}};
  for (int m : r.lasting_months) {
    std::string after = std::to_string(m) + " mån";
    t.headings.insert(t.headings.end(), {"Registrerade " + after, "I arbete eller studier " + after + ", %",
                                         "Ej nådda " + after});
  }
  for (const auto& row : r.lasting) {
    std::vector<TableCell> cells{TableCell::of_text(row.label)};
    for (const auto& c : row.cells)
      cells.insert(cells.end(), {count_cell(c.work_or_studies.denominator, s), share_cell(c.work_or_studies, s),
                                 count_cell(c.not_reached, s)});
    t.rows.push_back(std::move(cells));
  }
  return t;
}

ReportTable targets_table(const PeriodReport& r, const std::vector<Target>& targets, bool s) {
  ReportTable t{"Mål", "Mål", {"Mål", "Villkor", "Täljare", "Nämnare", "Utfall, %", "Målvärde, %", "Status"}, {}, {}};
  for (std::size_t i = 0; i < targets.size() && i < r.total.targets.size(); ++i) {
    const auto& res = r.total.targets[i];
    bool hidden = share_hidden(res.numerator, res.denominator, s);
    t.rows.push_back({TableCell::of_text(targets[i].name), TableCell::of_text(describe_target(targets[i])),
                      count_cell(res.numerator, s), count_cell(res.denominator, s),
                      share_cell({res.numerator, res.denominator}, s),
                      TableCell::number(targets[i].threshold_pct),
                      TableCell::of_text(hidden ? "Dolt (små tal skyddas)" : target_state_label(res.state))});
  }
  return t;
}

}  // namespace

TableCell count_cell(int n, bool suppress) {
  if (is_withheld(n)) return TableCell::withheld();
  if (suppress && is_small_cell(n)) return TableCell::hidden();
  return TableCell::number(n);
}

TableCell share_cell(const Share& s, bool suppress) {
  if (is_withheld(s.numerator) || is_withheld(s.denominator)) return TableCell::withheld();
  if (suppress && share_hidden(s.numerator, s.denominator)) return TableCell::hidden();
  auto pct = s.pct();
  return pct ? TableCell::percent(*pct) : TableCell::none();
}

TableCell mean_cell(const std::optional<double>& v, int n, bool suppress) {
  if (suppress && is_small_cell(n)) return TableCell::hidden();
  return v ? TableCell::number(*v) : TableCell::none();
}

std::string grouping_label(const std::string& group_by) {
  if (group_by == "unit") return "Länsdel";
  if (group_by == "municipality") return "Kommun";
  if (group_by == "track") return "Inriktning";
  if (group_by == "gender") return "Kön";
  if (group_by == "age_band") return "Åldersgrupp";
  return group_by;
}

std::string target_state_label(TargetState s) {
  switch (s) {
    case TargetState::met: return "Uppfyllt";
    case TargetState::not_met: return "Ej uppfyllt";
    case TargetState::no_data: return "Underlag saknas";
  }
  return "";
}

ReportDocument period_report_document(const PeriodDocumentInput& in) {
  const PeriodReport& r = *in.report;
  const bool s = in.suppress;
  ReportDocument d;
  d.title = "Periodrapport – " + in.programme_name;
  d.subtitle = (in.unit_name.empty() ? std::string("Period ") : in.unit_name + ", period ") + to_string(r.from) + " – " +
               to_string(r.to) + ", grupperad efter " + grouping_label(r.group_by);
  d.tables = {volumes(r, s),  outcomes(r, s), incomes(r, s),          time_in_programme(r, s),
              process(r, s),  ratings(r, s),  goal_areas_table(r, s), lasting_table(r, s),
              targets_table(r, *in.targets, s)};
  if (s)
    for (auto& t : d.tables)
      t.note = "Celler med 1–4 personer visas som <5; andelar och medelvärden över så få döljs. "
               "\"..\" döljer en siffra som annars skulle ge tillbaka en dold ur en summa.";

  Chart flow;
  flow.title = "Påbörjade och avslutade per grupp (" + grouping_label(r.group_by) + ")";
  ChartSeries started{"Påbörjade", {}}, exited{"Avslutade", {}};
  for (const auto& g : r.groups) {
    flow.labels.push_back(g.label);
    started.values.push_back(chart_value(g.started, s));
    exited.values.push_back(chart_value(g.exited, s));
  }
  flow.series = {started, exited};
  Chart by_outcome;
  by_outcome.title = "Avslut per utfall";
  ChartSeries total{"Avslutade", {}};
  for (const auto& o : exit_outcomes()) {
    by_outcome.labels.push_back(o.label_sv);
    total.values.push_back(chart_value(r.total.exits_by_outcome.at(o.code), s));
  }
  by_outcome.series = {total};
  d.charts = {flow, by_outcome};
  d.notes = report_definitions();
  return d;
}

}  // namespace stegvis::reports
