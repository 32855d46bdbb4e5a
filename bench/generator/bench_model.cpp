#include "generator/bench_model.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace stegvis::bench {
namespace {

std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

const std::vector<std::string> kPrefixes = {"Norr", "Sö",   "Väst", "Öster", "Ny",   "Gam",  "Berg", "Sand",
                                            "Ek",   "Björk", "Lin",  "Sko",   "Hag",  "Ljung", "Mal",  "Stor",
                                            "Lill", "Ån",   "Sjö",  "Fors"};
const std::vector<std::string> kSuffixes = {"köping", "by",  "hamn", "ås",  "torp", "sund", "vik", "berga",
                                            "stad",   "ryd", "hult", "näs", "dal",  "holm", "målen"};
const std::vector<std::string> kRegions = {
    "Region Stockholm", "Region Uppsala",   "Region Sörmland",    "Region Östergötland", "Region Jönköpings län",
    "Region Kronoberg", "Region Kalmar län", "Region Gotland",     "Region Blekinge",     "Region Skåne",
    "Region Halland",   "Västra Götalandsregionen", "Region Värmland", "Region Örebro län", "Region Västmanland",
    "Region Dalarna",   "Region Gävleborg", "Region Västernorrland", "Region Jämtland Härjedalen",
    "Region Västerbotten", "Region Norrbotten"};
const std::vector<std::string> kUnitNames = {"Norra", "Södra", "Västra", "Östra"};
const std::vector<std::string> kFemale = {"Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Elin",
                                          "Fatima", "Amina", "Johanna", "Sofia", "Ida", "Hanna", "Malin", "Linnea"};
const std::vector<std::string> kMale = {"Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Mohammed", "Ali",
                                        "Oskar", "Lucas", "Ahmed", "Nils", "Jonas", "Mikael", "Daniel", "Hassan"};
const std::vector<std::string> kLast = {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
                                        "Olsson",    "Persson",   "Svensson", "Gustafsson", "Pettersson", "Jonsson",
                                        "Jansson",   "Hansson",   "Bengtsson", "Hassan",   "Ali",      "Lindberg"};

struct Weighted {
  const char* code;
  double weight;
};
std::string weighted(Rng& rng, std::initializer_list<Weighted> items) {
  double total = 0;
  for (const auto& w : items) total += w.weight;
  double x = rng.uniform() * total;
  for (const auto& w : items) {
    if (x < w.weight) return w.code;
    x -= w.weight;
  }
  return items.begin()->code;
}

// The person-related draws of enrolment i, from their own stream, so that a
// returning enrolment can look at an earlier one without expanding it.
struct PersonDraw {
  PersonKind kind;
  std::string gender;
  int age;
};
PersonDraw draw_person(const Params& p, std::int64_t i, bool unga) {
  Rng rng(p.seed, 2, static_cast<std::uint64_t>(i));
  PersonDraw d;
  double k = rng.uniform();
  d.kind = k < 0.05 ? PersonKind::anonymous : k < 0.13 ? PersonKind::returning : PersonKind::first_time;
  d.gender = weighted(rng, {{"female", 0.55}, {"male", 0.43}, {"other", 0.02}});
  d.age = unga ? rng.range(18, 29) : std::min(64, 20 + static_cast<int>(std::fabs(rng.uniform() + rng.uniform() - 0.6) * 40));
  return d;
}

}  // namespace

Rng::Rng(std::uint64_t seed, std::uint64_t a, std::uint64_t b) : s_(mix(mix(mix(seed) ^ a) ^ (b * 0x632be59bd9b4e019ULL))) {}

std::uint64_t Rng::next() {
  s_ += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = s_;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
double Rng::uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
int Rng::range(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }

std::int64_t Params::enrolments() const { return std::max<std::int64_t>(100, std::llround(1'000'000.0 * scale)); }
std::int64_t Params::staff() const { return std::max<std::int64_t>(30, std::llround(5'000.0 * scale)); }
int Params::associations() const { return static_cast<int>(std::clamp<long>(std::lround(80.0 * scale), 2, 80)); }

Organisation build_organisation(const Params& p) {
  Organisation org;
  Rng rng(p.seed, 1000);
  org.parties.push_back({1, "Försäkringskassan", "fk"});
  org.parties.push_back({2, "Arbetsförmedlingen", "af"});
  org.fk = 1;
  org.af = 2;
  for (const auto& r : kRegions) org.parties.push_back({static_cast<Id>(org.parties.size() + 1), r, "region"});

  // Municipality names: distinct prefix+suffix pairs in a seeded order.
  std::vector<std::string> names;
  for (const auto& a : kPrefixes)
    for (const auto& b : kSuffixes) names.push_back(a + b);
  for (std::size_t i = names.size(); i > 1; --i) std::swap(names[i - 1], names[rng.next() % i]);

  const int associations = p.associations();
  const std::int64_t staff_total = p.staff();
  org.staff.push_back({1, "bench.admin", "Administratör Bench", Role::administrator, {}, {}, 0, 0});
  std::size_t next_name = 0;
  for (int a = 0; a < associations; ++a) {
    const Id assoc_id = a + 1;
    const int n_muni = rng.range(2, 5);
    std::vector<Id> munis;
    for (int m = 0; m < n_muni && next_name < names.size(); ++m) {
      const auto& name = names[next_name++];
      Id party = static_cast<Id>(org.parties.size() + 1);
      org.parties.push_back({party, name + " kommun", "kommun"});
      Id id = static_cast<Id>(org.municipalities.size() + 1);
      org.municipalities.push_back({id, name, party, rng.range(3'000, 150'000), 5.0 + rng.uniform() * 30.0});
      munis.push_back(id);
    }
    const std::string& first = org.municipalities[static_cast<std::size_t>(munis.front() - 1)].name;
    org.associations.push_back({assoc_id, "Samordningsförbundet " + first});
    ProgrammeRow prog{assoc_id, assoc_id, "Samordnad rehabilitering " + first, 2 * assoc_id - 1, 2 * assoc_id};
    org.programmes.push_back(prog);
    const Id region = 3 + (a % static_cast<int>(kRegions.size()));

    const int n_units = std::min<int>(rng.range(1, 4), static_cast<int>(munis.size()));
    std::vector<std::size_t> unit_index;
    for (int u = 0; u < n_units; ++u) {
      UnitRow unit;
      unit.id = static_cast<Id>(org.units.size() + 1);
      unit.programme_id = prog.id;
      unit.name = kUnitNames[static_cast<std::size_t>(u)];
      unit.controller_party_id = u == 0 ? region : org.municipalities[static_cast<std::size_t>(munis[u] - 1)].party_id;
      unit_index.push_back(org.units.size());
      org.units.push_back(unit);
    }
    for (std::size_t m = 0; m < munis.size(); ++m)
      org.units[unit_index[m % unit_index.size()]].municipalities.push_back(munis[m]);

    // This association's share of the staff: two association roles, a samordnare per unit, the rest carry caseloads.
    std::int64_t share = (staff_total - 1) / associations + (a < (staff_total - 1) % associations ? 1 : 0);
    auto add = [&](Role role, std::optional<Id> unit, std::optional<Id> muni, Id employer, int fte) {
      Id id = static_cast<Id>(org.staff.size() + 1);
      std::string gender = rng.chance(0.6) ? "female" : "male";
      std::string name = first_name(rng, gender) + " " + last_name(rng);
      org.staff.push_back({id, std::string(to_code(role)) + "." + std::to_string(id), name, role, unit, muni, employer, fte});
      return static_cast<int>(org.staff.size() - 1);
    };
    if (share > n_units * 4 + 2) {
      add(Role::forbundschef, {}, {}, region, 100);
      add(Role::insatsansvarig, {}, {}, region, 100);
      share -= 2;
    }
    for (auto ui : unit_index) {
      org.units[ui].samordnare = add(Role::samordnare, org.units[ui].id, {}, org.units[ui].controller_party_id, 100);
      --share;
    }
    for (std::int64_t k = 0; k < share; ++k) {
      UnitRow& unit = org.units[unit_index[static_cast<std::size_t>(k) % unit_index.size()]];
      Role role = (k / static_cast<std::int64_t>(unit_index.size())) % 3 == 2 ? Role::koordinator : Role::coach;
      Id muni = rng.pick(unit.municipalities);
      Id employer = org.municipalities[static_cast<std::size_t>(muni - 1)].party_id;
      int fte = rng.chance(0.75) ? 100 : rng.chance(0.5) ? 75 : 50;
      int s = add(role, unit.id, muni, employer, fte);
      unit.caseload_staff.push_back(s);
      org.caseload_staff.push_back(s);
    }
  }
  return org;
}

EnrolmentPlan plan_enrolment(const Organisation& org, const Params& p, std::int64_t index) {
  const std::int64_t n = p.enrolments();
  Rng rng(p.seed, 1, static_cast<std::uint64_t>(index));
  EnrolmentPlan e;
  e.id = index + 1;
  e.seed = rng.next();
  e.staff = org.caseload_staff[rng.next() % org.caseload_staff.size()];
  const StaffRow& s = org.staff[static_cast<std::size_t>(e.staff)];
  const UnitRow& unit = org.units[static_cast<std::size_t>(*s.unit_id - 1)];
  const ProgrammeRow& prog = org.programmes[static_cast<std::size_t>(unit.programme_id - 1)];
  e.unit_id = unit.id;
  e.programme_id = prog.id;
  e.unga = s.role == Role::koordinator;
  e.track_id = e.unga ? prog.track_unga : prog.track_arbetsmarknad;
  e.municipality_id = rng.chance(0.8) ? *s.municipality_id : rng.pick(unit.municipalities);

  // Ids follow time, as they do in a live system: starts spread evenly over ten years.
  const Date first_day = add_days(p.as_of, -3650 + 1);
  int offset = static_cast<int>(index * 3650 / n) + rng.range(-6, 6);
  e.start = add_days(first_day, std::clamp(offset, 0, 3649));
  e.received = add_days(e.start, -rng.range(7, 45));
  int duration = 45 + static_cast<int>(-std::log(1.0 - rng.uniform()) * 230.0);
  duration = std::min(duration, 1100);
  if (day_number(add_days(e.start, duration)) <= day_number(p.as_of)) e.exit = add_days(e.start, duration);

  PersonDraw who = draw_person(p, index, e.unga);
  e.gender = who.gender;
  e.birth_year = e.start.year - who.age;
  e.person = who.kind;
  if (who.kind == PersonKind::returning) {
    e.person = PersonKind::first_time;  // unless an earlier, finished enrolment of a known person is found
    for (int attempt = 0; attempt < 3 && index > n / 20; ++attempt) {
      std::int64_t back = n / 20 + static_cast<std::int64_t>(rng.next() % static_cast<std::uint64_t>(n / 4 + 1));
      std::int64_t j = index - back;
      if (j < 0) continue;
      EnrolmentPlan before = plan_enrolment(org, p, j);
      if (before.person != PersonKind::first_time || !before.exit || !(*before.exit < e.received)) continue;
      e.person = PersonKind::returning;
      e.person_id = before.person_id;
      e.gender = before.gender;
      e.birth_year = before.birth_year;
      break;
    }
  }
  if (e.person == PersonKind::first_time) e.person_id = e.id;

  const Date until = e.exit ? *e.exit : p.as_of;
  const int days = std::max(1, days_between(e.start, until));
  e.contacts = std::max(1, static_cast<int>(std::lround(days / 26.0 * (0.5 + rng.uniform()))));
  e.follow_ups = days / 120;
  e.ratings = 1 + days / 100;
  e.plan_versions = days >= 14 ? (rng.chance(0.15) ? 2 : 1) : 0;
  if (e.exit) {
    e.outcome = weighted(rng, {{"arbete", 0.14}, {"arbete_med_stod", 0.12}, {"studier", 0.12}, {"arbetssokande", 0.14},
                               {"ame_rehab", 0.08}, {"af_fk_samarbete", 0.08}, {"annan_insats", 0.08},
                               {"vard_sjukskrivning", 0.10}, {"flyttat", 0.04}, {"avbrott", 0.07}, {"annat", 0.03}});
    e.final_report_sent = days_between(*e.exit, p.as_of) > 21 ? rng.chance(0.97) : rng.chance(0.4);
    e.goal_ratings = rng.chance(0.25);
  }
  return e;
}

std::int64_t extra_referral_count(const Params& p) { return p.enrolments() / 10; }

ExtraReferral plan_extra_referral(const Organisation& org, const Params& p, std::int64_t index) {
  const std::int64_t n = p.enrolments(), extras = extra_referral_count(p);
  ExtraReferral x;
  x.id = n + index + 1;
  // The basis is drawn like an enrolment's, from a stream of its own (index past the enrolments').
  x.basis = plan_enrolment(org, p, index * n / std::max<std::int64_t>(1, extras));
  Rng rng(p.seed, 3, static_cast<std::uint64_t>(index));
  x.basis.id = x.id;
  x.basis.person = PersonKind::first_time;
  x.basis.person_id = x.id;
  x.basis.staff = org.caseload_staff[rng.next() % org.caseload_staff.size()];
  const StaffRow& s = org.staff[static_cast<std::size_t>(x.basis.staff)];
  const UnitRow& unit = org.units[static_cast<std::size_t>(*s.unit_id - 1)];
  x.basis.unit_id = unit.id;
  x.basis.programme_id = unit.programme_id;
  x.basis.municipality_id = *s.municipality_id;
  const ProgrammeRow& prog = org.programmes[static_cast<std::size_t>(unit.programme_id - 1)];
  x.basis.track_id = s.role == Role::koordinator ? prog.track_unga : prog.track_arbetsmarknad;
  x.basis.received = add_days(p.as_of, -rng.range(0, 3649));
  x.status = days_between(x.basis.received, p.as_of) <= 30 ? "received" : "declined";
  return x;
}

std::string first_name(Rng& rng, const std::string& gender) {
  if (gender == "female") return rng.pick(kFemale);
  if (gender == "male") return rng.pick(kMale);
  return rng.chance(0.5) ? rng.pick(kFemale) : rng.pick(kMale);
}
std::string last_name(Rng& rng) { return rng.pick(kLast); }

std::string contact_note(Rng& rng) {
  static const std::vector<std::string> kNotes = {
      "Samtal om veckans praktik; trivs men är trött på eftermiddagarna.",
      "Gick igenom CV och ett personligt brev till en tjänst inom lager.",
      "Uppföljning med handläggare på Arbetsförmedlingen; planen står fast.",
      "Har haft en tung vecka, sömnen är sämre. Kontakt med vårdcentralen bokad.",
      "Besök hos arbetsgivaren tillsammans med deltagaren; nästa steg är arbetsträning två dagar i veckan.",
      "Pratade om studier på Komvux till hösten.",
      "Deltagaren uteblev; nytt möte bokat via sms.",
      "Gruppträff om arbetsmarknaden, deltagaren var aktiv i diskussionen."};
  return rng.pick(kNotes);
}

std::string referral_reason(Rng& rng) {
  static const std::vector<std::string> kReasons = {
      "Långvarigt försörjningsstöd, behöver samordnat stöd mot arbete.",
      "Sjukskriven sedan ett år, önskar pröva arbetsförmåga stegvis.",
      "Ung vuxen utan fullständiga betyg, behöver stöd till studier eller praktik.",
      "Aktivitetsersättning, vill närma sig arbetsmarknaden i egen takt.",
      "Har varit utan sysselsättning länge och behöver stöd av flera myndigheter."};
  return rng.pick(kReasons);
}

}  // namespace stegvis::bench
