// The annual report (helårsrapport) of a programme: volumes, outcomes and
// targets from the period report (by gender, the horizontal principles), the
// activity plan's items of the year, the diaries' theme counts and the
// entries the teams marked for it, the year's economy (budget against actual
// and forecast per budget line, cost per participant), and text sections the
// insatsansvarig writes, saved as versions. The questionnaire rounds closed
// in the year show their results (means per item, hidden under 5 answers). Aggregates only; small cells suppressed.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <optional>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "app/money_service.hpp"
#include "app/questionnaire_service.hpp"
#include "app/plan_service.hpp"
#include "app/report_service.hpp"
#include "domain/diary.hpp"
#include "store/governance_store.hpp"

namespace stegvis::app {

// The text sections' codes in order, with Swedish headings.
const std::vector<std::pair<std::string, std::string>>& annual_section_titles();

// Who reads the annual report: förbundschef, insatsansvarig and styrgrupp (pages link to it for them only).
bool may_view_annual(const Actor& a);

// A questionnaire round closed in the year, with its results as the results page shows them.
struct AnnualSurvey {
  Id questionnaire_id = 0, round_id = 0;
  std::string questionnaire, unit;  // unit "" for the whole programme
  std::string closes;
  RoundResults results;
};

struct AnnualReport {
  int year = 0;
  PeriodReportResult period;  // grouped by gender
  std::vector<ActivityRow> activity_plan;
  std::map<std::string, int> diary_themes;  // every theme, 0 included
  std::vector<DiaryEntry> marked;           // marked for the report: week, themes, text (no author)
  std::optional<EconomyResult> economy;     // the whole programme's, when the reader may see money
  std::vector<AnnualSurvey> surveys;        // by closing date
  store::AnnualSections sections;
  bool may_edit = false;
};

class AnnualReportService {
 public:
  explicit AnnualReportService(Env& env) : env_(env) {}

  Result<AnnualReport> build(const Actor& actor, Id programme_id, int year);
  // A new version of the text sections; unknown codes and over-long texts are refused.
  Status save_sections(const Actor& actor, Id programme_id, int year, const std::map<std::string, std::string>& texts);
  Result<std::string> pdf(const Actor& actor, Id programme_id, int year);

 private:
  Env& env_;
};

}  // namespace stegvis::app
