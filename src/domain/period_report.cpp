#include "domain/period_report.hpp"

#include <algorithm>

#include "domain/economy.hpp"
#include "domain/evaluation.hpp"
#include "domain/lasting_effect.hpp"

namespace stegvis {
namespace {

constexpr double kDaysPerMonth = 365.25 / 12;

std::optional<double> median(std::vector<int> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

std::optional<double> mean_of(long long sum, int n) {
  if (n == 0) return std::nullopt;
  return static_cast<double>(sum) / n;
}

void count_sources(std::map<std::string, int>& into, const std::vector<std::string>& sources) {
  for (const auto& s : sources) ++into[s];
}

RatingAggregate rating_aggregate(const std::vector<const EnrolmentFacts*>& exits, bool ors) {
  RatingAggregate a;
  long long first = 0, latest = 0;
  const int cutoff = ors ? kOrsCutoffTenths : kSrsCutoffTenths;
  for (const auto* f : exits) {
    const RatingSpan& r = ors ? f->ors : f->srs;
    if (r.count == 0) continue;
    ++a.rated;
    first += r.first;
    latest += r.latest;
    ++a.below_cutoff_first.denominator;
    if (r.first < cutoff) ++a.below_cutoff_first.numerator;
    if (r.count < 2) continue;
    ++a.reliable_improvement.denominator;
    if (r.latest - r.first >= kReliableChangeTenths) ++a.reliable_improvement.numerator;
  }
  // Totals are in tenths: the means are in points.
  if (auto m = mean_of(first, a.rated)) a.mean_first = *m / 10;
  if (auto m = mean_of(latest, a.rated)) a.mean_latest = *m / 10;
  return a;
}

GroupFigures figures(std::string key, std::string label, const std::vector<const EnrolmentFacts*>& facts,
                     const PeriodReportInput& in) {
  GroupFigures g;
  g.key = std::move(key);
  g.label = std::move(label);
  for (const auto& o : exit_outcomes()) g.exits_by_outcome[o.code] = 0;
  for (const auto& s : income_sources()) g.income_before[s.code] = g.income_after[s.code] = 0;
  std::vector<const EnrolmentFacts*> exits;
  std::vector<int> days;
  long long day_sum = 0;
  for (const auto* f : facts) {
    if (!active_in(*f, in.from, in.to)) continue;
    if (f->start < in.from) ++g.active_at_start;
    if (!f->exit || *f->exit > in.to) ++g.active_at_end;
    if (started_in(*f, in.from, in.to)) {
      ++g.started;
      ++g.plan_within_30.denominator;
      if (f->first_plan && *f->first_plan <= add_days(f->start, in.rules.plan_within_days))
        ++g.plan_within_30.numerator;
    }
    Share fu = follow_ups_due(*f, in.from, in.to, in.as_of, in.rules);
    g.follow_ups_on_time.numerator += fu.numerator;
    g.follow_ups_on_time.denominator += fu.denominator;
    if (!exited_in(*f, in.from, in.to)) continue;
    ++g.exited;
    exits.push_back(f);
    ++g.exits_by_outcome[f->outcome];
    count_sources(g.income_before, f->income_before);
    count_sources(g.income_after, f->income_after);
    int d = days_between(f->start, *f->exit);
    days.push_back(d);
    day_sum += d;
    Date due = add_days(*f->exit, in.rules.final_report_within_days);
    bool sent_in_time = f->final_report_sent && *f->final_report_sent <= due;
    // A document not yet sent and not yet due is not counted either way.
    if (sent_in_time || due <= in.as_of) {
      ++g.final_report_within_21.denominator;
      if (sent_in_time) ++g.final_report_within_21.numerator;
    }
  }
  g.median_days = median(days);
  g.mean_days = mean_of(day_sum, static_cast<int>(days.size()));
  if (g.median_days) g.median_months = *g.median_days / kDaysPerMonth;
  if (g.mean_days) g.mean_months = *g.mean_days / kDaysPerMonth;
  g.ors = rating_aggregate(exits, true);
  g.srs = rating_aggregate(exits, false);
  for (const auto& area : goal_areas()) {
    GoalAggregate a;
    long long s = 0, e = 0;
    for (const auto* f : exits) {
      auto it = f->goals.find(area.code);
      if (it == f->goals.end() || it->second.start == 0 || it->second.exit == 0) continue;
      ++a.rated;
      s += it->second.start;
      e += it->second.exit;
      ++a.improved.denominator;
      if (it->second.exit > it->second.start) ++a.improved.numerator;
    }
    a.mean_start = mean_of(s, a.rated);
    a.mean_exit = mean_of(e, a.rated);
    g.goals[area.code] = a;
  }
  for (const auto& t : in.targets) g.targets.push_back(evaluate_target(t, facts, in.from, in.to));
  return g;
}

std::string name_or_id(const std::map<Id, std::string>& names, Id id) {
  auto it = names.find(id);
  return it == names.end() ? "#" + std::to_string(id) : it->second;
}

// The key and label of f's group.
std::pair<std::string, std::string> group_of(const EnrolmentFacts& f, const PeriodReportInput& in) {
  if (in.group_by == "unit") return {std::to_string(f.unit_id), name_or_id(in.unit_names, f.unit_id)};
  if (in.group_by == "municipality")
    return {std::to_string(f.municipality_id), name_or_id(in.municipality_names, f.municipality_id)};
  if (in.group_by == "track") {
    auto it = in.track_names.find(f.track);
    return {f.track, it == in.track_names.end() ? f.track : it->second};
  }
  if (in.group_by == "gender") return {f.gender, label_of(genders(), f.gender)};
  std::string band = age_band(age_at_start(f));
  return {band, label_of(age_bands(), band)};
}

int sort_rank(const std::string& group_by, const std::string& key) {
  const std::vector<Term>* order = group_by == "gender" ? &genders() : group_by == "age_band" ? &age_bands() : nullptr;
  if (!order) return 0;
  for (std::size_t i = 0; i < order->size(); ++i)
    if ((*order)[i].code == key) return static_cast<int>(i);
  return static_cast<int>(order->size());
}

LastingRow lasting_row(std::string key, std::string label, const std::vector<const EnrolmentFacts*>& exits,
                       const std::vector<int>& months) {
  LastingRow row{std::move(key), std::move(label), {}};
  for (int m : months) {
    LastingCell c{m, {}, 0};
    for (const auto* f : exits) {
      auto it = f->lasting.find(m);
      if (it == f->lasting.end()) continue;
      ++c.work_or_studies.denominator;
      if (is_work_or_studies(it->second)) ++c.work_or_studies.numerator;
      if (it->second == kNotReached) ++c.not_reached;
    }
    row.cells.push_back(c);
  }
  return row;
}

}  // namespace

std::optional<double> Share::pct() const {
  if (denominator == 0) return std::nullopt;
  return 100.0 * numerator / denominator;
}

const std::vector<std::string>& report_groupings() {
  static const std::vector<std::string> list = {"unit", "municipality", "track", "gender", "age_band"};
  return list;
}

bool is_report_grouping(const std::string& g) {
  const auto& l = report_groupings();
  return std::find(l.begin(), l.end(), g) != l.end();
}

const std::vector<Term>& age_bands() {
  // The codes are those of age_band() (domain/evaluation.hpp), shared with the evaluator export.
  static const std::vector<Term> list = {
      {"under 18", "Under 18 år"}, {"18–24", "18–24 år"}, {"25–29", "25–29 år"}, {"30–39", "30–39 år"},
      {"40–49", "40–49 år"},       {"50–65", "50–65 år"}, {"över 65", "Över 65 år"},
  };
  return list;
}

Share follow_ups_due(const EnrolmentFacts& f, const Date& from, const Date& to, const Date& as_of,
                     const ScheduleRules& rules) {
  Share s;
  const Date last = std::min(to, as_of);
  auto counts = [&](const Date& due) { return due >= from && due <= last; };
  Date prev = f.start;
  for (const auto& held : f.follow_ups) {
    Date due = add_months(prev, rules.follow_up_every_months);
    if (counts(due)) {
      ++s.denominator;
      if (held <= due) ++s.numerator;
    }
    prev = held;
  }
  // The open interval: due and not held, while the enrolment still ran on the due day.
  Date due = add_months(prev, rules.follow_up_every_months);
  if (counts(due) && (!f.exit || *f.exit > due)) ++s.denominator;
  return s;
}

PeriodReport build_period_report(const PeriodReportInput& in) {
  PeriodReport r;
  r.from = in.from;
  r.to = in.to;
  r.group_by = in.group_by;
  std::vector<const EnrolmentFacts*> all;
  std::map<std::string, std::pair<std::string, std::vector<const EnrolmentFacts*>>> groups;
  for (const auto& f : in.facts) {
    if (!active_in(f, in.from, in.to)) continue;
    all.push_back(&f);
    auto [key, label] = group_of(f, in);
    auto& g = groups[key];
    g.first = label;
    g.second.push_back(&f);
  }
  for (const auto& [key, g] : groups) r.groups.push_back(figures(key, g.first, g.second, in));
  std::stable_sort(r.groups.begin(), r.groups.end(), [&](const GroupFigures& a, const GroupFigures& b) {
    int ra = sort_rank(in.group_by, a.key), rb = sort_rank(in.group_by, b.key);
    if (ra != rb) return ra < rb;
    return a.label < b.label;
  });
  r.total = figures("total", "Totalt", all, in);
  r.lasting_months = in.lasting_months;
  std::vector<const EnrolmentFacts*> exits;
  for (const auto* f : all)
    if (exited_in(*f, in.from, in.to)) exits.push_back(f);
  for (const auto& g : genders()) {
    std::vector<const EnrolmentFacts*> of_gender;
    for (const auto* f : exits)
      if (f->gender == g.code) of_gender.push_back(f);
    r.lasting.push_back(lasting_row(g.code, g.label_sv, of_gender, in.lasting_months));
  }
  r.lasting.push_back(lasting_row("total", "Totalt", exits, in.lasting_months));
  return r;
}

std::vector<std::string> report_definitions() {
  return {
      "Perioden räknas med både första och sista dagen: den som börjar eller avslutas en av de dagarna räknas i perioden.",
      "Aktiva vid periodens start: påbörjade före perioden och inte avslutade före första dagen. Aktiva vid periodens "
      "slut: påbörjade senast sista dagen och inte avslutade i eller före perioden.",
      "Tid i insatsen: dagar från start till avslut för dem som avslutades i perioden; en månad räknas som 30,44 dagar.",
      "Plan inom 30 dagar: andel av dem som började i perioden vars första handlingsplan sparades senast 30 dagar "
      "efter start.",
      "Uppföljning i tid: en uppföljning ska hållas senast tre månader efter start eller efter föregående uppföljning. "
      "Räknas för varje sådan förfallodag i perioden (till och med i dag) medan deltagaren var inskriven; en "
      "uppföljning som inte hållits räknas som sen.",
      "Slutdokumentation inom 21 dagar: andel av dem som avslutades i perioden vars slutdokumentation skickades "
      "senast 21 dagar efter avslut; den som ännu inte passerat 21 dagar och inte fått den räknas inte.",
      "ORS/SRS: första och senaste skattning för dem som avslutades i perioden. Tillförlitlig förbättring: ORS-summan "
      "ökade med minst 5 poäng (bland dem med minst två skattningar). Under gränsvärdet: första ORS under 25, första "
      "SRS under 36.",
      "Målområden: skattning 1–5 vid start och avslut för dem som avslutades i perioden; förbättrad = högre vid avslut.",
      "Inkomstkällor: antal avslutade i perioden med källan före respektive efter insatsen (en person kan ha flera).",
      "Varaktig effekt: för dem som avslutades i perioden och samtyckt till kontakt efter avslut, andelen i arbete, "
      "arbete med stöd eller studier 6 och 12 månader efter avslut, av dem vars läge registrerats (ej nådda räknas "
      "med i nämnaren).",
  };
}

}  // namespace stegvis
