// One referral: its details, the intake decision (book intake, accept with
// exclusions and start variables, decline with a reason, waiting list) and the
// print-friendly letter that reports the decision back to the referring party
// (domain.md §3.2).
#include <algorithm>
#include <map>

#include "app/referral_service.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"
#include "http/participant_pages.hpp"

namespace stegvis::http {
namespace {

using participant::json;
using participant::Org;

bool decided(const Referral& r) { return r.status != "received"; }
bool closed(const Referral& r) { return r.status == "accepted" || r.status == "declined"; }

json referral_facts(PageRenderer& pages, const Request& req, const Org& org, const Referral& r) {
  const Track* track = org.track(r.track_id);
  const Unit* unit = org.unit(r.unit_id);
  const Programme* programme = org.programme(r.programme_id);
  json income = json::array();
  for (const auto& s : r.income_sources) income.push_back(label_of(income_sources(), s));
  json coordination = json::array();
  for (Id p : r.coordination_parties) coordination.push_back(org.party_name(p));
  return {{"id", r.id},
          {"programme", programme ? programme->name : ""},
          {"track", track ? track->name : ""},
          {"unit", unit ? unit->name : ""},
          {"unit_id", r.unit_id},
          {"controller", unit ? org.party_name(unit->controller_party_id) : ""},
          {"municipality", org.municipality_name(r.municipality_id)},
          {"referring_party", org.party_name(r.referring_party_id)},
          {"referrer_name", r.referrer_name},
          {"anonymous", r.anonymous},
          {"gender", label_of(genders(), r.gender)},
          {"birth_year", r.birth_year},
          {"income_sources", income},
          {"coordination_parties", coordination},
          {"reason", participant::opt_text(r.reason)},
          {"status", r.status},
          {"status_label", pages.text(req, "ref_status_" + r.status)},
          {"is_" + r.status, true},
          {"received_on", r.received_on},
          {"intake_on", participant::opt_text(r.intake_on)},
          {"decided_on", participant::opt_text(r.decided_on)},
          {"decision_reason", participant::opt_text(r.decision_reason)},
          {"override_reason", participant::opt_text(r.override_reason)},
          {"enrolment_id", r.enrolment_id ? json(*r.enrolment_id) : json(false)}};
}

// The four decision forms with their values; `entered` and `error` belong to the one that was sent.
json decision_forms(PageRenderer& pages, const Request& req, const std::string& today, const app::DecisionInput* entered,
                    const Error* error) {
  auto value = [&](const std::string& decision, const std::string& field_value, const std::string& fallback) {
    return entered && entered->decision == decision ? field_value : fallback;
  };
  app::DecisionInput in = entered ? *entered : app::DecisionInput{};
  bool accept = entered && entered->decision == "accepted";
  const auto& ex = accept ? in.exclusions : app::Exclusions{};
  json exclusions = json::array();
  auto add_exclusion = [&](const char* code, bool checked) {
    exclusions.push_back({{"value", code}, {"label", pages.text(req, std::string("ref_excl_") + code)}, {"checked", checked}});
  };
  add_exclusion("substance_dependence", ex.substance_dependence);
  add_exclusion("threatening_behaviour", ex.threatening_behaviour);
  add_exclusion("imminent_deprivation_of_liberty", ex.imminent_deprivation_of_liberty);
  add_exclusion("illness_prevents_participation", ex.illness_prevents_participation);
  bool rule_failed = accept && error && error->code == ErrorCode::unprocessable;
  json forms{
      {"intake", {{"date", value("intake_booked", in.date, today)}}},
      {"accept",
       {{"date", value("accepted", in.date, today)},
        {"exclusions", exclusions},
        {"support_durations", participant::term_options(support_durations(), accept ? in.support_duration : "",
                                                        pages.text(req, "choose"))},
        {"education_levels",
         participant::term_options(education_levels(), accept ? in.education : "", pages.text(req, "choose"))},
        {"occupations",
         participant::term_options(occupations(), accept ? in.occupation_before : "", pages.text(req, "choose"))},
        {"show_override", rule_failed || (accept && !in.override_reason.empty())},
        {"override_reason", accept ? in.override_reason : ""}}},
      {"decline", {{"date", value("declined", in.date, today)}, {"reason", value("declined", in.reason, "")}}},
      {"waiting", {{"date", value("waiting_list", in.date, today)}, {"reason", value("waiting_list", in.reason, "")}}}};
  if (entered && error) {
    static const std::map<std::string, std::string> kForm{
        {"intake_booked", "intake"}, {"accepted", "accept"}, {"declined", "decline"}, {"waiting_list", "waiting"}};
    auto it = kForm.find(entered->decision);
    forms[it == kForm.end() ? "accept" : it->second]["error"] = participant::error_view(*error);
  }
  return forms;
}

Response referral_page(app::Services& services, PageRenderer& pages, Request& req, Id id,
                       const app::DecisionInput* entered, const Error* error, int status) {
  auto r = services.referrals.get(*req.actor, id);
  if (!r) return error_response(pages, req, r.error());
  auto org = participant::load_org(services, *req.actor);
  if (!org) return error_response(pages, req, org.error());
  std::string today = app::today_string(services.env);
  json facts = referral_facts(pages, req, *org, *r);
  if (auto who = services.referrals.identity(*req.actor, id); who && *who)
    facts["person"] = {{"name", (*who)->first_name + " " + (*who)->last_name},
                       {"personal_number", participant::format_personal_number((*who)->personal_number)}};
  json view{{"title", pages.text(req, "ref_title") + " " + std::to_string(r->id)},
            {"referral", facts},
            {"version", r->version},
            {"may_decide", !closed(*r)},
            {"decided", decided(*r)},
            {"saved", req.query_value("saved") == "decision"},
            {"created", req.query_value("saved") == "created"},
            {"forms", decision_forms(pages, req, today, entered, error)}};
  return participant::render_page(pages, req, "ref_detail", std::move(view), status);
}

app::DecisionInput read_decision(const Request& req) {
  app::DecisionInput in;
  in.decision = req.form_value("decision");
  in.date = req.form_value("date");
  in.reason = req.form_value("reason");
  in.override_reason = req.form_value("override_reason");
  auto excl = participant::form_values(req, "exclusions");
  auto has = [&](const char* code) { return std::find(excl.begin(), excl.end(), code) != excl.end(); };
  in.exclusions.substance_dependence = has("substance_dependence");
  in.exclusions.threatening_behaviour = has("threatening_behaviour");
  in.exclusions.imminent_deprivation_of_liberty = has("imminent_deprivation_of_liberty");
  in.exclusions.illness_prevents_participation = has("illness_prevents_participation");
  in.support_duration = req.form_value("support_duration");
  in.education = req.form_value("education");
  in.occupation_before = req.form_value("occupation_before");
  in.expected_version = participant::form_int(req.form_value("version"), 0);
  return in;
}

}  // namespace

void add_referral_decision_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/referrals/{id}", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return referral_page(services, pages, req, *id, nullptr, nullptr, 200);
  });

  router.add("POST", "/referrals/{id}/decision", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto in = read_decision(req);
    auto r = services.referrals.decide(*req.actor, *id, in);
    if (r) return Response::redirect("/referrals/" + std::to_string(*id) + "?saved=decision#feedback");
    if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
      return error_response(pages, req, r.error());
    return referral_page(services, pages, req, *id, &in, &r.error(), status_for(r.error().code));
  });

  router.add("GET", "/referrals/{id}/letter", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    auto r = services.referrals.get(*req.actor, *id);
    if (!r) return error_response(pages, req, r.error());
    auto org = participant::load_org(services, *req.actor);
    if (!org) return error_response(pages, req, org.error());
    // The person's name, when the referral became an enrolment the reader may see.
    json person = false;
    if (auto who = services.referrals.identity(*req.actor, *id); who && *who)
      person = {{"name", (*who)->first_name + " " + (*who)->last_name},
                {"personal_number", participant::format_personal_number((*who)->personal_number)}};
    json view{{"title", pages.text(req, "ref_letter_title") + " " + std::to_string(r->id)},
              {"person", person},
              {"referral", referral_facts(pages, req, *org, *r)},
              {"decided", decided(*r)},
              {"today", app::today_string(services.env)},
              {"sender", req.actor->name}};
    return participant::render_page(pages, req, "ref_letter", std::move(view));
  });
}

}  // namespace stegvis::http
