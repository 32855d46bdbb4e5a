// The participant page's lasting-effect section (issue #9): the consent to be
// contacted after exit, changeable at any time (also to withdraw it), and,
// once exited with that consent, the checks 6 and 12 months after exit with a
// form to record where the person is now. "Att göra" links here with ?months=.
#include "app/referral_service.hpp"
#include "http/errors.hpp"
#include "http/json_codec.hpp"
#include "http/page_helpers.hpp"
#include "http/page_routes.hpp"
#include "http/participant_pages.hpp"

namespace stegvis::http {
namespace participant {

json lasting_view(app::Services& services, const Request& req, const app::EnrolmentView& v, const FormState* state) {
  const auto& e = v.enrolment;
  std::string today = app::today_string(services.env);
  int chosen = form_int(req.query_value("months"), 0);
  json checks = json::array();
  for (int m : services.env.settings.lasting_effect_months) {
    json row{{"months", m}, {"status", false}, {"date", false}, {"due", false}, {"overdue", false}};
    if (!e.active()) {
      Date due = lasting_due(*parse_date(e.exit_date), m);
      row["due"] = to_string(due);
      row["overdue"] = to_string(due) < today;
    }
    for (const auto& l : v.lasting_effects)
      if (l.months == m) {
        row["status"] = lasting_status_label(l.status);
        row["date"] = l.date;
        row["overdue"] = false;
      }
    if (chosen == 0 && row["status"] == false && !e.active()) chosen = m;
    checks.push_back(row);
  }
  json months = json::array();
  for (int m : services.env.settings.lasting_effect_months)
    months.push_back({{"value", std::to_string(m)}, {"label", std::to_string(m)}, {"selected", m == chosen}});
  std::vector<Term> statuses = exit_outcomes();
  statuses.push_back({kNotReached, lasting_status_label(kNotReached)});
  json view{{"consent", e.contact_after_exit},
            {"consent_on", opt_text(e.contact_after_exit_on)},
            {"consent_form", {{"given", e.contact_after_exit}, {"withdrawn", !e.contact_after_exit}, {"date", today}}},
            {"checks", checks},
            {"may_record", !e.active() && e.contact_after_exit},
            {"form", {{"months", months}, {"statuses", term_options(statuses, "", "–")}, {"date", today}}}};
  if (state && (state->form == "lasting" || state->form == "contact_after_exit")) {
    view[state->form == "lasting" ? "form" : "consent_form"] = state->values;
    view["error"] = error_view(state->error);
  }
  return view;
}

}  // namespace participant

namespace {

Response failed(app::Services& services, PageRenderer& pages, Request& req, Id id, const Error& e, const char* form,
                participant::json values) {
  if (e.code == ErrorCode::forbidden || e.code == ErrorCode::not_found) return error_response(pages, req, e);
  participant::FormState state{form, e, std::move(values)};
  return participant::enrolment_page(services, pages, req, id, &state, status_for(e.code));
}

}  // namespace

void add_lasting_effect_pages(Router& router, app::Services& services, PageRenderer& pages) {
  router.add("POST", "/enrolments/{id}/contact-after-exit", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    bool given = req.form_value("given") == "1";
    std::string date = req.form_value("date");
    auto r = services.lasting_effects.set_contact_after_exit(*req.actor, *id, given, date);
    if (r) return Response::redirect("/enrolments/" + std::to_string(*id) + "?saved=lasting#varaktig-effekt");
    return failed(services, pages, req, *id, r.error(), "contact_after_exit",
                  {{"given", given}, {"withdrawn", !given}, {"date", date}});
  });
  router.add("POST", "/enrolments/{id}/lasting-effect", Auth::session, false, [&services, &pages](Request& req) {
    auto id = parse_id(req.params["id"]);
    if (!id) return pages.error_page(req, 404, pages.text(req, "not_found"));
    LastingEffect e{participant::form_int(req.form_value("months"), 0), req.form_value("status"), req.form_value("date")};
    auto r = services.lasting_effects.record(*req.actor, *id, e);
    if (r) return Response::redirect("/enrolments/" + std::to_string(*id) + "?saved=lasting#varaktig-effekt");
    participant::json months = participant::json::array();
    for (int m : services.env.settings.lasting_effect_months)
      months.push_back({{"value", std::to_string(m)}, {"label", std::to_string(m)}, {"selected", m == e.months}});
    std::vector<Term> statuses = exit_outcomes();
    statuses.push_back({kNotReached, lasting_status_label(kNotReached)});
    return failed(services, pages, req, *id, r.error(), "lasting",
                  {{"months", months}, {"statuses", participant::term_options(statuses, e.status, "–")}, {"date", e.date}});
  });
}

}  // namespace stegvis::http
