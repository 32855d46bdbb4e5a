#include "app/report_service.hpp"

#include <algorithm>

#include "app/audit.hpp"
#include "app/referral_service.hpp"
#include "domain/report_period.hpp"

namespace stegvis::app {
namespace {

bool association_level(const Actor& a) {
  return a.has_role(Role::administrator) || a.has_role(Role::forbundschef) || a.has_role(Role::insatsansvarig) ||
         a.has_role(Role::styrgrupp) || a.has_role(Role::utvarderare);
}

// The units of the programme the actor coordinates.
std::vector<Id> coordinated_units(const Actor& a, const Programme& p) {
  std::vector<Id> out;
  for (const auto& u : p.units)
    if (a.has_role_in_unit(Role::samordnare, u.id)) out.push_back(u.id);
  return out;
}

Error denied(Env& env, const Actor& a, const std::string& what, Id programme_id) {
  record_standalone(env, a, "access.denied", "programme", std::to_string(programme_id), what);
  return forbidden("Du har inte behörighet att se insatsens " + what + ".");
}

std::vector<std::string> track_codes(const Programme& p) {
  std::vector<std::string> out;
  for (const auto& t : p.tracks) out.push_back(t.code);
  return out;
}

bool is_export(const std::string& format) { return format == "csv" || format == "xlsx" || format == "pdf"; }

}  // namespace

bool ReportService::may_view_reports(const Actor& a, const Programme& p) {
  return association_level(a) || !coordinated_units(a, p).empty();
}

bool ReportService::may_view_reports_somewhere(const Actor& a) {
  return association_level(a) || a.has_role(Role::samordnare);
}

bool ReportService::may_view_dashboard(const Actor& a) {
  return a.has_role(Role::administrator) || a.has_role(Role::forbundschef) || a.has_role(Role::insatsansvarig) ||
         a.has_role(Role::styrgrupp);
}

bool ReportService::may_configure_targets(const Actor& a) {
  return a.has_role(Role::administrator) || a.has_role(Role::insatsansvarig);
}

Result<std::vector<Target>> ReportService::targets(const Actor& actor, Id programme_id) {
  auto tx = env_.db.begin(false);
  auto p = tx->organisation().programme(programme_id);
  if (!p) return not_found("Insatsen finns inte.");
  if (!may_view_reports(actor, *p) && !may_view_dashboard(actor)) return denied(env_, actor, "mål", programme_id);
  return tx->reports().targets(programme_id);
}

Result<Id> ReportService::save_target(const Actor& actor, Target t) {
  if (!may_configure_targets(actor)) return denied(env_, actor, "mål (ändra)", t.programme_id);
  auto tx = env_.db.begin(true);
  auto p = tx->organisation().programme(t.programme_id);
  if (!p) return not_found("Insatsen finns inte.");
  if (auto e = normalise_target(t, track_codes(*p))) return *e;
  if (t.id != 0) {
    auto old = tx->reports().target(t.id);
    if (!old || old->programme_id != t.programme_id) return not_found("Målet finns inte.");
  } else if (t.position == 0) {
    t.position = static_cast<int>(tx->reports().targets(t.programme_id).size()) + 1;
  }
  Id id = tx->reports().save_target(t, env_.now());
  record(*tx, env_.now(), actor, t.id ? "target.update" : "target.create", "programme_target", std::to_string(id),
         "programme " + std::to_string(t.programme_id) + ": " + t.condition);
  tx->commit();
  return id;
}

Status ReportService::delete_target(const Actor& actor, Id programme_id, Id target_id) {
  if (!may_configure_targets(actor)) return denied(env_, actor, "mål (ta bort)", programme_id);
  auto tx = env_.db.begin(true);
  auto old = tx->reports().target(target_id);
  if (!old || old->programme_id != programme_id) return not_found("Målet finns inte.");
  tx->reports().delete_target(target_id);
  record(*tx, env_.now(), actor, "target.delete", "programme_target", std::to_string(target_id),
         "programme " + std::to_string(programme_id));
  tx->commit();
  return done();
}

Result<bool> ReportService::suppression(const Actor& actor, Id programme_id) {
  (void)actor;  // the setting itself is no secret
  auto tx = env_.db.begin(false);
  if (!tx->organisation().programme(programme_id)) return not_found("Insatsen finns inte.");
  return tx->reports().suppress_small_cells(programme_id);
}

Status ReportService::set_suppression(const Actor& actor, Id programme_id, bool on) {
  if (!actor.has_role(Role::administrator)) return denied(env_, actor, "inställningar", programme_id);
  auto tx = env_.db.begin(true);
  if (!tx->organisation().programme(programme_id)) return not_found("Insatsen finns inte.");
  tx->reports().set_suppress_small_cells(programme_id, on);
  record(*tx, env_.now(), actor, "programme.suppress_small_cells", "programme", std::to_string(programme_id),
         on ? "on" : "off");
  tx->commit();
  return done();
}

Result<PeriodReportResult> ReportService::period_report(const Actor& actor, const PeriodReportRequest& req) {
  auto period = parse_report_period(req.from, req.to);
  if (!period) return period.error();
  if (!is_report_grouping(req.group_by))
    return Error{ErrorCode::unprocessable,
                 "Gruppera efter unit (länsdel), municipality (kommun), track (inriktning), gender (kön) eller "
                 "age_band (åldersgrupp).",
                 "group_by"};
  auto tx = env_.db.begin(false);
  auto p = tx->organisation().programme(req.programme_id);
  if (!p) return not_found("Insatsen finns inte.");
  PeriodReportResult out;
  out.programme = *p;
  bool whole = association_level(actor);
  auto units = coordinated_units(actor, *p);
  if (!whole && units.empty()) return denied(env_, actor, "rapporter", req.programme_id);
  std::optional<Id> only_unit;
  if (!whole || req.unit_id) {
    only_unit = req.unit_id.value_or(units.empty() ? 0 : units.front());
    bool allowed = whole || std::find(units.begin(), units.end(), *only_unit) != units.end();
    if (!allowed) return denied(env_, actor, "rapporter för den länsdelen", req.programme_id);
    auto it = std::find_if(p->units.begin(), p->units.end(), [&](const Unit& u) { return u.id == *only_unit; });
    if (it == p->units.end()) return not_found("Länsdelen hör inte till insatsen.");
    out.unit = *it;
  }
  const bool setting = tx->reports().suppress_small_cells(req.programme_id);
  // Outside the unit (association-level roles) and in every export, small cells are hidden.
  const bool exported = req.to_file || is_export(req.format);
  out.suppressed = setting && (whole || exported);

  PeriodReportInput in;
  in.from = period->from;
  in.to = period->to;
  in.as_of = *parse_date(today_string(env_));
  in.group_by = req.group_by;
  in.lasting_months = env_.settings.lasting_effect_months;
  in.facts = tx->reports().facts(req.programme_id, to_string(period->from), to_string(period->to));
  if (only_unit)
    std::erase_if(in.facts, [&](const EnrolmentFacts& f) { return f.unit_id != *only_unit; });
  in.targets = tx->reports().targets(req.programme_id);
  for (const auto& u : p->units) {
    in.unit_names[u.id] = u.name;
    for (const auto& m : u.municipalities) in.municipality_names[m.id] = m.name;
  }
  for (const auto& t : p->tracks) in.track_names[t.code] = t.name;
  out.targets = in.targets;
  tx.reset();
  out.report = build_period_report(in);
  if (out.suppressed) protect_small_cells(out.report);

  std::string detail = "period " + req.from + ".." + req.to + ", group_by " + req.group_by + ", format " + req.format;
  if (only_unit) detail += ", unit " + std::to_string(*only_unit);
  record_standalone(env_, actor, exported ? "report.export" : "report.view", "programme",
                    std::to_string(req.programme_id), detail);
  return out;
}

Result<DashboardResult> ReportService::dashboard(const Actor& actor, Id programme_id) {
  auto tx = env_.db.begin(false);
  auto p = tx->organisation().programme(programme_id);
  if (!p) return not_found("Insatsen finns inte.");
  if (!may_view_dashboard(actor)) return denied(env_, actor, "styrgruppsöversikt", programme_id);
  DashboardResult out;
  out.programme = *p;
  out.suppressed = tx->reports().suppress_small_cells(programme_id);
  const Date today = *parse_date(today_string(env_));
  const Date from = dashboard_window_start(today);
  auto facts = tx->reports().facts(programme_id, to_string(from), to_string(today));
  out.targets = tx->reports().targets(programme_id);
  std::map<Id, std::string> unit_names;
  std::vector<StaffCapacity> staff;
  for (const auto& u : p->units) unit_names[u.id] = u.name;
  for (const auto& s : tx->staff().list(std::nullopt)) {
    if (s.disabled) continue;
    for (const auto& r : s.roles) {
      if (!carries_caseload(r.role) || !r.unit_id || !unit_names.count(*r.unit_id)) continue;
      staff.push_back({s.id, s.name, *r.unit_id, capacity(s)});
      break;  // one row per person, in the first unit they carry a caseload in
    }
  }
  tx.reset();
  out.dashboard = build_dashboard(facts, out.targets, unit_names, staff, today);
  if (out.suppressed) protect_small_cells(out.dashboard);
  record_standalone(env_, actor, "dashboard.view", "programme", std::to_string(programme_id));
  return out;
}

}  // namespace stegvis::app
