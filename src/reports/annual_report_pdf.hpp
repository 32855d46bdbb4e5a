// The annual report (helårsrapport) as PDF: the text sections, volumes and
// outcomes by gender with small cells suppressed, targets, the year's
// activity plan, the economy, and the diaries' themes with the entries marked for it. Pure.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "domain/period_report.hpp"
#include "domain/target.hpp"

namespace stegvis::reports {

struct AnnualReportDocument {
  std::string programme;
  int year = 0;
  std::vector<std::pair<std::string, std::string>> sections;  // title, text
  PeriodReport report;                                        // grouped by gender
  std::vector<Target> targets;
  bool suppressed = true;
  std::vector<std::vector<std::string>> activities;  // semester, activity, status
  std::vector<std::vector<std::string>> economy;     // budget line, budget, actual, forecast (kr); empty: not shown
  std::string economy_note;
  struct Survey {
    std::string title;                       // questionnaire – unit (closed on)
    std::string note;                        // responses, or why no figures
    std::vector<std::vector<std::string>> items;  // statement, count, mean
  };
  std::vector<Survey> surveys;                          // the budget's status and the forecast's method
  std::vector<std::pair<std::string, int>> diary_themes;
  std::vector<std::vector<std::string>> marked;  // week, themes, text
  std::string printed_on;
};

std::string render_annual_report_pdf(const AnnualReportDocument& d);

}  // namespace stegvis::reports
