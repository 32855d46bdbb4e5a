// Retention (gallring, issue #5): enrolments exited more than N years ago keep
// their anonymous statistics (gender, birth year, dates, outcome, income
// sources, ratings) but lose identifiers, names, contact details and every free
// text: notes, plans, reasons, referrer names, next steps. A person's identity
// goes only when nothing of theirs is younger than that. Audited by count.
#pragma once
#include <atomic>
#include <string>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/result.hpp"
#include "store/participant_store.hpp"

namespace stegvis::app {

struct PurgeResult {
  std::string cutoff;  // enrolments exited before this day (YYYY-MM-DD)
  bool dry_run = false;
  store::RetentionCounts counts;
};

// "gallring: 12 personer, 30 inskrivningar, 4 aktualiseringar" (what the audit log and the CLI say).
std::string describe(const store::RetentionCounts& c);

class RetentionService {
 public:
  // Ids of each table per purge transaction: a few hundred milliseconds of writing at most.
  static constexpr Id kPurgeIdsPerTransaction = 5000;

  explicit RetentionService(Env& env) : env_(env) {}

  // By the operator (system actor: CLI, the daily job) or an administrator. years >= 1.
  // When *stop turns true (the server is stopping) the purge ends after the range in hand;
  // what is done is committed and the rest waits for the next run.
  Result<PurgeResult> purge(const Actor& actor, int years, bool dry_run, const std::atomic<bool>* stop = nullptr);

 private:
  Env& env_;
};

}  // namespace stegvis::app
