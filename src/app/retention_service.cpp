#include "app/retention_service.hpp"

#include "app/audit.hpp"
#include "app/referral_service.hpp"
#include "domain/date.hpp"

namespace stegvis::app {

std::string describe(const store::RetentionCounts& c) {
  return "gallring: " + std::to_string(c.persons) + (c.persons == 1 ? " person, " : " personer, ") +
         std::to_string(c.enrolments) + (c.enrolments == 1 ? " inskrivning, " : " inskrivningar, ") +
         std::to_string(c.referrals) + (c.referrals == 1 ? " aktualisering" : " aktualiseringar");
}

Result<PurgeResult> RetentionService::purge(const Actor& actor, int years, bool dry_run, const std::atomic<bool>* stop) {
  if (!actor.has_role(Role::administrator)) return forbidden("Bara administratören kan gallra.");
  if (years < 1 || years > 100) return invalid("years", "Gallringstiden anges i hela år (1–100).");
  PurgeResult out;
  out.dry_run = dry_run;
  const std::string today = today_string(env_);
  out.cutoff = to_string(add_months(*parse_date(today), -12 * years));
  if (dry_run) {
    auto tx = env_.db.begin(false);
    out.counts = tx->participants().purgeable(out.cutoff);
    return out;
  }
  // In ranges of ids, one transaction each: a backlog (the first run, or a shorter retention time)
  // in one transaction held SQLite's write lock for as long as a minute at national scale, and
  // every other write waited. Each range's counts are audited with it, by count, never by content.
  Id end = 0;
  {
    auto tx = env_.db.begin(false);
    end = tx->participants().participant_id_end();
  }
  for (Id from = 0; from < end && !(stop && stop->load()); from += kPurgeIdsPerTransaction) {
    auto tx = env_.db.begin(true);
    auto counts = tx->participants().purge(out.cutoff, today, from, from + kPurgeIdsPerTransaction);
    if (counts.persons || counts.enrolments || counts.referrals)
      record(*tx, env_.now(), actor, "retention.purge", "enrolment", "",
             describe(counts) + " (utskrivna före " + out.cutoff + ")");
    tx->commit();
    out.counts.persons += counts.persons;
    out.counts.enrolments += counts.enrolments;
    out.counts.referrals += counts.referrals;
  }
  return out;
}

}  // namespace stegvis::app
