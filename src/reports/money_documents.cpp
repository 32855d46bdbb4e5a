#include "reports/money_documents.hpp"

#include <cmath>

#include "reports/swedish_format.hpp"

namespace stegvis::reports {
namespace {

const char* kMonths[] = {"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};

TableCell deviation_cell(const EconomyRow& r) {
  if (!r.has_budget || r.budget <= 0) return TableCell::none();
  return TableCell::percent(100.0 * static_cast<double>(r.forecast - r.budget) / static_cast<double>(r.budget));
}

std::vector<TableCell> economy_row(const EconomyRow& r) {
  return {TableCell::of_text(r.name),
          r.has_budget ? kronor_cell(r.budget) : TableCell::none(),
          kronor_cell(r.actual),
          kronor_cell(r.forecast),
          deviation_cell(r),
          TableCell::of_text(r.over ? "Prognosen överstiger budgeten med mer än 5 %" : "")};
}

}  // namespace

TableCell kronor_cell(Ore ore) { return TableCell::number(std::round(static_cast<double>(ore) / 100.0)); }
TableCell optional_kronor_cell(const std::optional<Ore>& ore) { return ore ? kronor_cell(*ore) : TableCell::none(); }

std::string forecast_method_text() {
  return "Prognos = bokfört utfall hittills + återstående månader × genomsnittlig månadskostnad under de observerade "
         "månaderna (januari till och med senast bokförda månad). Utan bokförda månader gäller budgeten; för ett "
         "avslutat år är prognosen utfallet.";
}

ReportDocument economy_document(const std::string& programme_name, const std::string& unit_name, const Economy& e) {
  ReportDocument d;
  d.title = "Ekonomi " + std::to_string(e.year);
  d.subtitle = programme_name + (unit_name.empty() ? "" : " – " + unit_name) + ", " + std::to_string(e.year) +
               " (observerade månader: " + std::to_string(e.observed_months) + ")";
  const std::vector<std::string> headings{"", "Budget (kr)", "Utfall (kr)", "Prognos (kr)", "Prognos mot budget",
                                          "Varning"};
  ReportTable lines{"Budget och utfall per budgetrad", "Per budgetrad", headings, {}, ""};
  for (const auto& r : e.lines) lines.rows.push_back(economy_row(r));
  lines.rows.push_back(economy_row(e.totals));
  d.tables.push_back(lines);
  ReportTable units{"Budget och utfall per länsdel", "Per länsdel", headings, {},
                    "En länsdel utan egen budget visar bara utfall och prognos."};
  for (const auto& r : e.units) units.rows.push_back(economy_row(r));
  d.tables.push_back(units);

  ReportTable months{"Utfall per månad", "Per månad",
                     {"Månad", "Utfall (kr)", "Ackumulerat utfall (kr)", "Ackumulerad budget (kr)"}, {}, ""};
  Chart chart;
  chart.kind = "line";
  chart.title = "Ackumulerat utfall mot budget " + std::to_string(e.year);
  ChartSeries actual{"Ackumulerat utfall (tkr)", {}}, budget{"Budget jämnt fördelad (tkr)", {}};
  Ore running = 0;
  for (int m = 0; m < 12; ++m) {
    running += e.monthly_actual[m];
    const bool observed = m < e.observed_months;
    const Ore budget_so_far = e.totals.budget * (m + 1) / 12;
    chart.labels.push_back(kMonths[m]);
    actual.values.push_back(observed ? std::optional<double>(std::round(static_cast<double>(running) / 100000.0))
                                     : std::nullopt);
    budget.values.push_back(e.totals.has_budget
                                ? std::optional<double>(std::round(static_cast<double>(budget_so_far) / 100000.0))
                                : std::nullopt);
    months.rows.push_back({TableCell::of_text(std::string(kMonths[m]) + " " + std::to_string(e.year)),
                           observed ? kronor_cell(e.monthly_actual[m]) : TableCell::none(),
                           observed ? kronor_cell(running) : TableCell::none(),
                           e.totals.has_budget ? kronor_cell(budget_so_far) : TableCell::none()});
  }
  chart.series = {actual, budget};
  d.charts.push_back(chart);
  d.tables.push_back(months);

  ReportTable cpp{"Kostnad per deltagare", "Kostnad per deltagare",
                  {"", "Kostnad (kr)", "Per påbörjad inskrivning", "Per deltagarmånad", "Per avslut",
                   "Per avslut till arbete eller studier"},
                  {},
                  "Kostnader per inriktning är fördelade efter deltagarmånader (kostnader bokförs inte per "
                  "inriktning). Färre än 5 i nämnaren visas som –."};
  for (const auto& c : e.cost_per_participant)
    cpp.rows.push_back({TableCell::of_text(c.group), kronor_cell(c.cost), optional_kronor_cell(c.per_started),
                        optional_kronor_cell(c.per_participant_month), optional_kronor_cell(c.per_exit),
                        optional_kronor_cell(c.per_exit_work_studies)});
  d.tables.push_back(cpp);
  d.notes.push_back(forecast_method_text());
  d.notes.push_back("Varning visas när prognosen överstiger budgeten med mer än 5 %.");
  return d;
}

ReportDocument requisition_document(const RequisitionDocumentInput& in) {
  const Requisition& r = *in.requisition;
  ReportDocument d;
  d.title = "Rekvisition " + r.from + " – " + r.to;
  d.subtitle = "Till " + in.association + " från " + in.programme + ", " + in.unit;
  ReportTable t{"Kostnader under perioden", "Rekvisition", {"Budgetrad", "Belopp (kr)"}, {}, ""};
  Ore total = 0;
  for (const auto& l : *in.lines) {
    t.rows.push_back({TableCell::of_text(l.name), kronor_cell(l.actual)});
    total += l.actual;
  }
  t.rows.push_back({TableCell::of_text("Att betala"), kronor_cell(total)});
  d.tables.push_back(t);
  d.notes.push_back("Mottagare: " + in.association + ".");
  d.notes.push_back("Belopp: " + format_sek(r.amount) + " kr. Förfallodag: " + r.due + ".");
  if (in.unit_budget) d.notes.push_back("Länsdelens budget för året: " + format_sek(*in.unit_budget) + " kr.");
  d.notes.push_back("Status: " + std::string(r.status == "draft" ? "utkast" : r.status == "sent" ? "skickad " + r.sent_on
                                                                                              : "betald " + r.paid_on) +
                    ". Upprättad av " + r.created_by + ".");
  return d;
}

ReportDocument national_report_document(const NationalReport& r) {
  ReportDocument d;
  d.title = "Uppföljning Finsam " + std::to_string(r.year);
  d.subtitle = "Deltagare per kön (nya under året, pågående vid årets slut, avslutade under året), budget och kostnader";
  ReportTable t{"Insatser " + std::to_string(r.year), "Uppföljning Finsam",
                {"Insats", "Kvinnor nya", "Kvinnor pågående", "Kvinnor avslutade", "Män nya", "Män pågående",
                 "Män avslutade", "Annat kön nya", "Annat kön pågående", "Annat kön avslutade", "Totalt nya",
                 "Totalt pågående", "Totalt avslutade", "Budget (kr)", "Kostnader (kr)"},
                {},
                "Anonymt registrerade deltagare räknas med. Antalen redovisas exakt eftersom den nationella "
                "uppföljningen kräver det; rapporten innehåller inga personuppgifter."};
  for (const auto& p : r.programmes) {
    std::vector<TableCell> row{TableCell::of_text(p.name)};
    for (const char* g : {"female", "male", "other", "total"}) {
      const auto& c = p.participants.at(g);
      row.push_back(TableCell::number(c.new_in_year));
      row.push_back(TableCell::number(c.ongoing));
      row.push_back(TableCell::number(c.exited));
    }
    row.push_back(optional_kronor_cell(p.budget));
    row.push_back(kronor_cell(p.costs));
    t.rows.push_back(std::move(row));
  }
  d.tables.push_back(t);
  d.notes.push_back("Budget: insatsens beslutade budget för året (eller summan av länsdelarnas beslutade budgetar).");
  return d;
}

}  // namespace stegvis::reports
