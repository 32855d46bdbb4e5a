// The register extract (registerutdrag) as PDF: the person, each referral and
// enrolment with its unit's personal-data controller, and the audit lines of
// who read or changed the data. Laid out with the shared pango page writer.
#include <ctime>
#include <set>

#include "domain/vocabulary.hpp"
#include "reports/access_report.hpp"
#include "reports/pdf_page_writer.hpp"

namespace stegvis::reports {
namespace {
using namespace pdf;

std::string or_dash(const std::string& s) { return s.empty() ? "–" : s; }

std::string labels(const std::vector<Term>& list, const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ", ") + label_of(list, c);
  return out;
}

std::string personal_number(const std::string& canonical) {
  if (canonical.size() != 12) return canonical;
  return canonical.substr(0, 8) + "-" + canonical.substr(8);
}

std::string timestamp(std::int64_t at) {
  std::time_t t = static_cast<std::time_t>(at);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
  return buf;
}

std::string name_of(const std::map<Id, std::string>& names, std::optional<Id> id) {
  if (!id) return "–";
  auto it = names.find(*id);
  return it == names.end() ? "#" + std::to_string(*id) : it->second;
}

std::string referral_status(const std::string& code) {
  if (code == "received") return "Mottagen";
  if (code == "intake_booked") return "Inskrivningssamtal bokat";
  if (code == "accepted") return "Antagen";
  if (code == "declined") return "Avböjd";
  if (code == "waiting_list") return "Väntelista";
  return code;
}

void write_place(PageWriter& w, const AccessPlace& p) {
  w.field("Insats", p.programme + (p.track.empty() ? "" : ", " + p.track));
  w.field("Länsdel och kommun", p.unit + (p.municipality.empty() ? "" : " · " + p.municipality));
  w.field("Personuppgiftsansvarig", or_dash(p.controller));
}

void write_referral(PageWriter& w, const AccessReferral& ar) {
  const Referral& r = ar.referral;
  w.subheading("Aktualisering " + std::to_string(r.id) + ", mottagen " + or_dash(r.received_on));
  write_place(w, ar.place);
  w.field("Remitterande part", ar.referring_party);
  w.field("Handläggare", r.referrer_name);
  w.field("Försörjning", labels(income_sources(), r.income_sources));
  w.field("Skäl", r.reason);
  w.field("Status", referral_status(r.status) + (r.decided_on.empty() ? "" : ", beslut " + r.decided_on));
  if (!r.decision_reason.empty()) w.field("Motivering", r.decision_reason);
  if (!r.override_reason.empty()) w.field("Undantag", r.override_reason);
}

void write_enrolment(PageWriter& w, const AccessExport& d, const AccessEnrolment& ae) {
  const Enrolment& e = ae.enrolment;
  w.heading("Inskrivning " + std::to_string(e.id) + " · " + e.start_date + " – " + e.exit_date);
  write_place(w, ae.place);
  w.field("Kön och födelseår", label_of(genders(), e.gender) + ", " + std::to_string(e.birth_year));
  w.field("Coach/koordinator", or_dash(ae.staff_name));
  w.field("Försörjning vid start", labels(income_sources(), e.income_before));
  w.field("Sysselsättning vid start", label_of(occupations(), e.occupation_before));
  w.field("Utbildning", label_of(education_levels(), e.education));
  if (!e.exit_date.empty()) {
    w.field("Utfall", label_of(exit_outcomes(), e.outcome));
    w.field("Försörjning vid avslut", labels(income_sources(), e.income_after));
    w.field("Nästa steg", e.next_step);
  }
  if (e.purged()) w.field("Gallrad", e.purged_on + ": namn, kontaktuppgifter och fritext raderade");
  if (!e.final_report_sent_on.empty())
    w.field("Slutdokumentation skickad", e.final_report_sent_on);

  w.subheading("Samtycken");
  if (ae.consents.empty()) w.paragraph("Inga registrerade.", kIndent);
  for (const auto& c : ae.consents)
    w.paragraph(c.decided_on + ": " + name_of(d.party_names, c.party_id) + (c.given ? " – samtycke" : " – inget samtycke"),
                kIndent);
  w.subheading("Fördelning");
  if (ae.allocations.empty()) w.paragraph("Ingen.", kIndent);
  for (const auto& a : ae.allocations)
    w.paragraph(a.date + ": " + name_of(d.staff_names, a.staff_id) +
                    (a.override_reason.empty() ? "" : " (undantag: " + a.override_reason + ")"),
                kIndent);
  w.subheading("Handlingsplan, alla versioner");
  if (ae.plans.empty()) w.paragraph("Ingen.", kIndent);
  for (const auto& p : ae.plans) {
    w.paragraph("Version " + std::to_string(p.version) + (p.saved_on.empty() ? "" : ", " + p.saved_on), kIndent, kBold);
    if (!p.problem.empty()) w.paragraph(p.problem, 2 * kIndent);
    for (const auto& g : p.goals) w.paragraph(label_of(goal_areas(), g.area) + ": " + g.text, 2 * kIndent);
    for (const auto& a : p.activities)
      w.paragraph(label_of(activity_kinds(), a.kind) + ": " + a.text + " (" + a.start + " – " + a.end + ")",
                  2 * kIndent);
  }
  w.subheading("Kontakter");
  if (ae.contacts.empty()) w.paragraph("Inga.", kIndent);
  for (const auto& c : ae.contacts)
    w.paragraph(c.date + ", " + label_of(contact_kinds(), c.kind) + ", " + std::to_string(c.minutes) + " min, " +
                    name_of(d.staff_names, c.staff_id) + (c.note.empty() ? "" : ": " + c.note),
                kIndent);
  w.subheading("Uppföljningar");
  if (ae.follow_ups.empty()) w.paragraph("Inga.", kIndent);
  for (const auto& f : ae.follow_ups)
    w.paragraph(f.date + (f.with_referrer ? ", med remittent" : "") + ", " +
                    (f.decision == "exit" ? "avsluta" : "fortsätta") + (f.note.empty() ? "" : ": " + f.note),
                kIndent);
  w.subheading("Skattningar");
  if (ae.goal_ratings.empty() && ae.ratings.empty()) w.paragraph("Inga.", kIndent);
  for (const auto& g : ae.goal_ratings)
    w.paragraph((g.phase == "start" ? "Start, " : "Avslut, ") + label_of(goal_areas(), g.area) + ": " +
                    std::to_string(g.rating),
                kIndent);
  for (const auto& r : ae.ratings)
    w.paragraph(r.date + ", " + r.scale + ": " + std::to_string(r.total / 10) + "," + std::to_string(r.total % 10),
                kIndent);
  if (ae.enrolment.contact_after_exit || !ae.lasting_effects.empty()) {
    w.subheading("Uppföljning efter avslut");
    if (ae.lasting_effects.empty()) w.paragraph("Samtycke till kontakt efter avslut; ingen uppföljning registrerad ännu.", kIndent);
    for (const auto& l : ae.lasting_effects)
      w.paragraph(std::to_string(l.months) + " månader efter avslut (" + l.date + "): " + lasting_status_label(l.status),
                  kIndent);
  }
}

int render(cairo_t* cr, const AccessExport& d, int total_pages) {
  std::string who = d.identity ? d.identity->first_name + " " + d.identity->last_name : "person " + std::to_string(d.person_id);
  PageWriter w(cr, "Registerutdrag · " + who, "Registerutdrag enligt artikel 15 i dataskyddsförordningen (GDPR). "
               "Framtaget " + d.produced_on + " av " + d.produced_by + ".", total_pages);
  w.title("Registerutdrag");
  w.subtitle("Allt som finns lagrat om personen i Stegvis");
  w.space(4);
  w.paragraph("Framtaget " + d.produced_on + " av " + d.produced_by, 0, kSmall, kMuted);

  w.heading("Person");
  if (d.identity) {
    w.field("Namn", d.identity->first_name + " " + d.identity->last_name);
    w.field("Personnummer", personal_number(d.identity->personal_number));
    w.field("Kontaktuppgifter", d.identity->contact);
  } else {
    w.paragraph("Identitetsuppgifterna är raderade (anonymiserad eller gallrad).");
  }
  std::set<std::string> controllers;
  for (const auto& ae : d.enrolments) controllers.insert(ae.place.controller);
  for (const auto& ar : d.referrals) controllers.insert(ar.place.controller);
  std::string list;
  for (const auto& c : controllers) list += (list.empty() ? "" : ", ") + or_dash(c);
  w.field("Personuppgiftsansvarig", list);

  w.heading("Aktualiseringar");
  if (d.referrals.empty()) w.paragraph("Inga.");
  for (const auto& ar : d.referrals) write_referral(w, ar);
  for (const auto& ae : d.enrolments) write_enrolment(w, d, ae);

  w.heading("Vem har läst eller ändrat uppgifterna");
  w.paragraph("Ur granskningsloggen: tid, användare, händelse och uppgift.", 0, kSmall, kMuted);
  if (d.audit.empty()) w.paragraph("Inga loggade händelser.");
  // One line each (a table's narrow columns would break user names and actions).
  for (const auto& a : d.audit)
    w.paragraph(timestamp(a.at) + "   " + a.username + "   " + a.action + "   " + a.record_type + " " + a.record_id, 0,
                kSmall);
  return w.finish();
}

}  // namespace

std::string render_access_report_pdf(const AccessExport& doc) {
  return render_two_pass("Registerutdrag", [&doc](cairo_t* cr, int total) { return render(cr, doc, total); });
}

}  // namespace stegvis::reports
