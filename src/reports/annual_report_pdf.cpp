#include "reports/annual_report_pdf.hpp"

#include "domain/vocabulary.hpp"
#include "reports/pdf_page_writer.hpp"
#include "reports/period_report_document.hpp"
#include "reports/swedish_format.hpp"

namespace stegvis::reports {
namespace {
using namespace pdf;

std::string count(int n, bool suppress) { return cell_text_sv(count_cell(n, suppress), true); }

void write_volumes(PageWriter& w, const AnnualReportDocument& d) {
  w.heading("Volymer per kön");
  std::vector<double> widths{130, 90, 90, 90, 81};
  w.row({"Kön", "Aktiva vid årets början", "Påbörjade", "Avslutade", "Aktiva vid årets slut"}, widths, true);
  auto row = [&](const GroupFigures& g) {
    w.row({g.label, count(g.active_at_start, d.suppressed), count(g.started, d.suppressed),
           count(g.exited, d.suppressed), count(g.active_at_end, d.suppressed)},
          widths, false);
  };
  for (const auto& g : d.report.groups) row(g);
  row(d.report.total);
  w.heading("Avslut per utfall");
  std::vector<double> two{330, 151};
  w.row({"Utfall", "Antal"}, two, true);
  for (const auto& [code, n] : d.report.total.exits_by_outcome)
    if (n != 0) w.row({label_of(exit_outcomes(), code), count(n, d.suppressed)}, two, false);
  if (d.suppressed)
    w.paragraph("Antal under 5 personer visas som <5; \"..\" döljer en siffra som annars skulle ge tillbaka en dold "
                "ur en summa.", 0, kSmall, kMuted);
}

void write_targets(PageWriter& w, const AnnualReportDocument& d) {
  if (d.report.total.targets.empty()) return;
  w.heading("Mål");
  std::vector<double> widths{281, 100, 100};
  w.row({"Mål", "Utfall", "Målvärde"}, widths, true);
  for (const auto& t : d.report.total.targets) {
    std::string threshold;
    for (const auto& x : d.targets)
      if (x.id == t.target_id) threshold = std::to_string(x.threshold_pct) + " %";
    Share s{t.numerator, t.denominator};
    w.row({t.name, cell_text_sv(share_cell(s, d.suppressed), true), threshold}, widths, false);
  }
}

}  // namespace

std::string render_annual_report_pdf(const AnnualReportDocument& d) {
  std::string head = d.programme + " – helårsrapport " + std::to_string(d.year);
  return render_two_pass(head, [&](cairo_t* cr, int total) {
    PageWriter w(cr, head, "Utskrivet " + d.printed_on + " ur Stegvis", total);
    w.title(d.programme);
    w.subtitle("Helårsrapport " + std::to_string(d.year));
    for (const auto& [title, text] : d.sections) {
      if (text.empty()) continue;
      w.heading(title);
      w.paragraph(text);
    }
    write_volumes(w, d);
    write_targets(w, d);
    w.heading("Aktivitetsplanen " + std::to_string(d.year));
    std::vector<double> widths{90, 281, 110};
    w.row({"Termin", "Aktivitet", "Status"}, widths, true);
    for (const auto& a : d.activities) w.row(a, widths, false);
    if (!d.surveys.empty()) {
      w.heading("Enkäter");
      std::vector<double> three{311, 80, 90};
      for (const auto& s : d.surveys) {
        w.subheading(s.title);
        w.paragraph(s.note, 0, kSmall, kMuted);
        if (s.items.empty()) continue;
        w.row({"Påstående", "Antal svar", "Medelvärde"}, three, true);
        for (const auto& r : s.items) w.row(r, three, false);
      }
    }
    if (!d.economy.empty()) {
      w.heading("Ekonomi " + std::to_string(d.year) + " (kr)");
      std::vector<double> four{171, 100, 100, 110};
      w.row({"Budgetpost", "Budget", "Utfall", "Prognos helår"}, four, true);
      for (const auto& r : d.economy) w.row(r, four, false);
      w.paragraph(d.economy_note, 0, kSmall, kMuted);
    }
    w.heading("Veckodagböckerna");
    std::vector<double> two{330, 151};
    w.row({"Tema", "Antal anteckningar"}, two, true);
    for (const auto& [theme, n] : d.diary_themes) w.row({theme, std::to_string(n)}, two, false);
    for (const auto& m : d.marked) {
      w.subheading(m[0] + " · " + m[1]);
      w.paragraph(m[2], kIndent);
    }
    return w.finish();
  });
}

}  // namespace stegvis::reports
