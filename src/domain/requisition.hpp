// Requisitions (domain.md §7, issue #7 scope 6): a unit asks the association for
// a period's costs; the period is whole months (default two, Jan–Feb, Mar–Apr …)
// and payment is due on the last day of the month after the period.
#pragma once
#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/result.hpp"

namespace stegvis {

inline constexpr int kDefaultRequisitionMonths = 2;

struct RequisitionPeriod {
  Date from, to;
};

// The latest complete period of `months` months (aligned to January) that ends
// before today's month: on 2024-11-25 with two months, 2024-09-01 – 2024-10-31.
RequisitionPeriod default_requisition_period(const Date& today, int months = kDefaultRequisitionMonths);
// The last day of the month after the one `to` falls in.
Date requisition_due(const Date& to);
// "from" must be a month's first day and "to" a month's last day, from ≤ to, at most 12 months.
Result<RequisitionPeriod> check_requisition_period(const std::string& from, const std::string& to);
// Both ends inclusive.
bool periods_overlap(const RequisitionPeriod& a, const RequisitionPeriod& b);

struct Requisition {
  std::int64_t id = 0;
  std::int64_t programme_id = 0;
  std::int64_t unit_id = 0;
  std::string from, to, due;  // YYYY-MM-DD
  Ore amount = 0;
  std::string status = "draft";  // draft, sent, paid
  std::string sent_on, sent_by, paid_on, paid_by;
  std::string created_by;
};

// draft → sent → paid, nothing backwards or skipped; the date no earlier than the period's end.
std::optional<Error> check_requisition_step(const Requisition& r, const std::string& status, const std::string& date);
// Unpaid after the due date.
bool requisition_overdue(const Requisition& r, const Date& today);

}  // namespace stegvis
