// The participant page's route and the forms on it: consent, a new plan
// version (with the version the form was opened with), contacts (with an
// idempotency key), follow-ups, exit and "final document sent". A form with an
// error re-renders the page with the entered values and the Swedish message.
#include "app/referral_service.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"
#include "http/participant_pages.hpp"

namespace stegvis::http {
namespace {

using participant::FormState;
using participant::json;

Plan read_plan(const Request& req) {
  Plan p;
  p.problem = req.form_value("problem");
  p.next_follow_up = req.form_value("next_follow_up");
  for (const auto& area : goal_areas()) {
    std::string text = req.form_value("goal_" + area.code);
    if (text.find_first_not_of(" \t\r\n") != std::string::npos) p.goals.push_back({area.code, text});
  }
  auto kinds = participant::form_values(req, "activity_kind");
  auto texts = participant::form_values(req, "activity_text");
  auto starts = participant::form_values(req, "activity_start");
  auto ends = participant::form_values(req, "activity_end");
  auto places = participant::form_values(req, "activity_workplace");
  auto parties = participant::form_values(req, "activity_party");
  auto at = [](const std::vector<std::string>& v, std::size_t i) { return i < v.size() ? v[i] : std::string(); };
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    Activity a{kinds[i], at(texts, i), at(starts, i), at(ends, i), form_id(at(parties, i)), at(places, i)};
    // Untouched blank rows are not activities.
    if (a.kind.empty() && a.text.empty() && a.start.empty() && a.end.empty() && a.workplace.empty()) continue;
    p.activities.push_back(a);
  }
  return p;
}

app::ExitInput read_exit(const Request& req) {
  app::ExitInput in;
  in.date = req.form_value("date");
  in.outcome = req.form_value("outcome");
  in.income_after = participant::form_values(req, "income_after");
  in.occupation_after = req.form_value("occupation_after");
  in.next_step = req.form_value("next_step");
  in.contact_after_exit = participant::form_checked(req, "contact_after_exit");
  for (const auto& area : goal_areas())
    for (const char* phase : {"start", "exit"}) {
      int rating = participant::form_int(req.form_value(std::string("rating_") + phase + "_" + area.code), 0);
      if (rating) in.goal_ratings.push_back({phase, area.code, rating});
    }
  return in;
}

using FormHandler = Response (*)(app::Services&, PageRenderer&, Request&, Id);

Response saved(Id id, const char* form, const char* anchor) {
  return Response::redirect("/enrolments/" + std::to_string(id) + "?saved=" + form + "#" + anchor);
}

template <typename R>
Response after(app::Services& services, PageRenderer& pages, Request& req, Id id, const R& r, const char* form,
               const char* anchor, const json& values) {
  if (r) return saved(id, form, anchor);
  if (r.error().code == ErrorCode::forbidden || r.error().code == ErrorCode::not_found)
    return error_response(pages, req, r.error());
  FormState state{form, r.error(), values};
  return participant::enrolment_page(services, pages, req, id, &state, status_for(r.error().code));
}

Response post_consent(app::Services& services, PageRenderer& pages, Request& req, Id id) {
  auto parties = participant::form_ids(req, "parties");
  std::string date = req.form_value("date"), given = req.form_value("given");
  auto r = services.referrals.record_consent(*req.actor, id, parties, date, given != "0");
  if (r) return saved(id, "consent", "sec-consent");
  auto org = participant::load_org(services, *req.actor);
  json values = org ? participant::consent_form_view(org->parties, parties, date, given) : json::object();
  return after(services, pages, req, id, r, "consent", "sec-consent", values);
}

Response post_plan(app::Services& services, PageRenderer& pages, Request& req, Id id) {
  Plan plan = read_plan(req);
  int version = participant::form_int(req.form_value("version"), 0);
  auto r = services.enrolments.save_plan(*req.actor, id, plan, version);
  if (r) return saved(id, "plan", "sec-plan");
  // After a conflict the page shows the newer plan; the form keeps what was typed and now names that version.
  int shown = version;
  if (r.error().code == ErrorCode::conflict)
    if (auto v = services.enrolments.view(*req.actor, id)) shown = v->plan_versions;
  auto org = participant::load_org(services, *req.actor);
  json values = participant::plan_form_view(org ? org->parties : std::vector<Party>{}, plan, shown);
  return after(services, pages, req, id, r, "plan", "sec-plan", values);
}

Response post_contact(app::Services& services, PageRenderer& pages, Request& req, Id id) {
  Contact c;
  c.date = req.form_value("date");
  c.kind = req.form_value("kind");
  c.minutes = participant::form_int(req.form_value("minutes"), 0);
  c.note = req.form_value("note");
  std::string key = req.form_value("request_key");
  auto r = services.enrolments.add_contact(*req.actor, id, c, key);
  return after(services, pages, req, id, r, "contact", "sec-contacts", participant::contact_form_view(c, key));
}

Response post_follow_up(app::Services& services, PageRenderer& pages, Request& req, Id id) {
  FollowUp f;
  f.date = req.form_value("date");
  f.with_referrer = participant::form_checked(req, "with_referrer");
  f.decision = req.form_value("decision");
  f.note = req.form_value("note");
  f.next_follow_up = req.form_value("next_follow_up");
  auto r = services.enrolments.record_follow_up(*req.actor, id, f);
  return after(services, pages, req, id, r, "follow_up", "sec-follow-ups", participant::follow_up_form_view(f));
}

Response post_exit(app::Services& services, PageRenderer& pages, Request& req, Id id) {
  auto in = read_exit(req);
  auto r = services.enrolments.exit(*req.actor, id, in);
  return after(services, pages, req, id, r, "exit", "sec-exit", participant::exit_form_view(in));
}

Response post_sent(app::Services& services, PageRenderer& pages, Request& req, Id id) {
  std::string date = req.form_value("date");
  auto to = participant::form_values(req, "to");
  auto r = services.enrolments.mark_final_report_sent(*req.actor, id, date, to);
  return after(services, pages, req, id, r, "sent", "sec-final", participant::sent_form_view(date, to));
}

}  // namespace

void add_enrolment_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("GET", "/enrolments/{id}", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    return participant::enrolment_page(services, pages, req, *id, nullptr, 200);
  });
  const std::pair<const char*, FormHandler> forms[] = {
      {"/enrolments/{id}/consent", post_consent},     {"/enrolments/{id}/plan", post_plan},
      {"/enrolments/{id}/contacts", post_contact},    {"/enrolments/{id}/follow-ups", post_follow_up},
      {"/enrolments/{id}/exit", post_exit},           {"/enrolments/{id}/final-report/sent", post_sent},
  };
  for (const auto& [path, handler] : forms)
    router.add("POST", path, Auth::session, false, [&services, &pages, handler = handler](Request& req) {
      auto id = parse_id(req.params["id"]);
      if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
      return handler(services, pages, req, *id);
    });
}

}  // namespace stegvis::http
