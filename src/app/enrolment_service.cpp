#include "app/enrolment_service.hpp"

#include <algorithm>
#include <set>

#include "app/audit.hpp"
#include "app/lasting_effect_service.hpp"
#include "app/money_service.hpp"
#include "app/participant_access.hpp"
#include "app/referral_service.hpp"
#include "domain/personal_number.hpp"
#include "domain/schedule.hpp"
#include "domain/validation.hpp"
#include "domain/vocabulary.hpp"

namespace stegvis::app {
namespace {

std::optional<Error> check_day(const Env& env, const char* field, std::string& value, const Enrolment& e) {
  if (value.empty()) value = today_string(env);
  if (auto err = check_date(field, value)) return err;
  if (value > today_string(env)) return invalid(field, "Datumet kan inte ligga i framtiden.");
  if (value < e.start_date) return invalid(field, "Datumet kan inte ligga före inskrivningen (" + e.start_date + ").");
  return std::nullopt;
}

Error exited(const Enrolment& e) {
  return conflict("Inskrivningen avslutades " + e.exit_date + "; den kan inte längre ändras så.");
}

// Staff who can carry the enrolment: the track's role in the enrolment's unit.
bool can_carry(const Staff& s, Role role, Id unit_id) {
  if (s.disabled) return false;
  return std::any_of(s.roles.begin(), s.roles.end(),
                     [&](const RoleAssignment& r) { return r.role == role && r.unit_id == unit_id && r.fte_pct > 0; });
}

}  // namespace

Result<Enrolment> EnrolmentService::load(store::Store& tx, const Actor& actor, Id id) {
  auto e = tx.participants().enrolment(id);
  if (!e) return not_found("Inskrivningen finns inte.");
  if (!may_see_enrolment(actor, *e)) return forbidden("");
  return *e;
}

// A denial found inside a transaction is audited after it is closed.
#define STEGVIS_LOAD_OR_RETURN(var, tx, actor, id)                                            \
  auto var##_r = load(*tx, actor, id);                                                        \
  if (!var##_r) {                                                                             \
    if (var##_r.error().code != ErrorCode::forbidden) return var##_r.error();                 \
    tx.reset();                                                                               \
    return deny_participant_access(env_, actor, "enrolment", id);                             \
  }                                                                                           \
  Enrolment var = *var##_r

Result<std::vector<Enrolment>> EnrolmentService::list(const Actor& actor, store::EnrolmentFilter f, int* total) {
  if (f.status != "" && f.status != "active" && f.status != "exited")
    return invalid("status", "Status ska vara active eller exited.");
  if (f.limit < 1 || f.limit > 500) f.limit = 100;
  if (f.offset < 0) f.offset = 0;
  // A samordnare lists their unit (all of it, or one member of staff); anyone else only their own caseload.
  if (f.unit_id) {
    if (!coordinates_unit(actor, *f.unit_id)) return deny_participant_access(env_, actor, "unit", *f.unit_id);
  } else if (!f.staff_id || *f.staff_id != actor.user_id) {
    f.staff_id = actor.user_id;
  }
  if (!f.unit_id && !actor.has_role(Role::coach) && !actor.has_role(Role::koordinator))
    return deny_participant_access(env_, actor, "enrolment", 0);
  std::vector<Enrolment> out;
  {
    auto tx = env_.db.begin(false);
    out = tx->participants().enrolments(f, total);
  }
  record_standalone(env_, actor, "enrolment.list", f.unit_id ? "unit" : "staff",
                    std::to_string(f.unit_id ? *f.unit_id : *f.staff_id));
  return out;
}

Result<EnrolmentView> EnrolmentService::view(const Actor& actor, Id id) {
  EnrolmentView v;
  {
    auto tx = env_.db.begin(false);
    STEGVIS_LOAD_OR_RETURN(e, tx, actor, id);
    auto& p = tx->participants();
    v.enrolment = e;
    // A purged (gallrad) enrolment no longer points anyone to the person, even while they have a younger one.
    if (e.person_id && !e.purged()) v.identity = p.identity(*e.person_id);
    if (e.referral_id) v.referral = p.referral(*e.referral_id);
    v.consents = p.consents(id);
    v.plan = p.plan(id);
    v.plan_versions = v.plan ? v.plan->version : 0;
    v.contacts = p.contacts(id);
    v.follow_ups = p.follow_ups(id);
    v.goal_ratings = p.goal_ratings(id);
    v.ratings = p.ratings(id);
    v.lasting_effects = tx->lasting_effects().of_enrolment(id);
    if (e.staff_id)
      if (auto s = tx->staff().get(*e.staff_id)) v.staff_name = s->name;
    if (auto u = tx->organisation().unit(e.unit_id); u && u->controller_party_id)
      if (auto party = tx->organisation().party(*u->controller_party_id)) v.controller = party->name;
  }
  Date start = *parse_date(v.enrolment.start_date);
  std::optional<Date> last, planned;
  if (!v.follow_ups.empty()) last = parse_date(v.follow_ups.front().date);
  if (v.plan && !v.plan->next_follow_up.empty()) planned = parse_date(v.plan->next_follow_up);
  if (!v.follow_ups.empty() && !v.follow_ups.front().next_follow_up.empty())
    planned = parse_date(v.follow_ups.front().next_follow_up);
  v.follow_up_due = follow_up_due(start, last, planned);
  v.plan_due = plan_due(start);
  v.rating_summary = summarise_ratings(v.ratings);
  if (!v.enrolment.exit_date.empty()) v.final_report_due = final_report_due(*parse_date(v.enrolment.exit_date));
  // Every view of a participant's data is in the audit log (domain.md §8).
  record_standalone(env_, actor, "enrolment.read", "enrolment", std::to_string(id));
  return v;
}

Result<std::vector<Enrolment>> EnrolmentService::find_by_personal_number(const Actor& actor,
                                                                         const std::string& personal_number) {
  bool works_with_participants = std::any_of(actor.roles.begin(), actor.roles.end(), [](const RoleAssignment& r) {
    return r.role == Role::samordnare || r.role == Role::coach || r.role == Role::koordinator;
  });
  if (!works_with_participants) return deny_participant_access(env_, actor, "person", 0);
  auto pn = parse_personal_number(personal_number, *parse_date(today_string(env_)));
  if (!pn) return Error{ErrorCode::invalid_input, pn.error().message, "personal_number"};
  std::vector<Enrolment> found;
  {
    auto tx = env_.db.begin(false);
    auto person = tx->participants().person_by_personal_number(pn->canonical);
    if (person)
      for (const auto& e : tx->participants().enrolments_of_person(*person))
        if (may_see_enrolment(actor, e)) found.push_back(e);
  }
  record_standalone(env_, actor, "person.search", "person", "", std::to_string(found.size()) + " found");
  return found;
}

Result<std::vector<StaffSuggestion>> EnrolmentService::suggestions(const Actor& actor, Id enrolment_id) {
  auto tx = env_.db.begin(false);
  STEGVIS_LOAD_OR_RETURN(e, tx, actor, enrolment_id);
  if (!coordinates_unit(actor, e.unit_id)) {
    tx.reset();
    return deny_participant_access(env_, actor, "enrolment", enrolment_id);
  }
  auto track = tx->organisation().track(e.track_id);
  auto loads = tx->participants().caseloads();
  std::vector<StaffSuggestion> out;
  for (const auto& s : tx->staff().list(e.unit_id)) {
    if (!can_carry(s, track->staff_role, e.unit_id)) continue;
    StaffSuggestion x{s.id, s.name, std::string(to_code(track->staff_role)), false, loads[s.id],
                      static_cast<int>(capacity(s))};
    for (const auto& r : s.roles) x.same_municipality = x.same_municipality || r.municipality_id == e.municipality_id;
    out.push_back(x);
  }
  // Right municipality first, then the most free places.
  std::sort(out.begin(), out.end(), [](const StaffSuggestion& a, const StaffSuggestion& b) {
    if (a.same_municipality != b.same_municipality) return a.same_municipality;
    if (a.free() != b.free()) return a.free() > b.free();
    return a.name < b.name;
  });
  return out;
}

Status EnrolmentService::allocate(const Actor& actor, Id enrolment_id, Id staff_id, const std::string& override_reason) {
  if (auto err = check_text("override_reason", override_reason, 2000, false)) return *err;
  auto tx = env_.db.begin(true);
  STEGVIS_LOAD_OR_RETURN(e, tx, actor, enrolment_id);
  if (!coordinates_unit(actor, e.unit_id)) {
    tx.reset();
    return deny_participant_access(env_, actor, "enrolment", enrolment_id);
  }
  if (!e.active()) return exited(e);
  auto staff = tx->staff().get(staff_id);
  auto track = tx->organisation().track(e.track_id);
  if (!staff) return invalid("staff_id", "Personen finns inte.");
  if (!can_carry(*staff, track->staff_role, e.unit_id))
    return invalid("staff_id", staff->name + " är inte " + std::string(to_code(track->staff_role)) +
                                   " i inskrivningens länsdel.");
  if (e.staff_id == staff_id) return done();  // already allocated: a repeated click changes nothing
  int load = tx->participants().caseloads()[staff_id];
  int cap = static_cast<int>(capacity(*staff));
  bool blank_override = override_reason.find_first_not_of(" \t\r\n") == std::string::npos;
  if (load >= cap && blank_override)
    return conflict(staff->name + " har redan " + std::to_string(load) + " deltagare av " + std::to_string(cap) +
                        " möjliga. Välj någon annan eller ange skäl för att ändå fördela.",
                    "staff_id");
  e.staff_id = staff_id;
  if (!tx->participants().update_enrolment(e)) return conflict("Inskrivningen ändrades samtidigt. Försök igen.");
  tx->participants().add_allocation(enrolment_id, staff_id, today_string(env_), override_reason, actor.user_id,
                                    env_.now());
  record(*tx, env_.now(), actor, "enrolment.allocate", "enrolment", std::to_string(enrolment_id),
         "staff " + std::to_string(staff_id) + (blank_override ? "" : " (override)"));
  tx->commit();
  return done();
}

Result<int> EnrolmentService::save_plan(const Actor& actor, Id enrolment_id, Plan plan, int expected_version) {
  if (auto err = check_text("problem", plan.problem, 4000, false)) return *err;
  if (plan.goals.size() > 20 || plan.activities.size() > 50) return invalid("goals", "För många mål eller aktiviteter.");
  for (auto& g : plan.goals) {
    auto area = normalise_code(goal_areas(), g.area);
    if (!area) return invalid("goals", "Okänt målområde \"" + g.area.substr(0, 40) + "\".");
    g.area = *area;
    if (auto err = check_text("goals", g.text, 2000)) return *err;
  }
  for (auto& a : plan.activities) {
    auto kind = normalise_code(activity_kinds(), a.kind);
    if (!kind) return invalid("activities", "Okänd aktivitet \"" + a.kind.substr(0, 40) + "\".");
    a.kind = *kind;
    if (auto err = check_text("activities", a.text, 2000, false)) return *err;
    if (auto err = check_text("activities", a.workplace, 200, false)) return *err;
    if (auto err = check_date("activities", a.start)) return *err;
    if (auto err = check_date("activities", a.end, false)) return *err;
    if (!a.end.empty() && a.end < a.start) return invalid("activities", "En aktivitet kan inte sluta innan den börjar.");
  }
  if (auto err = check_date("next_follow_up", plan.next_follow_up, false)) return *err;
  auto tx = env_.db.begin(true);
  STEGVIS_LOAD_OR_RETURN(e, tx, actor, enrolment_id);
  if (!e.active()) return exited(e);
  if (!plan.next_follow_up.empty() && plan.next_follow_up < e.start_date)
    return invalid("next_follow_up", "Nästa uppföljning kan inte ligga före inskrivningen.");
  for (const auto& a : plan.activities)
    if (a.party_id && !tx->organisation().party(*a.party_id)) return invalid("activities", "Parten finns inte.");
  auto current = tx->participants().plan(enrolment_id);
  int current_version = current ? current->version : 0;
  if (expected_version >= 0 && expected_version != current_version)
    return conflict("Planen har sparats av någon annan sedan du öppnade den (version " +
                    std::to_string(current_version) + "). Ladda om och gör ändringen igen.");
  plan.saved_on = today_string(env_);
  int version = tx->participants().save_plan(enrolment_id, plan, actor.user_id, env_.now());
  record(*tx, env_.now(), actor, "plan.save", "enrolment", std::to_string(enrolment_id), "version " + std::to_string(version));
  tx->commit();
  return version;
}

Result<Id> EnrolmentService::add_contact(const Actor& actor, Id enrolment_id, Contact c, const std::string& request_key) {
  auto kind = normalise_code(contact_kinds(), c.kind);
  if (!kind) return invalid("kind", "Okänd kontakttyp.");
  c.kind = *kind;
  if (c.minutes < 1 || c.minutes > 600) return invalid("minutes", "Ange tiden i minuter (1–600).");
  if (auto err = check_text("note", c.note, 2000, false)) return *err;
  if (request_key.size() > 100) return invalid("request_key", "För lång nyckel.");
  auto tx = env_.db.begin(true);
  STEGVIS_LOAD_OR_RETURN(e, tx, actor, enrolment_id);
  if (!e.active()) return exited(e);
  if (auto err = check_day(env_, "date", c.date, e)) return *err;
  c.staff_id = actor.user_id;
  Id id = tx->participants().add_contact(enrolment_id, c, request_key.empty() ? "" : std::to_string(enrolment_id) + ":" + request_key, env_.now());
  record(*tx, env_.now(), actor, "contact.add", "enrolment", std::to_string(enrolment_id), "contact " + std::to_string(id));
  tx->commit();
  return id;
}

Result<Id> EnrolmentService::record_follow_up(const Actor& actor, Id enrolment_id, FollowUp f) {
  if (f.decision != "continue" && f.decision != "exit")
    return invalid("decision", "Beslutet ska vara continue (fortsätta) eller exit (avsluta).");
  if (auto err = check_text("note", f.note, 2000, false)) return *err;
  if (auto err = check_date("next_follow_up", f.next_follow_up, false)) return *err;
  auto tx = env_.db.begin(true);
  STEGVIS_LOAD_OR_RETURN(e, tx, actor, enrolment_id);
  if (!e.active()) return exited(e);
  if (auto err = check_day(env_, "date", f.date, e)) return *err;
  if (!f.next_follow_up.empty() && f.next_follow_up <= f.date)
    return invalid("next_follow_up", "Nästa uppföljning ska ligga efter den här.");
  f.staff_id = actor.user_id;
  Id id = tx->participants().add_follow_up(enrolment_id, f, env_.now());
  record(*tx, env_.now(), actor, "follow_up.add", "enrolment", std::to_string(enrolment_id), f.decision);
  tx->commit();
  return id;
}

Status EnrolmentService::exit(const Actor& actor, Id enrolment_id, ExitInput in) {
  auto outcome = normalise_code(exit_outcomes(), in.outcome);
  if (!outcome) return invalid("outcome", "Välj ett utfall från listan.");
  std::vector<std::string> incomes;
  for (const auto& s : in.income_after) {
    auto n = normalise_code(income_sources(), s);
    if (!n) return invalid("income_sources_after", "Okänd försörjning \"" + s.substr(0, 40) + "\".");
    if (std::find(incomes.begin(), incomes.end(), *n) == incomes.end()) incomes.push_back(*n);
  }
  if (!in.occupation_after.empty()) {
    auto occ = normalise_code(occupations(), in.occupation_after);
    if (!occ) return invalid("occupation_after", "Okänd sysselsättning.");
    in.occupation_after = *occ;
  }
  for (auto& g : in.goal_ratings) {
    auto area = normalise_code(goal_areas(), g.area);
    if (!area) return invalid("goal_ratings", "Okänt målområde.");
    g.area = *area;
    if (g.phase != "start" && g.phase != "exit") return invalid("goal_ratings", "Skattningen gäller start eller exit.");
    if (g.rating < 1 || g.rating > 5) return invalid("goal_ratings", "Skattningen ska vara 1–5.");
  }
  if (auto err = check_text("next_step", in.next_step, 4000, false)) return *err;
  auto tx = env_.db.begin(true);
  STEGVIS_LOAD_OR_RETURN(e, tx, actor, enrolment_id);
  if (!e.active()) return exited(e);
  if (in.expected_version && in.expected_version != e.version)
    return conflict("Inskrivningen har ändrats sedan du öppnade den. Ladda om och försök igen.");
  if (auto err = check_day(env_, "date", in.date, e)) return *err;
  e.exit_date = in.date;
  e.outcome = *outcome;
  e.income_after = incomes;
  e.occupation_after = in.occupation_after;
  e.next_step = in.next_step;
  if (!tx->participants().update_enrolment(e)) return conflict("Inskrivningen ändrades samtidigt. Försök igen.");
  tx->participants().set_goal_ratings(enrolment_id, in.goal_ratings);
  if (in.contact_after_exit) tx->lasting_effects().set_contact_after_exit(enrolment_id, *in.contact_after_exit, in.date);
  record(*tx, env_.now(), actor, "enrolment.exit", "enrolment", std::to_string(enrolment_id),
         e.outcome + (in.contact_after_exit ? (*in.contact_after_exit ? ", contact after exit given" : ", no contact after exit") : ""));
  tx->commit();
  return done();
}

Status EnrolmentService::mark_final_report_sent(const Actor& actor, Id enrolment_id, std::string date,
                                                std::vector<std::string> to) {
  std::set<std::string> recipients;
  for (const auto& r : to) {
    if (r != "participant" && r != "referrer") return invalid("to", "Mottagare ska vara participant och/eller referrer.");
    recipients.insert(r);
  }
  if (recipients.empty()) return invalid("to", "Ange vem slutdokumentationen skickats till.");
  auto tx = env_.db.begin(true);
  STEGVIS_LOAD_OR_RETURN(e, tx, actor, enrolment_id);
  if (e.active()) return conflict("Slutdokumentationen skickas efter avslutet.");
  if (date.empty()) date = today_string(env_);
  if (auto err = check_date("date", date)) return *err;
  if (date > today_string(env_)) return invalid("date", "Datumet kan inte ligga i framtiden.");
  if (date < e.exit_date) return invalid("date", "Slutdokumentationen kan inte skickas före avslutet.");
  e.final_report_sent_on = date;
  e.final_report_to.assign(recipients.begin(), recipients.end());
  if (!tx->participants().update_enrolment(e)) return conflict("Inskrivningen ändrades samtidigt. Försök igen.");
  record(*tx, env_.now(), actor, "final_report.sent", "enrolment", std::to_string(enrolment_id));
  tx->commit();
  return done();
}

Result<std::vector<DueItem>> EnrolmentService::tasks(const Actor& actor) {
  std::vector<EnrolmentSnapshot> snaps;
  std::vector<ReferralSnapshot> referrals;
  std::vector<StaffLoad> loads;
  std::vector<DueItem> money;
  auto today = *parse_date(today_string(env_));
  {
    auto tx = env_.db.begin(false);
    money = money_due_work(*tx, actor, today);
    auto lasting = lasting_effect_due_work(*tx, env_, actor, today);
    money.insert(money.end(), lasting.begin(), lasting.end());
    auto& p = tx->participants();
    std::set<Id> seen;
    // Only what still needs doing (the store's open work): active ones, and exited ones whose final document is not sent.
    auto add = [&](EnrolmentSnapshot s) {
      if (!seen.insert(s.enrolment_id).second) return;
      s.label = "#" + std::to_string(s.enrolment_id);
      snaps.push_back(std::move(s));
    };
    for (auto& s : p.open_work(actor.user_id, std::nullopt)) add(std::move(s));
    std::set<Id> units;
    for (const auto& r : actor.roles)
      if (r.role == Role::samordnare && r.unit_id) units.insert(*r.unit_id);
    for (Id unit : units) {
      for (auto& s : p.open_work(std::nullopt, unit)) add(std::move(s));
      // Undecided ones only: opening every referral the unit ever had would unseal thousands of fields.
      for (const char* status : {"received", "intake_booked"})
        for (const auto& r : p.referrals(unit, status))
          referrals.push_back({r.id, "#" + std::to_string(r.id), *parse_date(r.received_on)});
      auto unit_loads = p.caseloads_of_unit(unit);
      for (const auto& s : tx->staff().list(unit))
        loads.push_back({s.id, s.name, unit_loads[s.id], static_cast<int>(capacity(s))});
    }
  }
  auto items = due_work(snaps, referrals, loads, today);
  items.insert(items.end(), money.begin(), money.end());
  // Actions from minutes that this person owns (governance, issue #8), by their due date.
  std::vector<store::OpenAction> actions;
  {
    auto tx = env_.db.begin(false);
    actions = tx->governance().open_actions_of_user(actor.user_id);
  }
  for (const auto& a : actions) {
    DueItem d;
    d.kind = "meeting_action";
    d.meeting_id = a.action.meeting_id;
    d.label = a.action.text;
    d.due = *parse_date(a.action.due);
    d.overdue = today > d.due;
    items.push_back(std::move(d));
  }
  std::stable_sort(items.begin(), items.end(), [](const DueItem& x, const DueItem& y) { return x.due < y.due; });
  return items;
}

}  // namespace stegvis::app
