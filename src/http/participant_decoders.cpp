// The participant path's request bodies (api.md "Participant path").
#include <algorithm>
#include <climits>

#include "http/request_decoders.hpp"

namespace stegvis::http {
namespace {

// An int field with a bound, so that huge numbers cannot wrap into valid ones.
std::optional<Error> read_small_int(const json& j, const char* field, int& out, bool required = true) {
  std::int64_t v = out;
  if (auto e = read_int(j, field, v, required)) return e;
  out = static_cast<int>(std::clamp<std::int64_t>(v, -1, 1000000));
  return std::nullopt;
}

// A version the client read: absent leaves out untouched; a negative number is refused.
std::optional<Error> read_version(const json& j, const char* field, int& out) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > INT_MAX)
    return invalid(field, std::string("Fältet \"") + field + "\" ska vara ett versionsnummer (heltal från 0).");
  out = static_cast<int>(it->get<std::int64_t>());
  return std::nullopt;
}

const json* find_array(const json& j, const char* field, bool required, std::optional<Error>& err) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) {
    if (required) err = invalid(field, std::string("Fältet \"") + field + "\" saknas.");
    return nullptr;
  }
  if (!it->is_array()) {
    err = invalid(field, std::string("Fältet \"") + field + "\" ska vara en lista.");
    return nullptr;
  }
  return &*it;
}

std::optional<Error> read_string_list(const json& j, const char* field, std::vector<std::string>& out,
                                      bool required = true) {
  std::optional<Error> err;
  const json* arr = find_array(j, field, required, err);
  if (!arr) return err;
  out.clear();
  for (const auto& x : *arr) {
    if (!x.is_string()) return invalid(field, std::string("Fältet \"") + field + "\" ska vara en lista med texter.");
    out.push_back(x.get<std::string>());
  }
  return std::nullopt;
}

template <typename T>
std::optional<Error> resolve_list(const json& j, const char* field, const std::vector<T>& all, std::vector<Id>& out,
                                  bool required = true) {
  std::optional<Error> err;
  const json* arr = find_array(j, field, required, err);
  if (!arr) return err;
  out.clear();
  for (const auto& x : *arr) {
    Id id = 0;
    if (auto e = resolve(x, all, field, id)) return e;
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Error> decode_referral(const json& j, const Lookups& lookups, app::ReferralInput& in) {
  std::int64_t programme = 0;
  if (auto e = read_int(j, "programme_id", programme)) return e;
  if (programme <= 0) return invalid("programme_id", "Insatsen finns inte.");
  in.programme_id = programme;
  if (auto e = read_string(j, "track", in.track)) return e;

  auto municipalities = lookups.municipalities();
  if (!municipalities) return municipalities.error();
  auto parties = lookups.parties();
  if (!parties) return parties.error();
  auto m = j.find("municipality");
  if (m == j.end() || m->is_null()) return invalid("municipality", "Fältet \"municipality\" saknas.");
  if (auto e = resolve(*m, *municipalities, "municipality", in.municipality_id)) return e;
  auto rp = j.find("referring_party");
  if (rp == j.end() || rp->is_null()) return invalid("referring_party", "Fältet \"referring_party\" saknas.");
  if (auto e = resolve(*rp, *parties, "referring_party", in.referring_party_id)) return e;
  if (auto e = read_string(j, "referrer_name", in.referrer_name)) return e;

  auto p = j.find("person");
  if (p == j.end() || p->is_null()) return invalid("person", "Fältet \"person\" saknas.");
  if (!p->is_object()) return invalid("person", "Fältet \"person\" ska vara ett objekt.");
  if (auto e = read_bool(*p, "anonymous", in.anonymous)) return e;
  if (auto e = read_string(*p, "personal_number", in.personal_number, false)) return e;
  if (auto e = read_string(*p, "first_name", in.first_name, false)) return e;
  if (auto e = read_string(*p, "last_name", in.last_name, false)) return e;
  if (auto e = read_string(*p, "contact", in.contact, false)) return e;
  if (auto e = read_string(*p, "gender", in.gender)) return e;
  // Taken from the personal number when one is given; required for anonymous registrations.
  if (auto e = read_small_int(*p, "birth_year", in.birth_year, in.anonymous)) return e;

  if (auto e = read_string_list(j, "income_sources", in.income_sources)) return e;
  if (auto e = resolve_list(j, "coordination_need_parties", *parties, in.coordination_parties)) return e;
  if (auto e = read_string(j, "reason", in.reason)) return e;
  return read_string(j, "received_on", in.received_on, false);
}

std::optional<Error> decode_decision(const json& j, app::DecisionInput& in) {
  if (auto e = read_string(j, "decision", in.decision)) return e;
  if (auto e = read_string(j, "reason", in.reason, false)) return e;
  if (auto e = read_string(j, "override_reason", in.override_reason, false)) return e;
  if (auto e = read_string(j, "date", in.date, false)) return e;
  if (auto x = j.find("exclusions"); x != j.end() && !x->is_null()) {
    if (!x->is_object()) return invalid("exclusions", "Fältet \"exclusions\" ska vara ett objekt.");
    auto& ex = in.exclusions;
    if (auto e = read_bool(*x, "substance_dependence", ex.substance_dependence, false)) return e;
    if (auto e = read_bool(*x, "threatening_behaviour", ex.threatening_behaviour, false)) return e;
    if (auto e = read_bool(*x, "imminent_deprivation_of_liberty", ex.imminent_deprivation_of_liberty, false)) return e;
    if (auto e = read_bool(*x, "illness_prevents_participation", ex.illness_prevents_participation, false)) return e;
  }
  if (auto e = read_string(j, "support_duration", in.support_duration, false)) return e;
  if (auto e = read_string(j, "education", in.education, false)) return e;
  if (auto e = read_string(j, "occupation_before", in.occupation_before, false)) return e;
  return read_version(j, "version", in.expected_version);
}

// Parties named in a plan are looked up only when a plan names one.
std::optional<Error> decode_plan(const json& j, const Lookups& lookups, Plan& plan, int& expected_version) {
  if (auto e = read_string(j, "problem", plan.problem)) return e;
  std::optional<Error> err;
  const json* goals = find_array(j, "goals", true, err);
  if (!goals) return err;
  for (const auto& g : *goals) {
    if (!g.is_object()) return invalid("goals", "Varje mål ska vara ett objekt med \"area\" och \"text\".");
    Goal goal;
    if (auto e = read_string(g, "area", goal.area)) return e;
    if (auto e = read_string(g, "text", goal.text)) return e;
    plan.goals.push_back(goal);
  }
  const json* activities = find_array(j, "activities", true, err);
  if (!activities) return err;
  std::optional<std::vector<Party>> parties;
  for (const auto& a : *activities) {
    if (!a.is_object()) return invalid("activities", "Varje aktivitet ska vara ett objekt.");
    Activity act;
    if (auto e = read_string(a, "kind", act.kind)) return e;
    if (auto e = read_string(a, "text", act.text)) return e;
    if (auto e = read_string(a, "start", act.start)) return e;
    if (auto e = read_string(a, "end", act.end, false)) return e;
    if (auto e = read_string(a, "workplace", act.workplace, false)) return e;
    if (auto p = a.find("party"); p != a.end() && !p->is_null()) {
      if (!parties) {
        auto all = lookups.parties();
        if (!all) return all.error();
        parties = *all;
      }
      Id id = 0;
      if (auto e = resolve(*p, *parties, "party", id)) return e;
      act.party_id = id;
    }
    plan.activities.push_back(act);
  }
  if (auto e = read_string(j, "next_follow_up", plan.next_follow_up)) return e;
  return read_version(j, "version", expected_version);
}

std::optional<Error> decode_exit(const json& j, app::ExitInput& in) {
  if (auto e = read_string(j, "date", in.date)) return e;
  if (auto e = read_string(j, "outcome", in.outcome)) return e;
  if (auto e = read_string_list(j, "income_sources_after", in.income_after)) return e;
  if (auto e = read_string(j, "occupation_after", in.occupation_after)) return e;
  std::optional<Error> err;
  if (const json* ratings = find_array(j, "goal_ratings", false, err)) {
    for (const auto& r : *ratings) {
      if (!r.is_object()) return invalid("goal_ratings", "Varje skattning ska vara ett objekt.");
      GoalRating g;
      if (auto e = read_string(r, "phase", g.phase)) return e;
      if (auto e = read_string(r, "area", g.area)) return e;
      if (auto e = read_small_int(r, "rating", g.rating)) return e;
      in.goal_ratings.push_back(g);
    }
  } else if (err) {
    return err;
  }
  if (auto e = read_string(j, "next_step", in.next_step, false)) return e;
  if (j.contains("contact_after_exit")) {
    bool allowed = false;
    if (auto e = read_bool(j, "contact_after_exit", allowed)) return e;
    in.contact_after_exit = allowed;
  }
  return read_version(j, "version", in.expected_version);
}


std::optional<Error> decode_consent(const json& j, const Lookups& lookups, ConsentInput& in) {
  auto parties = lookups.parties();
  if (!parties) return parties.error();
  if (auto e = resolve_list(j, "parties", *parties, in.parties)) return e;
  if (auto e = read_string(j, "date", in.date)) return e;
  return read_bool(j, "given", in.given);
}

std::optional<Error> decode_allocation(const json& j, AllocationInput& in) {
  std::int64_t staff_id = 0;
  if (auto e = read_int(j, "staff_id", staff_id)) return e;
  if (staff_id <= 0) return invalid("staff_id", "Personen finns inte.");
  in.staff_id = staff_id;
  return read_string(j, "override_reason", in.override_reason, false);
}

std::optional<Error> decode_contact(const json& j, Contact& c) {
  if (auto e = read_string(j, "date", c.date)) return e;
  if (auto e = read_string(j, "kind", c.kind)) return e;
  if (auto e = read_small_int(j, "minutes", c.minutes)) return e;
  return read_string(j, "note", c.note, false);
}

std::optional<Error> decode_follow_up(const json& j, FollowUp& f) {
  if (auto e = read_string(j, "date", f.date)) return e;
  if (auto e = read_bool(j, "with_referrer", f.with_referrer)) return e;
  if (auto e = read_string(j, "decision", f.decision)) return e;
  if (auto e = read_string(j, "note", f.note, false)) return e;
  return read_string(j, "next_follow_up", f.next_follow_up, false);
}

std::optional<Error> decode_final_report_sent(const json& j, FinalReportSentInput& in) {
  if (auto e = read_string(j, "date", in.date)) return e;
  return read_string_list(j, "to", in.to);
}

std::optional<Error> decode_personal_number_search(const json& j, std::string& personal_number) {
  return read_string(j, "personal_number", personal_number);
}

}  // namespace stegvis::http
