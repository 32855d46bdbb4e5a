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

Result<PurgeResult> RetentionService::purge(const Actor& actor, int years, bool dry_run) {
  if (!actor.has_role(Role::administrator)) return forbidden("Bara administratören kan gallra.");
  if (years < 1 || years > 100) return invalid("years", "Gallringstiden anges i hela år (1–100).");
  PurgeResult out;
  out.dry_run = dry_run;
  const std::string today = today_string(env_);
  out.cutoff = to_string(add_months(*parse_date(today), -12 * years));
  auto tx = env_.db.begin(!dry_run);
  auto& p = tx->participants();
  if (dry_run) {
    out.counts = p.purgeable(out.cutoff);
    return out;
  }
  out.counts = p.purge(out.cutoff, today);
  // By count, never by content: what was erased is gone, and the log must not keep it.
  if (out.counts.persons || out.counts.enrolments || out.counts.referrals)
    record(*tx, env_.now(), actor, "retention.purge", "enrolment", "",
           describe(out.counts) + " (utskrivna före " + out.cutoff + ")");
  tx->commit();
  return out;
}

}  // namespace stegvis::app
