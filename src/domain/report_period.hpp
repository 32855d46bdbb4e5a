// Report periods: quarter, half-year, year or a custom from–to, both days
// included. Pure: "today" is passed in.
#pragma once
#include <string>

#include "domain/date.hpp"
#include "domain/result.hpp"

namespace stegvis {

struct ReportPeriod {
  Date from, to;
};

ReportPeriod quarter_period(int year, int quarter);  // quarter 1..4
ReportPeriod half_year_period(int year, int half);   // half 1..2
ReportPeriod year_period(int year);
// The last quarter that has ended before today (the default of the report page).
ReportPeriod last_full_quarter(const Date& today);

// From the API's from= and to= (YYYY-MM-DD): unprocessable (422) naming the
// field when a date is not a real date, when to is before from, or when the
// period is longer than ten years.
Result<ReportPeriod> parse_report_period(const std::string& from, const std::string& to);

}  // namespace stegvis
