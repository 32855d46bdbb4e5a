// A round's results as a report document (the tables and the chart that the
// results page, the .xlsx and the .pdf all show) and the file export.
#include "app/questionnaire_results.hpp"

#include <set>

#include "app/audit.hpp"
#include "reports/writers.hpp"

namespace stegvis::app {
namespace {

using reports::TableCell;

std::string round_label(const RoundView& r) {
  return r.round.opens + " – " + r.round.closes + (r.unit.empty() ? "" : " (" + r.unit + ")");
}

std::optional<double> mean_of(const RoundResults& r, const std::string& key) {
  for (const auto& i : r.items)
    if (i.item.key == key && i.mean && !r.suppressed) return i.mean;
  return std::nullopt;
}

TableCell mean_cell(std::optional<double> m) { return m ? TableCell::number(*m) : TableCell::none(); }

}  // namespace

reports::Chart results_chart(const ResultsView& v) {
  reports::Chart c;
  c.kind = "bar";
  c.title = "Medelvärde per fråga";
  reports::ChartSeries now{"Denna omgång", {}}, before{"Förra omgången", {}};
  int max = 0;
  for (std::size_t i = 0; i < v.results.items.size(); ++i) {
    const auto& ir = v.results.items[i];
    if (ir.item.kind == ItemKind::text) continue;
    c.labels.push_back("Fråga " + std::to_string(i + 1));
    now.values.push_back(ir.mean);
    before.values.push_back(v.previous ? mean_of(v.previous->results, ir.item.key) : std::nullopt);
    max = std::max(max, ir.item.kind == ItemKind::frequency ? 5 : ir.item.max);
  }
  c.series.push_back(std::move(now));
  if (v.previous) c.series.push_back(std::move(before));
  if (max > 0) c.y_max = max;
  return c;
}

reports::ReportDocument results_document(const ResultsView& v) {
  reports::ReportDocument d;
  d.title = v.questionnaire.name;
  d.subtitle = "Omgång " + round_label(v.round) + " · " + std::to_string(v.results.responses) + " svar av " +
               std::to_string(v.round.round.invitations) + " inbjudna · " + respondent_group_label(v.questionnaire.group);
  if (v.results.suppressed) {
    d.notes.push_back("Färre än 5 har svarat: resultatet visas inte, så att ingen kan pekas ut.");
    return d;
  }
  reports::ReportTable means;
  means.title = "Medelvärden";
  means.sheet = "Medelvärden";
  means.headings = {"Nr", "Fråga", "Antal svar", "Medelvärde", "Förra omgången", "Förändring"};
  std::set<std::pair<int, int>> scales;
  for (std::size_t i = 0; i < v.results.items.size(); ++i) {
    const auto& ir = v.results.items[i];
    if (ir.item.kind == ItemKind::text) continue;
    auto prev = v.previous ? mean_of(v.previous->results, ir.item.key) : std::nullopt;
    means.rows.push_back({TableCell::number(static_cast<double>(i + 1)), TableCell::of_text(ir.item.text),
                          ir.suppressed ? TableCell::hidden() : TableCell::number(static_cast<double>(ir.count)),
                          mean_cell(ir.mean), mean_cell(prev),
                          ir.mean && prev ? TableCell::number(*ir.mean - *prev) : TableCell::none()});
    if (!ir.suppressed) scales.insert({ir.item.kind == ItemKind::frequency ? 1 : ir.item.min,
                                       ir.item.kind == ItemKind::frequency ? 5 : ir.item.max});
  }
  means.note = "Frågor som färre än 5 besvarat visas som <5 utan medelvärde.";
  d.tables.push_back(std::move(means));
  // One distribution table per scale, so that each value has its own column.
  for (const auto& [lo, hi] : scales) {
    reports::ReportTable t;
    t.title = "Fördelning, skala " + std::to_string(lo) + "–" + std::to_string(hi);
    t.sheet = "Fördelning " + std::to_string(lo) + "-" + std::to_string(hi);
    t.headings = {"Nr", "Fråga"};
    for (int x = lo; x <= hi; ++x) t.headings.push_back(std::to_string(x));
    for (std::size_t i = 0; i < v.results.items.size(); ++i) {
      const auto& ir = v.results.items[i];
      if (ir.distribution.empty() || ir.distribution.front().first != lo || ir.distribution.back().first != hi) continue;
      std::vector<TableCell> row{TableCell::number(static_cast<double>(i + 1)), TableCell::of_text(ir.item.text)};
      for (const auto& [value, n] : ir.distribution) row.push_back(TableCell::number(static_cast<double>(n)));
      t.rows.push_back(std::move(row));
    }
    d.tables.push_back(std::move(t));
  }
  if (!v.units.empty()) {
    reports::ReportTable t;
    t.title = "Jämförelse mellan länsdelar";
    t.sheet = "Länsdelar";
    t.headings = {"Nr", "Fråga", v.round.unit.empty() ? "Hela insatsen" : v.round.unit};
    for (const auto& u : v.units) t.headings.push_back(u.round.unit.empty() ? "Hela insatsen" : u.round.unit);
    for (std::size_t i = 0; i < v.results.items.size(); ++i) {
      const auto& ir = v.results.items[i];
      if (ir.item.kind == ItemKind::text) continue;
      std::vector<TableCell> row{TableCell::number(static_cast<double>(i + 1)), TableCell::of_text(ir.item.text),
                                 mean_cell(ir.mean)};
      for (const auto& u : v.units) row.push_back(mean_cell(mean_of(u.results, ir.item.key)));
      t.rows.push_back(std::move(row));
    }
    t.note = "Medelvärden; en omgång med färre än 5 svar visas tom.";
    d.tables.push_back(std::move(t));
  }
  if (!v.free_texts.empty()) {
    reports::ReportTable t;
    t.title = "Fritextsvar";
    t.sheet = "Fritext";
    t.headings = {"Fråga", "Svar"};
    for (const auto& f : v.free_texts) {
      std::string statement = f.item_key;
      for (const auto& i : v.items)
        if (i.key == f.item_key) statement = i.text;
      t.rows.push_back({TableCell::of_text(statement), TableCell::of_text(f.text)});
    }
    t.note = "Svaren står i bokstavsordning, inte i den ordning de kom in.";
    d.tables.push_back(std::move(t));
  }
  d.charts.push_back(results_chart(v));
  d.notes.push_back("Svaren är anonyma: varken länk, adress eller klockslag sparas, bara dagen.");
  return d;
}

Result<std::string> QuestionnaireService::results_file(const Actor& actor, Id questionnaire_id,
                                                       std::optional<Id> round_id, const std::string& format) {
  auto v = results(actor, questionnaire_id, round_id);
  if (!v) return v.error();
  auto doc = results_document(*v);
  std::string bytes = format == "pdf" ? reports::to_pdf(doc) : reports::to_xlsx(doc);
  record_standalone(env_, actor, "survey_results.export", "survey_round", std::to_string(v->round.round.id), format);
  return bytes;
}

}  // namespace stegvis::app
