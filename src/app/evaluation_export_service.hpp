// The evaluator export (issue #4 §6, api.md "export/evaluation.csv"): one row per
// enrolment active in a period, pseudonymised, with the start and exit
// variables, ORS/SRS first and latest, and goal ratings — never names, personal
// numbers, contact details, notes or free text. For the programme's utvärderare
// and insatsansvarig; every export is audited with its size, not its content.
#pragma once
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

enum class ExportFormat { csv, xlsx };

struct ExportFile {
  std::string filename;
  std::string content_type;
  std::string bytes;
  int rows = 0;
};

// Pure: whether the actor may export the programme's evaluation data (for pages).
bool may_export_evaluation(const Actor& actor, Id programme_id, const std::vector<Id>& programme_unit_ids);

class EvaluationExportService {
 public:
  explicit EvaluationExportService(Env& env) : env_(env) {}

  // from and to are YYYY-MM-DD, both days included.
  Result<ExportFile> export_evaluation(const Actor& actor, Id programme_id, const std::string& from,
                                       const std::string& to, ExportFormat format);

 private:
  Env& env_;
};

}  // namespace stegvis::app
