// Shared pieces of the participant-path pages (referrals, allocation,
// participant lists and the participant page): form reading, option lists for
// the vocabulary, the organisation names a page shows, and the start page's
// "Att göra" section. The page handlers live in participant_pages_*.cpp.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "domain/participant.hpp"
#include "domain/vocabulary.hpp"
#include "http/page_renderer.hpp"

namespace stegvis::http::participant {

using nlohmann::json;

// The programmes, tracks, units, municipalities and parties a page names.
struct Org {
  std::vector<Programme> programmes;
  std::vector<Party> parties;

  const Programme* programme(Id id) const;
  const Unit* unit(Id id) const;
  const Track* track(Id id) const;
  std::string municipality_name(Id id) const;
  std::string party_name(std::optional<Id> id) const;
};
Result<Org> load_org(app::Services& services, const app::Actor& actor);
// Only one programme, with the parties that can take part in it (national and regional
// ones and its own municipalities): a national installation has hundreds of each.
Result<Org> load_org_of_programme(app::Services& services, const app::Actor& actor, Id programme_id);

// [{value, label, selected}] for a code list; an empty choice first when empty_label is not empty.
json term_options(const std::vector<Term>& list, const std::string& selected, const std::string& empty_label);
// [{value, label, checked, id}] checkboxes for a code list; ids are prefix-code.
json term_checks(const std::vector<Term>& list, const std::vector<std::string>& checked, const std::string& prefix);
json party_checks(const std::vector<Party>& parties, const std::vector<Id>& checked, const std::string& prefix);
// 1–5 rating choices with an empty one first.
json rating_options(int selected);

// Every value of a repeated form field, and the ids among them.
std::vector<std::string> form_values(const Request& req, const std::string& name);
std::vector<Id> form_ids(const Request& req, const std::string& name);
int form_int(const std::string& s, int fallback);
bool form_checked(const Request& req, const std::string& name);

// {"message", "invalid": {field: true}} for a form's error; the field "form" when none is named.
json error_view(const Error& e);
// The text, or false when empty (an empty string counts as true in a mustache section).
json opt_text(const std::string& s);
// A random token for hidden form fields that make a submission idempotent.
std::string request_key();
// "YYYYMMDD-NNNN" from the 12 canonical digits.
std::string format_personal_number(const std::string& canonical);
// Due date with its overdue flag against today: {date, overdue}.
json due_view(const Date& due, const std::string& today);

bool has_caseload_role(const app::Actor& a);
std::vector<Id> coordinated_units(const app::Actor& a);

// The main menu's links to the participant pages for this user (samordnare: the unit's
// referrals, allocation and participants; coach or koordinator: their own participants).
// pages.render with the participant links of the main menu added to the view.
Response render_page(PageRenderer& pages, const Request& req, const std::string& name, json view, int status = 200);

// The start page's "Att göra" section and the links to the participant pages,
// merged into the start page's view model.
void add_start_tasks(app::Services& services, PageRenderer& pages, const Request& req, json& view);

// The participant page (participant_pages_enrolment.cpp) and the forms on it
// (participant_pages_enrolment_forms.cpp).

// A form sent with an error: its name (consent, plan, contact, follow_up, exit, sent),
// the error and the form's values as entered.
struct FormState {
  std::string form;
  Error error;
  json values;
};

Response enrolment_page(app::Services& services, PageRenderer& pages, const Request& req, Id id,
                        const FormState* state, int status);

json consent_form_view(const std::vector<Party>& parties, const std::vector<Id>& checked, const std::string& date,
                       const std::string& given);
json plan_form_view(const std::vector<Party>& parties, const Plan& plan, int version);
json contact_form_view(const Contact& c, const std::string& key);
json follow_up_form_view(const FollowUp& f);
json exit_form_view(const app::ExitInput& in);
json sent_form_view(const std::string& date, const std::vector<std::string>& to);

// The ORS/SRS section and the goal-area ratings (participant_pages_ratings.cpp); a state
// whose form is "rating_ORS", "rating_SRS" or "goal_ratings" puts its values and error there.
json ratings_view(PageRenderer& pages, const Request& req, const std::vector<Rating>& ratings,
                  const RatingSummary& summary, const std::string& today, const FormState* state);
json goal_ratings_view(const std::vector<GoalRating>& ratings, const FormState* state);

// The lasting-effect section (participant_pages_lasting.cpp, issue #9): the consent to contact
// after exit and the checks 6 and 12 months after it; forms "contact_after_exit" and "lasting".
json lasting_view(app::Services& services, const Request& req, const app::EnrolmentView& v, const FormState* state);

}  // namespace stegvis::http::participant
