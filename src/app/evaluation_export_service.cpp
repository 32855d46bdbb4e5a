#include "app/evaluation_export_service.hpp"

#include <algorithm>

#include "app/audit.hpp"
#include "domain/date.hpp"
#include "domain/validation.hpp"
#include "reports/evaluation_table.hpp"

namespace stegvis::app {
namespace {

// The export's roles see no one by name: the evaluator and the programme lead (domain.md §2).
bool exports_evaluation(Role r) { return r == Role::utvarderare || r == Role::insatsansvarig; }

std::optional<Error> check_period(const std::string& from, const std::string& to) {
  if (from.empty()) return invalid("from", "Ange periodens första dag (from) som ÅÅÅÅ-MM-DD.");
  if (to.empty()) return invalid("to", "Ange periodens sista dag (to) som ÅÅÅÅ-MM-DD.");
  if (auto e = check_date("from", from)) return e;
  if (auto e = check_date("to", to)) return e;
  if (to < from) return invalid("to", "Periodens sista dag kan inte ligga före den första.");
  return std::nullopt;
}

}  // namespace

bool may_export_evaluation(const Actor& actor, Id, const std::vector<Id>& programme_unit_ids) {
  // Held for the whole association (no unit) or for a unit of this programme.
  return std::any_of(actor.roles.begin(), actor.roles.end(), [&](const RoleAssignment& r) {
    if (!exports_evaluation(r.role)) return false;
    if (!r.unit_id) return true;
    return std::find(programme_unit_ids.begin(), programme_unit_ids.end(), *r.unit_id) != programme_unit_ids.end();
  });
}

Result<ExportFile> EvaluationExportService::export_evaluation(const Actor& actor, Id programme_id,
                                                             const std::string& from, const std::string& to,
                                                             ExportFormat format) {
  const std::string kind = format == ExportFormat::csv ? "csv" : "xlsx";
  auto tx = env_.db.begin(false);
  auto programme = tx->organisation().programme(programme_id);
  std::vector<Id> units;
  if (programme)
    for (const auto& u : programme->units) units.push_back(u.id);
  if (!may_export_evaluation(actor, programme_id, units)) {
    tx.reset();
    record_standalone(env_, actor, "access.denied", "programme", std::to_string(programme_id),
                      "export.evaluation." + kind);
    return forbidden("Utvärderingsexporten är till för insatsens utvärderare och insatsansvarig.");
  }
  if (!programme) return not_found("Insatsen finns inte.");
  if (auto e = check_period(from, to)) return *e;

  auto facts = tx->evaluation().evaluation_facts(programme_id, from, to);
  tx.reset();
  reports::ReportTable table = reports::evaluation_table(facts, *parse_date(to));
  ExportFile file;
  file.rows = static_cast<int>(table.rows.size());
  file.filename = "utvardering-insats-" + std::to_string(programme_id) + "-" + from + "-" + to + "." + kind;
  if (format == ExportFormat::csv) {
    file.content_type = "text/csv; charset=utf-8";
    file.bytes = reports::table_to_csv(table);
  } else {
    file.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    file.bytes = reports::table_to_xlsx(table);
  }
  // How many rows left the system, for which period, never what they held.
  record_standalone(env_, actor, "export.evaluation", "programme", std::to_string(programme_id),
                    kind + " " + from + "–" + to + ", " + std::to_string(file.rows) + " rader");
  return file;
}

}  // namespace stegvis::app
