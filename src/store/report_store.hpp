// Storage for reports and targets: a programme's targets, its small-cell
// setting, and the statistics-only facts of its enrolments for a period,
// loaded in a few set-based queries (never one query per enrolment).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/report_facts.hpp"
#include "domain/target.hpp"

namespace stegvis::store {

class ReportStore {
 public:
  virtual ~ReportStore() = default;

  virtual std::vector<Target> targets(Id programme_id) = 0;  // in position order
  virtual std::optional<Target> target(Id id) = 0;
  virtual Id save_target(const Target& t, std::int64_t now) = 0;  // insert when id == 0
  virtual void delete_target(Id id) = 0;

  virtual bool suppress_small_cells(Id programme_id) = 0;
  virtual void set_suppress_small_cells(Id programme_id, bool on) = 0;

  // Every enrolment of the programme enrolled on at least one day of [from, to]
  // (YYYY-MM-DD, both included), with its plan, follow-up, rating and goal facts.
  virtual std::vector<EnrolmentFacts> facts(Id programme_id, const std::string& from, const std::string& to) = 0;
};

}  // namespace stegvis::store
