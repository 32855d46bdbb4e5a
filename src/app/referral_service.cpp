#include "app/referral_service.hpp"

#include <algorithm>
#include <ctime>
#include <set>

#include "app/audit.hpp"
#include "app/participant_access.hpp"
#include "domain/date.hpp"
#include "domain/eligibility.hpp"
#include "domain/personal_number.hpp"
#include "domain/validation.hpp"
#include "domain/vocabulary.hpp"

namespace stegvis::app {

std::string today_string(const Env& env) {
  std::time_t t = static_cast<std::time_t>(env.now());
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

namespace {

std::optional<Error> check_past_date(const Env& env, const char* field, std::string& value) {
  if (value.empty()) value = today_string(env);
  if (auto e = check_date(field, value)) return e;
  if (value > today_string(env)) return invalid(field, "Datumet kan inte ligga i framtiden.");
  return std::nullopt;
}

std::optional<Error> check_codes(const std::vector<Term>& list, const char* field, std::vector<std::string>& codes) {
  std::set<std::string> seen;
  std::vector<std::string> out;
  for (const auto& c : codes) {
    auto n = normalise_code(list, c);
    if (!n) return invalid(field, "Okänt värde \"" + c.substr(0, 40) + "\" i " + field + ".");
    if (seen.insert(*n).second) out.push_back(*n);
  }
  codes = out;
  return std::nullopt;
}

std::optional<Error> check_code(const std::vector<Term>& list, const char* field, std::string& code, bool required) {
  if (code.empty()) return required ? std::optional<Error>(invalid(field, "Välj ett värde.")) : std::nullopt;
  auto n = normalise_code(list, code);
  if (!n) return invalid(field, "Okänt värde \"" + code.substr(0, 40) + "\".");
  code = *n;
  return std::nullopt;
}

}  // namespace

Result<Id> ReferralService::create(const Actor& actor, const ReferralInput& input) {
  ReferralInput in = input;
  auto tx = env_.db.begin(true);
  auto programme = tx->organisation().programme(in.programme_id);
  if (!programme) return invalid("programme_id", "Insatsen finns inte.");
  const Track* track = nullptr;
  for (const auto& t : programme->tracks)
    if (t.code == in.track) track = &t;
  if (!track) return invalid("track", "Insatsen har ingen inriktning \"" + in.track.substr(0, 40) + "\".");
  const Unit* unit = nullptr;
  for (const auto& u : programme->units)
    for (const auto& m : u.municipalities)
      if (m.id == in.municipality_id) unit = &u;
  if (!unit) return invalid("municipality", "Kommunen hör inte till någon länsdel i insatsen.");
  if (!may_enter_referral(actor, unit->id)) {
    tx.reset();
    return deny_participant_access(env_, actor, "unit", unit->id);
  }
  if (!tx->organisation().party(in.referring_party_id)) return invalid("referring_party", "Den remitterande parten finns inte.");
  for (Id p : in.coordination_parties)
    if (!tx->organisation().party(p)) return invalid("coordination_need_parties", "En av parterna finns inte.");
  if (auto e = check_text("referrer_name", in.referrer_name, 200)) return *e;
  if (auto e = check_text("reason", in.reason, 4000, false)) return *e;
  if (auto e = check_code(genders(), "gender", in.gender, true)) return *e;
  if (auto e = check_codes(income_sources(), "income_sources", in.income_sources)) return *e;
  if (auto e = check_past_date(env_, "received_on", in.received_on)) return *e;
  auto today = *parse_date(today_string(env_));

  Referral r;
  r.programme_id = programme->id;
  r.track_id = track->id;
  r.unit_id = unit->id;
  r.municipality_id = in.municipality_id;
  r.referring_party_id = in.referring_party_id;
  r.referrer_name = in.referrer_name;
  r.anonymous = in.anonymous;
  r.gender = in.gender;
  r.income_sources = in.income_sources;
  r.coordination_parties = in.coordination_parties;
  r.reason = in.reason;
  r.received_on = in.received_on;
  r.birth_year = in.birth_year;

  if (in.anonymous) {
    // Anonymous: only statistical variables, nothing that links back to the person.
    if (!in.personal_number.empty() || !in.first_name.empty() || !in.last_name.empty() || !in.contact.empty())
      return invalid("person", "En anonym registrering får inte innehålla namn, personnummer eller kontaktuppgifter.");
  } else {
    auto pn = parse_personal_number(in.personal_number, today);
    if (!pn) return Error{ErrorCode::invalid_input, pn.error().message, "personal_number"};
    if (auto e = check_text("first_name", in.first_name, 100, false)) return *e;
    if (auto e = check_text("last_name", in.last_name, 100, false)) return *e;
    if (auto e = check_text("contact", in.contact, 500, false)) return *e;
    r.birth_year = pn->birth_date.year;
    auto existing = tx->participants().person_by_personal_number(pn->canonical);
    if (existing) {
      for (const auto& e : tx->participants().enrolments_of_person(*existing))
        if (e.active() && e.programme_id == programme->id)
          return conflict("Personen har redan en pågående inskrivning i insatsen.", "personal_number");
      for (const auto& other : tx->participants().referrals(unit->id, ""))
        if (other.person_id == existing && (other.status == "received" || other.status == "intake_booked" ||
                                            other.status == "waiting_list"))
          return conflict("Det finns redan en öppen aktualisering för personen.", "personal_number");
      r.person_id = existing;
    } else {
      r.person_id = tx->participants().create_person({pn->canonical, in.first_name, in.last_name, in.contact}, env_.now());
    }
  }
  if (r.birth_year < today.year - 100 || r.birth_year > today.year - 10)
    return invalid("birth_year", "Ange ett rimligt födelseår.");

  Id id = tx->participants().create_referral(r, actor.user_id ? std::optional<Id>(actor.user_id) : std::nullopt,
                                             env_.now());
  record(*tx, env_.now(), actor, "referral.create", "referral", std::to_string(id), r.anonymous ? "anonymous" : "");
  tx->commit();
  return id;
}

Result<Referral> ReferralService::get(const Actor& actor, Id id) {
  auto tx = env_.db.begin(false);
  auto r = tx->participants().referral(id);
  if (!r) return not_found("Aktualiseringen finns inte.");
  tx.reset();
  if (!coordinates_unit(actor, r->unit_id)) return deny_participant_access(env_, actor, "referral", id);
  record_standalone(env_, actor, "referral.read", "referral", std::to_string(id));
  return *r;
}

Result<std::optional<Identity>> ReferralService::identity(const Actor& actor, Id referral_id) {
  std::optional<Identity> out;
  {
    auto tx = env_.db.begin(false);
    auto r = tx->participants().referral(referral_id);
    if (!r) return not_found("Aktualiseringen finns inte.");
    if (!coordinates_unit(actor, r->unit_id)) {
      tx.reset();
      return deny_participant_access(env_, actor, "referral", referral_id);
    }
    if (r->person_id) out = tx->participants().identity(*r->person_id);
  }
  if (out && out->personal_number.empty()) out.reset();  // erased when consent was withdrawn
  record_standalone(env_, actor, "referral.identity", "referral", std::to_string(referral_id));
  return out;
}

Result<std::vector<Referral>> ReferralService::list(const Actor& actor, Id unit_id, const std::string& status) {
  static const std::set<std::string> kStatuses{"", "received", "intake_booked", "accepted", "declined", "waiting_list"};
  if (!kStatuses.count(status)) return invalid("status", "Okänd status.");
  if (!coordinates_unit(actor, unit_id)) return deny_participant_access(env_, actor, "unit", unit_id);
  std::vector<Referral> out;
  {
    auto tx = env_.db.begin(false);
    out = tx->participants().referrals(unit_id, status);
  }
  record_standalone(env_, actor, "referral.list", "unit", std::to_string(unit_id), status);
  return out;
}

Result<DecisionResult> ReferralService::decide(const Actor& actor, Id referral_id, const DecisionInput& input) {
  DecisionInput in = input;
  static const std::set<std::string> kDecisions{"accepted", "declined", "waiting_list", "intake_booked"};
  if (!kDecisions.count(in.decision))
    return invalid("decision", "Beslutet ska vara accepted, declined, waiting_list eller intake_booked.");
  if (auto e = check_past_date(env_, "date", in.date); e && in.decision != "intake_booked") return *e;
  if (in.decision == "intake_booked" && in.date.empty()) in.date = today_string(env_);
  if (in.decision == "intake_booked")
    if (auto e = check_date("date", in.date)) return *e;
  if (in.decision == "declined" && in.reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return invalid("reason", "Ett avslag måste ha en motivering.");
  if (auto e = check_text("reason", in.reason, 2000, false)) return *e;
  if (auto e = check_text("override_reason", in.override_reason, 2000, false)) return *e;
  if (auto e = check_code(support_durations(), "support_duration", in.support_duration, false)) return *e;
  if (auto e = check_code(education_levels(), "education", in.education, false)) return *e;
  if (auto e = check_code(occupations(), "occupation_before", in.occupation_before, false)) return *e;

  auto tx = env_.db.begin(true);
  auto r = tx->participants().referral(referral_id);
  if (!r) return not_found("Aktualiseringen finns inte.");
  if (!coordinates_unit(actor, r->unit_id)) {
    tx.reset();
    return deny_participant_access(env_, actor, "referral", referral_id);
  }
  if (in.expected_version && in.expected_version != r->version)
    return conflict("Någon annan har ändrat aktualiseringen. Ladda om och försök igen.");
  if (r->status == "accepted" || r->status == "declined")
    return conflict("Aktualiseringen är redan beslutad (" + r->status + ").");
  if (in.date < r->received_on) return invalid("date", "Beslutet kan inte ligga före aktualiseringen.");

  DecisionResult result{in.decision, std::nullopt};
  if (in.decision == "accepted") {
    auto programme = tx->organisation().programme(r->programme_id);
    auto track = tx->organisation().track(r->track_id);
    auto decided = *parse_date(in.date);
    EligibilityInput el;
    el.age = decided.year - r->birth_year;  // SUS counts age by year of birth
    el.min_age = track->min_age;
    el.max_age = track->max_age;
    el.substance_dependence = in.exclusions.substance_dependence;
    el.threatening_behaviour = in.exclusions.threatening_behaviour;
    el.imminent_deprivation_of_liberty = in.exclusions.imminent_deprivation_of_liberty;
    el.illness_prevents_participation = in.exclusions.illness_prevents_participation;
    el.coordination_parties = static_cast<int>(r->coordination_parties.size());
    el.min_coordination_parties = 0;  // Sörmland has no such rule; Norra Västmanland's 2 is a programme setting to come
    auto failures = check_eligibility(el);
    if (!failures.empty() && in.override_reason.find_first_not_of(" \t\r\n") == std::string::npos) {
      std::string msg;
      for (const auto& f : failures) msg += (msg.empty() ? "" : " ") + f.message;
      return Error{ErrorCode::unprocessable, msg + " En samordnare kan ändå skriva in personen med en motivering.",
                   failures.front().rule};
    }
    if (r->person_id)
      for (const auto& e : tx->participants().enrolments_of_person(*r->person_id))
        if (e.active() && e.programme_id == r->programme_id)
          return conflict("Personen har redan en pågående inskrivning i insatsen.");
    Enrolment e;
    e.referral_id = r->id;
    e.programme_id = r->programme_id;
    e.track_id = r->track_id;
    e.unit_id = r->unit_id;
    e.municipality_id = r->municipality_id;
    e.person_id = r->person_id;
    e.anonymous = r->anonymous;
    e.gender = r->gender;
    e.birth_year = r->birth_year;
    e.start_date = in.date;
    e.income_before = r->income_sources;
    e.support_duration = in.support_duration;
    e.education = in.education.empty() ? "okand" : in.education;
    e.occupation_before = in.occupation_before;
    result.enrolment_id = tx->participants().create_enrolment(e, env_.now());
    if (!failures.empty())
      record(*tx, env_.now(), actor, "referral.override", "referral", std::to_string(r->id), failures.front().rule);
    (void)programme;
  }
  r->status = in.decision;
  if (in.decision == "intake_booked") r->intake_on = in.date;
  else r->decided_on = in.date;
  r->decision_reason = in.reason;
  r->override_reason = in.override_reason;
  if (!tx->participants().update_referral(*r))
    return conflict("Någon annan har ändrat aktualiseringen. Ladda om och försök igen.");
  record(*tx, env_.now(), actor, "referral.decide", "referral", std::to_string(r->id), in.decision);
  tx->commit();
  return result;
}

Status ReferralService::record_consent(const Actor& actor, Id enrolment_id, const std::vector<Id>& parties,
                                       const std::string& date_in, bool given) {
  std::string date = date_in;
  if (auto e = check_past_date(env_, "date", date)) return *e;
  if (parties.empty()) return invalid("parties", "Ange vilka parter samtycket gäller.");
  auto tx = env_.db.begin(true);
  auto e = tx->participants().enrolment(enrolment_id);
  if (!e) return not_found("Inskrivningen finns inte.");
  if (!may_see_enrolment(actor, *e)) {
    tx.reset();
    return deny_participant_access(env_, actor, "enrolment", enrolment_id);
  }
  for (Id p : parties)
    if (!tx->organisation().party(p)) return invalid("parties", "En av parterna finns inte.");
  for (Id p : parties) tx->participants().add_consent(enrolment_id, {p, given, date}, actor.user_id, env_.now());
  // No consent left for any party: from now on the enrolment is anonymous (domain.md §3.3).
  bool any_given = false;
  std::set<Id> decided;
  for (const auto& c : tx->participants().consents(enrolment_id))
    if (decided.insert(c.party_id).second && c.given) any_given = true;
  if (!any_given && e->person_id) {
    tx->participants().erase_identity(*e->person_id);
    if (e->referral_id)
      if (auto r = tx->participants().referral(*e->referral_id); r && r->person_id) {
        r->person_id.reset();
        r->anonymous = true;
        tx->participants().update_referral(*r);
      }
    e->person_id.reset();
    e->anonymous = true;
    if (!tx->participants().update_enrolment(*e)) return conflict("Inskrivningen ändrades samtidigt. Försök igen.");
    record(*tx, env_.now(), actor, "enrolment.anonymised", "enrolment", std::to_string(enrolment_id));
  }
  record(*tx, env_.now(), actor, given ? "consent.given" : "consent.refused", "enrolment", std::to_string(enrolment_id));
  tx->commit();
  return done();
}

}  // namespace stegvis::app
