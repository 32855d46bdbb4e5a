#include "app/access_request_service.hpp"

#include <algorithm>
#include <set>

#include "app/audit.hpp"
#include "app/participant_access.hpp"
#include "app/referral_service.hpp"

namespace stegvis::app {
namespace {

AccessPlace place_of(store::Store& tx, Id programme_id, Id track_id, Id unit_id, Id municipality_id) {
  auto& org = tx.organisation();
  AccessPlace p;
  if (auto x = org.programme(programme_id)) p.programme = x->name;
  if (auto x = org.track(track_id)) p.track = x->name;
  if (auto x = org.municipality(municipality_id)) p.municipality = x->name;
  if (auto u = org.unit(unit_id)) {
    p.unit = u->name;
    if (u->controller_party_id)
      if (auto party = org.party(*u->controller_party_id)) p.controller = party->name;
  }
  return p;
}

// The log lines about these records, oldest first, each once.
std::vector<store::AuditEntry> audit_about(store::Store& tx, const std::vector<std::pair<std::string, Id>>& records) {
  std::vector<store::AuditEntry> out;
  std::set<Id> seen;
  for (const auto& [type, id] : records) {
    store::AuditFilter f;
    f.record_type = type;
    f.record_id = std::to_string(id);
    f.limit = 5000;
    for (auto& e : tx.audit().search(f, nullptr))
      if (seen.insert(e.id).second) out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

}  // namespace

Result<AccessExport> AccessRequestService::export_person(const Actor& actor, Id enrolment_id,
                                                         const std::string& format) {
  AccessExport x;
  {
    auto tx = env_.db.begin(false);
    auto& p = tx->participants();
    auto e = p.enrolment(enrolment_id);
    if (!e) return not_found("Inskrivningen finns inte.");
    // Only the samordnare of a unit the person is enrolled in: coaches, association-level roles,
    // administrators and evaluators are refused (and the refusal is logged).
    if (!coordinates_unit(actor, e->unit_id)) {
      tx.reset();
      return deny_participant_access(env_, actor, "enrolment", enrolment_id);
    }
    if (!e->person_id)
      return conflict("Inskrivningen är anonym: det finns ingen person att göra registerutdrag för.");
    x.person_id = *e->person_id;
    if (auto id = p.identity(x.person_id);
        id && !(id->personal_number + id->first_name + id->last_name + id->contact).empty())
      x.identity = id;
    std::vector<std::pair<std::string, Id>> records{{"person", x.person_id}};
    std::set<Id> staff;
    for (auto& r : p.referrals_of_person(x.person_id)) {
      records.emplace_back("referral", r.id);
      AccessReferral ar{r, place_of(*tx, r.programme_id, r.track_id, r.unit_id, r.municipality_id), ""};
      if (auto party = tx->organisation().party(r.referring_party_id)) ar.referring_party = party->name;
      x.referrals.push_back(std::move(ar));
    }
    for (auto& en : p.enrolments_of_person(x.person_id)) {
      records.emplace_back("enrolment", en.id);
      AccessEnrolment ae;
      ae.place = place_of(*tx, en.programme_id, en.track_id, en.unit_id, en.municipality_id);
      ae.consents = p.consents(en.id);
      ae.allocations = p.allocations(en.id);
      ae.plans = p.plan_history(en.id);
      ae.contacts = p.contacts(en.id);
      ae.follow_ups = p.follow_ups(en.id);
      ae.goal_ratings = p.goal_ratings(en.id);
      ae.ratings = p.ratings(en.id);
      ae.lasting_effects = tx->lasting_effects().of_enrolment(en.id);
      if (en.staff_id) staff.insert(*en.staff_id);
      for (const auto& a : ae.allocations) staff.insert(a.staff_id);
      for (const auto& c : ae.contacts)
        if (c.staff_id) staff.insert(*c.staff_id);
      for (const auto& f : ae.follow_ups)
        if (f.staff_id) staff.insert(*f.staff_id);
      for (const auto& c : ae.consents) x.party_names[c.party_id];
      for (const auto& pl : ae.plans)
        for (const auto& a : pl.activities)
          if (a.party_id) x.party_names[*a.party_id];
      ae.enrolment = std::move(en);
      x.enrolments.push_back(std::move(ae));
    }
    for (Id s : staff)
      if (auto m = tx->staff().get(s)) x.staff_names[s] = m->name;
    for (auto& [id, name] : x.party_names)
      if (auto party = tx->organisation().party(id)) name = party->name;
    for (auto& ae : x.enrolments)
      if (ae.enrolment.staff_id) ae.staff_name = x.staff_names[*ae.enrolment.staff_id];
    x.audit = audit_about(*tx, records);
  }
  x.produced_on = today_string(env_);
  x.produced_by = actor.name;
  record_standalone(env_, actor, "person.access_export", "person", std::to_string(x.person_id), format);
  return x;
}

}  // namespace stegvis::app

namespace stegvis::app {

Result<std::string> AccessRequestService::export_pdf(const Actor& actor, Id enrolment_id) {
  auto x = export_person(actor, enrolment_id, "pdf");
  if (!x) return x.error();
  return reports::render_access_report_pdf(*x);
}

}  // namespace stegvis::app
