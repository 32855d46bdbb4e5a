// The final document as PDF: a small page writer over pango (paragraph
// layout, line-by-line page breaks, running head and footer) and the
// composition of the document's sections on top of it. Rendered twice: the
// first pass only counts the pages, so that every footer can say "Sida n av N".
#include "reports/final_report_pdf.hpp"

#include "domain/date.hpp"
#include "domain/vocabulary.hpp"
#include "reports/pdf_page_writer.hpp"

namespace stegvis::reports {
namespace {
using namespace pdf;

std::string format_personal_number(const std::string& canonical) {
  if (canonical.size() != 12) return canonical;
  return canonical.substr(0, 8) + "-" + canonical.substr(8);
}

std::string labels(const std::vector<Term>& list, const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ", ") + label_of(list, c);
  return out;
}

std::string period(const std::string& from, const std::string& to) {
  if (from.empty() && to.empty()) return "";
  return from + " – " + to;
}

std::string time_in_programme(const Enrolment& e) {
  auto start = parse_date(e.start_date), exit = parse_date(e.exit_date);
  if (!start || !exit) return "";
  int days = days_between(*start, *exit);
  int months = (days + 15) / 30;
  std::string out = std::to_string(days) + (days == 1 ? " dag" : " dagar");
  if (months >= 1) out += " (cirka " + std::to_string(months) + (months == 1 ? " månad)" : " månader)");
  return out;
}

void write_participant(PageWriter& w, const FinalReportDocument& d) {
  const Enrolment& e = d.enrolment;
  w.heading("Deltagare och period");
  if (e.anonymous || !d.identity) {
    w.field("Deltagare", "Anonym registrering");
    w.field("Kön och födelseår", label_of(genders(), e.gender) + ", " + std::to_string(e.birth_year));
  } else {
    std::string name = d.identity->first_name + " " + d.identity->last_name;
    w.field("Deltagare", name.find_first_not_of(' ') == std::string::npos ? "(namn saknas)" : name);
    w.field("Personnummer", format_personal_number(d.identity->personal_number));
  }
  w.field("Period", period(e.start_date, e.exit_date));
  w.field("Tid i insatsen", time_in_programme(e));
  w.field("Remitterande part", d.referring_party);
  w.field("Handläggare hos parten", d.referrer_name);
  w.field("Coach/koordinator", d.staff_name.empty() ? "Ej fördelad" : d.staff_name);
  w.field("Personuppgiftsansvarig", d.controller);
}

void write_plan(PageWriter& w, const FinalReportDocument& d) {
  w.heading("Handlingsplan");
  if (!d.plan) {
    w.paragraph("Ingen handlingsplan registrerades.");
    return;
  }
  const Plan& p = *d.plan;
  w.paragraph("Version " + std::to_string(p.version) + (p.saved_on.empty() ? "" : ", sparad " + p.saved_on) + ".", 0,
              kSmall, kMuted);
  w.subheading("Problem- och målformulering");
  w.paragraph(p.problem.empty() ? "Ingen formulering angiven." : p.problem, kIndent);
  w.subheading("Mål");
  if (p.goals.empty()) w.paragraph("Inga mål angivna.", kIndent);
  for (const auto& g : p.goals) {
    w.subheading(label_of(goal_areas(), g.area), kIndent);
    w.paragraph(g.text, 2 * kIndent);
  }
  w.subheading("Aktiviteter");
  if (p.activities.empty()) w.paragraph("Inga aktiviteter angivna.", kIndent);
  for (const auto& a : p.activities) {
    std::string when = a.end.empty() ? "från " + a.start : period(a.start, a.end);
    w.subheading(label_of(activity_kinds(), a.kind) + " · " + when, kIndent);
    std::string details;
    if (!a.workplace.empty()) details += "Arbetsplats: " + a.workplace;
    if (a.party_id) {
      auto it = d.party_names.find(*a.party_id);
      if (it != d.party_names.end())
        details += (details.empty() ? "" : " · ") + std::string("Ansvarig part: ") + it->second;
    }
    if (!a.text.empty()) w.paragraph(a.text, 2 * kIndent);
    if (!details.empty()) w.paragraph(details, 2 * kIndent, kBody, kMuted);
  }
}

void write_path(PageWriter& w, const FinalReportDocument& d) {
  w.heading("Vägen genom insatsen");
  int minutes = 0;
  std::vector<std::pair<std::string, int>> by_kind;
  for (const auto& term : contact_kinds()) by_kind.push_back({term.label_sv, 0});
  for (const auto& c : d.contacts) {
    minutes += c.minutes;
    for (std::size_t i = 0; i < contact_kinds().size(); ++i)
      if (contact_kinds()[i].code == c.kind) ++by_kind[i].second;
  }
  std::string contacts = std::to_string(d.contacts.size()) + (d.contacts.size() == 1 ? " kontakt" : " kontakter");
  if (!d.contacts.empty()) {
    std::string kinds;
    for (const auto& [label, n] : by_kind)
      if (n) kinds += (kinds.empty() ? "" : ", ") + label + " " + std::to_string(n);
    contacts += " (" + kinds + "), sammanlagt cirka " + std::to_string((minutes + 30) / 60) + " timmar";
  }
  w.field("Kontakter", contacts);

  std::vector<FollowUp> fus = d.follow_ups;
  std::sort(fus.begin(), fus.end(), [](const FollowUp& a, const FollowUp& b) { return a.date < b.date; });
  std::string follow_ups = std::to_string(fus.size()) + (fus.size() == 1 ? " uppföljning" : " uppföljningar");
  if (!fus.empty()) {
    std::string dates;
    for (const auto& f : fus)
      dates += (dates.empty() ? "" : ", ") + f.date + (f.with_referrer ? " (med remittent)" : "");
    follow_ups += ": " + dates;
  }
  w.field("Uppföljningar", follow_ups);
}

void write_outcome(PageWriter& w, const FinalReportDocument& d) {
  const Enrolment& e = d.enrolment;
  w.heading("Resultat vid avslut");
  w.field("Utfall", e.outcome.empty() ? "" : label_of(exit_outcomes(), e.outcome));
  w.field("Försörjning före", labels(income_sources(), e.income_before));
  w.field("Försörjning efter", labels(income_sources(), e.income_after));
  if (!e.occupation_after.empty()) w.field("Sysselsättning efter", label_of(occupations(), e.occupation_after));

  w.subheading("Skattning per målområde (1–5), start → avslut");
  w.space(2);
  const std::vector<double> widths{kWidth - 150, 75, 75};
  w.row({"Målområde", "Start", "Avslut"}, widths, true);
  bool any = false;
  for (const auto& area : goal_areas()) {
    std::string start = "–", exit = "–";
    for (const auto& r : d.goal_ratings) {
      if (r.area != area.code) continue;
      (r.phase == "start" ? start : exit) = std::to_string(r.rating);
      any = true;
    }
    if (start == "–" && exit == "–") continue;
    w.row({area.label_sv, start, exit}, widths, false);
  }
  if (!any) w.paragraph("Inga skattningar registrerades.", 0, kBody, kMuted);

  w.heading("Rekommenderat nästa steg");
  w.paragraph(e.next_step.empty() ? "Inget nästa steg angivet." : e.next_step);
  if (!e.final_report_sent_on.empty()) {
    std::string to;
    for (const auto& r : e.final_report_to)
      to += (to.empty() ? "" : " och ") + std::string(r == "participant" ? "deltagaren" : "remittenten");
    w.space(6);
    w.paragraph("Skickad " + e.final_report_sent_on + (to.empty() ? "" : " till " + to) + ".", 0, kBody, kMuted);
  }
}

int render(cairo_t* cr, const FinalReportDocument& d, int total_pages) {
  std::string who = d.enrolment.anonymous || !d.identity ? "Anonym registrering"
                                                         : d.identity->first_name + " " + d.identity->last_name;
  std::string footer = "Skickas till deltagaren och remittenten inom tre veckor efter avslut." +
                       (d.final_report_due.empty() ? "" : "\nSista dag att skicka: " + d.final_report_due + ".");
  PageWriter w(cr, "Slutdokumentation · " + d.programme + " · " + who, footer, total_pages);
  w.title("Slutdokumentation");
  w.subtitle(d.association);
  std::string programme = d.programme + (d.track.empty() ? "" : ", inriktning " + d.track);
  w.subtitle(programme);
  w.subtitle("Länsdel " + d.unit + (d.municipality.empty() ? "" : " · " + d.municipality));
  if (!d.printed_on.empty()) {
    w.space(4);
    w.paragraph("Utskriven " + d.printed_on, 0, kSmall, kMuted);
  }
  write_participant(w, d);
  write_plan(w, d);
  write_path(w, d);
  write_outcome(w, d);
  return w.finish();
}

}  // namespace

std::string render_final_report_pdf(const FinalReportDocument& doc) {
  return render_two_pass("Slutdokumentation", [&doc](cairo_t* cr, int total) { return render(cr, doc, total); });
}

}  // namespace stegvis::reports
