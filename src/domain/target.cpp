#include "domain/target.hpp"

#include <algorithm>
#include <set>
#include <sstream>

namespace stegvis {
namespace {

std::vector<std::string> split_codes(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, ',')) {
    auto b = part.find_first_not_of(' ');
    auto e = part.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
  }
  return out;
}

bool in_population(const Target& t, const EnrolmentFacts& f, const Date& from, const Date& to) {
  if (t.population == "exits") return exited_in(f, from, to);
  if (t.population == "starts") return started_in(f, from, to);
  return active_in(f, from, to);
}

// Whether f counts in the denominator (has what the condition measures) and whether it meets it.
std::pair<bool, bool> measure(const Target& t, const EnrolmentFacts& f, const Date& to) {
  const auto& c = t.condition;
  if (c == "outcome_in") {
    if (!f.exit) return {true, false};
    auto codes = split_codes(t.parameter);
    return {true, std::find(codes.begin(), codes.end(), f.outcome) != codes.end()};
  }
  if (c == "gender") return {true, f.gender == t.parameter};
  if (c == "track") return {true, f.track == t.parameter};
  if (c == "ors_reliable_improvement") return {f.ors.count >= 2, reliable_improvement(f.ors)};
  if (c == "goal_improvement") {
    bool rated = false, improved = false;
    for (const auto& [area, g] : f.goals) {
      if (t.parameter != "any" && area != t.parameter) continue;
      if (g.start == 0 || g.exit == 0) continue;
      rated = true;
      improved = improved || g.exit > g.start;
    }
    return {rated, improved};
  }
  if (c == "time_in_programme_max_months") {
    int months = std::stoi(t.parameter);
    Date end = f.exit ? *f.exit : to;  // still active: time so far at the period's end
    return {true, end <= add_months(f.start, months)};
  }
  return {false, false};
}

}  // namespace

const std::vector<Term>& target_populations() {
  static const std::vector<Term> list = {
      {"exits", "Avslutade i perioden"},
      {"starts", "Påbörjade i perioden"},
      {"active", "Inskrivna någon gång i perioden"},
  };
  return list;
}

const std::vector<Term>& target_conditions() {
  static const std::vector<Term> list = {
      {"outcome_in", "Avslut till något av utfallen"},
      {"gender", "Kön"},
      {"track", "Inriktning"},
      {"ors_reliable_improvement", "Tillförlitlig förbättring på ORS (minst 5 poäng)"},
      {"goal_improvement", "Förbättring i målområde (skattning vid avslut högre än vid start)"},
      {"time_in_programme_max_months", "Tid i insatsen högst N månader"},
  };
  return list;
}

const std::vector<Term>& target_comparisons() {
  static const std::vector<Term> list = {{"at_least", "minst"}, {"at_most", "högst"}};
  return list;
}

std::optional<Error> normalise_target(Target& t, const std::vector<std::string>& track_codes) {
  if (t.name.empty() || t.name.size() > 200) return invalid("name", "Ge målet ett namn (högst 200 tecken).");
  auto pop = normalise_code(target_populations(), t.population);
  if (!pop) return invalid("population", "Välj population: avslutade, påbörjade eller inskrivna i perioden.");
  t.population = *pop;
  auto cond = normalise_code(target_conditions(), t.condition);
  if (!cond) return invalid("condition", "Välj ett villkor ur listan.");
  t.condition = *cond;
  auto cmp = normalise_code(target_comparisons(), t.comparison);
  if (!cmp) return invalid("comparison", "Jämförelsen ska vara minst (at_least) eller högst (at_most).");
  t.comparison = *cmp;
  if (t.threshold_pct < 0 || t.threshold_pct > 100)
    return invalid("threshold_pct", "Målvärdet ska vara en procentsats mellan 0 och 100.");

  const auto& c = t.condition;
  if (c == "outcome_in") {
    std::set<std::string> codes;
    for (const auto& raw : split_codes(t.parameter)) {
      auto code = normalise_code(exit_outcomes(), raw);
      if (!code) return invalid("parameter", "Okänt utfall \"" + raw + "\".");
      codes.insert(*code);
    }
    if (codes.empty()) return invalid("parameter", "Välj minst ett utfall.");
    std::string joined;
    for (const auto& x : codes) joined += (joined.empty() ? "" : ",") + x;
    t.parameter = joined;
  } else if (c == "gender") {
    auto g = normalise_code(genders(), t.parameter);
    if (!g) return invalid("parameter", "Välj kön: female (kvinna), male (man) eller other (annat).");
    t.parameter = *g;
  } else if (c == "track") {
    std::string code = fold(t.parameter);
    if (std::find(track_codes.begin(), track_codes.end(), code) == track_codes.end())
      return invalid("parameter", "Välj en av insatsens inriktningar.");
    t.parameter = code;
  } else if (c == "goal_improvement") {
    if (fold(t.parameter) == "any" || t.parameter.empty()) {
      t.parameter = "any";
    } else {
      auto a = normalise_code(goal_areas(), t.parameter);
      if (!a) return invalid("parameter", "Välj ett målområde eller \"any\" (något område).");
      t.parameter = *a;
    }
  } else if (c == "time_in_programme_max_months") {
    int months = 0;
    std::size_t used = 0;
    try {
      months = std::stoi(t.parameter, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != t.parameter.size() || months < 1 || months > 120)
      return invalid("parameter", "Ange antal månader som ett heltal mellan 1 och 120.");
    t.parameter = std::to_string(months);
  } else {
    t.parameter.clear();  // ors_reliable_improvement takes none
  }
  return std::nullopt;
}

std::string describe_target(const Target& t) {
  std::string what = label_of(target_populations(), t.population) + ": " + label_of(target_conditions(), t.condition);
  if (t.condition == "outcome_in") {
    std::string labels;
    for (const auto& c : split_codes(t.parameter)) labels += (labels.empty() ? "" : ", ") + label_of(exit_outcomes(), c);
    what = label_of(target_populations(), t.population) + ": avslut till " + labels;
  } else if (t.condition == "gender") {
    what += " " + label_of(genders(), t.parameter);
  } else if (t.condition == "track") {
    what += " " + t.parameter;
  } else if (t.condition == "goal_improvement") {
    what += t.parameter == "any" ? " (något område)" : " (" + label_of(goal_areas(), t.parameter) + ")";
  } else if (t.condition == "time_in_programme_max_months") {
    what = label_of(target_populations(), t.population) + ": tid i insatsen högst " + t.parameter + " månader";
  }
  return what + (t.comparison == "at_most" ? " ≤ " : " ≥ ") + std::to_string(t.threshold_pct) + " %";
}

const char* to_code(TargetState s) {
  switch (s) {
    case TargetState::met: return "met";
    case TargetState::not_met: return "not_met";
    case TargetState::no_data: return "no_data";
  }
  return "no_data";
}

TargetResult evaluate_target(const Target& t, const std::vector<const EnrolmentFacts*>& facts, const Date& from,
                             const Date& to) {
  TargetResult r;
  r.target_id = t.id;
  r.name = t.name;
  for (const auto* f : facts) {
    if (!in_population(t, *f, from, to)) continue;
    auto [counted, meets] = measure(t, *f, to);
    if (!counted) continue;
    ++r.denominator;
    if (meets) ++r.numerator;
  }
  if (r.denominator == 0) return r;
  r.actual_pct = 100.0 * r.numerator / r.denominator;
  // Integers, so that 3 of 5 against 60 % is met exactly.
  long long lhs = 100LL * r.numerator, rhs = static_cast<long long>(t.threshold_pct) * r.denominator;
  bool met = t.comparison == "at_most" ? lhs <= rhs : lhs >= rhs;
  r.state = met ? TargetState::met : TargetState::not_met;
  return r;
}

}  // namespace stegvis
