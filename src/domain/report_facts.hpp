// The statistics-only facts of one enrolment that reports and targets are
// computed from: no names, no personal numbers, no notes. The store loads
// them in a few set-based queries; the pure engine (period_report.hpp) is
// the single definition of every figure made from them.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/organisation.hpp"

namespace stegvis {

// First and latest rating of one scale (ORS or SRS), totals in tenths (0..400).
struct RatingSpan {
  int count = 0;
  int first = 0;
  int latest = 0;
};

// A goal area rated at start and exit (1..5; 0 = not rated).
struct GoalSpan {
  int start = 0;
  int exit = 0;
};

struct EnrolmentFacts {
  Id enrolment_id = 0;
  Id unit_id = 0;
  Id municipality_id = 0;
  std::string track;   // track code
  std::string gender;  // female, male, other
  int birth_year = 0;
  Date start;
  std::optional<Date> exit;
  std::string outcome;  // "" while active
  std::optional<Id> staff_id;  // the coach or koordinator (for caseloads; never shown per participant)
  std::vector<std::string> income_before, income_after;
  std::optional<Date> first_plan;
  std::vector<Date> follow_ups;  // dates held, ascending
  std::optional<Date> final_report_sent;
  RatingSpan ors, srs;
  std::map<std::string, GoalSpan> goals;  // area code → ratings
  std::map<int, std::string> lasting;     // months after exit → status (domain/lasting_effect.hpp)
};

// Membership of the period [from, to] (both days included).
bool started_in(const EnrolmentFacts& f, const Date& from, const Date& to);
bool exited_in(const EnrolmentFacts& f, const Date& from, const Date& to);
// Enrolled on at least one day of the period.
bool active_in(const EnrolmentFacts& f, const Date& from, const Date& to);

// Age at start from the birth year (the registers hold the year only).
int age_at_start(const EnrolmentFacts& f);

// ORS reliable change: 5 points (50 tenths) or more from the first to the latest rating.
constexpr int kReliableChangeTenths = 50;
constexpr int kOrsCutoffTenths = 250;  // adult clinical cut-off 25
constexpr int kSrsCutoffTenths = 360;  // alliance worth discussing below 36
bool reliable_improvement(const RatingSpan& r);

}  // namespace stegvis
