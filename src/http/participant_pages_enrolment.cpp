// The participant page: one enrolment as a timeline from start to final
// document (domain.md §3.3–§3.9): header with the personal-data controller,
// due dates, consent, plan, contacts, follow-ups, exit and final document,
// each with its form. The forms' handlers are in participant_pages_enrolment_forms.cpp.
#include <set>

#include "app/participant_access.hpp"
#include "app/referral_service.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/participant_pages.hpp"

namespace stegvis::http::participant {
namespace {

constexpr int kBlankActivityRows = 2;

json party_options(const std::vector<Party>& parties, std::optional<Id> selected) {
  json out = json::array();
  out.push_back({{"value", ""}, {"label", "–"}, {"selected", !selected}});
  for (const auto& p : parties)
    out.push_back({{"value", std::to_string(p.id)}, {"label", p.name}, {"selected", selected && *selected == p.id}});
  return out;
}

json header_view(const Request& req, const Org& org, const app::EnrolmentView& v) {
  const auto& e = v.enrolment;
  const Track* track = org.track(e.track_id);
  const Unit* unit = org.unit(e.unit_id);
  const Programme* programme = org.programme(e.programme_id);
  json h{{"id", e.id},
         {"name", v.identity ? json(v.identity->first_name + " " + v.identity->last_name) : json(false)},
         {"personal_number", v.identity ? json(format_personal_number(v.identity->personal_number)) : json(false)},
         {"contact", opt_text(v.identity ? v.identity->contact : "")},
         {"controller", v.controller},
         {"programme", programme ? programme->name : ""},
         {"track", track ? track->name : ""},
         {"unit", unit ? unit->name : ""},
         {"unit_id", e.unit_id},
         {"municipality", org.municipality_name(e.municipality_id)},
         {"start_date", e.start_date},
         {"staff_name", v.staff_name.empty() ? json(false) : json(v.staff_name)},
         {"gender", label_of(genders(), e.gender)},
         {"birth_year", e.birth_year},
         {"active", e.active()},
         {"exit_date", e.exit_date},
         {"coordinator", app::coordinates_unit(*req.actor, e.unit_id)},
         {"purged_on", e.purged() ? json(e.purged_on) : json(false)},
         // The register extract of the person, for the unit's samordnare (never anonymous enrolments).
         {"access_export", app::coordinates_unit(*req.actor, e.unit_id) && e.person_id && !e.anonymous && !e.purged()
                               ? json{{"pdf", "/api/v1/enrolments/" + std::to_string(e.id) + "/person/access-export.pdf"},
                                      {"json", "/api/v1/enrolments/" + std::to_string(e.id) + "/person/access-export.json"}}
                               : json(false)},
         {"referral_id", e.referral_id ? json(*e.referral_id) : json(false)}};
  return h;
}

json consent_rows(const Org& org, const std::vector<Consent>& consents) {
  json rows = json::array();
  std::set<Id> seen;  // latest decision per party comes first
  for (const auto& c : consents) {
    if (!seen.insert(c.party_id).second) continue;
    rows.push_back({{"party", org.party_name(c.party_id)}, {"given", c.given}, {"date", c.decided_on}});
  }
  return rows;
}

json plan_view(const Org& org, const Plan& p) {
  json goals = json::array();
  for (const auto& g : p.goals) goals.push_back({{"area", label_of(goal_areas(), g.area)}, {"text", g.text}});
  json activities = json::array();
  for (const auto& a : p.activities)
    activities.push_back({{"kind", label_of(activity_kinds(), a.kind)}, {"text", a.text}, {"start", a.start},
                          {"end", a.end}, {"workplace", a.workplace}, {"party", org.party_name(a.party_id)}});
  return {{"version", p.version}, {"saved_on", p.saved_on}, {"problem", opt_text(p.problem)}, {"goals", goals},
          {"has_goals", !goals.empty()}, {"activities", activities}, {"has_activities", !activities.empty()},
          {"next_follow_up", opt_text(p.next_follow_up)}};
}

json ratings_view(const std::vector<GoalRating>& ratings) {
  json rows = json::array();
  for (const auto& area : goal_areas()) {
    json row{{"label", area.label_sv}, {"start", "–"}, {"exit", "–"}};
    for (const auto& r : ratings)
      if (r.area == area.code) row[r.phase] = std::to_string(r.rating);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

json consent_form_view(const std::vector<Party>& parties, const std::vector<Id>& checked, const std::string& date,
                       const std::string& given) {
  return {{"parties", party_checks(parties, checked, "consent")}, {"date", date}, {"given", given != "0"},
          {"refused", given == "0"}};
}

json plan_form_view(const std::vector<Party>& parties, const Plan& plan, int version) {
  json goals = json::array();
  for (const auto& area : goal_areas()) {
    std::string text;
    for (const auto& g : plan.goals)
      if (g.area == area.code) text += (text.empty() ? "" : "\n") + g.text;
    goals.push_back({{"area", area.code}, {"label", area.label_sv}, {"text", text}});
  }
  json rows = json::array();
  auto add_row = [&](const Activity& a) {
    int index = static_cast<int>(rows.size()) + 1;
    rows.push_back({{"index", index}, {"kinds", term_options(activity_kinds(), a.kind, "–")}, {"text", a.text},
                    {"start", a.start}, {"end", a.end}, {"workplace", a.workplace},
                    {"parties", party_options(parties, a.party_id)}});
  };
  for (const auto& a : plan.activities) add_row(a);
  for (int i = 0; i < kBlankActivityRows; ++i) add_row(Activity{});
  return {{"version", version}, {"problem", plan.problem}, {"goals", std::move(goals)}, {"activities", std::move(rows)},
          {"next_follow_up", plan.next_follow_up}};
}

json contact_form_view(const Contact& c, const std::string& key) {
  return {{"date", c.date}, {"kinds", term_options(contact_kinds(), c.kind, "")},
          {"minutes", c.minutes > 0 ? std::to_string(c.minutes) : ""}, {"note", c.note}, {"request_key", key}};
}

json follow_up_form_view(const FollowUp& f) {
  return {{"date", f.date}, {"with_referrer", f.with_referrer}, {"continue", f.decision != "exit"},
          {"exit", f.decision == "exit"}, {"note", f.note}, {"next_follow_up", f.next_follow_up}};
}

json exit_form_view(const app::ExitInput& in) {
  json ratings = json::array();
  for (const auto& area : goal_areas()) {
    int start = 0, end = 0;
    for (const auto& g : in.goal_ratings)
      if (g.area == area.code) (g.phase == "start" ? start : end) = g.rating;
    ratings.push_back({{"area", area.code}, {"label", area.label_sv}, {"start", rating_options(start)},
                       {"exit", rating_options(end)}});
  }
  return {{"date", in.date},
          {"outcomes", term_options(exit_outcomes(), in.outcome, "–")},
          {"income_after", term_checks(income_sources(), in.income_after, "inc-after")},
          {"occupations", term_options(occupations(), in.occupation_after, "–")},
          {"ratings", std::move(ratings)},
          {"next_step", in.next_step},
          {"contact_after_exit", in.contact_after_exit.value_or(false)}};
}

json sent_form_view(const std::string& date, const std::vector<std::string>& to) {
  auto has = [&](const char* r) { return std::find(to.begin(), to.end(), r) != to.end(); };
  return {{"date", date}, {"participant", has("participant")}, {"referrer", has("referrer")}};
}

Response enrolment_page(app::Services& services, PageRenderer& pages, const Request& req, Id id,
                        const FormState* state, int status) {
  auto v = services.enrolments.view(*req.actor, id);
  if (!v) return error_response(pages, req, v.error());
  auto org = load_org_of_programme(services, *req.actor, v->enrolment.programme_id);
  if (!org) return error_response(pages, req, org.error());
  const auto& e = v->enrolment;
  std::string today = app::today_string(services.env);
  bool exited = !e.active();

  std::vector<Id> consent_parties;
  for (const auto& c : v->consents) consent_parties.push_back(c.party_id);
  std::set<Id> decided(consent_parties.begin(), consent_parties.end());
  consent_parties.assign(decided.begin(), decided.end());

  app::ExitInput exit_defaults;
  exit_defaults.date = today;
  exit_defaults.goal_ratings = v->goal_ratings;
  exit_defaults.income_after = e.income_after;
  exit_defaults.contact_after_exit = e.contact_after_exit;

  json crows = consent_rows(*org, v->consents);
  json contacts = json::array();
  int minutes = 0;
  for (const auto& c : v->contacts) {
    minutes += c.minutes;
    contacts.push_back({{"date", c.date}, {"kind", label_of(contact_kinds(), c.kind)}, {"minutes", c.minutes},
                        {"note", c.note}});
  }
  json follow_ups = json::array();
  for (const auto& f : v->follow_ups)
    follow_ups.push_back({{"date", f.date}, {"with_referrer", f.with_referrer}, {"exit", f.decision == "exit"},
                          {"note", f.note}, {"next_follow_up", f.next_follow_up}});
  json income_after = json::array();
  for (const auto& s : e.income_after) income_after.push_back(label_of(income_sources(), s));
  json sent_to = json::array();
  for (const auto& r : e.final_report_to) sent_to.push_back(pages.text(req, "enr_final_to_" + r));

  json due{{"plan", due_view(v->plan_due, today)}, {"follow_up", due_view(v->follow_up_due, today)}};
  due["plan"]["done"] = v->plan.has_value();
  if (v->final_report_due) {
    due["final_report"] = due_view(*v->final_report_due, today);
    due["final_report"]["done"] = !e.final_report_sent_on.empty();
  }
  std::string base = "/enrolments/" + std::to_string(id);
  // The lists are moved into the view, not copied: a long-running participant has many contacts.
  const bool has_consents = !crows.empty(), has_contacts = !contacts.empty(), has_follow_ups = !follow_ups.empty();
  const std::size_t contact_count = contacts.size();
  json view{
      {"title", v->identity ? v->identity->first_name + " " + v->identity->last_name
                            : pages.text(req, e.purged() ? "retention_purged" : "enr_anonymous") + " " +
                                  std::to_string(id)},
      {"e", header_view(req, *org, *v)},
      {"base", base},
      {"active", e.active()},
      {"exited", exited},
      {"due", std::move(due)},
      {"steps",
       json::array({{{"anchor", "sec-consent"}, {"label", pages.text(req, "enr_consent")}, {"done", has_consents}},
                    {{"anchor", "sec-plan"}, {"label", pages.text(req, "enr_plan")}, {"done", v->plan.has_value()}},
                    {{"anchor", "sec-contacts"}, {"label", pages.text(req, "enr_contacts")}, {"done", has_contacts}},
                    {{"anchor", "sec-follow-ups"}, {"label", pages.text(req, "enr_follow_ups")}, {"done", has_follow_ups}},
                    {{"anchor", "sec-exit"}, {"label", pages.text(req, "enr_exit")}, {"done", exited}},
                    {{"anchor", "sec-final"}, {"label", pages.text(req, "enr_final")},
                     {"done", !e.final_report_sent_on.empty()}}})},
      {"consent",
       {{"rows", std::move(crows)}, {"has_rows", has_consents},
        {"form", consent_form_view(org->parties, consent_parties, today, "1")}}},
      {"plan",
       {{"current", v->plan ? plan_view(*org, *v->plan) : json(false)}, {"versions", v->plan_versions},
        {"form", plan_form_view(org->parties, v->plan ? *v->plan : Plan{}, v->plan_versions)}}},
      {"contacts",
       {{"rows", std::move(contacts)}, {"has_rows", has_contacts}, {"count", contact_count}, {"minutes", minutes},
        {"form", contact_form_view(Contact{0, today, "meeting", 0, "", std::nullopt}, request_key())}}},
      {"follow_ups",
       {{"rows", std::move(follow_ups)}, {"has_rows", has_follow_ups},
        {"form", follow_up_form_view(FollowUp{0, today, true, "continue", "", "", std::nullopt})}}},
      {"exit",
       {{"outcome", opt_text(label_of(exit_outcomes(), e.outcome))}, {"income_after", std::move(income_after)},
        {"occupation_after", opt_text(label_of(occupations(), e.occupation_after))}, {"next_step", opt_text(e.next_step)},
        {"ratings", ratings_view(v->goal_ratings)}, {"form", exit_form_view(exit_defaults)}}},
      {"final",
       {{"pdf_href", "/api/v1/enrolments/" + std::to_string(id) + "/final-report.pdf"},
        {"sent_on", e.final_report_sent_on.empty() ? json(false) : json(e.final_report_sent_on)},
        {"sent_to", std::move(sent_to)},
        {"form", sent_form_view(today, {"participant", "referrer"})}}},
      {"ratings", ratings_view(pages, req, v->ratings, v->rating_summary, today, state)},
      {"goal", goal_ratings_view(v->goal_ratings, state)},
      {"lasting", lasting_view(services, req, *v, state)},
      {"saved", {{req.query_value("saved").empty() ? "none" : req.query_value("saved"), true}}}};
  if (state) {
    static const std::map<std::string, std::string> kSection{{"consent", "consent"}, {"plan", "plan"},
                                                             {"contact", "contacts"}, {"follow_up", "follow_ups"},
                                                             {"exit", "exit"}, {"sent", "final"}};
    auto it = kSection.find(state->form);
    if (it != kSection.end()) {
      view[it->second]["form"] = state->values;
      view[it->second]["error"] = error_view(state->error);
    }
  }
  return render_page(pages, req, "enr_page", std::move(view), status);
}

}  // namespace stegvis::http::participant
