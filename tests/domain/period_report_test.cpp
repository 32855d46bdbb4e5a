// The period report engine against a hand-counted fixture: six enrolments in
// and around Q3 2024 (plus two just outside it), every figure counted by hand
// in the comments, the boundary days included.
#include "domain/period_report.hpp"

#include <gtest/gtest.h>

using namespace stegvis;

namespace {

const Date kFrom{2024, 7, 1}, kTo{2024, 9, 30}, kAsOf{2024, 12, 31};

EnrolmentFacts fact(Id id, Id unit, Id municipality, std::string track, std::string gender, int born, Date start,
                    std::optional<Date> exit = std::nullopt, std::string outcome = "") {
  EnrolmentFacts f;
  f.enrolment_id = id;
  f.unit_id = unit;
  f.municipality_id = municipality;
  f.track = std::move(track);
  f.gender = std::move(gender);
  f.birth_year = born;
  f.start = start;
  f.exit = exit;
  f.outcome = std::move(outcome);
  return f;
}

std::vector<EnrolmentFacts> fixture() {
  std::vector<EnrolmentFacts> v;
  // A: exits on the first day (counts), 122 days, document on time, ORS +6 (reliable), tilltro 2→4.
  auto a = fact(1, 1, 10, "arbetsmarknad", "female", 1990, {2024, 3, 1}, Date{2024, 7, 1}, "arbete");
  a.income_before = {"forsorjningsstod"};
  a.income_after = {"lon"};
  a.first_plan = Date{2024, 3, 20};
  a.follow_ups = {{2024, 5, 25}};  // next due 2024-08-25, but A left before
  a.final_report_sent = Date{2024, 7, 15};
  a.ors = {3, 200, 260};
  a.srs = {2, 350, 380};
  a.goals = {{"tilltro", {2, 4}}, {"maende", {3, 3}}};
  v.push_back(a);
  // B: starts on the first day, plan after 19 days.
  auto b = fact(2, 1, 10, "unga", "male", 2002, {2024, 7, 1});
  b.first_plan = Date{2024, 7, 20};
  v.push_back(b);
  // C: starts on the last day, no plan.
  v.push_back(fact(3, 1, 11, "arbetsmarknad", "female", 1980, {2024, 9, 30}));
  // D: exits on the last day, 259 days, follow-up due 2024-07-10 held late, document late.
  auto d = fact(4, 2, 20, "arbetsmarknad", "male", 1970, {2024, 1, 15}, Date{2024, 9, 30}, "avbrott");
  d.income_before = {"sjukpenning", "annan"};
  d.income_after = {"sjukpenning"};
  d.first_plan = Date{2024, 3, 1};
  d.follow_ups = {{2024, 4, 10}, {2024, 8, 1}};
  d.final_report_sent = Date{2024, 10, 25};
  d.ors = {2, 300, 320};
  d.srs = {1, 340, 340};
  v.push_back(d);
  // E: active all period; follow-up due 2024-07-20 never held.
  auto e = fact(5, 2, 20, "unga", "other", 2000, {2023, 11, 1});
  e.follow_ups = {{2024, 1, 20}, {2024, 4, 20}};
  v.push_back(e);
  // F: exits the day before the period; G: starts the day after. Neither counts.
  v.push_back(fact(6, 2, 21, "arbetsmarknad", "female", 1960, {2024, 2, 1}, Date{2024, 6, 30}, "arbete"));
  v.push_back(fact(7, 1, 10, "arbetsmarknad", "female", 1995, {2024, 10, 1}));
  // H: 135 days, follow-up on time (due 2024-07-02, held 07-01), document never sent, tilltro 3→2.
  auto h = fact(8, 1, 11, "arbetsmarknad", "female", 1985, {2024, 4, 2}, Date{2024, 8, 15}, "studier");
  h.income_before = {"forsorjningsstod"};
  h.income_after = {"studiemedel"};
  h.first_plan = Date{2024, 4, 10};
  h.follow_ups = {{2024, 7, 1}};
  h.goals = {{"tilltro", {3, 2}}};
  v.push_back(h);
  return v;
}

Target target(Id id, std::string population, std::string condition, std::string parameter, int pct,
              std::string comparison = "at_least") {
  Target t;
  t.id = id;
  t.name = "T" + std::to_string(id);
  t.population = std::move(population);
  t.condition = std::move(condition);
  t.parameter = std::move(parameter);
  t.threshold_pct = pct;
  t.comparison = std::move(comparison);
  return t;
}

PeriodReportInput input(std::string group_by) {
  PeriodReportInput in;
  in.from = kFrom;
  in.to = kTo;
  in.as_of = kAsOf;
  in.group_by = std::move(group_by);
  in.facts = fixture();
  in.unit_names = {{1, "Västra"}, {2, "Södra"}};
  in.municipality_names = {{10, "Katrineholm"}, {11, "Flen"}, {20, "Nyköping"}, {21, "Gnesta"}};
  in.track_names = {{"arbetsmarknad", "Arbetsmarknad"}, {"unga", "Unga"}};
  in.targets = {target(1, "exits", "outcome_in", "af_fk_samarbete,ame_rehab,arbete,studier", 100),
                target(2, "starts", "gender", "female", 50),
                target(3, "exits", "ors_reliable_improvement", "", 50),
                target(4, "active", "time_in_programme_max_months", "6", 50),
                target(5, "exits", "goal_improvement", "any", 60)};
  return in;
}

void expect_share(const Share& s, int numerator, int denominator) {
  EXPECT_EQ(s.numerator, numerator);
  EXPECT_EQ(s.denominator, denominator);
}

}  // namespace

TEST(PeriodReport, TotalCountsIncludeBothBoundaryDays) {
  auto r = build_period_report(input("unit"));
  const auto& t = r.total;
  EXPECT_EQ(t.active_at_start, 4);  // A, D, E, H
  EXPECT_EQ(t.started, 2);          // B (first day), C (last day)
  EXPECT_EQ(t.exited, 3);           // A (first day), D (last day), H
  EXPECT_EQ(t.active_at_end, 3);    // B, C, E
  EXPECT_EQ(t.exits_by_outcome.at("arbete"), 1);
  EXPECT_EQ(t.exits_by_outcome.at("studier"), 1);
  EXPECT_EQ(t.exits_by_outcome.at("avbrott"), 1);
  EXPECT_EQ(t.exits_by_outcome.at("flyttat"), 0);
  EXPECT_EQ(t.exits_by_outcome.size(), exit_outcomes().size());
}

TEST(PeriodReport, IncomeSourcesBeforeAndAfterOfExits) {
  auto t = build_period_report(input("unit")).total;
  EXPECT_EQ(t.income_before.at("forsorjningsstod"), 2);
  EXPECT_EQ(t.income_before.at("sjukpenning"), 1);
  EXPECT_EQ(t.income_before.at("annan"), 1);
  EXPECT_EQ(t.income_before.at("lon"), 0);
  EXPECT_EQ(t.income_after.at("lon"), 1);
  EXPECT_EQ(t.income_after.at("sjukpenning"), 1);
  EXPECT_EQ(t.income_after.at("studiemedel"), 1);
  EXPECT_EQ(t.income_after.at("forsorjningsstod"), 0);
}

TEST(PeriodReport, TimeInProgrammeMedianAndMean) {
  auto t = build_period_report(input("unit")).total;
  ASSERT_TRUE(t.median_days && t.mean_days);
  EXPECT_DOUBLE_EQ(*t.median_days, 135);  // 122, 135, 259
  EXPECT_DOUBLE_EQ(*t.mean_days, 172);
  EXPECT_NEAR(*t.median_months, 135 / 30.4375, 1e-9);
}

TEST(PeriodReport, PlanFollowUpAndFinalDocumentShares) {
  auto t = build_period_report(input("unit")).total;
  expect_share(t.plan_within_30, 1, 2);          // B yes, C no
  expect_share(t.follow_ups_on_time, 1, 3);      // H on time; D late; E not held
  expect_share(t.final_report_within_21, 1, 3);  // A yes; D late; H not sent
}

TEST(PeriodReport, OrsAndSrsOfExits) {
  auto t = build_period_report(input("unit")).total;
  EXPECT_EQ(t.ors.rated, 2);
  EXPECT_DOUBLE_EQ(*t.ors.mean_first, 25.0);
  EXPECT_DOUBLE_EQ(*t.ors.mean_latest, 29.0);
  expect_share(t.ors.reliable_improvement, 1, 2);
  expect_share(t.ors.below_cutoff_first, 1, 2);
  EXPECT_EQ(t.srs.rated, 2);
  EXPECT_DOUBLE_EQ(*t.srs.mean_first, 34.5);
  EXPECT_DOUBLE_EQ(*t.srs.mean_latest, 36.0);
  expect_share(t.srs.reliable_improvement, 0, 1);
  expect_share(t.srs.below_cutoff_first, 2, 2);
}

TEST(PeriodReport, GoalAreaChangeOfExits) {
  auto t = build_period_report(input("unit")).total;
  const auto& tilltro = t.goals.at("tilltro");
  EXPECT_EQ(tilltro.rated, 2);
  EXPECT_DOUBLE_EQ(*tilltro.mean_start, 2.5);
  EXPECT_DOUBLE_EQ(*tilltro.mean_exit, 3.0);
  expect_share(tilltro.improved, 1, 2);
  expect_share(t.goals.at("maende").improved, 0, 1);
  EXPECT_EQ(t.goals.at("studier").rated, 0);
  EXPECT_FALSE(t.goals.at("studier").mean_start);
}

TEST(PeriodReport, TargetsWithNumeratorDenominatorAndState) {
  auto t = build_period_report(input("unit")).total;
  ASSERT_EQ(t.targets.size(), 5u);
  EXPECT_EQ(t.targets[0].numerator, 2);  // A, H of A, D, H
  EXPECT_EQ(t.targets[0].denominator, 3);
  EXPECT_EQ(t.targets[0].state, TargetState::not_met);
  EXPECT_NEAR(*t.targets[0].actual_pct, 66.6667, 1e-3);
  EXPECT_EQ(t.targets[1].numerator, 1);  // C of B, C
  EXPECT_EQ(t.targets[1].denominator, 2);
  EXPECT_EQ(t.targets[1].state, TargetState::met);  // exactly 50 %
  EXPECT_EQ(t.targets[2].numerator, 1);  // A of A, D (H has no ORS)
  EXPECT_EQ(t.targets[2].denominator, 2);
  EXPECT_EQ(t.targets[2].state, TargetState::met);
  EXPECT_EQ(t.targets[3].numerator, 4);  // A, B, C, H of six active
  EXPECT_EQ(t.targets[3].denominator, 6);
  EXPECT_EQ(t.targets[3].state, TargetState::met);
  EXPECT_EQ(t.targets[4].numerator, 1);  // A of A, H (D has no goal ratings)
  EXPECT_EQ(t.targets[4].denominator, 2);
  EXPECT_EQ(t.targets[4].state, TargetState::not_met);
}

TEST(PeriodReport, GroupsByUnitAddUpToTheTotal) {
  auto r = build_period_report(input("unit"));
  ASSERT_EQ(r.groups.size(), 2u);
  const auto& sodra = r.groups[0];  // label order: Södra before Västra
  const auto& vastra = r.groups[1];
  EXPECT_EQ(sodra.label, "Södra");
  EXPECT_EQ(vastra.key, "1");
  EXPECT_EQ(vastra.active_at_start, 2);  // A, H
  EXPECT_EQ(vastra.started, 2);
  EXPECT_EQ(vastra.exited, 2);
  EXPECT_EQ(vastra.active_at_end, 2);
  EXPECT_EQ(sodra.active_at_start, 2);  // D, E
  EXPECT_EQ(sodra.started, 0);
  EXPECT_EQ(sodra.exited, 1);
  EXPECT_EQ(sodra.active_at_end, 1);
  EXPECT_EQ(sodra.targets[1].state, TargetState::no_data);  // no starts in Södra
  expect_share(sodra.follow_ups_on_time, 0, 2);
}

TEST(PeriodReport, GroupsByAgeBandInAgeOrder) {
  auto r = build_period_report(input("age_band"));
  ASSERT_EQ(r.groups.size(), 4u);
  EXPECT_EQ(r.groups[0].key, "18-24");  // B (22), E (23)
  EXPECT_EQ(r.groups[0].active_at_start + r.groups[0].started, 2);
  EXPECT_EQ(r.groups[1].key, "30-39");  // A (34), H (39)
  EXPECT_EQ(r.groups[1].exited, 2);
  EXPECT_EQ(r.groups[2].key, "40-49");  // C
  EXPECT_EQ(r.groups[3].key, "50-65");  // D
}

TEST(PeriodReport, GroupsByGenderTrackAndMunicipality) {
  auto g = build_period_report(input("gender"));
  ASSERT_EQ(g.groups.size(), 3u);
  EXPECT_EQ(g.groups[0].key, "female");
  EXPECT_EQ(g.groups[0].exited, 2);  // A, H
  auto t = build_period_report(input("track"));
  ASSERT_EQ(t.groups.size(), 2u);
  EXPECT_EQ(t.groups[0].label, "Arbetsmarknad");
  EXPECT_EQ(t.groups[0].exited, 3);
  auto m = build_period_report(input("municipality"));
  ASSERT_EQ(m.groups.size(), 3u);  // Flen, Katrineholm, Nyköping (Gnesta only had F)
  EXPECT_EQ(m.groups[0].label, "Flen");
}

TEST(FollowUpsDue, DueDayOnTheBoundariesCounts) {
  auto f = fact(1, 1, 1, "unga", "male", 2000, {2024, 4, 1});  // due 2024-07-01, the first day
  expect_share(follow_ups_due(f, kFrom, kTo, kAsOf), 0, 1);
  f.follow_ups = {{2024, 7, 1}};  // held on the due day: on time; next due 2024-10-01 is outside
  expect_share(follow_ups_due(f, kFrom, kTo, kAsOf), 1, 1);
  auto g = fact(2, 1, 1, "unga", "male", 2000, {2024, 6, 30});  // due 2024-09-30, the last day
  expect_share(follow_ups_due(g, kFrom, kTo, kAsOf), 0, 1);
  expect_share(follow_ups_due(g, kFrom, kTo, Date{2024, 9, 29}), 0, 0);  // not yet due as of the 29th
}

TEST(FollowUpsDue, ExitBeforeTheDueDayNeedsNoFollowUp) {
  auto f = fact(1, 1, 1, "unga", "male", 2000, {2024, 4, 1}, Date{2024, 6, 30}, "arbete");
  expect_share(follow_ups_due(f, kFrom, kTo, kAsOf), 0, 0);
  f.exit = Date{2024, 7, 2};  // still enrolled on the due day
  expect_share(follow_ups_due(f, kFrom, kTo, kAsOf), 0, 1);
}
