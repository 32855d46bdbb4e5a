// The period report (issue #4): for a programme, a period [from, to] (both
// days included) and a grouping, the figures per group and in total. Pure:
// the facts, the targets and "as of" (today, for what is not yet due) are
// passed in. This is the one definition of every figure; the API, the page,
// the exports and the command line all show what it computes.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/report_facts.hpp"
#include "domain/schedule.hpp"
#include "domain/target.hpp"

namespace stegvis {

// A share: numerator of denominator. The percentage is derived (nothing when 0 of 0).
struct Share {
  int numerator = 0;
  int denominator = 0;
  std::optional<double> pct() const;
};

struct RatingAggregate {
  int rated = 0;                        // members with at least one rating
  std::optional<double> mean_first;     // points (0..40)
  std::optional<double> mean_latest;
  Share reliable_improvement;           // of members with two or more ratings
  Share below_cutoff_first;             // of rated members
};

struct GoalAggregate {
  int rated = 0;  // members rated at start and exit
  std::optional<double> mean_start, mean_exit;
  Share improved;
};

struct GroupFigures {
  std::string key;    // unit id, municipality id, track code, gender code, age band; "total" for the total
  std::string label;  // Swedish
  int active_at_start = 0, started = 0, exited = 0, active_at_end = 0;
  std::map<std::string, int> exits_by_outcome;  // every outcome code, 0 included
  std::map<std::string, int> income_before, income_after;  // of exits: members with the source
  std::optional<double> median_days, mean_days, median_months, mean_months;  // time in programme, exits
  Share plan_within_30;          // starts
  Share follow_ups_on_time;      // follow-ups due in the period
  Share final_report_within_21;  // exits whose document is due by "as of"
  RatingAggregate ors, srs;      // exits
  std::map<std::string, GoalAggregate> goals;  // every goal area, exits
  std::vector<TargetResult> targets;
};

// Lasting effect of those who exited in the period (issue #9), per month count after exit:
// the share in work or studies (arbete, arbete_med_stod, studier) of those whose status was
// recorded, and how many of them were not reached (okand_ej_nadd, counted in the denominator).
struct LastingCell {
  int months = 0;
  Share work_or_studies;
  int not_reached = 0;
};
struct LastingRow {
  std::string key, label;  // gender code and label; "total"
  std::vector<LastingCell> cells;  // in the order of lasting_months
};

struct PeriodReportInput {
  Date from, to;
  Date as_of;            // usually today: follow-ups and documents due after it are not yet counted
  std::string group_by;  // unit, municipality, track, gender, age_band
  std::vector<EnrolmentFacts> facts;
  std::vector<Target> targets;
  std::map<Id, std::string> unit_names, municipality_names;
  std::map<std::string, std::string> track_names;
  ScheduleRules rules;
  std::vector<int> lasting_months{6, 12};
};

struct PeriodReport {
  Date from, to;
  std::string group_by;
  std::vector<GroupFigures> groups;  // in label order (age bands in age order)
  GroupFigures total;
  std::vector<int> lasting_months;
  std::vector<LastingRow> lasting;  // female, male, other, total
};

const std::vector<std::string>& report_groupings();  // unit, municipality, track, gender, age_band
bool is_report_grouping(const std::string& g);
// 18–24, 25–29, 30–39, 40–49, 50–65, and "under 18" / "över 65" outside them: the codes of
// age_band() in domain/evaluation.hpp, in age order with Swedish labels.
std::string age_band(int age);
const std::vector<Term>& age_bands();

PeriodReport build_period_report(const PeriodReportInput& in);

// For readers who see aggregates only (small cells suppressed): withholds (kWithheld) the
// figures that would give a hidden small count back by subtraction from a shown sum:
// a column's groups and its total, a group's start, starts, exits and end, its exits
// by outcome, the lasting-effect genders and their total (domain/small_cells.hpp).
void protect_small_cells(PeriodReport& r);

// Follow-ups due in the period for one enrolment and how many were on time: a
// follow-up is due three months after the start or the previous follow-up and
// is on time when held on or before that day. A due day in [from, min(to, as_of)]
// while the enrolment is still active counts; one not yet held counts as late.
Share follow_ups_due(const EnrolmentFacts& f, const Date& from, const Date& to, const Date& as_of,
                     const ScheduleRules& rules = {});

// The definitions as the page and the exports name them (Swedish).
std::vector<std::string> report_definitions();

}  // namespace stegvis
