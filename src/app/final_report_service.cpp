// EnrolmentService::final_report_pdf: the final document (slutdokumentation,
// domain.md §3.9) of an exited enrolment, for those who may see it. The read
// goes through view() (access check, "enrolment.read" audit); the PDF itself
// is audited as "final_report.pdf".
#include "app/audit.hpp"
#include "app/enrolment_service.hpp"
#include "app/referral_service.hpp"
#include "domain/date.hpp"
#include "reports/final_report_pdf.hpp"

namespace stegvis::app {

Result<std::string> EnrolmentService::final_report_pdf(const Actor& actor, Id enrolment_id) {
  auto v = view(actor, enrolment_id);
  if (!v) return v.error();
  if (v->enrolment.active())
    return conflict("Slutdokumentationen skrivs efter avslutet; inskrivningen pågår fortfarande.");

  reports::FinalReportDocument doc;
  doc.enrolment = v->enrolment;
  doc.identity = v->identity;
  doc.staff_name = v->staff_name;
  doc.controller = v->controller;
  doc.plan = v->plan;
  doc.contacts = v->contacts;
  doc.follow_ups = v->follow_ups;
  doc.goal_ratings = v->goal_ratings;
  if (v->final_report_due) doc.final_report_due = to_string(*v->final_report_due);
  doc.printed_on = today_string(env_);
  if (v->referral) doc.referrer_name = v->referral->referrer_name;
  {
    auto tx = env_.db.begin(false);
    auto& org = tx->organisation();
    const Enrolment& e = v->enrolment;
    if (auto a = org.association()) doc.association = a->name;
    if (auto p = org.programme(e.programme_id)) doc.programme = p->name;
    if (auto t = org.track(e.track_id)) doc.track = t->name;
    if (auto u = org.unit(e.unit_id)) doc.unit = u->name;
    if (auto m = org.municipality(e.municipality_id)) doc.municipality = m->name;
    if (v->referral)
      if (auto p = org.party(v->referral->referring_party_id)) doc.referring_party = p->name;
    if (v->plan)
      for (const auto& a : v->plan->activities)
        if (a.party_id && !doc.party_names.count(*a.party_id))
          if (auto p = org.party(*a.party_id)) doc.party_names[*a.party_id] = p->name;
  }
  std::string pdf = reports::render_final_report_pdf(doc);
  record_standalone(env_, actor, "final_report.pdf", "enrolment", std::to_string(enrolment_id));
  return pdf;
}

}  // namespace stegvis::app
