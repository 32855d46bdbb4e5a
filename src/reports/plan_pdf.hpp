// One version of the programme plan as PDF: the sections' texts and the
// version table (version, decision, by whom, date). Pure.
#pragma once
#include <string>
#include <vector>

#include "domain/programme_plan.hpp"

namespace stegvis::reports {

std::string render_plan_pdf(const std::string& programme, const PlanVersion& version,
                            const std::vector<PlanVersion>& history, const std::string& printed_on);

}  // namespace stegvis::reports
