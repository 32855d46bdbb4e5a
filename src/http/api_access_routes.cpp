// Right of access (registerutdrag) under /api/v1: the person of an enrolment,
// everything stored about them, as JSON or PDF. Reached by enrolment id so that
// no personal number is ever in a URL or a log line.
#include "http/api_routes.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/participant_json.hpp"

namespace stegvis::http {
namespace {

json opt_text(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json place_json(const app::AccessPlace& p) {
  return {{"programme", p.programme}, {"track", p.track}, {"unit", p.unit}, {"municipality", p.municipality},
          {"controller", p.controller}};
}

json staff_json(const app::AccessExport& x, std::optional<Id> id) {
  if (!id) return nullptr;
  auto it = x.staff_names.find(*id);
  return {{"id", *id}, {"name", it == x.staff_names.end() ? "" : it->second}};
}

json party_json(const app::AccessExport& x, Id id) {
  auto it = x.party_names.find(id);
  return {{"id", id}, {"name", it == x.party_names.end() ? "" : it->second}};
}

json referral_json(const app::AccessReferral& ar) {
  const Referral& r = ar.referral;
  return {{"id", r.id},
          {"place", place_json(ar.place)},
          {"referring_party", ar.referring_party},
          {"referrer_name", r.referrer_name},
          {"anonymous", r.anonymous},
          {"gender", r.gender},
          {"birth_year", r.birth_year},
          {"income_sources", r.income_sources},
          {"reason", r.reason},
          {"status", r.status},
          {"received_on", opt_text(r.received_on)},
          {"intake_on", opt_text(r.intake_on)},
          {"decided_on", opt_text(r.decided_on)},
          {"decision_reason", r.decision_reason},
          {"override_reason", r.override_reason},
          {"enrolment_id", r.enrolment_id ? json(*r.enrolment_id) : json(nullptr)}};
}

json enrolment_export_json(const app::AccessExport& x, const app::AccessEnrolment& ae) {
  json j = enrolment_json(ae.enrolment);
  j["place"] = place_json(ae.place);
  j["staff"] = staff_json(x, ae.enrolment.staff_id);
  json consents = json::array(), allocations = json::array(), plans = json::array(), contacts = json::array(),
       follow_ups = json::array(), goal_ratings = json::array(), ratings = json::array();
  for (const auto& c : ae.consents)
    consents.push_back({{"party", party_json(x, c.party_id)}, {"given", c.given}, {"date", c.decided_on}});
  for (const auto& a : ae.allocations)
    allocations.push_back({{"staff", staff_json(x, a.staff_id)}, {"date", a.date}, {"override_reason", a.override_reason}});
  for (const auto& p : ae.plans) plans.push_back(plan_json(p));
  for (const auto& c : ae.contacts)
    contacts.push_back({{"id", c.id}, {"date", c.date}, {"kind", c.kind}, {"minutes", c.minutes}, {"note", c.note},
                        {"staff", staff_json(x, c.staff_id)}});
  for (const auto& f : ae.follow_ups)
    follow_ups.push_back({{"id", f.id}, {"date", f.date}, {"with_referrer", f.with_referrer}, {"decision", f.decision},
                          {"note", f.note}, {"next_follow_up", opt_text(f.next_follow_up)},
                          {"staff", staff_json(x, f.staff_id)}});
  for (const auto& g : ae.goal_ratings) goal_ratings.push_back({{"phase", g.phase}, {"area", g.area}, {"rating", g.rating}});
  for (const auto& r : ae.ratings)
    ratings.push_back({{"id", r.id}, {"date", r.date}, {"scale", r.scale},
                       {"items", {r.items[0] / 10.0, r.items[1] / 10.0, r.items[2] / 10.0, r.items[3] / 10.0}},
                       {"total", r.total / 10.0}});
  j["consents"] = consents;
  j["allocations"] = allocations;
  j["plan_versions"] = plans;
  j["contacts"] = contacts;
  j["follow_ups"] = follow_ups;
  j["goal_ratings"] = goal_ratings;
  j["ratings"] = ratings;
  json lasting = json::array();
  for (const auto& l : ae.lasting_effects) lasting.push_back({{"months", l.months}, {"status", l.status}, {"date", l.date}});
  j["lasting_effects"] = lasting;
  j["final_document"] = {{"sent_on", opt_text(ae.enrolment.final_report_sent_on)},
                         {"sent_to", ae.enrolment.final_report_to}};
  return j;
}

json access_export_json(const app::AccessExport& x) {
  json person{{"id", x.person_id}};
  if (x.identity) {
    person["personal_number"] = x.identity->personal_number;
    person["first_name"] = x.identity->first_name;
    person["last_name"] = x.identity->last_name;
    person["contact"] = x.identity->contact;
  }
  person["erased"] = !x.identity.has_value();
  json referrals = json::array(), enrolments = json::array(), audit = json::array();
  for (const auto& r : x.referrals) referrals.push_back(referral_json(r));
  for (const auto& e : x.enrolments) enrolments.push_back(enrolment_export_json(x, e));
  for (const auto& a : x.audit) {
    json line = to_json(a);
    line.erase("hash");
    audit.push_back(line);
  }
  return {{"kind", "registerutdrag"},
          {"produced_on", x.produced_on},
          {"produced_by", x.produced_by},
          {"person", person},
          {"referrals", referrals},
          {"enrolments", enrolments},
          {"audit", audit}};
}

Response attachment(Response r, const std::string& name) {
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return r;
}

}  // namespace

void add_access_routes(Router& router, app::Services& services) {
  auto& access = services.access_requests;
  router.add("GET", "/api/v1/enrolments/{id}/person/access-export.json", Auth::session, true, [&access](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Inskrivningen finns inte."));
    auto r = access.export_person(*req.actor, *id, "json");
    if (!r) return json_error(r.error());
    return attachment(json_response(access_export_json(*r)), "registerutdrag-" + std::to_string(*id) + ".json");
  });
  router.add("GET", "/api/v1/enrolments/{id}/person/access-export.pdf", Auth::session, true, [&access](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return json_error(not_found("Inskrivningen finns inte."));
    auto r = access.export_pdf(*req.actor, *id);
    if (!r) return json_error(r.error());
    return attachment(Response{200, "application/pdf", std::move(*r), {}}, "registerutdrag-" + std::to_string(*id) + ".pdf");
  });
}

}  // namespace stegvis::http
