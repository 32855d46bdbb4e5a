#include "domain/requisition.hpp"

namespace stegvis {

RequisitionPeriod default_requisition_period(const Date& today, int months) {
  if (months < 1) months = 1;
  // Month index since year 0 of today's month's first day; blocks start at multiples of `months` from January.
  int index = today.year * 12 + (today.month - 1);
  int end_excl = index - ((today.month - 1) % months);  // the current block's start
  if (12 % months != 0) end_excl = index;               // unaligned lengths: the months just before this one
  int start = end_excl - months;
  Date from{start / 12, start % 12 + 1, 1};
  Date to = add_days(Date{end_excl / 12, end_excl % 12 + 1, 1}, -1);
  return {from, to};
}

Date requisition_due(const Date& to) {
  Date first{to.year, to.month, 1};
  return add_days(add_months(first, 2), -1);
}

Result<RequisitionPeriod> check_requisition_period(const std::string& from, const std::string& to) {
  auto f = parse_date(from);
  if (!f) return invalid("from", "\"from\" ska vara ett datum ÅÅÅÅ-MM-DD.");
  auto t = parse_date(to);
  if (!t) return invalid("to", "\"to\" ska vara ett datum ÅÅÅÅ-MM-DD.");
  if (f->day != 1) return unprocessable("from", "Perioden börjar den första dagen i en månad.");
  if (add_days(*t, 1).day != 1) return unprocessable("to", "Perioden slutar den sista dagen i en månad.");
  if (*t < *f) return unprocessable("to", "Periodens slut ligger före dess början.");
  if ((t->year - f->year) * 12 + (t->month - f->month) >= 12)
    return unprocessable("to", "En rekvisition omfattar högst tolv månader.");
  return RequisitionPeriod{*f, *t};
}

bool periods_overlap(const RequisitionPeriod& a, const RequisitionPeriod& b) {
  return !(a.to < b.from || b.to < a.from);
}

std::optional<Error> check_requisition_step(const Requisition& r, const std::string& status, const std::string& date) {
  if (status != "sent" && status != "paid") return invalid("status", "Status ska vara sent (skickad) eller paid (betald).");
  auto d = parse_date(date);
  if (!d) return invalid("date", "\"date\" ska vara ett datum ÅÅÅÅ-MM-DD.");
  if (status == "sent" && r.status != "draft") return conflict("Rekvisitionen är redan skickad.", "status");
  if (status == "paid" && r.status != "sent")
    return conflict(r.status == "paid" ? "Rekvisitionen är redan betald." : "Rekvisitionen måste skickas innan den betalas.",
                    "status");
  if (date < r.to) return unprocessable("date", "Datumet kan inte ligga före periodens slut (" + r.to + ").");
  if (status == "paid" && date < r.sent_on) return unprocessable("date", "Betalningen kan inte ligga före utskicket.");
  return std::nullopt;
}

bool requisition_overdue(const Requisition& r, const Date& today) {
  return r.status != "paid" && to_string(today) > r.due;
}

}  // namespace stegvis
