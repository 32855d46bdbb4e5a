// Use cases of targets, period reports and the steering-group dashboard.
// Who sees what (domain.md §2, §8): insatsansvarig, förbundschef, styrgrupp,
// utvärderare and administrators see the whole programme as aggregates with
// small cells suppressed (when the programme's setting is on); a unit's
// samordnare sees the own unit unsuppressed on the page and in the API. Every
// export is suppressed. Views and exports are audited without personal data.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/dashboard.hpp"
#include "domain/period_report.hpp"
#include "domain/result.hpp"
#include "domain/target.hpp"

namespace stegvis::app {

struct PeriodReportRequest {
  Id programme_id = 0;
  std::string from, to;        // YYYY-MM-DD
  std::string group_by = "unit";
  std::string format = "json";  // json, html, csv, xlsx, pdf: exports are suppressed
  std::optional<Id> unit_id;    // a samordnare's unit (also chosen when omitted)
  bool to_file = false;         // written to a file (command line): an export whatever the format
};

struct PeriodReportResult {
  Programme programme;
  std::optional<Unit> unit;  // set when the report covers one unit only
  PeriodReport report;
  std::vector<Target> targets;
  bool suppressed = true;
};

struct DashboardResult {
  Programme programme;
  Dashboard dashboard;
  std::vector<Target> targets;
  bool suppressed = true;
};

class ReportService {
 public:
  explicit ReportService(Env& env) : env_(env) {}

  Result<std::vector<Target>> targets(const Actor& actor, Id programme_id);
  Result<Id> save_target(const Actor& actor, Target t);  // t.id == 0 creates
  Status delete_target(const Actor& actor, Id programme_id, Id target_id);

  Result<bool> suppression(const Actor& actor, Id programme_id);
  Status set_suppression(const Actor& actor, Id programme_id, bool on);

  Result<PeriodReportResult> period_report(const Actor& actor, const PeriodReportRequest& req);
  Result<DashboardResult> dashboard(const Actor& actor, Id programme_id);

  // For pages: whether to show the links.
  static bool may_view_reports(const Actor& a, const Programme& p);
  static bool may_view_reports_somewhere(const Actor& a);  // for the menu
  static bool may_view_dashboard(const Actor& a);
  static bool may_configure_targets(const Actor& a);

 private:
  Env& env_;
};

}  // namespace stegvis::app
