// The demo's participants: first drafted in memory from one std::mt19937
// (who, where, which stage, which dates), then written with the stores in one
// transaction together with the audit entries of each event.
#include "app/demo_participants.hpp"
#include "app/demo_ratings.hpp"
#include "app/demo_texts.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <stdexcept>

#include "app/actor.hpp"
#include "app/audit.hpp"
#include "app/referral_service.hpp"
#include "domain/date.hpp"
#include "domain/eligibility.hpp"
#include "domain/personal_number.hpp"
#include "domain/vocabulary.hpp"

namespace stegvis::app {
namespace {
using namespace demo_texts;

constexpr int kReferrals = 320;
constexpr double kExitedShare = 0.55;

struct Weighted {
  const char* code;
  double weight;
};

class Dice {
 public:
  explicit Dice(std::uint32_t seed) : rng_(seed) {}
  // Own arithmetic instead of std distributions: the same draws on every standard library.
  int between(int lo, int hi) { return lo + static_cast<int>(rng_() % static_cast<std::uint32_t>(hi - lo + 1)); }
  double unit() { return static_cast<double>(rng_()) / 4294967296.0; }
  bool chance(double p) { return unit() < p; }
  template <typename T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[rng_() % N];
  }
  std::string weighted(std::initializer_list<Weighted> items) {
    double total = 0;
    for (const auto& i : items) total += i.weight;
    double x = unit() * total;
    for (const auto& i : items)
      if ((x -= i.weight) < 0) return i.code;
    return (items.end() - 1)->code;
  }

 private:
  std::mt19937 rng_;
};

std::string first_name(Dice& dice, bool female) { return female ? dice.pick(kFemale) : dice.pick(kMale); }

std::string str(const Date& d) { return to_string(d); }
std::int64_t moment(const Date& d, int hour = 10) { return std::int64_t{day_number(d)} * 86400 + hour * 3600; }
Date weekday(Date d) {  // 1970-01-01 was a Thursday: day_number % 7 == 2 is Saturday, 3 Sunday
  int w = day_number(d) % 7;
  return w == 2 ? add_days(d, 2) : w == 3 ? add_days(d, 1) : d;
}

// A member of staff who carries a caseload, with the end dates of those allocated to them (9999-12-31 while active).
struct Carrier {
  Staff staff;
  Id unit_id = 0, municipality_id = 0;
  Role role = Role::coach;
  int limit = 0;  // below capacity: the demo leaves room for new allocations
  std::vector<Date> ends;
  int active_on(const Date& d) const {
    return static_cast<int>(std::count_if(ends.begin(), ends.end(), [&](const Date& e) { return e > d; }));
  }
};

struct Organisation {
  Id programme = 0, fk = 0, af = 0, region = 0;
  std::map<std::string, Track> tracks;
  struct Place {
    Municipality municipality;
    Id unit_id = 0;
  };
  std::vector<Place> places;
  std::map<Id, Actor> samordnare;  // per unit
  std::vector<Carrier> carriers;
  std::map<Id, std::vector<std::string>> officers;  // party → the officers who refer from it
};

// One referral and, when accepted, its enrolment with everything that happened in it.
struct Draft {
  Referral referral;
  std::optional<Identity> identity;
  Role role = Role::coach;
  Date received, decided;
  bool accepted = false;
  int planned_days = 0;
  Enrolment enrolment;
  Date allocated;
  Carrier* carrier = nullptr;
  std::optional<Date> exit;
  std::vector<Plan> plans;
  std::vector<Contact> contacts;
  std::vector<FollowUp> follow_ups;
  std::vector<GoalRating> ratings;
  std::vector<Rating> meeting_ratings;  // ORS/SRS
};

Organisation read_organisation(store::Store& tx, Dice& dice) {
  Organisation o;
  auto& org = tx.organisation();
  auto programmes = org.programmes();
  if (programmes.empty()) throw std::runtime_error("demo participants: no programme");
  const Programme& p = programmes.front();
  o.programme = p.id;
  for (const auto& t : p.tracks) o.tracks[t.code] = t;
  for (const auto& party : org.parties()) {
    if (party.kind == "fk") o.fk = party.id;
    if (party.kind == "af") o.af = party.id;
    if (party.kind == "region") o.region = party.id;
    for (int i = 0; i < 3; ++i) {
      std::string first = first_name(dice, dice.chance(0.6));  // one draw per statement: a fixed order of draws
      o.officers[party.id].push_back(first + " " + dice.pick(kLast));
    }
  }
  for (const auto& u : p.units) {
    for (const auto& m : u.municipalities) o.places.push_back({m, u.id});
    for (const auto& s : tx.staff().list(u.id))
      for (const auto& r : s.roles) {
        if (r.unit_id != u.id) continue;
        if (r.role == Role::samordnare && !o.samordnare.count(u.id))
          o.samordnare[u.id] = Actor{s.id, s.username, s.name, s.roles, "demo"};
        if ((r.role == Role::coach || r.role == Role::koordinator) && r.municipality_id && r.fte_pct > 0) {
          int cap = static_cast<int>(capacity(s));
          o.carriers.push_back({s, u.id, *r.municipality_id, r.role, cap - std::max(1, cap / 10), {}});
        }
      }
  }
  return o;
}

std::string personal_number(Dice& dice, int birth_year, const std::string& gender, std::set<std::string>& used,
                            const Date& today) {
  for (;;) {
    Date birth{birth_year, dice.between(1, 12), dice.between(1, 28)};
    int serial = dice.between(0, 99) * 10;
    int sex_digit = gender == "female" ? dice.between(0, 4) * 2
                    : gender == "male" ? dice.between(0, 4) * 2 + 1
                                       : dice.between(0, 9);
    char nine[16];
    std::snprintf(nine, sizeof nine, "%02d%02d%02d%03d", birth.year % 100, birth.month, birth.day,
                  (serial + sex_digit) % 1000);
    std::string pn = std::to_string(birth.year / 100) + nine + std::to_string(luhn_check_digit(nine));
    if (!parse_personal_number(pn, today)) throw std::logic_error("demo participants: invalid personal number");
    if (used.insert(pn).second) return pn;
  }
}

void draft_person(Draft& d, Dice& dice, const Organisation& o, const Organisation::Place& place,
                  std::set<std::string>& used, const Date& today) {
  Referral& r = d.referral;
  const bool young = dice.chance(0.4);
  const Track& track = o.tracks.at(young ? "unga" : "arbetsmarknad");
  d.role = track.staff_role;
  r.programme_id = o.programme;
  r.track_id = track.id;
  r.unit_id = place.unit_id;
  r.municipality_id = place.municipality.id;
  r.gender = dice.weighted({{"female", 0.55}, {"male", 0.44}, {"other", 0.01}});
  int age = dice.between(young ? 18 : std::max(track.min_age, 20), young ? 29 : track.max_age);
  age = young ? (age + dice.between(18, 29) + 1) / 2 : (age + dice.between(25, 60)) / 2;
  r.birth_year = d.decided.year - age;  // SUS counts age by year of birth
  std::string income = young ? dice.weighted({{"forsorjningsstod", 0.35},
                                              {"aktivitetsersattning", 0.3},
                                              {"ingen", 0.2},
                                              {"aktivitetsstod", 0.1},
                                              {"sjukpenning", 0.05}})
                             : dice.weighted({{"forsorjningsstod", 0.47},
                                              {"sjukpenning", 0.3},
                                              {"aktivitetsstod", 0.1},
                                              {"ingen", 0.07},
                                              {"aktivitetsersattning", age <= 29 ? 0.15 : 0}});
  r.income_sources = {income};
  if (income == "forsorjningsstod" && dice.chance(0.12)) r.income_sources.push_back("sjukpenning");
  Id kommun = place.municipality.party_id.value_or(o.region);
  if (income == "forsorjningsstod")
    r.referring_party_id = dice.chance(0.8) ? kommun : dice.chance(0.5) ? o.af : o.region;
  else if (income == "sjukpenning" || income == "aktivitetsersattning")
    r.referring_party_id = dice.chance(0.7) ? o.fk : o.region;
  else if (income == "aktivitetsstod")
    r.referring_party_id = o.af;
  else
    r.referring_party_id = dice.chance(0.5) ? kommun : dice.chance(0.5) ? o.af : o.region;
  const auto& officers = o.officers.at(r.referring_party_id);
  r.referrer_name = officers[static_cast<std::size_t>(dice.between(0, static_cast<int>(officers.size()) - 1))];
  r.coordination_parties = {r.referring_party_id};
  for (Id p : {o.fk, o.af, o.region, kommun})
    if (p != r.referring_party_id && dice.chance(0.4)) r.coordination_parties.push_back(p);
  std::string situation = dice.pick(kSituations);
  r.reason = "Personen " + situation + " och " + dice.pick(kWishes) + ". Behöver samordnat stöd från flera parter.";
  r.anonymous = dice.chance(0.1);
  if (r.anonymous) return;
  bool female = r.gender == "female" || (r.gender == "other" && dice.chance(0.5));
  std::string pn = personal_number(dice, r.birth_year, r.gender, used, today);
  char phone[32];
  std::snprintf(phone, sizeof phone, "070-174 06 %02d", dice.between(5, 99));  // PTS's numbers for fiction
  d.identity = Identity{pn, first_name(dice, female), dice.pick(kLast), phone};
}

// The stage a referral has reached by today.
void draft_decision(Draft& d, Dice& dice, const Date& today) {
  Referral& r = d.referral;
  int age_days = days_between(d.received, today);
  if (age_days <= 18 || (age_days <= 45 && dice.chance(0.1))) {
    r.status = dice.chance(0.5) ? "received" : "intake_booked";
    if (r.status == "intake_booked") r.intake_on = str(add_days(d.received, dice.between(5, 16)));
    return;
  }
  // Intake between the referral and the decision (already drafted: the person's age depends on its year).
  r.intake_on = str(add_days(d.received, dice.between(1, days_between(d.received, d.decided))));
  r.decided_on = str(d.decided);
  if (age_days <= 180 && dice.chance(0.06)) {
    r.status = "waiting_list";
    return;
  }
  if (dice.chance(0.04)) {
    EligibilityInput in;
    in.substance_dependence = dice.chance(0.5);
    in.illness_prevents_participation = !in.substance_dependence;
    in.age = d.decided.year - r.birth_year;
    auto failures = check_eligibility(in);
    r.status = "declined";
    r.decision_reason = dice.chance(0.5) ? failures.front().message : dice.pick(kDeclineReasons);
    return;
  }
  r.status = "accepted";
  d.accepted = true;
}

Carrier* choose_carrier(Organisation& o, const Draft& d, const Date& on) {
  Carrier* best = nullptr;
  auto free = [&](const Carrier& c) { return c.limit - c.active_on(on); };
  for (auto& c : o.carriers) {
    if (c.unit_id != d.referral.unit_id || c.role != d.role || free(c) <= 0) continue;
    bool same = c.municipality_id == d.referral.municipality_id;
    bool best_same = best && best->municipality_id == d.referral.municipality_id;
    if (!best || (same && !best_same) || (same == best_same && free(c) > free(*best))) best = &c;
  }
  return best;
}

std::string outcome_for(Dice& dice, int days, bool young) {
  if (days < 90)
    return dice.weighted(
        {{"avbrott", 0.5}, {"flyttat", 0.15}, {"vard_sjukskrivning", 0.15}, {"annan_insats", 0.1}, {"annat", 0.1}});
  return dice.weighted({{"arbete", 0.1},
                        {"arbete_med_stod", 0.1},
                        {"studier", young ? 0.2 : 0.07},
                        {"ame_rehab", 0.14},
                        {"af_fk_samarbete", 0.11},
                        {"arbetssokande", 0.11},
                        {"annan_insats", 0.06},
                        {"vard_sjukskrivning", 0.08},
                        {"flyttat", 0.03},
                        {"avbrott", 0.08},
                        {"annat", 0.02}});
}

Plan draft_plan(Dice& dice, const Draft& d, const Date& on, const std::string& place) {
  Plan p;
  p.saved_on = str(on);
  p.problem = d.referral.reason + " Deltagaren och " + (d.role == Role::koordinator ? "koordinatorn" : "coachen") +
              " har tillsammans formulerat mål och första steg.";
  std::set<int> areas;
  int goals = dice.between(2, 3);
  while (static_cast<int>(areas.size()) < goals) areas.insert(dice.between(0, 4));
  for (int a : areas) p.goals.push_back({goal_areas()[a].code, kGoalTexts[a][dice.between(0, 2)]});
  p.activities.push_back({"coaching", "Individuella samtal varje vecka.", str(on), "", std::nullopt, ""});
  std::string kind = dice.weighted({{"praktik", 0.3},
                                    {"arbetstraning", 0.2},
                                    {"gruppaktivitet", 0.2},
                                    {"studier", 0.1},
                                    {"utredning_behandling", 0.1},
                                    {"arbetsprovning", 0.1}});
  Activity a{kind, "", str(add_days(on, dice.between(14, 60))), "", std::nullopt, ""};
  if (kind == "praktik" || kind == "arbetstraning" || kind == "arbetsprovning") {
    a.text = "Med handledare, några timmar om dagen med gradvis ökning.";
    a.workplace = std::string(dice.pick(kWorkplaces)) + ", " + place;
    a.end = str(add_months(*parse_date(a.start), 3));
  } else if (kind == "utredning_behandling") {
    a.text = "Utredning av arbetsförmåga via regionen.";
    a.party_id = d.referral.coordination_parties.back();
  } else {
    a.text = kind == "studier" ? "Studiebesök och anmälan till Komvux." : "Gruppträffar om hälsa och vardag.";
  }
  p.activities.push_back(a);
  p.next_follow_up = str(add_months(d.enrolment.start_date.empty() ? on : *parse_date(d.enrolment.start_date), 3));
  return p;
}

// Plan, contacts, follow-ups and the exit of an allocated enrolment, up to its end (exit or today).
void draft_path(Draft& d, Dice& dice, const Date& today, const std::string& place) {
  Enrolment& e = d.enrolment;
  const Date start = *parse_date(e.start_date), end = d.exit.value_or(today);
  Id staff = d.carrier->staff.id;
  double plan_roll = dice.unit();
  std::optional<Date> plan_on;
  if (plan_roll < 0.88)
    plan_on = add_days(d.allocated, dice.between(5, 28));
  else if (plan_roll < 0.93)
    plan_on = add_days(d.allocated, dice.between(31, 50));
  if (plan_on && *plan_on <= end) d.plans.push_back(draft_plan(dice, d, *plan_on, place));

  for (Date c = add_days(d.allocated, dice.between(1, 6)); c <= end; c = add_days(c, dice.between(6, 9))) {
    Date on = weekday(c);
    if (on > end || !dice.chance(0.62)) continue;
    Contact x;
    x.date = str(on);
    x.kind = dice.weighted({{"meeting", 0.45},
                            {"phone", 0.25},
                            {"digital", 0.1},
                            {"group", 0.08},
                            {"employer", 0.06},
                            {"authority", 0.06}});
    x.minutes = x.kind == "phone" ? dice.between(1, 4) * 5 : x.kind == "group" ? 120 : dice.between(3, 6) * 15;
    x.note = x.kind == "employer"    ? "Avstämning med handledaren på arbetsplatsen."
             : x.kind == "authority" ? "Trepartssamtal med handläggaren."
                                     : "Samtal om veckan och nästa steg i planen.";
    x.staff_id = staff;
    d.contacts.push_back(x);
  }

  const bool laggard = !d.exit && dice.chance(0.15);  // falls behind: the latest follow-up is overdue
  for (Date f = add_days(add_months(start, 3), dice.between(-12, 4)); f < end;
       f = add_days(add_months(f, 3), dice.between(-12, 4))) {
    if (laggard && f > add_days(today, -100)) break;
    FollowUp x;
    x.date = str(weekday(f) < end ? weekday(f) : f);
    x.with_referrer = dice.chance(0.75);
    x.decision = "continue";
    x.note = "Uppföljning av planen; deltagandet fortsätter.";
    x.next_follow_up = str(add_months(*parse_date(x.date), 3));
    x.staff_id = staff;
    d.follow_ups.push_back(x);
    if (d.plans.size() == 1 && d.plans.front().saved_on < x.date && dice.chance(0.3)) {
      Plan revised = d.plans.front();
      revised.saved_on = x.date;
      revised.next_follow_up = x.next_follow_up;
      revised.activities.push_back({"arbetstraning", "Nästa steg efter uppföljningen.", x.date, "", std::nullopt,
                                    "Parkförvaltningen, " + place});
      d.plans.push_back(revised);
    }
  }
  if (!d.exit) return;

  const int days = days_between(start, *d.exit);
  e.exit_date = str(*d.exit);
  e.outcome = outcome_for(dice, days, d.role == Role::koordinator);
  if (e.outcome != "avbrott" && e.outcome != "flyttat" &&
      (d.follow_ups.empty() || d.follow_ups.back().date < e.exit_date))
    d.follow_ups.push_back({0, e.exit_date, true, "exit", "Avslutande uppföljning.", "", staff});
  static const std::map<std::string, std::pair<const char*, const char*>> kAfter{
      {"arbete", {"lon", "arbete_hel"}},
      {"arbete_med_stod", {"lon", "arbete_del"}},
      {"studier", {"studiemedel", "studerande"}},
      {"arbetssokande", {"aktivitetsstod", "arbetslos"}},
      {"af_fk_samarbete", {"aktivitetsstod", "arbetslos"}},
      {"vard_sjukskrivning", {"sjukpenning", "sjukskriven"}}};
  if (auto it = kAfter.find(e.outcome); it != kAfter.end()) {
    e.income_after = {it->second.first};
    e.occupation_after = it->second.second;
  } else {
    e.income_after = e.income_before;
    e.occupation_after = e.occupation_before.empty() ? "annat" : e.occupation_before;
  }
  static const std::map<std::string, const char*> kNext{
      {"arbete", "Anställning utan stöd. Ingen fortsatt insats behövs; deltagaren vet vart hen vänder sig vid behov."},
      {"arbete_med_stod", "Anställning med lönebidrag. Arbetsförmedlingen följer upp anställningen."},
      {"studier", "Studier på Komvux. Studie- och yrkesvägledaren är kontaktperson under första terminen."},
      {"ame_rehab", "Fortsatt arbetsträning via kommunens arbetsmarknadsenhet, som tar över planen."},
      {"af_fk_samarbete", "Förstärkt samarbete mellan Arbetsförmedlingen och Försäkringskassan."},
      {"arbetssokande", "Inskriven som arbetssökande hos Arbetsförmedlingen med fortsatt stöd i sökandet."}};
  auto next = kNext.find(e.outcome);
  e.next_step = next != kNext.end() ? next->second
                                    : "Remittenten tar över kontakten; deltagaren är välkommen att söka insatsen igen.";
  if (!dice.chance(0.92)) return;
  std::vector<std::string> areas;
  for (const auto& g : d.plans.empty() ? std::vector<Goal>{{"maende", ""}, {"tilltro", ""}} : d.plans.back().goals)
    areas.push_back(g.area);
  bool progressed = is_progression_outcome(e.outcome);
  for (const auto& area : areas) {
    int s = dice.between(1, 3);
    int delta = progressed ? dice.between(1, 2) : e.outcome == "avbrott" ? dice.between(-1, 1) : dice.between(0, 1);
    d.ratings.push_back({"start", area, s});
    d.ratings.push_back({"exit", area, std::clamp(s + delta, 1, 5)});
  }
}

void draft_final_report(Draft& d, Dice& dice, const Date& today) {
  if (!d.exit) return;
  const Date due = add_days(*d.exit, 21);
  std::optional<Date> sent;
  double roll = dice.unit();
  if (due < today) {
    if (roll < 0.86)
      sent = add_days(*d.exit, dice.between(2, 20));
    else if (roll < 0.94)
      sent = std::min(today, add_days(*d.exit, dice.between(22, 40)));
  } else if (*d.exit < today && roll < 0.5) {
    sent = add_days(*d.exit, dice.between(1, days_between(*d.exit, today)));
  }
  if (!sent) return;
  d.enrolment.final_report_sent_on = str(*sent);
  // Anonymous: no consent to share with the referrer, so the participant alone.
  d.enrolment.final_report_to = d.referral.anonymous ? std::vector<std::string>{"participant"}
                                                     : std::vector<std::string>{"participant", "referrer"};
}

void write(store::Store& tx, std::int64_t now, const Organisation& o, Draft& d) {
  auto& p = tx.participants();
  const Actor& sam = o.samordnare.at(d.referral.unit_id);
  auto audit = [&](const Actor& who, const char* action, const std::string& type, Id id,
                   const std::string& detail = "") { record(tx, now, who, action, type, std::to_string(id), detail); };
  if (d.identity) d.referral.person_id = p.create_person(*d.identity, moment(d.received));
  Id rid = p.create_referral(d.referral, sam.user_id, moment(d.received));
  audit(sam, "referral.create", "referral", rid, d.referral.anonymous ? "anonymous" : "");
  if (!d.referral.intake_on.empty()) audit(sam, "referral.decide", "referral", rid, "intake_booked");
  if (d.referral.status != "received" && d.referral.status != "intake_booked")
    audit(sam, "referral.decide", "referral", rid, d.referral.status);
  if (!d.accepted) return;

  Enrolment& e = d.enrolment;
  e.referral_id = rid;
  e.person_id = d.referral.person_id;
  if (d.carrier) e.staff_id = d.carrier->staff.id;
  Id eid = p.create_enrolment(e, moment(d.decided));
  if (d.identity) {
    for (Id party : d.referral.coordination_parties)
      p.add_consent(eid, {party, true, e.start_date}, sam.user_id, moment(d.decided));
    audit(sam, "consent.given", "enrolment", eid);
  }
  if (!d.carrier) return;
  const Staff& s = d.carrier->staff;
  const Actor staff{s.id, s.username, s.name, s.roles, "demo"};
  p.add_allocation(eid, s.id, str(d.allocated), "", sam.user_id, moment(d.allocated));
  audit(sam, "enrolment.allocate", "enrolment", eid, "staff " + std::to_string(s.id));
  for (const auto& plan : d.plans) {
    int version = p.save_plan(eid, plan, s.id, moment(*parse_date(plan.saved_on), 14));
    audit(staff, "plan.save", "enrolment", eid, "version " + std::to_string(version));
  }
  for (const auto& c : d.contacts) {
    Id cid = p.add_contact(eid, c, "", moment(*parse_date(c.date), 15));
    audit(staff, "contact.add", "enrolment", eid, "contact " + std::to_string(cid));
  }
  for (const auto& f : d.follow_ups) {
    p.add_follow_up(eid, f, moment(*parse_date(f.date), 13));
    audit(staff, "follow_up.add", "enrolment", eid, f.decision);
  }
  for (auto r : d.meeting_ratings) {
    r.staff_id = s.id;
    Id id = p.add_rating(eid, r, "", moment(*parse_date(r.date), 15));
    audit(staff, "rating.add", "enrolment", eid, "rating " + std::to_string(id) + " " + r.scale);
  }
  if (!d.exit) {
    if (d.ratings.empty()) return;
    p.set_goal_ratings(eid, d.ratings);
    audit(staff, "goal_rating.save", "enrolment", eid, "start " + std::to_string(d.ratings.size()) + " areas");
    return;
  }
  p.set_goal_ratings(eid, d.ratings);
  audit(staff, "enrolment.exit", "enrolment", eid, e.outcome);
  if (!e.final_report_sent_on.empty()) audit(staff, "final_report.sent", "enrolment", eid);
}

}  // namespace

Status load_demo_participants(Env& env, std::uint32_t seed) {
  Dice dice(seed);
  const Date first{2023, 10, 1}, today = *parse_date(today_string(env));
  const int span = days_between(first, today);
  if (span < 60) return done();  // a clock before the programme's first months: nothing to show

  auto tx = env.db.begin(true);
  Organisation o = read_organisation(*tx, dice);
  if (o.places.empty() || o.carriers.empty() || o.tracks.size() < 2 || !o.fk || !o.af || !o.region)
    return conflict("Demodeltagarna kräver demons organisation (load_demo).");
  // Each municipality's share of the referrals by population (largest remainder), in random order.
  double population = 0;
  for (const auto& pl : o.places) population += static_cast<double>(pl.municipality.population);
  std::vector<std::size_t> where;
  std::vector<std::pair<double, std::size_t>> remainders;
  for (std::size_t k = 0; k < o.places.size(); ++k) {
    double quota = kReferrals * static_cast<double>(o.places[k].municipality.population) / population;
    where.insert(where.end(), static_cast<std::size_t>(quota), k);
    remainders.push_back({quota - std::floor(quota), k});
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](auto& a, auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; where.size() < static_cast<std::size_t>(kReferrals); ++i) where.push_back(remainders[i].second);
  for (std::size_t i = where.size() - 1; i > 0; --i)
    std::swap(where[i], where[static_cast<std::size_t>(dice.between(0, static_cast<int>(i)))]);

  // Referrals over the period, slowly rising as the programme becomes known.
  std::vector<int> offsets;
  for (int i = 0; i < kReferrals; ++i) offsets.push_back(static_cast<int>(std::pow(dice.unit(), 0.7) * span));
  std::sort(offsets.begin(), offsets.end());
  std::set<std::string> used;
  std::vector<Draft> drafts(kReferrals);
  for (int i = 0; i < kReferrals; ++i) {
    Draft& d = drafts[i];
    d.received = add_days(first, offsets[i]);
    d.referral.received_on = str(d.received);
    d.decided = std::min(today, add_days(d.received, dice.between(4, 21)));
    draft_person(d, dice, o, o.places[where[static_cast<std::size_t>(i)]], used, today);
    draft_decision(d, dice, today);
  }

  std::vector<Draft*> accepted;
  for (auto& d : drafts)
    if (d.accepted) accepted.push_back(&d);
  std::stable_sort(accepted.begin(), accepted.end(), [](Draft* a, Draft* b) { return a->decided < b->decided; });
  for (Draft* d : accepted) {
    Enrolment& e = d->enrolment;
    const Referral& r = d->referral;
    e.programme_id = r.programme_id;
    e.track_id = r.track_id;
    e.unit_id = r.unit_id;
    e.municipality_id = r.municipality_id;
    e.anonymous = r.anonymous;
    e.gender = r.gender;
    e.birth_year = r.birth_year;
    e.start_date = str(d->decided);
    e.income_before = r.income_sources;
    e.support_duration = dice.weighted({{"under_1", 0.2}, {"1_2", 0.3}, {"2_5", 0.3}, {"over_5", 0.2}});
    e.education = dice.weighted({{"forgymnasial", 0.35}, {"gymnasial", 0.45}, {"eftergymnasial", 0.1}, {"okand", 0.1}});
    e.occupation_before = dice.weighted({{"arbetslos", 0.6}, {"sjukskriven", 0.3}, {"annat", 0.1}});
    d->allocated = add_days(d->decided, dice.between(0, 7));
    // How long the stay would be: about a year at most for most, a few who break off early.
    int early = dice.between(14, 90), usual = dice.between(60, 540);
    d->planned_days = dice.chance(0.08) ? early : (usual + dice.between(60, 540)) / 2;
  }
  // Stretch or shrink the stays so that about kExitedShare have left by today, whatever the clock.
  auto exited_share = [&](double scale) {
    int allocated = 0, exited = 0;
    for (const Draft* d : accepted) {
      if (d->allocated > today) continue;
      ++allocated;
      exited += add_days(d->allocated, static_cast<int>(scale * d->planned_days)) < today;
    }
    return allocated ? static_cast<double>(exited) / allocated : 0.0;
  };
  double lo = 0.2, hi = 5;
  for (int i = 0; i < 40; ++i) (exited_share((lo + hi) / 2) > kExitedShare ? lo : hi) = (lo + hi) / 2;

  for (Draft* d : accepted) {
    const Referral& r = d->referral;
    if (d->allocated > today) continue;  // waits for the next allocation conference
    int days = std::max(14, static_cast<int>(lo * d->planned_days));
    if (add_days(d->allocated, days) < today) d->exit = add_days(d->allocated, days);
    d->carrier = choose_carrier(o, *d, d->allocated);
    if (!d->carrier) {  // no free place in the unit: the referral waits instead
      d->accepted = false;
      d->exit.reset();
      d->referral.status = "waiting_list";
      continue;
    }
    d->carrier->ends.push_back(d->exit.value_or(Date{9999, 12, 31}));
    std::string place;
    for (const auto& pl : o.places)
      if (pl.municipality.id == r.municipality_id) place = pl.municipality.name;
    draft_path(*d, dice, today, place);
    draft_final_report(*d, dice, today);
    // Ratings draw from seeds of their own, so the draws above stay what they were.
    const auto own = seed ^ (0x9E3779B9u * static_cast<std::uint32_t>(d - drafts.data() + 1));
    d->meeting_ratings = draft_meeting_ratings(own, d->contacts, d->exit && is_progression_outcome(d->enrolment.outcome));
    if (!d->exit && (own >> 8) % 100 < 85)
      d->ratings = draft_start_goal_ratings(own + 1, d->plans.empty() ? std::vector<Goal>{} : d->plans.front().goals);
  }

  const std::int64_t now = env.now();
  for (auto& d : drafts) write(*tx, now, o, d);
  tx->commit();
  return done();
}

}  // namespace stegvis::app
