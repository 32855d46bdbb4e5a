#include "domain/lasting_effect.hpp"

#include <algorithm>

#include "domain/vocabulary.hpp"

namespace stegvis {

bool is_lasting_status(const std::string& s) {
  if (s == kNotReached) return true;
  for (const auto& o : exit_outcomes())
    if (o.code == s) return true;
  return false;
}

std::string lasting_status_label(const std::string& s) {
  if (s == kNotReached) return "Okänd, ej nådd";
  for (const auto& o : exit_outcomes())
    if (o.code == s) return o.label_sv;
  return s;
}

Date lasting_due(const Date& exit, int months) { return add_months(exit, months); }

std::vector<DueItem> lasting_due_work(const std::vector<LastingSnapshot>& enrolments, const std::vector<int>& months,
                                      const Date& today) {
  std::vector<DueItem> out;
  for (const auto& e : enrolments)
    for (int m : months) {
      if (std::find(e.recorded_months.begin(), e.recorded_months.end(), m) != e.recorded_months.end()) continue;
      Date due = lasting_due(e.exit, m);
      if (days_between(today, due) > kLastingListedDaysBefore) continue;
      DueItem item;
      item.kind = "lasting_effect";
      item.enrolment_id = e.enrolment_id;
      item.months = m;
      item.label = e.label;
      item.due = due;
      item.overdue = today > due;
      out.push_back(std::move(item));
    }
  return out;
}

std::optional<Error> check_lasting_effect(const LastingEffect& e, const Date& exit, const std::vector<int>& months,
                                          const Date& today) {
  if (std::find(months.begin(), months.end(), e.months) == months.end()) {
    std::string list;
    for (int m : months) list += (list.empty() ? "" : " eller ") + std::to_string(m);
    return invalid("months", "Uppföljningen görs " + list + " månader efter avslutet.");
  }
  if (!is_lasting_status(e.status))
    return invalid("status", "Välj ett utfall från listan, eller okand_ej_nadd om personen inte gick att nå.");
  auto day = parse_date(e.date);
  if (!day) return invalid("date", "Ange datumet som ÅÅÅÅ-MM-DD.");
  if (*day > today) return invalid("date", "Datumet kan inte ligga i framtiden.");
  Date earliest = add_days(lasting_due(exit, e.months), -kLastingEarliestDaysBefore);
  if (*day < earliest)
    return unprocessable("date", "Uppföljningen efter " + std::to_string(e.months) + " månader kan göras tidigast " +
                                     to_string(earliest) + ".");
  return std::nullopt;
}

}  // namespace stegvis
