#include "reports/strategy_documents.hpp"

#include <cmath>

#include "reports/pdf_page_writer.hpp"
#include "reports/writers.hpp"

namespace stegvis::reports {
namespace {

std::string pct(double v) { return std::to_string(static_cast<int>(std::lround(v))) + " %"; }

std::string progress_text(const GoalProgress& p) {
  return std::to_string(p.done) + " av " + std::to_string(p.items) + " klara (" + pct(p.done_pct) + "), " +
         std::to_string(p.ongoing) + " pågår (" + pct(p.ongoing_pct) + ")";
}

std::string period(const Strategy& s) {
  if (s.period_start.empty()) return "";
  return s.period_start.substr(0, 4) + "–" + s.period_end.substr(0, 4);
}

}  // namespace

std::string strategy_pdf(const Strategy& s, const std::string& printed_on) {
  using namespace pdf;
  return render_two_pass(s.name, [&](cairo_t* cr, int total) {
    PageWriter w(cr, s.name, "Utskrivet " + printed_on + " ur Stegvis", total);
    w.title(s.name);
    w.subtitle((s.owner.empty() ? "" : s.owner + ", ") + period(s));
    w.space(6);
    w.field("Alla punkter", progress_text(strategy_progress(s)));
    for (const auto& g : s.goals) {
      w.heading("Mål " + std::to_string(g.number));
      w.paragraph(g.title);
      w.field("Framsteg", progress_text(goal_progress(g)));
      for (const auto& i : g.items) {
        w.subheading(std::to_string(g.number) + "." + std::to_string(i.position) + " " + i.focus_area, kIndent);
        w.field("Föreslagna aktörer", i.actors);
        w.field("Initiativtagare", i.initiators);
        w.field("Status", strategy_status_label(i.status) + (i.responsible.empty() ? "" : ", ansvarig " + i.responsible));
        for (const auto& n : i.notes)
          if (!n.text.empty()) w.paragraph(n.date + " (" + n.by + "): " + n.text, kIndent, kSmall);
      }
    }
    return w.finish();
  });
}

std::string strategy_xlsx(const Strategy& s) {
  ReportDocument d;
  d.title = s.name;
  d.subtitle = (s.owner.empty() ? "" : s.owner + ", ") + period(s);
  ReportTable progress{"Framsteg per mål", "Framsteg", {"Mål", "Punkter", "Klara", "Pågår", "Ej påbörjade", "Klara, %", "Pågår, %"}, {}, {}};
  ReportTable items{"Fokusområden", "Fokusområden",
                    {"Mål", "Punkt", "Fokusområde", "Föreslagna aktörer", "Initiativtagare", "Status", "Ansvarig",
                     "Senaste anteckning"}, {}, {}};
  for (const auto& g : s.goals) {
    auto p = goal_progress(g);
    progress.rows.push_back({TableCell::number(g.number), TableCell::number(p.items), TableCell::number(p.done),
                             TableCell::number(p.ongoing), TableCell::number(p.not_started),
                             TableCell::percent(p.done_pct), TableCell::percent(p.ongoing_pct)});
    for (const auto& i : g.items) {
      std::string note;
      for (const auto& n : i.notes)
        if (!n.text.empty()) note = n.date + ": " + n.text;
      items.rows.push_back({TableCell::number(g.number), TableCell::number(i.position), TableCell::of_text(i.focus_area),
                            TableCell::of_text(i.actors), TableCell::of_text(i.initiators),
                            TableCell::of_text(strategy_status_label(i.status)), TableCell::of_text(i.responsible),
                            TableCell::of_text(note)});
    }
  }
  d.tables = {progress, items};
  for (const auto& g : s.goals) d.notes.push_back("Mål " + std::to_string(g.number) + ": " + g.title);
  return to_xlsx(d);
}

}  // namespace stegvis::reports
