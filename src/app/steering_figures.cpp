#include "app/steering_figures.hpp"

#include <algorithm>

#include "app/plan_service.hpp"
#include "app/staff_service.hpp"
#include "domain/financing.hpp"
#include "domain/programme_plan.hpp"
#include "domain/report_facts.hpp"
#include "domain/small_cells.hpp"

namespace stegvis::app {

namespace {
bool municipality_of(const Unit& u, Id municipality_id) {
  for (const auto& m : u.municipalities)
    if (m.id == municipality_id) return true;
  return false;
}
}  // namespace

std::string active_text(const StaffingRow& r) {
  return r.active_withheld ? ".." : r.active < 0 ? "<5" : std::to_string(r.active);
}

Result<SteeringFigures> steering_figures(Env& env, const Actor& actor, Id programme_id, const std::string& date) {
  if (!(actor.has_role(Role::forbundschef) || actor.has_role(Role::insatsansvarig) || actor.has_role(Role::styrgrupp)))
    return forbidden("Styrgruppens siffror är till för förbundschefen, insatsansvarig och styrgruppen.");
  auto day = parse_date(date);
  if (!day) return invalid("date", "Ogiltigt datum.");
  SteeringFigures out;
  std::vector<EnrolmentFacts> facts;
  std::vector<FinancedPost> agreement;
  Programme programme;
  {
    auto tx = env.db.begin(false);
    auto p = tx->organisation().programme(programme_id);
    if (!p) return not_found("Insatsen finns inte.");
    programme = *p;
    facts = tx->reports().facts(programme_id, date, date);
    out.agreement_year = tx->financing().agreement_year(programme_id, day->year);
    if (out.agreement_year) agreement = tx->financing().agreement(programme_id, *out.agreement_year);
  }
  auto staff = StaffService(env).list(actor, std::nullopt);
  if (!staff) return staff.error();
  for (const auto& u : programme.units) {
    StaffingRow row;
    row.unit = u.name;
    for (const auto& s : *staff) {
      if (s.disabled) continue;
      for (const auto& r : s.roles)
        if (r.unit_id && *r.unit_id == u.id && carries_caseload(r.role)) row.fte_pct += r.fte_pct;
    }
    if (out.agreement_year) {
      double planned = 0;
      for (const auto& post : agreement)
        if (carries_caseload(post.role) && post.municipality_id && municipality_of(u, *post.municipality_id))
          planned += post.association_fte_pct + post.cofinancing_fte_pct;
      row.planned_fte_pct = planned;
    }
    row.capacity = static_cast<int>(row.fte_pct / 100.0 * kParticipantsPerFullTime);
    int active = 0;
    for (const auto& f : facts)
      if (f.unit_id == u.id && active_in(f, *day, *day)) ++active;
    row.active = is_small_cell(active) ? -1 : active;
    out.staffing.push_back(row);
  }
  if (std::any_of(out.staffing.begin(), out.staffing.end(), [](const StaffingRow& r) { return r.active < 0; }))
    for (auto& r : out.staffing)
      if (r.active >= 0) {
        r.active = -1;
        r.active_withheld = true;
      }
  out.semester = (day->month <= 6 ? "Våren " : "Hösten ") + std::to_string(day->year);
  for (const char* s : {"planned", "ongoing", "done", "cancelled"}) out.plan_status[s] = 0;
  auto plan = PlanService(env).activity_plan(actor, programme_id);
  if (!plan) return plan.error();
  for (const auto& row : *plan) {
    if (row.item.semester == out.semester) ++out.plan_status[row.item.status];
    if (is_overdue(row.item, *day)) ++out.overdue;
  }
  return out;
}

}  // namespace stegvis::app
