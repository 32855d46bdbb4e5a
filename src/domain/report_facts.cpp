#include "domain/report_facts.hpp"

namespace stegvis {

bool started_in(const EnrolmentFacts& f, const Date& from, const Date& to) { return f.start >= from && f.start <= to; }

bool exited_in(const EnrolmentFacts& f, const Date& from, const Date& to) {
  return f.exit && *f.exit >= from && *f.exit <= to;
}

bool active_in(const EnrolmentFacts& f, const Date& from, const Date& to) {
  return f.start <= to && (!f.exit || *f.exit >= from);
}

int age_at_start(const EnrolmentFacts& f) { return f.start.year - f.birth_year; }

bool reliable_improvement(const RatingSpan& r) {
  return r.count >= 2 && r.latest - r.first >= kReliableChangeTenths;
}

}  // namespace stegvis
