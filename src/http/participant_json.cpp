#include "http/participant_json.hpp"

#include "http/rating_json.hpp"

namespace stegvis::http {
namespace {
json opt_id(const std::optional<Id>& v) { return v ? json(*v) : json(nullptr); }
json opt_str(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
}  // namespace


// Never with names or personal numbers: the referral carries only person_id, which stays inside.
json referral_json(const Referral& r, TrackCodes& tracks) {
  return {{"id", r.id},
          {"programme_id", r.programme_id},
          {"track", tracks.code(r.programme_id, r.track_id)},
          {"track_id", r.track_id},
          {"unit_id", r.unit_id},
          {"municipality_id", r.municipality_id},
          {"referring_party_id", r.referring_party_id},
          {"referrer_name", r.referrer_name},
          {"anonymous", r.anonymous},
          {"gender", r.gender},
          {"birth_year", r.birth_year},
          {"income_sources", r.income_sources},
          {"coordination_need_parties", r.coordination_parties},
          {"reason", r.reason},
          {"status", r.status},
          {"received_on", opt_str(r.received_on)},
          {"intake_on", opt_str(r.intake_on)},
          {"decided_on", opt_str(r.decided_on)},
          {"decision_reason", r.decision_reason},
          {"override_reason", r.override_reason},
          {"enrolment_id", opt_id(r.enrolment_id)},
          {"version", r.version}};
}

json enrolment_json(const Enrolment& e) {
  return {{"id", e.id},
          {"referral_id", opt_id(e.referral_id)},
          {"programme_id", e.programme_id},
          {"track_id", e.track_id},
          {"unit_id", e.unit_id},
          {"municipality_id", e.municipality_id},
          {"anonymous", e.anonymous},
          {"gender", e.gender},
          {"birth_year", e.birth_year},
          {"start_date", e.start_date},
          {"exit_date", opt_str(e.exit_date)},
          {"status", e.active() ? "active" : "exited"},
          {"outcome", opt_str(e.outcome)},
          {"staff_id", opt_id(e.staff_id)},
          {"income_before", e.income_before},
          {"support_duration", opt_str(e.support_duration)},
          {"education", opt_str(e.education)},
          {"occupation_before", opt_str(e.occupation_before)},
          {"income_after", e.income_after},
          {"occupation_after", opt_str(e.occupation_after)},
          {"next_step", e.next_step},
          {"final_report_sent_on", opt_str(e.final_report_sent_on)},
          {"final_report_to", e.final_report_to},
          {"purged_on", opt_str(e.purged_on)},
          {"contact_after_exit", e.contact_after_exit},
          {"contact_after_exit_on", opt_str(e.contact_after_exit_on)},
          {"version", e.version}};
}

json plan_json(const Plan& p) {
  json goals = json::array(), activities = json::array();
  for (const auto& g : p.goals) goals.push_back({{"area", g.area}, {"text", g.text}});
  for (const auto& a : p.activities)
    activities.push_back({{"kind", a.kind},
                          {"text", a.text},
                          {"start", a.start},
                          {"end", opt_str(a.end)},
                          {"party_id", opt_id(a.party_id)},
                          {"workplace", a.workplace}});
  return {{"version", p.version},
          {"problem", p.problem},
          {"goals", goals},
          {"activities", activities},
          {"next_follow_up", opt_str(p.next_follow_up)},
          {"saved_on", opt_str(p.saved_on)}};
}

json view_json(const app::EnrolmentView& v) {
  const Enrolment& e = v.enrolment;
  json j = enrolment_json(e);
  j["staff_name"] = v.staff_name.empty() ? json(nullptr) : json(v.staff_name);
  j["controller"] = v.controller;
  if (v.identity && !e.anonymous)
    j["person"] = {{"personal_number", v.identity->personal_number},
                   {"first_name", v.identity->first_name},
                   {"last_name", v.identity->last_name},
                   {"contact", v.identity->contact}};
  else
    j["person"] = nullptr;
  // The current decision per party (the store gives the latest first).
  json consents = json::array();
  std::set<Id> seen;
  for (const auto& c : v.consents)
    if (seen.insert(c.party_id).second)
      consents.push_back({{"party_id", c.party_id}, {"given", c.given}, {"date", c.decided_on}});
  j["consents"] = consents;
  j["plan"] = v.plan ? plan_json(*v.plan) : json(nullptr);
  j["plan_versions"] = v.plan_versions;
  json contacts = json::array();
  for (const auto& c : v.contacts)
    contacts.push_back({{"id", c.id},
                        {"date", c.date},
                        {"kind", c.kind},
                        {"minutes", c.minutes},
                        {"note", c.note},
                        {"staff_id", opt_id(c.staff_id)}});
  j["contacts"] = contacts;
  json follow_ups = json::array();
  for (const auto& f : v.follow_ups)
    follow_ups.push_back({{"id", f.id},
                          {"date", f.date},
                          {"with_referrer", f.with_referrer},
                          {"decision", f.decision},
                          {"note", f.note},
                          {"next_follow_up", opt_str(f.next_follow_up)},
                          {"staff_id", opt_id(f.staff_id)}});
  j["follow_ups"] = follow_ups;
  json ratings = json::array();
  for (const auto& g : v.goal_ratings) ratings.push_back({{"phase", g.phase}, {"area", g.area}, {"rating", g.rating}});
  j["goal_ratings"] = ratings;
  j["goal_changes"] = goal_changes_json(v.goal_ratings);
  j["rating_summary"] = rating_summary_json(v.rating_summary);
  json lasting = json::array();
  for (const auto& l : v.lasting_effects) lasting.push_back({{"months", l.months}, {"status", l.status}, {"date", l.date}});
  j["lasting_effect"] = lasting;
  // What is due next: the plan until one is saved, follow-ups while active, the final document until sent.
  const bool active = e.active();
  j["due"] = {{"plan", active && !v.plan ? json(to_string(v.plan_due)) : json(nullptr)},
              {"follow_up", active ? json(to_string(v.follow_up_due)) : json(nullptr)},
              {"final_report", v.final_report_due && e.final_report_sent_on.empty()
                                   ? json(to_string(*v.final_report_due))
                                   : json(nullptr)}};
  return j;
}

// ---- request bodies -------------------------------------------------------


}  // namespace stegvis::http
