// The participant's path of the generated data set: one pass per table over
// the enrolment plans (cheap to recompute), so nothing is held in memory and
// COPY sees one table at a time. Sealed fields are sealed in their own pass.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <unordered_set>

#include "domain/personal_number.hpp"
#include "generator/bench_tables.hpp"

namespace stegvis::bench {
namespace {

// Streams of randomness per enrolment and purpose, so passes agree with each other.
enum Stream : std::uint64_t { kIncome = 1, kPerson, kReferral, kEnrolment, kContacts, kFollowUps, kRatings, kPlan, kGoals };
Rng stream(const EnrolmentPlan& e, Stream s) { return Rng(e.seed, s); }

std::string income_sources(const EnrolmentPlan& e) {
  Rng r = stream(e, kIncome);
  static const std::vector<std::string> young = {"forsorjningsstod", "forsorjningsstod", "aktivitetsstod", "ingen",
                                                 "aktivitetsersattning", "studiemedel"};
  static const std::vector<std::string> adult = {"forsorjningsstod", "forsorjningsstod", "sjukpenning", "sjukpenning",
                                                 "aktivitetsstod", "sjukersattning", "etableringsersattning", "ingen"};
  std::string first = r.pick(e.unga ? young : adult);
  if (first == "forsorjningsstod" && r.chance(0.12)) return first + ",sjukpenning";
  return first;
}

Id referring_party(const Context& c, const EnrolmentPlan& e) {
  Rng r = stream(e, kReferral);
  double x = r.uniform();
  if (x < 0.3) return c.org.fk;
  if (x < 0.6) return c.org.af;
  return c.org.municipalities[static_cast<std::size_t>(e.municipality_id - 1)].party_id;
}

Id samordnare_of(const Context& c, Id unit_id) {
  return c.org.staff[static_cast<std::size_t>(c.org.units[static_cast<std::size_t>(unit_id - 1)].samordnare)].id;
}
Id staff_id(const Context& c, const EnrolmentPlan& e) { return c.org.staff[static_cast<std::size_t>(e.staff)].id; }

// Evenly spread dates from start to until, k of n (1-based), never after until.
Date spread(const Date& start, const Date& until, int k, int n) {
  int days = std::max(0, days_between(start, until));
  return add_days(start, static_cast<int>(static_cast<std::int64_t>(days) * k / (n + 1)));
}

template <class F>
void each_enrolment(const Context& c, F f) {
  const std::int64_t n = c.params.enrolments();
  for (std::int64_t i = 0; i < n; ++i) f(plan_enrolment(c.org, c.params, i));
}
template <class F>
void each_extra(const Context& c, F f) {
  const std::int64_t n = extra_referral_count(c.params);
  for (std::int64_t i = 0; i < n; ++i) f(plan_extra_referral(c.org, c.params, i));
}

void write_persons(Context& c) {
  BulkWriter& w = c.out;
  std::unordered_set<std::string> used;
  w.begin_table("person", {"id", "pn_index", "pn_sealed", "first_name_sealed", "last_name_sealed", "contact_sealed",
                           "created_at"});
  auto person = [&](const EnrolmentPlan& e) {
    if (e.person != PersonKind::first_time || e.person_id != e.id) return;
    Rng r = stream(e, kPerson);
    Date birth = add_days(Date{e.birth_year, 1, 1}, r.range(0, 364));
    // The serial's last digit (the number's second-last) is odd for men and even for women, as in real numbers.
    int serial = r.range(0, 499) * 2 + (e.gender == "male" ? 1 : 0);
    std::string pn;
    for (int tries = 0; tries < 500 && pn.empty(); ++tries, serial = (serial + 2) % 1000) {
      char nine[16], full[16];
      std::snprintf(nine, sizeof nine, "%02d%02d%02d%03d", birth.year % 100, birth.month, birth.day, serial);
      std::snprintf(full, sizeof full, "%04d%02d%02d%03d%d", birth.year, birth.month, birth.day, serial,
                    luhn_check_digit(nine));
      if (used.insert(full).second) pn = full;
    }
    if (pn.empty()) throw std::runtime_error("no free personal number on " + to_string(birth));
    std::string first = first_name(r, e.gender), last = last_name(r);
    char phone[32];
    std::snprintf(phone, sizeof phone, "070-%03d %02d %02d", r.range(0, 999), r.range(0, 99), r.range(0, 99));
    w.value(e.person_id);
    w.value(c.cipher.keyed_hash("pn-index", pn));
    w.value(c.sealer.seal(pn, 'P', 'n', e.person_id));
    w.value(c.sealer.seal(first, 'P', 'f', e.person_id));
    w.value(c.sealer.seal(last, 'P', 'l', e.person_id));
    w.value(c.sealer.seal(phone, 'P', 'c', e.person_id));
    w.value(unix_at(e.received));
    w.end_row();
  };
  each_enrolment(c, person);
  each_extra(c, [&](const ExtraReferral& x) { person(x.basis); });
  w.end_table();
  c.table_done("person");
}

void referral_row(Context& c, const EnrolmentPlan& e, const std::string& status) {
  BulkWriter& w = c.out;
  Rng r = stream(e, kReferral);
  w.value(e.id), w.value(e.programme_id), w.value(e.track_id), w.value(e.unit_id), w.value(e.municipality_id);
  w.value(referring_party(c, e));
  w.value(c.sealer.seal(first_name(r, r.chance(0.7) ? "female" : "male") + " " + last_name(r), 'R', 'n', e.id));
  if (e.person_id) w.value(e.person_id); else w.null();
  w.value(e.person == PersonKind::anonymous ? 1 : 0);
  w.value(e.gender), w.value(e.birth_year), w.value(income_sources(e));
  w.value(std::to_string(c.org.fk) + "," + std::to_string(c.org.af));
  w.value(c.sealer.seal(referral_reason(r), 'R', 'r', e.id));
  w.value(status), w.value(to_string(e.received));
  if (status == "received") {
    w.null(), w.null(), w.value("");
  } else {
    Date decided = status == "accepted" ? add_days(e.start, -1) : add_days(e.received, 14);
    w.value(to_string(add_days(e.received, std::max(1, days_between(e.received, decided) / 2))));
    w.value(to_string(decided));
    w.value(status == "declined" ? c.sealer.seal("Behovet tillgodoses bättre av en annan insats.", 'R', 'd', e.id) : "");
  }
  w.value(""), w.value(samordnare_of(c, e.unit_id)), w.value(unix_at(e.received)), w.value(status == "received" ? 1 : 2);
  w.end_row();
}

void write_referrals(Context& c) {
  c.out.begin_table("referral", {"id", "programme_id", "track_id", "unit_id", "municipality_id", "referring_party_id",
                                 "referrer_name_sealed", "person_id", "anonymous", "gender", "birth_year",
                                 "income_sources", "coordination_parties", "reason_sealed", "status", "received_on",
                                 "intake_on", "decided_on", "decision_reason", "override_reason", "created_by",
                                 "created_at", "version"});
  each_enrolment(c, [&](const EnrolmentPlan& e) { referral_row(c, e, "accepted"); });
  each_extra(c, [&](const ExtraReferral& x) { referral_row(c, x.basis, x.status); });
  c.out.end_table();
  c.table_done("referral");
}

void write_enrolments(Context& c) {
  BulkWriter& w = c.out;
  c.active_by_staff.assign(c.org.staff.size(), {});
  w.begin_table("enrolment", {"id", "referral_id", "programme_id", "track_id", "unit_id", "municipality_id",
                              "person_id", "anonymous", "gender", "birth_year", "start_date", "exit_date", "outcome",
                              "staff_id", "income_before", "support_duration", "education", "occupation_before",
                              "income_after", "occupation_after", "next_step_sealed", "final_report_sent_on",
                              "final_report_to", "created_at", "version"});
  static const std::vector<std::string> durations = {"under_1", "1_2", "1_2", "2_5", "2_5", "over_5"};
  static const std::vector<std::string> educations = {"forgymnasial", "gymnasial", "gymnasial", "eftergymnasial", "okand"};
  static const std::vector<std::string> occupations = {"arbetslos", "arbetslos", "sjukskriven", "annat"};
  each_enrolment(c, [&](const EnrolmentPlan& e) {
    Rng r = stream(e, kEnrolment);
    if (!e.exit) c.active_by_staff[static_cast<std::size_t>(e.staff)].push_back(e.id);
    w.value(e.id), w.value(e.id), w.value(e.programme_id), w.value(e.track_id), w.value(e.unit_id),
        w.value(e.municipality_id);
    if (e.person_id) w.value(e.person_id); else w.null();
    w.value(e.person == PersonKind::anonymous ? 1 : 0), w.value(e.gender), w.value(e.birth_year),
        w.value(to_string(e.start));
    if (e.exit) w.value(to_string(*e.exit)); else w.null();
    w.value(e.outcome), w.value(staff_id(c, e)), w.value(income_sources(e)), w.value(r.pick(durations)),
        w.value(r.pick(educations)), w.value(r.pick(occupations));
    bool work = e.outcome == "arbete" || e.outcome == "arbete_med_stod";
    w.value(!e.exit ? "" : work ? "lon" : e.outcome == "studier" ? "studiemedel" : income_sources(e));
    w.value(!e.exit ? "" : work ? (r.chance(0.5) ? "arbete_hel" : "arbete_del") : e.outcome == "studier" ? "studerande" : "annat");
    w.value(e.exit && r.chance(0.5) ? c.sealer.seal("Fortsatt kontakt med Arbetsförmedlingen och uppföljning om tre månader.", 'E', 'n', e.id) : "");
    if (e.exit && e.final_report_sent) w.value(to_string(add_days(*e.exit, r.range(1, 20)))); else w.null();
    w.value(e.exit && e.final_report_sent ? "participant,referrer" : "");
    w.value(unix_at(e.start)), w.value(e.exit ? (e.final_report_sent ? 3 : 2) : 1);
    w.end_row();
  });
  w.end_table();
  c.table_done("enrolment");
}

void write_consents_and_allocations(Context& c) {
  BulkWriter& w = c.out;
  Id id = 0;
  w.begin_table("consent", {"id", "enrolment_id", "party_id", "given", "decided_on", "recorded_by", "recorded_at"});
  each_enrolment(c, [&](const EnrolmentPlan& e) {
    if (e.person == PersonKind::anonymous) return;
    Id by = samordnare_of(c, e.unit_id);
    for (Id party : {c.org.fk, c.org.af}) {
      if (party == c.org.af && (e.seed & 3) == 0) continue;  // a quarter consent to Försäkringskassan only
      w.value(++id), w.value(e.id), w.value(party), w.value(1), w.value(to_string(e.start)), w.value(by),
          w.value(unix_at(e.start, 10));
      w.end_row();
    }
  });
  w.end_table();
  c.table_done("consent");

  id = 0;
  w.begin_table("allocation", {"id", "enrolment_id", "staff_id", "allocated_on", "override_reason", "recorded_by",
                               "recorded_at"});
  each_enrolment(c, [&](const EnrolmentPlan& e) {
    w.value(++id), w.value(e.id), w.value(staff_id(c, e)), w.value(to_string(e.start)), w.value(""),
        w.value(samordnare_of(c, e.unit_id)), w.value(unix_at(e.start, 11));
    w.end_row();
  });
  w.end_table();
  c.table_done("allocation");
}

void write_plans(Context& c) {
  BulkWriter& w = c.out;
  Id id = 0;
  w.begin_table("plan_version", {"id", "enrolment_id", "version", "content_sealed", "next_follow_up", "saved_by",
                                 "saved_at"});
  static const std::vector<std::string> areas = {"tilltro", "arbetsmarknadskunskap", "studier", "insats", "maende"};
  static const std::vector<std::string> kinds = {"coaching", "praktik", "arbetstraning", "studier", "gruppaktivitet"};
  each_enrolment(c, [&](const EnrolmentPlan& e) {
    Rng r = stream(e, kPlan);
    for (int v = 1; v <= e.plan_versions; ++v) {
      Date saved = add_days(e.start, v == 1 ? r.range(3, 13) : r.range(14, 60));
      if (e.exit && *e.exit < saved) saved = *e.exit;
      nlohmann::json content{
          {"problem", "Har varit utan arbete länge och behöver stöd att hitta en väg framåt."},
          {"goals", {{{"area", r.pick(areas)}, {"text", "Att våga söka arbete inom ett område jag tycker om."}},
                     {{"area", r.pick(areas)}, {"text", "Att må bättre och orka mer i vardagen."}}}},
          {"activities", {{{"kind", r.pick(kinds)}, {"text", "Två dagar i veckan"}, {"start", to_string(saved)},
                           {"end", ""}, {"party_id", nullptr}, {"workplace", ""}}}},
          {"saved_on", to_string(saved)}};
      ++id;
      w.value(id), w.value(e.id), w.value(v), w.value(c.sealer.seal(content.dump(), 'V', 'c', id)),
          w.value(to_string(add_months(saved, 3))), w.value(staff_id(c, e)), w.value(unix_at(saved, 14));
      w.end_row();
    }
  });
  w.end_table();
  c.table_done("plan_version");
}

void write_contacts(Context& c) {
  BulkWriter& w = c.out;
  Id id = 0;
  static const std::vector<std::string> kinds = {"meeting", "meeting", "meeting", "phone", "phone", "digital",
                                                 "group", "employer", "authority"};
  w.begin_table("contact", {"id", "enrolment_id", "contact_date", "kind", "minutes", "note_sealed", "staff_id",
                            "created_at"});
  each_enrolment(c, [&](const EnrolmentPlan& e) {
    Rng r = stream(e, kContacts);
    const Date until = e.exit ? *e.exit : c.params.as_of;
    const Id staff = staff_id(c, e);
    for (int k = 1; k <= e.contacts; ++k) {
      Date d = spread(e.start, until, k, e.contacts);
      ++id;
      w.value(id), w.value(e.id), w.value(to_string(d)), w.value(r.pick(kinds)), w.value(r.range(2, 12) * 5);
      w.value(r.chance(0.3) ? c.sealer.seal(contact_note(r), 'C', 'n', id) : "");
      w.value(staff), w.value(unix_at(d, 13));
      w.end_row();
    }
  });
  w.end_table();
  c.table_done("contact");
}

void write_follow_ups(Context& c) {
  BulkWriter& w = c.out;
  Id id = 0;
  w.begin_table("follow_up", {"id", "enrolment_id", "follow_up_date", "with_referrer", "decision", "note_sealed",
                              "next_follow_up", "staff_id", "created_at"});
  each_enrolment(c, [&](const EnrolmentPlan& e) {
    Rng r = stream(e, kFollowUps);
    const Date until = e.exit ? *e.exit : c.params.as_of;
    for (int k = 1; k <= e.follow_ups; ++k) {
      Date d = spread(e.start, until, k, e.follow_ups);
      bool last_of_exited = e.exit && k == e.follow_ups;
      ++id;
      w.value(id), w.value(e.id), w.value(to_string(d)), w.value(r.chance(0.6) ? 1 : 0),
          w.value(last_of_exited ? "exit" : "continue");
      w.value(r.chance(0.2) ? c.sealer.seal("Stegen i planen följs; nästa steg diskuterat med handläggaren.", 'F', 'n', id) : "");
      if (last_of_exited) w.null(); else w.value(to_string(add_months(d, 3)));
      w.value(staff_id(c, e)), w.value(unix_at(d, 15));
      w.end_row();
    }
  });
  w.end_table();
  c.table_done("follow_up");
}

void write_ratings(Context& c) {
  BulkWriter& w = c.out;
  w.begin_table("goal_rating", {"enrolment_id", "phase", "area", "rating"});
  static const std::vector<std::string> areas = {"tilltro", "arbetsmarknadskunskap", "studier", "insats", "maende"};
  each_enrolment(c, [&](const EnrolmentPlan& e) {
    if (!e.goal_ratings) return;
    Rng r = stream(e, kGoals);
    std::size_t a = r.next() % areas.size(), b = (a + 1 + r.next() % (areas.size() - 1)) % areas.size();
    for (const char* phase : {"exit", "start"})
      for (std::size_t area : {a, b}) {
        w.value(e.id), w.value(phase), w.value(areas[area]),
            w.value(std::string(phase) == "start" ? r.range(1, 3) : r.range(2, 5));
        w.end_row();
      }
  });
  w.end_table();
  c.table_done("goal_rating");

  Id id = 0;
  w.begin_table("rating", {"id", "enrolment_id", "rating_date", "scale", "item1", "item2", "item3", "item4", "total",
                           "staff_id", "created_at"});
  each_enrolment(c, [&](const EnrolmentPlan& e) {
    Rng r = stream(e, kRatings);
    const Date until = e.exit ? *e.exit : c.params.as_of;
    int base = r.range(25, 60);  // ORS items in tenths: most start low and rise
    for (int k = 0; k < e.ratings; ++k) {
      bool ors = k % 2 == 0;
      Date d = k == 0 ? e.start : spread(e.start, until, k, e.ratings - 1);
      int items[4];
      int total = 0;
      for (int& item : items) {
        item = ors ? std::clamp(base + k * 4 + r.range(-10, 10), 0, 100) : std::clamp(r.range(70, 100), 0, 100);
        total += item;
      }
      ++id;
      w.value(id), w.value(e.id), w.value(to_string(d)), w.value(ors ? "ORS" : "SRS");
      for (int item : items) w.value(item);
      w.value(total), w.value(staff_id(c, e)), w.value(unix_at(d, 13));
      w.end_row();
    }
  });
  w.end_table();
  c.table_done("rating");
}

}  // namespace

void write_participant_tables(Context& c) {
  write_persons(c);
  write_referrals(c);
  write_enrolments(c);
  write_consents_and_allocations(c);
  write_plans(c);
  write_contacts(c);
  write_follow_ups(c);
  write_ratings(c);
}

}  // namespace stegvis::bench
