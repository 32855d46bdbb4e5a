#include "domain/report_period.hpp"

namespace stegvis {
namespace {
Date month_end(int year, int month) { return add_days(add_months(Date{year, month, 1}, 1), -1); }
Error bad(std::string field, std::string message) {
  return {ErrorCode::unprocessable, std::move(message), std::move(field)};
}
}  // namespace

ReportPeriod quarter_period(int year, int quarter) {
  int first = (quarter - 1) * 3 + 1;
  return {{year, first, 1}, month_end(year, first + 2)};
}

ReportPeriod half_year_period(int year, int half) {
  return half == 1 ? ReportPeriod{{year, 1, 1}, {year, 6, 30}} : ReportPeriod{{year, 7, 1}, {year, 12, 31}};
}

ReportPeriod year_period(int year) { return {{year, 1, 1}, {year, 12, 31}}; }

ReportPeriod last_full_quarter(const Date& today) {
  int q = (today.month - 1) / 3 + 1;  // the current quarter
  return q == 1 ? quarter_period(today.year - 1, 4) : quarter_period(today.year, q - 1);
}

Result<ReportPeriod> parse_report_period(const std::string& from, const std::string& to) {
  auto f = parse_date(from);
  if (!f) return bad("from", "Ange periodens första dag som ÅÅÅÅ-MM-DD, t.ex. 2024-07-01.");
  auto t = parse_date(to);
  if (!t) return bad("to", "Ange periodens sista dag som ÅÅÅÅ-MM-DD, t.ex. 2024-09-30.");
  if (*t < *f) return bad("to", "Periodens sista dag kan inte ligga före den första.");
  if (*t > add_months(*f, 120)) return bad("to", "En rapport kan omfatta högst tio år.");
  return ReportPeriod{*f, *t};
}

}  // namespace stegvis
