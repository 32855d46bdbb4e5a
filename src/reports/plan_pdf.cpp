#include "reports/plan_pdf.hpp"

#include "reports/pdf_page_writer.hpp"

namespace stegvis::reports {

std::string render_plan_pdf(const std::string& programme, const PlanVersion& v, const std::vector<PlanVersion>& history,
                            const std::string& printed_on) {
  using namespace pdf;
  std::string head = programme + " – insatsplan version " + v.version;
  return render_two_pass(head, [&](cairo_t* cr, int total) {
    PageWriter w(cr, head, "Utskrivet " + printed_on + " ur Stegvis", total);
    w.title(programme);
    w.subtitle("Övergripande insatsplan, version " + v.version);
    w.space(8);
    w.field("Beslut", v.decision);
    w.field("Beslutat av", v.decided_by);
    w.field("Datum", v.date);
    for (const auto& code : plan_section_codes()) {
      auto it = v.sections.find(code);
      if (it == v.sections.end() || it->second.empty()) continue;
      w.heading(plan_section_label(code));
      w.paragraph(it->second);
    }
    w.heading("Versionsbeteckning");
    std::vector<double> widths{70, 170, 150, 91};
    w.row({"Version", "Beslut", "Vem", "Datum"}, widths, true);
    for (const auto& h : history) w.row({h.version, h.decision, h.decided_by, h.date}, widths, false);
    return w.finish();
  });
}

}  // namespace stegvis::reports
