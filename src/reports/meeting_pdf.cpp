#include "reports/meeting_pdf.hpp"

#include "reports/pdf_page_writer.hpp"

namespace stegvis::reports {
namespace {
using namespace pdf;

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void write_agenda(PageWriter& w, const MeetingDocument& d) {
  w.heading("Dagordning");
  int n = 0;
  for (const auto& item : d.meeting.agenda) {
    w.subheading(std::to_string(++n) + ". " + item.text);
    if (item.standing == "new_participants") {
      if (d.new_participants.empty()) w.paragraph("Inga nya deltagare sedan förra mötet.", kIndent);
      for (const auto& p : d.new_participants) w.paragraph("• " + p, kIndent);
    } else if (item.standing == "flow" && !d.flow.empty()) {
      w.paragraph(d.flow, kIndent);
    } else if (item.standing == "open_actions") {
      if (d.open_actions.empty()) w.paragraph("Inga öppna åtgärder.", kIndent);
      for (const auto& a : d.open_actions) w.paragraph("• " + a, kIndent);
    } else if (item.standing == "volumes" && !d.volumes.empty()) {
      std::vector<double> widths{110, 110, 80, 80, 80};
      w.row({"Länsdel", "Spår", "Aktiva", "Påbörjade", "Avslutade"}, widths, true);
      for (const auto& r : d.volumes) w.row(r, widths, false);
      w.paragraph("Antal under 5 visas som <5.", 0, kSmall, kMuted);
    } else if (item.standing == "staffing" && !d.staffing.empty()) {
      std::vector<double> widths{120, 110, 100, 80, 71};
      w.row({"Länsdel", "Registrerat (%)", "Planerat (%)", "Kapacitet", "Aktiva"}, widths, true);
      for (const auto& r : d.staffing) w.row(r, widths, false);
    } else if (item.standing == "activity_plan" && !d.activity_status.empty()) {
      w.paragraph(d.activity_status, kIndent);
    }
  }
}

void write_minutes(PageWriter& w, const Minutes& m) {
  w.heading("Protokoll (version " + std::to_string(m.version) + ")");
  if (m.approved())
    w.paragraph("Justerat " + m.approved_on + " av " + m.approved_by + ".", 0, kSmall, kMuted);
  else
    w.paragraph("Utkast, ännu inte justerat.", 0, kSmall, kMuted);
  if (!m.text.empty()) w.paragraph(m.text);
  w.subheading("Beslut");
  if (m.decisions.empty()) w.paragraph("Inga beslut.", kIndent);
  int n = 0;
  for (const auto& dec : m.decisions) w.paragraph(std::to_string(++n) + ". " + dec, kIndent);
  w.subheading("Åtgärder");
  if (m.actions.empty()) {
    w.paragraph("Inga åtgärder.", kIndent);
    return;
  }
  std::vector<double> widths{230, 130, 70, 51};
  w.row({"Åtgärd", "Ansvarig", "Senast", "Klar"}, widths, true);
  for (const auto& a : m.actions) w.row({a.text, a.owner, a.due, a.done_on.empty() ? "–" : a.done_on}, widths, false);
}

}  // namespace

std::string render_meeting_pdf(const MeetingDocument& d) {
  const auto& m = d.meeting;
  std::string when = m.date + (m.time.empty() ? "" : " kl. " + m.time) + ", " + std::to_string(m.duration_minutes) +
                     " minuter";
  return render_two_pass(d.title, [&](cairo_t* cr, int total) {
    PageWriter w(cr, d.title + " " + m.date, "Utskrivet " + d.printed_on + " ur Stegvis", total);
    w.title(d.title);
    w.subtitle(m.minutes ? "Dagordning och protokoll" : "Dagordning");
    w.space(8);
    w.field("Insats", d.programme);
    if (!d.unit.empty()) w.field("Länsdel", d.unit);
    w.field("Tid", when);
    w.field("Plats eller länk", m.place);
    std::vector<std::string> members;
    for (const auto& mem : d.members)
      if (mem.end_date.empty() || mem.end_date >= m.date) members.push_back(mem.name);
    if (!members.empty()) w.field("Ledamöter", join(members));
    w.field("Närvarande", join(m.attendees));
    w.field("Anmält förhinder", join(m.apologies));
    write_agenda(w, d);
    if (m.minutes) write_minutes(w, *m.minutes);
    return w.finish();
  });
}

}  // namespace stegvis::reports
