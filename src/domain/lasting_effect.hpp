// Lasting effect (issue #9 §5, domain.md §8): where a person is 6 and 12
// months (a setting) after exit, recorded by the coach when the enrolment's
// consent allows contact after exit. The status is an exit outcome code or
// okand_ej_nadd (unknown, not reached). Pure: today is passed in.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/due_work.hpp"
#include "domain/organisation.hpp"
#include "domain/result.hpp"

namespace stegvis {

constexpr const char* kNotReached = "okand_ej_nadd";
// Listed in "Att göra" from this many days before the check is due.
constexpr int kLastingListedDaysBefore = 14;
// A check may be recorded from this many days before it is due.
constexpr int kLastingEarliestDaysBefore = 31;

struct LastingEffect {
  int months = 0;
  std::string status;  // outcome code or okand_ej_nadd
  std::string date;    // when the person's status was checked
};

// An exited enrolment with contact after exit allowed, and the checks recorded so far.
struct LastingSnapshot {
  Id enrolment_id = 0;
  std::string label;
  Date exit;
  std::vector<int> recorded_months;
};

bool is_lasting_status(const std::string& s);
std::string lasting_status_label(const std::string& s);
// In work or studies: is_work_or_studies() of domain/economy.hpp (arbete, arbete_med_stod, studier).
Date lasting_due(const Date& exit, int months);

// "lasting_effect" due items: for each configured month count not yet recorded, from
// kLastingListedDaysBefore before the due day on; overdue after it. Unsorted.
std::vector<DueItem> lasting_due_work(const std::vector<LastingSnapshot>& enrolments, const std::vector<int>& months,
                                      const Date& today);

// The checks that may be recorded: months one of the configured, status known, date
// a real day, not in the future, and no earlier than kLastingEarliestDaysBefore before due.
std::optional<Error> check_lasting_effect(const LastingEffect& e, const Date& exit, const std::vector<int>& months,
                                          const Date& today);

}  // namespace stegvis
