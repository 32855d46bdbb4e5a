// The steering group's figures beside the volumes (issue #8 §3): staffing per
// unit (FTE registered for coaches and koordinatorer against the FTE planned in
// the year's financing agreement, and the caseload capacity it gives against
// the active participants), and the activity plan's status for the meeting's
// semester. Aggregates only; no person is named.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

struct StaffingRow {
  std::string unit;
  double fte_pct = 0;  // sum of the coaches' and koordinatorers' posts, 100 = one full-time post
  // Planned: the financing agreement in force that year for the unit's municipalities
  // (the association's and the co-financing share); empty when there is no agreement.
  std::optional<double> planned_fte_pct;
  double difference() const { return planned_fte_pct ? fte_pct - *planned_fte_pct : 0; }
  int capacity = 0;    // participants the posts carry (20 per full-time post)
  int active = -1;     // active participants on the day; -1 when a small cell (1–4) is hidden
  // Hidden although not small: the units add up to the programme's actives, shown elsewhere,
  // so with one unit's hidden every unit's is.
  bool active_withheld = false;
};
std::string active_text(const StaffingRow& r);  // "<5", ".." or the number

struct SteeringFigures {
  std::vector<StaffingRow> staffing;
  std::optional<int> agreement_year;  // the year of the financing agreement in force, if any
  std::string semester;                    // "Hösten 2025"
  std::map<std::string, int> plan_status;  // planned, ongoing, done, cancelled for that semester
  int overdue = 0;                         // earlier semesters' items not done
};

// As of the meeting's date; for those who read the steering group's meetings.
Result<SteeringFigures> steering_figures(Env& env, const Actor& actor, Id programme_id, const std::string& date);

}  // namespace stegvis::app
